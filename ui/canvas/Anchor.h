#pragma once

// Where a link or a flight meets a component, and the direction it leaves or enters by; the path
// between two anchors is one cubic curve, so a flight drawn at progress t sits on the arrow.

#include <QPainterPath>
#include <QPointF>

#include <cstdint>

namespace brokerlab::ui {

struct Anchor {
  QPointF pos;
  QPointF dir{1, 0};  // unit vector pointing out of the component
};

// A link's path: one cubic from p0 to p3, with a straight run before it (from `start`) or after
// it (to `end`) where the link must keep a height past other components (LinkRoute); without
// them start == p0 and end == p3. Progress t runs along the three parts by their lengths.
struct LinkCurve {
  QPointF p0, p1, p2, p3;
  QPointF start, end;
  double leadLength = 0, cubicLength = 0, tailLength = 0;

  // The cubic alone, and the cubic after a straight run from `from` and before one to `to`.
  static LinkCurve cubic(QPointF p0, QPointF p1, QPointF p2, QPointF p3);
  static LinkCurve runs(QPointF from, QPointF p0, QPointF p1, QPointF p2, QPointF p3, QPointF to);
  // The cubic from `a` (leaving along a.dir) to `b` (entering against b.dir).
  static LinkCurve between(const Anchor& a, const Anchor& b);
  QPointF at(double t) const;
  QPointF tangentAt(double t) const;
  QPainterPath path() const;
  // The same curve moved sideways by `offset` (so requests and responses use two lanes).
  LinkCurve shifted(double offset) const;

 private:
  // Where progress t falls: which part, how far along it (0 to 1), and the path's whole length.
  struct Part {
    enum Which : std::uint8_t { Lead, Cubic, Tail } which;
    double fraction;
    double total;
  };
  Part partAt(double t) const;
  QPointF cubicAt(double t) const;
  QPointF cubicTangentAt(double t) const;
};

}  // namespace brokerlab::ui
