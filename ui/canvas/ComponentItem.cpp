#include "canvas/ComponentItem.h"

#include <QFontMetricsF>
#include <QPainter>

namespace brokerlab::ui {

ComponentItem::ComponentItem(std::uint32_t component, ComponentKind kind, QString id,
                             const Theme& theme)
    : component_(component), kind_(kind), id_(std::move(id)), theme_(&theme) {
  setFlag(QGraphicsItem::ItemIsSelectable);
  setAcceptHoverEvents(true);
}

void ComponentItem::setTheme(const Theme& theme) {
  prepareGeometryChange();
  theme_ = &theme;
  update();
}

void ComponentItem::setBody(const QRectF& body) {
  prepareGeometryChange();
  body_ = body;
}

QRectF ComponentItem::boundingRect() const {
  const double title = QFontMetricsF(theme_->titleFont()).height() + 6;
  const QFontMetricsF fm(theme_->titleFont());
  const double titleWidth = fm.horizontalAdvance(id_) + 8;
  QRectF r = body_.adjusted(-6, -6 - title, 6, 6);
  if (titleWidth > r.width())
    r.adjust(-(titleWidth - r.width()) / 2, 0, (titleWidth - r.width()) / 2, 0);
  return r;
}

Anchor ComponentItem::anchor(const Endpoint&, bool incoming, QPointF) const {
  return incoming ? local({body_.left(), 0}, {-1, 0}) : local({body_.right(), 0}, {1, 0});
}

void ComponentItem::paintTitle(QPainter* p) const {
  const QFontMetricsF fm(theme_->titleFont());
  const QRectF box(body_.center().x() - 400, body_.top() - fm.height() - 4, 800, fm.height());
  paintText(p, box, id_, theme_->titleFont(), theme_->ink());
  if (isSelected()) {
    p->setPen(QPen(QColor(okabeIto::kBlue), theme_->line(), Qt::DashLine));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(body_.adjusted(-5, -5, 5, 5), 8, 8);
  }
}

void ComponentItem::paintText(QPainter* p, const QRectF& box, const QString& text,
                              const QFont& font, const QColor& colour, int flags) {
  p->setFont(font);
  p->setPen(colour);
  p->drawText(box, flags, text);
}

}  // namespace brokerlab::ui
