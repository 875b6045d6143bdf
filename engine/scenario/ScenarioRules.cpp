#include "scenario/ScenarioRules.h"

#include "scenario/JsonWriter.h"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace brokerlab::rules {

namespace {

using Words = std::span<const std::string_view>;

constexpr std::array<std::string_view, 13> kTopLevel{
    "format",          "version",    "name",    "description", "seed",        "duration", "network",
    "sample_interval", "components", "actions", "faults",      "annotations", "layout"};
constexpr std::array<std::string_view, 1> kNetwork{"latency"};
constexpr std::array<std::string_view, 2> kPoint{"x", "y"};
constexpr std::array<std::string_view, 5> kAction{"at", "kind", "target", "group", "to"};
constexpr std::array<std::string_view, 2> kResetTo{"offset", "time"};
constexpr std::array<std::string_view, 10> kFault{
    "at",     "kind",     "target",    "duration", "restart_after",
    "factor", "fraction", "instances", "prefetch", "poll_interval"};
constexpr std::array<std::string_view, 3> kAnnotation{"at", "text", "pause"};
// Every list of parameters below is in this order.
// clang-format off
constexpr std::array<std::string_view, 62> kComponentOrder{
    "id", "kind", "type",
    "target", "rate", "interarrival", "count", "size_bytes", "start", "stop",
    "routing_key", "keys", "key_skew", "confirm", "expiration",
    "notify", "poll_interval", "poll_backoff", "max_poll_interval", "timeout", "invalid_fraction",
    "unknown_poll_fraction", "cancel_fraction", "cancel_after",
    "partitions", "retention", "retention_bytes", "segment_bytes",
    "max_length", "overflow", "ttl", "dead_letter", "max_deliveries", "delivery_limit", "durable",
    "queue", "source", "binding", "group", "role", "store", "concurrency", "max_waiting",
    "instances", "prefetch", "ack", "service", "failure_probability", "requeue", "retry_after",
    "result_delivery", "join", "leave", "assignment", "commit", "auto_commit_interval",
    "rebalance_pause", "heartbeat",
    "read_latency", "write_latency", "result_ttl",
    "latency"};
constexpr std::array<std::string_view, 15> kProducer{
    "id", "kind", "target", "rate", "interarrival", "count", "size_bytes", "start", "stop",
    "routing_key", "keys", "key_skew", "confirm", "expiration", "latency"};
constexpr std::array<std::string_view, 11> kQueue{
    "id", "kind", "type", "max_length", "overflow", "ttl", "dead_letter", "max_deliveries",
    "delivery_limit", "durable", "latency"};
constexpr std::array<std::string_view, 26> kConsumer{
    "id", "kind", "start", "max_length", "overflow", "ttl", "durable", "source", "binding", "group",
    "role", "store", "instances", "prefetch", "ack", "service", "failure_probability", "requeue",
    "join", "leave", "assignment", "commit", "auto_commit_interval", "rebalance_pause",
    "heartbeat", "latency"};
constexpr std::array<std::string_view, 4> kTopic{"id", "kind", "type", "latency"};
constexpr std::array<std::string_view, 7> kStream{
    "id", "kind", "partitions", "retention", "retention_bytes", "segment_bytes", "latency"};
// request-reply: a client sends to an api as a producer sends to a queue (target ... stop)
constexpr std::array<std::string_view, 19> kClient{
    "id", "kind", "target", "rate", "interarrival", "count", "size_bytes", "start", "stop",
    "notify", "poll_interval", "poll_backoff", "max_poll_interval", "timeout", "invalid_fraction",
    "unknown_poll_fraction", "cancel_fraction", "cancel_after", "latency"};
constexpr std::array<std::string_view, 10> kApi{
    "id", "kind", "queue", "store", "concurrency", "max_waiting", "service", "retry_after",
    "result_delivery", "latency"};
constexpr std::array<std::string_view, 5> kStore{  // sends nothing on links: no latency
    "id", "kind", "read_latency", "write_latency", "result_ttl"};
// A consumer, by the kind of its source.
constexpr std::array<std::string_view, 15> kConsumerOfQueue{
    "id", "kind", "source", "role", "store", "instances", "prefetch", "ack", "service",
    "failure_probability", "requeue", "join", "leave", "heartbeat", "latency"};
constexpr std::array<std::string_view, 18> kConsumerOfTopic{
    "id", "kind", "max_length", "overflow", "ttl", "durable", "source", "binding",
    "instances", "prefetch", "ack", "service", "failure_probability", "requeue", "join", "leave",
    "heartbeat", "latency"};
constexpr std::array<std::string_view, 16> kConsumerOfStream{
    "id", "kind", "start", "source", "group", "instances", "prefetch", "service", "join", "leave",
    "assignment", "commit", "auto_commit_interval", "rebalance_pause", "heartbeat", "latency"};
// A fault, by its kind (FaultKind order).
constexpr std::array<std::string_view, 4> kCrash{"at", "kind", "target", "restart_after"};
constexpr std::array<std::string_view, 4> kRestart{"at", "kind", "target", "duration"};
constexpr std::array<std::string_view, 5> kFactorFault{"at", "kind", "target", "duration",
                                                       "factor"};  // spike, slow, degrade
constexpr std::array<std::string_view, 5> kPoison{"at", "kind", "target", "duration", "fraction"};
constexpr std::array<std::string_view, 5> kPartition{"at", "kind", "target", "duration",
                                                     "fraction"};
constexpr std::array<std::string_view, 4> kScale{"at", "kind", "target", "instances"};
constexpr std::array<std::string_view, 4> kPrefetch{"at", "kind", "target", "prefetch"};
constexpr std::array<std::string_view, 4> kPoll{"at", "kind", "target", "poll_interval"};
// clang-format on
constexpr std::array<std::string_view, kComponentKindCount> kKinds{
    "producer", "queue", "consumer", "topic", "stream", "client", "api", "store"};
constexpr std::array<ComponentKind, 3> kSourceKinds{ComponentKind::Queue, ComponentKind::Topic,
                                                    ComponentKind::Stream};
constexpr std::array<std::string_view, 3> kOverflowNames{"drop-head", "reject-publish",
                                                         "reject-publish-dlx"};
constexpr std::array<std::string_view, 2> kQueueTypeNames{"classic", "quorum"};
constexpr std::array<std::string_view, 3> kExchangeTypeNames{"topic", "fanout", "direct"};
constexpr std::array<std::string_view, 2> kAckNames{"auto", "manual"};
constexpr std::array<std::string_view, 2> kAssignmentNames{"range", "round-robin"};
constexpr std::array<std::string_view, 2> kCommitNames{"auto", "after-processing"};
constexpr std::array<std::string_view, 2> kStartNames{"earliest", "latest"};
constexpr std::array<std::string_view, 1> kActionKindNames{"reset-offsets"};
constexpr std::array<std::string_view, 2> kRoleNames{"consumer", "worker"};
constexpr std::array<std::string_view, 4> kNotifyNames{"poll", "webhook", "sse", "websocket"};
constexpr std::array<std::string_view, 2> kResultDeliveryNames{"redirect", "inline"};
constexpr std::array<std::string_view, kFaultKindCount> kFaultKindNames{
    "crash",   "restart", "spike", "slow",     "poison", "partition",
    "degrade", "scale",   "close", "prefetch", "poll"};
constexpr std::array<std::string_view, kFaultKindCount> kAvailableFaultKinds{
    "crash",     "close",   "restart", "spike",    "slow", "poison",
    "partition", "degrade", "scale",   "prefetch", "poll"};
constexpr std::array<std::string_view, 6> kDists{"constant", "exponential", "uniform",
                                                 "normal",   "lognormal",   "erlang"};
constexpr std::array<std::string_view, 2> kConstantKeys{"dist", "value"};
constexpr std::array<std::string_view, 2> kMeanKeys{"dist", "mean"};
constexpr std::array<std::string_view, 3> kUniformKeys{"dist", "min", "max"};
constexpr std::array<std::string_view, 3> kSpreadKeys{"dist", "mean", "stddev"};
constexpr std::array<std::string_view, 3> kErlangKeys{"dist", "k", "mean"};

bool isWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// Words separated by '.', each accepted by `word`; at least one word, none empty.
template <typename Word>
bool isDottedWords(std::string_view text, Word word) {
  if (text.empty() || text.size() > limits::kMaxRoutingKeyBytes) return false;
  for (std::size_t begin = 0;;) {
    const std::size_t dot = text.find('.', begin);
    if (!word(text.substr(begin, dot == std::string_view::npos ? dot : dot - begin))) {
      return false;
    }
    if (dot == std::string_view::npos) return true;
    begin = dot + 1;
  }
}

bool isPlainWord(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), isWordChar);
}

