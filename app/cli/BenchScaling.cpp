#include "BenchScaling.h"

#include "BenchModels.h"
#include "BenchSuite.h"
#include "CliArgs.h"
#include "Interrupt.h"
#include "Progress.h"
#include "StandardOutput.h"

#include "scenario/JsonWriter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace brokerlab::cli {

namespace {

struct ModelScaling {
  std::string model;
  std::string unit;
  std::vector<BenchResult> points;  // the smallest size first
};

double nsPerEvent(const BenchResult& r) {
  return r.events > 0 ? r.runS * 1e9 / static_cast<double>(r.events) : 0;
}

// The four slopes against size, each over the figure it names.
struct Slopes {
  std::optional<double> runS, events, nsPerEvent, peakRss;
};

Slopes slopes(const std::vector<BenchResult>& points) {
  std::vector<double> size, run, events, ns, peak;
  for (const BenchResult& p : points) {
    size.push_back(static_cast<double>(p.size));
    run.push_back(p.runS);
    events.push_back(static_cast<double>(p.events));
    ns.push_back(nsPerEvent(p));
    peak.push_back(static_cast<double>(p.peakRssBytes));
  }
  return {logLogSlope(size, run), logLogSlope(size, events), logLogSlope(size, ns),
          logLogSlope(size, peak)};
}

// A slope b multiplies the figure by 2^b when the size doubles.
double changePerDoubling(double slope) {
  return std::exp2(slope) - 1;
}

// The sizes of the points: 1/2^(points-1), ..., 1/2, 1 of the model's size at `scale`.
std::vector<std::uint64_t> sizes(const BenchDimension& dimension, double scale, int points) {
  const double full = static_cast<double>(benchDefaultSize(dimension, scale));
  std::vector<std::uint64_t> out;
  for (int i = points - 1; i >= 0; --i)
    out.push_back(
        std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(std::ldexp(full, -i)))));
  return out;
}

std::string fractions(int points) {
  std::string out;
  for (int i = points - 1; i >= 1; --i)
    out += "1/" + std::to_string(1 << i) + (i > 1 ? ", " : " and ");
  return out + "1";
}

std::string slopeText(const std::optional<double>& slope) {
  if (!slope) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::abs(*slope) < 0.005 ? 0.0 : *slope);  // not -0.00
  return buf;
}

void writeSlope(json::JsonWriter& w, const char* key, const std::optional<double>& slope) {
  w.key(key);
  if (slope) {
    w.number(*slope);
  } else {
    w.null();
  }
}

void printJson(const std::vector<ModelScaling>& models, double scale, int points,
               const std::string& stoppedEarly) {
  json::JsonWriter w;
  w.beginObject();
  w.key("scale");
  w.number(scale);
  w.key("points");
  w.integer(static_cast<std::uint64_t>(points));
  if (!stoppedEarly.empty()) {
    w.key("stopped_early");
    w.string(stoppedEarly);
  }
  w.key("models");
  w.beginArray();
  for (const ModelScaling& m : models) {
    w.beginObject();
    w.key("model");
    w.string(m.model);
    w.key("dimension");
    w.string(m.unit);
    w.key("points");
    w.beginArray();
    for (const BenchResult& p : m.points) {
      w.beginObject(json::JsonWriter::Style::Inline);
      w.key("size");
      w.integer(p.size);
      w.key("messages");
      w.integer(p.messages);
      w.key("events");
      w.integer(p.events);
      w.key("run_s");
      w.number(p.runS);
      w.key("ns_per_event");
      w.number(nsPerEvent(p));
      w.key("peak_rss_bytes");
      w.integer(p.peakRssBytes);
      w.endObject();
    }
    w.endArray();
    // Each the slope of log(figure) against log(size), named by the figure.
    const Slopes s = slopes(m.points);
    w.key("slopes");
    w.beginObject(json::JsonWriter::Style::Inline);
    writeSlope(w, "run_s", s.runS);
    writeSlope(w, "events", s.events);
    writeSlope(w, "ns_per_event", s.nsPerEvent);
    writeSlope(w, "peak_rss_bytes", s.peakRss);
    w.endObject();
    w.key("ns_per_event_change_per_doubling");
    if (s.nsPerEvent) {
      w.number(changePerDoubling(*s.nsPerEvent));
    } else {
      w.null();
    }
    w.endObject();
  }
  w.endArray();
  w.endObject();
  printOut(w.take());
}

