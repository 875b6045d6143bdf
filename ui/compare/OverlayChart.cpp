#include "compare/OverlayChart.h"

#include "canvas/Theme.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace brokerlab::ui {

QColor OverlayChart::runColour(bool b, std::size_t figure) {
  // Blues and greens for A, oranges and pinks for B (Okabe-Ito: told apart by most colour-blind
  // eyes); vermillion is left out, it means an error everywhere else.
  static const QRgb a[] = {okabeIto::kBlue, okabeIto::kGreen, okabeIto::kSky, 0xff000000};
  static const QRgb other[] = {okabeIto::kOrange, okabeIto::kPurple, 0xffb8860b, 0xff8b4513};
  return QColor((b ? other : a)[figure % 4]);
}

OverlayChart::OverlayChart(OverlayKind kind, QWidget* parent)
    : TimeChartView(overlayTitle(kind), parent), kind_(kind) {
  // Shorter, Qt Charts cuts the value axis's figures to "..." (measured in the comparison's
  // type: below 11.7 lines); the time axis's title goes first (TimeChartView).
  setMinimumLines(260, 12);
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

void OverlayChart::show(const std::vector<SeriesPair>& pairs, double untilS,
                        const std::vector<std::string>& notDrawn) {
  setTimeSpan(untilS);
  const std::size_t count = pairs.size() * 2;
  while (lines_.size() > count) {
    chart()->removeSeries(lines_.back());
    delete lines_.back();
    lines_.pop_back();
  }
  const int columns = takeColumns();
  SimTime meanOver = 0;
  double high = 0;
  std::vector<ChartLegend::Entry> entries;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const QString label = QString::fromStdString(pairs[i].label);
    for (int side = 0; side < 2; ++side) {
      const TimeSeries& t = side == 0 ? *pairs[i].a : *pairs[i].b;
      QLineSeries* l = line(i * 2 + static_cast<std::size_t>(side));
      QPen pen(runColour(side == 1, i), 2.5, side == 0 ? Qt::SolidLine : Qt::DashLine);
      if (l->pen() != pen) l->setPen(pen);
      const QString name = QStringLiteral("%1 · %2").arg(label, side == 0 ? "A" : "B");
      if (l->name() != name) l->setName(name);
      QList<QPointF> points =
          linePoints(t, columns, pairs[i].averaged,
                     side == 0 ? pairs[i].divisorA : pairs[i].divisorB, &meanOver);
      for (const QPointF& p : points) high = std::max(high, p.y());
      l->replace(points);
    }
    // One entry a figure, its two runs' colours side by side (A, then B): eight names would
    // not fit under a chart on a projector's screen.
    entries.push_back({runColour(false, i), label, runColour(true, i)});
  }
  QStringList rest;
  for (const std::string& figure : notDrawn) rest << QString::fromStdString(figure);
  setLegendEntries(
      std::move(entries), rest,
      tr("Not drawn (a comparison's chart draws %1 figures of each run):").arg(pairs.size()));
  QString title = pairs.empty() ? overlayTitle(kind_) : pairs.front().title;
  if (meanOver > 0) {  // "Throughput: acked per second, 1 s mean — orders"
    const qsizetype component = title.indexOf(QStringLiteral(" — "));
    title.insert(component < 0 ? title.size() : component,
                 QStringLiteral(", ") + meanWords(meanOver));
  }
  setTitle(title);
  setRanges(untilS, high, kind_ == OverlayKind::Utilization);
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
