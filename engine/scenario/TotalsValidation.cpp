#include "scenario/TotalsValidation.h"

#include "scenario/ScenarioRules.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace brokerlab::detail {

namespace {

// A running total that reports, once, the component where it passes its limit.
class Total {
 public:
  Total(Checks& checks, std::uint64_t limit, std::string what)
      : checks_(checks), limit_(limit), what_(std::move(what)) {}

  void add(std::uint64_t n, std::size_t component, std::string_view key) {
    sum_ += n;
    if (sum_ <= limit_ || reported_) return;
    reported_ = true;
    checks_.add(componentField(component, key), "makes " + std::to_string(sum_) + " " + what_ +
                                                    " in all; the limit is " +
                                                    std::to_string(limit_));
  }

 private:
  Checks& checks_;
  std::uint64_t limit_;
  std::string what_;
  std::uint64_t sum_ = 0;
  bool reported_ = false;
};

// The most instances each scaled consumer gets from a scale fault, by id (one pass over the faults:
// 100,000 consumers times 10,000 faults would take seconds).
std::map<std::string_view, std::uint64_t> scaledTo(const Scenario& s) {
  std::map<std::string_view, std::uint64_t> most;
  for (const FaultSpec& f : s.faults)
    if (f.kind == FaultKind::Scale) {
      std::uint64_t& n = most[f.target];
      n = std::max<std::uint64_t>(n, f.instances.value_or(0));
    }
  return most;
}

}  // namespace

void checkTotals(Checks& checks, const Scenario& s, const ComponentIndex& ids) {
  Total instances(checks, limits::kMaxTotalInstances, "instances (scale faults included)");
  Total partitions(checks, limits::kMaxTotalPartitions, "stream partitions");
  // A reader of a stream keeps owners and offsets for each of its partitions.
  Total reads(checks, 10 * limits::kMaxTotalPartitions, "partitions read by stream consumers");
  const std::map<std::string_view, std::uint64_t> scaled = scaledTo(s);
  for (std::size_t i = 0; i < s.components.size(); ++i) {
    const ComponentSpec& c = s.components[i];
    if (c.kind == ComponentKind::Stream)
      partitions.add(c.partitions.value_or(defaults::kPartitions), i, "partitions");
    if (c.kind != ComponentKind::Consumer) continue;
    std::uint64_t slots = c.instances.value_or(defaults::kInstances);
    if (const auto it = scaled.find(c.id); it != scaled.end()) slots = std::max(slots, it->second);
    instances.add(slots, i, "instances");
    const auto source = c.source ? ids.find(*c.source) : ids.end();
    if (source == ids.end()) continue;
    const ComponentSpec& from = s.components[source->second];
    if (from.kind == ComponentKind::Stream)
      reads.add(from.partitions.value_or(defaults::kPartitions), i, "source");
  }
}

}  // namespace brokerlab::detail
