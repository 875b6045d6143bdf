#include "BenchSuite.h"
#include "StandardOutput.h"

#include "CliArgs.h"
#include "Interrupt.h"
#include "Progress.h"
#include "ReportFormat.h"

#include "scenario/Json.h"
#include "scenario/JsonWriter.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <vector>

namespace brokerlab::cli {

namespace {

double perS(std::uint64_t n, double s) {
  return s > 0 ? static_cast<double>(n) / s : 0;
}
double mib(std::uint64_t bytes) {
  return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

}  // namespace

std::optional<BenchResult> runBenchModelInChild(const std::string& model, double scale,
                                                std::optional<std::uint64_t> size,
                                                std::string* error) {
  QStringList args = {
      "bench", "--model", QString::fromStdString(model), "--scale", QString::number(scale, 'g', 17),
      "--json"};
  if (size) args << "--size" << QString::number(*size);
  QProcess child;
  child.start(QStringLiteral("/proc/self/exe"), args);
  // Ctrl-C on a terminal reaches the child too; a SIGINT sent to this process alone does not,
  // so the child is ended here.
  while (!child.waitForFinished(100) && child.state() != QProcess::NotRunning) {
    if (!interrupted()) continue;
    child.kill();
    child.waitForFinished(-1);
    *error = "interrupted";
    return std::nullopt;
  }
  if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
    *error = child.readAllStandardError().toStdString();
    return std::nullopt;
  }
  const std::string out = child.readAllStandardOutput().toStdString();
  const json::ParseResult parsed = json::parse(out);
  if (!parsed.root) {
    *error = "unreadable output: " + out;
    return std::nullopt;
  }
  const json::Value& v = *parsed.root;
  auto u64 = [&](const char* key) {
    const json::Value* f = v.find(key);
    return f ? f->toUint64().value_or(0) : 0;
  };
  auto num = [&](const char* key) {
    const json::Value* f = v.find(key);
    return f ? f->toDouble().value_or(0) : 0;
  };
  BenchResult r;
  r.model = model;
  r.description = v.find("description") ? v.find("description")->text : "";
  r.unit = v.find("dimension") ? v.find("dimension")->text : "";
  r.size = u64("size");
  r.messages = u64("messages");
  r.events = u64("events");
  r.wallS = num("wall_s");
  r.runS = num("run_s");
  r.peakRssBytes = u64("peak_rss_bytes");
  return r;
}

namespace {

const BenchResult* find(const std::vector<BenchResult>& results, const char* name) {
  for (const BenchResult& r : results)
    if (r.model == name) return &r;
  return nullptr;
}

// The suite's targets (issue #6), each as a line: what was measured, the bound, and whether it
// holds.
std::string targets(const std::vector<BenchResult>& results, bool& allMet) {
  std::string out;
  char line[256];
  const BenchResult *mm1 = find(results, "mm1"), *big = find(results, "queues-10k"),
                    *long1e8 = find(results, "mm1-1e8"), *backlog = find(results, "backlog-1e7");
  if (mm1 && big) {
    const double ratio = perS(big->events, big->runS) / perS(mm1->events, mm1->runS);
    allMet &= ratio >= 0.5;
    std::snprintf(line, sizeof line, "queues-10k events/s = %.2f x mm1's (target >= 0.5): %s\n",
                  ratio, ratio >= 0.5 ? "met" : "NOT MET");
    out += line;
  }
  if (mm1 && long1e8) {
    const double ratio =
        static_cast<double>(long1e8->peakRssBytes) / static_cast<double>(mm1->peakRssBytes);
    allMet &= ratio <= 1.5;
    std::snprintf(line, sizeof line, "mm1-1e8 peak RSS = %.2f x mm1's (target <= 1.5): %s\n", ratio,
                  ratio <= 1.5 ? "met" : "NOT MET");
    out += line;
  }
  if (backlog) {
    const bool met = backlog->peakRssBytes < 2ULL * 1024 * 1024 * 1024;
    allMet &= met;
    std::snprintf(line, sizeof line, "backlog-1e7 peak RSS = %.0f MiB (target < 2048 MiB): %s\n",
                  mib(backlog->peakRssBytes), met ? "met" : "NOT MET");
    out += line;
  }
  return out;
}

}  // namespace

std::string benchResultText(const BenchResult& r) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "%s\nmessages      %llu\nevents        %llu\nwall          %.3f s (set-up %.3f s, "
                "run %.3f s)\n"
                "messages/s    %.3g M\nevents/s      %.3g M\npeak memory   %.1f MiB\n",
                r.description.c_str(), static_cast<unsigned long long>(r.messages),
                static_cast<unsigned long long>(r.events), r.wallS, r.wallS - r.runS, r.runS,
                perS(r.messages, r.runS) / 1e6, perS(r.events, r.runS) / 1e6, mib(r.peakRssBytes));
  std::string out = buf;
  if (r.waitMeanS && r.model == "mm1") {
    std::snprintf(buf, sizeof buf,
                  "mean wait     %.4f s (theory 9.0; one run of 1e6 is good to about +-4%%)\n",
                  *r.waitMeanS);
    out += buf;
  }
  return out;
}

