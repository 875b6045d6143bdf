// The benchmark suite's workloads (docs/benchmarks.md). Each one stresses one part of the engine:
// the hop-by-hop queue path, a large event set, fan-out, partitioned logs with groups, long runs
// with a bounded backlog, and a huge backlog. Each has a size along the dimension its cost should
// grow with (BenchModels.h); at its documented size it is the model it always was.

#include "BenchModels.h"

#include "scenario/ScenarioRules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace brokerlab::cli {

namespace {

std::uint64_t scaled(double n, double scale) {
  return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(n * scale)));
}

// "q" + 7 -> "q7", built with append: GCC 12 misreports `"literal" + std::string` at -O3
// (-Wrestrict).
std::string numbered(const char* prefix, int i) {
  return std::string(prefix).append(std::to_string(i));
}

Scenario base(const std::string& name, SimTime duration) {
  Scenario s;
  s.name = name;
  s.duration = duration;
  s.networkLatency = Distribution::constant(0);
  return s;  // the default sample interval: about a thousand samples, fewer for big models
}

ComponentSpec producer(const std::string& id, const std::string& target, double rate,
                       std::uint64_t count) {
  ComponentSpec p = ComponentSpec::make(id, ComponentKind::Producer);
  p.target = target;
  p.rate = rate;
  p.count = count;
  return p;
}

ComponentSpec consumer(const std::string& id, const std::string& source, SimTime meanService,
                       std::uint32_t instances = 1) {
  ComponentSpec c = ComponentSpec::make(id, ComponentKind::Consumer);
  c.source = source;
  c.service = Distribution::exponential(meanService);
  c.instances = instances;
  return c;
}

// M/M/1 at rho 0.9: the reference kernel's model (ReferenceKernel.h); the run ends when the count
// is done.
Scenario mm1(std::uint64_t messages, const std::string& name) {
  Scenario s = base(name, kMaxSimTime);
  s.sampleInterval = kMaxSimTime / 1024;
  s.components = {producer("producer", "jobs", 0.9, messages),
                  ComponentSpec::make("jobs", ComponentKind::Queue),
                  consumer("worker", "jobs", kSecond)};
  return s;
}

// 10,000 independent M/M/1 queues: about 20,000 pending events, so the event set's cost shows.
// `queues` of them, each with its 200 messages.
Scenario queues10k(double scale, std::uint64_t queues) {
  const std::uint64_t each = scaled(200, scale);
  // Long enough for every queue to finish (0.9 arrivals a second each), not a century of samples.
  Scenario s = base("bench-queues-10k", static_cast<SimTime>(each / 0.9 * 3 + 100) * kSecond);
  for (int i = 0; i < static_cast<int>(queues); ++i) {
    const std::string q = numbered("q", i);
    s.components.push_back(producer(numbered("p", i), q, 0.9, each));
    s.components.push_back(ComponentSpec::make(q, ComponentKind::Queue));
    s.components.push_back(consumer(numbered("c", i), q, kSecond));
  }
  return s;
}

// One topic, 100 subscribers: every message becomes 100 deliveries (`subscribers` deliveries).
Scenario topic100(double scale, std::uint64_t subscribers) {
  const std::uint64_t messages = scaled(20000, scale);
  Scenario s = base("bench-topic-100", kMaxSimTime);
  s.sampleInterval = kMaxSimTime / 1024;
  s.components = {producer("publisher", "events", 1000, messages),
                  ComponentSpec::make("events", ComponentKind::Topic)};
  for (int i = 0; i < static_cast<int>(subscribers); ++i)
    s.components.push_back(consumer(numbered("subscriber", i), "events", 500 * kMicrosecond));
  return s;
}

// A 32-partition stream with 10,000 keys read by 4 groups of 8 instances. With `partitions`
// partitions, each keeps the records and the rate it has among 32 (15,625 records at 156.25/s).
Scenario stream32x4(double scale, std::uint64_t partitions) {
  const double share = static_cast<double>(partitions) / 32;
  const std::uint64_t records = scaled(500000 * share, scale);
  const double rate = 5000 * share;
  Scenario s = base("bench-stream-32x4", static_cast<SimTime>(records / rate * 1e9) + 10 * kSecond);
  ComponentSpec p = producer("producer", "log", rate, records);
  p.keys = 10000;
  ComponentSpec log = ComponentSpec::make("log", ComponentKind::Stream);
  log.partitions = static_cast<std::uint32_t>(partitions);
  s.components = {p, log};
  for (int g = 0; g < 4; ++g) {
    ComponentSpec c = consumer(numbered("group", g), "log", kMillisecond, 8);
    c.group = numbered("group", g);
    c.startPosition = StartPosition::Earliest;
    s.components.push_back(c);
  }
  return s;
}

// A producer with nobody consuming: the queue ends holding every message.
Scenario backlog(std::uint64_t messages) {
  Scenario s = base("bench-backlog-1e7", kMaxSimTime);
  s.sampleInterval = kMaxSimTime / 1024;
  ComponentSpec p = ComponentSpec::make("producer", ComponentKind::Producer);
  p.target = "backlog";
  p.interarrival = Distribution::constant(kMicrosecond);
  p.count = messages;
  s.components = {p, ComponentSpec::make("backlog", ComponentKind::Queue)};
  return s;
}

