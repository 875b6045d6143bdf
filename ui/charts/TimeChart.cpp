#include "charts/TimeChart.h"

#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QValueAxis>

namespace brokerlab::ui {

QChart* newTimeChart(const QString& title, TimeChartAxes* axes) {
  auto* c = new QChart;
  c->setTitle(title);
  c->setMargins(QMargins(4, 4, 4, 4));
  c->legend()->setAlignment(Qt::AlignBottom);
  c->setAnimationOptions(QChart::NoAnimation);
  axes->x = new QValueAxis(c);
  axes->x->setTitleText(QCoreApplication::translate("TimeChart", "simulated time (s)"));
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

}  // namespace brokerlab::ui
