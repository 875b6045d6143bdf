// `brokerlab-cli bench`: the M/M/1 work queue of ../shared/peers (lambda 0.9, mu 1), with every hop
// of a real broker modelled (publish, arrive, deliver, service, ack) and zero link latency, so
// its speed compares with the peers' bare kernels. Issue #6 grows this into a suite.

#include "CliArgs.h"
#include "Commands.h"
#include "ReportFormat.h"

#include "metrics/Report.h"
#include "model/ModelBuilder.h"
#include "scenario/JsonWriter.h"
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

Scenario mm1Scenario(std::uint64_t messages) {
  Scenario s;
  s.name = "bench-mm1";
  s.duration = kMaxSimTime;  // the producer's count ends the run
  s.networkLatency = Distribution::constant(0);
  s.sampleInterval = kMaxSimTime / 1024;  // the run ends by count; keep the series short
  ComponentSpec p = ComponentSpec::make("producer", ComponentKind::Producer);
  p.target = "jobs";
  p.rate = 0.9;
  p.count = messages;
  ComponentSpec q = ComponentSpec::make("jobs", ComponentKind::Queue);
  ComponentSpec c = ComponentSpec::make("worker", ComponentKind::Consumer);
  c.source = "jobs";
  c.service = Distribution::exponential(kSecond);
  s.components = {p, q, c};
  return s;
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

}  // namespace

int benchCommand(const std::vector<std::string>& words) {
  const CliArgs args = parseArgs(words, {"messages", "events"}, {"json"});
  if (!args.error.empty() || !args.positional.empty()) {
    std::fprintf(stderr,
                 "brokerlab-cli bench: %s\nusage: brokerlab-cli bench [--messages N | --events N] "
                 "[--json]\n",
                 args.error.empty() ? "takes no file" : args.error.c_str());
    return kExitUsage;
  }
  std::uint64_t messages = 1'000'000;
  for (const char* name : {"messages", "events"}) {
    if (const auto text = args.value(name)) {
      const auto n = positiveCount(*text);
      if (!n) {
        std::fprintf(stderr,
                     "brokerlab-cli bench: --%s must be a count from 1 to 1e12 (got \"%s\")\n",
                     name, text->c_str());
        return kExitUsage;
      }
      messages = std::string(name) == "events" ? std::max<std::uint64_t>(1, *n / 5) : *n;
    }
  }

  const auto t0 = std::chrono::steady_clock::now();
  const auto built = buildModel(mm1Scenario(messages));
  Simulator sim(std::make_shared<const Model>(*built.model));
  sim.run();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  const RunReport r = buildReport(sim);
  const std::uint64_t done = r.queues[0].counters.acked;
  const double msgsPerS = static_cast<double>(done) / wall;
  const double eventsPerS = static_cast<double>(r.events) / wall;
  const std::uint64_t rss = peakRssBytes();
  if (args.has("json")) {
    json::JsonWriter w;
    w.beginObject();
    w.key("model");
    w.string("mm1 rho=0.9, zero latency, manual ack, prefetch 1");
    w.key("messages");
    w.integer(done);
    w.key("events");
    w.integer(r.events);
    w.key("wall_s");
    w.number(wall);
    w.key("messages_per_s");
    w.number(msgsPerS);
    w.key("events_per_s");
    w.number(eventsPerS);
    w.key("peak_rss_bytes");
    w.integer(rss);
    w.key("wait_mean_s");
    w.number(r.queues[0].wait.meanS);
    w.key("trace_hash");
    w.string(hex64(r.traceHash));
    w.endObject();
    std::fputs(w.take().c_str(), stdout);
  } else {
    std::printf("M/M/1 work queue, rho 0.9, zero link latency, every hop modelled\n");
    std::printf("messages      %llu\n", static_cast<unsigned long long>(done));
    std::printf("events        %llu\n", static_cast<unsigned long long>(r.events));
    std::printf("wall          %.3f s\n", wall);
    std::printf("messages/s    %.3g M\n", msgsPerS / 1e6);
    std::printf("events/s      %.3g M\n", eventsPerS / 1e6);
    std::printf("peak memory   %.1f MiB\n", static_cast<double>(rss) / (1024.0 * 1024.0));
    std::printf("mean wait     %.4f s (theory 9.0; one run of 1e6 is good to about +-4%%)\n",
                r.queues[0].wait.meanS);
  }
  return kExitOk;
}

}  // namespace brokerlab::cli
