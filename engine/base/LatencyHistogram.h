#pragma once

// Latencies of a whole run in bounded memory: log-bucketed, like HdrHistogram, with 32 linear
// sub-buckets per power of two so any percentile is within 1.6% of the true value.

#include "base/SimTime.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace brokerlab {

// Aligned to a cache line, with the fields a record() reads and writes in the first one (the sum,
// the page mask, count, min, max and the buckets' address; the vector's end and capacity, which
// only a new page needs, spill into the second): with thousands of queues each recording in turn,
// a record costs the miss on this line and one on its bucket.
class alignas(64) LatencyHistogram {
 public:
  // Negative values are recorded as 0 (a latency cannot be negative; the caller has a bug).
  // Inline, with the rare new page out of line: a run records every message's latencies in
  // batches (Simulator::flushLatencies), and a record that could call saved and restored the
  // registers that call needed, a fifth of its instructions, on every value.
  void record(SimTime ns) {
    ns = ns > 0 ? ns : 0;
    const std::uint32_t index = bucketIndex(static_cast<std::uint64_t>(ns));
    const std::uint64_t bit = std::uint64_t{1} << (index >> kPageBits);
    if ((pages_ & bit) == 0) [[unlikely]]
      return recordInNewPage(ns);
    // A held page means a value since the last clear(): count_ > 0, min_ and max_ are values.
    ++buckets_[countBits(pages_ & (bit - 1)) * kPageSize + (index & (kPageSize - 1))];
    min_ = ns < min_ ? ns : min_;
    max_ = ns > max_ ? ns : max_;
    ++count_;
    sum_ += static_cast<std::uint64_t>(ns);
  }

  std::uint64_t count() const { return count_; }
  SimTime min() const { return min_; }  // 0 when empty
  SimTime max() const { return max_; }  // 0 when empty
  double meanNs() const;                // exact sum / count; 0 when empty

  // p in [0, 100] (clamped). The midpoint of the bucket holding the ceil(p% * count)-th value,
  // clamped to [min, max]; p = 0 gives min and p = 100 gives max exactly; 0 when empty.
  SimTime percentile(double p) const;

  // The parts of percentile() a holder of raw values shares (LatencyWindow): the rank it reads
  // among `count` values (nearest rank, from 1), and the midpoint of the bucket that holds `ns`.
  static std::uint64_t rankOf(std::uint64_t count, double p);
  static SimTime bucketMidpointOf(SimTime ns);

  void merge(const LatencyHistogram& other);
  void clear();  // keeps the memory of the buckets

  // Buckets held: whole pages of kPageSize, only those a value fell in, at most kBucketLimit.
  std::size_t bucketCount() const { return buckets_.size(); }
  static constexpr std::size_t kBucketLimit = 64 + (62 - 6 + 1) * 32;
  static constexpr std::size_t kPageSize = 32;
  static constexpr std::uint32_t kPageBits = 5;  // log2(kPageSize)

  std::size_t memoryBytes() const { return buckets_.capacity() * sizeof(std::uint64_t); }  // heap
  bool operator==(const LatencyHistogram&) const = default;

 private:
  // Values below 64 have a bucket each. Above, a power of two [2^e, 2^(e+1)) is split into 32
  // linear sub-buckets of width 2^(e-5): the midpoint is within width/2 <= 2^e/64 of any value in
  // it, a relative error of at most 1/64.
  static constexpr std::uint64_t kExactLimit = 64;
  static constexpr int kSubBucketBits = 5;
  static constexpr int kFirstExponent = 6;  // log2(kExactLimit)
  static constexpr std::uint32_t bucketIndex(std::uint64_t v) {
    if (v < kExactLimit) return static_cast<std::uint32_t>(v);
    const int exponent = std::bit_width(v) - 1;
    const std::uint64_t sub = (v >> (exponent - kSubBucketBits)) & ((1u << kSubBucketBits) - 1);
    return static_cast<std::uint32_t>(kExactLimit +
                                      ((exponent - kFirstExponent) << kSubBucketBits) + sub);
  }
  // The set bits of x. std::popcount is a call into libgcc unless the build targets CPUs with the
  // popcnt instruction (Debian's x86-64 baseline does not); this inline count is the same
  // arithmetic without the call, on the path of every latency recorded.
  static constexpr std::uint32_t countBits(std::uint64_t x) {
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return static_cast<std::uint32_t>((x * 0x0101010101010101ULL) >> 56);
  }

  static SimTime bucketMidpoint(std::uint32_t index);
  void recordInNewPage(SimTime ns);  // record()'s rare case: `ns` (>= 0) needs a new page
  // The position of `page` among the held pages; adds it (zeroed) when it is not held yet.
  std::size_t slotOf(std::uint32_t page);
  void addPage(std::size_t slot, std::uint64_t bit);  // page `bit`, zeroed, at `slot`

  // Up to 2^64 values below 2^63 each: 128 bits cannot overflow, so the mean is exact.
  __extension__ unsigned __int128 sum_ = 0;
  // Buckets come in pages of kPageSize: one page per power of two (two for the exact values below
  // 64), 59 in all. Only pages a value fell in are held, in order, so waits that are either 0 or
  // about a second take 2 pages, not the thousand buckets between them: 10,000 queues' histograms
  // stay small. Bit p of pages_ says page p is held; equal contents compare equal.
  std::uint64_t pages_ = 0;
  std::uint64_t count_ = 0;
  SimTime min_ = 0;
  SimTime max_ = 0;
  std::vector<std::uint64_t> buckets_;
};
static_assert(sizeof(LatencyHistogram) == 128);

}  // namespace brokerlab
