#include "charts/ChartExport.h"

#include "canvas/ImageFile.h"

#include <QImage>
#include <QPainter>
#include <QWidget>

namespace brokerlab::ui {

namespace {
constexpr qreal kPngScale = 2;
}

bool exportChartPng(QWidget& chart, const QString& path, QString* error) {
  QImage image(chart.size() * kPngScale, QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(kPngScale);  // the widget paints at its own size, twice as fine
  image.fill(Qt::white);
  chart.render(&image);
  return writePng(image, path, error);
}

bool exportChartSvg(QWidget& chart, const QString& path, QString* error) {
  return writeSvg(
      chart.size(), QStringLiteral("BrokerLab chart"), [&chart](QPainter& p) { chart.render(&p); },
      path, error);
}

}  // namespace brokerlab::ui
