#pragma once

// The base of every component's picture on the canvas: a body centred on the item's position, a
// title, anchors where links and flights attach, and refresh() that reads this component's state
// once per frame and repaints only what changed.

#include "canvas/Anchor.h"
#include "canvas/Flight.h"
#include "canvas/FrameView.h"
#include "canvas/Theme.h"
#include "scenario/Scenario.h"

#include <QGraphicsItem>
#include <QStaticText>
#include <QString>

#include <vector>

#include <cstdint>

namespace brokerlab::ui {

class ComponentItem : public QGraphicsItem {
 public:
  ComponentItem(std::uint32_t component, ComponentKind kind, QString id, const Theme& theme);

  std::uint32_t component() const { return component_; }
  ComponentKind kind() const { return kind_; }
  const QString& id() const { return id_; }

  // Reads what this component shows; calls update() when any of it changed.
  virtual void refresh(const FrameView& frame) = 0;
  // Where a link or a flight to (incoming) or from `end` meets this item, in scene coordinates.
  // `towards` is where the other end is (scene coordinates), for items with more than one side.
  virtual Anchor anchor(const Endpoint& end, bool incoming, QPointF towards) const;
  // A one-line summary for tests and the accessibility name: what the item shows now.
  virtual QString summary() const = 0;

  QRectF boundingRect() const override;
  void setTheme(const Theme& theme);
  // Where the title's text is drawn, in scene coordinates (links are kept out of it).
  QRectF titleRect() const;

 protected:
  // The body in item coordinates (centred on 0,0); the bounding rect adds room for the title.
  void setBody(const QRectF& body);
  const QRectF& body() const { return body_; }
  const Theme& theme() const { return *theme_; }
  void paintTitle(QPainter* p) const;
  // Text aligned in `box` (Qt::Alignment flags), in `font` and `colour`. Laid out once and kept
  // (QStaticText): most of what an item writes is the same from frame to frame.
  void paintText(QPainter* p, const QRectF& box, const QString& text, const QFont& font,
                 const QColor& colour, int flags = Qt::AlignCenter) const;
  Anchor local(QPointF pos, QPointF dir) const { return {mapToScene(pos), dir}; }
  // Replaces `value` with `next`; true (and the item scheduled for repaint) when they differ.
  template <typename T>
  bool changed(T& value, const T& next) {
    if (value == next) return false;
    value = next;
    update();
    return true;
  }

 private:
  void updateBounds();

  std::uint32_t component_;
  ComponentKind kind_;
  QString id_;
  const Theme* theme_;
  QRectF body_;
  QRectF bounds_;  // the body plus the title, worked out when either changes
  struct CachedText {
    QString text;
    QFont font;
    QStaticText laidOut;
  };
  mutable std::vector<CachedText> texts_;  // a few dozen at most: cleared when it grows past that
};

}  // namespace brokerlab::ui
