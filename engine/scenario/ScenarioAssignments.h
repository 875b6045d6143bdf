#pragma once

// `ID.PARAM=VALUE` assignments (`brokerlab-cli run --set`, sweeps in the CLI and the window): a
// value changed in the scenario's JSON document before it is loaded, so that the loader checks the
// changed scenario with its own rules and messages, and a set value means exactly what the same
// value written in the file means ("100ms", 4, "drop-head").

#include "scenario/Json.h"
#include "scenario/Scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace brokerlab {

class ScenarioAssignments {
 public:
  // `root` is the document of a scenario that loads.
  explicit ScenarioAssignments(json::Value root) : root_(std::move(root)) {}

  // The scenario with each "ID.PARAM=VALUE" applied, or nothing with `*error` saying which
  // assignment is wrong and why (an unknown id or parameter, or the loader's message), as
  // "--set ID.PARAM=VALUE: why".
  std::optional<Scenario> with(const std::vector<std::string>& assignments,
                               std::string* error) const;

 private:
  json::Value root_;
};

}  // namespace brokerlab
