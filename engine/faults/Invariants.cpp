// Invariants: what must hold after every event, whatever faults did. A violation stops the run
// and names the rule and the event after which it broke.

#include "sim/Simulator.h"

namespace brokerlab {

namespace {

std::string eventKindText(EventKind k) {
  return std::to_string(static_cast<int>(k));
}

}  // namespace

void Simulator::noteViolation(const std::string& rule, std::uint64_t message) {
  violation_ = std::string("invariant broken: ").append(rule);
  if (message != 0) violation_.append(" (message ").append(std::to_string(message)).append(")");
  violation_.append("; at t = ")
      .append(std::to_string(now_))
      .append(" ns, event #")
      .append(std::to_string(events_));
  if (lastEvent_.seqKind != 0 || lastEvent_.time != 0)
    violation_.append(" (kind ")
        .append(eventKindText(lastEvent_.kind()))
        .append(", a = ")
        .append(std::to_string(lastEvent_.a))
        .append(", b = ")
        .append(std::to_string(lastEvent_.b))
        .append(")");
}

std::string Simulator::invariantViolation() const {
  const Model& m = *model_;
  if (!ledger_.balanced())
    return "conservation: " + std::to_string(ledger_.created()) + " messages created, " +
           std::to_string(ledger_.live()) + " live + " + std::to_string(ledger_.ended()) + " ended";
  auto name = [&](std::uint32_t component) { return m.components[component].id; };

  for (std::uint32_t q = 0; q < m.queues.size(); ++q) {
    const QueueDef& def = m.queues[q];
    const QueueState& qs = queues_[q];
    // A drop-head queue drops at once what returns take above max_length (RabbitMQ); a
    // reject-publish queue only refuses publishes (checked in enqueue), so returns may pass it.
    if (def.overflow == Overflow::DropHead && def.maxLength != 0 && qs.ready.size() > def.maxLength)
      return name(def.component) + ": " + std::to_string(qs.ready.size()) +
             " ready, above its drop-head max_length " + std::to_string(def.maxLength);
    // The broker's unacked count is exactly what its manual-ack channels hold, live or orphaned.
    std::uint64_t held = 0;
    for (const std::uint32_t i : m.listedInstances(q)) {
      const ConsumerDef& c = m.consumers[consumerOf(i)];
      if (c.ack == AckMode::Manual) held += instances_[i].unacked + instances_[i].orphans.size();
    }
    if (held != qs.unacked)
      return name(def.component) + ": " + std::to_string(qs.unacked) +
             " unacked, but its consumers hold " + std::to_string(held);
  }
  for (std::uint32_t i = 0; i < instances_.size(); ++i) {
    const ConsumerDef& c = m.consumers[consumerOf(i)];
    const ConsumerInstanceState& inst = instances_[i];
    const std::uint32_t prefetch = inst.prefetch;  // the model's, or a prefetch fault's
    const std::uint32_t limit = c.sourceKind == ChannelKind::Stream
                                    ? (prefetch == 0 ? kMaxRecordsInFlight : prefetch)
                                    : (c.ack == AckMode::Manual ? prefetch : 0);
    // A lowered prefetch takes nothing back: what the instance held then may stay above it.
    if (limit != 0 && inst.unacked > std::max(limit, inst.heldOverPrefetch))
      return name(c.component) + "#" + std::to_string(m.instanceNumber(i)) + ": " +
             std::to_string(inst.unacked) + " unacked, above prefetch " + std::to_string(limit) +
             (inst.heldOverPrefetch > limit ? " and the " + std::to_string(inst.heldOverPrefetch) +
                                                  " it held when its prefetch was lowered"
                                            : std::string());
    // Auto ack: a delivery is done when it is sent, so nothing is held (dispatch's credit test
    // counts on it).
    if (c.sourceKind != ChannelKind::Stream && c.ack == AckMode::Auto && inst.unacked != 0)
      return name(c.component) + "#" + std::to_string(m.instanceNumber(i)) +
             ": an auto-ack instance holds " + std::to_string(inst.unacked) + " unacked";
    if (instances_[i].crashed && instances_[i].online)
      return name(c.component) + "#" + std::to_string(m.instanceNumber(i)) +
             " is online while crashed";
  }
  for (std::uint32_t g = 0; g < m.groups.size(); ++g) {
    const GroupDef& def = m.groups[g];
    const GroupState& gs = groups_[g];
    const StreamState& st = streams_[def.stream];
    for (std::uint32_t p = 0; p < gs.partitions.size(); ++p) {
      const GroupPartition& gp = gs.partitions[p];
      const PartitionLog& log = st.partitions[p];
      const std::string where = "group " + def.name + ", partition " + std::to_string(p);
      if (gp.committed != kNoOffset && gp.committed > log.endOffset())
        return where + ": committed offset beyond the log end (negative lag)";
      if (gp.position > log.endOffset() + 0 && gp.owner != kNone)
        return where + ": position beyond the log end";
      if (gp.owner != kNone && m.consumers[consumerOf(gp.owner)].group != g)
        return where + ": owned by an instance outside the group";
      if (!gs.rebalancing && gp.owner != kNone && !instances_[gp.owner].online &&
          !instances_[gp.owner].crashed)
        return where + ": a settled group's owner has left";
    }
  }
  for (std::uint32_t s = 0; s < streams_.size(); ++s)
    for (const PartitionLog& log : streams_[s].partitions)
      if (log.startOffset() > log.endOffset())
        return name(m.streams[s].component) + ": a partition starts after it ends";
  for (std::uint32_t a = 0; a < apis_.size(); ++a) {
    std::uint64_t jobs = 0;
    for (const std::uint64_t n : apis_[a].jobs) jobs += n;
    if (jobs != apis_[a].accepted)
      return name(m.apis[a].component) + ": " + std::to_string(apis_[a].accepted) +
             " jobs accepted, " + std::to_string(jobs) + " in store states";
  }
  for (std::uint32_t c = 0; c < clients_.size(); ++c) {
    std::uint64_t jobs = 0;
    for (const std::uint64_t n : clients_[c].outcomes) jobs += n;
    if (jobs != clients_[c].submitted)
      return name(m.clients[c].component) + ": " + std::to_string(clients_[c].submitted) +
             " jobs submitted, " + std::to_string(jobs) + " in outcomes";
  }
  return {};
}

}  // namespace brokerlab
