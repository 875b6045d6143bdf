#include "charts/TimeChart.h"

#include <QChart>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLegend>
#include <QValueAxis>

namespace brokerlab::ui {

namespace {
QString timeAxisTitle(double unitS) {
  if (unitS >= 3600) return QCoreApplication::translate("TimeChart", "simulated time (h)");
  if (unitS >= 60) return QCoreApplication::translate("TimeChart", "simulated time (min)");
  return QCoreApplication::translate("TimeChart", "simulated time (s)");
}
// A chart with fewer lines of its type than this above its legend drops its time axis's title.
// Qt Charts cut the figures of a lecture-type chart (18.6-pixel lines, a two-row legend) below
// about 9 lines; and a 236-pixel chart of 10.3 lines, titled, kept a plot of 78 pixels where
// untitled it kept 104: a line of the time axis's title is worth less than a third of the plot.
constexpr double kLinesWithAxisTitle = 11;
}  // namespace

QChart* newTimeChart(const QString& title, TimeChartAxes* axes) {
  auto* c = new QChart;
  c->setTitle(title);
  c->setMargins(QMargins(4, 4, 4, 4));
  c->legend()->setAlignment(Qt::AlignBottom);
  c->setAnimationOptions(QChart::NoAnimation);
  axes->x = new QValueAxis(c);
  axes->x->setTitleText(timeAxisTitle(1));
  axes->x->setLabelFormat(QStringLiteral("%.0f"));
  axes->y = new QValueAxis(c);
  axes->y->setLabelFormat(QStringLiteral("%.3g"));
  c->addAxis(axes->x, Qt::AlignBottom);
  c->addAxis(axes->y, Qt::AlignLeft);
  return c;
}

QFont scaleTimeChartFonts(QChart* chart, const TimeChartAxes& axes, const QFont& base,
                          double scale) {
  QFont title = base;
  title.setPointSizeF(base.pointSizeF() * 1.15 * scale);
  title.setBold(true);
  chart->setTitleFont(title);
  QFont body = base;
  body.setPointSizeF(base.pointSizeF() * scale);
  for (QValueAxis* axis : {axes.x, axes.y}) {
    axis->setLabelsFont(body);
    axis->setTitleFont(body);
  }
  return body;
}

void fitTimeAxisTitle(QValueAxis* x, double height, const QFont& body, double legendHeight,
                      double unitS) {
  const bool roomy = height >= kLinesWithAxisTitle * QFontMetricsF(body).height() + legendHeight;
  const QString title = roomy ? timeAxisTitle(unitS) : QString();
  if (x->titleText() != title) x->setTitleText(title);
}

double timeAxisUnit(double untilS) {
  if (untilS > 5 * 3600) return 3600;
  if (untilS > 15 * 60) return 60;
  return 1;
}

}  // namespace brokerlab::ui