bool contains(Words words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Optimal string alignment distance: a swap of neighbours ("instnaces") counts as one edit.
std::size_t editDistance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::size_t> d((n + 1) * (m + 1));
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * (m + 1) + j]; };
  for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= m; ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(n, m);
}

}  // namespace

Words topLevelKeys() {
  return kTopLevel;
}
Words networkKeys() {
  return kNetwork;
}
Words layoutPointKeys() {
  return kPoint;
}
Words componentKeyOrder() {
  return kComponentOrder;
}
Words actionKeys() {
  return kAction;
}
Words resetToKeys() {
  return kResetTo;
}
Words faultKeys() {
  return kFault;
}
Words annotationKeys() {
  return kAnnotation;
}
Words kindNames() {
  return kKinds;
}
Words overflowNames() {
  return kOverflowNames;
}
Words queueTypeNames() {
  return kQueueTypeNames;
}
Words exchangeTypeNames() {
  return kExchangeTypeNames;
}
Words ackNames() {
  return kAckNames;
}
Words assignmentNames() {
  return kAssignmentNames;
}
Words commitNames() {
  return kCommitNames;
}
Words startPositionNames() {
  return kStartNames;
}
Words actionKindNames() {
  return kActionKindNames;
}
Words roleNames() {
  return kRoleNames;
}
Words notifyNames() {
  return kNotifyNames;
}
Words resultDeliveryNames() {
  return kResultDeliveryNames;
}
Words distNames() {
  return kDists;
}
Words faultKindNames() {
  return kFaultKindNames;
}
Words availableFaultKinds() {
  return kAvailableFaultKinds;
}

