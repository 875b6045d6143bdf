#include "controller/CheckpointStore.h"

#include <algorithm>

namespace brokerlab::ui {

void CheckpointStore::reset(const Simulator& initial) {
  points_.clear();
  spacing_ = kFirstSpacingEvents;
  const std::size_t b = initial.stateBytes();
  points_.push_back({initial, b});
  bytes_ = b;
}

void CheckpointStore::offer(const Simulator& sim) {
  if (points_.empty()) return reset(sim);
  const Point& last = points_.back();
  if (sim.now() <= last.sim.now() || sim.eventsProcessed() < last.sim.eventsProcessed() + spacing_)
    return;
  const std::size_t b = sim.stateBytes();
  // A large state is copied less often: a checkpoint may cost at most a byte per event run since
  // the last one, so taking them never dominates running.
  if (b > sim.eventsProcessed() - last.sim.eventsProcessed()) return;
  points_.push_back({sim, b});
  bytes_ += b;
  points_.back().sim.trace().setCapturing(false);
  if (points_.size() > kMaxCheckpoints || bytes_ > kBudgetBytes) thin();
}

void CheckpointStore::thin() {
  // Keep time 0 and every other one after it; the spacing doubles to match.
  std::vector<Point> kept;
  kept.reserve(points_.size() / 2 + 1);
  for (std::size_t i = 0; i < points_.size(); ++i)
    if (i % 2 == 0) kept.push_back(std::move(points_[i]));
  points_ = std::move(kept);
  spacing_ *= 2;
  bytes_ = 0;
  for (const Point& p : points_) bytes_ += p.bytes;
  while (bytes_ > kBudgetBytes && points_.size() > 1) {  // a state too big for the budget
    bytes_ -= points_.back().bytes;
    points_.pop_back();
  }
}

void CheckpointStore::dropAfter(SimTime t) {
  while (points_.size() > 1 && points_.back().sim.now() > t) {
    bytes_ -= points_.back().bytes;
    points_.pop_back();
  }
}

const Simulator& CheckpointStore::latestAtOrBefore(SimTime t) const {
  const auto it = std::upper_bound(points_.begin(), points_.end(), t,
                                   [](SimTime time, const Point& p) { return time < p.sim.now(); });
  return it == points_.begin() ? points_.front().sim : std::prev(it)->sim;
}

}  // namespace brokerlab::ui
