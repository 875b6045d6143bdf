#include "charts/TrailingMean.h"

#include <cmath>
#include <limits>

namespace brokerlab::ui {

bool drawnAsMeans(const NamedSeries& series) {
  switch (series.chart) {
    case SeriesChart::Throughput:
    case SeriesChart::Utilization:
      return true;
    case SeriesChart::Jobs:
      return series.column.ends_with("_per_s");
    default:
      return false;
  }
}

std::vector<double> trailingMean(std::span<const double> points, int width) {
  if (width <= 1) return {points.begin(), points.end()};
  const auto k = static_cast<std::size_t>(width);
  std::vector<double> out(points.size());
  // A running sum, added to and taken from: O(1) a point however wide the window. Its rounding
  // would build up over a long series, so it is summed afresh every `k` points (O(1) a point
  // still); and a window with no value other than zero says exactly zero, not the sum's residue.
  double sum = 0;
  std::size_t values = 0;
  std::size_t nonZero = 0;
  const auto counts = [](double v) { return !std::isnan(v); };
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double in = points[i];
    if (counts(in)) {
      sum += in;
      ++values;
      nonZero += in != 0;
    }
    if (i >= k) {
      const double gone = points[i - k];
      if (counts(gone)) {
        sum -= gone;
        --values;
        nonZero -= gone != 0;
      }
    }
    if (i % k == k - 1) {
      sum = 0;
      for (std::size_t j = i + 1 - k; j <= i; ++j)
        if (counts(points[j])) sum += points[j];
    }
    if (values == 0)
      out[i] = std::numeric_limits<double>::quiet_NaN();
    else
      out[i] = nonZero == 0 ? 0.0 : sum / static_cast<double>(values);
  }
  return out;
}

}  // namespace brokerlab::ui
