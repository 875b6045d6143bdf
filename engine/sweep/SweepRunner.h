#pragma once

// Runs a sweep's grid on this machine: every (point, seed) is its own Simulator, handed out to
// `jobs` threads; each result lands in its run's slot, so the outcome is the same whatever the
// number of threads. The caller (brokerlab-cli, the window's sweep dialog) watches `done` and may
// ask the runs to stop; the runner itself reads no clock and prints nothing.

#include "sweep/SweepFigures.h"

#include "scenario/Scenario.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace brokerlab {

class Simulator;

struct SweepControl {
  // Set from any thread: every run stops where it is (between budgets of events).
  std::atomic<bool> stop{false};
  // Runs finished so far, for progress.
  std::atomic<std::size_t> done{0};
  // Called from a worker thread after each run; must be thread-safe (or empty).
  std::function<void()> runFinished;
  // Called on every simulator before it runs (brokerlab-cli's hook; empty in the window).
  std::function<void(Simulator&)> prepare;
};

struct SweepOutcome {
  // Every point's seeds in grid order; empty where a stop came before the run finished.
  std::vector<std::optional<RunFigures>> runs;
  std::size_t done = 0;
  bool stopped = false;  // asked to stop (Ctrl-C, Cancel) before every run finished
  std::string error;     // the first run (in grid order) that failed, and why
};

// The seeds of a point: the scenario's seed, then the ones after it (wrapping at 2^64).
std::vector<std::uint64_t> sweepSeeds(const Scenario& scenario, std::size_t count);

// Blocks until every run finished, one failed, or `control.stop` was set.
SweepOutcome runSweep(const std::vector<Scenario>& points, const std::vector<std::uint64_t>& seeds,
                      unsigned jobs, SweepControl& control);

}  // namespace brokerlab
