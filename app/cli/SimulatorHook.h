#pragma once

namespace brokerlab {
class Simulator;
}

namespace brokerlab::cli {

// Called on every simulator that run, trace and fuzz build, before it runs. brokerlab-cli's does
// nothing (SimulatorHook.cpp); the tests link a second CLI whose hook breaks the engine on
// purpose (tests/cli/SabotageHook.cpp), to show each command catching what it must catch.
void prepareSimulator(Simulator& sim);

}  // namespace brokerlab::cli
