#pragma once

// The sweep dialog's chart (Qt Charts): per curve, the 95% confidence band as an area between its
// lower and upper lines, and the mean as a line with a dot per point, in the Okabe-Ito palette;
// fonts big enough for a projector, axis titles with their units. It draws a SweepPlot and
// decides nothing.

#include "sweep/SweepPlot.h"

#include <QChartView>
#include <QList>
#include <QPointF>

class QAbstractAxis;

namespace brokerlab::ui {

class SweepChart : public QChartView {
  Q_OBJECT

 public:
  explicit SweepChart(QWidget* parent = nullptr);

  void show(const SweepPlot& plot);
  void clear() { show(SweepPlot()); }

  // What is drawn (tests): per curve its name, and the points of its mean, lower and upper lines.
  struct Drawn {
    QString name;
    QList<QPointF> mean, lower, upper;
  };
  QList<Drawn> drawn() const;

 private:
  void replaceAxes(const SweepPlot& plot, double xMin, double xMax, double yMin, double yMax);

  QAbstractAxis* x_ = nullptr;
  QAbstractAxis* y_ = nullptr;
};

}  // namespace brokerlab::ui
