#pragma once

// One chart of a comparison: each figure both runs have as two lines, run A solid in a blue or
// green and run B dashed in an orange or pink, against the shared simulated time; decimated to the
// chart's width keeping each pixel column's lowest and highest value (charts/Decimate), replaced in
// one batch per refresh. The legend wraps under the axis, as the charts dock's (TimeChartView).

#include "charts/TimeChartView.h"
#include "compare/SeriesPairs.h"

#include <vector>

class QLineSeries;

namespace brokerlab::ui {

class OverlayChart : public TimeChartView {
  Q_OBJECT

 public:
  OverlayChart(OverlayKind kind, QWidget* parent = nullptr);

  OverlayKind kind() const { return kind_; }
  // `notDrawn`: the figures both runs have that the chart has no lines for (pairedSeries' limit).
  void show(const std::vector<SeriesPair>& pairs, double untilS,
            const std::vector<std::string>& notDrawn = {});
  // What is plotted (tests): each line's legend name, whether it is dashed, and its points.
  struct Line {
    QString name;
    bool dashed;
    QList<QPointF> points;
  };
  std::vector<Line> plotted() const;
  // The colour of run A's (or B's) line of the chart's `figure`th figure.
  static QColor runColour(bool b, std::size_t figure);

 private:
  QLineSeries* line(std::size_t i);

  OverlayKind kind_;
  std::vector<QLineSeries*> lines_;
};

}  // namespace brokerlab::ui
