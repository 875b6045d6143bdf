#pragma once

// A scenario as plain data: what a scenario file says, nothing resolved yet.
// Optional fields stay optional here so that load -> save writes back exactly what the user wrote;
// defaults are applied when the engine builds its model (engine/model/ModelBuilder).
// This header is plain C++ (no Qt): the engine core includes it.

#include "base/SimTime.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace brokerlab {

enum class DistKind { Constant, Exponential, Uniform, Normal, Lognormal, Erlang };

// A random duration. Only the fields of its kind are meaningful; all values are nanoseconds.
struct Distribution {
  DistKind kind = DistKind::Constant;
  SimTime value = 0;    // constant
  SimTime mean = 0;     // exponential, normal, lognormal, erlang
  SimTime stddev = 0;   // normal, lognormal
  SimTime min = 0;      // uniform
  SimTime max = 0;      // uniform
  std::uint32_t k = 1;  // erlang: number of exponential phases

  static Distribution constant(SimTime v) { return {DistKind::Constant, v, 0, 0, 0, 0, 1}; }
  static Distribution exponential(SimTime m) { return {DistKind::Exponential, 0, m, 0, 0, 0, 1}; }
  static Distribution uniform(SimTime lo, SimTime hi) {
    return {DistKind::Uniform, 0, 0, 0, lo, hi, 1};
  }
  static Distribution normal(SimTime m, SimTime sd) {
    return {DistKind::Normal, 0, m, sd, 0, 0, 1};
  }
  static Distribution lognormal(SimTime m, SimTime sd) {
    return {DistKind::Lognormal, 0, m, sd, 0, 0, 1};
  }
  static Distribution erlang(std::uint32_t phases, SimTime m) {
    return {DistKind::Erlang, 0, m, 0, 0, 0, phases};
  }
  bool operator==(const Distribution&) const = default;
};

enum class ComponentKind { Producer, Queue, Consumer, Topic, Stream, Client, Api, Store };
inline constexpr int kComponentKindCount = 8;
// What a full queue does with a publish: drop from its head, refuse the new message (the publisher
// is told), or refuse it and dead-letter it (RabbitMQ's three x-overflow values).
enum class Overflow { DropHead, RejectPublish, RejectPublishDlx };
// RabbitMQ's queue types, where their rules differ: only a quorum queue takes a delivery limit,
// and it is always durable and cannot reject-publish-dlx.
enum class QueueType { Classic, Quorum };
// How a topic routes (RabbitMQ's exchange types): by pattern, to every subscription, or by equal
// routing key.
enum class ExchangeType { Topic, Fanout, Direct };
enum class AckMode { Auto, Manual };
enum class Assignment { Range, RoundRobin };      // how a consumer group shares partitions
enum class CommitMode { Auto, AfterProcessing };  // when a stream consumer commits its offsets
enum class StartPosition { Earliest, Latest };    // where a group with no committed offset begins
enum class ConsumerRole { Consumer, Worker };     // a worker runs request-reply jobs
enum class Notify { Poll, Webhook, Sse, Websocket };  // how a client learns its job is done
enum class ResultDelivery { Redirect, Inline };  // completed status: 303 or the result in the 200

// One entry of "components". The JSON is flat (every parameter beside id and kind), and so is this.
struct ComponentSpec {
  std::string id;
  ComponentKind kind = ComponentKind::Queue;

  static ComponentSpec make(std::string id, ComponentKind kind) {
    ComponentSpec c;
    c.id = std::move(id);
    c.kind = kind;
    return c;
  }

  // producer
  std::optional<std::string> target;
  std::optional<double> rate;  // messages per second (Poisson arrivals)
  std::optional<Distribution> interarrival;
  std::optional<std::uint64_t> count;
  std::optional<std::uint64_t> sizeBytes;
  std::optional<SimTime> start;  // first message no earlier than this (default 0)
  std::optional<SimTime> stop;   // no message at or after this (default: never)
  std::optional<std::vector<std::string>>
      routingKey;                     // topic targets: one key, or keys drawn uniformly
  std::optional<std::uint64_t> keys;  // stream targets: number of distinct record keys
  std::optional<double> keySkew;      // Zipf exponent over those keys (0 = uniform)
  std::optional<SimTime> expiration;  // per-message TTL (AMQP's expiration property)

  // queue (type: classic or quorum); a topic's type is its exchange type
  std::optional<QueueType> queueType;
  std::optional<ExchangeType> exchangeType;
  std::optional<std::uint64_t> maxLength;  // ready messages only, as in RabbitMQ
  std::optional<Overflow> overflow;
  std::optional<SimTime> ttl;
  std::optional<std::string> deadLetter;
  std::optional<std::uint32_t> maxDeliveries;  // BrokerLab's: deliveries before dead-lettering
  std::optional<std::uint32_t> deliveryLimit;  // RabbitMQ's (quorum): returns before that
  std::optional<bool> durable;  // queue: survives a broker restart; consumer of a topic:
                                // subscription buffers while offline

