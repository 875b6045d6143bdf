// Consumer groups on a stream: each partition has exactly one owner among the group's online
// members. When a member joins or leaves, the group rebalances: consumption stops for the
// rebalance pause, the owners' progress is committed, and the partitions are assigned again
// (range or round-robin); each new owner resumes from the committed offset.
//
//        join / leave / reset                     pause elapsed
//   Consuming ----------------> Rebalancing ----------------------> Consuming
//       ^   (commit on a timer    (no fetching;    commit, apply a pending
//       |    or per record)        in-flight        reset, assign, fetch)
//       +------------------------- records finish)

#include "sim/Simulator.h"

namespace brokerlab {

void Simulator::recordGroupEvent(TraceKind kind, std::uint32_t group, std::uint32_t partition,
                                 SimTime aux) {
  const std::uint32_t stream = model_->streams[model_->groups[group].stream].component;
  emitRecord({now_, aux, 0, stream, kNone, partition, static_cast<std::uint16_t>(group), kind, 0});
}

namespace {

// How many records a group is behind on one partition.
std::uint64_t behindOn(const GroupDef& def, const GroupPartition& gp, const PartitionLog& log) {
  // Before its first assignment a group is behind by what it will start reading.
  const std::uint64_t from =
      gp.committed != kNoOffset
          ? gp.committed
          : (def.start == StartPosition::Earliest ? log.startOffset() : log.endOffset());
  return log.endOffset() - from;
}

}  // namespace

void Simulator::setLag(std::uint32_t group, std::uint32_t changed) {
  const GroupDef& def = model_->groups[group];
  const StreamState& st = streams_[def.stream];
  GroupState& g = groups_[group];
  std::uint64_t lag = 0;
  for (std::size_t p = 0; p < st.partitions.size(); ++p)
    lag += behindOn(def, g.partitions[p], st.partitions[p]);
  g.lag.set(now_, lag);
  if (!g.partitionLag.empty()) setPartitionLags(group, changed);
}

// Each partition's lag integral (PartitionLagSeries) follows the total. A partition's lag moves
// with its own appends and commits, whose callers name it: looking at that one instead of all keeps
// an append to a 32-partition stream as cheap as before. Retention moves the start that a partition
// never committed counts from without telling the group, so after a deletion every partition is
// looked at once.
void Simulator::setPartitionLags(std::uint32_t group, std::uint32_t changed) {
  const GroupDef& def = model_->groups[group];
  const StreamState& st = streams_[def.stream];
  GroupState& g = groups_[group];
  const auto update = [&](std::size_t p) {
    const std::uint64_t behind = behindOn(def, g.partitions[p], st.partitions[p]);
    TimeIntegral& lag = g.partitionLag[p].lag;
    if (lag.value != behind) lag.set(now_, behind);  // an unchanged value leaves the area as is
  };
  if (changed != kNone && g.retentionSeen == st.deletedByRetention) {
    update(changed);
    return;
  }
  for (std::size_t p = 0; p < g.partitions.size(); ++p) update(p);
  g.retentionSeen = st.deletedByRetention;
}

void Simulator::startRebalance(std::uint32_t group) {
  GroupState& g = groups_[group];
  if (!g.rebalancing) {
    ++g.rebalances;
    recordGroupEvent(TraceKind::Rebalance, group, 0, 0);
  }
  g.rebalancing = true;
  ++g.generation;
  // A member arriving during a rebalance restarts the pause, as Kafka's join phase does.
  schedule(now_ + model_->groups[group].rebalancePause, EventKind::RebalanceEnd, group,
           g.generation);
}

void Simulator::onRebalanceEnd(std::uint32_t group, std::uint32_t generation) {
  GroupState& g = groups_[group];
  if (generation != g.generation) return;  // superseded by a later rebalance
  commitProcessed(group);
  if (g.resetPending) applyReset(group);
  assignPartitions(group);
  g.rebalancing = false;
  for (const std::uint32_t c : model_->groups[group].consumers) {
    const ConsumerDef& def = model_->consumers[c];
    for (std::uint32_t i = 0; i < def.instanceSlots; ++i) fetch(def.firstInstance + i);
  }
}

void Simulator::assignPartitions(std::uint32_t group) {
  const GroupDef& def = model_->groups[group];
  GroupState& g = groups_[group];
  const StreamState& st = streams_[def.stream];
  std::vector<std::uint32_t> members;  // sorted: consumers in scenario order, then instance number
  for (const std::uint32_t c : def.consumers) {
    const ConsumerDef& k = model_->consumers[c];
    for (std::uint32_t i = 0; i < k.instanceSlots; ++i)
      if (instances_[k.firstInstance + i].online) members.push_back(k.firstInstance + i);
  }
  const auto partitions = static_cast<std::uint32_t>(g.partitions.size());
  const auto m = static_cast<std::uint32_t>(members.size());
  for (std::uint32_t p = 0; p < partitions; ++p) {
    std::uint32_t owner = kNone;
    if (m > 0 && def.assignment == Assignment::RoundRobin) {
      owner = members[p % m];
    } else if (m > 0) {
      // Range: consecutive partitions; the first (partitions % members) members get one more.
      const std::uint32_t each = partitions / m, extra = partitions % m;
      const std::uint32_t boundary = extra * (each + 1);
      owner = members[p < boundary ? p / (each + 1) : extra + (p - boundary) / each];
    }
    GroupPartition& gp = g.partitions[p];
    gp.owner = owner;
    if (gp.committed == kNoOffset)
      gp.committed = def.start == StartPosition::Earliest ? st.partitions[p].startOffset()
                                                          : st.partitions[p].endOffset();
    gp.position = gp.committed;
    gp.consumed = kNoOffset;
    const std::uint32_t ownerComponent =
        owner == kNone ? kNone : model_->consumers[consumerOf(owner)].component;
    const auto number = static_cast<std::uint16_t>(model_->instanceNumber(owner));
    emitRecord({now_, static_cast<SimTime>(gp.position), 0, model_->streams[def.stream].component,
                ownerComponent, p, number, TraceKind::Assign, 0});
  }
  setLag(group);
}

void Simulator::commitProcessed(std::uint32_t group) {
  for (GroupPartition& gp : groups_[group].partitions)
    if (gp.consumed != kNoOffset) gp.committed = gp.consumed;
  setLag(group);
}

void Simulator::onAutoCommit(std::uint32_t group) {
  commitProcessed(group);
  schedule(now_ + model_->groups[group].autoCommitInterval, EventKind::AutoCommit, group, 0);
}

// Replay: Kafka lets offsets be reset only while the group is inactive, so the reset takes effect
// through a rebalance, and the members resume from the new offsets.
void Simulator::onResetOffsets(std::uint32_t action) {
  GroupState& g = groups_[actions_[action].group];
  g.resetPending = true;
  g.resetAction = action;
  startRebalance(actions_[action].group);
}

void Simulator::applyReset(std::uint32_t group) {
  GroupState& g = groups_[group];
  const ActionDef& a = actions_[g.resetAction];
  const StreamState& st = streams_[model_->groups[group].stream];
  for (std::uint32_t p = 0; p < g.partitions.size(); ++p) {
    const PartitionLog& log = st.partitions[p];
    std::uint64_t to = log.startOffset();
    switch (a.to) {
      case ActionSpec::To::Earliest:
        to = log.startOffset();
        break;
      case ActionSpec::To::Latest:
        to = log.endOffset();
        break;
      case ActionSpec::To::Offset:
        to = a.offset;
        break;
      case ActionSpec::To::Time:
        to = log.offsetForTime(a.time);
        break;
    }
    // An offset outside the log is clamped to it, as auto.offset.reset would.
    if (to < log.startOffset()) to = log.startOffset();
    if (to > log.endOffset()) to = log.endOffset();
    g.partitions[p].committed = to;
    g.partitions[p].consumed = kNoOffset;
    recordGroupEvent(TraceKind::Reset, group, p, static_cast<SimTime>(to));
  }
  g.resetPending = false;
  setLag(group);
}

}  // namespace brokerlab
