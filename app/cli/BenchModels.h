#pragma once

#include "scenario/Scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace brokerlab::cli {

// The dimension along which a model's cost should grow (docs/benchmarks.md, "Scaling"): messages
// for mm1, mm1-1e8 and backlog-1e7, queues for queues-10k, subscribers for topic-100, partitions
// for stream-32x4, clients for request-reply-1000. Along it the work per unit stays the same (each
// queue its 200 messages, each partition its records and rate, each client its rate of jobs), so a
// model twice the size has about twice the work.
struct BenchDimension {
  std::string unit;             // "messages", "queues", "subscribers", "partitions", "clients"
  std::uint64_t documented;     // the size at scale 1, which the description gives
  std::uint64_t maximum;        // the largest size `benchModel` builds
  bool isMessageCount = false;  // the messages themselves, so that `scale` multiplies it too
};

// A benchmark workload: a scenario built in code. `scale` multiplies its message counts (1 = the
// documented size); `size` is its size along its dimension.
struct BenchModel {
  std::string name;
  std::string description;
  std::string unit;  // the dimension's unit
  std::uint64_t size = 0;
  Scenario scenario;
};

std::vector<std::string> benchModelNames();
std::optional<BenchDimension> benchDimension(const std::string& name);
// The size a model has when none is given: the documented one, times `scale` for message counts.
std::uint64_t benchDefaultSize(const BenchDimension& dimension, double scale);
// `size`: along the model's dimension, 1 to its maximum (nothing: benchDefaultSize). A message
// count given here is the count, whatever `scale`.
std::optional<BenchModel> benchModel(const std::string& name, double scale,
                                     std::optional<std::uint64_t> size = std::nullopt);

}  // namespace brokerlab::cli