namespace {

// The figures every result has, in the order both the single-model and the suite JSON use.
void writeMeasurements(json::JsonWriter& w, const BenchResult& r) {
  w.key("messages");
  w.integer(r.messages);
  w.key("events");
  w.integer(r.events);
  w.key("wall_s");
  w.number(r.wallS);
  w.key("run_s");
  w.number(r.runS);
  w.key("messages_per_s");
  w.number(perS(r.messages, r.runS));
  w.key("events_per_s");
  w.number(perS(r.events, r.runS));
  w.key("peak_rss_bytes");
  w.integer(r.peakRssBytes);
}

}  // namespace

std::string benchResultJson(const BenchResult& r) {
  json::JsonWriter w;
  w.beginObject();
  w.key("model");
  w.string(r.model);
  w.key("description");
  w.string(r.description);
  w.key("dimension");
  w.string(r.unit);
  w.key("size");
  w.integer(r.size);
  writeMeasurements(w, r);
  if (r.waitMeanS) {
    w.key("wait_mean_s");
    w.number(*r.waitMeanS);
  }
  w.key("trace_hash");
  w.string(hex64(r.traceHash));
  w.endObject();
  return w.take();
}

namespace {

// `stoppedEarly` empty: the whole suite ran and its targets are checked.
void printSuite(const std::vector<BenchResult>& results, double scale, bool json,
                const std::string& stoppedEarly) {
  bool allMet = true;
  const std::string verdicts = stoppedEarly.empty() ? targets(results, allMet) : "";
  if (json) {
    json::JsonWriter w;
    w.beginObject();
    w.key("scale");
    w.number(scale);
    if (!stoppedEarly.empty()) {
      w.key("stopped_early");
      w.string(stoppedEarly);
    }
    w.key("models");
    w.beginArray();
    for (const BenchResult& r : results) {
      w.beginObject(json::JsonWriter::Style::Inline);
      w.key("model");
      w.string(r.model);
      writeMeasurements(w, r);
      w.endObject();
    }
    w.endArray();
    w.key("targets_met");  // not known for a suite that stopped early
    if (stoppedEarly.empty()) {
      w.boolean(allMet);
    } else {
      w.null();
    }
    w.endObject();
    printOut(w.take());
    return;
  }
  if (!stoppedEarly.empty()) printfOut("Stopped early: %s\n", stoppedEarly.c_str());
  printfOut("%-18s %10s %11s %8s %8s %11s %10s %9s\n", "model", "messages", "events", "set-up s",
            "run s", "messages/s", "events/s", "peak MiB");
  for (const BenchResult& r : results)
    printfOut("%-18s %10llu %11llu %8.3f %8.3f %10.3gM %9.3gM %9.1f\n", r.model.c_str(),
              static_cast<unsigned long long>(r.messages),
              static_cast<unsigned long long>(r.events), r.wallS - r.runS, r.runS,
              perS(r.messages, r.runS) / 1e6, perS(r.events, r.runS) / 1e6, mib(r.peakRssBytes));
  if (!verdicts.empty()) printfOut("\n%s", verdicts.c_str());
}

}  // namespace

int runBenchSuite(double scale, bool json) {
  catchInterrupt();
  const std::vector<std::string> names = benchModelNames();
  std::vector<BenchResult> results;
  Progress progress("bench --suite");
  for (const std::string& name : names) {
    progress.items(results.size(), names.size(), "models", name);
    std::string error;
    const std::optional<BenchResult> r = runBenchModelInChild(name, scale, std::nullopt, &error);
    if (!r && interrupted()) break;
    if (!r) {
      std::fprintf(stderr, "brokerlab-cli bench: %s failed: %s\n", name.c_str(), error.c_str());
      return kExitInvalidInput;
    }
    results.push_back(*r);
  }
  if (!interrupted()) {
    printSuite(results, scale, json, "");
    return kExitOk;
  }
  const std::string stopped = "interrupted (Ctrl-C) after " + std::to_string(results.size()) +
                              " of " + std::to_string(names.size()) + " models";
  printSuite(results, scale, json, stopped);
  std::fprintf(stderr, "brokerlab-cli bench: %s\n", stopped.c_str());
  return kExitInterrupted;
}

}  // namespace brokerlab::cli
