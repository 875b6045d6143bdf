#pragma once

// The one look of a chart over simulated time, for the charts dock and the comparison: a title,
// a time axis below (in seconds, minutes or hours), a value axis on the left, the legend under the
// plot, no animation.

#include <QFont>
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

// The chart's fonts from `base` (the view's font) times `scale` (a projector's larger type): a
// bold title a little larger than the rest, the axes' labels and titles at the body size, which it
// returns for the legend.
QFont scaleTimeChartFonts(QChart* chart, const TimeChartAxes& axes, const QFont& base,
                          double scale);

// Leaves out the time axis's title in a chart `height` pixels high that is too short for it:
// with it Qt Charts cuts the axis's figures to "..." (the charts dock in lecture mode's type on a
// 720-line screen). `body` is the axes' font; `legendHeight` what the legend and the margins
// under the plot take. The timeline above a chart says what its axis is.
void fitTimeAxisTitle(QValueAxis* x, double height, const QFont& body, double legendHeight,
                      double unitS = 1);

// The time axis's unit for a run shown up to `untilS` seconds: seconds up to a quarter of an hour,
// then minutes up to five hours, then hours (three hours read as 0, 40, 80 ... 160 minutes, not
// 0, 2500 ... 10000 seconds). In seconds.
double timeAxisUnit(double untilS);

}  // namespace brokerlab::ui
