// The broker's point-to-point queues: enqueue with overflow, round-robin dispatch with prefetch
// credit, acks, nacks with requeue or reject, TTL expiry (queue and per-message), delivery limits
// and dead-lettering with RabbitMQ's reasons.

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
    if (def.overflow != Overflow::DropHead) {
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
      // reject-publish-dlx: the publisher is told, and the message is dead-lettered (maxlen)
      if (def.overflow == Overflow::RejectPublishDlx && def.deadLetter != kNone)
        return deadLetterOrEnd(queue, msg, DeadLetterReason::MaxLength);
      end(msg, Outcome::Rejected);
      return;
    }
    dropHeadDownTo(queue, def.maxLength - 1);  // room for this one
  }

  setState(msg, MessageState::Ready);
  m.since = now_;
  // A publisher's own expiration (not a dead-lettered message's: RabbitMQ removes it) counts
  // beside the queue's TTL; the sooner one applies.
  SimTime ttl = def.ttl;
  if (model_->messageExpirations && !fromDeadLetter && m.producer != kNone) {
    const SimTime own = model_->producers[m.producer].expiration;
    if (own != 0 && (ttl == 0 || own < ttl)) ttl = own;
  }
  m.expiresAt = ttl != 0 ? now_ + ttl : kNever;
  q.ready.pushBack(msg);
  expectInvariant(def.maxLength == 0 || q.ready.size() <= def.maxLength,
                  "ready <= max_length after each enqueue", m);
  ++q.counters.enqueued;
  if (fromDeadLetter) ++q.counters.deadLetteredIn;
  record(TraceKind::Enqueue, m, def.component, def.subscriber, kNone, 0);
  setDepth(queue);
  if (m.expiresAt != kNever) scheduleExpiryCheck(queue);
}

std::uint32_t Simulator::nextInstanceWithCredit(std::uint32_t queue) {
  const std::span<const std::uint32_t> list = model_->listedInstances(queue);
  const auto n = static_cast<std::uint32_t>(list.size());
  QueueState& q = queues_[queue];
  for (std::uint32_t k = 0, i = q.rrCursor; k < n; ++k) {
    const std::uint32_t instance = list[i];
    if (++i == n) i = 0;
    const ConsumerInstanceState& inst = instances_[instance];
    if (!inst.online) continue;
    // Prefetch limits unacknowledged deliveries only: an auto-ack consumer, as in RabbitMQ, gets
    // messages as fast as the broker can send them. It holds none (unacked stays 0, a checked
    // invariant), so the credit test passes for it without reading its definition, a cache miss
    // at each publish to a busy queue of a large model.
    if (inst.prefetch == 0 || inst.unacked < inst.prefetch) {
      q.rrCursor = i;
      return instance;
    }
  }
  return kNone;
}

void Simulator::dispatch(std::uint32_t queue) {
  if (brokerDown()) return;
  QueueState& q = queues_[queue];
  // Where nothing can expire, the head is not read before an instance has credit: in a large
  // model it is a cache miss on every publish to a busy queue.
  const bool canExpire = messagesCanExpire(queue);
  bool changed = false;
  while (!q.ready.empty()) {
    if (canExpire && pool_[q.ready.front()].expiresAt <= now_) {  // never delivered expired
      expireHead(queue);
      changed = true;
      continue;
    }
    const std::uint32_t instance = nextInstanceWithCredit(queue);
    if (instance == kNone) break;
    const std::uint32_t msg = q.ready.popFront();
    changed = true;
    Message& m = pool_[msg];
    ConsumerInstanceState& inst = instances_[instance];
    const ConsumerDef& def = model_->consumers[consumerOf(instance)];
    ++m.deliveries;
    expectInvariant(m.expiresAt > now_, "an expired message is never delivered", m);
    expectInvariant(m.redelivered == (m.deliveries > 1),
                    "redelivered is set exactly on redeliveries", m);
    ++q.counters.delivered;
    if (m.redelivered) ++q.counters.redelivered;
    recordLatency(LatencyOwner::QueueWait, queue, now_ - m.since);
    m.instance = instance;
    if (def.ack == AckMode::Manual) {  // under auto ack the message is no longer the queue's
      ++inst.unacked;
      ++q.unacked;
      inst.heldOverPrefetch = 0;  // it had credit: it is below a lowered prefetch now
    }
    const SimTime arrival = sendOverLink(inst.downLinkFreeAt, def.latency, inst.rng, def.component);
    setState(msg, MessageState::ToConsumer);
    // The queue's component is read here, not once above the loop: GCC 12 spilled that copy
    // 4 bytes wide and read the spill back 8 wide (to shift it into the record's hash), a load
    // the store buffer cannot forward, which then waited for the store to retire.
    record(TraceKind::Deliver, m, model_->queues[queue].component, def.component, instance,
           arrival);
    if (claimInline(arrival)) {
      inlineReceive_ = msg;
      inlineReceiveInstance_ = instance;
      inlineReceiveSequence_ = claimedSequence_;
    } else {
      schedule(arrival, EventKind::ConsumerReceive, instance, msg);
    }
  }
  if (!changed) return;
  setDepth(queue);
  // Expiry happens at the head: a new head with its own, earlier expiration needs its check. (The
  // test here saves most dispatches a call that would only find that nothing can expire.)
  if (canExpire) scheduleExpiryCheck(queue);
}

