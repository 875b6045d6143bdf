#pragma once

// The vocabulary of the scenario format in one place: which keys exist, which component kind takes
// which parameter, the limits, and the wording of the messages that the reader and the validator
// share (so that a rule broken in a file and in memory reads the same).

#include "scenario/Scenario.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace brokerlab {

inline constexpr std::string_view kScenarioFormatName = "brokerlab-scenario";

// Every limit is reported when reached, never silently truncated.
namespace limits {
inline constexpr std::size_t kMaxFileBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxStringBytes = 1024 * 1024;
inline constexpr int kMaxNestingDepth = 256;
inline constexpr std::size_t kMaxComponents = 100'000;
inline constexpr std::size_t kMaxActions = 100'000;
inline constexpr std::size_t kMaxFaults = 10'000;
inline constexpr std::size_t kMaxAnnotations = 1'000;
inline constexpr std::size_t kMaxAnnotationChars = 200;  // a caption fits one line on the canvas
// spike, slow and degrade multiply by at least and at most these (a factor too close to 0 would
// stretch the times drawn while the fault lasts beyond any time the engine can hold)
inline constexpr double kMinFaultFactor = 0.001;
inline constexpr double kMaxFaultFactor = 1'000;
inline constexpr std::size_t kMaxIdLength = 64;
inline constexpr std::uint32_t kMaxInstances = 10'000;
// What the model allocates per unit, added over all components: consumer instances (the most any
// scale fault gives a consumer counts) and stream partitions (each read by its groups). Each
// component may be within its own limit while the whole does not fit in memory.
inline constexpr std::uint64_t kMaxTotalInstances = 1'000'000;
inline constexpr std::uint64_t kMaxTotalPartitions = 100'000;
inline constexpr std::uint32_t kMaxPrefetch = 100'000;
inline constexpr std::uint32_t kMaxErlangK = 1'000;
inline constexpr double kMaxRateHz = 1e9;  // one message per nanosecond: time's resolution
inline constexpr std::int64_t kMaxSamples = 1'000'000;  // duration / sample_interval
inline constexpr std::size_t kMaxIssues = 100;  // a file with more problems lists the first ones
// ... and counts the others up to here, where reading stops (bounding the work on a broken file).
inline constexpr std::size_t kMaxIssuesCounted = 10'000;
inline constexpr std::uint32_t kMaxPartitions = 1'024;
inline constexpr std::uint64_t kMaxRecordKeys = 1'000'000'000;
inline constexpr double kMaxKeySkew = 10;
inline constexpr std::size_t kMaxRoutingKeyBytes = 255;  // an AMQP short string
inline constexpr std::size_t kMaxGroupLength = 64;
inline constexpr std::uint32_t kMaxConcurrency = 100'000;  // an api's request slots
inline constexpr double kMaxPollBackoff = 10;
// a delivery limit N lets a message be delivered N + 1 times, which must fit a 32-bit count
inline constexpr std::uint32_t kMaxDeliveryLimit = 4'294'967'294;
}  // namespace limits

namespace rules {

std::span<const std::string_view> topLevelKeys();
std::span<const std::string_view> networkKeys();
std::span<const std::string_view> layoutPointKeys();
std::span<const std::string_view> actionKeys();      // one entry of "actions", canonical order
std::span<const std::string_view> resetToKeys();     // the object form of an action's "to"
std::span<const std::string_view> faultKeys();       // every key of a fault, canonical order
std::span<const std::string_view> annotationKeys();  // one entry of "annotations", canonical order
// Canonical order of all component keys (the writer's order).
std::span<const std::string_view> componentKeyOrder();
std::span<const std::string_view> parametersOf(ComponentKind kind);
bool takesParameter(ComponentKind kind, std::string_view key);
// A consumer takes the parameters of its source's kind (a queue, a topic or a stream); the
// parameters of a consumer above are all of these together.
std::span<const std::string_view> consumerParametersFor(ComponentKind source);
bool consumerTakes(ComponentKind source, std::string_view key);

std::string_view kindName(ComponentKind kind);  // "producer"
std::string withArticle(ComponentKind kind);    // "a producer", "an api"
std::optional<ComponentKind> kindFromName(std::string_view name);
std::span<const std::string_view> kindNames();

std::string_view distName(DistKind kind);  // "exponential"
std::optional<DistKind> distFromName(std::string_view name);
std::span<const std::string_view> distNames();
std::span<const std::string_view> parametersOf(DistKind kind);  // including "dist"

// The names of the enumerations, indexed by their values.
std::span<const std::string_view> overflowNames();       // "drop-head", "reject-publish", "...-dlx"
std::span<const std::string_view> queueTypeNames();      // "classic", "quorum"
std::span<const std::string_view> exchangeTypeNames();   // "topic", "fanout", "direct"
std::span<const std::string_view> ackNames();            // "auto", "manual"
std::span<const std::string_view> assignmentNames();     // "range", "round-robin"
std::span<const std::string_view> commitNames();         // "auto", "after-processing"
std::span<const std::string_view> startPositionNames();  // "earliest", "latest"
std::span<const std::string_view> actionKindNames();     // "reset-offsets"
std::span<const std::string_view> roleNames();           // "consumer", "worker"
std::span<const std::string_view> notifyNames();         // "poll", "webhook", "sse", "websocket"
std::span<const std::string_view> resultDeliveryNames();  // "redirect", "inline"
std::span<const std::string_view> faultKindNames();       // "crash", "restart", "spike", ...

// Faults: the kinds that can be used, in the order the documentation lists them.
std::span<const std::string_view> availableFaultKinds();         // "crash", "close", ..., "scale"
std::string_view faultKindName(FaultKind kind);                  // "crash"
std::span<const std::string_view> parametersOf(FaultKind kind);  // including at, kind, target
bool faultTakes(FaultKind kind, std::string_view key);
// `"factor" is not a parameter of a "crash" fault (a "crash" fault takes: at, kind, target,
// restart_after)`
std::string notAParameterOfFault(std::string_view key, FaultKind kind);

// Words of [A-Za-z0-9_-]+ separated by '.': "eu.orders.created".
bool isRoutingKey(std::string_view key);
// A routing key whose words may also be '*' (exactly one word) or '#' (zero or more words).
bool isBindingPattern(std::string_view pattern);
// 1 to 64 characters of [A-Za-z0-9_.-], as a component id.
bool isGroupName(std::string_view group);

// `"prefetch" is not a parameter of a queue (a queue takes: id, kind, ...)`
std::string notAParameter(std::string_view key, ComponentKind kind);
// `"binding" is only for a consumer of a topic ("q" is a queue)` when one kind of source takes the
// key, otherwise `"ack" is not a parameter of a consumer of a stream (a consumer of a stream
// takes: ...)`. The part in parentheses of the first form is left out when `sourceId` is empty.
std::string notAParameterOfConsumerOf(std::string_view key, ComponentKind source,
                                      std::string_view sourceId = {});
// `unknown key "instnaces"; did you mean "instances"?` or `unknown key "x" (expected one of: ...)`
std::string unknownKey(std::string_view key, std::span<const std::string_view> known);
// The candidate closest to `word` by edit distance, or empty when none is close enough.
std::string_view closest(std::string_view word, std::span<const std::string_view> candidates);
// "must be an integer >= 1" / "must be an integer >= 1 and <= 10000"
std::string integerRange(std::uint64_t min, std::uint64_t max);
// "a, b, c"
std::string joined(std::span<const std::string_view> words);
// "\"a\", \"b\" or \"c\""
std::string quotedChoice(std::span<const std::string_view> words);

}  // namespace rules
}  // namespace brokerlab
