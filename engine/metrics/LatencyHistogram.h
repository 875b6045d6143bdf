#pragma once

// Latencies of a whole run in bounded memory: log-bucketed, like HdrHistogram, with 32 linear
// sub-buckets per power of two so any percentile is within 1.6% of the true value.

#include "sim/SimTime.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace brokerlab {

class LatencyHistogram {
 public:
  // Negative values are recorded as 0 (a latency cannot be negative; the caller has a bug).
  void record(SimTime ns);

  std::uint64_t count() const { return count_; }
  SimTime min() const { return min_; }  // 0 when empty
  SimTime max() const { return max_; }  // 0 when empty
  double meanNs() const;                // exact sum / count; 0 when empty

  // p in [0, 100] (clamped). The midpoint of the bucket holding the ceil(p% * count)-th value,
  // clamped to [min, max]; p = 0 gives min and p = 100 gives max exactly; 0 when empty.
  SimTime percentile(double p) const;

  void merge(const LatencyHistogram& other);
  void clear();

  // Buckets held: they span only the smallest to the largest value seen, at most kBucketLimit.
  std::size_t bucketCount() const { return buckets_.size(); }
  static constexpr std::size_t kBucketLimit = 64 + (62 - 6 + 1) * 32;

  bool operator==(const LatencyHistogram&) const = default;

 private:
  void cover(std::uint32_t lowIndex, std::uint32_t highIndex);

  // Counts of buckets [firstBucket_, firstBucket_ + buckets_.size()): the range seen so far, and
  // nothing else, so equal contents compare equal.
  std::vector<std::uint64_t> buckets_;
  std::uint32_t firstBucket_ = 0;
  std::uint64_t count_ = 0;
  SimTime min_ = 0;
  SimTime max_ = 0;
  // Up to 2^64 values below 2^63 each: 128 bits cannot overflow, so the mean is exact.
  __extension__ unsigned __int128 sum_ = 0;
};

}  // namespace brokerlab
