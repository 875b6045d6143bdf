#include "canvas/Anchor.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

LinkCurve LinkCurve::between(const Anchor& a, const Anchor& b) {
  const double distance = QLineF(a.pos, b.pos).length();
  const double reach = std::clamp(distance * 0.4, 20.0, 160.0);
  return {a.pos, a.pos + a.dir * reach, b.pos + b.dir * reach, b.pos};
}

QPointF LinkCurve::at(double t) const {
  const double u = 1 - t;
  return p0 * (u * u * u) + p1 * (3 * u * u * t) + p2 * (3 * u * t * t) + p3 * (t * t * t);
}

QPointF LinkCurve::tangentAt(double t) const {
  const double u = 1 - t;
  return (p1 - p0) * (3 * u * u) + (p2 - p1) * (6 * u * t) + (p3 - p2) * (3 * t * t);
}

QPainterPath LinkCurve::path() const {
  QPainterPath path(p0);
  path.cubicTo(p1, p2, p3);
  return path;
}

LinkCurve LinkCurve::shifted(double offset) const {
  QPointF d = p3 - p0;
  const double len = std::hypot(d.x(), d.y());
  if (len < 1e-6) return *this;
  const QPointF normal(-d.y() / len * offset, d.x() / len * offset);
  return {p0 + normal, p1 + normal, p2 + normal, p3 + normal};
}

}  // namespace brokerlab::ui
