#pragma once

// The latencies of one sample interval, on their way to the run's histogram
// (base/PercentileSeries.h): the values themselves while there are few, a histogram past that.
//
// In a model with thousands of queues each interval brings a queue a few dozen latencies spread
// over a dozen powers of two. A histogram then adds a page of buckets (moving the pages after it)
// for almost every value, and the interval's end walks all those pages twice. Kept as values, a
// latency is one store into the window itself, and the interval's end records each value into
// the run's histogram. Whatever the mode, the answers are the histogram's to the bit: the
// same percentiles (bucket midpoints clamped to min and max) and the same histogram after addTo().

#include "base/LatencyHistogram.h"
#include "base/SimTime.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace brokerlab {

class alignas(64) LatencyWindow {
 public:
  // The values held as such; one more moves them all into the histogram until clear().
  static constexpr std::uint32_t kValueLimit = 31;

  void record(SimTime ns) {
    if (held_ < kValueLimit) {
      values_[held_++] = ns < 0 ? 0 : ns;  // as LatencyHistogram::record clamps
    } else if (spilled()) {
      histogram_.record(ns);
    } else {
      spill(ns);
    }
  }

  std::uint64_t count() const { return spilled() ? histogram_.count() : held_; }
  // As LatencyHistogram::percentile of the same values.
  SimTime percentile(double p) const;
  // Records every value into `h`: afterwards `h` equals h.merge() of a histogram of these values.
  void addTo(LatencyHistogram& h) const;
  // Empty again; the histogram keeps its buckets' memory, so a busy window does not allocate again.
  void clear() {
    if (spilled()) histogram_.clear();
    held_ = 0;
  }

  std::size_t memoryBytes() const { return histogram_.memoryBytes(); }  // heap
  // Equal windows hold equal values in the same order (equal runs record in the same order).
  bool operator==(const LatencyWindow& o) const;

 private:
  static constexpr std::uint32_t kSpilled = kValueLimit + 1;
  bool spilled() const { return held_ == kSpilled; }
  void spill(SimTime ns);  // the values into the histogram, and `ns` after them

  std::uint32_t held_ = 0;  // values in values_, or kSpilled: they are all in histogram_
  std::array<SimTime, kValueLimit> values_{};
  LatencyHistogram histogram_;
};

}  // namespace brokerlab
