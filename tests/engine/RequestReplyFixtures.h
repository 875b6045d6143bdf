#pragma once

// The request-reply stack built in code: client -> api -> queue "jobs" -> worker, with a store.
// Constant times and zero network latency by default, so timelines can be worked out by hand.

#include "EngineFixtures.h"

namespace brokerlab::fixtures {

struct RequestReplyStack {
  SimTime every = 10 * kSecond;  // between submissions
  std::uint64_t jobs = 1;
  SimTime apiService = 5 * kMillisecond;
  SimTime storeRead = 2 * kMillisecond;
  SimTime storeWrite = 5 * kMillisecond;
  SimTime work = 3 * kSecond;
  SimTime pollInterval = 1 * kSecond;
  std::uint32_t workers = 1;
  std::uint32_t concurrency = 4;
  Notify notify = Notify::Poll;
  ResultDelivery delivery = ResultDelivery::Redirect;

  Scenario build(SimTime duration) const {
    Scenario s = scenario(duration);
    ComponentSpec client = ComponentSpec::make("client", ComponentKind::Client);
    client.target = "api";
    client.interarrival = Distribution::constant(every);
    client.count = jobs;
    client.pollInterval = pollInterval;
    client.notify = notify;
    ComponentSpec api = ComponentSpec::make("api", ComponentKind::Api);
    api.queue = "jobs";
    api.store = "status";
    api.concurrency = concurrency;
    api.service = Distribution::constant(apiService);
    api.resultDelivery = delivery;
    ComponentSpec store = ComponentSpec::make("status", ComponentKind::Store);
    store.readLatency = Distribution::constant(storeRead);
    store.writeLatency = Distribution::constant(storeWrite);
    ComponentSpec worker = consumer("worker", "jobs", work, workers);
    worker.role = ConsumerRole::Worker;
    worker.store = "status";
    s.components = {client, api, queue("jobs"), worker, store};
    return s;
  }
};

inline SimTime secs(std::int64_t s) {
  return s * kSecond;
}

inline ComponentSpec& component(Scenario& s, const std::string& id) {
  for (ComponentSpec& c : s.components)
    if (c.id == id) return c;
  qFatal("no component %s", id.c_str());
  return s.components.front();
}

inline HttpDetail detail(const TraceRecord& r) {
  return HttpDetail::unpack(r.partition);
}

// Responses with this status code.
inline std::vector<TraceRecord> responses(const std::vector<TraceRecord>& all, int status) {
  std::vector<TraceRecord> out;
  for (const TraceRecord& r : all)
    if (r.kind == TraceKind::Response && detail(r).status == status) out.push_back(r);
  return out;
}

inline std::uint64_t outcomeCount(const Simulator& sim, ClientOutcome o, std::size_t client = 0) {
  return sim.clients()[client].outcomes[static_cast<std::size_t>(o)];
}

inline std::uint64_t jobsIn(const Simulator& sim, JobStatus s, std::size_t api = 0) {
  return sim.apis()[api].jobs[static_cast<std::size_t>(s)];
}

}  // namespace brokerlab::fixtures
