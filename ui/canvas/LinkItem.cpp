#include "canvas/LinkItem.h"

#include "canvas/TopologyScene.h"

#include <QPainter>
#include <QPainterPathStroker>

#include <cmath>

namespace brokerlab::ui {

LinkItem::LinkItem(const TopologyScene& scene, Endpoint fromEnd, Endpoint toEnd, Style style,
                   const Theme& theme)
    : scene_(scene), fromEnd_(fromEnd), toEnd_(toEnd), style_(style), theme_(&theme) {
  setZValue(-1);
  setCacheMode(QGraphicsItem::DeviceCoordinateCache);  // drawn again only when it moves
  updateGeometry();
}

void LinkItem::updateGeometry() {
  prepareGeometryChange();
  curve_ = scene_.curve(fromEnd_, toEnd_);
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
  const QPointF tip = curve_.end;
  p->setPen(Qt::NoPen);
  p->setBrush(pen.color());
  p->drawPolygon(QPolygonF({tip, tip - tangent * size + normal * size * 0.5,
                            tip - tangent * size - normal * size * 0.5}));
}

}  // namespace brokerlab::ui
