#include "faults/FaultPlan.h"

#include "base/Rng.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace brokerlab {

namespace {

class Planner {
 public:
  Planner(const Scenario& s, std::uint64_t seed) : s_(s), rng_(makeStream(seed, "fault-plan")) {
    for (const ComponentSpec& c : s.components) {
      if (c.kind == ComponentKind::Consumer) consumers_.push_back(&c);
      if (c.kind == ComponentKind::Producer) producers_.push_back(&c);
      if (c.kind == ComponentKind::Client) clients_.push_back(&c);
    }
  }

  std::vector<FaultSpec> plan() {
    std::vector<FaultSpec> faults;
    if (s_.duration <= 0) return faults;
    const int count = 1 + static_cast<int>(below(5));
    for (int i = 0; i < count; ++i) {
      FaultSpec f;
      if (!pick(f)) continue;
      f.at = static_cast<SimTime>(rng_.uniform01() * static_cast<double>(s_.duration));
      if (f.at >= s_.duration) f.at = s_.duration - 1;
      faults.push_back(std::move(f));
    }
    // Scale faults decide how many instance slots a consumer has: fit crash targets to them.
    for (FaultSpec& f : faults) {
      const std::size_t hash = f.target.rfind('#');
      if ((f.kind != FaultKind::Crash && f.kind != FaultKind::Close) || hash == std::string::npos)
        continue;
      const std::string id = f.target.substr(0, hash);
      const std::uint32_t k = static_cast<std::uint32_t>(std::stoul(f.target.substr(hash + 1)));
      if (k > instanceSlots(id, faults)) f.target = id;
    }
    std::stable_sort(faults.begin(), faults.end(),
                     [](const FaultSpec& a, const FaultSpec& b) { return a.at < b.at; });
    return faults;
  }

 private:
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>(rng_.uniform01() * static_cast<double>(n));
  }
  SimTime span(double lo, double hi) {  // a fraction of the run, at least 1 ms
    const double f = lo + (hi - lo) * rng_.uniform01();
    return std::max<SimTime>(kMillisecond,
                             static_cast<SimTime>(f * static_cast<double>(s_.duration)));
  }
  double factor(double lo, double hi) {
    return std::round((lo + (hi - lo) * rng_.uniform01()) * 100) / 100;
  }
  std::uint32_t instanceSlots(const std::string& id, const std::vector<FaultSpec>& faults) const {
    std::uint32_t n = 1;
    for (const ComponentSpec* c : consumers_)
      if (c->id == id) n = c->instances.value_or(defaults::kInstances);
    for (const FaultSpec& f : faults)
      if (f.kind == FaultKind::Scale && f.target == id) n = std::max(n, f.instances.value_or(0));
    return n;
  }

  bool readsStream(const ComponentSpec& c) const {
    for (const ComponentSpec& other : s_.components)
      if (c.source && other.id == *c.source) return other.kind == ComponentKind::Stream;
    return false;
  }

  bool pick(FaultSpec& f) {
    switch (below(9)) {
      case 8: {  // a what-if change: a consumer's prefetch or a client's poll interval
        const bool client = !clients_.empty() && (consumers_.empty() || below(2) == 0);
        if (consumers_.empty() && !client) return false;
        if (client) {
          f.kind = FaultKind::Poll;
          f.target = clients_[below(clients_.size())]->id;
          f.pollInterval = span(0.001, 0.05);  // at least 1 ms
        } else {
          f.kind = FaultKind::Prefetch;
          f.target = consumers_[below(consumers_.size())]->id;
          f.prefetch = static_cast<std::uint32_t>(below(6));  // 0 (unlimited) to 5
        }
        return true;
      }
      case 7:
        f.kind = FaultKind::Restart;
        f.target = "broker";
        f.duration = span(0.005, 0.05);
        return true;
      case 0:
      case 1: {  // crashes are the interesting ones: twice as likely
        if (consumers_.empty()) return false;
        const ComponentSpec& c = *consumers_[below(consumers_.size())];
        // one in four a channel close instead, where the consumer has a channel (not a stream's)
        f.kind = below(4) == 0 && !readsStream(c) ? FaultKind::Close : FaultKind::Crash;
        const std::uint32_t n = c.instances.value_or(defaults::kInstances);
        f.target = below(3) == 0 ? c.id : c.id + "#" + std::to_string(1 + below(n));
        if (below(2) == 0) f.restartAfter = span(0.01, 0.2);
        return true;
      }
      case 2: {
        const bool client = !clients_.empty() && (producers_.empty() || below(2) == 0);
        if (producers_.empty() && !client) return false;
        f.kind = FaultKind::Spike;
        f.target = client ? clients_[below(clients_.size())]->id
                          : producers_[below(producers_.size())]->id;
        f.factor = factor(1.5, 5);
        f.duration = span(0.02, 0.3);
        return true;
      }
      case 3:
        if (consumers_.empty()) return false;
        f.kind = FaultKind::Slow;
        f.target = consumers_[below(consumers_.size())]->id;
        f.factor = factor(1.5, 10);
        f.duration = span(0.02, 0.3);
        return true;
      case 4:
        if (producers_.empty()) return false;
        f.kind = FaultKind::Poison;
        f.target = producers_[below(producers_.size())]->id;
        f.fraction = factor(0.05, 1);
        f.duration = span(0.01, 0.1);
        return true;
      case 5: {
        const bool consumer = !consumers_.empty() && (producers_.empty() || below(2) == 0);
        if (producers_.empty() && !consumer) return false;
        f.kind = below(2) == 0 ? FaultKind::Partition : FaultKind::Degrade;
        f.target = consumer ? consumers_[below(consumers_.size())]->id
                            : producers_[below(producers_.size())]->id;
        f.duration = span(0.01, 0.1);
        if (f.kind == FaultKind::Degrade) f.factor = factor(2, 20);
        if (f.kind == FaultKind::Partition && !consumer && below(2) == 0)
          f.fraction = factor(0.1, 1);  // a lossy producer link
        return true;
      }
      default: {
        if (consumers_.empty()) return false;
        const ComponentSpec& c = *consumers_[below(consumers_.size())];
        f.kind = FaultKind::Scale;
        f.target = c.id;
        f.instances = static_cast<std::uint32_t>(below(2 * c.instances.value_or(1) + 2));
        return true;
      }
    }
  }

  const Scenario& s_;
  Rng rng_;
  std::vector<const ComponentSpec*> consumers_, producers_, clients_;
};

}  // namespace

std::vector<FaultSpec> randomFaultPlan(const Scenario& scenario, std::uint64_t faultSeed) {
  return Planner(scenario, faultSeed).plan();
}

}  // namespace brokerlab
