#include "sim/PartitionLog.h"

#include <algorithm>

namespace brokerlab {

std::uint64_t PartitionLog::append(const Record& r, std::uint64_t segmentBytes) {
  // Also roll on a record count, so that zero-byte records still make deletable segments.
  constexpr std::size_t kMaxSegmentRecords = 1 << 16;
  if (segments_.empty() || segments_.back().bytes >= segmentBytes ||
      segments_.back().records.size() >= kMaxSegmentRecords) {
    segments_.push_back(Segment{end_, 0, {}});
  }
  Segment& active = segments_.back();
  active.records.push_back(r);
  active.bytes += r.sizeBytes;
  bytes_ += r.sizeBytes;
  return end_++;
}

void PartitionLog::deleteOldest() {
  bytes_ -= segments_.front().bytes;
  segments_.erase(segments_.begin());
}

std::uint64_t PartitionLog::applyRetention(SimTime now, SimTime retention,
                                           std::uint64_t retentionBytes) {
  const std::uint64_t before = startOffset();
  while (segments_.size() > 1 && retention > 0 &&
         segments_.front().records.back().timestamp < now - retention)
    deleteOldest();
  while (segments_.size() > 1 && retentionBytes > 0 &&
         bytes_ - segments_.front().bytes >= retentionBytes)
    deleteOldest();
  return startOffset() - before;
}

const Record& PartitionLog::at(std::uint64_t offset) const {
  // Segments are sorted by base offset: find the last one starting at or before `offset`.
  const auto it =
      std::upper_bound(segments_.begin(), segments_.end(), offset,
                       [](std::uint64_t o, const Segment& s) { return o < s.baseOffset; });
  const Segment& s = *(it - 1);
  return s.records[offset - s.baseOffset];
}

std::uint64_t PartitionLog::offsetForTime(SimTime t) const {
  // Timestamps are append times, so they never decrease along the log.
  for (const Segment& s : segments_) {
    if (s.records.back().timestamp < t) continue;
    const auto it = std::lower_bound(s.records.begin(), s.records.end(), t,
                                     [](const Record& r, SimTime v) { return r.timestamp < v; });
    return s.baseOffset + static_cast<std::uint64_t>(it - s.records.begin());
  }
  return end_;
}

std::size_t PartitionLog::memoryBytes() const {
  std::size_t bytes = segments_.capacity() * sizeof(Segment);
  for (const Segment& s : segments_) bytes += s.records.capacity() * sizeof(Record);
  return bytes;
}

}  // namespace brokerlab
