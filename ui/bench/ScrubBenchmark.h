#pragma once

// `brokerlab --bench-scrub [FILE]`: the timeline scrubber's promise, measured. A run of about ten
// million events is played to its end (taking checkpoints as the window does), then landed at
// seeded random earlier moments; each landing is timed and compared with a straight run to the
// same moment (Simulator::operator==).

#include "scenario/Scenario.h"

#include <cstdint>
#include <vector>

namespace brokerlab::ui {

// A built-in run of about `events` events: three producers, one queue, eight consumer instances.
Scenario scrubScenario(std::uint64_t events);

struct ScrubLanding {
  SimTime at = 0;
  double ms = 0;
  bool equal = false;
};

struct ScrubBenchResult {
  std::uint64_t events = 0;  // in the whole run
  double runSeconds = 0;     // playing it to the end, checkpoints included
  std::vector<ScrubLanding> landings;
  std::size_t checkpoints = 0;
  std::size_t checkpointBytes = 0;
  std::uint64_t spacingEvents = 0;
};

ScrubBenchResult runScrubBenchmark(const Scenario& scenario, int landings, std::uint64_t seed);

}  // namespace brokerlab::ui
