#pragma once

// The engine's resolved, immutable view of a scenario: defaults applied, ids turned into indices,
// distributions compiled to samplers. Built once (ModelBuilder); shared read-only by every copy
// of a simulator, so a checkpoint copies only the mutable state.

#include "base/Index.h"
#include "base/Sampler.h"
#include "base/Zipf.h"
#include "scenario/Scenario.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace brokerlab {

// What a producer or consumer is connected to.
enum class ChannelKind : std::uint8_t { Queue, Topic, Stream };

// The fields every publish reads come first (here and in ConsumerDef), and the struct starts a
// cache line: in a model with thousands of producers the definition is not in the cache, and fewer
// lines touched are fewer misses (a publish reads two lines of it, a delivery two of ConsumerDef).
struct alignas(64) ProducerDef {
  std::uint32_t component;        // index in scenario order
  std::uint32_t target;           // index into queues, topics or streams
  std::uint32_t queue;            // = target when the target is a queue, else kNone
  std::uint32_t targetComponent;  // the target's component: a publish's trace record names it
  Sampler interarrival;
  Sampler latency;
  // (the first line ends here)
  std::uint64_t count;  // 0 = unbounded
  SimTime stop;         // kMaxSimTime when the producer never stops
  std::uint64_t sizeBytes;
  std::uint64_t keys;  // stream targets: distinct record keys, 0 = unkeyed (round-robin)
  // Topic targets: the routing keys to draw from, and for each key which of the topic's
  // subscriptions it matches (worked out once here, so routing does no string work).
  std::vector<std::string> routingKeys;
  bool confirm;  // publisher confirms: what the broker lost while down is sent again
  ChannelKind targetKind;
  // (the second line ends here)
  SimTime expiration;                                 // per-message TTL; 0 = none
  std::vector<std::vector<std::uint8_t>> keyMatches;  // [key][subscription of the topic]
  ZipfSampler keySampler;
  SimTime start;
  bool operator==(const ProducerDef&) const = default;
};

struct alignas(64) QueueDef {
  std::uint32_t component;
  std::uint64_t maxLength;  // 0 = unbounded
  Overflow overflow;
  SimTime ttl;               // 0 = no expiry
  std::uint32_t deadLetter;  // queue index or kNone
  // Deliveries before a return dead-letters the message, 0 = no limit: max_deliveries N, or a
  // quorum queue's delivery_limit N as N + 1 (RabbitMQ counts returns, not deliveries).
  std::uint32_t maxDeliveries;
  bool durable;
  bool returnsToTail;  // a quorum queue puts returned messages at its back (RabbitMQ 3.10.8)
  // The consumer instances subscribed, in dispatch order: queueInstances[firstListed, +listed).
  std::uint32_t firstListed;
  std::uint32_t listed;
  std::uint32_t topic;       // a subscription's queue: its topic; kNone for a declared queue
  std::uint32_t subscriber;  // a subscription's queue: the consumer's component; else kNone
  bool operator==(const QueueDef&) const = default;
};

struct alignas(64) ConsumerDef {
  std::uint32_t component;
  std::uint32_t queue;  // the queue it reads: a declared queue or its topic subscription's queue
  std::uint32_t store;  // a request-reply worker: the status store it writes; else kNone
  std::uint32_t firstInstance;
  ChannelKind sourceKind;
  AckMode ack;
  bool requeue;            // a failure nacks with requeue; else it rejects: dead-letter or discard
  std::uint32_t prefetch;  // 0 = unlimited
  // The component it reads from (a topic subscription's: the topic): its trace records name it.
  std::uint32_t sourceComponent;
  double failureProbability;
  Sampler service;
  Sampler latency;
  // (the second line ends in `latency`: what a delivery reads stops there)
  std::uint32_t group;          // stream consumers: their group; else kNone
  std::uint32_t stream;         // stream consumers: their stream; else kNone
  std::uint32_t instances;      // online from the start (join)
  std::uint32_t instanceSlots;  // instances allocated: more when a scale fault adds some later
  std::uint32_t subscription;   // index in its topic's subscription list, or kNone
  SimTime heartbeat;            // how long a crash goes unnoticed by the broker or the group
  SimTime join;
  SimTime leave;  // kMaxSimTime when it never leaves
  bool durableSubscription;
  bool operator==(const ConsumerDef&) const = default;
};

struct TopicDef {
  std::uint32_t component;
  std::vector<std::uint32_t> subscriptions;  // consumer indices, scenario order
  bool operator==(const TopicDef&) const = default;
};

struct StreamDef {
  std::uint32_t component;
  std::uint32_t partitions;
  SimTime retention;
  std::uint64_t retentionBytes;  // 0 = no size limit
  std::uint64_t segmentBytes;
  SimTime retentionCheckInterval;
  std::vector<std::uint32_t> groups;
  bool operator==(const StreamDef&) const = default;
};

