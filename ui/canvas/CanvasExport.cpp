#include "canvas/CanvasExport.h"

#include "canvas/ImageFile.h"
#include "canvas/TopologyScene.h"

#include <QImage>
#include <QPainter>

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
  return writePng(image, path, error);
}

bool exportCanvasSvg(TopologyScene& scene, const QString& path, QString* error) {
  const QRectF source = scene.contentRect();
  const auto paint = [&](QPainter& p) {
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&p, QRectF(QPointF(0, 0), source.size()), source);
  };
  return writeSvg(source.size().toSize(), QStringLiteral("BrokerLab"), paint, path, error);
}

}  // namespace brokerlab::ui
