#pragma once

#include "model/Model.h"
#include "scenario/Scenario.h"

#include <optional>
#include <string>

namespace brokerlab {

// Applies defaults and resolves ids. The scenario must already be valid (validateScenario); a
// reference that still does not resolve is reported in `error` rather than trusted.
struct ModelBuildResult {
  std::optional<Model> model;
  std::string error;
};
ModelBuildResult buildModel(const Scenario& scenario,
                            std::optional<std::uint64_t> seedOverride = {});

}  // namespace brokerlab
