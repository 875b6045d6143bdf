#pragma once

// Runs a sweep's grid here: every (point, seed) is its own Simulator, handed out to `jobs` threads;
// each result lands in its run's slot, so the outcome is the same whatever the number of threads.

#include "SweepFigures.h"

#include "scenario/Scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace brokerlab::cli {

struct SweepOutcome {
  // Every point's seeds in grid order; empty where Ctrl-C stopped a run before it finished.
  std::vector<std::optional<RunFigures>> runs;
  std::size_t done = 0;
  bool interrupted = false;  // Ctrl-C: the runs stopped where they were
  std::string error;         // the first run (in grid order) that failed, and why
};

// The seeds of a point: the scenario's seed, then the ones after it (wrapping at 2^64).
std::vector<std::uint64_t> sweepSeeds(const Scenario& scenario, std::size_t count);

SweepOutcome runSweep(const std::vector<Scenario>& points, const std::vector<std::uint64_t>& seeds,
                      unsigned jobs);

}  // namespace brokerlab::cli
