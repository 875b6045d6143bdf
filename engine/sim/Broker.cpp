// The broker's point-to-point queues: enqueue with overflow, round-robin dispatch with prefetch
// credit, acks, nacks with requeue, TTL expiry, delivery limits and dead-lettering.

#include "sim/Simulator.h"

namespace brokerlab {

void Simulator::onBrokerReceive(std::uint32_t msg) {
  const Message& m = pool_[msg];
  const bool toStream =
      m.producer != kNone && model_->producers[m.producer].targetKind == ChannelKind::Stream;
  if (brokerDown() && !toStream) {
    // Publisher confirms (an API always uses them): what was not confirmed is sent again once the
    // broker is back. Without them, the message is gone.
    if (m.producer == kNone || model_->producers[m.producer].confirm)
      return schedule(brokerDownUntil_, EventKind::BrokerReceive, 0, msg);
    return loseMessage(msg, publisherComponent(m), false);
  }
  if (m.producer != kNone) {  // else a job message from an API: always to a queue
    const ProducerDef& producer = model_->producers[m.producer];
    if (producer.targetKind == ChannelKind::Topic) return fanOut(producer.target, msg);
    if (producer.targetKind == ChannelKind::Stream) return append(producer.target, msg);
  }
  const std::uint32_t queue = m.queue;
  ++queues_[queue].counters.published;
  record(TraceKind::Arrive, m, model_->queues[queue].component, publisherComponent(m), kNone, 0);
  enqueue(queue, msg, false);
  dispatch(queue);
}

void Simulator::enqueue(std::uint32_t queue, std::uint32_t msg, bool fromDeadLetter) {
  const QueueDef& def = model_->queues[queue];
  QueueState& q = queues_[queue];
  Message& m = pool_[msg];
  m.queue = queue;

  if (def.maxLength != 0 && q.ready.size() >= def.maxLength) {
    if (def.overflow == Overflow::RejectPublish) {
      if (fromDeadLetter) {  // nobody to tell: a full dead-letter queue drops it
        ++q.counters.dropped;
        record(TraceKind::Drop, m, def.component, kNone, kNone, 0);
        end(msg, Outcome::DroppedOverflow);
        return;
      }
      ++q.counters.rejected;
      record(TraceKind::Reject, m, def.component, publisherComponent(m), kNone, 0);
      if (m.producer != kNone) {
        ++producers_[m.producer].rejected;
      } else if (applyJobStatus(m.job, JobStatus::Failed, def.component)) {
        jobs_[m.job].failure = JobFailure::QueueFull;  // the API is told; the job cannot run
      }
      end(msg, Outcome::Rejected);
      return;
    }
    // Drop from the head until there is room: requeued messages may have taken the queue above
    // its limit (the limit binds publishes, as in RabbitMQ).
    while (q.ready.size() >= def.maxLength) {
      const std::uint32_t head = q.ready.popFront();
      setDepth(queue);
      record(TraceKind::Drop, pool_[head], def.component, kNone, kNone, 0);
      deadLetterOrEnd(queue, head, DeadLetterReason::Overflow);
    }
  }

  setState(msg, MessageState::Ready);
  m.enqueuedAt = now_;
  m.expiresAt = def.ttl != 0 ? now_ + def.ttl : kNever;
  q.ready.pushBack(msg);
  expectInvariant(def.maxLength == 0 || q.ready.size() <= def.maxLength,
                  "ready <= max_length after each enqueue", m);
  ++q.counters.enqueued;
  if (fromDeadLetter) ++q.counters.deadLetteredIn;
  record(TraceKind::Enqueue, m, def.component, def.subscriber, kNone, 0);
  setDepth(queue);
  if (def.ttl != 0) scheduleExpiryCheck(queue);
}

std::uint32_t Simulator::nextInstanceWithCredit(std::uint32_t queue) {
  const std::span<const std::uint32_t> list = model_->listedInstances(queue);
  const auto n = static_cast<std::uint32_t>(list.size());
  QueueState& q = queues_[queue];
  for (std::uint32_t k = 0, i = q.rrCursor; k < n; ++k) {
    const std::uint32_t instance = list[i];
    if (++i == n) i = 0;
    if (!instances_[instance].online) continue;
    const ConsumerDef& def = model_->consumers[instances_[instance].consumer];
    // Prefetch limits unacknowledged deliveries only: an auto-ack consumer, as in RabbitMQ, gets
    // messages as fast as the broker can send them.
    if (def.ack == AckMode::Auto || def.prefetch == 0 ||
        instances_[instance].unacked < def.prefetch) {
      q.rrCursor = i;
      return instance;
    }
  }
  return kNone;
}

void Simulator::dispatch(std::uint32_t queue) {
  if (brokerDown()) return;
  QueueState& q = queues_[queue];
  const std::uint32_t queueComponent = model_->queues[queue].component;
  bool changed = false;
  while (!q.ready.empty()) {
    const std::uint32_t head = q.ready.front();
    if (pool_[head].expiresAt <= now_) {  // an expired message is never delivered
      q.ready.popFront();
      changed = true;
      ++q.counters.expired;
      record(TraceKind::Expire, pool_[head], queueComponent, kNone, kNone, 0);
      deadLetterOrEnd(queue, head, DeadLetterReason::Expired);
      continue;
    }
    const std::uint32_t instance = nextInstanceWithCredit(queue);
    if (instance == kNone) break;
    const std::uint32_t msg = q.ready.popFront();
    changed = true;
    Message& m = pool_[msg];
    ConsumerInstanceState& inst = instances_[instance];
    const ConsumerDef& def = model_->consumers[inst.consumer];
    ++m.deliveries;
    expectInvariant(m.expiresAt > now_, "an expired message is never delivered", m);
    expectInvariant(m.redelivered == (m.deliveries > 1),
                    "redelivered is set exactly on redeliveries", m);
    ++q.counters.delivered;
    if (m.redelivered) ++q.counters.redelivered;
    recordLatency(LatencyOwner::QueueWait, queue, now_ - m.enqueuedAt);
    m.instance = instance;
    if (def.ack == AckMode::Manual) {  // under auto ack the message is no longer the queue's
      ++inst.unacked;
      ++q.unacked;
    }
    const SimTime arrival = sendOverLink(inst.downLinkFreeAt, def.latency, inst.rng, def.component);
    setState(msg, MessageState::ToConsumer);
    record(TraceKind::Deliver, m, queueComponent, def.component, instance, arrival);
    schedule(arrival, EventKind::ConsumerReceive, instance, msg);
  }
  if (changed) setDepth(queue);
}

void Simulator::onBrokerAck(std::uint32_t instance, std::uint32_t msg) {
  if (staleEvent(msg)) return;  // the connection died before the ack got through
  const Message& m = pool_[msg];
  const std::uint32_t queue = m.queue;
  QueueState& q = queues_[queue];
  --instances_[instance].unacked;
  --q.unacked;
  ++q.counters.acked;
  record(TraceKind::Ack, m, model_->queues[queue].component,
         model_->consumers[instances_[instance].consumer].component, instance, 0);
  if (m.producer != kNone)
    recordLatency(LatencyOwner::ProducerEndToEnd, m.producer, now_ - m.publishedAt);
  end(msg, Outcome::Acked);
  dispatch(queue);
}

void Simulator::onBrokerNack(std::uint32_t instance, std::uint32_t msg) {
  if (staleEvent(msg)) return;
  Message& m = pool_[msg];
  const std::uint32_t queue = m.queue;
  const QueueDef& def = model_->queues[queue];
  QueueState& q = queues_[queue];
  --instances_[instance].unacked;
  --q.unacked;
  ++q.counters.nacked;
  record(TraceKind::Nack, m, def.component,
         model_->consumers[instances_[instance].consumer].component, instance, 0);
  m.instance = kNone;
  if (def.maxDeliveries != 0 && m.deliveries >= def.maxDeliveries) {
    record(TraceKind::Drop, m, def.component, kNone, kNone, 0);
    deadLetterOrEnd(queue, msg, DeadLetterReason::DeliveryLimit);
  } else {
    // Back to the head, flagged: it keeps its place in line and its original expiry.
    m.redelivered = true;
    m.enqueuedAt = now_;
    setState(msg, MessageState::Ready);
    q.ready.pushFront(msg);
    record(TraceKind::Requeue, m, def.component, kNone, kNone, 0);
    setDepth(queue);
    scheduleExpiryCheck(queue);
  }
  dispatch(queue);
}

void Simulator::onQueueExpiry(std::uint32_t queue) {
  QueueState& q = queues_[queue];
  if (q.expiryCheckAt != now_) return;  // superseded by an earlier check
  q.expiryCheckAt = kNever;
  const std::uint32_t component = model_->queues[queue].component;
  // Like RabbitMQ, expiry happens at the head of the queue.
  while (!q.ready.empty() && pool_[q.ready.front()].expiresAt <= now_) {
    const std::uint32_t msg = q.ready.popFront();
    setDepth(queue);
    ++q.counters.expired;
    record(TraceKind::Expire, pool_[msg], component, kNone, kNone, 0);
    deadLetterOrEnd(queue, msg, DeadLetterReason::Expired);
  }
  scheduleExpiryCheck(queue);
}

void Simulator::scheduleExpiryCheck(std::uint32_t queue) {
  QueueState& q = queues_[queue];
  if (q.ready.empty()) return;
  SimTime at = pool_[q.ready.front()].expiresAt;
  if (at == kNever) return;
  if (at < now_) at = now_;
  if (q.expiryCheckAt <= at) return;  // an earlier check is already pending
  q.expiryCheckAt = at;
  schedule(at, EventKind::QueueExpiry, queue, 0);
}

void Simulator::deadLetterOrEnd(std::uint32_t queue, std::uint32_t msg, DeadLetterReason why) {
  const QueueDef& def = model_->queues[queue];
  if (def.deadLetter == kNone) {
    // A message counts once: dropped when it ends here, dead-lettered when it goes on (as in the
    // ledger). An expiry is counted as such, either way.
    if (why != DeadLetterReason::Expired) ++queues_[queue].counters.dropped;
    end(msg, why == DeadLetterReason::Expired    ? Outcome::Expired
             : why == DeadLetterReason::Overflow ? Outcome::DroppedOverflow
                                                 : Outcome::DroppedDeliveryLimit);
    return;
  }
  ++queues_[queue].counters.deadLettered;
  Message& m = pool_[msg];
  record(TraceKind::DeadLetter, m, def.component, model_->queues[def.deadLetter].component, kNone,
         0);
  // A fresh life in the dead-letter queue: its own TTL and delivery count.
  m.deliveries = 0;
  m.redelivered = false;
  m.instance = kNone;
  enqueue(def.deadLetter, msg, true);
  dispatch(def.deadLetter);
}

}  // namespace brokerlab
