#pragma once

// Copies of the simulator taken as a run goes (a copy is a checkpoint: the state is plain data),
// so that any earlier moment can be reached again by copying the latest checkpoint before it and
// running forward: deterministic re-simulation, the same state as the first time.
//
// Memory stays bounded: at most kMaxCheckpoints copies and kBudgetBytes in all. When either is
// reached every other checkpoint goes and the spacing doubles, so a run of any length keeps
// checkpoints spread over all of it, and landing re-runs at most two spacings of events.

#include "sim/Simulator.h"

#include <cstdint>
#include <vector>

namespace brokerlab::ui {

class CheckpointStore {
 public:
  static constexpr std::size_t kMaxCheckpoints = 64;
  static constexpr std::size_t kBudgetBytes = std::size_t{512} << 20;
  static constexpr std::uint64_t kFirstSpacingEvents = std::uint64_t{1} << 16;

  // Starts over from `initial` (time 0), which is always kept.
  void reset(const Simulator& initial);
  // Takes a checkpoint of `sim` when the spacing has passed since the last one (events).
  void offer(const Simulator& sim);
  // Forgets every checkpoint after time `t` (the run changed from there: a live fault).
  void dropAfter(SimTime t);
  // The latest checkpoint whose time is at or before `t`.
  const Simulator& latestAtOrBefore(SimTime t) const;

  std::size_t count() const { return points_.size(); }
  std::size_t bytes() const { return bytes_; }
  std::uint64_t spacingEvents() const { return spacing_; }
  SimTime lastTime() const { return points_.empty() ? 0 : points_.back().sim.now(); }

 private:
  struct Point {
    Simulator sim;
    std::size_t bytes;
  };
  void thin();

  std::vector<Point> points_;  // in time order; points_[0] is time 0
  std::size_t bytes_ = 0;
  std::uint64_t spacing_ = kFirstSpacingEvents;
};

}  // namespace brokerlab::ui
