#include "canvas/ImageFile.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace brokerlab::ui {

bool writePng(const QImage& image, const QString& path, QString* error) {
  const QFileInfo info(path);
  if (info.exists() && !info.isFile()) {  // a device or a pipe cannot be renamed over
    QFile device(path);
    if (!device.open(QIODevice::WriteOnly) || !QImageWriter(&device, "png").write(image)) {
      *error = device.errorString();
      return false;
    }
    return true;
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

bool writeSvg(QSize size, const QString& title, const std::function<void(QPainter&)>& paint,
              const QString& path, QString* error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    *error = file.errorString();
    return false;
  }
  QSvgGenerator svg;
  svg.setOutputDevice(&file);
  svg.setSize(size);
  svg.setViewBox(QRect(QPoint(0, 0), size));
  svg.setTitle(title);
  {
    QPainter p(&svg);
    paint(p);
  }
  if (!file.commit()) {
    *error = file.errorString();
    return false;
  }
  return true;
}

}  // namespace brokerlab::ui