  // stream
  std::optional<std::uint32_t> partitions;
  std::optional<SimTime> retention;             // records older than this go, by whole segments
  std::optional<std::uint64_t> retentionBytes;  // per partition
  std::optional<std::uint64_t> segmentBytes;

  // consumer
  std::optional<std::string> source;
  std::optional<std::uint32_t> instances;
  std::optional<std::uint32_t> prefetch;  // 0 = unlimited, as in RabbitMQ
  std::optional<AckMode> ack;
  std::optional<Distribution> service;
  std::optional<double> failureProbability;
  std::optional<bool> requeue;   // a failed message goes back (nack) or is rejected for good
  std::optional<SimTime> join;   // the consumer comes online at this time (default 0)
  std::optional<SimTime> leave;  // and goes offline for good at this time (default: never)
  // consumer of a topic: its subscription (max_length, overflow and ttl above apply to its queue)
  // routing-key patterns (words separated by '.', '*' one word, '#' any): a message that
  // matches any of them is taken once
  std::optional<std::vector<std::string>> binding;
  // consumer of a stream
  std::optional<std::string> group;
  std::optional<Assignment> assignment;
  std::optional<CommitMode> commit;
  std::optional<SimTime> autoCommitInterval;
  std::optional<StartPosition> startPosition;  // JSON key "start" on a consumer
  std::optional<SimTime> rebalancePause;
  // consumer of a queue as a request-reply worker
  std::optional<ConsumerRole> role;
  std::optional<std::string> store;  // also on an api: its status/result store

  // client (request-reply): target (an api), rate or interarrival, count, start, stop, size_bytes
  // and latency as a producer has them
  std::optional<SimTime> pollInterval;
  std::optional<double> pollBackoff;  // each poll waits this many times longer than the last
  std::optional<SimTime> maxPollInterval;
  std::optional<SimTime> timeout;             // the client gives up on a job after this
  std::optional<double> invalidFraction;      // POSTs with a bad body (400)
  std::optional<double> unknownPollFraction;  // polls sent to a wrong job id (404)
  std::optional<double> cancelFraction;       // jobs the client cancels with DELETE...
  std::optional<SimTime> cancelAfter;         // ...this long after submitting them
  std::optional<Notify> notify;

  // api (request-reply): queue (for jobs), store, service (per request)
  std::optional<std::string> queue;
  std::optional<std::uint32_t> concurrency;  // requests handled at once
  std::optional<SimTime> retryAfter;         // Retry-After sent on 202 and on unfinished statuses
  std::optional<ResultDelivery> resultDelivery;
  std::optional<std::uint64_t> maxWaiting;  // requests waiting for a slot; beyond: 503

  // store (request-reply)
  std::optional<Distribution> readLatency;
  std::optional<Distribution> writeLatency;
  std::optional<SimTime> resultTtl;  // finished jobs are forgotten (404) this long after

  // faults: how long the broker takes to notice a crashed consumer (queue consumers: the AMQP
  // heartbeat timeout; stream consumers: the group's session timeout)
  std::optional<SimTime> heartbeat;
  std::optional<bool> confirm;  // producer: publisher confirms; unconfirmed messages are re-sent

  // any component: the latency of the links it sends on (overrides network.latency)
  std::optional<Distribution> latency;

  bool operator==(const ComponentSpec&) const = default;
};

// A scheduled action on the simulated system (not a fault): a consumer group rewinds or skips.
enum class ActionKind { ResetOffsets };
struct ActionSpec {
  SimTime at = 0;
  ActionKind kind = ActionKind::ResetOffsets;
  std::string target;  // stream id
  std::string group;
  enum class To { Earliest, Latest, Offset, Time } to = To::Earliest;
  std::uint64_t offset = 0;  // To::Offset: the same offset on every partition
  SimTime time = 0;          // To::Time: the first record at or after this time
  bool operator==(const ActionSpec&) const = default;
};

// A fault injected at a time: the scenario's "faults" array, or one applied live (the simulator
// records live faults here too, so that a saved scenario replays the same run). Prefetch and Poll
// are not failures but what-if changes of a setting from a time on (a consumer's prefetch, a
// client's poll interval); they are faults so that they share the timeline, the live path and
// the replay.
enum class FaultKind {
  Crash,
  Restart,
  Spike,
  Slow,
  Poison,
  Partition,
  Degrade,
  Scale,
  Close,
  Prefetch,
  Poll
};
inline constexpr int kFaultKindCount = 11;
struct FaultSpec {
  SimTime at = 0;
  FaultKind kind = FaultKind::Crash;
  // crash, close, slow, scale, prefetch: a consumer ("workers", or "workers#2" for one instance
  // of a crash or close); spike: a producer or client; poison: a producer; partition, degrade: a
  // producer or consumer (its link to the broker); poll: a client; restart: "broker" (with a
  // duration: its downtime).
  std::string target;
  std::optional<SimTime> duration;  // spike, slow, poison, partition, degrade; restart: downtime
  std::optional<SimTime> restartAfter;     // crash, close: the instance comes back after this
  std::optional<double> factor;            // spike (rate), slow (service time), degrade (latency)
  std::optional<double> fraction;          // poison: of the messages sent while it lasts
  std::optional<std::uint32_t> instances;  // scale: the consumer's new number of instances
  std::optional<std::uint32_t> prefetch;   // prefetch: the consumer's new prefetch (0 = unlimited)
  std::optional<SimTime> pollInterval;     // poll: the client's new poll interval
  bool operator==(const FaultSpec&) const = default;
};

