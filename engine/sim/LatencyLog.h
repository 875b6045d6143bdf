#pragma once

#include "base/SimTime.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace brokerlab {

// Which histogram a latency belongs to: the kind of owner and its index.
enum class LatencyOwner : std::uint8_t {
  QueueWait,         // queueMetrics_[i].wait
  ProducerEndToEnd,  // producerMetrics_[i].endToEnd
  GroupEndToEnd,     // groups_[i].endToEnd
  ApiWait,           // apis_[i].wait
  ClientResult,      // clients_[i].timeToResult
};

// Latencies waiting to reach their histograms. With thousands of queues, each histogram's buckets
// are cold when the next record for it comes, so recording on the spot costs the event a cache
// miss or two, one after another. Logged here and recorded in batches (Simulator::flushLatencies),
// the misses of a whole batch overlap. The simulator flushes before runUntil returns, so outside
// a run every histogram is complete and the log is empty.
class LatencyLog {
 public:
  static constexpr std::size_t kBatch = 4096;  // 64 KiB of entries: stays in L2 while it fills

  struct Entry {
    std::uint32_t owner;  // LatencyOwner in the top 3 bits, the owner's index below
    SimTime ns;
    LatencyOwner kind() const { return static_cast<LatencyOwner>(owner >> kIndexBits); }
    std::uint32_t index() const { return owner & kIndexMask; }
    bool operator==(const Entry&) const = default;
  };

  // True when the log is full and must be flushed.
  bool add(LatencyOwner kind, std::uint32_t index, SimTime ns) {
    entries_.push_back({(static_cast<std::uint32_t>(kind) << kIndexBits) | index, ns});
    return entries_.size() >= kBatch;
  }
  const std::vector<Entry>& entries() const { return entries_; }
  void clear() { entries_.clear(); }
  std::size_t memoryBytes() const { return entries_.capacity() * sizeof(Entry); }  // heap bytes
  bool operator==(const LatencyLog&) const = default;

 private:
  static constexpr int kIndexBits = 29;  // far above the component limit
  static constexpr std::uint32_t kIndexMask = (std::uint32_t{1} << kIndexBits) - 1;
  std::vector<Entry> entries_;
};

}  // namespace brokerlab
