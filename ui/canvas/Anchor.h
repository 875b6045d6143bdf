#pragma once

// Where a link or a flight meets a component, and the direction it leaves or enters by; the path
// between two anchors is one cubic curve, so a flight drawn at progress t sits on the arrow.

#include <QPainterPath>
#include <QPointF>

namespace brokerlab::ui {

struct Anchor {
  QPointF pos;
  QPointF dir{1, 0};  // unit vector pointing out of the component
};

// The cubic from `a` (leaving along a.dir) to `b` (entering against b.dir).
struct LinkCurve {
  QPointF p0, p1, p2, p3;
  static LinkCurve between(const Anchor& a, const Anchor& b);
  QPointF at(double t) const;
  QPointF tangentAt(double t) const;
  QPainterPath path() const;
  // The same curve moved sideways by `offset` (so requests and responses use two lanes).
  LinkCurve shifted(double offset) const;
};

}  // namespace brokerlab::ui