std::string_view faultKindName(FaultKind kind) {
  return kFaultKindNames[static_cast<std::size_t>(kind)];
}

Words parametersOf(FaultKind kind) {
  switch (kind) {
    case FaultKind::Crash:
    case FaultKind::Close:
      return kCrash;
    case FaultKind::Restart:
      return kRestart;
    case FaultKind::Spike:
    case FaultKind::Slow:
    case FaultKind::Degrade:
      return kFactorFault;
    case FaultKind::Poison:
      return kPoison;
    case FaultKind::Partition:
      return kPartition;
    case FaultKind::Scale:
      return kScale;
    case FaultKind::Prefetch:
      return kPrefetch;
    case FaultKind::Poll:
      return kPoll;
  }
  return {};
}

bool faultTakes(FaultKind kind, std::string_view key) {
  return contains(parametersOf(kind), key);
}

std::string notAParameterOfFault(std::string_view key, FaultKind kind) {
  const std::string which =
      std::string("a ").append(json::quoted(faultKindName(kind))).append(" fault");
  return json::quoted(key)
      .append(" is not a parameter of ")
      .append(which)
      .append(" (")
      .append(which)
      .append(" takes: ")
      .append(joined(parametersOf(kind)))
      .append(")");
}

Words parametersOf(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::Producer:
      return kProducer;
    case ComponentKind::Queue:
      return kQueue;
    case ComponentKind::Consumer:
      return kConsumer;
    case ComponentKind::Topic:
      return kTopic;
    case ComponentKind::Stream:
      return kStream;
    case ComponentKind::Client:
      return kClient;
    case ComponentKind::Api:
      return kApi;
    case ComponentKind::Store:
      return kStore;
  }
  return {};
}

bool takesParameter(ComponentKind kind, std::string_view key) {
  return contains(parametersOf(kind), key);
}

Words consumerParametersFor(ComponentKind source) {
  switch (source) {
    case ComponentKind::Queue:
      return kConsumerOfQueue;
    case ComponentKind::Topic:
      return kConsumerOfTopic;
    case ComponentKind::Stream:
      return kConsumerOfStream;
    default:
      return {};
  }
}

bool consumerTakes(ComponentKind source, std::string_view key) {
  return contains(consumerParametersFor(source), key);
}

