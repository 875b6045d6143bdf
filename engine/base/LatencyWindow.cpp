#include "base/LatencyWindow.h"

#include <algorithm>

namespace brokerlab {

void LatencyWindow::spill(SimTime ns) {
  for (std::uint32_t i = 0; i < held_; ++i) histogram_.record(values_[i]);
  held_ = kSpilled;
  histogram_.record(ns);
}

SimTime LatencyWindow::percentile(double p) const {
  if (spilled()) return histogram_.percentile(p);
  if (held_ == 0) return 0;
  // The histogram answers the midpoint of the bucket holding the rank-th smallest value, clamped
  // to [min, max] (and min or max themselves at the ends): so does this, from the value itself.
  std::array<SimTime, kValueLimit> sorted = values_;
  std::sort(sorted.begin(), sorted.begin() + held_);
  const std::uint64_t rank = LatencyHistogram::rankOf(held_, p);
  const SimTime lowest = sorted[0], highest = sorted[held_ - 1];
  if (rank == 1) return lowest;
  if (rank == held_) return highest;
  return std::clamp(LatencyHistogram::bucketMidpointOf(sorted[rank - 1]), lowest, highest);
}

void LatencyWindow::addTo(LatencyHistogram& h) const {
  if (spilled()) return h.merge(histogram_);
  for (std::uint32_t i = 0; i < held_; ++i) h.record(values_[i]);
}

bool LatencyWindow::operator==(const LatencyWindow& o) const {
  if (held_ != o.held_) return false;
  if (spilled()) return histogram_ == o.histogram_;
  return std::equal(values_.begin(), values_.begin() + held_, o.values_.begin());
}

}  // namespace brokerlab
