#pragma once

#include "base/SimTime.h"

#include <array>
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

inline constexpr std::size_t kLatencyOwnerCount = 5;
static_assert(static_cast<std::size_t>(LatencyOwner::ClientResult) + 1 == kLatencyOwnerCount);

// Latencies waiting to reach their histograms. With thousands of queues, each histogram's buckets
// are cold when the next record for it comes, so recording on the spot costs the event a cache
// miss or two, one after another. Logged here and recorded in batches (Simulator::flushLatencies),
// the misses of a whole batch overlap. The simulator flushes before runUntil returns, so outside
// a run every histogram is complete and the log is empty.
//
// One list per kind of owner: a flush then finds each kind's histograms without deciding, entry
// by entry, which kind it is (a decision the branch predictor loses whenever waits and
// end-to-end latencies interleave, as they do at every message).
class LatencyLog {
 public:
  static constexpr std::size_t kBatch = 4096;  // 64 KiB of entries: stays in L2 while it fills

  struct Entry {
    std::uint32_t index;  // the owner's
    SimTime ns;
    bool operator==(const Entry&) const = default;
  };

  // An owner (a kind and an index) as one number, as the simulator lists unsettled windows.
  static std::uint32_t owner(LatencyOwner kind, std::uint32_t index) {
    return (static_cast<std::uint32_t>(kind) << kIndexBits) | index;
  }
  static LatencyOwner kindOf(std::uint32_t owner) {
    return static_cast<LatencyOwner>(owner >> kIndexBits);
  }
  static std::uint32_t indexOf(std::uint32_t owner) { return owner & kIndexMask; }

  // True when the log is full and must be flushed.
  bool add(LatencyOwner kind, std::uint32_t index, SimTime ns) {
    lists_[static_cast<std::size_t>(kind)].push_back({index, ns});
    return ++size_ >= kBatch;
  }
  const std::vector<Entry>& entries(LatencyOwner kind) const {
    return lists_[static_cast<std::size_t>(kind)];
  }
  void clear() {
    for (std::vector<Entry>& list : lists_) list.clear();
    size_ = 0;
  }
  std::size_t memoryBytes() const {  // heap bytes
    std::size_t bytes = 0;
    for (const std::vector<Entry>& list : lists_) bytes += list.capacity() * sizeof(Entry);
    return bytes;
  }
  bool operator==(const LatencyLog&) const = default;

 private:
  static constexpr int kIndexBits = 29;  // far above the component limit
  static constexpr std::uint32_t kIndexMask = (std::uint32_t{1} << kIndexBits) - 1;
  std::array<std::vector<Entry>, kLatencyOwnerCount> lists_;
  std::size_t size_ = 0;  // entries in all lists
};

}  // namespace brokerlab
