// `brokerlab-cli fuzz`: simulation fuzzing. For each seed, a random fault plan on one of the
// scenarios, run twice with the invariants on: the runs must keep every invariant, conserve every
// message and job, and repeat bit for bit. A failure prints the one line that reproduces it.

#include "CliArgs.h"
#include "CommandLine.h"
#include "Commands.h"
#include "Interrupt.h"
#include "Progress.h"
#include "SimulatorHook.h"
#include "StandardOutput.h"

#include "faults/FaultPlan.h"
#include "model/ModelBuilder.h"
#include "scenario/ScenarioFile.h"
#include "scenario/ScenarioValidation.h"
#include "sim/JobLedger.h"
#include "sim/Simulator.h"

#include <QDir>

#include <chrono>
#include <cstdio>
#include <memory>

namespace brokerlab::cli {

namespace {

CommandLine fuzzLine() {
  CommandLine line("fuzz", "",
                   "Random fault plans over the scenarios, invariants checked after every event, "
                   "each run twice: it must keep every invariant, conserve every message and job, "
                   "and repeat bit for bit.");
  line.option({"seeds"}, "How many seeds to run (default 200).", "N");
  line.option({"first"}, "The first seed (default 1).", "F");
  line.option({"scenario"},
              "Fuzz this scenario (may repeat; default: every scenarios/*.json under the current "
              "directory).",
              "FILE", true);
  return line;
}

struct Outcome {
  std::string failure;  // empty: all good
  std::uint64_t hash = 0;
  std::uint64_t events = 0;
};

Outcome runOnce(const std::shared_ptr<const Model>& model) {
  Simulator sim(model);
  prepareSimulator(sim);
  sim.setInvariantChecks(true);
  Outcome o;
  if (sim.run() != StopReason::ReachedTime)
    o.failure = sim.violation().empty() ? sim.limitReached() : sim.violation();
  if (o.failure.empty()) o.failure = sim.ledger().recount(sim.messages());
  if (o.failure.empty()) o.failure = checkJobs(sim);
  o.hash = sim.traceHash();
  o.events = sim.eventsProcessed();
  return o;
}

// One seed: `base` with the seed's random fault plan, run twice with the invariants on. Returns
// what went wrong, or nothing.
std::string fuzzSeed(const Scenario& base, std::uint64_t f, std::uint64_t& events) {
  Scenario s = base;
  for (FaultSpec& fault : randomFaultPlan(s, f)) s.faults.push_back(std::move(fault));
  const std::vector<ScenarioIssue> issues = validateScenario(s);
  if (!issues.empty()) return "the fault plan is not a valid scenario: " + issues[0].message;
  ModelBuildResult built = buildModel(s, f);
  if (!built.model) return "the fault plan does not build: " + built.error;
  const auto model = std::make_shared<const Model>(std::move(*built.model));
  const Outcome a = runOnce(model), b = runOnce(model);
  events += a.events + b.events;
  if (!a.failure.empty()) return a.failure;
  if (a.hash != b.hash || a.events != b.events)
    return "two runs differ: trace hashes " + std::to_string(a.hash) + " and " +
           std::to_string(b.hash);
  return {};
}

std::vector<std::string> bundledScenarios() {
  std::vector<std::string> files;
  const QDir dir(QStringLiteral("scenarios"));
  for (const QString& f : dir.entryList({"*.json"}, QDir::Files, QDir::Name))
    files.push_back(("scenarios/" + f).toStdString());
  return files;
}

}  // namespace

int fuzzCommand(const std::vector<std::string>& words) {
  CommandLine args = fuzzLine();
  if (const auto done = args.parse(words)) return *done;
  if (!args.positionals().empty()) return args.usage("scenarios are given with --scenario FILE");
  std::optional<std::uint64_t> seedsOption, firstOption;
  if (!args.integerOption("seeds", seedsOption, 1, 1'000'000) ||
      !args.integerOption("first", firstOption, 1))
    return kExitUsage;
  const std::uint64_t seeds = seedsOption.value_or(200), first = firstOption.value_or(1);
  if (seeds - 1 > UINT64_MAX - first)  // the last seed, first + seeds - 1, must exist
    return args.usage("--first " + std::to_string(first) + " leaves room for " +
                      std::to_string(UINT64_MAX - first + 1) +
                      " seeds up to 18446744073709551615, not " + std::to_string(seeds));
  std::vector<std::string> files = args.values("scenario");
  if (files.empty()) files = bundledScenarios();
  if (files.empty())
    return args.usage("no scenarios: run it from the repository, or give --scenario");

  std::vector<Scenario> scenarios;
  for (const std::string& file : files) {
    const ScenarioLoadResult loaded = loadScenarioFile(QString::fromStdString(file));
    if (!loaded.scenario) {
      std::fprintf(stderr, "%s: does not load (brokerlab-cli validate %s)\n", file.c_str(),
                   file.c_str());
      return kExitInvalidInput;
    }
    scenarios.push_back(*loaded.scenario);
  }

  catchInterrupt();
  Progress progress("fuzz");
  const auto t0 = std::chrono::steady_clock::now();
  std::uint64_t failures = 0, events = 0, done = 0;
  for (; done < seeds && !interrupted(); ++done) {
    const std::uint64_t f = first + done;
    const std::size_t which = static_cast<std::size_t>((f - 1) % scenarios.size());
    progress.items(done, seeds, "seeds", files[which]);
    const std::string failure = fuzzSeed(scenarios[which], f, events);
    if (failure.empty()) continue;
    ++failures;
    printfOut(
        "FAIL seed %llu: %s\n  reproduce: brokerlab-cli run %s --seed %llu "
        "--faults-from-seed %llu --check-invariants\n",
        static_cast<unsigned long long>(f), failure.c_str(), files[which].c_str(),
        static_cast<unsigned long long>(f), static_cast<unsigned long long>(f));
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (done < seeds)
    printfOut("fuzz: stopped early: interrupted (Ctrl-C) after %llu of %llu seeds\n",
              static_cast<unsigned long long>(done), static_cast<unsigned long long>(seeds));
  printfOut(
      "fuzz: %llu seed%s over %zu scenario%s, %llu failed; %llu events in %.1f s (%.0f "
      "seeds/min)\n",
      static_cast<unsigned long long>(done), done == 1 ? "" : "s", scenarios.size(),
      scenarios.size() == 1 ? "" : "s", static_cast<unsigned long long>(failures),
      static_cast<unsigned long long>(events), wall,
      wall > 0 ? static_cast<double>(done) * 60.0 / wall : 0.0);
  if (done < seeds) return kExitInterrupted;
  return failures == 0 ? kExitOk : kExitInvalidInput;
}

}  // namespace brokerlab::cli