// Asynchronous request-reply at scale: 1,000 polling clients (100 jobs/s in all) in front of one
// API with 64 slots, 250 workers at utilization 0.8 and a status store. With `clients` clients,
// each keeps its 0.1 jobs/s and the workers are a quarter of the clients, so that they stay at 0.8.
Scenario requestReply1000(double scale, std::uint64_t clients) {
  const std::uint64_t jobs = scaled(200000, scale);  // with 1,000 clients
  constexpr double kJobsPerS = 100;
  constexpr int kClients = 1000;
  Scenario s = base("bench-request-reply-1000",
                    static_cast<SimTime>(static_cast<double>(jobs) / kJobsPerS * 1e9));
  for (int i = 0; i < static_cast<int>(clients); ++i) {
    ComponentSpec c = ComponentSpec::make(numbered("client", i), ComponentKind::Client);
    c.target = "api";
    c.rate = kJobsPerS / kClients;
    // The last minute lets the last jobs finish (the last tenth of a run shorter than ten
    // minutes: a run of a minute or less at a small scale used to stop its clients before it
    // began).
    c.stop = s.duration - std::min<SimTime>(60 * kSecond, s.duration / 10);
    c.pollInterval = kSecond;
    s.components.push_back(c);
  }
  ComponentSpec api = ComponentSpec::make("api", ComponentKind::Api);
  api.queue = "jobs";
  api.store = "status";
  api.concurrency = 64;
  api.service = Distribution::exponential(2 * kMillisecond);
  const auto instances = std::max<std::uint32_t>(
      1, static_cast<std::uint32_t>(std::llround(250.0 * static_cast<double>(clients) / kClients)));
  ComponentSpec workers = consumer("workers", "jobs", 2 * kSecond, instances);
  workers.role = ConsumerRole::Worker;
  workers.store = "status";
  s.components.push_back(api);
  s.components.push_back(ComponentSpec::make("jobs", ComponentKind::Queue));
  s.components.push_back(workers);
  s.components.push_back(ComponentSpec::make("status", ComponentKind::Store));
  return s;
}

}  // namespace

std::vector<std::string> benchModelNames() {
  return {"mm1",     "queues-10k",  "topic-100",         "stream-32x4",
          "mm1-1e8", "backlog-1e7", "request-reply-1000"};
}

std::optional<BenchDimension> benchDimension(const std::string& name) {
  constexpr std::uint64_t kMaxMessages = 1'000'000'000'000;  // as `bench --messages`
  constexpr std::uint64_t kComponents = limits::kMaxComponents;
  if (name == "mm1") return BenchDimension{"messages", 1'000'000, kMaxMessages, true};
  if (name == "mm1-1e8") return BenchDimension{"messages", 100'000'000, kMaxMessages, true};
  if (name == "backlog-1e7") return BenchDimension{"messages", 10'000'000, kMaxMessages, true};
  // Within the format's 100,000 components (three a queue, one a subscriber) and 10,000 instances
  // of a consumer (a worker for every four clients).
  if (name == "queues-10k") return BenchDimension{"queues", 10'000, kComponents / 3};
  if (name == "topic-100") return BenchDimension{"subscribers", 100, kComponents - 2};
  if (name == "stream-32x4") return BenchDimension{"partitions", 32, limits::kMaxPartitions};
  if (name == "request-reply-1000")
    return BenchDimension{"clients", 1'000, std::uint64_t{limits::kMaxInstances} * 4};
  return std::nullopt;
}

std::uint64_t benchDefaultSize(const BenchDimension& dimension, double scale) {
  return dimension.isMessageCount ? scaled(static_cast<double>(dimension.documented), scale)
                                  : dimension.documented;
}

namespace {

Scenario buildAtSize(const std::string& name, double scale, std::uint64_t size) {
  if (name == "mm1") return mm1(size, "bench-mm1");
  if (name == "mm1-1e8") return mm1(size, "bench-mm1-1e8");
  if (name == "backlog-1e7") return backlog(size);
  if (name == "queues-10k") return queues10k(scale, size);
  if (name == "topic-100") return topic100(scale, size);
  if (name == "stream-32x4") return stream32x4(scale, size);
  return requestReply1000(scale, size);
}

// The sizes at scale 1 and the documented size.
std::string describe(const std::string& name) {
  if (name == "mm1") return "M/M/1 work queue, rho 0.9, 1e6 messages, every hop modelled";
  if (name == "queues-10k")
    return "10,000 M/M/1 queues with their producers and consumers, 2e6 messages";
  if (name == "topic-100") return "a topic with 100 subscribers, 2e4 messages -> 2e6 deliveries";
  if (name == "stream-32x4") return "a 32-partition stream, 5e5 keyed records, 4 groups of 8";
  if (name == "mm1-1e8") return "M/M/1, 1e8 messages: memory must stay as for 1e6";
  if (name == "request-reply-1000")
    return "request-reply: 1,000 polling clients, an API with 64 slots, 250 workers, 2e5 jobs";
  return "a queue holding a backlog of 1e7 messages";
}

}  // namespace

// The descriptions give the sizes at scale 1; another scale or size says so, so that they stay
// true.
std::optional<BenchModel> benchModel(const std::string& name, double scale,
                                     std::optional<std::uint64_t> size) {
  const std::optional<BenchDimension> dimension = benchDimension(name);
  if (!dimension) return std::nullopt;
  const std::uint64_t defaultSize = benchDefaultSize(*dimension, scale);
  const std::uint64_t n = size.value_or(defaultSize);
  if (n < 1 || n > dimension->maximum) return std::nullopt;
  BenchModel model{name, describe(name), dimension->unit, n, buildAtSize(name, scale, n)};
  char factor[32];
  std::snprintf(factor, sizeof factor, "%g", scale);
  if (n == defaultSize) {
    if (scale != 1) model.description += std::string(" (sizes x ") + factor + ")";
  } else {
    model.description += " (" + std::to_string(n) + " " + dimension->unit;
    if (scale != 1 && !dimension->isMessageCount)
      model.description += std::string(", message counts x ") + factor;
    model.description += ")";
  }
  return model;
}

}  // namespace brokerlab::cli
