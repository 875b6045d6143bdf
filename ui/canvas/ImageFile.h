#pragma once

// Pictures written whole or not at all, for every export and screenshot: a regular file is
// replaced atomically (a failed write keeps the old one); a device or a pipe (/dev/stdout) is
// written in place. `error` says why when it fails.

#include <QSize>
#include <QString>

#include <functional>

class QImage;
class QPainter;

namespace brokerlab::ui {

bool writePng(const QImage& image, const QString& path, QString* error);
// An SVG of `size` whose content `paint` draws (a scene, a widget).
bool writeSvg(QSize size, const QString& title, const std::function<void(QPainter&)>& paint,
              const QString& path, QString* error);

}  // namespace brokerlab::ui
