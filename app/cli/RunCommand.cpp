// `brokerlab-cli run FILE`: load, build, simulate, report.

#include "CliArgs.h"
#include "CommandLine.h"
#include "Commands.h"
#include "OutputFiles.h"
#include "OutputPaths.h"
#include "ReportFormat.h"
#include "ScenarioInput.h"
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

// --until: a duration with a unit ("90s", "2m"), or plain seconds as in a scenario ("1.5").
DurationParse untilOf(const std::string& text) {
  const bool plain =
      !text.empty() && text.find_first_not_of("0123456789.eE+-") == std::string::npos;
  return plain ? parseDurationSeconds(text) : parseDurationText(text);
}

CommandLine runLine() {
  CommandLine line("run", "FILE",
                   "Simulate a scenario and print its summary table (or its JSON report).");
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
  return line;
}

}  // namespace

int runCommand(const std::vector<std::string>& words) {
  CommandLine args = runLine();
  if (const auto done = args.parse(words)) return *done;
  const std::vector<std::string> files = args.positionals();
  if (files.size() != 1) return args.usage("expects exactly one scenario FILE");
  const std::string& file = files[0];
  const std::string output = args.value("output").value_or("-");
  std::vector<NamedOutput> outputs{
      {output == "-" ? "the report (standard output)" : "--output " + output, output}};
  for (const char* option : {"trace", "metrics-csv"})
    if (const auto path = args.value(option))
      outputs.push_back({std::string("--") + option + " " + *path, *path});
  if (const std::string conflict = outputConflict(outputs, file); !conflict.empty())
    return args.usage(conflict);

  std::optional<std::uint64_t> seed, faultSeed;
  if (!args.integerOption("seed", seed) || !args.integerOption("faults-from-seed", faultSeed))
    return kExitUsage;
  std::optional<SimTime> untilOption;
  if (const auto text = args.value("until")) {
    const DurationParse d = untilOf(*text);
    if (!d.value) return args.usage("--until: " + d.error + " (got \"" + *text + "\")");
    untilOption = d.value;
  }

  const std::optional<Scenario> loaded = loadInput(file);
  if (!loaded) return kExitInvalidInput;
  Scenario scenario = *loaded;
  if (faultSeed) {
    // The plan `brokerlab-cli fuzz` ran with this seed, added to the scenario's own faults and
    // shown, so that the run can be kept in a file and reproduced without the option.
    const std::vector<FaultSpec> plan = randomFaultPlan(scenario, *faultSeed);
    std::fprintf(stderr,
                 "brokerlab-cli run: --faults-from-seed %llu adds these faults to the scenario's "
                 "(the same run without the option: add them to its \"faults\")\n%s",
                 static_cast<unsigned long long>(*faultSeed), writeFaults(plan).c_str());
    scenario.faults.insert(scenario.faults.end(), plan.begin(), plan.end());
  }
  const SimTime until = untilOption.value_or(scenario.duration);

  const auto t0 = std::chrono::steady_clock::now();
  const ModelBuildResult built = buildModel(scenario, seed);
  if (!built.model) {
    std::fprintf(stderr, "%s: %s\n", inputName(file).c_str(), built.error.c_str());
    return kExitInvalidInput;
  }
  Simulator sim(std::make_shared<const Model>(*built.model));
  if (args.isSet("check-invariants")) sim.setInvariantChecks(true);

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
      args.isSet("json") ? formatReportJson(report, wall) : formatReportText(report, wall);
  if (output == "-") {
    printOut(text);  // names may hold any character, NUL too
  } else if (!writeOutput(output, "report", text, &error)) {
    std::fprintf(stderr, "brokerlab-cli run: %s\n", error.c_str());
    return kExitInvalidInput;
  }
  // The report above shows the state the run stopped in.
  if (stopped == StopReason::InvariantViolated) {
    std::fprintf(stderr, "brokerlab-cli run: %s\n", sim.violation().c_str());
    return kExitInvariant;
  }
  if (stopped == StopReason::LimitReached) {
    std::fprintf(stderr, "brokerlab-cli run: %s: %s\n", inputName(file).c_str(),
                 sim.limitReached().c_str());
    return kExitInvalidInput;
  }
  return kExitOk;
}

}  // namespace brokerlab::cli
