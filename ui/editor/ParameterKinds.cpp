#include "editor/ParameterKinds.h"

#include "scenario/DurationText.h"
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

std::string defaultText(ComponentKind component, std::string_view key) {
  namespace d = defaults;
  using K = ComponentKind;
  const bool consumer = component == K::Consumer;
  const auto name = [](std::span<const std::string_view> names, auto value) {
    return std::string(names[static_cast<std::size_t>(value)]);
  };
  if (key == "latency") return "the network's";
  if (key == "size_bytes") return std::to_string(d::kSizeBytes);
  if (key == "start") return consumer ? name(rules::startPositionNames(), d::kStartPosition) : "0s";
  if (key == "join") return "0s";
  if (key == "stop" || key == "leave") return "never";
  if (key == "count" || key == "max_length" || key == "max_deliveries" ||
      key == "retention_bytes" || key == "max_waiting")
    return "no limit";
  if (key == "key_skew" || key == "failure_probability" || key == "invalid_fraction" ||
      key == "unknown_poll_fraction" || key == "cancel_fraction")
    return "0";
  if (key == "confirm") return d::kConfirm ? "true" : "false";
  if (key == "type")
    return component == K::Topic ? name(rules::exchangeTypeNames(), d::kExchangeType)
                                 : name(rules::queueTypeNames(), d::kQueueType);
  if (key == "overflow") return name(rules::overflowNames(), d::kOverflow);
  if (key == "durable")
    return (consumer ? d::kSubscriptionDurable : d::kDurable) ? "true" : "false";
  if (key == "partitions") return std::to_string(d::kPartitions);
  if (key == "retention") return formatDuration(d::kRetention);
  if (key == "segment_bytes") return std::to_string(d::kSegmentBytes);
  if (key == "instances") return std::to_string(d::kInstances);
  if (key == "prefetch") return std::to_string(d::kPrefetch);
  if (key == "ack") return name(rules::ackNames(), d::kAck);
  if (key == "requeue") return d::kRequeue ? "true" : "false";
  if (key == "binding") return d::kBinding;
  if (key == "assignment") return name(rules::assignmentNames(), d::kAssignment);
  if (key == "commit") return name(rules::commitNames(), d::kCommit);
  if (key == "auto_commit_interval") return formatDuration(d::kAutoCommitInterval);
  if (key == "rebalance_pause") return formatDuration(d::kRebalancePause);
  if (key == "heartbeat") return "60s on a queue, 45s on a stream";
  if (key == "role") return name(rules::roleNames(), ConsumerRole::Consumer);
  if (key == "poll_interval") return formatDuration(d::kPollInterval);
  if (key == "poll_backoff") return "1 (none)";
  if (key == "max_poll_interval") return formatDuration(d::kMaxPollInterval);
  if (key == "timeout") return formatDuration(d::kClientTimeout);
  if (key == "notify") return name(rules::notifyNames(), d::kNotify);
  if (key == "concurrency") return std::to_string(d::kApiConcurrency);
  if (key == "service" && component == K::Api) return formatDuration(d::kApiService);
  if (key == "result_delivery") return name(rules::resultDeliveryNames(), d::kResultDelivery);
  if (key == "read_latency") return formatDuration(d::kStoreRead);
  if (key == "write_latency") return formatDuration(d::kStoreWrite);
  if (key == "result_ttl") return formatDuration(d::kResultTtl);
  return {};
}

}  // namespace brokerlab::ui
