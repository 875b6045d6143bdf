#include "charts/Decimate.h"

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

QList<QPointF> decimateMinMax(std::span<const double> ys, double x0, double dx, int columns,
                              std::span<const double> mins, std::span<const double> maxs) {
  QList<QPointF> out;
  const std::size_t n = ys.size();
  const bool envelopes = mins.size() == n && maxs.size() == n;
  const auto low = [&](std::size_t i) { return envelopes ? mins[i] : ys[i]; };
  const auto high = [&](std::size_t i) { return envelopes ? maxs[i] : ys[i]; };
  if (columns < 1 || n <= 2 * static_cast<std::size_t>(columns)) {
    out.reserve(static_cast<qsizetype>(envelopes ? 2 * n : n));
    for (std::size_t i = 0; i < n; ++i) {
      if (std::isnan(ys[i])) continue;
      const double x = x0 + static_cast<double>(i) * dx;
      if (envelopes && mins[i] != maxs[i]) {
        out.append({x, mins[i]});
        out.append({x, maxs[i]});
      } else {
        out.append({x, ys[i]});
      }
    }
    return out;
  }
  out.reserve(2 * columns);
  const double perColumn = static_cast<double>(n) / columns;
  for (int c = 0; c < columns; ++c) {
    const auto begin = static_cast<std::size_t>(c * perColumn);
    const auto end = std::min(n, static_cast<std::size_t>((c + 1) * perColumn));
    std::size_t lo = n, hi = n;
    for (std::size_t i = begin; i < end; ++i) {
      if (std::isnan(ys[i])) continue;
      if (lo == n || low(i) < low(lo)) lo = i;
      if (hi == n || high(i) > high(hi)) hi = i;
    }
    if (lo == n) continue;  // a column of gaps
    const auto point = [&](std::size_t i, double v) {
      return QPointF(x0 + static_cast<double>(i) * dx, v);
    };
    if (lo <= hi) {
      out.append(point(lo, low(lo)));
      if (hi != lo || low(lo) != high(hi)) out.append(point(hi, high(hi)));
    } else {
      out.append(point(hi, high(hi)));
      out.append(point(lo, low(lo)));
    }
  }
  return out;
}

}  // namespace brokerlab::ui
