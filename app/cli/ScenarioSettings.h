#pragma once

// `--set ID.PARAM=VALUE` (run and sweep): the scenario file read once, its issues and warnings
// printed as every command prints them, and its document kept so that values can be changed in it
// before it is loaded again (engine/scenario/ScenarioAssignments).

#include "scenario/ScenarioAssignments.h"

#include <optional>
#include <string>
#include <vector>

namespace brokerlab::cli {

class ScenarioSettings {
 public:
  // Reads FILE ("-": standard input, read once) and loads it unchanged, printing its issues and
  // warnings as every command does. False when it does not load (exit 1).
  bool read(const std::string& file);

  const Scenario& original() const { return *original_; }

  // The scenario with each "ID.PARAM=VALUE" applied, or nothing with `*error` saying which
  // assignment is wrong and why (an unknown id or parameter, or the loader's message).
  std::optional<Scenario> with(const std::vector<std::string>& assignments,
                               std::string* error) const {
    return assignments_->with(assignments, error);
  }

 private:
  std::optional<ScenarioAssignments> assignments_;
  std::optional<Scenario> original_;
};

}  // namespace brokerlab::cli
