// Event streams: partitioned append-only logs. A record goes to the partition of its key (or
// round-robin when unkeyed) and stays until retention deletes its segment; reading never removes
// it. Each consumer group owner fetches from the partitions it owns, in offset order.

#include "sim/Simulator.h"

#include <charconv>

namespace brokerlab {

namespace {

// A key's partition: fnv1a64 of its name ("key-42") modulo the partition count. Stable across runs,
// builds and machines, as Kafka's murmur2 partitioner is; no allocation.
std::uint32_t partitionOfKey(std::uint32_t key, std::uint32_t partitions) {
  char name[24] = "key-";
  const auto end = std::to_chars(name + 4, name + sizeof name, key).ptr;
  return static_cast<std::uint32_t>(
      fnv1a64(std::string_view(name, static_cast<std::size_t>(end - name))) % partitions);
}

}  // namespace

void Simulator::append(std::uint32_t stream, std::uint32_t msg) {
  const StreamDef& def = model_->streams[stream];
  StreamState& st = streams_[stream];
  Message& m = pool_[msg];
  ProducerState& producer = producers_[m.producer];
  if (m.key != 0) {
    m.partition = partitionOfKey(m.key, def.partitions);
  } else {
    m.partition = producer.nextPartition;
    producer.nextPartition = (producer.nextPartition + 1) % def.partitions;
  }
  record(TraceKind::Arrive, m, def.component, model_->producers[m.producer].component, kNone, 0);
  const Record r{now_,       m.publishedAt, m.serial,
                 m.producer, m.key,         model_->producers[m.producer].sizeBytes};
  const std::uint64_t offset = st.partitions[m.partition].append(r, def.segmentBytes);
  ++st.appended;
  ++retainedRecords_;
  mayBeAtLimit_ = true;
  expectInvariant(offset + 1 == st.partitions[m.partition].endOffset(),
                  "offsets strictly increase per partition", m);
  record(TraceKind::Append, m, def.component, kNone, kNone, static_cast<SimTime>(offset));
  const std::uint32_t partition = m.partition;
  end(msg, Outcome::Appended);
  for (const std::uint32_t g : def.groups) {
    setLag(g, partition);
    const std::uint32_t owner = groups_[g].partitions[partition].owner;
    if (owner != kNone) fetch(owner);
  }
}

void Simulator::onRetentionCheck(std::uint32_t stream) {
  const StreamDef& def = model_->streams[stream];
  StreamState& st = streams_[stream];
  for (std::uint32_t p = 0; p < def.partitions; ++p) {
    const std::uint64_t deleted =
        st.partitions[p].applyRetention(now_, def.retention, def.retentionBytes);
    if (deleted == 0) continue;
    st.deletedByRetention += deleted;
    retainedRecords_ -= deleted;
    emitRecord(
        {now_, static_cast<SimTime>(deleted), 0, def.component, kNone, p, 0, TraceKind::Retain, 0});
  }
  schedule(now_ + def.retentionCheckInterval, EventKind::RetentionCheck, stream, 0);
}

// Sends the instance records from the partitions it owns, taking the partitions in turn, until it
// holds `prefetch` of them or has read everything there is.
void Simulator::fetch(std::uint32_t instance) {
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[consumerOf(instance)];
  GroupState& g = groups_[def.group];
  if (!inst.online || g.rebalancing) return;
  StreamState& st = streams_[def.stream];
  const auto partitions = static_cast<std::uint32_t>(st.partitions.size());
  const std::uint32_t limit = inst.prefetch == 0 ? kMaxRecordsInFlight : inst.prefetch;
  const std::uint32_t streamComponent = model_->streams[def.stream].component;
  while (inst.unacked < limit) {
    std::uint32_t p = inst.nextPartition, k = 0;
    for (; k < partitions; ++k, p = (p + 1) % partitions) {
      GroupPartition& gp = g.partitions[p];
      if (gp.owner != instance) continue;
      const PartitionLog& log = st.partitions[p];
      if (gp.position < log.startOffset()) {  // retention deleted what the group had not read
        g.skippedByRetention += log.startOffset() - gp.position;
        gp.position = log.startOffset();
      }
      if (gp.position < log.endOffset()) break;
    }
    if (k == partitions) return;
    GroupPartition& gp = g.partitions[p];
    const Record& r = st.partitions[p].at(gp.position);
    Message origin;
    origin.serial = r.serial;
    origin.publishedAt = r.publishedAt;
    origin.producer = r.producer;
    origin.key = r.key;
    origin.partition = p;
    const std::uint32_t msg = newMessageFrom(origin);
    Message& m = pool_[msg];
    pool_.readOffset(msg) = gp.position++;
    m.instance = instance;
    ++ledger_.reads;
    ++inst.unacked;
    inst.heldOverPrefetch = 0;  // it had credit: it is below a lowered prefetch now
    inst.nextPartition = (p + 1) % partitions;
    const SimTime arrival = sendOverLink(inst.downLinkFreeAt, def.latency, inst.rng, def.component);
    setState(msg, MessageState::ToConsumer);
    record(TraceKind::Deliver, m, streamComponent, def.component, instance, arrival);
    schedule(arrival, EventKind::ConsumerReceive, instance, msg);
  }
}

void Simulator::onStreamReadDone(std::uint32_t instance, std::uint32_t msg) {
  ConsumerInstanceState& inst = instances_[instance];
  const ConsumerDef& def = model_->consumers[consumerOf(instance)];
  const GroupDef& groupDef = model_->groups[def.group];
  GroupState& g = groups_[def.group];
  const Message& m = pool_[msg];
  const std::uint64_t offset = pool_.readOffset(msg);
  GroupPartition& gp = g.partitions[m.partition];
  --inst.unacked;
  ++g.processed;
  if (offset < gp.processedHigh) {
    ++g.duplicates;
  } else {
    gp.processedHigh = offset + 1;
  }
  recordLatency(LatencyOwner::GroupEndToEnd, def.group, now_ - m.publishedAt);
  record(TraceKind::Complete, m, def.component, model_->streams[def.stream].component, instance,
         static_cast<SimTime>(offset));
  // Only the partition's current owner moves the group's position on; a record fetched before a
  // rebalance and finished after it is simply read again by the new owner.
  if (gp.owner == instance) {
    gp.consumed = offset + 1;
    if (groupDef.commit == CommitMode::AfterProcessing && !g.rebalancing) {
      gp.committed = gp.consumed;
      setLag(def.group, m.partition);
    }
  }
  end(msg, Outcome::ReadProcessed);
}

}  // namespace brokerlab
