#pragma once

// Scenario files from text: JSON syntax, then the format's shape (types, keys, kinds), then
// validateScenario's rules. Every problem is reported with its JSON path and, where known, the line
// and column of the offending value; the scenario is only returned when there are none.

#include "scenario/Scenario.h"
#include "scenario/ScenarioIssue.h"

#include <optional>
#include <string_view>
#include <vector>

namespace brokerlab {

struct ScenarioLoadResult {
  std::optional<Scenario> scenario;  // set only when `issues` is empty
  std::vector<ScenarioIssue> issues;
  bool ok() const { return scenario.has_value() && issues.empty(); }
};

ScenarioLoadResult parseScenario(std::string_view jsonText);

}  // namespace brokerlab
