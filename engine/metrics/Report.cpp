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
  for (std::size_t i = 0; i < m.queues.size(); ++i) {
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
    r.queues.push_back(qr);
  }
  for (std::size_t i = 0; i < m.consumers.size(); ++i) {
    const ConsumerDef& def = m.consumers[i];
    const ConsumerState& c = sim.consumers()[i];
    const double capacity = static_cast<double>(def.instances) * static_cast<double>(now);
    r.consumers.push_back({m.components[def.component].id, def.instances, c.processed, c.failed,
                           capacity > 0 ? c.busy.areaAt(now) / capacity : 0});
  }
  return r;
}

}  // namespace brokerlab
