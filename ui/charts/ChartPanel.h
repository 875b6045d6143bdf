#pragma once

// One chart of the charts dock (Qt Charts): the series of one kind (throughput, backlog, latency,
// utilization, lag, jobs) against simulated time, decimated to the chart's width keeping each
// pixel column's lowest and highest value, replaced in one batch per refresh; faults and
// captions are dashed vertical lines at their times. The legend wraps under the axis (ChartLegend).

#include "charts/ChartLegend.h"
#include "metrics/SeriesCatalog.h"

#include <QChartView>

#include <vector>

class QLineSeries;
class QValueAxis;

namespace brokerlab::ui {

class ChartPanel : public QChartView {
  Q_OBJECT

 public:
  static constexpr int kMaxSeries = 8;  // more would be unreadable: the first ones are shown

  ChartPanel(SeriesChart chart, QWidget* parent = nullptr);

  SeriesChart kind() const { return chart_; }
  // Shows `series` (those of this chart's kind that are not all zero; at most kMaxSeries) over
  // [0, until] seconds.
  void show(const std::vector<NamedSeries>& series, double untilS);
  void setMarks(std::vector<double> atS) { marks_ = std::move(atS); }
  // What is plotted (tests): each series' name and its points.
  std::vector<std::pair<QString, QList<QPointF>>> plotted() const;
  int pointsShown() const;
  const ChartLegend& legend() const { return legend_; }
  // Type `scale` times the window's (a projector's larger type in lecture mode).
  void setFontScale(double scale);
  // Room under the axis for the legend, at least its own rows: a row of charts gives each the
  // tallest legend's room so that their axes line up.
  void setLegendRoom(qreal height);

 signals:
  void legendResized();  // the legend's own rows changed (its height may have)
  // The plot's width changed since the lines were decimated: show() them again.
  void columnsChanged();

 public:
  int redraws() const { return redraws_; }  // how many times show() replaced the lines
  void forget() { shape_.clear(); }         // the next show() redraws, whatever it shows

  static QString title(SeriesChart chart);
  static QString fileStem(SeriesChart chart);  // "throughput", "backlog", ...

 protected:
  void drawForeground(QPainter* painter, const QRectF& rect) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  // Lays the legend out for the chart's width and makes room for it under the axis title.
  void placeLegend();
  qreal legendTop() const;  // in the scene's coordinates

  SeriesChart chart_;
  QValueAxis* x_;
  QValueAxis* y_;
  std::vector<QLineSeries*> lines_;
  ChartLegend legend_;
  QStringList notDrawn_;  // series of this kind beyond kMaxSeries
  qreal legendRoom_ = 0;
  std::vector<double> marks_;
  int redraws_ = 0;
  int columns_ = 0;            // the decimation width of the lines drawn (0: none yet)
  std::vector<double> shape_;  // what the lines were last made of (show() skips a same picture)
};

}  // namespace brokerlab::ui
