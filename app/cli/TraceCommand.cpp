// `brokerlab-cli trace FILE --job N`: one request-reply job's journey through client, API, queue,
// worker and store, as a table of its trace records or as a Mermaid sequence diagram.

#include "CliArgs.h"
#include "Commands.h"
#include "StandardOutput.h"

#include "metrics/JobJourney.h"
#include "model/ModelBuilder.h"
#include "scenario/ScenarioFile.h"
#include "sim/Simulator.h"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace brokerlab::cli {

namespace {

constexpr const char* kTraceUsage =
    "usage: brokerlab-cli trace FILE --job N [--mermaid] [--seed N]\n";

// A job's records grow with its polls; past this many the rest are left out, and it says so.
constexpr std::size_t kMaxJourneyRecords = 100'000;

int usage(const std::string& message) {
  std::fprintf(stderr, "brokerlab-cli trace: %s\n%s", message.c_str(), kTraceUsage);
  return kExitUsage;
}

struct Journey {
  std::vector<TraceRecord> records;
  std::uint64_t leftOut = 0;  // past kMaxJourneyRecords
};

// Runs the whole scenario with the trace captured (pulled whenever the buffer fills) and keeps the
// records of `job`: its message serial is its id, so `message == job` picks exactly its records.
Journey follow(Simulator& sim, std::uint64_t job) {
  sim.trace().setCapturing(true);
  Journey j;
  std::vector<TraceRecord> batch;
  for (;;) {
    const StopReason why = sim.runUntil(sim.model().duration);
    batch.clear();
    sim.trace().pull(batch, sim.trace().size());
    for (const TraceRecord& r : batch) {
      if (r.message != job) continue;
      if (j.records.size() < kMaxJourneyRecords) {
        j.records.push_back(r);
      } else {
        ++j.leftOut;
      }
    }
    if (why != StopReason::TraceFull) return j;  // the end, or a stop the run cannot go on from
  }
}

}  // namespace

int traceCommand(const std::vector<std::string>& words) {
  const CliArgs args = parseArgs(words, {"job", "seed"}, {"mermaid"});
  if (!args.error.empty()) return usage(args.error);
  if (args.positional.size() != 1) return usage("expects exactly one scenario FILE");
  const std::string& file = args.positional[0];
  const auto jobText = args.value("job");
  if (!jobText) return usage("--job N is required: the id of the job to follow");
  const std::optional<std::uint64_t> job = parseUnsigned(*jobText);
  if (!job || *job == 0) return usage("--job must be a job id from 1 (got \"" + *jobText + "\")");
  std::optional<std::uint64_t> seed;
  if (const auto text = args.value("seed")) {
    seed = parseUnsigned(*text);
    if (!seed)
      return usage("--seed must be an integer from 0 to 18446744073709551615 (got \"" + *text +
                   "\")");
  }

  const ScenarioLoadResult loaded = loadScenarioFile(QString::fromStdString(file));
  if (!loaded.scenario) {
    for (const ScenarioIssue& issue : loaded.issues)
      std::fprintf(stderr, "%s\n", formatIssue(file, issue).c_str());
    return kExitInvalidInput;
  }
  const ModelBuildResult built = buildModel(*loaded.scenario, seed);
  if (!built.model) {
    std::fprintf(stderr, "%s: %s\n", file.c_str(), built.error.c_str());
    return kExitInvalidInput;
  }
  if (built.model->apis.empty()) {
    std::fprintf(stderr,
                 "brokerlab-cli trace: %s has no api: --job follows the jobs of request-reply "
                 "clients\n",
                 file.c_str());
    return kExitUsage;
  }
  Simulator sim(std::make_shared<const Model>(*built.model));
  const Journey journey = follow(sim, *job);
  const bool isJob = std::any_of(journey.records.begin(), journey.records.end(),
                                 [](const TraceRecord& r) { return isRequestReplyKind(r.kind); });
  if (!isJob) {
    std::fprintf(stderr,
                 journey.records.empty()
                     ? "brokerlab-cli trace: job %llu does not exist in this run of %s (ids count "
                       "from 1, shared with message serials)\n"
                     : "brokerlab-cli trace: %llu is a message of %s, not a request-reply job\n",
                 static_cast<unsigned long long>(*job), file.c_str());
    return kExitUsage;
  }
  if (journey.leftOut > 0)
    std::fprintf(stderr, "brokerlab-cli trace: job %llu has %llu more records than the %zu shown\n",
                 static_cast<unsigned long long>(*job),
                 static_cast<unsigned long long>(journey.leftOut), kMaxJourneyRecords);

  const Model& model = sim.model();
  const std::string title = std::string("Job ")
                                .append(std::to_string(*job))
                                .append(" of \"")
                                .append(model.name)
                                .append("\" (seed ")
                                .append(std::to_string(model.seed))
                                .append(")");
  const JourneyContext context = journeyContext(model, title);
  const std::string text = args.has("mermaid") ? jobJourneyMermaid(context, *job, journey.records)
                                               : jobJourneyTable(context, *job, journey.records);
  printOut(text);
  if (!sim.limitReached().empty()) {  // the journey above ends where the run had to stop
    std::fprintf(stderr, "brokerlab-cli trace: %s\n", sim.limitReached().c_str());
    return kExitInvalidInput;
  }
  return kExitOk;
}

}  // namespace brokerlab::cli
