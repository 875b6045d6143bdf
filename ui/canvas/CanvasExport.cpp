#include "canvas/CanvasExport.h"

#include "canvas/TopologyScene.h"

#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace brokerlab::ui {

namespace {
constexpr double kPngScale = 2.0;
}

bool exportCanvasPng(TopologyScene& scene, const QString& path, QString* error) {
  const QRectF source = scene.contentRect();
  QImage image((source.size() * kPngScale).toSize(), QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  {
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&p, QRectF(QPointF(0, 0), image.size()), source);
  }
  QSaveFile file(path);
  QImageWriter writer(&file, "png");
  if (!file.open(QIODevice::WriteOnly) || !writer.write(image) || !file.commit()) {
    *error =
        writer.error() != QImageWriter::UnknownError ? writer.errorString() : file.errorString();
    return false;
  }
  return true;
}

bool exportCanvasSvg(TopologyScene& scene, const QString& path, QString* error) {
  const QRectF source = scene.contentRect();
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    *error = file.errorString();
    return false;
  }
  QSvgGenerator svg;
  svg.setOutputDevice(&file);
  svg.setSize(source.size().toSize());
  svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
  svg.setTitle(QStringLiteral("BrokerLab"));
  {
    QPainter p(&svg);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&p, QRectF(QPointF(0, 0), source.size()), source);
  }
  if (!file.commit()) {
    *error = file.errorString();
    return false;
  }
  return true;
}

}  // namespace brokerlab::ui
