#include "controller/RunTimeline.h"

#include <algorithm>

namespace brokerlab::ui {

void RunTimeline::reset(const Simulator& initial) {
  checkpoints_.reset(initial);
  changes_.clear();
}

std::string RunTimeline::inject(Simulator& sim, const LiveChange& change, LiveChange* applied) {
  if (change.fault) {
    const std::string error = sim.injectFault(*change.fault);
    if (error.empty()) *applied = {sim.liveFaults().back(), std::nullopt};
    return error;
  }
  const std::string error = sim.injectAction(*change.action);
  if (error.empty()) *applied = {std::nullopt, sim.liveActions().back()};
  return error;
}

std::string RunTimeline::applyFault(Simulator& sim, const FaultSpec& spec, FaultSpec* applied) {
  LiveChange done;
  if (std::string error = inject(sim, {spec, std::nullopt}, &done); !error.empty()) return error;
  *applied = *done.fault;
  record(done);
  return {};
}

std::string RunTimeline::applyAction(Simulator& sim, const ActionSpec& spec, ActionSpec* applied) {
  LiveChange done;
  if (std::string error = inject(sim, {std::nullopt, spec}, &done); !error.empty()) return error;
  *applied = *done.action;
  record(done);
  return {};
}

void RunTimeline::record(const LiveChange& done) {
  // Checkpoints after it were of a future without it. Later changes (applied before the run was
  // landed earlier) stay: they are still on the timeline and happen again when reached.
  checkpoints_.dropAfter(done.at() - 1);
  const auto at = std::upper_bound(changes_.begin(), changes_.end(), done.at(),
                                   [](SimTime t, const LiveChange& c) { return t < c.at(); });
  changes_.insert(at, done);
}

SimTime RunTimeline::setChanges(std::vector<LiveChange> changes, SimTime now) {
  std::stable_sort(changes.begin(), changes.end(),
                   [](const LiveChange& a, const LiveChange& b) { return a.at() < b.at(); });
  // The first instant at which the old and new lists differ.
  SimTime differs = kNever;
  const std::size_t common = std::min(changes.size(), changes_.size());
  for (std::size_t i = 0; i < common && differs == kNever; ++i)
    if (!(changes[i] == changes_[i])) differs = std::min(changes[i].at(), changes_[i].at());
  if (differs == kNever && changes.size() != changes_.size())
    differs = changes.size() > common ? changes[common].at() : changes_[common].at();
  changes_ = std::move(changes);
  if (differs == kNever) return kNever;
  checkpoints_.dropAfter(differs - 1);
  return differs <= now ? differs : kNever;
}

SimTime RunTimeline::stopFor(SimTime now, SimTime target) const {
  for (const LiveChange& c : changes_)
    if (c.at() > now) return std::min(target, c.at() - 1);
  return target;
}

std::string RunTimeline::applyDue(Simulator& sim) {
  for (const LiveChange& c : changes_) {
    if (c.at() <= sim.now()) continue;
    if (c.at() != sim.now() + 1) return {};  // not due yet
    LiveChange again;
    if (std::string error = inject(sim, c, &again); !error.empty()) return error;
    if (again.at() != c.at()) return "a live change did not land on its instant again";
    return {};
  }
  return {};
}

std::string RunTimeline::landAt(SimTime t, Simulator& out) {
  out = checkpoints_.latestAtOrBefore(t);
  out.trace().setCapturing(false);
  while (out.now() < t) {
    const SimTime stop = stopFor(out.now(), t);
    // In checkpoint-sized pieces, so the way there leaves checkpoints for the next landing.
    const StopReason why = out.runUntil(stop, checkpoints_.spacingEvents());
    if (why == StopReason::InvariantViolated) return out.violation();
    if (why == StopReason::LimitReached) return out.limitReached();
    checkpoints_.offer(out);
    if (why == StopReason::ReachedTime && stop < t) {
      if (std::string error = applyDue(out); !error.empty()) return error;
    }
  }
  return {};
}

std::vector<TraceRecord> RunTimeline::trail(std::uint64_t serial, SimTime from, SimTime until,
                                            std::size_t limit) {
  std::vector<TraceRecord> out;
  Simulator sim = checkpoints_.latestAtOrBefore(from);
  sim.trace().setCapturing(true);
  std::vector<TraceRecord> batch;
  while (sim.now() < until) {
    const SimTime stop = stopFor(sim.now(), until);
    const StopReason why = sim.runUntil(stop);
    batch.clear();
    sim.trace().pull(batch, sim.trace().size());
    for (const TraceRecord& r : batch)
      if (r.message == serial && out.size() < limit) out.push_back(r);
    if (why == StopReason::InvariantViolated || why == StopReason::LimitReached) break;
    if (why == StopReason::ReachedTime && stop < until && !applyDue(sim).empty()) break;
  }
  return out;
}

}  // namespace brokerlab::ui
