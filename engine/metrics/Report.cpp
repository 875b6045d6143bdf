#include "metrics/Report.h"

#include "sim/Simulator.h"

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
  qr.wait = summarize(q.wait);
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

}  // namespace

RunReport buildReport(const Simulator& sim) {
  const Model& m = sim.model();
  const SimTime now = sim.now();
  const double seconds = toSeconds(now);
  RunReport r;
  r.scenario = m.name;
  r.seed = m.seed;
  r.simTimeS = seconds;
  r.events = sim.eventsProcessed();
  r.traceHash = sim.traceHash();
  r.ledger = sim.ledger();
  for (const ComponentRef& c : m.components) r.order.emplace_back(c.kind, c.index);

  for (std::size_t i = 0; i < m.producers.size(); ++i) {
    const ProducerState& p = sim.producers()[i];
    r.producers.push_back({m.components[m.producers[i].component].id, p.sent, p.rejected,
                           p.bytesSent, summarize(p.endToEnd)});
  }
  for (std::size_t i = 0; i < m.queues.size(); ++i)
    if (m.queues[i].topic == kNone)
      r.queues.push_back(queueReport(sim, static_cast<std::uint32_t>(i)));
  for (std::size_t i = 0; i < m.consumers.size(); ++i) {
    const ConsumerDef& def = m.consumers[i];
    const ConsumerState& c = sim.consumers()[i];
    const double capacity = static_cast<double>(def.instances) * static_cast<double>(now);
    r.consumers.push_back({m.components[def.component].id, def.instances, c.processed, c.failed,
                           capacity > 0 ? c.busy.areaAt(now) / capacity : 0});
  }
  for (std::size_t t = 0; t < m.topics.size(); ++t)
    r.topics.push_back(topicReport(sim, static_cast<std::uint32_t>(t)));
  for (std::size_t s = 0; s < m.streams.size(); ++s)
    r.streams.push_back(streamReport(sim, static_cast<std::uint32_t>(s)));
  return r;
}

}  // namespace brokerlab
