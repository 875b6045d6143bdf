// `brokerlab-cli trace FILE --job N`: one request-reply job's journey through client, API, queue,
// worker and store, as a table of its trace records or as a Mermaid sequence diagram.

#include "CliArgs.h"
#include "CommandLine.h"
#include "Commands.h"
#include "OutputFiles.h"
#include "OutputPaths.h"
#include "ScenarioInput.h"
#include "SimulatorHook.h"
#include "StandardOutput.h"
#include "TerminalText.h"

#include "metrics/JobJourney.h"
#include "model/ModelBuilder.h"
#include "sim/Simulator.h"

#include <algorithm>
#include <cstdio>
#include <memory>

namespace brokerlab::cli {

namespace {

// A job's records grow with its polls; past this many the rest are left out, and it says so.
constexpr std::size_t kMaxJourneyRecords = 100'000;

CommandLine traceLine() {
  CommandLine line("trace", "FILE --job N",
                   "Follow one request-reply job through a run: its trace records as a table, or a "
                   "Mermaid sequence diagram.");
  line.positional("FILE", "The scenario file; - reads it from standard input.");
  line.option({"job"}, "The job to follow (ids count from 1, shared with message serials).", "N");
  line.option({"mermaid"}, "Print a Mermaid sequence diagram instead of the table.");
  line.option({"seed"}, "Use seed N instead of the scenario's.", "N");
  line.option({"o", "output"}, "Write the table or diagram to FILE instead of standard output.",
              "FILE");
  return line;
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
  CommandLine args = traceLine();
  if (const auto done = args.parse(words)) return *done;
  const std::vector<std::string> files = args.positionals();
  if (files.size() != 1) return args.usage("expects exactly one scenario FILE");
  const std::string& file = files[0];
  const std::string output = args.value("output").value_or("-");
  if (const std::string conflict = outputConflict({{"--output " + output, output}}, file);
      !conflict.empty())
    return args.usage(conflict);
  std::optional<std::uint64_t> job, seed;
  if (!args.integerOption("job", job, 1) || !args.integerOption("seed", seed)) return kExitUsage;
  if (!job) return args.usage("--job N is required: the id of the job to follow");

  const std::optional<Scenario> loaded = loadInput(file);
  if (!loaded) return kExitInvalidInput;
  const ModelBuildResult built = buildModel(*loaded, seed);
  if (!built.model) {
    std::fprintf(stderr, "%s: %s\n", inputName(file).c_str(), built.error.c_str());
    return kExitInvalidInput;
  }
  if (built.model->apis.empty()) {
    std::fprintf(stderr,
                 "brokerlab-cli trace: %s has no api: --job follows the jobs of request-reply "
                 "clients\n",
                 inputName(file).c_str());
    return kExitUsage;
  }
  Simulator sim(std::make_shared<const Model>(*built.model));
  prepareSimulator(sim);
  const Journey journey = follow(sim, *job);
  const bool isJob = std::any_of(journey.records.begin(), journey.records.end(),
                                 [](const TraceRecord& r) { return isRequestReplyKind(r.kind); });
  if (!isJob && !sim.violation().empty()) {  // it broke before the job began: as run does
    std::fprintf(stderr, "brokerlab-cli trace: %s\n", sim.violation().c_str());
    return kExitInvariant;
  }
  if (!isJob) {
    std::fprintf(stderr,
                 journey.records.empty()
                     ? "brokerlab-cli trace: job %llu does not exist in this run of %s (ids count "
                       "from 1, shared with message serials)\n"
                     : "brokerlab-cli trace: %llu is a message of %s, not a request-reply job\n",
                 static_cast<unsigned long long>(*job), inputName(file).c_str());
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
                                .append(terminalText(model.name))
                                .append("\" (seed ")
                                .append(std::to_string(model.seed))
                                .append(")");
  const JourneyContext context = journeyContext(model, title);
  const std::string text = args.isSet("mermaid") ? jobJourneyMermaid(context, *job, journey.records)
                                                 : jobJourneyTable(context, *job, journey.records);
  std::string error;
  if (output == "-") {
    printOut(text);
  } else if (!writeOutput(output, args.isSet("mermaid") ? "diagram" : "table", text, &error)) {
    std::fprintf(stderr, "brokerlab-cli trace: %s\n", error.c_str());
    return kExitInvalidInput;
  }
  if (!sim.violation().empty()) {  // as run: the journey above ends where the engine broke
    std::fprintf(stderr, "brokerlab-cli trace: %s\n", sim.violation().c_str());
    return kExitInvariant;
  }
  if (!sim.limitReached().empty()) {  // the journey above ends where the run had to stop
    std::fprintf(stderr, "brokerlab-cli trace: %s\n", sim.limitReached().c_str());
    return kExitInvalidInput;
  }
  return kExitOk;
}

}  // namespace brokerlab::cli
