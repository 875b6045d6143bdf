#include "charts/ChartExport.h"

#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
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
  QSaveFile file(path);
  QImageWriter writer(&file, "png");
  if (!file.open(QIODevice::WriteOnly) || !writer.write(image) || !file.commit()) {
    *error =
        writer.error() != QImageWriter::UnknownError ? writer.errorString() : file.errorString();
    return false;
  }
  return true;
}

bool exportChartSvg(QWidget& chart, const QString& path, QString* error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    *error = file.errorString();
    return false;
  }
  QSvgGenerator svg;
  svg.setOutputDevice(&file);
  svg.setSize(chart.size());
  svg.setViewBox(QRect(QPoint(0, 0), chart.size()));
  svg.setTitle(QStringLiteral("BrokerLab chart"));
  {
    QPainter p(&svg);
    chart.render(&p);
  }
  if (!file.commit()) {
    *error = file.errorString();
    return false;
  }
  return true;
}

}  // namespace brokerlab::ui
