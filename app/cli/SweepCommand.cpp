// `brokerlab-cli sweep FILE --set ID.PARAM=VALUES...`: the scenario over a grid of parameter
// values, each point over several seeds, summarised as a CSV of means and 95% confidence intervals;
// or the same grid as commands to run elsewhere (--plan) and their reports read back (--collect).

#include "CliArgs.h"
#include "CommandLine.h"
#include "Commands.h"
#include "Interrupt.h"
#include "OutputFiles.h"
#include "OutputPaths.h"
#include "ScenarioInput.h"
#include "ScenarioSettings.h"
#include "SweepCsv.h"
#include "SweepGrid.h"
#include "SweepPlan.h"
#include "SweepRunner.h"

#include "model/ModelBuilder.h"

#include <algorithm>
#include <cstdio>
#include <thread>

namespace brokerlab::cli {

namespace {

constexpr std::uint64_t kMaxSeeds = 1000;
constexpr std::uint64_t kMaxJobs = 1024;

CommandLine sweepLine() {
  CommandLine line(
      "sweep", "FILE",
      "Run a scenario over a grid of parameter values, each point with several seeds, and write "
      "a CSV: per point the parameters, then per key figure its mean over the seeds and the "
      "half-width of its 95% confidence interval (Student t). On a terminal, progress shows on "
      "stderr; Ctrl-C stops the sweep and writes the points whose every seed finished (exit 130).");
  line.positional("FILE", "The scenario file; - reads it from standard input (not with --plan).");
  line.option({"set"},
              "A grid axis: a component's parameter and its values, a range of integers "
              "(workers.instances=1..8) or a list (orders-api.rate=50,100,200; workers.service."
              "mean=80ms,120ms). May repeat; the grid is every combination.",
              "ID.PARAM=VALUES", true);
  line.option({"seeds"},
              "Run each point with N seeds: the scenario's seed and the N-1 after it (default 5).",
              "N");
  line.option({"jobs"}, "Run J simulations at a time (default: one per core).", "J");
  line.option({"o", "output"}, "Write the CSV (or the plan) to FILE instead of standard output.",
              "FILE");
  line.option({"plan"},
              "Print one brokerlab-cli run command per run instead, each writing its JSON report "
              "to DIR/point-K-seed-S.json (for GNU parallel or a Slurm array).",
              "DIR");
  line.option({"collect"},
              "Read the reports the --plan commands wrote to DIR instead of running, and write "
              "the same CSV.",
              "DIR");
  return line;
}

struct SweepOptions {
  std::string file;
  std::string output = "-";
  std::vector<SweepAxis> axes;
  std::size_t seeds = 5;
  unsigned jobs = 1;
  std::optional<std::string> plan, collect;
};

std::optional<int> readAxes(const CommandLine& args, SweepOptions& o) {
  for (const std::string& text : args.values("set")) {
    std::string error;
    std::optional<SweepAxis> axis = parseAxis(text, &error);
    if (!axis) return args.usage("--set " + text + ": " + error);
    for (const SweepAxis& a : o.axes)
      if (a.key == axis->key) return args.usage("--set " + a.key + " is given twice");
    o.axes.push_back(std::move(*axis));
  }
  return std::nullopt;
}

std::optional<int> readOptions(CommandLine& args, const std::vector<std::string>& words,
                               SweepOptions& o) {
  if (const auto done = args.parse(words)) return *done;
  const std::vector<std::string> files = args.positionals();
  if (files.size() != 1) return args.usage("expects exactly one scenario FILE");
  o.file = files[0];
  o.output = args.value("output").value_or("-");
  o.plan = args.value("plan");
  o.collect = args.value("collect");
  if (o.plan && o.collect) return args.usage("--plan and --collect cannot go together");
  if (o.plan && o.file == "-")
    return args.usage("--plan needs a scenario file the commands can read, not standard input");
  std::optional<std::uint64_t> seeds, jobs;
  if (!args.integerOption("seeds", seeds, 1, kMaxSeeds) ||
      !args.integerOption("jobs", jobs, 1, kMaxJobs))
    return kExitUsage;
  o.seeds = seeds.value_or(5);
  o.jobs = static_cast<unsigned>(jobs.value_or(std::max(1u, std::thread::hardware_concurrency())));
  if (const auto done = readAxes(args, o)) return *done;
  if (gridSize(o.axes) * o.seeds > kMaxSweepRuns)
    return args.usage("the grid has more than " + std::to_string(kMaxSweepRuns) +
                      " runs (points x seeds); split it");
  const std::string name = o.output == "-" ? "the CSV (standard output)" : "--output " + o.output;
  if (const std::string conflict = outputConflict({{name, o.output}}, o.file); !conflict.empty())
    return args.usage(conflict);
  return std::nullopt;
}

int fail(const std::string& error, int status = kExitInvalidInput) {
  std::fprintf(stderr, "brokerlab-cli sweep: %s\n", error.c_str());
  return status;
}

// Every point's scenario, checked before anything runs: a --set the loader refuses is a usage
// error, a point whose model cannot be built (a limit) an invalid input.
std::optional<int> pointScenarios(const CommandLine& args, const SweepOptions& o,
                                  const ScenarioSettings& settings,
                                  const std::vector<std::vector<std::string>>& points,
                                  std::vector<Scenario>& scenarios) {
  for (std::size_t p = 0; p < points.size(); ++p) {
    std::string error;
    std::optional<Scenario> s = settings.with(points[p], &error);
    if (!s) return args.usage(error);
    if (const ModelBuildResult built = buildModel(*s); !built.model)
      return fail(inputName(o.file) + ": point " + std::to_string(p + 1) + ": " + built.error);
    scenarios.push_back(std::move(*s));
  }
  return std::nullopt;
}

}  // namespace

int sweepCommand(const std::vector<std::string>& words) {
  CommandLine args = sweepLine();
  SweepOptions o;
  if (const auto done = readOptions(args, words, o)) return *done;
  ScenarioSettings settings;
  if (!settings.read(o.file)) return kExitInvalidInput;
  const std::vector<std::vector<std::string>> points = expandGrid(o.axes);
  std::vector<Scenario> scenarios;
  if (const auto done = pointScenarios(args, o, settings, points, scenarios)) return *done;
  const std::vector<std::uint64_t> seeds = sweepSeeds(settings.original(), o.seeds);
  std::string error;
  if (o.plan) {
    if (!writeOutput(o.output, "plan", planText(o.file, points, seeds, *o.plan), &error))
      return fail(error);
    return kExitOk;
  }
  catchInterrupt();
  const SweepOutcome outcome = o.collect ? collectReports(*o.collect, points.size(), seeds)
                                         : runSweep(scenarios, seeds, o.jobs);
  if (!outcome.error.empty()) return fail(outcome.error);
  // Stopped by Ctrl-C: the points whose every seed finished, as run prints its report so far.
  const std::optional<std::string> csv = sweepCsv(o.axes, outcome.runs, seeds.size(), &error);
  if (!csv) return fail(error);
  if (!writeOutput(o.output, "CSV", *csv, &error)) return fail(error);
  if (outcome.interrupted)
    return fail("interrupted (Ctrl-C) after " + std::to_string(outcome.done) + " of " +
                    std::to_string(points.size() * seeds.size()) +
                    " runs: the CSV has the points whose every seed finished",
                kExitInterrupted);
  return kExitOk;
}

}  // namespace brokerlab::cli
