#include "charts/SeriesLabel.h"

namespace brokerlab::ui {

QString seriesLabel(const std::string& column) {
  // The figure follows the last dot: a component id may hold dots, a figure never does.
  const std::size_t dot = column.rfind('.');
  if (dot == std::string::npos) return QString::fromStdString(column);
  QString figure = QString::fromStdString(column.substr(dot + 1));
  if (figure.endsWith(QStringLiteral("_per_s"))) {
    figure.chop(6);
    figure += QStringLiteral("/s");
  } else if (figure.endsWith(QStringLiteral("_s"))) {
    figure.chop(2);  // seconds: the latency chart's title says so
  }
  figure.replace(QStringLiteral("end_to_end"), QStringLiteral("end-to-end"));
  figure.replace(QStringLiteral("_per_"), QStringLiteral("/"));
  figure.replace(QLatin1Char('_'), QLatin1Char(' '));
  return QString::fromStdString(column.substr(0, dot)) + QStringLiteral(" · ") + figure;
}

}  // namespace brokerlab::ui
