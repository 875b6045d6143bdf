// brokerlab-cli: headless runs, job traces, validation and benchmarks (docs/cli.md). Thin: it picks
// the command and hands over.

#include "CliArgs.h"
#include "Commands.h"
#include "StandardOutput.h"

#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

namespace {

constexpr const char* kUsage =
    "usage: brokerlab-cli <command> [options]\n"
    "\n"
    "commands:\n"
    "  run FILE [--seed N] [--until DURATION] [--json] [--metrics-csv FILE] [--trace FILE]\n"
    "           [--faults-from-seed F] [--check-invariants]\n"
    "      simulate a scenario and print its summary (or a JSON report)\n"
    "  fuzz [--seeds N] [--first F] [--scenario FILE]...\n"
    "      random fault plans over the scenarios, invariants on, each run twice: must repeat\n"
    "  trace FILE --job N [--mermaid] [--seed N]\n"
    "      follow one request-reply job: every record as a table, or a Mermaid sequence diagram\n"
    "  validate FILE...\n"
    "      check scenario files; print every error as file:line:column: path: message\n"
    "  format [--check] FILE...\n"
    "      rewrite scenario files in canonical form (--check: only report those that differ)\n"
    "  bench [--messages N | --events N] [--json]\n"
    "      M/M/1 work queue at rho 0.9, every hop modelled: messages/s, events/s, peak memory\n"
    "\n"
    "exit codes: 0 success, 1 invalid input (fuzz: a seed failed), 2 usage error,\n"
    "            3 an engine invariant broke (a BrokerLab bug: please report it)\n";

int command(const std::vector<std::string>& words);

}  // namespace

int main(int argc, char** argv) {
  using namespace brokerlab::cli;
  // A file-size limit must fail a write (EFBIG, reported, the old file kept), not kill the program
  // half-way; a reader that closed its pipe ends it quietly, whatever the parent left SIGPIPE at.
  std::signal(SIGXFSZ, SIG_IGN);
  std::signal(SIGPIPE, SIG_DFL);
  const int status = command(std::vector<std::string>(argv + 1, argv + argc));
  const std::string error = finishStandardOutput();
  if (error.empty()) return status;
  std::fprintf(stderr, "brokerlab-cli: cannot write standard output: %s\n", error.c_str());
  return status != kExitOk ? status : kExitInvalidInput;
}

namespace {

int command(const std::vector<std::string>& words) {
  using namespace brokerlab::cli;
  if (words.empty() || words[0] == "help" || words[0] == "--help" || words[0] == "-h") {
    if (words.empty()) {
      std::fputs(kUsage, stderr);
    } else {
      printOut(kUsage);
    }
    return words.empty() ? kExitUsage : kExitOk;
  }
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  if (words[0] == "run") return runCommand(rest);
  if (words[0] == "trace") return traceCommand(rest);
  if (words[0] == "fuzz") return fuzzCommand(rest);
  if (words[0] == "validate") return validateCommand(rest);
  if (words[0] == "format") return formatCommand(rest);
  if (words[0] == "bench") return benchCommand(rest);
  std::fprintf(stderr, "brokerlab-cli: unknown command \"%s\"\n\n%s", words[0].c_str(), kUsage);
  return kExitUsage;
}

}  // namespace
