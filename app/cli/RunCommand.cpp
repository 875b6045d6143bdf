// `brokerlab-cli run FILE`: load, build, simulate, report.

#include "CliArgs.h"
#include "Commands.h"
#include "OutputFiles.h"
#include "ReportFormat.h"
#include "StandardOutput.h"

#include "faults/FaultPlan.h"
#include "model/ModelBuilder.h"
#include "scenario/DurationText.h"
#include "scenario/ScenarioFile.h"
#include "sim/Simulator.h"

#include <chrono>
#include <cstdio>
#include <memory>

namespace brokerlab::cli {

namespace {

constexpr const char* kRunUsage =
    "usage: brokerlab-cli run FILE [--seed N] [--until DURATION] [--json] [--metrics-csv FILE] "
    "[--trace FILE] [--faults-from-seed F] [--check-invariants]\n";

int usage(const std::string& message) {
  std::fprintf(stderr, "brokerlab-cli run: %s\n%s", message.c_str(), kRunUsage);
  return kExitUsage;
}

// Runs to `until`, streaming the trace to `trace` (if any) whenever the buffer fills. Returns why
// it stopped: the time, or a broken invariant (checks on) or a run limit, which end the run early.
// A trace that cannot be written ends the run too: its error is reported at the commit.
StopReason simulate(Simulator& sim, SimTime until, TraceCsvWriter* trace) {
  if (!trace) return sim.runUntil(until);
  sim.trace().setCapturing(true);
  std::vector<TraceRecord> batch;
  for (;;) {
    const StopReason why = sim.runUntil(until);
    batch.clear();
    sim.trace().pull(batch, sim.trace().size());
    if (!trace->write(sim.model(), batch) || why != StopReason::TraceFull) return why;
  }
}

}  // namespace

int runCommand(const std::vector<std::string>& words) {
  const CliArgs args =
      parseArgs(words, {"seed", "until", "metrics-csv", "trace", "faults-from-seed"},
                {"json", "check-invariants"});
  if (!args.error.empty()) return usage(args.error);
  if (args.positional.size() != 1) return usage("expects exactly one scenario FILE");
  const std::string& file = args.positional[0];

  std::optional<std::uint64_t> seed;
  if (const auto text = args.value("seed")) {
    seed = parseUnsigned(*text);
    if (!seed)
      return usage("--seed must be an integer from 0 to 18446744073709551615 (got \"" + *text +
                   "\")");
  }

  const ScenarioLoadResult loaded = loadScenarioFile(QString::fromStdString(file));
  if (!loaded.scenario) {
    for (const ScenarioIssue& issue : loaded.issues)
      std::fprintf(stderr, "%s\n", formatIssue(file, issue).c_str());
    return kExitInvalidInput;
  }
  Scenario scenario = *loaded.scenario;
  if (const auto text = args.value("faults-from-seed")) {
    const std::optional<std::uint64_t> faultSeed = parseUnsigned(*text);
    if (!faultSeed)
      return usage("--faults-from-seed must be an unsigned integer (got \"" + *text + "\")");
    // The plan `brokerlab-cli fuzz` ran with this seed, added to the scenario's own faults.
    for (FaultSpec& f : randomFaultPlan(scenario, *faultSeed))
      scenario.faults.push_back(std::move(f));
  }
  SimTime until = scenario.duration;
  if (const auto text = args.value("until")) {
    const DurationParse d = parseDurationText(*text);
    if (!d.value) return usage("--until: " + d.error);
    until = *d.value;
  }

  const auto t0 = std::chrono::steady_clock::now();
  const ModelBuildResult built = buildModel(scenario, seed);
  if (!built.model) {
    std::fprintf(stderr, "%s: %s\n", file.c_str(), built.error.c_str());
    return kExitInvalidInput;
  }
  Simulator sim(std::make_shared<const Model>(*built.model));
  if (args.has("check-invariants")) sim.setInvariantChecks(true);

  std::string error;
  std::unique_ptr<TraceCsvWriter> trace;
  if (const auto path = args.value("trace")) {
    trace = std::make_unique<TraceCsvWriter>(*path);
    if (!trace->open(&error)) {
      std::fprintf(stderr, "brokerlab-cli run: %s\n", error.c_str());
      return kExitInvalidInput;
    }
  }
  const StopReason stopped = simulate(sim, until, trace.get());
  const WallClock wall{
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};

  if (trace && !trace->commit(&error)) {
    std::fprintf(stderr, "brokerlab-cli run: %s\n", error.c_str());
    return kExitInvalidInput;
  }
  if (const auto path = args.value("metrics-csv"); path && !writeMetricsCsv(*path, sim, &error)) {
    std::fprintf(stderr, "brokerlab-cli run: %s\n", error.c_str());
    return kExitInvalidInput;
  }
  const RunReport report = buildReport(sim);
  const std::string text =
      args.has("json") ? formatReportJson(report, wall) : formatReportText(report, wall);
  printOut(text);  // names may hold any character, NUL too
  // The report above shows the state the run stopped in.
  if (stopped == StopReason::InvariantViolated) {
    std::fprintf(stderr, "brokerlab-cli run: %s\n", sim.violation().c_str());
    return kExitInvariant;
  }
  if (stopped == StopReason::LimitReached) {
    std::fprintf(stderr, "brokerlab-cli run: %s: %s\n", file.c_str(), sim.limitReached().c_str());
    return kExitInvalidInput;
  }
  return kExitOk;
}

}  // namespace brokerlab::cli
