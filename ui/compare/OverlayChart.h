#pragma once

// One chart of a comparison: each figure both runs have as two lines, run A solid in a blue or
// green and run B dashed in an orange or pink, against the shared simulated time; decimated to the
// chart's width keeping each pixel column's lowest and highest value (charts/Decimate), replaced in
// one batch per refresh.

#include "compare/SeriesPairs.h"

#include <QChartView>

#include <vector>

class QLineSeries;
class QValueAxis;

namespace brokerlab::ui {

class OverlayChart : public QChartView {
  Q_OBJECT

 public:
  OverlayChart(OverlayKind kind, QWidget* parent = nullptr);

  OverlayKind kind() const { return kind_; }
  void show(const std::vector<SeriesPair>& pairs, double untilS);
  // What is plotted (tests): each line's legend name, whether it is dashed, and its points.
  struct Line {
    QString name;
    bool dashed;
    QList<QPointF> points;
  };
  std::vector<Line> plotted() const;
  void setFontScale(double scale);
  // The colour of run A's (or B's) line of the chart's `figure`th figure.
  static QColor runColour(bool b, std::size_t figure);

 signals:
  // The plot's width changed since the lines were decimated: show() them again.
  void columnsChanged();

 private:
  QLineSeries* line(std::size_t i);

  OverlayKind kind_;
  QValueAxis* x_;
  QValueAxis* y_;
  std::vector<QLineSeries*> lines_;
  int columns_ = 0;  // the decimation of the last show(); 0 before the first
};

}  // namespace brokerlab::ui
