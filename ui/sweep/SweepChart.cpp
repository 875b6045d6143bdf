#include "sweep/SweepChart.h"

#include "canvas/Theme.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace brokerlab::ui {

namespace {

QFont sized(int points, bool bold = false) {
  QFont f;
  f.setPointSize(points);
  f.setBold(bold);
  return f;
}

}  // namespace

SweepChart::SweepChart(QWidget* parent) : QChartView(parent) {
  setRenderHint(QPainter::Antialiasing);
  auto* c = new QChart;
  c->setAnimationOptions(QChart::NoAnimation);
  c->setTitleFont(sized(17, true));
  c->legend()->setAlignment(Qt::AlignBottom);
  c->legend()->setFont(sized(14));
  c->setMargins(QMargins(8, 8, 8, 8));
  setChart(c);
  setMinimumSize(480, 320);
}

void SweepChart::show(const SweepPlot& plot) {
  QChart* c = chart();
  c->removeAllSeries();
  c->setTitle(plot.title);
  double xMin = std::numeric_limits<double>::infinity(), xMax = -xMin, yMin = xMin, yMax = -xMin;
  for (std::size_t i = 0; i < plot.curves.size(); ++i) {
    const SweepCurve& curve = plot.curves[i];
    if (curve.points.empty()) continue;
    const QColor colour = Theme::publisherColour(static_cast<std::uint32_t>(i));
    auto* mean = new QLineSeries;
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    for (const SweepPlotPoint& p : curve.points) {
      mean->append(p.x, p.mean);
      upper->append(p.x, p.upper);
      lower->append(p.x, p.lower);
      xMin = std::min(xMin, p.x);
      xMax = std::max(xMax, p.x);
      yMin = std::min(yMin, p.lower);
      yMax = std::max(yMax, p.upper);
    }
    auto* band = new QAreaSeries(upper, lower);
    band->setName(curve.label + tr(" (95% CI)"));
    QColor fill = colour;
    fill.setAlpha(55);
    band->setBrush(fill);
    QColor edge = colour;
    edge.setAlpha(120);
    band->setPen(QPen(edge, 1));
    mean->setName(curve.label);
    mean->setPen(QPen(colour, 3));
    mean->setPointsVisible(true);
    mean->setMarkerSize(9);
    c->addSeries(band);
    c->addSeries(mean);
    // One legend entry per curve: the mean names it, the band's colour is the same.
    for (QLegendMarker* m : c->legend()->markers(band)) m->setVisible(false);
  }
  if (!std::isfinite(xMin)) xMin = 0, xMax = 1, yMin = 0, yMax = 1;
  replaceAxes(plot, xMin, xMax, yMin, yMax);
}

void SweepChart::replaceAxes(const SweepPlot& plot, double xMin, double xMax, double yMin,
                             double yMax) {
  QChart* c = chart();
  for (QAbstractAxis* a : c->axes()) {
    c->removeAxis(a);
    delete a;
  }
  QAbstractAxis* x;
  if (plot.xCategories.isEmpty()) {
    auto* v = new QValueAxis;
    v->setLabelFormat(QStringLiteral("%.4g"));
    const double span = xMax - xMin;
    const bool whole = std::all_of(plot.curves.begin(), plot.curves.end(), [](const SweepCurve& c) {
      return std::all_of(c.points.begin(), c.points.end(),
                         [](const SweepPlotPoint& p) { return p.x == std::floor(p.x); });
    });
    if (whole && span <= 12) {  // instances, prefetch: a tick on each whole number
      v->setRange(xMin - 0.5, xMax + 0.5);
      v->setTickType(QValueAxis::TicksDynamic);
      v->setTickAnchor(xMin);
      v->setTickInterval(1);
      v->setLabelFormat(QStringLiteral("%.0f"));
    } else {
      const double pad = span > 0 ? span * 0.05 : 0.5;
      v->setRange(xMin - pad, xMax + pad);
    }
    x = v;
  } else {
    auto* cat = new QCategoryAxis;
    cat->setStartValue(-0.5);
    for (qsizetype i = 0; i < plot.xCategories.size(); ++i)
      cat->append(plot.xCategories[i], static_cast<double>(i));
    cat->setRange(-0.5, static_cast<double>(plot.xCategories.size()) - 0.5);
    cat->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x = cat;
  }
  auto* y = new QValueAxis;
  // From zero when every mean is positive (a wait, a rate): the curve's height reads true, and a
  // band reaching below zero (a symmetric interval of a few seeds) is cut there.
  bool positive = true;
  for (const SweepCurve& curve : plot.curves)
    for (const SweepPlotPoint& p : curve.points) positive = positive && p.mean >= 0;
  const double pad = yMax > yMin ? (yMax - yMin) * 0.05 : std::max(1e-9, std::abs(yMax) * 0.1);
  y->setRange(positive ? 0 : yMin - pad, yMax + pad);
  y->applyNiceNumbers();
  y->setLabelFormat(QStringLiteral("%.3g"));
  for (QAbstractAxis* a : {x, static_cast<QAbstractAxis*>(y)}) {
    a->setTitleFont(sized(15, true));
    a->setLabelsFont(sized(13));
  }
  x->setTitleText(plot.xTitle);
  y->setTitleText(plot.yTitle);
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  for (QAbstractSeries* s : c->series()) {
    s->attachAxis(x);
    s->attachAxis(y);
  }
  x_ = x;
  y_ = y;
}

QList<SweepChart::Drawn> SweepChart::drawn() const {
  QList<Drawn> out;
  const QList<QAbstractSeries*> all = chart()->series();
  for (qsizetype i = 0; i + 1 < all.size(); i += 2) {
    const auto* band = static_cast<const QAreaSeries*>(all[i]);
    const auto* mean = static_cast<const QLineSeries*>(all[i + 1]);
    out.append({mean->name(), mean->points(), band->lowerSeries()->points(),
                band->upperSeries()->points()});
  }
  return out;
}

}  // namespace brokerlab::ui
