// Topics: fan-out. Each published message is copied into the queue of every subscription whose
// binding matches its routing key; a subscription's queue then behaves like any queue (prefetch,
// acks, TTL, max_length). A non-durable subscription exists only while its consumer is online,
// so what is published meanwhile is missed; a durable one buffers it.

#include "sim/Simulator.h"

namespace brokerlab {

void Simulator::fanOut(std::uint32_t topic, std::uint32_t msg) {
  const TopicDef& def = model_->topics[topic];
  TopicState& t = topics_[topic];
  ++t.published;
  const std::uint32_t producerComponent = model_->producers[pool_[msg].producer].component;
  record(TraceKind::Arrive, pool_[msg], def.component, producerComponent, kNone, 0);

  const std::vector<std::uint8_t>& matches =
      model_->producers[pool_[msg].producer].keyMatches[pool_[msg].key];
  std::uint64_t copies = 0;
  for (std::uint32_t s = 0; s < def.subscriptions.size(); ++s) {
    if (!matches[s]) continue;
    const ConsumerDef& subscriber = model_->consumers[def.subscriptions[s]];
    const bool present = instances_[subscriber.firstInstance].online;
    if (!present && !subscriber.durableSubscription) {
      ++t.missed;
      ++t.missedBySubscription[s];
      record(TraceKind::Miss, pool_[msg], def.component, subscriber.component, kNone, 0);
      continue;
    }
    const std::uint32_t copy = newMessageFrom(pool_[msg]);
    ++ledger_.copies;
    ++t.fannedOut;
    ++copies;
    pool_[copy].queue = subscriber.queue;
    ++queues_[subscriber.queue].counters.published;
    enqueue(subscriber.queue, copy, false);
    dispatch(subscriber.queue);
  }
  if (copies == 0) ++t.unrouted;
  end(msg, copies > 0 ? Outcome::FannedOut : Outcome::Unrouted);
}

}  // namespace brokerlab
