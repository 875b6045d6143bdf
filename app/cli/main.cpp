// brokerlab-cli: headless runs, job traces, validation and benchmarks (docs/cli.md). Thin: it picks
// the command and hands over; each command reads its own options (CommandLine.h).

#include "CliArgs.h"
#include "Commands.h"
#include "StandardOutput.h"
#include "common/HugePages.h"

#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using namespace brokerlab::cli;

constexpr const char* kUsage =
    "usage: brokerlab-cli <command> [options]\n"
    "       brokerlab-cli <command> --help      the command's options\n"
    "       brokerlab-cli --version\n"
    "\n"
    "commands:\n"
    "  run FILE        simulate a scenario and print its summary (or a JSON report)\n"
    "  trace FILE      follow one request-reply job: a table or a Mermaid sequence diagram\n"
    "  sweep FILE      a grid of parameter values x seeds: a CSV of means and 95% intervals\n"
    "  fuzz            random fault plans over the scenarios, invariants on, each run twice\n"
    "  validate FILE.. check scenario files; print every error as file:line:column: path: message\n"
    "  format FILE...  rewrite scenario files in canonical form (--check: only report)\n"
    "  bench           measure the engine: messages/s, events/s, peak memory (--suite: all)\n"
    "\n"
    "FILE - is standard input; an output FILE - is standard output.\n"
    "exit codes: 0 success, 1 invalid input or a failed write (fuzz: a seed failed), 2 usage\n"
    "            error, 3 an engine invariant broke (a BrokerLab bug: please report it),\n"
    "            130 stopped by Ctrl-C (the report so far is printed)\n";

using Command = int (*)(const std::vector<std::string>&);

Command find(const std::string& name) {
  if (name == "run") return runCommand;
  if (name == "trace") return traceCommand;
  if (name == "fuzz") return fuzzCommand;
  if (name == "sweep") return sweepCommand;
  if (name == "validate") return validateCommand;
  if (name == "format") return formatCommand;
  if (name == "bench") return benchCommand;
  return nullptr;
}

int dispatch(const std::vector<std::string>& words) {
  if (words.empty()) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  const std::string& first = words[0];
  if (first == "--version" || first == "-v") {
    printOut("brokerlab-cli " BROKERLAB_VERSION "\n");
    return kExitOk;
  }
  if (first == "--help" || first == "-h" || (first == "help" && words.size() == 1)) {
    printOut(kUsage);
    return kExitOk;
  }
  if (first == "help") {  // help COMMAND: the command's own help
    if (const Command c = find(words[1])) return c({"--help"});
  } else if (const Command c = find(first)) {
    return c(std::vector<std::string>(words.begin() + 1, words.end()));
  }
  const std::string& name = first == "help" ? words[1] : first;
  std::fprintf(stderr, "brokerlab-cli: unknown command \"%s\"\n\n%s", name.c_str(), kUsage);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  brokerlab::restartWithHugePages(argv);
  // A file-size limit must fail a write (EFBIG, reported, the old file kept), not kill the program
  // half-way; a reader that closed its pipe ends it quietly, whatever the parent left SIGPIPE at.
  std::signal(SIGXFSZ, SIG_IGN);
  std::signal(SIGPIPE, SIG_DFL);
  const int status = dispatch(std::vector<std::string>(argv + 1, argv + argc));
  const std::string error = finishStandardOutput();
  if (error.empty()) return status;
  std::fprintf(stderr, "brokerlab-cli: cannot write standard output: %s\n", error.c_str());
  return status != kExitOk ? status : kExitInvalidInput;
}
