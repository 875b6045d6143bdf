#include "canvas/LinkRoute.h"

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {

constexpr double kClearance = 4;  // canvas units between a link and a box it passes
constexpr int kSamples = 64;

bool passesNone(const LinkCurve& c, const std::vector<QRectF>& boxes) {
  for (int i = 1; i < kSamples; ++i) {
    const QPointF at = c.at(static_cast<double>(i) / kSamples);
    for (const QRectF& box : boxes)
      if (box.contains(at)) return false;
  }
  return true;
}

}  // namespace

LinkCurve routeAround(const Anchor& a, const Anchor& b, const std::vector<QRectF>& components,
                      bool* clear) {
  if (clear) *clear = true;
  const LinkCurve plain = LinkCurve::between(a, b);
  // Only the boxes between the two ends, across the heights the link moves through: an end's own
  // box holds its anchor, so it is never wholly between them.
  const double left = std::min(a.pos.x(), b.pos.x());
  const double right = std::max(a.pos.x(), b.pos.x());
  const QRectF corridor(QPointF(left, std::min(a.pos.y(), b.pos.y()) - 40),
                        QPointF(right, std::max(a.pos.y(), b.pos.y()) + 40));
  std::vector<QRectF> boxes;
  for (const QRectF& r : components) {
    const QRectF box = r.adjusted(-kClearance, -kClearance, kClearance, kClearance);
    if (box.left() > left && box.right() < right && box.intersects(corridor)) boxes.push_back(box);
  }
  if (boxes.empty() || passesNone(plain, boxes)) return plain;
  if (clear) *clear = false;  // until a turn below clears them
  // Left to right, or right to left, leaving and entering sideways: the turns below are along x.
  const double sx = b.pos.x() > a.pos.x() ? 1 : -1;
  if (a.dir.x() * sx < 0.9 || b.dir.x() * sx > -0.9) return plain;
  const double span = right - left;
  double first = span;  // from a, where the boxes begin and end
  double last = 0;
  for (const QRectF& box : boxes) {
    const double nearEdge = sx > 0 ? box.left() - a.pos.x() : a.pos.x() - box.right();
    const double farEdge = sx > 0 ? box.right() - a.pos.x() : a.pos.x() - box.left();
    first = std::min(first, nearEdge);
    last = std::max(last, farEdge);
  }
  // Turn early: the cubic reaches the target's height before the first box, a straight run at
  // that height passes the boxes to the target. Or turn late: a straight run at the source's
  // height past the last box, then the cubic. Each clears the boxes when its run's height lies
  // in the gaps between them, which the staggered sub-columns leave.
  const auto along = [&](double d) { return a.pos.x() + sx * d; };
  const double before = first - 2 * kClearance;       // where a turn before the boxes ends
  const double after = span - last - 2 * kClearance;  // the room for a turn after them
  if (before > 20) {
    const QPointF q(along(before), b.pos.y());
    const double reach = before * 0.4;
    const LinkCurve early =
        LinkCurve::runs(a.pos, a.pos, a.pos + a.dir * reach, q + QPointF(-sx * reach, 0), q, b.pos);
    if (passesNone(early, boxes)) {
      if (clear) *clear = true;
      return early;
    }
  }
  if (after > 20) {
    const QPointF q(along(span - after), a.pos.y());
    const double reach = after * 0.4;
    const LinkCurve late =
        LinkCurve::runs(a.pos, q, q + QPointF(sx * reach, 0), b.pos + b.dir * reach, b.pos, b.pos);
    if (passesNone(late, boxes)) {
      if (clear) *clear = true;
      return late;
    }
  }
  return plain;
}

}  // namespace brokerlab::ui
