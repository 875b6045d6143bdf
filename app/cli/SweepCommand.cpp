// `brokerlab-cli sweep FILE --set ID.PARAM=VALUES...`: the scenario over a grid of parameter
// values, each point over several seeds, summarised as a CSV of means and 95% confidence intervals;
// or the same grid as commands to run elsewhere (--plan) and their reports read back (--collect,
// --merge).

#include "CliArgs.h"
#include "CommandLine.h"
#include "Commands.h"
#include "Interrupt.h"
#include "OutputFiles.h"
#include "OutputPaths.h"
#include "Progress.h"
#include "ScenarioInput.h"
#include "ScenarioSettings.h"
#include "SimulatorHook.h"
#include "SweepPlan.h"

#include "model/ModelBuilder.h"
#include "sweep/SweepCsv.h"
#include "sweep/SweepGrid.h"
#include "sweep/SweepRunner.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

namespace brokerlab::cli {

namespace {

constexpr std::uint64_t kMaxSeeds = 1000;
constexpr std::uint64_t kMaxJobs = 1024;

CommandLine sweepLine() {
  CommandLine line(
      "sweep", "FILE [REPORT...]",
      "Run a scenario over a grid of parameter values, each point with several seeds, and write "
      "a CSV: per point the parameters, then per key figure its mean over the seeds and the "
      "half-width of its 95% confidence interval (Student t). On a terminal, progress shows on "
      "stderr; Ctrl-C stops the sweep and writes the points whose every seed finished (exit 130).");
  line.positional("FILE", "The scenario file; - reads it from standard input (not with --plan).");
  line.positional("REPORT", "With --merge: the reports the --plan commands wrote.");
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
  line.option({"merge"},
              "Read the REPORT files named after FILE instead of running (reports the --plan "
              "commands wrote, gathered from wherever they ran: point-K-seed-S.json, one per "
              "point and seed), and write the same CSV.");
  return line;
}

struct SweepOptions {
  std::string file;
  std::string output = "-";
  std::vector<SweepAxis> axes;
  std::size_t seeds = 5;
  unsigned jobs = 1;
  std::optional<std::string> plan, collect;
  bool merge = false;
  std::vector<std::string> reports;  // --merge
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
  std::vector<std::string> files = args.positionals();
  o.merge = args.isSet("merge");
  if (files.empty()) return args.usage("expects a scenario FILE");
  if (o.merge && files.size() == 1) return args.usage("--merge expects REPORT files after FILE");
  if (!o.merge && files.size() != 1)
    return args.usage("expects exactly one scenario FILE (REPORT files go with --merge)");
  o.file = files[0];
  o.reports.assign(files.begin() + 1, files.end());
  o.output = args.value("output").value_or("-");
  o.plan = args.value("plan");
  o.collect = args.value("collect");
  if ((o.plan ? 1 : 0) + (o.collect ? 1 : 0) + (o.merge ? 1 : 0) > 1)
    return args.usage("--plan, --collect and --merge cannot go together");
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

// The grid run here on `jobs` threads, a progress line on a terminal, Ctrl-C stopping the runs.
SweepOutcome runHere(const std::vector<Scenario>& scenarios,
                     const std::vector<std::uint64_t>& seeds, unsigned jobs) {
  SweepControl control;
  control.prepare = prepareSimulator;
  std::mutex mutex;
  std::condition_variable changed;
  bool finished = false;  // under `mutex`
  control.runFinished = [&] {
    const std::lock_guard lock(mutex);
    changed.notify_one();
  };
  SweepOutcome outcome;
  std::thread sweep([&] {
    outcome = runSweep(scenarios, seeds, jobs, control);
    const std::lock_guard lock(mutex);
    finished = true;
    changed.notify_one();
  });
  {
    Progress progress("sweep");
    std::unique_lock lock(mutex);
    while (!finished) {
      changed.wait_for(lock, std::chrono::milliseconds(100));
      if (interrupted()) control.stop = true;
      progress.items(control.done.load(), scenarios.size() * seeds.size(), "runs", "");
    }
  }
  sweep.join();
  return outcome;
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
  const ReportGrid grid{points, seeds, settings.original().name};
  const SweepOutcome outcome = o.collect ? collectReports(*o.collect, grid)
                               : o.merge ? mergeReports(o.reports, grid)
                                         : runHere(scenarios, seeds, o.jobs);
  if (!outcome.error.empty()) return fail(outcome.error);
  // Stopped by Ctrl-C: the points whose every seed finished, as run prints its report so far.
  const std::optional<SweepTable> table = sweepTable(o.axes, outcome.runs, seeds.size(), &error);
  if (!table) return fail(error);
  if (!writeOutput(o.output, "CSV", sweepCsv(*table), &error)) return fail(error);
  if (outcome.stopped)
    return fail("interrupted (Ctrl-C) after " + std::to_string(outcome.done) + " of " +
                    std::to_string(points.size() * seeds.size()) +
                    " runs: the CSV has the points whose every seed finished",
                kExitInterrupted);
  return kExitOk;
}

}  // namespace brokerlab::cli
