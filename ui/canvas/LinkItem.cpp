#include "canvas/LinkItem.h"

#include "canvas/ComponentItem.h"

#include <QPainter>
#include <QPainterPathStroker>

#include <cmath>

namespace brokerlab::ui {

LinkItem::LinkItem(const ComponentItem& from, Endpoint fromEnd, const ComponentItem& to,
                   Endpoint toEnd, Style style, const Theme& theme)
    : from_(from), to_(to), fromEnd_(fromEnd), toEnd_(toEnd), style_(style), theme_(&theme) {
  setZValue(-1);
  setCacheMode(QGraphicsItem::DeviceCoordinateCache);  // drawn again only when it moves
  updateGeometry();
}

void LinkItem::updateGeometry() {
  prepareGeometryChange();
  const Anchor a = from_.anchor(fromEnd_, false, to_.scenePos());
  const Anchor b = to_.anchor(toEnd_, true, from_.scenePos());
  curve_ = LinkCurve::between(a, b);
  path_ = curve_.path();
}

QRectF LinkItem::boundingRect() const {
  return path_.boundingRect().adjusted(-12, -12, 12, 12);
}

QPainterPath LinkItem::shape() const {
  QPainterPathStroker stroker;
  stroker.setWidth(8);
  return stroker.createStroke(path_);
}

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  QPen pen(theme_->link(), theme_->thinLine() * 1.4);
  switch (style_) {
    case Style::DeadLetters:
      pen.setColor(theme_->error());
      pen.setStyle(Qt::DashLine);
      break;
    case Style::Http:
      pen.setColor(theme_->http());
      break;
    case Style::StoreCalls:
      pen.setStyle(Qt::DotLine);
      break;
    case Style::Messages:
      break;
  }
  p->setPen(pen);
  p->setBrush(Qt::NoBrush);
  p->drawPath(path_);
  // The arrowhead, along the curve's last direction.
  QPointF tangent = curve_.tangentAt(1.0);
  const double len = std::hypot(tangent.x(), tangent.y());
  if (len < 1e-6) return;
  tangent /= len;
  const QPointF normal(-tangent.y(), tangent.x());
  const double size = 9 * theme_->scale();
  const QPointF tip = curve_.p3;
  p->setPen(Qt::NoPen);
  p->setBrush(pen.color());
  p->drawPolygon(QPolygonF({tip, tip - tangent * size + normal * size * 0.5,
                            tip - tangent * size - normal * size * 0.5}));
}

}  // namespace brokerlab::ui