// Dispatch's rare case, out of line so that its record's work is not hoisted into every dispatch.
[[gnu::noinline]] void Simulator::expireHead(std::uint32_t queue) {
  QueueState& q = queues_[queue];
  const std::uint32_t head = q.ready.popFront();
  ++q.counters.expired;
  record(TraceKind::Expire, pool_[head], model_->queues[queue].component, kNone, kNone, 0);
  deadLetterOrEnd(queue, head, DeadLetterReason::Expired);
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
         model_->consumers[consumerOf(instance)].component, instance, 0);
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
  const ConsumerDef& consumer = model_->consumers[consumerOf(instance)];
  // aux 1: a reject (nack with requeue=false), 0: a nack that requeues
  record(TraceKind::Nack, m, def.component, consumer.component, instance, consumer.requeue ? 0 : 1);
  m.instance = kNone;
  if (!consumer.requeue) {
    ++queueMetrics_[queue].rejectedNoRequeue;
    deadLetterOrEnd(queue, msg, DeadLetterReason::Rejected);
  } else if (def.maxDeliveries != 0 && m.deliveries >= def.maxDeliveries) {
    record(TraceKind::Drop, m, def.component, kNone, kNone, 0);
    deadLetterOrEnd(queue, msg, DeadLetterReason::DeliveryLimit);
  } else {
    requeue(msg);
    if (def.overflow == Overflow::DropHead) dropHeadDownTo(queue, def.maxLength);
  }
  dispatch(queue);
}

// Back to the head, flagged: it keeps its place in line and its original expiry. A quorum queue
// (RabbitMQ 3.10.8) puts it at the back instead.
void Simulator::requeue(std::uint32_t msg) {
  Message& m = pool_[msg];
  const std::uint32_t queue = m.queue;
  m.redelivered = true;
  m.since = now_;
  setState(msg, MessageState::Ready);
  if (model_->queues[queue].returnsToTail) {
    queues_[queue].ready.pushBack(msg);
  } else {
    queues_[queue].ready.pushFront(msg);
  }
  record(TraceKind::Requeue, m, model_->queues[queue].component, kNone, kNone, 0);
  setDepth(queue);
  scheduleExpiryCheck(queue);
}

// Drops from the head until `keep` messages are ready (none without a max_length). Before a
// publish into a full drop-head queue; and, as RabbitMQ does, at once after returned messages took
// it above max_length: in a classic queue they are at the head, so they are the ones dropped (a
// reject-publish queue keeps them: its limit refuses publishes only).
void Simulator::dropHeadDownTo(std::uint32_t queue, std::uint64_t keep) {
  const QueueDef& def = model_->queues[queue];
  QueueState& q = queues_[queue];
  if (def.maxLength == 0) return;
  while (q.ready.size() > keep) {
    const std::uint32_t head = q.ready.popFront();
    setDepth(queue);
    record(TraceKind::Drop, pool_[head], def.component, kNone, kNone, 0);
    deadLetterOrEnd(queue, head, DeadLetterReason::MaxLength);
  }
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
  if (q.ready.empty() || !messagesCanExpire(queue)) return;  // no head to read: a miss saved
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
    // ledger). An expiry and a consumer's reject are counted as such, either way.
    if (why == DeadLetterReason::MaxLength || why == DeadLetterReason::DeliveryLimit)
      ++queues_[queue].counters.dropped;
    static constexpr Outcome kDiscarded[kDeadLetterReasonCount] = {
        Outcome::Expired, Outcome::DroppedOverflow, Outcome::RejectedByConsumer,
        Outcome::DroppedDeliveryLimit};
    end(msg, kDiscarded[static_cast<std::size_t>(why)]);
    return;
  }
  ++queues_[queue].counters.deadLettered;
  ++queueMetrics_[queue].deadLetteredBy[static_cast<std::size_t>(why)];
  Message& m = pool_[msg];
  // aux: the reason (x-death's), DeadLetterReason
  record(TraceKind::DeadLetter, m, def.component, model_->queues[def.deadLetter].component, kNone,
         static_cast<SimTime>(why));
  // A fresh life in the dead-letter queue: its own TTL and delivery count.
  m.deliveries = 0;
  m.redelivered = false;
  m.instance = kNone;
  enqueue(def.deadLetter, msg, true);
  dispatch(def.deadLetter);
}

}  // namespace brokerlab
