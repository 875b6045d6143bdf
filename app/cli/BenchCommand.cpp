// `brokerlab-cli bench`: by default the textbook M/M/1 work queue (lambda 0.9, mu 1),
// with every hop of a real broker modelled (publish, arrive, deliver, service, ack) and zero link
// latency, so its speed compares with a bare kernel's (ReferenceKernel.h, --vs-reference);
// `--model` runs one workload of the suite and `--suite` all of them (BenchModels.cpp,
// BenchSuite.cpp); `--scaling` runs them at a few sizes and fits how their cost grows
// (BenchScaling.cpp).

#include "BenchModels.h"
#include "BenchReference.h"
#include "BenchScaling.h"
#include "BenchSuite.h"
#include "CliArgs.h"
#include "CommandLine.h"
#include "Commands.h"
#include "StandardOutput.h"

#include "model/ModelBuilder.h"
#include "sim/Simulator.h"
#include "sim/Trace.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace brokerlab::cli {

std::uint64_t peakRssBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;  // kB
  return 0;
}

namespace {

std::string knownModels() {
  std::string known;
  for (const std::string& n : benchModelNames()) known.append(known.empty() ? "" : ", ").append(n);
  return known;
}

std::optional<std::uint64_t> positiveCount(const std::string& text) {
  try {
    std::size_t used = 0;
    const double v = std::stod(text, &used);  // accepts 1e6
    if (used != text.size() || !(v >= 1) || v > 1e12) return std::nullopt;
    return static_cast<std::uint64_t>(v);
  } catch (...) {
    return std::nullopt;
  }
}

CommandLine benchLine() {
  CommandLine line("bench", "",
                   "Measure the engine: by default the M/M/1 work queue at rho 0.9 with every hop "
                   "modelled; messages/s, events/s, peak memory.");
  line.option({"messages"}, "Size the mm1 model in messages (default 1e6).", "N");
  line.option({"events"}, "Size the mm1 model in events (N / 5 messages).", "N");
  line.option({"model"},
              "Run one workload of the suite: " + QString::fromStdString(knownModels()) + ".",
              "NAME");
  line.option({"size"},
              "With --model: its size along its own dimension (mm1, mm1-1e8, backlog-1e7: "
              "messages; queues-10k: queues; topic-100: subscribers; stream-32x4: partitions; "
              "request-reply-1000: clients).",
              "N");
  line.option({"suite"}, "Run every workload, each in its own process, and check the targets.");
  line.option({"scaling"},
              "Run every workload (or --model's) at a few sizes along its dimension, each in its "
              "own process, and print how run time and ns per event grow with the size.");
  line.option({"points"}, "With --scaling: sizes per workload (2 to 6; default 3).", "N");
  line.option({"scale"}, "Scale the workloads' message counts (above 0, at most 100; default 1).",
              "F");
  line.option({"vs-reference"},
              "Run mm1 and queues-10k in turn with the bare reference kernel (a priority queue of "
              "arrivals and departures, drawing as the kernel the targets were set against) and "
              "print each pair's ratio of messages/s and the median; beside it, the ratio to a "
              "leaner kernel.");
  line.option({"pairs"}, "With --vs-reference: pairs of runs per workload (default 5).", "N");
  line.option({"json"}, "Print the results as JSON.");
  return line;
}

}  // namespace

BenchResult runBenchModel(const BenchModel& model, bool captureTrace) {
  const auto t0 = std::chrono::steady_clock::now();
  auto built = buildModel(model.scenario);
  Simulator sim(std::make_shared<const Model>(std::move(*built.model)));
  // As `run` has it without --check-invariants, in every build: a build without NDEBUG (the
  // sanitizers') would otherwise check the whole state after each event, which measures the
  // checker (10,000 queues: 37 s under ASan instead of 0.6 s).
  sim.setInvariantChecks(false);
  const auto t1 = std::chrono::steady_clock::now();
  if (captureTrace) {
    sim.trace().setCapturing(true);
    std::vector<TraceRecord> batch;
    for (;;) {
      const StopReason why = sim.runUntil(sim.model().duration, 1u << 16);
      batch.clear();
      sim.trace().pull(batch, sim.trace().size());
      if (why != StopReason::EventBudget && why != StopReason::TraceFull) break;
    }
  } else {
    sim.run();
  }
  const auto t2 = std::chrono::steady_clock::now();
  BenchResult r;
  r.model = model.name;
  r.description = model.description;
  r.unit = model.unit;
  r.size = model.size;
  r.wallS = std::chrono::duration<double>(t2 - t0).count();
  r.runS = std::chrono::duration<double>(t2 - t1).count();
  r.messages = sim.ledger().published;
  r.events = sim.eventsProcessed();
  r.peakRssBytes = peakRssBytes();
  r.traceHash = sim.traceHash();
  if (!sim.queueMetrics().empty() && sim.queueMetrics()[0].wait.count() > 0)
    r.waitMeanS = sim.queueMetrics()[0].wait.meanNs() / 1e9;
  return r;
}

