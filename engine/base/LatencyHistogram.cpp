#include "base/LatencyHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace brokerlab {

namespace {

static_assert(LatencyHistogram::kPageSize == 1u << LatencyHistogram::kPageBits);
static_assert(LatencyHistogram::kBucketLimit / LatencyHistogram::kPageSize <= 64,
              "every page has a bit in the page mask");

}  // namespace

SimTime LatencyHistogram::bucketMidpoint(std::uint32_t index) {
  if (index < kExactLimit) return index;
  const std::uint32_t offset = index - kExactLimit;
  const int exponent = static_cast<int>(offset >> kSubBucketBits) + kFirstExponent;
  const std::uint64_t sub = offset & ((1u << kSubBucketBits) - 1);
  const std::uint64_t width = std::uint64_t{1} << (exponent - kSubBucketBits);
  const std::uint64_t lower = (std::uint64_t{1} << exponent) + sub * width;
  return static_cast<SimTime>(lower + width / 2);
}

// Inline into its callers: a call there costs about a tenth of a record's instructions.
[[gnu::always_inline]] inline std::size_t LatencyHistogram::slotOf(std::uint32_t page) {
  static_assert(countBits(0) == 0 && countBits(~0ULL) == 64 &&
                countBits(0x8000000000000001ULL) == 2);
  const std::uint64_t bit = std::uint64_t{1} << page;
  const auto slot = static_cast<std::size_t>(countBits(pages_ & (bit - 1)));
  if ((pages_ & bit) == 0) addPage(slot, bit);
  return slot;
}

// Room for this page alone, not the doubling insert() would take: a run's histograms hold a page
// for each power of two their latencies reached, most of them a dozen or more, and with 10,000
// queues the unused half of the doubled capacity was tens of MiB that the run wrote to for the
// first time (and the kernel zeroed). The copy a page costs is small, and rare.
[[gnu::noinline]] void LatencyHistogram::addPage(std::size_t slot, std::uint64_t bit) {
  if (buckets_.size() == buckets_.capacity()) buckets_.reserve(buckets_.size() + kPageSize);
  buckets_.insert(buckets_.begin() + static_cast<std::ptrdiff_t>(slot * kPageSize), kPageSize, 0);
  pages_ |= bit;
}

// The page added, record() finds it held; a first value is already min and max, as record()
// takes a held page to mean.
[[gnu::noinline]] void LatencyHistogram::recordInNewPage(SimTime ns) {
  if (count_ == 0) min_ = max_ = ns;
  slotOf(bucketIndex(static_cast<std::uint64_t>(ns)) >> kPageBits);
  record(ns);
}

double LatencyHistogram::meanNs() const {
  if (count_ == 0) return 0;
  // Integer quotient first: converting the 128-bit sum itself would round before dividing.
  const auto quotient = static_cast<std::uint64_t>(sum_ / count_);
  const auto remainder = static_cast<std::uint64_t>(sum_ % count_);
  return static_cast<double>(quotient) +
         static_cast<double>(remainder) / static_cast<double>(count_);
}

std::uint64_t LatencyHistogram::rankOf(std::uint64_t count, double p) {
  const double clamped = p > 0 ? std::min(p, 100.0) : 0.0;
  const auto wanted = static_cast<double>(count) * clamped / 100.0;
  return std::clamp<std::uint64_t>(static_cast<std::uint64_t>(std::ceil(wanted)), 1, count);
}

SimTime LatencyHistogram::bucketMidpointOf(SimTime ns) {
  return bucketMidpoint(bucketIndex(static_cast<std::uint64_t>(std::max<SimTime>(ns, 0))));
}

SimTime LatencyHistogram::percentile(double p) const {
  if (count_ == 0) return 0;
  const std::uint64_t rank = rankOf(count_, p);
  if (rank == 1) return min_;
  if (rank == count_) return max_;
  std::uint64_t seen = 0;
  std::size_t i = 0;
  for (std::uint64_t held = pages_; held != 0; held &= held - 1) {
    const auto first = static_cast<std::uint32_t>(std::countr_zero(held)) << kPageBits;
    for (std::uint32_t sub = 0; sub < kPageSize; ++sub, ++i) {
      seen += buckets_[i];
      if (seen >= rank) return std::clamp(bucketMidpoint(first + sub), min_, max_);
    }
  }
  return max_;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.count_ == 0) return;
  if (count_ == 0) {
    *this = other;
    return;
  }
  std::size_t from = 0;
  for (std::uint64_t held = other.pages_; held != 0; held &= held - 1, from += kPageSize) {
    const std::size_t to = slotOf(static_cast<std::uint32_t>(std::countr_zero(held))) * kPageSize;
    for (std::size_t sub = 0; sub < kPageSize; ++sub)
      buckets_[to + sub] += other.buckets_[from + sub];
  }
  count_ += other.count_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  sum_ += other.sum_;
}

// Keeps the bucket vector's capacity: a histogram reused per interval does not reallocate.
void LatencyHistogram::clear() {
  buckets_.clear();
  pages_ = 0;
  count_ = 0;
  min_ = 0;
  max_ = 0;
  sum_ = 0;
}

}  // namespace brokerlab
