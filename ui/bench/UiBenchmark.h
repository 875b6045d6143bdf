#pragma once

// `brokerlab --bench-ui`: frame times of the real window, offscreen, while a run plays. Each frame
// is what the timer does (advance the controller one 60 Hz frame, feed the canvas and, ten times
// a second, the charts) plus painting the canvas and, when they changed, the charts, timed
// together.

#include "scenario/Scenario.h"

#include <cstdint>
#include <vector>

namespace brokerlab::ui {

class MainWindow;

// A scenario that keeps about `inFlight` messages on the wire at once at 1x: eight producers
// sending over half-second links into eight queues, drained by eight consumers.
Scenario stressScenario(std::uint64_t inFlight);
// The same for an hour and a minute, sampled every 10 ms (--bench-ui --charts).
Scenario chartsStressScenario(std::uint64_t inFlight);

struct UiBenchResult {
  std::vector<double> frameMs;    // measured frames, in order
  std::vector<double> advanceMs;  // of which advancing the controller and the views' state
  std::uint64_t messagesInFlightMax = 0;
  std::uint64_t flightsDrawnMax = 0;
  int chartPointsMax = 0;  // points held by the charts (when the charts dock is open)
  int chartsOpen = 0;      // charts shown (with something to plot) at the end of the run
  double percentile(double p) const;
};

// Plays the window's open run at its current speed for `warmupFrames`, then measures `frames`.
UiBenchResult runUiBenchmark(MainWindow& window, int frames, int warmupFrames = 90);

}  // namespace brokerlab::ui
