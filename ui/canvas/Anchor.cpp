#include "canvas/Anchor.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

LinkCurve LinkCurve::cubic(QPointF p0, QPointF p1, QPointF p2, QPointF p3) {
  return runs(p0, p0, p1, p2, p3, p3);
}

LinkCurve LinkCurve::runs(QPointF from, QPointF p0, QPointF p1, QPointF p2, QPointF p3,
                          QPointF to) {
  LinkCurve c;
  c.p0 = p0;
  c.p1 = p1;
  c.p2 = p2;
  c.p3 = p3;
  c.start = from;
  c.end = to;
  c.leadLength = QLineF(from, p0).length();
  c.tailLength = QLineF(p3, to).length();
  // The cubic's length as a polyline of 16 chords: only the share of t each part gets uses it.
  QPointF last = p0;
  for (int i = 1; i <= 16; ++i) {
    const QPointF next = c.cubicAt(i / 16.0);
    c.cubicLength += QLineF(last, next).length();
    last = next;
  }
  return c;
}

LinkCurve LinkCurve::between(const Anchor& a, const Anchor& b) {
  const double distance = QLineF(a.pos, b.pos).length();
  const double reach = std::clamp(distance * 0.4, 20.0, 160.0);
  return cubic(a.pos, a.pos + a.dir * reach, b.pos + b.dir * reach, b.pos);
}

QPointF LinkCurve::cubicAt(double t) const {
  const double u = 1 - t;
  return p0 * (u * u * u) + p1 * (3 * u * u * t) + p2 * (3 * u * t * t) + p3 * (t * t * t);
}

QPointF LinkCurve::cubicTangentAt(double t) const {
  const double u = 1 - t;
  return (p1 - p0) * (3 * u * u) + (p2 - p1) * (6 * u * t) + (p3 - p2) * (3 * t * t);
}

LinkCurve::Part LinkCurve::partAt(double t) const {
  const double total = leadLength + cubicLength + tailLength;
  double d = std::clamp(t, 0.0, 1.0) * total;
  if (d < leadLength) return {Part::Lead, d / leadLength, total};
  d -= leadLength;
  if (d <= cubicLength || tailLength == 0)
    return {Part::Cubic, cubicLength > 0 ? d / cubicLength : 1, total};
  return {Part::Tail, (d - cubicLength) / tailLength, total};
}

QPointF LinkCurve::at(double t) const {
  if (leadLength == 0 && tailLength == 0) return cubicAt(t);
  const Part part = partAt(t);
  switch (part.which) {
    case Part::Lead:
      return start + (p0 - start) * part.fraction;
    case Part::Cubic:
      return cubicAt(part.fraction);
    case Part::Tail:
      return p3 + (end - p3) * part.fraction;
  }
  return p3;
}

QPointF LinkCurve::tangentAt(double t) const {
  if (leadLength == 0 && tailLength == 0) return cubicTangentAt(t);
  const Part part = partAt(t);
  switch (part.which) {  // scaled as the cubic's: per unit of t over the whole path
    case Part::Lead:
      return (p0 - start) * (part.total / leadLength);
    case Part::Cubic:
      return cubicTangentAt(part.fraction) * (part.total / std::max(cubicLength, 1e-9));
    case Part::Tail:
      return (end - p3) * (part.total / tailLength);
  }
  return cubicTangentAt(1);
}

QPainterPath LinkCurve::path() const {
  QPainterPath path(start);
  if (leadLength > 0) path.lineTo(p0);
  path.cubicTo(p1, p2, p3);
  if (tailLength > 0) path.lineTo(end);
  return path;
}

LinkCurve LinkCurve::shifted(double offset) const {
  QPointF d = end - start;
  const double len = std::hypot(d.x(), d.y());
  if (len < 1e-6) return *this;
  const QPointF normal(-d.y() / len * offset, d.x() / len * offset);
  return runs(start + normal, p0 + normal, p1 + normal, p2 + normal, p3 + normal, end + normal);
}

}  // namespace brokerlab::ui
