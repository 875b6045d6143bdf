#pragma once

// Random fault plans for simulation fuzzing: from a seed, a handful of faults that fit the
// scenario's components, at random times. The same (scenario, seed) always gives the same plan.

#include "scenario/Scenario.h"

#include <cstdint>
#include <vector>

namespace brokerlab {

std::vector<FaultSpec> randomFaultPlan(const Scenario& scenario, std::uint64_t faultSeed);

}  // namespace brokerlab
