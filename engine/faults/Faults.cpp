// Faults: consumer crashes (with the broker noticing them a heartbeat later), restarts, spikes,
// slow consumers, poison messages, partitioned or degraded links, scaling, and what-if changes of
// a consumer's prefetch or a client's poll interval.
//
// A crash is the delicate one. What the instance held is either requeued (manual ack: once the
// broker notices the dead connection, flagged redelivered) or lost (auto ack: the broker had let
// it go at delivery). Events already scheduled for those messages (a delivery on the wire, the
// end of processing, an ack) still fire; the slot of such a message is kept as a Tombstone until
// then, and the message moves to a new slot, so a stale event can never touch a live message.

#include "model/ModelBuilder.h"
#include "sim/Simulator.h"

#include <algorithm>

namespace brokerlab {

void Simulator::recordFault(TraceKind kind, const FaultDef& f) {
  const auto number = static_cast<std::uint16_t>(model_->instanceNumber(f.instance));
  emitRecord({now_, static_cast<SimTime>(f.kind), 0,
              f.component == kNone ? kNoComponent : f.component, kNone, 0, number, kind, 0});
}

std::string Simulator::settleForLiveChange() {
  // A scenario's fault or action at time t starts before every other event at t (it was
  // scheduled first). A live one can only follow what has already run, so it takes the first
  // instant after now at which nothing is due; saved at that time, it replays the same run.
  SimTime t = now_ + 1;
  for (;;) {
    switch (runUntil(t - 1)) {
      case StopReason::ReachedTime:
        break;
      case StopReason::TraceFull:
        return "the captured trace is full: pull it before applying a live change";
      case StopReason::InvariantViolated:
        return "an invariant broke: " + violation_;
      case StopReason::LimitReached:
        return limitReached_;
      case StopReason::EventBudget:
        return "unreachable";  // no budget was given
    }
    if (queue_.empty() || queue_.top().time != t) break;
    ++t;
  }
  runUntil(t);  // nothing is due at t: only the clock moves
  return {};
}

std::string Simulator::injectFault(FaultSpec spec) {
  spec.at = now_ + 1;
  std::string error;
  const FaultDef probe = resolveFault(*model_, spec, error);
  if (!error.empty()) return error;
  if (probe.kind == FaultKind::Scale &&
      probe.instances > model_->consumers[probe.consumer].instanceSlots)
    return "scale: " + model_->components[probe.component].id + " has " +
           std::to_string(model_->consumers[probe.consumer].instanceSlots) +
           " instance slots; a scenario with a scale fault to more reserves them";
  if (std::string why = settleForLiveChange(); !why.empty()) return why;
  spec.at = now_;
  FaultDef f = probe;
  f.at = now_;
  faults_.push_back(f);
  liveFaults_.push_back(spec);
  schedule(now_, EventKind::FaultStart, static_cast<std::uint32_t>(faults_.size() - 1), 0);
  return {};
}

std::string Simulator::injectAction(ActionSpec spec) {
  std::string error;
  const ActionDef probe = resolveAction(*model_, spec, error);
  if (!error.empty()) return error;
  if (std::string why = settleForLiveChange(); !why.empty()) return why;
  spec.at = now_;
  ActionDef a = probe;
  a.at = now_;
  actions_.push_back(a);
  liveActions_.push_back(spec);
  schedule(now_, EventKind::ResetOffsets, static_cast<std::uint32_t>(actions_.size() - 1), 0);
  return {};
}

void Simulator::onFaultStart(std::uint32_t fault) {
  const FaultDef f = faults_[fault];  // a copy: handlers below may add live faults
  recordFault(TraceKind::Fault, f);
  switch (f.kind) {
    case FaultKind::Crash:
    case FaultKind::Close: {
      const bool closing = f.kind == FaultKind::Close;
      if (f.instance != kNone) {
        crashInstance(f.instance, f.restartAfter, closing);
        break;
      }
      const ConsumerDef& def = model_->consumers[f.consumer];
      for (std::uint32_t i = 0; i < def.instanceSlots; ++i)
        crashInstance(def.firstInstance + i, f.restartAfter, closing);
      break;
    }
    case FaultKind::Restart:
      brokerGoesDown(f.duration);
      break;
    case FaultKind::Spike:
      if (f.producer != kNone) producers_[f.producer].rateFactor = f.factor;
      if (f.client != kNone) clients_[f.client].rateFactor = f.factor;
      break;
    case FaultKind::Slow:
      consumers_[f.consumer].serviceFactor = f.factor;
      break;
    case FaultKind::Poison:
      producers_[f.producer].poisonFraction = f.fraction;
      break;
    case FaultKind::Partition:
      linkFaultSeen_ = true;
      links_[f.component].heldUntil = std::max(links_[f.component].heldUntil, now_ + f.duration);
      links_[f.component].dropFraction = std::max(links_[f.component].dropFraction, f.fraction);
      break;
    case FaultKind::Degrade:
      linkFaultSeen_ = true;
      links_[f.component].latencyFactor = f.factor;
      break;
    case FaultKind::Scale:
      scaleConsumer(f.consumer, f.instances);
      break;
    case FaultKind::Prefetch:
      setPrefetch(f.consumer, f.prefetch);
      break;
    case FaultKind::Poll:
      setPollInterval(f.client, f.pollInterval);
      break;
  }
  if (f.duration > 0 && f.kind != FaultKind::Crash && f.kind != FaultKind::Scale)
    schedule(now_ + f.duration, EventKind::FaultEnd, fault, 0);
}

void Simulator::onFaultEnd(std::uint32_t fault) {
  const FaultDef& f = faults_[fault];
  recordFault(TraceKind::FaultEnd, f);
  switch (f.kind) {
    case FaultKind::Spike:
      if (f.producer != kNone) producers_[f.producer].rateFactor = 1;
      if (f.client != kNone) clients_[f.client].rateFactor = 1;
      break;
    case FaultKind::Slow:
      consumers_[f.consumer].serviceFactor = 1;
      break;
    case FaultKind::Poison:
      producers_[f.producer].poisonFraction = 0;
      break;
    case FaultKind::Degrade:
      links_[f.component].latencyFactor = 1;
      break;
    case FaultKind::Restart:
      onBrokerUp();
      break;
    case FaultKind::Partition:  // holds by itself until heldUntil; drops while any partition lasts
      if (links_[f.component].heldUntil <= now_) links_[f.component].dropFraction = 0;
      break;
    case FaultKind::Crash:
    case FaultKind::Close:
    case FaultKind::Scale:
    case FaultKind::Prefetch:
    case FaultKind::Poll:
      break;
  }
}

// What an instance holds (deliveries on the wire, prefetched, in processing, acks not yet
// through), in publish order. Crashes and restarts are rare: a scan of the pool is affordable.
std::vector<std::uint32_t> Simulator::heldBy(std::uint32_t instance) const {
  std::vector<std::uint32_t> held;
  for (std::uint32_t i = 0; i < pool_.capacity(); ++i) {
    const Message& m = pool_[i];
    if (m.instance != instance) continue;
    switch (m.state) {
      case MessageState::ToConsumer:
      case MessageState::Buffered:
      case MessageState::Processing:
      case MessageState::AckToBroker:  // the connection died with the ack in its buffers
      case MessageState::NackToBroker:
        held.push_back(i);
        break;
      default:
        break;
    }
  }
  std::sort(held.begin(), held.end(), [this](std::uint32_t a, std::uint32_t b) {
    return pool_[a].serial != pool_[b].serial ? pool_[a].serial < pool_[b].serial : a < b;
  });
  return held;
}

void Simulator::stopProcessing(std::uint32_t instance) {
  ConsumerInstanceState& inst = instances_[instance];
  inst.buffer.clear();
  if (inst.busy) {
    inst.busy = false;
    ConsumerState& c = consumers_[consumerOf(instance)];
    c.busy.set(now_, c.busy.value - 1);
  }
}

void Simulator::orphan(std::uint32_t instance, std::uint32_t msg) {
  Message& m = pool_[msg];
  const bool pending = m.state != MessageState::Buffered;  // an event is on its way for it
  setState(msg, MessageState::Orphaned);
  m.orphanPending = pending;
  instances_[instance].orphans.push_back(msg);
}

// A crash, or with `closing` a channel close (queue and topic consumers only): the instance
// stops at once either way. A crash goes unnoticed for a heartbeat and takes the acks in its
// buffers with it; a close reaches the broker after the acks already sent (one FIFO link), and
// the broker returns the rest the moment it arrives.
void Simulator::crashInstance(std::uint32_t instance, SimTime restartAfter, bool closing) {
  ConsumerInstanceState& inst = instances_[instance];
  if (inst.crashed) return;
  const std::uint32_t consumer = consumerOf(instance);
  const ConsumerDef& def = model_->consumers[consumer];
  ConsumerState& c = consumers_[consumer];
  inst.online = false;
  inst.crashed = true;
  inst.closed = closing;
  ++inst.crashEpoch;
  ++(closing ? c.closes : c.crashes);
  const auto number = static_cast<std::uint16_t>(model_->instanceNumber(instance));
  emitRecord({now_, 0, 0, def.component, kNone, 0, number,
              closing ? TraceKind::Close : TraceKind::Crash, 0});

  const std::vector<std::uint32_t> held = heldBy(instance);
  stopProcessing(instance);
  std::uint32_t answersOnTheWire = 0;  // a close: acks and nacks that reach the broker first
  for (const std::uint32_t msg : held) {
    Message& m = pool_[msg];
    const bool pending = m.state != MessageState::Buffered;  // an event is on its way for it
    if (closing &&
        (m.state == MessageState::AckToBroker || m.state == MessageState::NackToBroker)) {
      ++answersOnTheWire;
    } else if (def.sourceKind == ChannelKind::Stream) {
      endHeld(msg, Outcome::ReadAbandoned, pending);
    } else if (def.ack == AckMode::Auto) {
      ++c.lostInCrash;
      record(TraceKind::Lost, m, def.component, kNone, instance,
             static_cast<SimTime>(Outcome::LostConsumerCrash));
      endHeld(msg, Outcome::LostConsumerCrash, pending);
    } else {
      orphan(instance, msg);
    }
  }
  // its channel is gone; the broker still counts the orphans per queue (and, after a close, the
  // answers on their way)
  inst.unacked = def.ack == AckMode::Manual ? answersOnTheWire : 0;
  if (def.group != kNone) {
    // Its progress since the last commit dies with it: whoever takes its partitions re-reads it.
    for (GroupPartition& gp : groups_[def.group].partitions)
      if (gp.owner == instance) gp.consumed = kNoOffset;
  }
  const SimTime noticed =
      closing ? sendOverLink(inst.upLinkFreeAt, def.latency, inst.rng, def.component)
              : now_ + def.heartbeat;
  schedule(noticed, EventKind::CrashDetected, instance, 0);
  if (restartAfter != kNever)
    schedule(now_ + restartAfter, EventKind::InstanceRestart, instance, inst.crashEpoch);
}

// Ends a message a crashed instance held. If an event is still to fire for it, its slot waits
// for that event as a Tombstone (not a message any more: the ledger has its outcome).
void Simulator::endHeld(std::uint32_t msg, Outcome o, bool eventPending) {
  if (!eventPending) return end(msg, o);
  Message& m = pool_[msg];
  --ledger_.inState[static_cast<std::size_t>(m.state)];
  ++ledger_.outcomes[static_cast<std::size_t>(o)];
  m.state = MessageState::Tombstone;
  m.orphanPending = true;
}

// An event for a message a crash took away has come (the handler does nothing): a tombstone's
// slot is free now; an orphan no longer waits for it.
void Simulator::settleStaleEvent(std::uint32_t msg) {
  Message& m = pool_[msg];
  if (m.state == MessageState::Tombstone) {
    pool_.release(msg);
  } else {  // Orphaned: the event it waited for has come
    m.orphanPending = false;
  }
}

void Simulator::onCrashDetected(std::uint32_t instance) {
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[consumerOf(instance)];
  const auto number = static_cast<std::uint16_t>(model_->instanceNumber(instance));
  emitRecord({now_, static_cast<SimTime>(inst.orphans.size()), 0, def.component, kNone, 0, number,
              TraceKind::Detect, 0});
  if (requeueOrphans(instance)) dispatch(def.queue);
  if (def.group != kNone) startRebalance(def.group);
}

bool Simulator::requeueOrphans(std::uint32_t instance) {
  std::vector<std::uint32_t> orphans;
  orphans.swap(instances_[instance].orphans);
  if (orphans.empty()) return false;
  // Back to the head of the queue, the earliest first: push the latest first (a quorum queue takes
  // them at its back: the earliest first).
  const std::uint32_t queue = model_->consumers[consumerOf(instance)].queue;
  const QueueDef& def = model_->queues[queue];
  if (def.returnsToTail) std::reverse(orphans.begin(), orphans.end());
  for (auto it = orphans.rbegin(); it != orphans.rend(); ++it) {
    std::uint32_t msg = *it;
    if (pool_[msg].orphanPending) {  // its old slot waits for the pending event
      const std::uint32_t copy = allocateMessage();
      pool_[copy] = pool_[msg];
      pool_[copy].orphanPending = false;
      pool_[msg].state = MessageState::Tombstone;  // the message (and its count) moved to `copy`
      msg = copy;
    }
    requeueOrphan(msg);
  }
  // All back at once, then a drop-head queue over its max_length drops from the head (RabbitMQ).
  if (def.overflow == Overflow::DropHead) dropHeadDownTo(queue, def.maxLength);
  return true;
}

void Simulator::requeueOrphan(std::uint32_t msg) {
  Message& m = pool_[msg];
  const std::uint32_t queue = m.queue;
  const QueueDef& def = model_->queues[queue];
  QueueState& q = queues_[queue];
  --q.unacked;
  ++consumers_[consumerOf(m.instance)].requeuedAfterCrash;
  m.instance = kNone;
  if (def.maxDeliveries != 0 && m.deliveries >= def.maxDeliveries) {
    record(TraceKind::Drop, m, def.component, kNone, kNone, 0);
    deadLetterOrEnd(queue, msg, DeadLetterReason::DeliveryLimit);
    return;
  }
  requeue(msg);
}

void Simulator::onInstanceRestart(std::uint32_t instance, std::uint32_t epoch) {
  ConsumerInstanceState& inst = instances_[instance];
  if (!inst.crashed || inst.crashEpoch != epoch) return;
  inst.crashed = false;
  inst.closed = false;
  const std::uint32_t consumer = consumerOf(instance);
  const ConsumerDef& def = model_->consumers[consumer];
  const ConsumerState& c = consumers_[consumer];
  const auto number = static_cast<std::uint16_t>(model_->instanceNumber(instance));
  emitRecord({now_, 0, 0, def.component, kNone, 0, number, TraceKind::Recover, 0});
  // Back in service only if its consumer is present and this slot is among the active ones.
  if (!c.present || instance - def.firstInstance >= c.active.value) {
    if (def.group != kNone) startRebalance(def.group);  // its partitions need another owner
    return;
  }
  inst.online = true;
  if (def.queue != kNone) dispatch(def.queue);
  if (def.group != kNone) startRebalance(def.group);
}

void Simulator::scaleConsumer(std::uint32_t consumer, std::uint32_t instances) {
  const ConsumerDef& def = model_->consumers[consumer];
  ConsumerState& c = consumers_[consumer];
  const std::uint32_t target = std::min(instances, def.instanceSlots);
  const auto before = static_cast<std::uint32_t>(c.active.value);
  c.active.set(now_, target);
  if (!c.present || target == before) return;
  // Out: new instances come online. In: the last ones leave gracefully, finishing what they hold.
  for (std::uint32_t i = std::min(before, target); i < std::max(before, target); ++i) {
    ConsumerInstanceState& inst = instances_[def.firstInstance + i];
    if (!inst.crashed) inst.online = target > before;
  }
  if (def.queue != kNone) dispatch(def.queue);
  if (def.group != kNone) startRebalance(def.group);
}

// A prefetch fault (basic.qos again on a live channel, as RabbitMQ allows): from now on the
// broker keeps each instance's unacknowledged deliveries within the new prefetch. A lower one takes
// nothing back: what an instance holds beyond it stays until acked, and it gets no more until it
// is below the new limit. A higher one (or 0, unlimited) lets the broker deliver more at once.
// Stream consumers read it as they read their prefetch parameter: records in flight.
void Simulator::setPrefetch(std::uint32_t consumer, std::uint32_t prefetch) {
  const ConsumerDef& def = model_->consumers[consumer];
  const bool stream = def.sourceKind == ChannelKind::Stream;
  for (std::uint32_t i = 0; i < def.instanceSlots; ++i) {
    ConsumerInstanceState& inst = instances_[def.firstInstance + i];
    inst.prefetch = prefetch;
    // The limit the invariants check (an auto-ack queue consumer has none).
    const std::uint32_t limit = stream ? (prefetch == 0 ? kMaxRecordsInFlight : prefetch)
                                       : (def.ack == AckMode::Manual ? prefetch : 0);
    inst.heldOverPrefetch = limit != 0 && inst.unacked > limit ? inst.unacked : 0;
  }
  if (def.queue != kNone) dispatch(def.queue);
  if (stream)
    for (std::uint32_t i = 0; i < def.instanceSlots; ++i) fetch(def.firstInstance + i);
}

}  // namespace brokerlab