// A consumer group on a stream: every consumer with that (stream, group) contributes its instances.
struct GroupDef {
  std::string name;
  std::uint32_t stream;
  Assignment assignment;
  CommitMode commit;
  SimTime autoCommitInterval;
  StartPosition start;
  SimTime rebalancePause;
  std::vector<std::uint32_t> consumers;  // scenario order
  bool operator==(const GroupDef&) const = default;
};

struct ActionDef {
  SimTime at;
  std::uint32_t group;
  ActionSpec::To to;
  std::uint64_t offset;
  SimTime time;
  bool operator==(const ActionDef&) const = default;
};

// Request-reply: a client submitting jobs to an API and waiting for their results.
struct ClientDef {
  std::uint32_t component;
  std::uint32_t api;
  Sampler interarrival;
  Sampler latency;
  std::uint64_t count;  // 0 = unbounded
  SimTime start;
  SimTime stop;
  std::uint64_t sizeBytes;
  SimTime pollInterval;
  double pollBackoff;  // 1 = a fixed interval
  SimTime maxPollInterval;
  SimTime timeout;
  double invalidFraction;
  double unknownPollFraction;
  double cancelFraction;
  SimTime cancelAfter;
  Notify notify;
  bool operator==(const ClientDef&) const = default;
};

struct ApiDef {
  std::uint32_t component;
  std::uint32_t queue;  // where job messages go
  std::uint32_t store;
  std::uint32_t concurrency;
  Sampler service;
  Sampler latency;
  SimTime retryAfter;  // 0 = no Retry-After header
  ResultDelivery resultDelivery;
  std::uint64_t maxWaiting;  // 0 = unbounded
  bool operator==(const ApiDef&) const = default;
};

struct StoreDef {
  std::uint32_t component;
  Sampler read;
  Sampler write;
  SimTime resultTtl;
  bool operator==(const StoreDef&) const = default;
};

// A fault resolved against the model. Indices that do not apply are kNone.
struct FaultDef {
  SimTime at = 0;
  FaultKind kind = FaultKind::Crash;
  std::uint32_t component = kNone;  // the target's component (kNone: the broker)
  std::uint32_t consumer = kNone;
  std::uint32_t instance = kNone;  // crash: one instance; kNone: all of the consumer's
  std::uint32_t producer = kNone;
  std::uint32_t client = kNone;
  SimTime duration = 0;  // 0: for the rest of the run
  SimTime restartAfter = kNever;
  double factor = 1;
  double fraction = 0;
  std::uint32_t instances = 0;
  std::uint32_t prefetch = 0;  // prefetch: the new prefetch, 0 = unlimited
  SimTime pollInterval = 0;    // poll: the new poll interval
  bool operator==(const FaultDef&) const = default;
};

struct ComponentRef {
  std::string id;
  ComponentKind kind;
  std::uint32_t index;  // into the list of its kind (producers, queues, ..., stores)
  bool operator==(const ComponentRef&) const = default;
};

struct Model {
  std::string name;
  std::uint64_t seed;
  SimTime duration;
  SimTime sampleInterval;
  // Time series keep each point's lowest and highest sample too (the window's charts, so a spike
  // shows at any zoom); the CLI does without.
  bool seriesEnvelopes = false;
  std::vector<ComponentRef> components;  // scenario order
  std::vector<ProducerDef> producers;
  std::vector<QueueDef> queues;
  std::vector<ConsumerDef> consumers;
  std::vector<TopicDef> topics;
  std::vector<StreamDef> streams;
  std::vector<GroupDef> groups;
  std::vector<ActionDef> actions;
  std::vector<ClientDef> clients;
  std::vector<ApiDef> apis;
  std::vector<StoreDef> stores;
  std::vector<FaultDef> faults;
  std::vector<std::uint32_t> instanceConsumer;  // instance -> consumer index
  std::vector<std::uint32_t> instanceNumbers;   // instance -> instanceNumber(instance)
  // instance -> the queue its consumer reads (kNone for a stream's): a small array that stays in
  // the cache, where the consumer's definition would be a miss (the run loop's look-ahead).
  std::vector<std::uint32_t> instanceQueue;
  // Every queue's instance list, back to back (QueueDef::firstListed): one small array that stays
  // in the cache rather than a separate allocation per queue that each dispatch misses on.
  std::vector<std::uint32_t> queueInstances;
  bool messageExpirations = false;  // some producer sets a per-message expiration

  // The consumer instances a queue dispatches to, in dispatch order.
  std::span<const std::uint32_t> listedInstances(std::uint32_t queue) const {
    return {queueInstances.data() + queues[queue].firstListed, queues[queue].listed};
  }
  // An instance's number within its consumer, from 1 (the "k" of "workers#k"); 0 for kNone.
  std::uint32_t instanceNumber(std::uint32_t instance) const {
    return instance == kNone ? 0 : instanceNumbers[instance];  // every trace record reads it
  }
  bool operator==(const Model&) const = default;
};

}  // namespace brokerlab
