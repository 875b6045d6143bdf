#pragma once

// Where each component sits on the canvas: the scenario's `layout` (x, y: the component's centre in
// canvas units, a pixel at 100% zoom) where it gives one, and otherwise an automatic layout in
// columns by role, left to right: producers and clients, APIs, the broker's queues, topics and
// streams (with each status store under the job queue it serves), consumers and workers. Within a
// column, components line up with what they connect to, so arrows cross as little as they can.
// Many pipelines that share nothing are set side by side in bands (LayoutBands) when the picture
// would otherwise be a tall strip.

#include "model/Model.h"
#include "scenario/Scenario.h"

#include <QPointF>
#include <QSizeF>

#include <vector>

namespace brokerlab::ui {

// `sizes[c]` is component c's size on the canvas; the result has one centre per component.
// `foldToFit`: a column that sets the picture's height may go into two sub-columns when that draws
// it clearly larger on a wide canvas; `foldedToFit`, if given, says whether one did.
std::vector<QPointF> layoutComponents(const Scenario& scenario, const Model& model,
                                      const std::vector<QSizeF>& sizes, bool foldToFit = true,
                                      bool* foldedToFit = nullptr);

// The automatic layout's column of a component kind (0 = leftmost).
int layoutColumn(ComponentKind kind);

}  // namespace brokerlab::ui
