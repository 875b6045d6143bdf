#pragma once

// Folding a tall automatic layout into bands side by side. Twenty independent pipelines (a
// producer, its queue, its consumers) stack into one column of rows twenty times taller than it is
// wide, which a canvas can only show as a thin strip; cut between pipelines that share nothing
// and set side by side, the same picture fills a wide canvas at several times the scale. A band
// is never cut through: components drawn connected stay in one band, at the same places relative
// to each other.

#include <QPointF>
#include <QSizeF>

#include <cstdint>
#include <vector>

namespace brokerlab::ui {

// The canvas's shape the bands are chosen for: about what the window shows beside its docks.
inline constexpr double kCanvasAspect = 2.2;  // width / height

// Moves `centres` (component c's centre, its box `sizes[c]`) into the number of bands that shows
// the whole picture largest on a canvas of kCanvasAspect; `links[c]`: the components c is drawn
// connected to. Returns the number of bands (1: nothing moved).
int foldIntoBands(std::vector<QPointF>& centres, const std::vector<QSizeF>& sizes,
                  const std::vector<std::vector<std::uint32_t>>& links);

}  // namespace brokerlab::ui
