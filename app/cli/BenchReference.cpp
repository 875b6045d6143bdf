#include "BenchReference.h"

#include "BenchModels.h"
#include "BenchSuite.h"
#include "CliArgs.h"
#include "Commands.h"
#include "ReferenceKernel.h"
#include "StandardOutput.h"

#include "scenario/JsonWriter.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace brokerlab::cli {

namespace {

struct Workload {
  const char* name;          // the bench model's name
  ReferenceWorkload kernel;  // the same arrivals and services, bare
  double target;             // the ratio issue "Performance at scale" asks for
};

struct Pair {
  double brokerlab = 0;  // messages per second of the run (set-up apart)
  double reference = 0;  // the baseline kernel's (ReferenceDraws::Baseline): the targets' reference
  double referenceWaitS = 0;  // the kernel's mean wait: its check against theory
  double captured = 0;        // BrokerLab's messages per second with the trace captured
  double lean = 0;            // the lean kernel's (ReferenceDraws::Lean)
  double leanWaitS = 0;
  double ratio() const { return reference > 0 ? brokerlab / reference : 0; }
  double leanRatio() const { return lean > 0 ? brokerlab / lean : 0; }
};

double perSecond(std::uint64_t messages, double seconds) {
  return seconds > 0 ? static_cast<double>(messages) / seconds : 0;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string rate(double perS) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3gM", perS / 1e6);
  return buf;
}

}  // namespace

int runBenchVsReference(double scale, int pairs, bool json, const std::string& only) {
  const auto count = [scale](double n) {
    return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(n * scale));
  };
  // The bench models' own sizes (BenchModels.cpp): mm1 1e6 messages; queues-10k 200 a queue.
  const std::vector<Workload> workloads = {
      {"mm1", {1, count(1e6), 0.9, 1.0, 1}, 0.5},
      {"queues-10k", {10000, count(200), 0.9, 1.0, 1}, 0.3},
  };
  json::JsonWriter w;
  std::string text;
  if (json) {
    w.beginObject();
    w.key("workloads");
    w.beginArray();
  } else {
    text +=
        "BrokerLab against the bare reference kernel (a std::priority_queue of arrivals and\n"
        "departures), in turn on the same workloads; ratio = BrokerLab / reference, messages/s.\n"
        "reference: the kernel the targets were set against draws as it did (std::mt19937_64,\n"
        "-log1p(-U)); lean: the same kernel with xorshift64* and -log(U), a stricter floor.\n\n";
    char head[128];
    std::snprintf(head, sizeof head, "%-12s %4s %16s %16s %7s %12s %7s\n", "workload", "pair",
                  "brokerlab msg/s", "reference msg/s", "ratio", "lean msg/s", "ratio");
    text += head;
  }
  bool allMet = true;
  for (const Workload& wl : workloads) {
    if (!only.empty() && only != wl.name) continue;
    const std::optional<BenchModel> model = benchModel(wl.name, scale);
    std::vector<Pair> results;
    for (int i = 0; i < pairs; ++i) {
      const BenchResult a = runBenchModel(*model);
      const ReferenceResult b = runReferenceKernel(wl.kernel);
      const BenchResult c = runBenchModel(*model, /*captureTrace=*/true);
      ReferenceWorkload leanKernel = wl.kernel;
      leanKernel.draws = ReferenceDraws::Lean;
      const ReferenceResult d = runReferenceKernel(leanKernel);
      results.push_back({perSecond(a.messages, a.runS), perSecond(b.messages, b.runS), b.waitMeanS,
                         perSecond(c.messages, c.runS), perSecond(d.messages, d.runS),
                         d.waitMeanS});
    }
    std::vector<double> ratios;
    std::vector<double> captureRatios;  // with the trace captured / without, per pair
    std::vector<double> leanRatios;
    for (const Pair& p : results) {
      ratios.push_back(p.ratio());
      leanRatios.push_back(p.leanRatio());
      captureRatios.push_back(p.brokerlab > 0 ? p.captured / p.brokerlab : 0);
    }
    const double m = median(ratios);
    const double capture = median(captureRatios);
    const double lean = median(leanRatios);
    const bool met = m >= wl.target;
    allMet = allMet && met;
    if (json) {
      w.beginObject();
      w.key("name");
      w.string(wl.name);
      w.key("pairs");
      w.beginArray();
      for (const Pair& p : results) {
        const std::pair<const char*, double> fields[] = {
            {"brokerlab_messages_per_s", p.brokerlab},
            {"reference_messages_per_s", p.reference},
            {"ratio", p.ratio()},
            {"reference_wait_mean_s", p.referenceWaitS},
            {"captured_messages_per_s", p.captured},
            {"lean_reference_messages_per_s", p.lean},
            {"lean_ratio", p.leanRatio()},
            {"lean_reference_wait_mean_s", p.leanWaitS},
        };
        w.beginObject();
        for (const auto& [key, value] : fields) {
          w.key(key);
          w.number(value);
        }
        w.endObject();
      }
      w.endArray();
      w.key("median_ratio");
      w.number(m);
      w.key("target");
      w.number(wl.target);
      w.key("met");
      w.boolean(met);
      w.key("capture_median_ratio");  // as the window runs it (target >= 0.5)
      w.number(capture);
      w.key("lean_median_ratio");
      w.number(lean);
      w.endObject();
    } else {
      for (std::size_t i = 0; i < results.size(); ++i) {
        char line[160];
        std::snprintf(line, sizeof line, "%-12s %4zu %16s %16s %7.3f %12s %7.3f\n", wl.name, i + 1,
                      rate(results[i].brokerlab).c_str(), rate(results[i].reference).c_str(),
                      results[i].ratio(), rate(results[i].lean).c_str(), results[i].leanRatio());
        text += line;
      }
      char line[160];
      std::snprintf(line, sizeof line,
                    "%s: median ratio %.3f (target >= %.1f): %s; against the lean kernel %.3f\n",
                    wl.name, m, wl.target, met ? "met" : "NOT MET", lean);
      text += line;
      std::snprintf(line, sizeof line,
                    "%s with the trace captured as the window runs it / without: median %.3f "
                    "(target >= 0.5): %s\n\n",
                    wl.name, capture, capture >= 0.5 ? "met" : "NOT MET");
      text += line;
    }
  }
  if (json) {
    w.endArray();
    w.endObject();
    text = w.take();
  }
  printOut(text);
  return kExitOk;
}

}  // namespace brokerlab::cli
