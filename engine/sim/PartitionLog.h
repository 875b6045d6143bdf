#pragma once

#include "base/SimTime.h"

#include <cstdint>
#include <vector>

namespace brokerlab {

// One record of a stream partition: what a consumer reads, never removed by reading.
struct Record {
  SimTime timestamp = 0;  // when the broker appended it
  SimTime publishedAt = 0;
  std::uint64_t serial = 0;  // the producer message it came from
  std::uint32_t producer = 0;
  std::uint32_t key = 0;  // key number (1..keys), 0 = no key
  std::uint64_t sizeBytes = 0;
  bool operator==(const Record&) const = default;
};

// A run of consecutive records starting at `baseOffset`. Retention deletes whole segments, oldest
// first, never the active (last) one: the same granularity as Kafka's log segments.
struct Segment {
  std::uint64_t baseOffset = 0;
  std::uint64_t bytes = 0;
  std::vector<Record> records;
  bool operator==(const Segment&) const = default;
};

// The append-only log of one partition. Offsets increase by one per record and are never reused;
// `startOffset()` moves forward as retention deletes segments.
class PartitionLog {
 public:
  // Appends and returns the record's offset; rolls to a new segment when the active one is full.
  std::uint64_t append(const Record& r, std::uint64_t segmentBytes);

  // Deletes old segments: those whose newest record is older than `now - retention` (when
  // retention > 0), then the oldest while the log exceeds `retentionBytes` by at least a whole
  // segment (when > 0). Returns the number of records deleted.
  std::uint64_t applyRetention(SimTime now, SimTime retention, std::uint64_t retentionBytes);

  std::uint64_t startOffset() const {
    return segments_.empty() ? end_ : segments_.front().baseOffset;
  }
  std::uint64_t endOffset() const { return end_; }
  std::uint64_t records() const { return end_ - startOffset(); }
  std::uint64_t bytes() const { return bytes_; }
  std::size_t segmentCount() const { return segments_.size(); }
  // The record at `offset`, which must be in [startOffset, endOffset).
  const Record& at(std::uint64_t offset) const;
  // The first offset whose record was appended at or after `t` (endOffset when none).
  std::uint64_t offsetForTime(SimTime t) const;
  std::size_t memoryBytes() const;  // heap bytes: segments and their records
  bool operator==(const PartitionLog&) const = default;

 private:
  void deleteOldest();

  std::vector<Segment> segments_;
  std::uint64_t end_ = 0;
  std::uint64_t bytes_ = 0;
};

}  // namespace brokerlab
