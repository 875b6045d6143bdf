// The translation unit that carries the non-GUI suites' shared precompiled header.
