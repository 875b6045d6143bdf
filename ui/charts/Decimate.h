#pragma once

// A long series drawn in a few hundred pixel columns: for each column, the lowest and the highest
// value the series takes there, in the order they occur. A spike of one sample still reaches its
// height at any zoom; a straight decimation (every k-th point) or an average would hide it.

#include <QList>
#include <QPointF>

#include <algorithm>
#include <span>

namespace brokerlab::ui {

// Points i = 0..n-1 at x = x0 + i * dx with values ys[i] (and, when given, the lowest and highest
// value each point stands for: a sample that already summarizes several). Series that fit in
// 2 * columns points come back unchanged. NaN values are gaps and are skipped.
QList<QPointF> decimateMinMax(std::span<const double> ys, double x0, double dx, int columns,
                              std::span<const double> mins = {}, std::span<const double> maxs = {});

// The columns a chart decimates to for a plot `plotWidth` pixels wide: a lowest and a highest
// point for every two pixels (a spike still reaches its height, and a chart holds half the points
// it would with a pair per pixel), at least 64 (a plot not laid out yet has no width).
inline int decimationColumns(double plotWidth) {
  return std::max(64, static_cast<int>(plotWidth) / 2);
}

}  // namespace brokerlab::ui
