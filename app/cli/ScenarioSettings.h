#pragma once

// `--set ID.PARAM=VALUE` (run and sweep): a value changed in the scenario's JSON document before it
// is loaded, so that the loader checks the changed scenario with its own rules and messages, and a
// set value means exactly what the same value written in the file means ("100ms", 4, "drop-head").

#include "scenario/Json.h"
#include "scenario/Scenario.h"

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
                               std::string* error) const;

 private:
  json::Value root_;
  std::optional<Scenario> original_;
};

}  // namespace brokerlab::cli
