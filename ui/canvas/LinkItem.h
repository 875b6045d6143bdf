#pragma once

// A connection between two components, drawn as an arrow under everything else: what can flow
// where. Flights move along the same curve.

#include "canvas/Anchor.h"
#include "canvas/Flight.h"
#include "canvas/Theme.h"

#include <QGraphicsItem>

namespace brokerlab::ui {

class TopologyScene;

class LinkItem : public QGraphicsItem {
 public:
  enum class Style { Messages, DeadLetters, Http, StoreCalls };

  LinkItem(const TopologyScene& scene, Endpoint fromEnd, Endpoint toEnd, Style style,
           const Theme& theme);
  // Recomputes the curve from the components' current positions (TopologyScene::curve).
  void updateGeometry();
  const Endpoint& fromEnd() const { return fromEnd_; }
  const Endpoint& toEnd() const { return toEnd_; }
  Style style() const { return style_; }
  const LinkCurve& curve() const { return curve_; }  // the arrow's, and its flights'
  void setTheme(const Theme& theme) {
    theme_ = &theme;
    update();
  }

  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

 private:
  const TopologyScene& scene_;
  Endpoint fromEnd_;
  Endpoint toEnd_;
  Style style_;
  const Theme* theme_;
  LinkCurve curve_;
  QPainterPath path_;
};

}  // namespace brokerlab::ui
