#pragma once

// A rate sampled every 100 ms swings with each burst of a Poisson stream (0, 30, 10, 0, 20 a
// second at 10 a second), and two runs' rates overlaid are a band of noise where their difference
// should show. Each point of a rate or a utilization is already a mean over its interval (a count,
// or busy time, over the interval's length), so the mean of the last k points is exactly the figure
// over those k intervals together: what "acked per second over the last 5 s" means.

#include "metrics/SeriesCatalog.h"

#include <span>
#include <vector>

namespace brokerlab::ui {

// Whether the charts (the dock's and the comparison's) draw `series` as its mean over the chosen
// window: the series whose points are means over their sample interval, where the window's mean
// is exact (rates: counts over the interval; utilizations: busy time over capacity time), that is
// every series of the throughput and utilization charts and the request-reply chart's rates
// (answers by status per second; not its jobs by state, counted at each sample).
bool drawnAsMeans(const NamedSeries& series);

// For each point i, the mean of the values among points i - width + 1 .. i (fewer at the start);
// NaN points (gaps) are left out, and a window of gaps only is a gap. A window whose values are
// all zero is exactly zero. width <= 1 returns the points as they are.
std::vector<double> trailingMean(std::span<const double> points, int width);

}  // namespace brokerlab::ui