// A caption shown on the canvas when the run reaches `at` (a teaching note in a bundled scenario,
// say). Presentation only: the model and the simulation never read it, so adding, editing or
// removing one changes no run, no trace and no report.
struct AnnotationSpec {
  SimTime at = 0;
  std::string text;           // one line, at most limits::kMaxAnnotationChars characters
  std::optional<bool> pause;  // the window pauses when the run reaches it (default false)
  bool operator==(const AnnotationSpec&) const = default;
};

struct LayoutPoint {
  double x = 0;
  double y = 0;
  bool operator==(const LayoutPoint&) const = default;
};

struct Scenario {
  static constexpr int kFormatVersion = 1;

  std::string name;
  std::string description;
  std::optional<std::uint64_t> seed;  // default 1
  SimTime duration = 0;
  std::optional<Distribution> networkLatency;  // default 1 ms constant
  std::optional<SimTime> sampleInterval;  // metrics time-series step; default chosen from duration
  std::vector<ComponentSpec> components;
  std::vector<ActionSpec> actions;
  std::vector<FaultSpec> faults;
  std::vector<AnnotationSpec> annotations;    // captions in file order (any order of time)
  std::map<std::string, LayoutPoint> layout;  // component id -> position on the canvas

  bool operator==(const Scenario&) const = default;
};

// Defaults applied by the engine when a field is absent (documented in docs/scenario-format.md).
namespace defaults {
inline constexpr std::uint64_t kSeed = 1;
inline constexpr SimTime kNetworkLatency = 1 * kMillisecond;
inline constexpr std::uint64_t kSizeBytes = 1024;
inline constexpr std::uint32_t kInstances = 1;
inline constexpr std::uint32_t kPrefetch = 1;
inline constexpr AckMode kAck = AckMode::Manual;
inline constexpr Overflow kOverflow = Overflow::DropHead;  // RabbitMQ's default
inline constexpr QueueType kQueueType = QueueType::Classic;
inline constexpr ExchangeType kExchangeType = ExchangeType::Topic;
inline constexpr bool kRequeue = true;               // a nack requeues
inline constexpr bool kDurable = true;               // a queue
inline constexpr bool kSubscriptionDurable = false;  // a topic subscription
inline constexpr std::uint32_t kMaxDeliveries = 0;   // 0 = no delivery limit
inline constexpr std::uint32_t kPartitions = 1;
inline constexpr SimTime kRetention = 168 * kHour;  // Kafka's 7 days
inline constexpr std::uint64_t kSegmentBytes = 1024 * 1024;
inline constexpr Assignment kAssignment = Assignment::Range;  // Kafka's default assignor
inline constexpr CommitMode kCommit = CommitMode::Auto;
inline constexpr SimTime kAutoCommitInterval = 5 * kSecond;  // Kafka's auto.commit.interval.ms
inline constexpr StartPosition kStartPosition = StartPosition::Latest;  // auto.offset.reset
inline constexpr SimTime kRebalancePause = 3 * kSecond;  // group.initial.rebalance.delay.ms
inline constexpr const char* kBinding = "#";
// faults
inline constexpr SimTime kHeartbeat = 60 * kSecond;       // RabbitMQ's heartbeat timeout
inline constexpr SimTime kSessionTimeout = 45 * kSecond;  // Kafka's session.timeout.ms
inline constexpr bool kConfirm = false;
// annotations
inline constexpr bool kAnnotationPause = false;
// request-reply
inline constexpr SimTime kPollInterval = 1 * kSecond;
inline constexpr double kPollBackoff = 1.0;  // no backoff
inline constexpr SimTime kMaxPollInterval = 60 * kSecond;
inline constexpr SimTime kClientTimeout = 5 * kMinute;
inline constexpr Notify kNotify = Notify::Poll;
inline constexpr std::uint32_t kApiConcurrency = 16;
inline constexpr SimTime kApiService = 5 * kMillisecond;
inline constexpr ResultDelivery kResultDelivery = ResultDelivery::Redirect;
inline constexpr std::uint64_t kMaxWaiting = 0;  // unbounded
inline constexpr SimTime kStoreRead = 2 * kMillisecond;
inline constexpr SimTime kStoreWrite = 5 * kMillisecond;
inline constexpr SimTime kResultTtl = 1 * kHour;
}  // namespace defaults

}  // namespace brokerlab
