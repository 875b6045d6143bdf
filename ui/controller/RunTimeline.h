#pragma once

// A run's timeline in the window: its checkpoints and the changes applied live (faults, offset
// resets), so that the run can be landed at any earlier moment and played forward again with
// the same changes happening at the same instants: the state after landing equals a straight
// run to that moment.
//
// A live change is injected by the engine at the first free instant after the clock
// (Simulator::injectFault); re-applying it means running to the instant before and injecting it
// again, which gives the same instant because the run up to there is the same.

#include "controller/CheckpointStore.h"
#include "scenario/Scenario.h"
#include "sim/Simulator.h"

#include <optional>
#include <string>
#include <vector>

namespace brokerlab::ui {

struct LiveChange {
  std::optional<FaultSpec> fault;    // as applied: its `at` is the instant it started
  std::optional<ActionSpec> action;  // or an action
  SimTime at() const { return fault ? fault->at : action->at; }
  bool operator==(const LiveChange&) const = default;
};

class RunTimeline {
 public:
  // Starts over from `initial` (time 0): no live changes, checkpoints from there.
  void reset(const Simulator& initial);
  void offer(const Simulator& sim) { checkpoints_.offer(sim); }

  // Applies a change to `sim` now; on success it joins the timeline (later checkpoints go: the
  // future changed) and comes back with its instant. An error leaves everything as it was.
  std::string applyFault(Simulator& sim, const FaultSpec& spec, FaultSpec* applied);
  std::string applyAction(Simulator& sim, const ActionSpec& spec, ActionSpec* applied);
  // Replaces the list (undo, redo). Returns the earliest instant from which the run is no longer
  // what `now` shows (a change at or before it was added or removed), or kNever.
  SimTime setChanges(std::vector<LiveChange> changes, SimTime now);
  const std::vector<LiveChange>& changes() const { return changes_; }

  // Where a run now at `now` heading for `target` must stop so that the next change can be
  // re-applied: the instant before it, or `target`.
  SimTime stopFor(SimTime now, SimTime target) const;
  // Re-applies the change due at sim.now() + 1 (after stopFor); an error if it did not land on
  // its instant (the run is not the one it was recorded in).
  std::string applyDue(Simulator& sim);
  // A simulator at exactly `t` (not capturing records): the latest checkpoint at or before it,
  // run forward with the changes re-applied, taking checkpoints on the way. An error when the run
  // cannot get there (a run limit, a broken invariant).
  std::string landAt(SimTime t, Simulator& out);

  // Every record of message (or job) `serial` from `from` to `until`, re-simulated from a
  // checkpoint: the past of a message the window did not keep. At most `limit` records.
  std::vector<TraceRecord> trail(std::uint64_t serial, SimTime from, SimTime until,
                                 std::size_t limit = 100000);

  const CheckpointStore& checkpoints() const { return checkpoints_; }

 private:
  std::string inject(Simulator& sim, const LiveChange& change, LiveChange* applied);
  void record(const LiveChange& done);

  CheckpointStore checkpoints_;
  std::vector<LiveChange> changes_;  // in time order
};

}  // namespace brokerlab::ui
