#include "metrics/LatencyHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace brokerlab {

namespace {

// Values below 64 have a bucket each. Above, a power of two [2^e, 2^(e+1)) is split into 32
// linear sub-buckets of width 2^(e-5): the midpoint is within width/2 <= 2^e/64 of any value in
// it, a relative error of at most 1/64.
constexpr std::uint64_t kExactLimit = 64;
constexpr int kSubBucketBits = 5;
constexpr int kFirstExponent = 6;  // log2(kExactLimit)

std::uint32_t bucketIndex(std::uint64_t v) {
  if (v < kExactLimit) return static_cast<std::uint32_t>(v);
  const int exponent = std::bit_width(v) - 1;
  const std::uint64_t sub = (v >> (exponent - kSubBucketBits)) & ((1u << kSubBucketBits) - 1);
  return static_cast<std::uint32_t>(kExactLimit + ((exponent - kFirstExponent) << kSubBucketBits) +
                                    sub);
}

SimTime bucketMidpoint(std::uint32_t index) {
  if (index < kExactLimit) return index;
  const std::uint32_t offset = index - kExactLimit;
  const int exponent = static_cast<int>(offset >> kSubBucketBits) + kFirstExponent;
  const std::uint64_t sub = offset & ((1u << kSubBucketBits) - 1);
  const std::uint64_t width = std::uint64_t{1} << (exponent - kSubBucketBits);
  const std::uint64_t lower = (std::uint64_t{1} << exponent) + sub * width;
  return static_cast<SimTime>(lower + width / 2);
}

}  // namespace

void LatencyHistogram::record(SimTime ns) {
  ns = std::max<SimTime>(ns, 0);
  const std::uint32_t index = bucketIndex(static_cast<std::uint64_t>(ns));
  if (count_ == 0 || index < firstBucket_ || index >= firstBucket_ + buckets_.size())
    cover(index, index);
  ++buckets_[index - firstBucket_];
  min_ = count_ == 0 ? ns : std::min(min_, ns);
  max_ = count_ == 0 ? ns : std::max(max_, ns);
  ++count_;
  sum_ += static_cast<std::uint64_t>(ns);
}

// Grows the bucket range to include [lowIndex, highIndex]; an empty histogram starts afresh.
void LatencyHistogram::cover(std::uint32_t lowIndex, std::uint32_t highIndex) {
  if (count_ == 0) {
    buckets_.assign(highIndex - lowIndex + 1, 0);
    firstBucket_ = lowIndex;
    return;
  }
  if (lowIndex < firstBucket_) {
    buckets_.insert(buckets_.begin(), firstBucket_ - lowIndex, 0);
    firstBucket_ = lowIndex;
  }
  if (highIndex >= firstBucket_ + buckets_.size()) buckets_.resize(highIndex - firstBucket_ + 1, 0);
}

double LatencyHistogram::meanNs() const {
  if (count_ == 0) return 0;
  // Integer quotient first: converting the 128-bit sum itself would round before dividing.
  const auto quotient = static_cast<std::uint64_t>(sum_ / count_);
  const auto remainder = static_cast<std::uint64_t>(sum_ % count_);
  return static_cast<double>(quotient) +
         static_cast<double>(remainder) / static_cast<double>(count_);
}

SimTime LatencyHistogram::percentile(double p) const {
  if (count_ == 0) return 0;
  const double clamped = p > 0 ? std::min(p, 100.0) : 0.0;
  const auto wanted = static_cast<double>(count_) * clamped / 100.0;
  const std::uint64_t rank =
      std::clamp<std::uint64_t>(static_cast<std::uint64_t>(std::ceil(wanted)), 1, count_);
  if (rank == 1) return min_;
  if (rank == count_) return max_;
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < buckets_.size(); ++i) {
    seen += buckets_[i];
    if (seen >= rank)
      return std::clamp(bucketMidpoint(firstBucket_ + static_cast<std::uint32_t>(i)), min_, max_);
  }
  return max_;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.count_ == 0) return;
  if (count_ == 0) {
    *this = other;
    return;
  }
  const auto otherLast = other.firstBucket_ + static_cast<std::uint32_t>(other.buckets_.size()) - 1;
  cover(other.firstBucket_, otherLast);
  for (std::size_t i = 0; i < other.buckets_.size(); ++i)
    buckets_[other.firstBucket_ - firstBucket_ + i] += other.buckets_[i];
  count_ += other.count_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  sum_ += other.sum_;
}

// Keeps the bucket vector's capacity: a histogram reused per interval does not reallocate.
void LatencyHistogram::clear() {
  buckets_.clear();
  firstBucket_ = 0;
  count_ = 0;
  min_ = 0;
  max_ = 0;
  sum_ = 0;
}

}  // namespace brokerlab
