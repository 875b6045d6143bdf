#pragma once

#include "base/Sampler.h"
#include "scenario/Scenario.h"

namespace brokerlab {

// The sampler that draws a scenario's distribution: where the file format meets the sampling
// primitives (which know nothing of the format).
Sampler samplerOf(const Distribution& dist);

}  // namespace brokerlab
