// `brokerlab-cli bench`: by default the M/M/1 work queue of ../shared/peers (lambda 0.9, mu 1),
// with every hop of a real broker modelled (publish, arrive, deliver, service, ack) and zero link
// latency, so its speed compares with the peers' bare kernels; `--model` runs one workload of the
// suite and `--suite` all of them (BenchModels.cpp, BenchSuite.cpp).

#include "BenchModels.h"
#include "BenchSuite.h"
#include "CliArgs.h"
#include "Commands.h"
#include "StandardOutput.h"

#include "model/ModelBuilder.h"
#include "sim/Simulator.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

namespace brokerlab::cli {

std::uint64_t peakRssBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;  // kB
  return 0;
}

namespace {

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

constexpr const char* kBenchUsage =
    "usage: brokerlab-cli bench [--messages N | --events N] [--json]\n"
    "       brokerlab-cli bench --model NAME [--scale F] [--json]\n"
    "       brokerlab-cli bench --suite [--scale F] [--json]\n";

int usage(const std::string& message) {
  std::fprintf(stderr, "brokerlab-cli bench: %s\n%s", message.c_str(), kBenchUsage);
  return kExitUsage;
}

}  // namespace

BenchResult runBenchModel(const BenchModel& model) {
  const auto t0 = std::chrono::steady_clock::now();
  auto built = buildModel(model.scenario);
  Simulator sim(std::make_shared<const Model>(std::move(*built.model)));
  const auto t1 = std::chrono::steady_clock::now();
  sim.run();
  const auto t2 = std::chrono::steady_clock::now();
  BenchResult r;
  r.model = model.name;
  r.description = model.description;
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
  const CliArgs args =
      parseArgs(words, {"messages", "events", "model", "scale"}, {"json", "suite"});
  if (!args.error.empty()) return usage(args.error);
  if (!args.positional.empty()) return usage("takes no file");
  double scale = 1;
  if (const auto text = args.value("scale")) {
    char* end = nullptr;
    scale = std::strtod(text->c_str(), &end);
    if (end == text->c_str() || *end != '\0' || !(scale > 0) || scale > 100)
      return usage("--scale must be a number above 0 and at most 100 (got \"" + *text + "\")");
  }
  if (args.has("suite")) return runBenchSuite(scale, args.has("json"));

  const std::string name = args.value("model").value_or("mm1");
  std::optional<BenchModel> model = benchModel(name, scale);
  if (!model) {
    std::string known;
    for (const std::string& n : benchModelNames())
      known.append(known.empty() ? "" : ", ").append(n);
    return usage("unknown model \"" + name + "\" (models: " + known + ")");
  }
  for (const char* option : {"messages", "events"}) {
    const auto text = args.value(option);
    if (!text) continue;
    const auto n = positiveCount(*text);
    if (!n)
      return usage(std::string("--") + option + " must be a count from 1 to 1e12 (got \"" + *text +
                   "\")");
    if (name != "mm1")
      return usage(std::string("--") + option + " sizes the mm1 model only; use --scale");
    model->scenario.components[0].count =
        std::string(option) == "events" ? std::max<std::uint64_t>(1, *n / 5) : *n;
  }
  const BenchResult r = runBenchModel(*model);
  printOut((args.has("json") ? benchResultJson(r) : benchResultText(r)));
  return kExitOk;
}

}  // namespace brokerlab::cli
