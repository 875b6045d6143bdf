#include "canvas/BrokerArea.h"

#include "canvas/Text.h"

#include <QPainter>

namespace brokerlab::ui {

BrokerArea::BrokerArea(const Theme& theme) : theme_(&theme) {
  setZValue(-2);
  setCacheMode(QGraphicsItem::DeviceCoordinateCache);
  setAcceptedMouseButtons(Qt::NoButton);
  setToolTip(
      QStringLiteral("The broker: producers and consumers never talk to each other "
                     "directly; every message passes through its queues, topics and "
                     "streams (decoupling)."));
}

void BrokerArea::setParts(const std::vector<QRectF>& parts) {
  prepareGeometryChange();
  QPainterPath area;
  area.setFillRule(Qt::WindingFill);
  for (const QRectF& r : parts) {
    QPainterPath p;
    p.addRoundedRect(r.adjusted(-28, -20, 28, 36), 18, 18);
    area = area.united(p);
  }
  area_ = area.simplified();
}

void BrokerArea::setDownUntil(SimTime now, SimTime downUntil) {
  const bool down = now < downUntil;
  if (down == down_ && backAt_ == downUntil) return;
  down_ = down;
  backAt_ = downUntil;
  update();
}

QRectF BrokerArea::boundingRect() const {
  return area_.boundingRect().adjusted(-2, -2, 2, 2);
}

void BrokerArea::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  if (area_.isEmpty()) return;
  p->setRenderHint(QPainter::Antialiasing);
  QColor fill = down_ ? QColor(0xfb, 0xe0, 0xd0) : theme_->brokerArea();
  p->setPen(QPen(down_ ? theme_->error() : fill.darker(115), theme_->thinLine(), Qt::DashLine));
  p->setBrush(fill);
  p->drawPath(area_);
  const QString label = down_ ? QStringLiteral("BROKER DOWN · back at %1").arg(formatClock(backAt_))
                              : QStringLiteral("BROKER");
  p->setFont(theme_->smallFont());
  p->setPen(down_ ? theme_->error() : theme_->muted());
  // The label goes in the bottom-left corner of the first part.
  const QList<QPolygonF> parts = area_.toSubpathPolygons();
  const QRectF first = parts.isEmpty() ? area_.boundingRect() : parts.first().boundingRect();
  p->drawText(first.adjusted(14, 8, -14, -8), Qt::AlignLeft | Qt::AlignBottom, label);
}

}  // namespace brokerlab::ui
