#pragma once

// A link's curve around the components between its ends. The plain cubic between two anchors
// turns halfway, so a link to a component in a far sub-column (the second column of a fan-out's
// subscribers, a crowd's far clients) ran through the nearer ones. Such a link instead turns
// before the components in its way (reaching its target's height in the open space next to its
// source) or after them (keeping its source's height through the gap between them), whichever
// clears them first; one cubic still, so a flight drawn at progress t sits on the arrow.

#include "canvas/Anchor.h"

#include <QRectF>

#include <vector>

namespace brokerlab::ui {

// The curve from `a` to `b` that passes none of `components` (their boxes: only those
// wholly between the two ends count, never the ends' own), or the plain curve
// (LinkCurve::between) when that already passes none or when no turn clears them. `clear`, if
// given: whether the curve returned passes none of them.
LinkCurve routeAround(const Anchor& a, const Anchor& b, const std::vector<QRectF>& components,
                      bool* clear = nullptr);

}  // namespace brokerlab::ui
