#include "SweepRunner.h"

#include "Interrupt.h"
#include "Progress.h"
#include "SimulatorHook.h"

#include "metrics/Report.h"
#include "metrics/ReportJson.h"
#include "model/ModelBuilder.h"
#include "sim/Simulator.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace brokerlab::cli {

namespace {

// Events per step: between steps a run notices Ctrl-C. Stepping gives exactly the same run.
constexpr std::uint64_t kEventBudget = 1'000'000;

// One run to the scenario's duration, its figures read from its JSON report as `--collect` reads
// them from files; nothing when it was stopped or failed (`*error` says why).
std::optional<RunFigures> runOne(const Scenario& scenario, std::uint64_t seed,
                                 const std::atomic<bool>& stop, std::string* error) {
  const ModelBuildResult built = buildModel(scenario, seed);
  if (!built.model) {
    *error = built.error;
    return std::nullopt;
  }
  Simulator sim(std::make_shared<const Model>(*built.model));
  prepareSimulator(sim);
  StopReason why = StopReason::EventBudget;
  while (why == StopReason::EventBudget || why == StopReason::TraceFull) {
    if (stop.load()) return std::nullopt;
    why = sim.runUntil(scenario.duration, kEventBudget);
  }
  if (why == StopReason::LimitReached) *error = sim.limitReached();
  if (why == StopReason::InvariantViolated) *error = sim.violation();
  if (!error->empty()) return std::nullopt;
  return keyFigures(formatReportJson(buildReport(sim), 0.0), error);
}

// What the threads share: the next run to take, and how many are done.
struct Shared {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable finished;
  std::size_t done = 0;  // under `mutex`
};

}  // namespace

std::vector<std::uint64_t> sweepSeeds(const Scenario& scenario, std::size_t count) {
  std::vector<std::uint64_t> seeds;
  for (std::size_t i = 0; i < count; ++i) seeds.push_back(scenario.seed.value_or(1) + i);
  return seeds;
}

SweepOutcome runSweep(const std::vector<Scenario>& points, const std::vector<std::uint64_t>& seeds,
                      unsigned jobs) {
  const std::size_t total = points.size() * seeds.size();
  std::vector<std::optional<RunFigures>> results(total);
  std::vector<std::string> errors(total);
  Shared shared;
  auto work = [&] {
    for (std::size_t i = shared.next++; i < total && !shared.stop.load(); i = shared.next++) {
      results[i] =
          runOne(points[i / seeds.size()], seeds[i % seeds.size()], shared.stop, &errors[i]);
      if (!errors[i].empty()) {  // a broken run ends the sweep
        errors[i] = "point " + std::to_string(i / seeds.size() + 1) + ", seed " +
                    std::to_string(seeds[i % seeds.size()]) + ": " + errors[i];
        shared.stop = true;
      }
      const std::lock_guard lock(shared.mutex);
      ++shared.done;
      shared.finished.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t j = 0; j < std::max<std::size_t>(1, std::min<std::size_t>(jobs, total)); ++j)
    threads.emplace_back(work);
  SweepOutcome outcome;
  {
    Progress progress("sweep");
    std::unique_lock lock(shared.mutex);
    while (shared.done < total && !shared.stop.load()) {
      shared.finished.wait_for(lock, std::chrono::milliseconds(100));
      if (interrupted()) shared.stop = true;
      progress.items(shared.done, total, "runs", "");
    }
  }
  for (std::thread& t : threads) t.join();
  for (std::size_t i = 0; i < total; ++i) {
    if (!errors[i].empty() && outcome.error.empty()) outcome.error = errors[i];
    if (results[i]) ++outcome.done;
  }
  outcome.interrupted = interrupted() && outcome.done < total;
  outcome.runs = std::move(results);
  return outcome;
}

}  // namespace brokerlab::cli
