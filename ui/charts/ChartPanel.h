#pragma once

// One chart of the charts dock (Qt Charts): the series of one kind (throughput, backlog, latency,
// utilization, lag, jobs) against simulated time, decimated to the chart's width keeping each
// pixel column's lowest and highest value, replaced in one batch per refresh; faults and
// captions are dashed vertical lines at their times. The legend wraps under the axis (ChartLegend).

#include "charts/TimeChartView.h"
#include "metrics/SeriesCatalog.h"

#include <vector>

class QLineSeries;

namespace brokerlab::ui {

class ChartPanel : public TimeChartView {
  Q_OBJECT

 public:
  static constexpr int kMaxSeries = 8;  // more would be unreadable: the first ones are shown
  // The smallest a chart is made: five side by side in a 1280-pixel window (ChartsDock).
  static constexpr int kMinWidth = 240;
  static constexpr int kMinHeight = 200;

  ChartPanel(SeriesChart chart, QWidget* parent = nullptr);

  SeriesChart kind() const { return chart_; }
  // Shows `series` (those of this chart's kind that are not all zero; at most kMaxSeries) over
  // [0, until] seconds.
  void show(const std::vector<NamedSeries>& series, double untilS);
  void setMarks(std::vector<double> atS) { marks_ = std::move(atS); }
  // What is plotted (tests): each series' name and its points.
  std::vector<std::pair<QString, QList<QPointF>>> plotted() const;
  int pointsShown() const;
  int redraws() const { return redraws_; }  // how many times show() replaced the lines
  void forget() { shape_.clear(); }         // the next show() redraws, whatever it shows

  // The chart's title; `meanOver`: the window its lines are means over (0: as sampled).
  static QString title(SeriesChart chart, SimTime meanOver = 0);
  static QString fileStem(SeriesChart chart);  // "throughput", "backlog", ...

 protected:
  void drawForeground(QPainter* painter, const QRectF& rect) override;

 private:
  SeriesChart chart_;
  std::vector<QLineSeries*> lines_;
  std::vector<double> marks_;
  int redraws_ = 0;
  std::vector<double> shape_;  // what the lines were last made of (show() skips a same picture)
};

}  // namespace brokerlab::ui