bool isRoutingKey(std::string_view key) {
  return isDottedWords(key, isPlainWord);
}

bool isBindingPattern(std::string_view pattern) {
  return isDottedWords(pattern, [](std::string_view word) {
    return word == "*" || word == "#" || isPlainWord(word);
  });
}

bool isGroupName(std::string_view group) {
  return !group.empty() && group.size() <= limits::kMaxGroupLength &&
         std::all_of(group.begin(), group.end(), [](char c) { return isWordChar(c) || c == '.'; });
}

std::string_view kindName(ComponentKind kind) {
  return kKinds[static_cast<std::size_t>(kind)];
}

std::string withArticle(ComponentKind kind) {
  const std::string_view name = kindName(kind);
  return std::string(name.front() == 'a' ? "an " : "a ").append(name);  // "an api"
}

std::optional<ComponentKind> kindFromName(std::string_view name) {
  for (std::size_t i = 0; i < kKinds.size(); ++i) {
    if (kKinds[i] == name) return static_cast<ComponentKind>(i);
  }
  return std::nullopt;
}

std::string_view distName(DistKind kind) {
  return kDists[static_cast<std::size_t>(kind)];
}

std::optional<DistKind> distFromName(std::string_view name) {
  for (std::size_t i = 0; i < kDists.size(); ++i) {
    if (kDists[i] == name) return static_cast<DistKind>(i);
  }
  return std::nullopt;
}

Words parametersOf(DistKind kind) {
  switch (kind) {
    case DistKind::Constant:
      return kConstantKeys;
    case DistKind::Exponential:
      return kMeanKeys;
    case DistKind::Uniform:
      return kUniformKeys;
    case DistKind::Normal:
    case DistKind::Lognormal:
      return kSpreadKeys;
    case DistKind::Erlang:
      return kErlangKeys;
  }
  return {};
}

std::string notAParameter(std::string_view key, ComponentKind kind) {
  return json::quoted(key) + " is not a parameter of " + withArticle(kind) + " (" +
         withArticle(kind) + " takes: " + joined(parametersOf(kind)) + ")";
}

std::string notAParameterOfConsumerOf(std::string_view key, ComponentKind source,
                                      std::string_view sourceId) {
  std::optional<ComponentKind> only;
  int takers = 0;
  for (const ComponentKind kind : kSourceKinds) {
    if (consumerTakes(kind, key)) {
      only = kind;
      ++takers;
    }
  }
  if (takers == 1) {
    return json::quoted(key) + " is only for a consumer of " + withArticle(*only) +
           (sourceId.empty() ? ""
                             : " (" + json::quoted(sourceId) + " is " + withArticle(source) + ")");
  }
  const std::string who = "a consumer of " + withArticle(source);
  return json::quoted(key) + " is not a parameter of " + who + " (" + who +
         " takes: " + joined(consumerParametersFor(source)) + ")";
}

std::string unknownKey(std::string_view key, Words known) {
  const std::string_view near = closest(key, known);
  if (!near.empty()) {
    return "unknown key " + json::quoted(key) + "; did you mean " + json::quoted(near) + "?";
  }
  return "unknown key " + json::quoted(key) + " (expected one of: " + joined(known) + ")";
}

std::string_view closest(std::string_view word, Words candidates) {
  // Long keys tolerate more typos; a short one with two edits is usually another word.
  const std::size_t allowed = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
  if (word.size() > 200) return {};  // keeps the quadratic distance cheap on hostile input
  std::string_view best;
  std::size_t bestDistance = allowed + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

std::string integerRange(std::uint64_t min, std::uint64_t max) {
  std::string text = "must be an integer >= " + std::to_string(min);
  if (max != std::numeric_limits<std::uint64_t>::max() || min == 0) {
    text += " and <= " + std::to_string(max);
  }
  return text;
}

std::string joined(Words words) {
  std::string text;
  for (std::string_view word : words) {
    if (!text.empty()) text += ", ";
    text += word;
  }
  return text;
}

std::string quotedChoice(Words words) {
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += i + 1 == words.size() ? " or " : ", ";
    text += json::quoted(words[i]);
  }
  return text;
}

}  // namespace brokerlab::rules
