#pragma once

// The one look of a chart over simulated time, for the charts dock and the comparison: a title,
// a time axis in seconds below, a value axis on the left, the legend under the plot, no animation.

#include <QString>

class QChart;
class QValueAxis;

namespace brokerlab::ui {

struct TimeChartAxes {
  QValueAxis* x = nullptr;
  QValueAxis* y = nullptr;
};

// A new chart (owned by the caller, usually handed to a QChartView) and its two axes.
QChart* newTimeChart(const QString& title, TimeChartAxes* axes);

}  // namespace brokerlab::ui
