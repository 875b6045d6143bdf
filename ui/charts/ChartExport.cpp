#include "charts/ChartExport.h"

#include "canvas/ImageFile.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QImage>
#include <QMessageBox>
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

bool saveChartAs(QWidget* parent, QWidget& chart, const QString& stem, bool svg) {
  const auto tr = [](const char* text) { return QCoreApplication::translate("ChartExport", text); };
  const QString path =
      QFileDialog::getSaveFileName(parent, tr("Export the chart"),
                                   stem + (svg ? QStringLiteral(".svg") : QStringLiteral(".png")),
                                   svg ? tr("SVG pictures (*.svg)") : tr("PNG pictures (*.png)"));
  if (path.isEmpty()) return false;
  QString error;
  if (svg ? exportChartSvg(chart, path, &error) : exportChartPng(chart, path, &error)) return true;
  QMessageBox::critical(parent, tr("Export failed"), tr("%1 was not written: %2").arg(path, error));
  return false;
}

}  // namespace brokerlab::ui
