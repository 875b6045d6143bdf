#pragma once

// What the sweep dialog's chart shows, decided from a sweep's table: one key figure against the
// first parameter, one curve per value of the second (if any), each point the mean over its seeds
// with its 95% confidence interval. The chart only draws this.

#include "sweep/SweepCsv.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace brokerlab::ui {

struct SweepPlotPoint {
  double x = 0;
  double mean = 0;
  double lower = 0;  // mean - half-width (the mean itself with one seed)
  double upper = 0;
};

struct SweepCurve {
  QString label;  // the figure (one parameter), or "orders-api.rate = 15" (two)
  std::vector<SweepPlotPoint> points;
};

struct SweepPlot {
  QString title;
  QString xTitle;  // with its unit: "workers.instances (consumers)", "workers.service.mean (s)"
  QString yTitle;  // "orders: p99 wait (s)"
  // The first parameter's values when they are not numbers ("drop-head"): x is their position.
  QStringList xCategories;
  std::vector<SweepCurve> curves;
};

// The figure's name for people, with its unit: "orders.wait_p99_s" -> "orders: p99 wait (s)".
QString figureTitle(const std::string& name);

// Empty curves when the table has no axis, no such figure or no row that measured it.
SweepPlot sweepPlot(const SweepTable& table, const std::string& figure);

// The figure to show first: a queue's p99 wait when there is one, else the first.
std::string defaultFigure(const SweepTable& table);

}  // namespace brokerlab::ui
