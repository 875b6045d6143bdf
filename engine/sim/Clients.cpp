// Producers and consumer instances: the two ends of every message's journey.

#include "sim/Simulator.h"

#include <utility>

namespace brokerlab {

// `queue` is the producer's (its definition's `queue`), carried by the event: the queue's lines are
// requested before the definition's own miss is over, not after.
void Simulator::onProducerEmit(std::uint32_t producer, std::uint32_t queue) {
  if (queue != kNone) prefetchQueue(queue);
  const ProducerDef& def = model_->producers[producer];
  ProducerState& p = producers_[producer];

  const std::uint32_t msg = allocateMessage();
  Message& m = pool_[msg];
  m = Message{};
  m.serial = nextSerial_++;
  m.publishedAt = now_;
  m.producer = producer;
  m.queue = def.queue;
  drawKey(producer, m);
  if (p.poisonFraction > 0 && p.rng.uniform01() < p.poisonFraction) {
    m.poison = true;
    ++p.poisoned;
  }
  ++ledger_.published;
  setState(msg, MessageState::ToBroker);
  ++p.sent;

  // A partition with a drop fraction: the publish is lost on the way. With publisher confirms the
  // producer learns it was never confirmed and sends it again, which lands after the link heals
  // (as a held message does); without, it is gone. Drawn only while such a partition lasts.
  const LinkState* link = faultedLink(def.component);
  if (link && link->dropFraction > 0 && link->heldUntil > now_ &&
      p.rng.uniform01() < link->dropFraction) {
    ++p.droppedByPartition;
    if (!def.confirm) {
      record(TraceKind::Publish, m, def.component, def.targetComponent, kNone, now_);
      record(TraceKind::Lost, m, def.component, kNone, kNone,
             static_cast<SimTime>(Outcome::LostPartition));
      end(msg, Outcome::LostPartition);
      return scheduleNextEmit(producer);
    }
  }
  const SimTime arrival = sendOverLink(p.linkFreeAt, def.latency, p.rng, def.component);
  record(TraceKind::Publish, m, def.component, def.targetComponent, kNone, arrival);
  if (claimInline(arrival)) {  // a link without latency: it reaches the broker now
    const std::uint64_t sequence = claimedSequence_;
    scheduleNextEmit(producer);
    return runClaimed(sequence, EventKind::BrokerReceive, 0, msg, [&] { onBrokerReceive(msg); });
  }
  schedule(arrival, EventKind::BrokerReceive, 0, msg);
  scheduleNextEmit(producer);
}

void Simulator::scheduleNextEmit(std::uint32_t producer) {
  const ProducerDef& def = model_->producers[producer];
  ProducerState& p = producers_[producer];

  if (def.count == 0 || p.sent < def.count) {
    SimTime gap = def.interarrival.sample(p.rng);
    if (p.rateFactor != 1.0) gap = saturatedTime(static_cast<double>(gap) / p.rateFactor);
    const SimTime next = now_ + gap;
    if (next < def.stop) schedule(next, EventKind::ProducerEmit, producer, def.queue);
  }
}

void Simulator::drawKey(std::uint32_t producer, Message& m) {
  const ProducerDef& def = model_->producers[producer];
  Rng& rng = producers_[producer].rng;
  // Draw only when there is a choice, so that adding a single key changes no other draw.
  if (def.routingKeys.size() > 1)
    m.key =
        static_cast<std::uint32_t>(rng.uniform01() * static_cast<double>(def.routingKeys.size()));
  if (def.keys > 0) m.key = static_cast<std::uint32_t>(def.keySampler.sample(rng));
}

void Simulator::onConsumerJoin(std::uint32_t consumer) {
  const ConsumerDef& def = model_->consumers[consumer];
  ConsumerState& c = consumers_[consumer];
  c.present = true;
  for (std::uint32_t i = 0; i < c.active.value; ++i) {
    ConsumerInstanceState& inst = instances_[def.firstInstance + i];
    if (!inst.crashed) inst.online = true;
  }
  emitRecord({now_, 0, 0, def.component, kNone, 0, 0, TraceKind::Join, 0});
  if (def.queue != kNone) dispatch(def.queue);
  if (def.group != kNone) startRebalance(def.group);
}

// A graceful leave: no new deliveries; what the instances already hold is still processed and
// acknowledged (a crash, which loses that, is a fault).
void Simulator::onConsumerLeave(std::uint32_t consumer) {
  const ConsumerDef& def = model_->consumers[consumer];
  consumers_[consumer].present = false;
  for (std::uint32_t i = 0; i < def.instanceSlots; ++i)
    instances_[def.firstInstance + i].online = false;
  emitRecord({now_, 0, 0, def.component, kNone, 0, 0, TraceKind::Leave, 0});
  if (def.group != kNone) startRebalance(def.group);
}

void Simulator::onConsumerReceive(std::uint32_t instance, std::uint32_t msg) {
  if (staleEvent(msg)) return;
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[consumerOf(instance)];
  setState(msg, MessageState::Buffered);
  record(TraceKind::Receive, pool_[msg], def.component, def.sourceComponent, instance, 0);
  // An idle instance with nothing buffered starts on it at once: the buffer is FIFO, so this is
  // what a push and a pop would give, without touching the buffer's storage (a cache miss in a
  // large model).
  if (!inst.busy && inst.buffer.empty()) return startDelivery(instance, msg);
  inst.buffer.pushBack(msg);
  if (!inst.busy) startNextDelivery(instance);
}

void Simulator::startNextDelivery(std::uint32_t instance) {
  startDelivery(instance, instances_[instance].buffer.popFront());
}

void Simulator::startDelivery(std::uint32_t instance, std::uint32_t msg) {
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[consumerOf(instance)];
  if (!inst.busy) {
    inst.busy = true;
    ConsumerState& c = consumers_[consumerOf(instance)];
    c.busy.set(now_, c.busy.value + 1);
  }
  setState(msg, MessageState::Processing);
  pool_[msg].since = now_;
  // A worker skips a job that ended while it waited (cancelled): no processing time, no draw.
  // (Only a worker's job message asks the store; the rest are not looked at further.)
  const bool runs = def.store == kNone || pool_[msg].job == kNone || workerStartsJob(instance, msg);
  SimTime service = runs ? def.service.sample(inst.rng) : SimTime{0};
  const double slower = consumers_[consumerOf(instance)].serviceFactor;
  if (slower != 1.0) service = saturatedTime(static_cast<double>(service) * slower);
  const SimTime done = now_ + service;
  record(TraceKind::Process, pool_[msg], def.component, kNone, instance, done);
  schedule(done, EventKind::ServiceDone, instance, msg);
}

void Simulator::onServiceDone(std::uint32_t instance, std::uint32_t msg) {
  if (staleEvent(msg)) return;
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[consumerOf(instance)];
  ConsumerState& c = consumers_[consumerOf(instance)];
  if (def.sourceKind == ChannelKind::Stream) {
    ++c.processed;
    onStreamReadDone(instance, msg);
  } else {
    finishQueueDelivery(instance, msg);
  }
  if (!inst.buffer.empty()) {
    startNextDelivery(instance);
  } else {
    inst.busy = false;
    c.busy.set(now_, c.busy.value - 1);
  }
  if (def.sourceKind == ChannelKind::Stream) fetch(instance);
  // An ack claimed inline runs last, where the run loop would have taken it: what was scheduled
  // since the claim came after it.
  if (inlineReply_ != kNone) {
    const std::uint32_t reply = std::exchange(inlineReply_, kNone);
    const bool nack = inlineReplyIsNack_;
    runClaimed(inlineReplySequence_, nack ? EventKind::BrokerNack : EventKind::BrokerAck, instance,
               reply, [&] {
                 if (nack) return onBrokerNack(instance, reply);
                 onBrokerAck(instance, reply);
               });
  }
}

void Simulator::finishQueueDelivery(std::uint32_t instance, std::uint32_t msg) {
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[consumerOf(instance)];
  ConsumerState& c = consumers_[consumerOf(instance)];
  // Draw only when failures are possible, so adding failure_probability: 0 changes nothing.
  const bool failed = pool_[msg].poison ||
                      (def.failureProbability > 0 && inst.rng.uniform01() < def.failureProbability);
  ++(failed ? c.failed : c.processed);
  const Message& m = pool_[msg];
  // The queue that delivered it is the one this consumer reads (it lists the consumer's instances).
  expectInvariant(m.queue == def.queue, "a delivery comes from its consumer's queue", m);
  const std::uint32_t queueComponent = def.sourceComponent;

  if (def.store != kNone && m.job != kNone) {
    // A worker's failure is the job's (Failed in the store, with a reason); the message itself
    // was handled and is acked once the store has the outcome.
    const SimTime written = workerEndsJob(instance, msg, failed);
    if (def.ack == AckMode::Manual) {
      // The ack leaves once the write has landed.
      SimTime arrival = sendOverLink(inst.upLinkFreeAt, def.latency, inst.rng, def.component);
      arrival += written - now_;
      inst.upLinkFreeAt = arrival;
      setState(msg, MessageState::AckToBroker);
      record(TraceKind::Complete, m, def.component, queueComponent, instance, arrival);
      schedule(arrival, EventKind::BrokerAck, instance, msg);
    } else {
      record(TraceKind::Complete, m, def.component, queueComponent, instance, now_);
      end(msg, Outcome::Consumed);
    }
    return;
  }

  if (def.ack == AckMode::Manual) {
    prefetchQueue(m.queue);  // for the ack
    const SimTime arrival = sendOverLink(inst.upLinkFreeAt, def.latency, inst.rng, def.component);
    setState(msg, failed ? MessageState::NackToBroker : MessageState::AckToBroker);
    record(failed ? TraceKind::Fail : TraceKind::Complete, m, def.component, queueComponent,
           instance, arrival);
    if (claimInline(arrival)) {  // it reaches the broker now: onServiceDone runs it at its end
      inlineReply_ = msg;
      inlineReplyIsNack_ = failed;
      inlineReplySequence_ = claimedSequence_;
      return;
    }
    schedule(arrival, failed ? EventKind::BrokerNack : EventKind::BrokerAck, instance, msg);
  } else {
    record(failed ? TraceKind::Fail : TraceKind::Complete, m, def.component, queueComponent,
           instance, now_);
    if (!failed && m.producer != kNone)
      recordLatency(LatencyOwner::ProducerEndToEnd, m.producer, now_ - m.publishedAt);
    end(msg, failed ? Outcome::LostAutoAckFailure : Outcome::Consumed);
  }
}

}  // namespace brokerlab
