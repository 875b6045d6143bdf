// `brokerlab-cli run FILE`: load, build, simulate, report.

#include "CliArgs.h"
#include "CommandLine.h"
#include "Commands.h"
#include "Interrupt.h"
#include "OutputFiles.h"
#include "OutputPaths.h"
#include "Progress.h"
#include "ReportFormat.h"
#include "ScenarioInput.h"
#include "ScenarioSettings.h"
#include "SimulatorHook.h"
#include "StandardOutput.h"

#include "faults/FaultPlan.h"
#include "model/ModelBuilder.h"
#include "scenario/DurationText.h"
#include "scenario/ScenarioWriter.h"
#include "sim/Simulator.h"

#include <chrono>
#include <cstdio>
#include <memory>

namespace brokerlab::cli {

namespace {

// Events per step of the run: between steps the trace is written out, the progress line redrawn
// and Ctrl-C noticed (a few tens of milliseconds). Stepping gives exactly the same run.
constexpr std::uint64_t kEventBudget = 1'000'000;

// Runs to `until` in steps, streaming the trace to `trace` (if any). Returns why it stopped: the
// time, a broken invariant (checks on) or a run limit, which end the run early; EventBudget when
// Ctrl-C stopped it (interrupted() says so) or a trace write failed (its commit reports that).
StopReason simulate(Simulator& sim, SimTime until, TraceCsvWriter* trace) {
  if (trace) sim.trace().setCapturing(true);
  Progress progress("run");
  std::vector<TraceRecord> batch;
  for (;;) {
    const StopReason why = sim.runUntil(until, kEventBudget);
    if (trace) {
      batch.clear();
      sim.trace().pull(batch, sim.trace().size());
      if (!trace->write(sim.model(), batch)) return why;
    }
    if (why != StopReason::TraceFull && why != StopReason::EventBudget) return why;
    if (interrupted()) return StopReason::EventBudget;
    progress.simulated(toSeconds(sim.now()), toSeconds(until), sim.eventsProcessed());
  }
}

// --until: a duration with a unit ("90s", "2m"), or plain seconds as in a scenario ("1.5").
DurationParse untilOf(const std::string& text) {
  const bool plain =
      !text.empty() && text.find_first_not_of("0123456789.eE+-") == std::string::npos;
  return plain ? parseDurationSeconds(text) : parseDurationText(text);
}

CommandLine runLine() {
  CommandLine line("run", "FILE",
                   "Simulate a scenario and print its summary table (or its JSON report). On a "
                   "terminal, progress shows on stderr; Ctrl-C stops the run and prints the "
                   "report so far, marked as stopped early (exit 130).");
  line.positional("FILE", "The scenario file; - reads it from standard input.");
  line.option({"seed"}, "Use seed N instead of the scenario's (0 to 2^64-1).", "N");
  line.option({"until"},
              "Simulate up to this time instead of the scenario's duration (90s, 2m, 1.5).",
              "DURATION");
  line.option({"json"}, "Print the report as JSON instead of the table.");
  line.option({"o", "output"}, "Write the report to FILE instead of standard output.", "FILE");
  line.option({"metrics-csv"}, "Write every time series as CSV to FILE (- for standard output).",
              "FILE");
  line.option({"trace"}, "Write every trace record as CSV to FILE (- for standard output).",
              "FILE");
  line.option({"faults-from-seed"},
              "Add the random fault plan that fuzz runs with seed F, and print it.", "F");
  line.option({"check-invariants"}, "Check the engine's invariants after every event.");
  line.option({"set"},
              "Change a component's parameter before the run, as the scenario file would write "
              "it (workers.instances=4, workers.service.mean=80ms). May repeat.",
              "ID.PARAM=VALUE", true);
  return line;
}

// What the command line asks for, checked before anything is loaded or written.
struct RunOptions {
  std::string file;
  std::string output = "-";  // the report
  std::optional<std::string> trace, metrics;
  std::vector<std::string> sets;  // --set ID.PARAM=VALUE, in order
  std::optional<std::uint64_t> seed, faultSeed;
  std::optional<SimTime> until;
  bool json = false;
  bool checkInvariants = false;
};

std::optional<int> readOptions(const std::vector<std::string>& words, RunOptions& o) {
  CommandLine args = runLine();
  if (const auto done = args.parse(words)) return *done;
  const std::vector<std::string> files = args.positionals();
  if (files.size() != 1) return args.usage("expects exactly one scenario FILE");
  o.file = files[0];
  o.output = args.value("output").value_or("-");
  o.trace = args.value("trace");
  o.metrics = args.value("metrics-csv");
  o.json = args.isSet("json");
  o.checkInvariants = args.isSet("check-invariants");
  o.sets = args.values("set");
  std::vector<NamedOutput> outputs{
      {o.output == "-" ? "the report (standard output)" : "--output " + o.output, o.output}};
  if (o.trace) outputs.push_back({"--trace " + *o.trace, *o.trace});
  if (o.metrics) outputs.push_back({"--metrics-csv " + *o.metrics, *o.metrics});
  if (const std::string conflict = outputConflict(outputs, o.file); !conflict.empty())
    return args.usage(conflict);
  if (!args.integerOption("seed", o.seed) || !args.integerOption("faults-from-seed", o.faultSeed))
    return kExitUsage;
  if (const auto text = args.value("until")) {
    const DurationParse d = untilOf(*text);
    if (!d.value) return args.usage("--until: " + d.error + " (got \"" + *text + "\")");
    o.until = d.value;
  }
  return std::nullopt;
}

// The plan `brokerlab-cli fuzz` ran with this seed, added to the scenario's own faults and shown,
// so that the run can be kept in a file and reproduced without the option.
void addFaultPlan(Scenario& scenario, std::uint64_t faultSeed) {
  const std::vector<FaultSpec> plan = randomFaultPlan(scenario, faultSeed);
  std::fprintf(stderr,
               "brokerlab-cli run: --faults-from-seed %llu adds these faults to the scenario's "
               "(the same run without the option: add them to its \"faults\")\n%s",
               static_cast<unsigned long long>(faultSeed), writeFaults(plan).c_str());
  scenario.faults.insert(scenario.faults.end(), plan.begin(), plan.end());
}

int fail(const std::string& error) {
  std::fprintf(stderr, "brokerlab-cli run: %s\n", error.c_str());
  return kExitInvalidInput;
}

// The files of the run, then the report; the exit code is then the run's.
int writeResults(const RunOptions& o, const Simulator& sim, TraceCsvWriter* trace,
                 RunReport& report, const WallClock& wall) {
  std::string error;
  if (trace && !trace->commit(&error)) return fail(error);
  if (o.metrics && !writeMetricsCsv(*o.metrics, sim, &error)) return fail(error);
  const std::string text = o.json ? formatReportJson(report, wall) : formatReportText(report, wall);
  if (o.output == "-") {
    printOut(text);  // names may hold any character, NUL too
  } else if (!writeOutput(o.output, "report", text, &error)) {
    return fail(error);
  }
  return kExitOk;
}

// The scenario, with the --set values applied (a value the loader refuses is a usage error, as in
// sweep, whose --plan commands use them); nothing after printing why, with the exit code.
std::optional<Scenario> scenarioOf(const RunOptions& o, int& status) {
  status = kExitInvalidInput;
  if (o.sets.empty()) return loadInput(o.file);
  ScenarioSettings settings;
  if (!settings.read(o.file)) return std::nullopt;
  std::string error;
  std::optional<Scenario> scenario = settings.with(o.sets, &error);
  if (!scenario) status = runLine().usage(error);
  return scenario;
}

}  // namespace

int runCommand(const std::vector<std::string>& words) {
  RunOptions o;
  if (const auto done = readOptions(words, o)) return *done;
  int status = kExitOk;
  const std::optional<Scenario> loaded = scenarioOf(o, status);
  if (!loaded) return status;
  Scenario scenario = *loaded;
  if (o.faultSeed) addFaultPlan(scenario, *o.faultSeed);
  const SimTime until = o.until.value_or(scenario.duration);

  const auto t0 = std::chrono::steady_clock::now();
  const ModelBuildResult built = buildModel(scenario, o.seed);
  if (!built.model) {
    std::fprintf(stderr, "%s: %s\n", inputName(o.file).c_str(), built.error.c_str());
    return kExitInvalidInput;
  }
  Simulator sim(std::make_shared<const Model>(*built.model));
  prepareSimulator(sim);
  sim.setInvariantChecks(o.checkInvariants);
  std::string error;
  std::unique_ptr<TraceCsvWriter> trace;
  if (o.trace) {
    trace = std::make_unique<TraceCsvWriter>(*o.trace);
    if (!trace->open(&error)) return fail(error);
  }
  catchInterrupt();
  const StopReason stopped = simulate(sim, until, trace.get());
  const WallClock wall{
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};

  RunReport report = buildReport(sim);
  const bool byUser =  // Ctrl-C, not a trace that could not be written
      interrupted() && (stopped == StopReason::EventBudget || stopped == StopReason::TraceFull);
  if (byUser) {
    char at[96];
    std::snprintf(at, sizeof at, "interrupted (Ctrl-C) at t = %.9g s of %.9g s",
                  toSeconds(sim.now()), toSeconds(until));
    report.stoppedEarly = at;
  }
  if (const int status = writeResults(o, sim, trace.get(), report, wall); status != kExitOk)
    return status;
  // The report above shows the state the run stopped in.
  if (byUser) {
    std::fprintf(stderr, "brokerlab-cli run: %s\n", report.stoppedEarly.c_str());
    return kExitInterrupted;
  }
  if (stopped == StopReason::InvariantViolated) {
    std::fprintf(stderr, "brokerlab-cli run: %s\n", sim.violation().c_str());
    return kExitInvariant;
  }
  if (stopped == StopReason::LimitReached) {
    std::fprintf(stderr, "brokerlab-cli run: %s: %s\n", inputName(o.file).c_str(),
                 sim.limitReached().c_str());
    return kExitInvalidInput;
  }
  return kExitOk;
}

}  // namespace brokerlab::cli
