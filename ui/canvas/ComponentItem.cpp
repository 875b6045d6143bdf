#include "canvas/ComponentItem.h"

#include <QFontMetricsF>
#include <QPainter>

namespace brokerlab::ui {

ComponentItem::ComponentItem(std::uint32_t component, ComponentKind kind, QString id,
                             const Theme& theme)
    : component_(component), kind_(kind), id_(std::move(id)), theme_(&theme) {
  setFlag(QGraphicsItem::ItemIsSelectable);
  setAcceptHoverEvents(true);
  // No item cache: most items change every frame while a run plays, and a cache would then be
  // painted and copied each frame; the costly marks are sprites instead (SpriteCache).
}

void ComponentItem::setTheme(const Theme& theme) {
  prepareGeometryChange();
  theme_ = &theme;
  texts_.clear();
  updateBounds();
  update();
}

void ComponentItem::setBody(const QRectF& body) {
  prepareGeometryChange();
  body_ = body;
  updateBounds();
}

void ComponentItem::updateBounds() {
  const QFontMetricsF fm(theme_->titleFont());
  const double titleWidth = fm.horizontalAdvance(id_) + 8;
  QRectF r = body_.adjusted(-6, -6 - (fm.height() + 6), 6, 6);
  if (titleWidth > r.width())
    r.adjust(-(titleWidth - r.width()) / 2, 0, (titleWidth - r.width()) / 2, 0);
  bounds_ = r;
}

QRectF ComponentItem::boundingRect() const {
  return bounds_;
}

Anchor ComponentItem::anchor(const Endpoint&, bool incoming, QPointF) const {
  return incoming ? local({body_.left(), 0}, {-1, 0}) : local({body_.right(), 0}, {1, 0});
}

QRectF ComponentItem::titleRect() const {
  const QFontMetricsF fm(theme_->titleFont());
  const double wide = fm.horizontalAdvance(id_);
  return mapRectToScene(
      QRectF(body_.center().x() - wide / 2, body_.top() - fm.height() - 4, wide, fm.height()));
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
                              const QFont& font, const QColor& colour, int flags) const {
  CachedText* cached = nullptr;
  for (CachedText& t : texts_)
    if (t.text == text && t.font == font) cached = &t;
  if (!cached) {
    if (texts_.size() >= 48) texts_.clear();
    QStaticText laidOut(text);
    laidOut.setTextFormat(Qt::PlainText);
    laidOut.setPerformanceHint(QStaticText::AggressiveCaching);
    laidOut.prepare(QTransform(), font);
    texts_.push_back({text, font, laidOut});
    cached = &texts_.back();
  }
  // Counts outgrow the box a body was sized for (a client's "done 191 · ✗ 114" at the end of a
  // run), and lecture mode's type is larger on the same bodies: text wider than its box is drawn
  // smaller to fit, never over the body's edge and its neighbours.
  const QSizeF laidOut = cached->laidOut.size();
  const double fit =
      laidOut.width() > box.width() && box.width() > 0 ? box.width() / laidOut.width() : 1.0;
  const QSizeF size = laidOut * fit;
  double x = box.left() + (box.width() - size.width()) / 2;
  if (flags & Qt::AlignLeft) x = box.left();
  if (flags & Qt::AlignRight) x = box.right() - size.width();
  double y = box.top() + (box.height() - size.height()) / 2;
  if (flags & Qt::AlignTop) y = box.top();
  if (flags & Qt::AlignBottom) y = box.bottom() - size.height();
  p->setFont(font);
  p->setPen(colour);
  if (fit == 1.0) {
    p->drawStaticText(QPointF(x, y), cached->laidOut);
    return;
  }
  p->save();
  p->translate(x, y);
  p->scale(fit, fit);
  p->drawStaticText(QPointF(0, 0), cached->laidOut);
  p->restore();
}

}  // namespace brokerlab::ui
