// `brokerlab-cli validate FILE...`: every error of every file, then a one-line verdict per file.

#include "CliArgs.h"
#include "Commands.h"
#include "StandardOutput.h"

#include "scenario/ScenarioFile.h"

#include <cstdio>

namespace brokerlab::cli {

int validateCommand(const std::vector<std::string>& words) {
  const CliArgs args = parseArgs(words, {}, {});
  if (!args.error.empty() || args.positional.empty()) {
    std::fprintf(stderr, "brokerlab-cli validate: %s\nusage: brokerlab-cli validate FILE...\n",
                 args.error.empty() ? "expects at least one FILE" : args.error.c_str());
    return kExitUsage;
  }
  int status = kExitOk;
  for (const std::string& file : args.positional) {
    const ScenarioLoadResult loaded = loadScenarioFile(QString::fromStdString(file));
    if (loaded.scenario) {
      printfOut("%s: valid\n", file.c_str());
      continue;
    }
    for (const ScenarioIssue& issue : loaded.issues)
      std::fprintf(stderr, "%s\n", formatIssue(file, issue).c_str());
    std::fprintf(stderr, "%s: %zu error%s\n", file.c_str(), loaded.issues.size(),
                 loaded.issues.size() == 1 ? "" : "s");
    status = kExitInvalidInput;
  }
  return status;
}

}  // namespace brokerlab::cli
