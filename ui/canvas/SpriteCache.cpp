#include "canvas/SpriteCache.h"

#include "canvas/Theme.h"

#include <QPaintEngine>
#include <QPainter>

#include <cmath>

namespace brokerlab::ui {

SpriteCache& SpriteCache::shared() {
  static SpriteCache cache;
  return cache;
}

void drawMark(QPainter* p, const QTransform& toDevice, SpriteCache::Mark mark, QColor colour,
              double radiusPx, int step, QPointF at) {
  const QPointF d = toDevice.map(at);
  const QPaintEngine* engine = p->paintEngine();
  if (engine && engine->type() != QPaintEngine::Raster) {
    p->setRenderHint(QPainter::Antialiasing);
    SpriteCache::draw(*p, mark, colour, d, radiusPx, step);
    return;
  }
  const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
  const QPixmap& sprite = SpriteCache::shared().sprite(mark, colour, radiusPx, dpr, step);
  const QSizeF size = sprite.deviceIndependentSize();
  p->drawPixmap(
      QPointF(std::round(d.x() - size.width() / 2), std::round(d.y() - size.height() / 2)), sprite);
}

const QPixmap& SpriteCache::sprite(Mark mark, QColor colour, double radiusPx, qreal dpr, int step) {
  const int quarter = std::max(2, static_cast<int>(std::lround(radiusPx * 4)));
  const auto key = std::make_tuple(static_cast<std::uint8_t>(mark), colour.rgba(), quarter,
                                   static_cast<int>(std::lround(dpr * 100)), step);
  auto it = sprites_.find(key);
  if (it != sprites_.end()) return it->second;
  if (sprites_.size() > 2048) sprites_.clear();  // zoomed many times: start afresh
  const double r = quarter / 4.0;
  const int side = static_cast<int>(std::ceil(2 * r + 8));
  QPixmap pixmap(static_cast<int>(std::ceil(side * dpr)), static_cast<int>(std::ceil(side * dpr)));
  pixmap.setDevicePixelRatio(dpr);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  draw(p, mark, colour, QPointF(side / 2.0, side / 2.0), r, step);
  p.end();
  return sprites_.emplace(key, std::move(pixmap)).first->second;
}

void SpriteCache::draw(QPainter& p, Mark mark, QColor colour, QPointF c, double r, int step) {
  const QColor ink(0x1f, 0x23, 0x28);
  const double line = std::max(1.0, r / 3);
  const double outline = std::max(1.2, r / 8);  // an instance's outline, like the items' lines
  switch (mark) {
    case Mark::Dot:
      p.setPen(QPen(colour.darker(140), std::max(1.0, r / 6)));
      p.setBrush(colour);
      p.drawEllipse(c, r, r);
      break;
    case Mark::RingedDot:
      p.setPen(QPen(ink, line * 1.2));
      p.setBrush(colour);
      p.drawEllipse(c, r, r);
      break;
    case Mark::Ack:
    case Mark::Nack:
      p.setPen(QPen(colour, line));
      p.setBrush(Qt::white);
      p.drawEllipse(c, r, r);
      break;
    case Mark::Particle:
      p.setPen(Qt::NoPen);
      p.setBrush(colour);
      p.drawEllipse(c, r, r);
      break;
    case Mark::Box:
      p.setPen(Qt::NoPen);
      p.setBrush(colour);
      p.drawRect(QRectF(c.x() - r, c.y() - r * 0.8, 2 * r, 1.6 * r));
      break;
    case Mark::InstanceIdle:
      p.setPen(QPen(ink, outline));
      p.setBrush(Qt::white);
      p.drawEllipse(c, r, r);
      break;
    case Mark::InstanceBusy: {
      // Filled in the message's colour; the dark wedge is how much of its service is done.
      p.setPen(QPen(ink, outline));
      p.setBrush(colour);
      p.drawEllipse(c, r, r);
      if (step <= kProgressSteps) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 90));
        const double w = r - outline * 1.5;
        p.drawPie(QRectF(c.x() - w, c.y() - w, 2 * w, 2 * w), 90 * 16,
                  -step * 360 * 16 / kProgressSteps);
      }
      break;
    }
    case Mark::InstanceCrashed: {
      p.setPen(QPen(colour, outline));
      p.setBrush(colour);
      p.drawEllipse(c, r, r);
      p.setPen(QPen(Qt::white, std::max(2.0, r / 5)));
      const double k = r * 0.45;
      p.drawLine(c + QPointF(-k, -k), c + QPointF(k, k));
      p.drawLine(c + QPointF(-k, k), c + QPointF(k, -k));
      break;
    }
    case Mark::InstanceRebalancing:
      p.setPen(QPen(colour, std::max(2.0, r / 4)));
      p.setBrush(colour.lighter(170));
      p.drawEllipse(c, r, r);
      break;
    case Mark::InstanceOffline: {
      QPen pen(colour, outline);
      pen.setStyle(Qt::DashLine);
      p.setPen(pen);
      p.setBrush(Qt::NoBrush);
      p.drawEllipse(c, r, r);
      break;
    }
  }
}

}  // namespace brokerlab::ui
