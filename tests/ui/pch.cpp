// The translation unit that carries the GUI suites' shared precompiled header.
