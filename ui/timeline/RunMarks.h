#pragma once

// The marked moments of one run: the scenario's faults, offset resets and captions, and the
// faults and resets applied live (from the controller's timeline), with the text their tooltips
// give.

#include "timeline/TimeScrubber.h"

#include <optional>
#include <vector>

namespace brokerlab::ui {

class SimulationController;

std::vector<TimeScrubber::Mark> runMarks(const SimulationController& controller);

// Where Page Down (`direction` +1) or Page Up (-1) lands from `now`: the next mark after it, or the
// last before it (the start when there is none); nothing after the last mark.
std::optional<SimTime> adjacentMark(const std::vector<TimeScrubber::Mark>& marks, SimTime now,
                                    int direction);

}  // namespace brokerlab::ui
