// The benchmark suite's workloads (docs/benchmarks.md). Each one stresses one part of the engine:
// the hop-by-hop queue path, a large event set, fan-out, partitioned logs with groups, long runs
// with a bounded backlog, and a huge backlog.

#include "BenchModels.h"

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
Scenario queues10k(double scale) {
  constexpr int kQueues = 10000;
  const std::uint64_t each = scaled(200, scale);
  // Long enough for every queue to finish (0.9 arrivals a second each), not a century of samples.
  Scenario s = base("bench-queues-10k", static_cast<SimTime>(each / 0.9 * 3 + 100) * kSecond);
  for (int i = 0; i < kQueues; ++i) {
    const std::string q = numbered("q", i);
    s.components.push_back(producer(numbered("p", i), q, 0.9, each));
    s.components.push_back(ComponentSpec::make(q, ComponentKind::Queue));
    s.components.push_back(consumer(numbered("c", i), q, kSecond));
  }
  return s;
}

// One topic, 100 subscribers: every message becomes 100 deliveries.
Scenario topic100(double scale) {
  const std::uint64_t messages = scaled(20000, scale);
  Scenario s = base("bench-topic-100", kMaxSimTime);
  s.sampleInterval = kMaxSimTime / 1024;
  s.components = {producer("publisher", "events", 1000, messages),
                  ComponentSpec::make("events", ComponentKind::Topic)};
  for (int i = 0; i < 100; ++i)
    s.components.push_back(consumer(numbered("subscriber", i), "events", 500 * kMicrosecond));
  return s;
}

// A 32-partition stream with 10,000 keys read by 4 groups of 8 instances.
Scenario stream32x4(double scale) {
  const std::uint64_t records = scaled(500000, scale);
  const double rate = 5000;
  Scenario s = base("bench-stream-32x4", static_cast<SimTime>(records / rate * 1e9) + 10 * kSecond);
  ComponentSpec p = producer("producer", "log", rate, records);
  p.keys = 10000;
  ComponentSpec log = ComponentSpec::make("log", ComponentKind::Stream);
  log.partitions = 32;
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
Scenario backlog(double scale) {
  Scenario s = base("bench-backlog-1e7", kMaxSimTime);
  s.sampleInterval = kMaxSimTime / 1024;
  ComponentSpec p = ComponentSpec::make("producer", ComponentKind::Producer);
  p.target = "backlog";
  p.interarrival = Distribution::constant(kMicrosecond);
  p.count = scaled(1e7, scale);
  s.components = {p, ComponentSpec::make("backlog", ComponentKind::Queue)};
  return s;
}

// Asynchronous request-reply at scale: 1,000 polling clients (100 jobs/s in all) in front of one
// API with 64 slots, 250 workers at utilization 0.8 and a status store.
Scenario requestReply1000(double scale) {
  const std::uint64_t jobs = scaled(200000, scale);
  constexpr double kJobsPerS = 100;
  constexpr int kClients = 1000;
  Scenario s = base("bench-request-reply-1000",
                    static_cast<SimTime>(static_cast<double>(jobs) / kJobsPerS * 1e9));
  for (int i = 0; i < kClients; ++i) {
    ComponentSpec c = ComponentSpec::make(numbered("client", i), ComponentKind::Client);
    c.target = "api";
    c.rate = kJobsPerS / kClients;
    c.stop = s.duration - 60 * kSecond;  // the last minute lets the last jobs finish
    c.pollInterval = kSecond;
    s.components.push_back(c);
  }
  ComponentSpec api = ComponentSpec::make("api", ComponentKind::Api);
  api.queue = "jobs";
  api.store = "status";
  api.concurrency = 64;
  api.service = Distribution::exponential(2 * kMillisecond);
  ComponentSpec workers = consumer("workers", "jobs", 2 * kSecond, 250);
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

namespace {

std::optional<BenchModel> benchModelAtScale(const std::string& name, double scale);

}  // namespace

// The descriptions give the sizes at scale 1; another scale says so, so that they stay true.
std::optional<BenchModel> benchModel(const std::string& name, double scale) {
  std::optional<BenchModel> model = benchModelAtScale(name, scale);
  if (model && scale != 1) {
    char factor[32];
    std::snprintf(factor, sizeof factor, "%g", scale);
    model->description += std::string(" (sizes x ") + factor + ")";
  }
  return model;
}

namespace {

std::optional<BenchModel> benchModelAtScale(const std::string& name, double scale) {
  if (name == "mm1")
    return BenchModel{name, "M/M/1 work queue, rho 0.9, 1e6 messages, every hop modelled",
                      mm1(scaled(1e6, scale), "bench-mm1")};
  if (name == "queues-10k")
    return BenchModel{name, "10,000 M/M/1 queues with their producers and consumers, 2e6 messages",
                      queues10k(scale)};
  if (name == "topic-100")
    return BenchModel{name, "a topic with 100 subscribers, 2e4 messages -> 2e6 deliveries",
                      topic100(scale)};
  if (name == "stream-32x4")
    return BenchModel{name, "a 32-partition stream, 5e5 keyed records, 4 groups of 8",
                      stream32x4(scale)};
  if (name == "mm1-1e8")
    return BenchModel{name, "M/M/1, 1e8 messages: memory must stay as for 1e6",
                      mm1(scaled(1e8, scale), "bench-mm1-1e8")};
  if (name == "request-reply-1000")
    return BenchModel{name,
                      "request-reply: 1,000 polling clients, an API with 64 slots, 250 workers, "
                      "2e5 jobs",
                      requestReply1000(scale)};
  if (name == "backlog-1e7")
    return BenchModel{name, "a queue holding a backlog of 1e7 messages", backlog(scale)};
  return std::nullopt;
}

}  // namespace

}  // namespace brokerlab::cli
