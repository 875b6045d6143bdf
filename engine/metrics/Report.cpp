#include "metrics/Report.h"

#include "sim/Simulator.h"

#include <algorithm>

namespace brokerlab {

LatencySummary summarize(const LatencyHistogram& h) {
  LatencySummary s;
  s.count = h.count();
  if (s.count == 0) return s;
  s.meanS = h.meanNs() / 1e9;
  s.p50S = toSeconds(h.percentile(50));
  s.p95S = toSeconds(h.percentile(95));
  s.p99S = toSeconds(h.percentile(99));
  s.maxS = toSeconds(h.max());
  return s;
}

namespace {

QueueReport queueReport(const Simulator& sim, std::uint32_t i) {
  const Model& m = sim.model();
  const SimTime now = sim.now();
  const double seconds = toSeconds(now);
  const QueueState& q = sim.queues()[i];
  QueueReport qr;
  qr.id = m.components[m.queues[i].component].id;
  qr.counters = q.counters;
  qr.depthNow = q.ready.size();
  qr.unackedNow = q.unacked;
  qr.depthMean = now > 0 ? q.depth.areaAt(now) / static_cast<double>(now) : 0;
  qr.depthMax = q.depth.max;
  qr.arrivalRatePerS = seconds > 0 ? static_cast<double>(q.counters.enqueued) / seconds : 0;
  qr.wait = summarize(sim.queueMetrics()[i].wait);
  qr.deadLetteredBy = sim.queueMetrics()[i].deadLetteredBy;
  qr.rejectedNoRequeue = sim.queueMetrics()[i].rejectedNoRequeue;
  qr.deliveryRatePerS = seconds > 0 ? static_cast<double>(q.counters.delivered) / seconds : 0;
  const auto readsHere = [i](const ConsumerDef& c) { return c.queue == i; };
  qr.autoAckOnly = std::any_of(m.consumers.begin(), m.consumers.end(), readsHere) &&
                   std::all_of(m.consumers.begin(), m.consumers.end(), [&](const ConsumerDef& c) {
                     return !readsHere(c) || c.ack == AckMode::Auto;
                   });
  return qr;
}

TopicReport topicReport(const Simulator& sim, std::uint32_t t) {
  const Model& m = sim.model();
  const TopicState& ts = sim.topics()[t];
  TopicReport tr{m.components[m.topics[t].component].id,
                 ts.published,
                 ts.fannedOut,
                 ts.missed,
                 ts.unrouted,
                 {}};
  for (std::size_t s = 0; s < m.topics[t].subscriptions.size(); ++s) {
    const ConsumerDef& c = m.consumers[m.topics[t].subscriptions[s]];
    tr.subscriptions.push_back({m.components[c.component].id, c.durableSubscription,
                                ts.missedBySubscription[s], queueReport(sim, c.queue)});
  }
  return tr;
}

std::string instanceName(const Model& m, std::uint32_t instance) {
  if (instance == kNone) return {};
  const ConsumerDef& c = m.consumers[m.instanceConsumer[instance]];
  return m.components[c.component].id + "#" + std::to_string(m.instanceNumber(instance));
}

StreamReport streamReport(const Simulator& sim, std::uint32_t s) {
  const Model& m = sim.model();
  const StreamState& st = sim.streams()[s];
  StreamReport sr{
      m.components[m.streams[s].component].id, st.appended, 0, st.deletedByRetention, {}, {}};
  for (const PartitionLog& log : st.partitions) {
    sr.retained += log.records();
    sr.partitions.push_back({log.startOffset(), log.endOffset(), log.segmentCount()});
  }
  const SimTime now = sim.now();
  for (const std::uint32_t g : m.streams[s].groups) {
    const GroupState& gs = sim.groups()[g];
    GroupReport gr{m.groups[g].name,
                   gs.processed,
                   gs.duplicates,
                   gs.rebalances,
                   gs.skippedByRetention,
                   gs.lag.value,
                   now > 0 ? gs.lag.areaAt(now) / static_cast<double>(now) : 0,
                   gs.lag.max,
                   {},
                   {},
                   summarize(gs.endToEnd)};
    for (const GroupPartition& gp : gs.partitions) {
      gr.committed.push_back(gp.committed == kNoOffset ? 0 : gp.committed);
      gr.owners.push_back(instanceName(m, gp.owner));
    }
    sr.groups.push_back(std::move(gr));
  }
  return sr;
}

ClientReport clientReport(const Simulator& sim, std::uint32_t c) {
  const Model& m = sim.model();
  const ClientDef& def = m.clients[c];
  const ClientState& cs = sim.clients()[c];
  ClientReport cr;
  cr.id = m.components[def.component].id;
  cr.api = m.components[m.apis[def.api].component].id;
  cr.notify = def.notify;
  cr.submitted = cs.submitted;
  cr.requests = cs.requests;
  cr.polls = cs.polls;
  cr.outcomes = cs.outcomes;
  // Polls per finished job: an exact histogram by count, so mean and p99 are exact too.
  std::uint64_t jobs = 0, polls = 0;
  for (std::size_t n = 0; n < cs.pollsPerJob.size(); ++n) {
    jobs += cs.pollsPerJob[n];
    polls += cs.pollsPerJob[n] * n;
    if (cs.pollsPerJob[n] > 0) cr.pollsPerJobMax = n;
  }
  if (jobs > 0) {
    cr.pollsPerJobMean = static_cast<double>(polls) / static_cast<double>(jobs);
    const std::uint64_t rank = (jobs * 99 + 99) / 100;  // nearest rank
    std::uint64_t seen = 0;
    for (std::size_t n = 0; n < cs.pollsPerJob.size(); ++n) {
      seen += cs.pollsPerJob[n];
      if (seen >= rank) {
        cr.pollsPerJobP99 = n;
        break;
      }
    }
  }
  cr.timeToResult = summarize(cs.timeToResult);
  cr.notifications = cs.notifications;
  cr.lateResponses = cs.lateResponses;
  return cr;
}

ApiReport apiReport(const Simulator& sim, std::uint32_t a) {
  const Model& m = sim.model();
  const SimTime now = sim.now();
  const ApiDef& def = m.apis[a];
  const ApiState& as = sim.apis()[a];
  ApiReport ar;
  ar.id = m.components[def.component].id;
  ar.queue = m.components[m.queues[def.queue].component].id;
  ar.store = m.components[m.stores[def.store].component].id;
  ar.concurrency = def.concurrency;
  ar.requests = as.requests;
  for (int i = 0; i < kHttpStatusSlots; ++i)
    if (as.responses[static_cast<std::size_t>(i)] > 0)
      ar.responses.push_back({kHttpStatuses[i], as.responses[static_cast<std::size_t>(i)]});
  const double span = static_cast<double>(now);
  ar.utilization = now > 0 ? as.busy.areaAt(now) / (span * def.concurrency) : 0;
  ar.waitingMean = now > 0 ? as.waitingDepth.areaAt(now) / span : 0;
  ar.waitingMax = as.waitingDepth.max;
  ar.wait = summarize(as.wait);
  ar.accepted = as.accepted;
  ar.callbacks = as.callbacks;
  ar.pushes = as.pushes;
  ar.heldConnectionsMean = now > 0 ? as.held.areaAt(now) / span : 0;
  ar.heldConnectionsMax = as.held.max;
  ar.jobs = as.jobs;
  return ar;
}

}  // namespace

const StreamReport* streamOf(const RunReport& r, const ProducerReport& p) {
  for (const StreamReport& s : r.streams)
    if (s.id == p.target) return &s;
  return nullptr;
}

const GroupReport* groupOf(const RunReport& r, const ConsumerReport& c) {
  for (const StreamReport& s : r.streams)
    if (s.id == c.stream)
      for (const GroupReport& g : s.groups)
        if (g.name == c.group) return &g;
  return nullptr;
}

std::array<std::uint64_t, kJobStatusCount> storeJobs(const Simulator& sim, std::uint32_t store) {
  std::array<std::uint64_t, kJobStatusCount> jobs{};
  const Model& m = sim.model();
  for (std::size_t a = 0; a < m.apis.size(); ++a)
    if (m.apis[a].store == store)
      for (std::size_t k = 0; k < jobs.size(); ++k) jobs[k] += sim.apis()[a].jobs[k];
  return jobs;
}

RunReport buildReport(const Simulator& sim) {
  const Model& m = sim.model();
  const SimTime now = sim.now();
  const double seconds = toSeconds(now);
  RunReport r;
  r.scenario = m.name;
  r.seed = m.seed;
  r.simTimeS = seconds;
  r.stoppedEarly = sim.violation().empty() ? sim.limitReached() : sim.violation();
  r.events = sim.eventsProcessed();
  r.traceHash = sim.traceHash();
  r.ledger = sim.ledger();
  for (const ComponentRef& c : m.components) r.order.emplace_back(c.kind, c.index);

  for (std::size_t i = 0; i < m.producers.size(); ++i) {
    const ProducerState& p = sim.producers()[i];
    // Every message a producer sends has its size: the bytes are not counted on each publish.
    r.producers.push_back({m.components[m.producers[i].component].id, p.sent, p.rejected,
                           p.sent * m.producers[i].sizeBytes,
                           summarize(sim.producerMetrics()[i].endToEnd),
                           m.components[m.producers[i].targetComponent].id});
  }
  for (std::size_t i = 0; i < m.queues.size(); ++i)
    if (m.queues[i].topic == kNone)
      r.queues.push_back(queueReport(sim, static_cast<std::uint32_t>(i)));
  for (std::size_t i = 0; i < m.consumers.size(); ++i) {
    const ConsumerDef& def = m.consumers[i];
    const ConsumerState& c = sim.consumers()[i];
    const double capacity = c.active.areaAt(now);
    r.consumers.push_back(
        {m.components[def.component].id, static_cast<std::uint32_t>(c.active.value), c.processed,
         c.failed, capacity > 0 ? c.busy.areaAt(now) / capacity : 0, c.crashes, c.closes,
         c.requeuedAfterCrash, c.lostInCrash, def.instances,
         def.stream != kNone ? m.components[m.streams[def.stream].component].id : std::string(),
         def.group != kNone ? m.groups[def.group].name : std::string()});
  }
  for (std::size_t t = 0; t < m.topics.size(); ++t)
    r.topics.push_back(topicReport(sim, static_cast<std::uint32_t>(t)));
  for (std::size_t s = 0; s < m.streams.size(); ++s)
    r.streams.push_back(streamReport(sim, static_cast<std::uint32_t>(s)));
  for (std::uint32_t c = 0; c < m.clients.size(); ++c) r.clients.push_back(clientReport(sim, c));
  for (std::uint32_t a = 0; a < m.apis.size(); ++a) r.apis.push_back(apiReport(sim, a));
  for (std::size_t s = 0; s < m.stores.size(); ++s) {
    const StoreState& ss = sim.stores()[s];
    StoreReport sr;
    sr.id = m.components[m.stores[s].component].id;
    sr.reads = ss.reads;
    sr.writes = ss.writes;
    sr.refusedWrites = ss.refusedWrites;
    sr.resultTtlS = toSeconds(m.stores[s].resultTtl);
    sr.jobs = storeJobs(sim, static_cast<std::uint32_t>(s));
    r.stores.push_back(std::move(sr));
  }
  return r;
}

}  // namespace brokerlab
