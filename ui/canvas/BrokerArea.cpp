#include "canvas/BrokerArea.h"

#include "canvas/Text.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

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

namespace {

constexpr qreal kCornerRadius = 18;

qreal length(QPointF v) {
  return std::hypot(v.x(), v.y());
}

// The outline of a union of rectangles with every corner rounded, the inner ones too. Rounded
// rectangles united meet in notches where one part's rounded corners overlap the next's (two
// queues stacked left a dent in the broker's edge between them).
QPainterPath rounded(QPolygonF outline, qreal radius) {
  if (outline.size() > 1 && outline.front() == outline.back()) outline.removeLast();
  QPainterPath path;
  const qsizetype n = outline.size();
  if (n < 3) return path;
  for (qsizetype i = 0; i < n; ++i) {
    const QPointF at = outline[i];
    const QPointF toPrevious = outline[(i + n - 1) % n] - at;
    const QPointF toNext = outline[(i + 1) % n] - at;
    const qreal before = length(toPrevious), after = length(toNext);
    const qreal r = std::min({radius, before / 2, after / 2});
    const QPointF in = before > 0 ? at + toPrevious * (r / before) : at;
    const QPointF out = after > 0 ? at + toNext * (r / after) : at;
    if (i == 0)
      path.moveTo(in);
    else
      path.lineTo(in);
    path.quadTo(at, out);
  }
  path.closeSubpath();
  return path;
}

}  // namespace

void BrokerArea::setParts(const std::vector<QRectF>& parts) {
  prepareGeometryChange();
  QPainterPath area;
  area.setFillRule(Qt::WindingFill);
  for (const QRectF& r : parts) {
    QPainterPath p;
    p.addRect(r.adjusted(-28, -20, 28, 36));
    area = area.united(p);
  }
  area_ = QPainterPath();
  for (const QPolygonF& outline : area.simplified().toSubpathPolygons())
    area_.addPath(rounded(outline, kCornerRadius));
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
