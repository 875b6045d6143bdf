#include "compare/OverlayChart.h"

#include "canvas/Theme.h"
#include "charts/Decimate.h"

#include "charts/TimeChart.h"

#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

QColor OverlayChart::runColour(bool b, std::size_t figure) {
  // Blues and greens for A, oranges and pinks for B (Okabe-Ito: told apart by most colour-blind
  // eyes); vermillion is left out, it means an error everywhere else.
  static const QRgb a[] = {okabeIto::kBlue, okabeIto::kGreen, okabeIto::kSky, 0xff000000};
  static const QRgb other[] = {okabeIto::kOrange, okabeIto::kPurple, 0xffb8860b, 0xff8b4513};
  return QColor((b ? other : a)[figure % 4]);
}

OverlayChart::OverlayChart(OverlayKind kind, QWidget* parent) : QChartView(parent), kind_(kind) {
  setRenderHint(QPainter::Antialiasing);
  TimeChartAxes axes;
  setChart(newTimeChart(overlayTitle(kind), &axes));
  x_ = axes.x;
  y_ = axes.y;
  setMinimumSize(260, 200);
  setFontScale(1.0);
  // The lines were decimated for the plot's width when they were last shown; a chart is often
  // shown before it has been laid out (at the smallest count), so when its width settles it asks
  // to be shown again. Otherwise what is drawn would depend on how many refreshes, throttled by
  // the wall clock, came before: a comparison's screenshot was not the same twice.
  connect(chart(), &QChart::plotAreaChanged, this, [this](const QRectF& area) {
    if (columns_ != 0 && decimationColumns(area.width()) != columns_) emit columnsChanged();
  });
}

void OverlayChart::setFontScale(double scale) {
  chart()->legend()->setFont(scaleTimeChartFonts(chart(), {x_, y_}, font(), scale));
}

QLineSeries* OverlayChart::line(std::size_t i) {
  while (lines_.size() <= i) {
    auto* l = new QLineSeries(chart());
    chart()->addSeries(l);
    l->attachAxis(x_);
    l->attachAxis(y_);
    lines_.push_back(l);
  }
  return lines_[i];
}

void OverlayChart::show(const std::vector<SeriesPair>& pairs, double untilS) {
  const std::size_t count = pairs.size() * 2;
  while (lines_.size() > count) {
    chart()->removeSeries(lines_.back());
    delete lines_.back();
    lines_.pop_back();
  }
  columns_ = decimationColumns(chart()->plotArea().width());
  double high = 0;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const QString label = QString::fromStdString(pairs[i].label);
    for (int side = 0; side < 2; ++side) {
      const TimeSeries& t = side == 0 ? *pairs[i].a : *pairs[i].b;
      QLineSeries* l = line(i * 2 + static_cast<std::size_t>(side));
      QPen pen(runColour(side == 1, i), 2.5, side == 0 ? Qt::SolidLine : Qt::DashLine);
      if (l->pen() != pen) l->setPen(pen);
      const QString name = QStringLiteral("%1 · %2").arg(label, side == 0 ? "A" : "B");
      if (l->name() != name) l->setName(name);
      const double step = toSeconds(t.step());
      QList<QPointF> points = decimateMinMax(t.points(), step, step, columns_, t.mins(), t.maxs());
      for (const QPointF& p : points) high = std::max(high, p.y());
      l->replace(points);
    }
  }
  const QString title = pairs.empty() ? overlayTitle(kind_) : pairs.front().title;
  if (chart()->title() != title) chart()->setTitle(title);
  x_->setRange(0, std::max(untilS, 1.0));
  const double top =
      high <= 0 ? 1
                : std::pow(10.0, std::ceil(std::log10(high * 1.1)) - 1) *
                      std::ceil(high * 1.1 / std::pow(10.0, std::ceil(std::log10(high * 1.1)) - 1));
  y_->setRange(0, kind_ == OverlayKind::Utilization ? 1.0 : top);
  setVisible(!pairs.empty());
  viewport()->update();
}

std::vector<OverlayChart::Line> OverlayChart::plotted() const {
  std::vector<Line> out;
  for (const QLineSeries* l : lines_)
    out.push_back({l->name(), l->pen().style() == Qt::DashLine, l->points()});
  return out;
}

}  // namespace brokerlab::ui
