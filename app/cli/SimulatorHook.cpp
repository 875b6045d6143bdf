#include "SimulatorHook.h"

namespace brokerlab::cli {

void prepareSimulator(Simulator&) {}

}  // namespace brokerlab::cli
