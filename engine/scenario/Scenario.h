#pragma once

// A scenario as plain data: what a scenario file says, nothing resolved yet.
// Optional fields stay optional here so that load -> save writes back exactly what the user wrote;
// defaults are applied when the engine builds its model (engine/model/ModelBuilder).
// This header is plain C++ (no Qt): the engine core includes it.

#include "sim/SimTime.h"

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

enum class ComponentKind { Producer, Queue, Consumer };
enum class Overflow { DropHead, RejectPublish };
enum class AckMode { Auto, Manual };

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

  // queue
  std::optional<std::uint64_t> maxLength;  // ready messages only, as in RabbitMQ
  std::optional<Overflow> overflow;
  std::optional<SimTime> ttl;
  std::optional<std::string> deadLetter;
  std::optional<std::uint32_t> maxDeliveries;
  std::optional<bool> durable;

  // consumer
  std::optional<std::string> source;
  std::optional<std::uint32_t> instances;
  std::optional<std::uint32_t> prefetch;  // 0 = unlimited, as in RabbitMQ
  std::optional<AckMode> ack;
  std::optional<Distribution> service;
  std::optional<double> failureProbability;

  // any component: the latency of the links it sends on (overrides network.latency)
  std::optional<Distribution> latency;

  bool operator==(const ComponentSpec&) const = default;
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
inline constexpr bool kDurable = true;
inline constexpr std::uint32_t kMaxDeliveries = 0;  // 0 = no delivery limit
}  // namespace defaults

}  // namespace brokerlab