void printText(const std::vector<ModelScaling>& models, double scale, int points,
               const std::string& stoppedEarly) {
  if (!stoppedEarly.empty()) printfOut("Stopped early: %s\n", stoppedEarly.c_str());
  char factor[64] = "";
  if (scale != 1) std::snprintf(factor, sizeof factor, " (message counts x %g)", scale);
  printfOut(
      "Each model at %s of its size along its own dimension%s,\n"
      "each point in a process of its own. A slope is the least-squares fit of log(figure) "
      "against\n"
      "log(size): run time 1 = linear in size, ns/event 0 = a flat cost per event. Run times are\n"
      "wall-clock: on a loaded machine the slopes are noisy.\n\n",
      fractions(points).c_str(), factor);
  printfOut("%-18s %-11s %10s %11s %9s %9s %9s\n", "model", "dimension", "size", "events", "run s",
            "ns/event", "peak MiB");
  for (const ModelScaling& m : models) {
    for (const BenchResult& p : m.points)
      printfOut("%-18s %-11s %10llu %11llu %9.4f %9.1f %9.1f\n", m.model.c_str(), m.unit.c_str(),
                static_cast<unsigned long long>(p.size), static_cast<unsigned long long>(p.events),
                p.runS, nsPerEvent(p), static_cast<double>(p.peakRssBytes) / (1024.0 * 1024.0));
    const Slopes s = slopes(m.points);
    std::string reading = "fewer than two sizes";
    if (s.nsPerEvent) {
      const double change = changePerDoubling(*s.nsPerEvent) * 100;
      char buf[128];
      std::snprintf(buf, sizeof buf, "per-event cost %s %.1f%% per doubling of %s",
                    change < 0 ? "falls" : "grows", std::abs(change), m.unit.c_str());
      reading = buf;
    }
    printfOut("  slopes: run time %s, events %s, ns/event %s, peak memory %s: %s\n",
              slopeText(s.runS).c_str(), slopeText(s.events).c_str(),
              slopeText(s.nsPerEvent).c_str(), slopeText(s.peakRss).c_str(), reading.c_str());
  }
}

}  // namespace

int runBenchScaling(double scale, int points, bool json, const std::string& only) {
  catchInterrupt();
  std::vector<std::string> names = benchModelNames();
  if (!only.empty()) names = {only};
  std::vector<ModelScaling> models;
  Progress progress("bench --scaling");
  const std::size_t total = names.size() * static_cast<std::size_t>(points);
  std::size_t done = 0;
  for (const std::string& name : names) {
    const std::optional<BenchDimension> dimension = benchDimension(name);
    if (!dimension) {
      std::fprintf(stderr, "brokerlab-cli bench: unknown model \"%s\"\n", name.c_str());
      return kExitUsage;
    }
    models.push_back({name, dimension->unit, {}});
    for (const std::uint64_t size : sizes(*dimension, scale, points)) {
      const std::string now = name + " at " + std::to_string(size) + " " + dimension->unit;
      progress.items(done, total, "points", now);
      std::string error;
      const std::optional<BenchResult> r = runBenchModelInChild(name, scale, size, &error);
      if (!r && interrupted()) break;
      if (!r) {
        std::fprintf(stderr, "brokerlab-cli bench: %s failed: %s\n", now.c_str(), error.c_str());
        return kExitInvalidInput;
      }
      models.back().points.push_back(*r);
      ++done;
    }
    if (interrupted()) break;
  }
  std::string stopped;
  if (interrupted())
    stopped = "interrupted (Ctrl-C) after " + std::to_string(done) + " of " +
              std::to_string(total) + " points";
  if (json) {
    printJson(models, scale, points, stopped);
  } else {
    printText(models, scale, points, stopped);
  }
  if (stopped.empty()) return kExitOk;
  std::fprintf(stderr, "brokerlab-cli bench: %s\n", stopped.c_str());
  return kExitInterrupted;
}

}  // namespace brokerlab::cli
