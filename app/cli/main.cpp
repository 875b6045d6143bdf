// brokerlab-cli: headless runs, job traces, validation and benchmarks (docs/cli.md). Thin: it picks
// the command and hands over.

#include "CliArgs.h"
#include "Commands.h"

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

}  // namespace

int main(int argc, char** argv) {
  using namespace brokerlab::cli;
  const std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty() || words[0] == "help" || words[0] == "--help" || words[0] == "-h") {
    std::fputs(kUsage, words.empty() ? stderr : stdout);
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
