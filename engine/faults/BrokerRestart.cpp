// A broker restart, as RabbitMQ behaves with durable queues and persistent messages: every
// connection drops; a transient queue and everything in it is gone; a durable queue keeps its
// ready messages and gets back, flagged redelivered, what its manual-ack consumers held, once the
// broker is up and they reconnect. While it is down, a publisher with confirms keeps what was not
// confirmed and sends it again when the broker is back; one without loses it. Auto-ack deliveries
// already at a consumer were the consumer's: it goes on processing them. Streams are replicated
// logs on other brokers in this model: they are not affected.

#include "sim/Simulator.h"

#include <algorithm>

namespace brokerlab {

void Simulator::loseMessage(std::uint32_t msg, std::uint32_t component, bool eventPending) {
  ++lostInRestarts_;
  record(TraceKind::Lost, pool_[msg], component, kNone, pool_[msg].instance,
         static_cast<SimTime>(Outcome::LostBrokerRestart));
  endHeld(msg, Outcome::LostBrokerRestart, eventPending);
}

void Simulator::brokerGoesDown(SimTime downtime) {
  const bool alreadyDown = brokerDown();
  brokerDownUntil_ = std::max(brokerDownUntil_, now_ + downtime);
  if (alreadyDown) return;  // a second restart only makes the downtime longer
  for (std::uint32_t i = 0; i < instances_.size(); ++i)
    if (model_->consumers[consumerOf(i)].queue != kNone) disconnect(i);
  for (std::uint32_t q = 0; q < model_->queues.size(); ++q) {
    const QueueDef& def = model_->queues[q];
    if (def.durable) continue;
    QueueState& qs = queues_[q];
    while (!qs.ready.empty()) loseMessage(qs.ready.popFront(), def.component, false);
    setDepth(q);
  }
}

// The instance's connection dropped with the broker.
void Simulator::disconnect(std::uint32_t instance) {
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[consumerOf(instance)];
  const bool durable = model_->queues[def.queue].durable;
  QueueState& q = queues_[def.queue];
  if (!inst.crashed) {
    inst.disconnected = true;
    inst.online = false;
  }
  for (const std::uint32_t msg : heldBy(instance)) {
    const bool pending = pool_[msg].state != MessageState::Buffered;
    if (def.ack == AckMode::Auto) {  // only what was still on the wire is lost
      if (pool_[msg].state == MessageState::ToConsumer) loseMessage(msg, def.component, true);
    } else if (durable) {
      orphan(instance, msg);
    } else {
      --q.unacked;
      loseMessage(msg, def.component, pending);
    }
  }
  if (def.ack == AckMode::Manual) {
    stopProcessing(instance);  // its deliveries are invalid now: it will get them again
    inst.unacked = 0;
  }
  if (!durable) {  // a crash's orphans waiting for detection go with their transient queue
    for (const std::uint32_t msg : inst.orphans) {
      --q.unacked;
      loseMessage(msg, def.component, pool_[msg].orphanPending);
    }
    inst.orphans.clear();
  }
}

void Simulator::onBrokerUp() {
  if (brokerDown()) return;  // a later restart extended the downtime
  for (std::uint32_t i = 0; i < instances_.size(); ++i) {
    ConsumerInstanceState& inst = instances_[i];
    if (!inst.disconnected) continue;
    inst.disconnected = false;
    requeueOrphans(i);
    const ConsumerDef& def = model_->consumers[consumerOf(i)];
    const ConsumerState& c = consumers_[consumerOf(i)];
    inst.online = !inst.crashed && c.present && i - def.firstInstance < c.active.value;
  }
  for (std::uint32_t q = 0; q < model_->queues.size(); ++q) dispatch(q);
}

}  // namespace brokerlab
