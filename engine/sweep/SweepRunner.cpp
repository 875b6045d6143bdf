#include "sweep/SweepRunner.h"

#include "metrics/Report.h"
#include "metrics/ReportJson.h"
#include "model/ModelBuilder.h"
#include "sim/Simulator.h"

#include <algorithm>
#include <memory>
#include <thread>

namespace brokerlab {

namespace {

// Events per step: between steps a run notices a stop. Stepping gives exactly the same run.
constexpr std::uint64_t kEventBudget = 1'000'000;

// One run to the scenario's duration, its figures read from its JSON report as `--collect` reads
// them from files; nothing when it was stopped or failed (`*error` says why).
std::optional<RunFigures> runOne(const Scenario& scenario, std::uint64_t seed,
                                 const SweepControl& control, const std::atomic<bool>& failed,
                                 std::string* error) {
  const ModelBuildResult built = buildModel(scenario, seed);
  if (!built.model) {
    *error = built.error;
    return std::nullopt;
  }
  Simulator sim(std::make_shared<const Model>(*built.model));
  if (control.prepare) control.prepare(sim);
  StopReason why = StopReason::EventBudget;
  while (why == StopReason::EventBudget || why == StopReason::TraceFull) {
    if (control.stop.load() || failed.load()) return std::nullopt;
    why = sim.runUntil(scenario.duration, kEventBudget);
  }
  if (why == StopReason::LimitReached) *error = sim.limitReached();
  if (why == StopReason::InvariantViolated) *error = sim.violation();
  if (!error->empty()) return std::nullopt;
  return keyFigures(formatReportJson(buildReport(sim), 0.0), error);
}

}  // namespace

std::vector<std::uint64_t> sweepSeeds(const Scenario& scenario, std::size_t count) {
  std::vector<std::uint64_t> seeds;
  for (std::size_t i = 0; i < count; ++i) seeds.push_back(scenario.seed.value_or(1) + i);
  return seeds;
}

SweepOutcome runSweep(const std::vector<Scenario>& points, const std::vector<std::uint64_t>& seeds,
                      unsigned jobs, SweepControl& control) {
  const std::size_t total = points.size() * seeds.size();
  std::vector<std::optional<RunFigures>> results(total);
  std::vector<std::string> errors(total);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};  // a broken run ends the sweep
  auto work = [&] {
    for (std::size_t i = next++; i < total && !control.stop.load() && !failed.load(); i = next++) {
      results[i] =
          runOne(points[i / seeds.size()], seeds[i % seeds.size()], control, failed, &errors[i]);
      if (!errors[i].empty()) {
        errors[i] = "point " + std::to_string(i / seeds.size() + 1) + ", seed " +
                    std::to_string(seeds[i % seeds.size()]) + ": " + errors[i];
        failed = true;
      }
      if (results[i]) ++control.done;
      if (control.runFinished) control.runFinished();
    }
  };
  std::vector<std::thread> threads;
  const std::size_t count = std::max<std::size_t>(1, std::min<std::size_t>(jobs, total));
  for (std::size_t j = 1; j < count; ++j) threads.emplace_back(work);
  work();  // this thread is one of the workers
  for (std::thread& t : threads) t.join();
  SweepOutcome outcome;
  for (std::size_t i = 0; i < total; ++i) {
    if (!errors[i].empty() && outcome.error.empty()) outcome.error = errors[i];
    if (results[i]) ++outcome.done;
  }
  outcome.stopped = control.stop.load() && outcome.done < total;
  outcome.runs = std::move(results);
  return outcome;
}

}  // namespace brokerlab
