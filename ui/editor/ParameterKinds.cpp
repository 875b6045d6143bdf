#include "editor/ParameterKinds.h"

#include "scenario/ScenarioRules.h"

#include <algorithm>
#include <array>

namespace brokerlab::ui {

namespace {

constexpr std::array<std::string_view, 5> kReferences{"target", "source", "queue", "store",
                                                      "dead_letter"};
constexpr std::array<std::string_view, 5> kDistributions{"interarrival", "service", "latency",
                                                         "read_latency", "write_latency"};
constexpr std::array<std::string_view, 3> kFlags{"durable", "requeue", "confirm"};
constexpr std::array<std::string_view, 2> kWords{"routing_key", "binding"};
constexpr std::array<std::string_view, 16> kDurations{
    "start",           "stop",          "ttl",
    "expiration",      "retention",     "join",
    "leave",           "heartbeat",     "auto_commit_interval",
    "rebalance_pause", "poll_interval", "max_poll_interval",
    "timeout",         "cancel_after",  "retry_after",
    "result_ttl"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

ParameterInfo parameterInfo(ComponentKind component, std::string_view key) {
  using K = ParameterKind;
  if (in(kReferences, key)) return {K::Reference, {}, "another component's id"};
  if (in(kDistributions, key))
    return {K::Distribution, {}, "a constant duration, or a distribution and its durations"};
  if (in(kFlags, key)) return {K::Flag, {}, "true or false"};
  if (in(kWords, key)) return {K::Words, {}, "one or more, separated by commas"};
  if (key == "group") return {K::Text, {}, "1 to 64 letters, digits, '_', '.' or '-'"};
  if (key == "type")
    return {
        K::Choice,
        component == ComponentKind::Topic ? rules::exchangeTypeNames() : rules::queueTypeNames(),
        ""};
  if (key == "start" && component == ComponentKind::Consumer)
    return {K::Choice, rules::startPositionNames(), ""};
  if (key == "overflow") return {K::Choice, rules::overflowNames(), ""};
  if (key == "ack") return {K::Choice, rules::ackNames(), ""};
  if (key == "assignment") return {K::Choice, rules::assignmentNames(), ""};
  if (key == "commit") return {K::Choice, rules::commitNames(), ""};
  if (key == "role") return {K::Choice, rules::roleNames(), ""};
  if (key == "notify") return {K::Choice, rules::notifyNames(), ""};
  if (key == "result_delivery") return {K::Choice, rules::resultDeliveryNames(), ""};
  if (in(kDurations, key)) return {K::Duration, {}, "a duration: 250ms, 2s, 1.5m, 1h"};
  return {K::Number, {}, "a number"};
}

}  // namespace brokerlab::ui
