#include "charts/ChartPanel.h"

#include "canvas/Theme.h"
#include "charts/SeriesLabel.h"
#include "charts/TrailingMean.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

QString ChartPanel::title(SeriesChart chart, SimTime meanOver) {
  switch (chart) {
    case SeriesChart::Throughput:
      // The legend says "/s" on every line: a narrow chart keeps its title whole without it.
      return meanOver > 0 ? tr("Throughput (%1)").arg(meanWords(meanOver))
                          : tr("Throughput (per second)");
    case SeriesChart::Backlog:
      return tr("Backlog (messages)");
    case SeriesChart::Latency:
      return tr("Latency (seconds)");
    case SeriesChart::Utilization:
      return meanOver > 0 ? tr("Utilization (%1)").arg(meanWords(meanOver)) : tr("Utilization");
    case SeriesChart::Lag:
      return tr("Consumer group lag (records)");
    case SeriesChart::Jobs:  // only its rates are averaged
      return meanOver > 0 ? tr("Request-reply (rates: %1)").arg(meanWords(meanOver))
                          : tr("Request-reply");
  }
  return {};
}

QString ChartPanel::fileStem(SeriesChart chart) {
  static const char* stems[kSeriesChartCount] = {"throughput",  "backlog", "latency",
                                                 "utilization", "lag",     "request-reply"};
  return QString::fromLatin1(stems[static_cast<int>(chart)]);
}

ChartPanel::ChartPanel(SeriesChart chart, QWidget* parent)
    : TimeChartView(title(chart), parent), chart_(chart) {
  setMinimumSize(kMinWidth, kMinHeight);
}

void ChartPanel::show(const std::vector<NamedSeries>& series, double untilS) {
  setTimeSpan(untilS);
  // A series that has only been zero (an HTTP status never sent, a queue never used) says
  // nothing: the lines go to those that do.
  const auto silent = [](const TimeSeries& t) {
    const auto quiet = [](const std::vector<double>& v) {
      return std::all_of(v.begin(), v.end(), [](double x) { return x == 0 || std::isnan(x); });
    };
    return quiet(t.points()) && quiet(t.maxs());
  };
  std::vector<const NamedSeries*> mine;
  QStringList notDrawn;
  for (const NamedSeries& s : series) {
    if (s.chart != chart_ || !s.charted || silent(*s.series)) continue;
    if (static_cast<int>(mine.size()) < kMaxSeries)
      mine.push_back(&s);
    else
      notDrawn << seriesLabel(s.column);
  }
  // What the picture is made of: which series, how many points each holds at which step, the
  // marks, and the present to the pixel. When none of it changed (a long run at 1x gains a point
  // every few seconds) the chart is left as it is: replacing and repainting it would redraw the
  // same picture.
  std::vector<double> shape;
  for (const NamedSeries* n : mine) {
    shape.push_back(static_cast<double>(reinterpret_cast<std::uintptr_t>(n->series)));
    shape.push_back(static_cast<double>(n->series->points().size()));
    shape.push_back(static_cast<double>(n->series->step()));
  }
  shape.insert(shape.end(), marks_.begin(), marks_.end());
  shape.push_back(static_cast<double>(averaging()));
  const double pixel = std::max(untilS, 1.0) / std::max(1.0, chart()->plotArea().width());
  shape.push_back(std::floor(untilS / pixel));
  if (shape == shape_ && !mine.empty()) return;
  shape_ = std::move(shape);
  ++redraws_;
  // One QLineSeries per named series, kept from refresh to refresh.
  while (lines_.size() < mine.size()) {
    auto* line = new QLineSeries(chart());
    chart()->addSeries(line);
    line->attachAxis(x_);
    line->attachAxis(y_);
    QPen pen(Theme::publisherColour(static_cast<std::uint32_t>(lines_.size())), 2);
    line->setPen(pen);
    lines_.push_back(line);
  }
  while (lines_.size() > mine.size()) {
    chart()->removeSeries(lines_.back());
    delete lines_.back();
    lines_.pop_back();
  }
  const int columns = takeColumns();
  double high = 0;
  SimTime meanOver = 0;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    const TimeSeries& t = *mine[i]->series;
    QList<QPointF> points =
        linePoints(t, columns, drawnAsMeans(*mine[i]), mine[i]->chartDivisor, &meanOver);
    for (const QPointF& p : points) high = std::max(high, p.y());
    const QString name = QString::fromStdString(mine[i]->column);
    if (lines_[i]->name() != name) lines_[i]->setName(name);
    lines_[i]->replace(points);
  }
  std::vector<ChartLegend::Entry> entries;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    QString label = seriesLabel(mine[i]->column);
    if (mine[i]->chartDivisor != 1)  // "api · busy slots, of 4": the line is the fraction
      label = tr("%1, of %2").arg(label).arg(mine[i]->chartDivisor);
    entries.push_back({lines_[i]->pen().color(), label});
  }
  setLegendEntries(
      std::move(entries), notDrawn,
      tr("Not drawn (a chart draws %1 lines; select a component to narrow them):").arg(kMaxSeries));
  setTitle(title(chart_, meanOver));
  // Fractions stay on 0..1: a busy pool's 100% must not read as half the axis.
  setRanges(untilS, high, chart_ == SeriesChart::Utilization);
  setVisible(!mine.empty());
  viewport()->update();
}

std::vector<std::pair<QString, QList<QPointF>>> ChartPanel::plotted() const {
  std::vector<std::pair<QString, QList<QPointF>>> out;
  for (const QLineSeries* l : lines_) out.emplace_back(l->name(), l->points());
  return out;
}

int ChartPanel::pointsShown() const {
  int n = 0;
  for (const QLineSeries* l : lines_) n += static_cast<int>(l->count());
  return n;
}

void ChartPanel::drawForeground(QPainter* painter, const QRectF& rect) {
  TimeChartView::drawForeground(painter, rect);
  const QRectF area = chart()->plotArea();
  painter->setPen(QPen(QColor(okabeIto::kVermillion), 1.2, Qt::DashLine));
  for (const double atS : marks_) {
    const double t = atS / timeUnit();
    if (t < x_->min() || t > x_->max()) continue;
    // drawForeground paints in scene coordinates; the chart maps values to its own.
    const double x = chart()->mapToPosition(QPointF(t, y_->min())).x();
    painter->drawLine(chart()->mapToScene(QPointF(x, area.top())),
                      chart()->mapToScene(QPointF(x, area.bottom())));
  }
}

}  // namespace brokerlab::ui
