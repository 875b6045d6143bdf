#include "faults/LiveChanges.h"

#include <algorithm>

namespace brokerlab::ui {

namespace {
template <typename T>
std::optional<std::vector<T>> extra(const std::vector<T>& base, std::vector<T> edited) {
  for (const T& b : base) {
    const auto it = std::find(edited.begin(), edited.end(), b);
    if (it == edited.end()) return std::nullopt;  // one of the model's own went: rebuild
    edited.erase(it);
  }
  return edited;
}
}  // namespace

std::optional<std::vector<LiveChange>> liveChangesBetween(const Scenario& base,
                                                          const Scenario& edited) {
  Scenario a = base;
  Scenario b = edited;
  a.faults.clear();
  a.actions.clear();
  b.faults.clear();
  b.actions.clear();
  if (!(a == b)) return std::nullopt;
  const auto faults = extra(base.faults, edited.faults);
  const auto actions = extra(base.actions, edited.actions);
  if (!faults || !actions) return std::nullopt;
  std::vector<LiveChange> changes;
  for (const FaultSpec& f : *faults) changes.push_back({f, std::nullopt});
  for (const ActionSpec& act : *actions) changes.push_back({std::nullopt, act});
  return changes;
}

}  // namespace brokerlab::ui
