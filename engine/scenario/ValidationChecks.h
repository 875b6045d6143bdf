#pragma once

// What the validation passes share (ScenarioValidation for the scenario as a whole,
// TopicStreamValidation for topics, streams, consumer groups and actions, RequestReplyValidation
// for clients, apis, stores and workers): the list of issues, the checks of common values, and
// component paths. Internal to engine/scenario.

#include "scenario/Scenario.h"
#include "scenario/ScenarioIssue.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace brokerlab::detail {

// Component id -> index in the scenario (the first one, when an id is used twice).
using ComponentIndex = std::map<std::string, std::size_t, std::less<>>;

std::string componentPath(std::size_t i);                         // "components[2]"
std::string componentField(std::size_t i, std::string_view key);  // "components[2].instances"
std::string namedComponent(const Scenario& s, std::size_t i);     // components[3] ("billing-a")

// Each optional parameter of a component by its JSON key, and whether it is set. "start" is set
// by either meaning: a producer's or a client's time, or a consumer's start position.
using PresentParameters = std::array<std::pair<std::string_view, bool>, 59>;
PresentParameters presentParameters(const ComponentSpec& c);

class Checks {
 public:
  void add(std::string path, std::string message);
  void positiveDuration(const std::string& path, SimTime t);  // > 0 and within the limit
  void durationValue(const std::string& path, SimTime t);     // >= 0 and within the limit
  void checkDistribution(const std::string& path, const Distribution& d);
  void integerIn(const std::string& path, std::uint64_t value, std::uint64_t min,
                 std::uint64_t max);
  void fraction(const std::string& path, double value);  // a probability: from 0 to 1
  std::vector<ScenarioIssue> take() { return std::move(issues_); }
  // What is valid but likely not meant (scenarioWarnings).
  void warn(std::string path, std::string message);
  std::vector<ScenarioIssue> takeWarnings() { return std::move(warnings_); }

 private:
  void warnIfTruncationMovesTheMean(const std::string& path, const Distribution& d);

  std::vector<ScenarioIssue> issues_;
  std::vector<ScenarioIssue> warnings_;
};

}  // namespace brokerlab::detail
