#pragma once

// A latency's p50, p95 and p99 over time: the percentiles of the latencies of each sample
// interval, one point each per interval.
//
// The hot path records a latency once, into its owner's window (LatencyWindow.h), not into the
// run's histogram too (that doubled the cost of recording: 5% more instructions in the M/M/1
// benchmark). The window moves into the run's histogram when the interval closes (sample) and
// whenever the run stops between two samples (settle), so the run's histogram is whole whenever
// the simulator is not running; what a settle moved is kept in `settled` for the interval's
// percentiles.
//
//   record -> window --sample--> percentiles of window + settled; run += window; both cleared
//                    --settle--> run += window, settled += window; window cleared

#include "base/LatencyHistogram.h"
#include "base/LatencyWindow.h"
#include "base/TimeSeries.h"

#include <cstddef>

namespace brokerlab {

struct PercentileSeries {
  TimeSeries p50, p95, p99;  // seconds; a gap (kSeriesGap) for an interval without latencies
  LatencyHistogram settled;  // this interval's latencies already moved into the run's histogram

  PercentileSeries() = default;
  PercentileSeries(SimTime step, std::size_t capacity, bool envelope)
      : p50(step, capacity, envelope),
        p95(step, capacity, envelope),
        p99(step, capacity, envelope) {}

  void reserve(std::size_t points) {
    p50.reserve(points);
    p95.reserve(points);
    p99.reserve(points);
  }

  // Moves `window` into `run`, keeping its latencies for this interval's percentiles.
  void settle(LatencyWindow& window, LatencyHistogram& run) {
    if (window.count() == 0) return;
    window.addTo(run);
    window.addTo(settled);
    window.clear();  // keeps its buckets' memory: recording into it does not allocate again
  }

  // Closes the interval: appends the percentiles of everything recorded in it (gaps when nothing
  // was) and moves `window` into `run`.
  void sample(LatencyWindow& window, LatencyHistogram& run) {
    if (settled.count() > 0) {  // the run stopped within the interval: it is split in two
      settle(window, run);
      append(settled);
      settled.clear();
      return;
    }
    append(window);
    if (window.count() == 0) return;
    window.addTo(run);
    window.clear();
  }

  std::size_t memoryBytes() const {  // heap bytes
    return p50.memoryBytes() + p95.memoryBytes() + p99.memoryBytes() + settled.memoryBytes();
  }
  bool operator==(const PercentileSeries&) const = default;

 private:
  template <class Latencies>  // LatencyHistogram or LatencyWindow
  void append(const Latencies& interval) {
    const bool gap = interval.count() == 0;
    p50.append(gap ? kSeriesGap : toSeconds(interval.percentile(50)));
    p95.append(gap ? kSeriesGap : toSeconds(interval.percentile(95)));
    p99.append(gap ? kSeriesGap : toSeconds(interval.percentile(99)));
  }
};

}  // namespace brokerlab
