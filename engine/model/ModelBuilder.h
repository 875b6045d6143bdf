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

namespace brokerlab {

// Resolves a fault's target against a built model (also used for faults applied live). On a
// target that does not fit the kind, `error` says why and the result must not be used.
FaultDef resolveFault(const Model& model, const FaultSpec& spec, std::string& error);

// Resolves an action's stream and group (also used for actions applied live); `error` as above.
ActionDef resolveAction(const Model& model, const ActionSpec& spec, std::string& error);

}  // namespace brokerlab
