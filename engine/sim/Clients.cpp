// Producers and consumer instances: the two ends of every message's journey.

#include "sim/Simulator.h"

namespace brokerlab {

void Simulator::onProducerEmit(std::uint32_t producer) {
  const ProducerDef& def = model_->producers[producer];
  ProducerState& p = producers_[producer];

  const std::uint32_t msg = pool_.allocate();
  Message& m = pool_[msg];
  m = Message{};
  m.serial = nextSerial_++;
  m.publishedAt = now_;
  m.producer = producer;
  m.queue = def.queue;
  ++ledger_.published;
  setState(msg, MessageState::ToBroker);
  ++p.sent;
  p.bytesSent += def.sizeBytes;

  const SimTime arrival = sendOverLink(p.linkFreeAt, def.latency, p.rng);
  record(TraceKind::Publish, m, def.component, model_->queues[def.queue].component, kNone, arrival);
  schedule(arrival, EventKind::BrokerReceive, 0, msg);

  if (def.count == 0 || p.sent < def.count) {
    const SimTime next = now_ + def.interarrival.sample(p.rng);
    if (next < def.stop) schedule(next, EventKind::ProducerEmit, producer, 0);
  }
}

void Simulator::onConsumerReceive(std::uint32_t instance, std::uint32_t msg) {
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[inst.consumer];
  setState(msg, MessageState::Buffered);
  record(TraceKind::Receive, pool_[msg], def.component, model_->queues[def.queue].component,
         instance, 0);
  inst.buffer.pushBack(msg);
  if (!inst.busy) startNextDelivery(instance);
}

void Simulator::startNextDelivery(std::uint32_t instance) {
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[inst.consumer];
  const std::uint32_t msg = inst.buffer.popFront();
  if (!inst.busy) {
    inst.busy = true;
    ConsumerState& c = consumers_[inst.consumer];
    c.busy.set(now_, c.busy.value + 1);
  }
  setState(msg, MessageState::Processing);
  const SimTime done = now_ + def.service.sample(inst.rng);
  record(TraceKind::Process, pool_[msg], def.component, kNone, instance, done);
  schedule(done, EventKind::ServiceDone, instance, msg);
}

void Simulator::onServiceDone(std::uint32_t instance, std::uint32_t msg) {
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[inst.consumer];
  ConsumerState& c = consumers_[inst.consumer];
  // Draw only when failures are possible, so adding failure_probability: 0 changes nothing.
  const bool failed = def.failureProbability > 0 && inst.rng.uniform01() < def.failureProbability;
  ++(failed ? c.failed : c.processed);
  const Message& m = pool_[msg];
  const std::uint32_t queueComponent = model_->queues[m.queue].component;

  if (def.ack == AckMode::Manual) {
    const SimTime arrival = sendOverLink(inst.upLinkFreeAt, def.latency, inst.rng);
    setState(msg, failed ? MessageState::NackToBroker : MessageState::AckToBroker);
    record(failed ? TraceKind::Fail : TraceKind::Complete, m, def.component, queueComponent,
           instance, arrival);
    schedule(arrival, failed ? EventKind::BrokerNack : EventKind::BrokerAck, instance, msg);
  } else {
    record(failed ? TraceKind::Fail : TraceKind::Complete, m, def.component, queueComponent,
           instance, now_);
    if (!failed) producers_[m.producer].endToEnd.record(now_ - m.publishedAt);
    end(msg, failed ? Outcome::LostAutoAckFailure : Outcome::Consumed);
  }

  if (!inst.buffer.empty()) {
    startNextDelivery(instance);
  } else {
    inst.busy = false;
    c.busy.set(now_, c.busy.value - 1);
  }
}

}  // namespace brokerlab
