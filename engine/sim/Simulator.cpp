#include "sim/Simulator.h"

#include <string>

namespace brokerlab {

Simulator::Simulator(std::shared_ptr<const Model> model)
    : model_(std::move(model)), nextSampleAt_(model_->sampleInterval) {
  const Model& m = *model_;
  const SimTime step = m.sampleInterval;
  producers_.resize(m.producers.size());
  for (std::size_t p = 0; p < m.producers.size(); ++p) {
    producers_[p].rng = makeStream(m.seed, m.components[m.producers[p].component].id);
    producers_[p].sentPerS = TimeSeries(step);
  }
  queues_.resize(m.queues.size());
  for (QueueState& q : queues_) {
    QueueSeries& s = q.series;
    s.publishedPerS = s.deliveredPerS = s.ackedPerS = s.depth = s.unacked = TimeSeries(step);
  }
  consumers_.resize(m.consumers.size());
  instances_.resize(m.instanceConsumer.size());
  for (std::size_t c = 0; c < m.consumers.size(); ++c) {
    const ConsumerDef& def = m.consumers[c];
    const std::string& id = m.components[def.component].id;
    for (std::uint32_t k = 0; k < def.instances; ++k) {
      ConsumerInstanceState& inst = instances_[def.firstInstance + k];
      inst.consumer = static_cast<std::uint32_t>(c);
      inst.rng = makeStream(m.seed, id + "#" + std::to_string(k + 1));
    }
  }
  // Each producer's first message comes one interarrival time after its start.
  for (std::uint32_t p = 0; p < m.producers.size(); ++p) {
    const ProducerDef& def = m.producers[p];
    const SimTime first = def.start + def.interarrival.sample(producers_[p].rng);
    if (first < def.stop) schedule(first, EventKind::ProducerEmit, p, 0);
  }
}

StopReason Simulator::runUntil(SimTime until, std::uint64_t maxEvents) {
  if (until > kMaxSimTime) until = kMaxSimTime;
  while (!queue_.empty() && queue_.top().time <= until) {
    if (maxEvents == 0) return StopReason::EventBudget;
    const Event e = queue_.pop();
    // The state is constant between events, so samples due before this event see it as it is now.
    if (e.time > nextSampleAt_) takeSamplesThrough(e.time - 1);
    now_ = e.time;
    ++events_;
    --maxEvents;
    dispatchEvent(e);
    if (trace_.capturing() && trace_.full()) return StopReason::TraceFull;
  }
  takeSamplesThrough(until);
  if (until > now_) now_ = until;
  return StopReason::ReachedTime;
}

void Simulator::dispatchEvent(const Event& e) {
  switch (e.kind()) {
    case EventKind::ProducerEmit:
      onProducerEmit(e.a);
      break;
    case EventKind::BrokerReceive:
      onBrokerReceive(e.b);
      break;
    case EventKind::ConsumerReceive:
      onConsumerReceive(e.a, e.b);
      break;
    case EventKind::ServiceDone:
      onServiceDone(e.a, e.b);
      break;
    case EventKind::BrokerAck:
      onBrokerAck(e.a, e.b);
      break;
    case EventKind::BrokerNack:
      onBrokerNack(e.a, e.b);
      break;
    case EventKind::QueueExpiry:
      onQueueExpiry(e.a);
      break;
  }
}

void Simulator::takeSamplesThrough(SimTime t) {
  while (nextSampleAt_ <= t) {
    takeSample();
    nextSampleAt_ += model_->sampleInterval;
  }
}

void Simulator::takeSample() {
  const SimTime at = nextSampleAt_;
  const double stepS = toSeconds(model_->sampleInterval);
  auto perS = [stepS](std::uint64_t now, std::uint64_t before) {
    return static_cast<double>(now - before) / stepS;
  };
  for (QueueState& q : queues_) {
    QueueSeries& s = q.series;
    s.publishedPerS.append(perS(q.counters.published, s.atLastSample.published));
    s.deliveredPerS.append(perS(q.counters.delivered, s.atLastSample.delivered));
    s.ackedPerS.append(perS(q.counters.acked, s.atLastSample.acked));
    const double area = q.depth.areaAt(at);
    s.depth.append((area - s.depthAreaAtLastSample) / static_cast<double>(model_->sampleInterval));
    s.unacked.append(q.unacked);
    s.atLastSample = q.counters;
    s.depthAreaAtLastSample = area;
  }
  for (ProducerState& p : producers_) {
    p.sentPerS.append(perS(p.sent, p.sentAtLastSample));
    p.sentAtLastSample = p.sent;
  }
}

void Simulator::setState(std::uint32_t msg, MessageState s) {
  Message& m = pool_[msg];
  if (m.state != MessageState::Free) --ledger_.inState[static_cast<std::size_t>(m.state)];
  ++ledger_.inState[static_cast<std::size_t>(s)];
  m.state = s;
}

void Simulator::end(std::uint32_t msg, Outcome o) {
  --ledger_.inState[static_cast<std::size_t>(pool_[msg].state)];
  ++ledger_.outcomes[static_cast<std::size_t>(o)];
  pool_.release(msg);
}

void Simulator::setDepth(std::uint32_t queue) {
  QueueState& q = queues_[queue];
  q.depth.set(now_, q.ready.size());
}

void Simulator::record(TraceKind kind, const Message& m, std::uint32_t component,
                       std::uint32_t peer, std::uint32_t instance, SimTime aux) {
  std::uint16_t number = 0;
  if (instance != kNone)
    number = static_cast<std::uint16_t>(
        instance - model_->consumers[model_->instanceConsumer[instance]].firstInstance + 1);
  const TraceRecord r{now_, aux,    m.serial, component,
                      peer, number, kind,     static_cast<std::uint8_t>(m.redelivered)};
  hash_.add(r);
  trace_.add(r);
}

SimTime Simulator::sendOverLink(SimTime& linkFreeAt, const Sampler& latency, Rng& rng) {
  SimTime at = now_ + latency.sample(rng);
  if (at < linkFreeAt) at = linkFreeAt;  // FIFO: a later send never overtakes an earlier one
  linkFreeAt = at;
  return at;
}

bool Simulator::operator==(const Simulator& o) const {
  return (model_ == o.model_ || *model_ == *o.model_) && now_ == o.now_ && events_ == o.events_ &&
         nextSerial_ == o.nextSerial_ && nextSampleAt_ == o.nextSampleAt_ && queue_ == o.queue_ &&
         pool_ == o.pool_ && ledger_ == o.ledger_ && hash_ == o.hash_ && trace_ == o.trace_ &&
         producers_ == o.producers_ && queues_ == o.queues_ && consumers_ == o.consumers_ &&
         instances_ == o.instances_;
}

}  // namespace brokerlab
