#pragma once

// Scenario files from text: JSON syntax, then the format's shape (types, keys, kinds), then
// validateScenario's rules. Every problem is reported with its JSON path and, where known, the line
// and column of the offending value; the scenario is only returned when there are none.

#include "scenario/Scenario.h"
#include "scenario/ScenarioIssue.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace brokerlab {

struct ScenarioLoadResult {
  std::optional<Scenario> scenario;  // set only when `issues` is empty
  std::vector<ScenarioIssue> issues;
  // Problems found, listed or not: past limits::kMaxIssues the last issue is a note saying how
  // many more there are (counting stops at limits::kMaxIssuesCounted).
  std::size_t problems = 0;
  // With a scenario: what is valid but probably not meant (scenarioWarnings), with positions.
  std::vector<ScenarioIssue> warnings;
  bool ok() const { return scenario.has_value() && issues.empty(); }
  std::size_t problemCount() const { return std::max(problems, issues.size()); }
};

ScenarioLoadResult parseScenario(std::string_view jsonText);

}  // namespace brokerlab
