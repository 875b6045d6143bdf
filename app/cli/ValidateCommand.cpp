// `brokerlab-cli validate FILE...`: every error of every file, then a one-line verdict per file.

#include "CliArgs.h"
#include "CommandLine.h"
#include "Commands.h"
#include "ScenarioInput.h"
#include "StandardOutput.h"

#include "scenario/ScenarioRules.h"

#include <cstdio>

namespace brokerlab::cli {

int validateCommand(const std::vector<std::string>& words) {
  CommandLine args("validate", "FILE...",
                   "Check scenario files: print FILE: valid, or every error as "
                   "file:line:column: path: message.");
  args.positional("FILE...", "Scenario files; - reads one from standard input.");
  if (const auto done = args.parse(words)) return *done;
  if (args.positionals().empty()) return args.usage("expects at least one FILE");
  int status = kExitOk;
  for (const std::string& file : args.positionals()) {
    std::size_t errors = 0;
    if (loadInput(file, &errors)) {
      printfOut("%s: valid\n", inputName(file).c_str());
      continue;
    }
    // Counting stops at a limit (limits::kMaxIssuesCounted): then it is a lower bound.
    std::fprintf(stderr, "%s: %s%zu error%s\n", inputName(file).c_str(),
                 errors >= limits::kMaxIssuesCounted ? "at least " : "", errors,
                 errors == 1 ? "" : "s");
    status = kExitInvalidInput;
  }
  return status;
}

}  // namespace brokerlab::cli