int benchCommand(const std::vector<std::string>& words) {
  CommandLine args = benchLine();
  if (const auto done = args.parse(words)) return *done;
  if (!args.positionals().empty()) return args.usage("takes no file");
  double scale = 1;
  if (const auto text = args.value("scale")) {
    char* end = nullptr;
    scale = std::strtod(text->c_str(), &end);
    if (end == text->c_str() || *end != '\0' || !(scale > 0) || scale > 100)
      return args.usage("--scale must be a number above 0 and at most 100 (got \"" + *text + "\")");
  }
  if (args.isSet("suite") + args.isSet("vs-reference") + args.isSet("scaling") > 1)
    return args.usage("give one of --suite, --vs-reference and --scaling");
  if (args.isSet("size") && (args.isSet("suite") || args.isSet("vs-reference")))
    return args.usage("--size is for one --model");
  if (args.isSet("size") && args.isSet("scaling"))
    return args.usage("--scaling chooses its sizes: --points says how many, --scale how big");
  if (args.isSet("points") && !args.isSet("scaling"))
    return args.usage("--points is for --scaling");
  if (args.isSet("suite")) return runBenchSuite(scale, args.isSet("json"));
  if (args.isSet("scaling")) {
    int points = 3;
    if (const auto text = args.value("points")) {
      const auto n = positiveCount(*text);
      if (!n || *n < 2 || *n > 6) return args.usage("--points must be a count from 2 to 6");
      points = static_cast<int>(*n);
    }
    if (args.isSet("messages") || args.isSet("events") || args.isSet("pairs"))
      return args.usage("--scaling runs the workloads at their own sizes: --scale sizes them");
    const std::string only = args.value("model").value_or("");
    if (!only.empty() && !benchDimension(only))
      return args.usage("unknown model \"" + only + "\" (models: " + knownModels() + ")");
    return runBenchScaling(scale, points, args.isSet("json"), only);
  }
  if (args.isSet("pairs") && !args.isSet("vs-reference"))
    return args.usage("--pairs is for --vs-reference");
  if (args.isSet("vs-reference")) {
    int pairs = 5;
    if (const auto text = args.value("pairs")) {
      const auto n = positiveCount(*text);
      if (!n || *n > 1000) return args.usage("--pairs must be a count from 1 to 1000");
      pairs = static_cast<int>(*n);
    }
    if (args.isSet("messages") || args.isSet("events"))
      return args.usage("--vs-reference runs its own workloads: --scale sizes them");
    const std::string only = args.value("model").value_or("");
    if (!only.empty() && only != "mm1" && only != "queues-10k")
      return args.usage("--vs-reference compares mm1 and queues-10k (got \"" + only + "\")");
    return runBenchVsReference(scale, pairs, args.isSet("json"), only);
  }

  const std::string name = args.value("model").value_or("mm1");
  const std::optional<BenchDimension> dimension = benchDimension(name);
  if (!dimension)
    return args.usage("unknown model \"" + name + "\" (models: " + knownModels() + ")");
  std::optional<std::uint64_t> size;
  if (const auto text = args.value("size")) {
    size = positiveCount(*text);
    if (!size || *size > dimension->maximum)
      return args.usage("--size of " + name + " must be a count of " + dimension->unit +
                        " from 1 to " + std::to_string(dimension->maximum) + " (got \"" + *text +
                        "\")");
  }
  std::optional<BenchModel> model = benchModel(name, scale, size);
  if (!model) return args.usage("cannot build " + name);
  if (args.isSet("messages") && args.isSet("events"))
    return args.usage("give --messages or --events, not both");
  if (args.isSet("size") && (args.isSet("messages") || args.isSet("events")))
    return args.usage("give --size or --" +
                      std::string(args.isSet("messages") ? "messages" : "events") + ", not both");
  for (const char* option : {"messages", "events"}) {
    const auto text = args.value(option);
    if (!text) continue;
    const auto n = positiveCount(*text);
    if (!n)
      return args.usage(std::string("--") + option + " must be a count from 1 to 1e12 (got \"" +
                        *text + "\")");
    if (name != "mm1")
      return args.usage(std::string("--") + option + " sizes the mm1 model only; use --scale");
    const std::uint64_t messages =
        std::string(option) == "events" ? std::max<std::uint64_t>(1, *n / 5) : *n;
    model->scenario.components[0].count = messages;
    model->size = messages;
    model->description =
        "M/M/1 work queue, rho 0.9, " + std::to_string(messages) + " messages, every hop modelled";
  }
  const BenchResult r = runBenchModel(*model);
  printOut((args.isSet("json") ? benchResultJson(r) : benchResultText(r)));
  return kExitOk;
}

}  // namespace brokerlab::cli
