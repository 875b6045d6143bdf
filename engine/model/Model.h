#pragma once

// The engine's resolved, immutable view of a scenario: defaults applied, ids turned into indices,
// distributions compiled to samplers. Built once (ModelBuilder); shared read-only by every copy
// of a simulator, so a checkpoint copies only the mutable state.

#include "scenario/Scenario.h"
#include "sim/Sampler.h"

#include <cstdint>
#include <string>
#include <vector>

namespace brokerlab {

struct ProducerDef {
  std::uint32_t component;  // index in scenario order
  std::uint32_t queue;
  Sampler interarrival;
  Sampler latency;
  std::uint64_t count;  // 0 = unbounded
  SimTime start;
  SimTime stop;  // kMaxSimTime when the producer never stops
  std::uint64_t sizeBytes;
  bool operator==(const ProducerDef&) const = default;
};

struct QueueDef {
  std::uint32_t component;
  std::uint64_t maxLength;  // 0 = unbounded
  Overflow overflow;
  SimTime ttl;                  // 0 = no expiry
  std::uint32_t deadLetter;     // queue index or kNone
  std::uint32_t maxDeliveries;  // 0 = no limit
  bool durable;
  std::vector<std::uint32_t> instances;  // consumer instances subscribed, in dispatch order
  bool operator==(const QueueDef&) const = default;
};

struct ConsumerDef {
  std::uint32_t component;
  std::uint32_t queue;
  std::uint32_t firstInstance;
  std::uint32_t instances;
  std::uint32_t prefetch;  // 0 = unlimited
  AckMode ack;
  Sampler service;
  Sampler latency;
  double failureProbability;
  bool operator==(const ConsumerDef&) const = default;
};

struct ComponentRef {
  std::string id;
  ComponentKind kind;
  std::uint32_t index;  // into producers, queues or consumers
  bool operator==(const ComponentRef&) const = default;
};

struct Model {
  std::string name;
  std::uint64_t seed;
  SimTime duration;
  SimTime sampleInterval;
  std::vector<ComponentRef> components;  // scenario order
  std::vector<ProducerDef> producers;
  std::vector<QueueDef> queues;
  std::vector<ConsumerDef> consumers;
  std::vector<std::uint32_t> instanceConsumer;  // instance -> consumer index
  bool operator==(const Model&) const = default;
};

}  // namespace brokerlab
