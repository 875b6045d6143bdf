#include "window/Icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <functional>

namespace brokerlab::ui::icons {

namespace {

constexpr int kSize = 96;
const QColor kInk(0x1f, 0x23, 0x28);

QIcon drawn(const std::function<void(QPainter&)>& draw) {
  QIcon icon;
  for (int size : {kSize, kSize / 2, kSize / 4}) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 96.0, size / 96.0);
    p.setPen(QPen(kInk, 8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    draw(p);
    icon.addPixmap(pixmap);
  }
  return icon;
}

void triangle(QPainter& p, double left, double width) {
  p.setBrush(kInk);
  p.drawPolygon(QPolygonF({QPointF(left, 18), QPointF(left + width, 48), QPointF(left, 78)}));
}

void magnifier(QPainter& p) {
  p.drawEllipse(QPointF(40, 40), 24, 24);
  p.drawLine(QPointF(58, 58), QPointF(82, 82));
}

}  // namespace

QIcon open() {
  return drawn([](QPainter& p) {
    p.drawPolyline(QPolygonF({QPointF(12, 76), QPointF(12, 22), QPointF(36, 22), QPointF(44, 30),
                              QPointF(80, 30), QPointF(80, 44)}));
    p.drawPolygon(QPolygonF({QPointF(12, 76), QPointF(26, 44), QPointF(88, 44), QPointF(74, 76)}));
  });
}

QIcon save() {
  return drawn([](QPainter& p) {
    p.drawRoundedRect(QRectF(16, 16, 64, 64), 6, 6);
    p.drawRect(QRectF(30, 16, 36, 20));
    p.drawRect(QRectF(28, 52, 40, 28));
  });
}

QIcon play() {
  return drawn([](QPainter& p) { triangle(p, 26, 50); });
}

QIcon pause() {
  return drawn([](QPainter& p) {
    p.setBrush(kInk);
    p.drawRect(QRectF(24, 18, 14, 60));
    p.drawRect(QRectF(58, 18, 14, 60));
  });
}

QIcon step() {
  return drawn([](QPainter& p) {
    triangle(p, 18, 42);
    p.drawLine(QPointF(74, 18), QPointF(74, 78));
  });
}

QIcon restart() {
  return drawn([](QPainter& p) {
    QPainterPath arc;
    arc.arcMoveTo(QRectF(18, 18, 60, 60), 110);
    arc.arcTo(QRectF(18, 18, 60, 60), 110, 290);
    p.drawPath(arc);
    p.setBrush(kInk);
    p.drawPolygon(QPolygonF({QPointF(30, 8), QPointF(40, 30), QPointF(18, 30)}));
  });
}

QIcon fastForward() {
  return drawn([](QPainter& p) {
    triangle(p, 10, 38);
    triangle(p, 48, 38);
  });
}

QIcon runUntil() {
  return drawn([](QPainter& p) {
    triangle(p, 10, 38);
    p.drawLine(QPointF(62, 14), QPointF(62, 84));
    p.setBrush(QColor(0xd5, 0x5e, 0x00));
    p.drawPolygon(QPolygonF({QPointF(62, 16), QPointF(88, 26), QPointF(62, 36)}));
  });
}

QIcon fit() {
  return drawn([](QPainter& p) {
    p.drawPolyline(QPolygonF({QPointF(14, 34), QPointF(14, 14), QPointF(34, 14)}));
    p.drawPolyline(QPolygonF({QPointF(62, 14), QPointF(82, 14), QPointF(82, 34)}));
    p.drawPolyline(QPolygonF({QPointF(82, 62), QPointF(82, 82), QPointF(62, 82)}));
    p.drawPolyline(QPolygonF({QPointF(34, 82), QPointF(14, 82), QPointF(14, 62)}));
  });
}

QIcon zoomIn() {
  return drawn([](QPainter& p) {
    magnifier(p);
    p.drawLine(QPointF(28, 40), QPointF(52, 40));
    p.drawLine(QPointF(40, 28), QPointF(40, 52));
  });
}

QIcon zoomOut() {
  return drawn([](QPainter& p) {
    magnifier(p);
    p.drawLine(QPointF(28, 40), QPointF(52, 40));
  });
}

QIcon start() {
  return drawn([](QPainter& p) {
    p.drawPolyline(QPolygonF({QPointF(12, 46), QPointF(48, 14), QPointF(84, 46)}));
    p.drawPolyline(QPolygonF({QPointF(22, 40), QPointF(22, 82), QPointF(74, 82), QPointF(74, 40)}));
  });
}

QIcon lecture() {
  return drawn([](QPainter& p) {
    // A projection screen on its stand.
    p.drawRect(QRectF(12, 14, 72, 46));
    p.drawLine(QPointF(48, 60), QPointF(48, 82));
    p.drawLine(QPointF(34, 84), QPointF(62, 84));
    p.setBrush(kInk);
    p.drawPolygon(QPolygonF({QPointF(38, 26), QPointF(62, 37), QPointF(38, 48)}));
  });
}

QIcon application() {
  return drawn([](QPainter& p) {
    // A producer, a queue of three messages, a consumer: the product in one glance.
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x00, 0x72, 0xb2));
    p.drawRoundedRect(QRectF(4, 34, 22, 28), 5, 5);
    p.setPen(QPen(kInk, 5));
    p.setBrush(Qt::white);
    p.drawRoundedRect(QRectF(30, 36, 40, 24), 12, 12);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xe6, 0x9f, 0x00));
    for (int i = 0; i < 3; ++i) p.drawRect(QRectF(38 + i * 9, 42, 6, 12));
    p.setBrush(QColor(0x00, 0x9e, 0x73));
    p.drawEllipse(QPointF(84, 48), 10, 10);
  });
}

}  // namespace brokerlab::ui::icons
