#pragma once

// The marked moments of one run: the scenario's faults, offset resets and captions, and the
// faults and resets applied live (from the controller's timeline), with the text their tooltips
// give.

#include "timeline/TimeScrubber.h"

#include <vector>

namespace brokerlab::ui {

class SimulationController;

std::vector<TimeScrubber::Mark> runMarks(const SimulationController& controller);

}  // namespace brokerlab::ui
