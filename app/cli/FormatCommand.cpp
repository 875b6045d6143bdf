// `brokerlab-cli format [--check] FILE...`: rewrite scenario files in the canonical form that the
// editor saves (stable key order and spelling), so hand edits and saved files diff cleanly.

#include "CliArgs.h"
#include "Commands.h"
#include "StandardOutput.h"

#include "scenario/ScenarioFile.h"
#include "scenario/ScenarioWriter.h"

#include <QFile>

#include <cstdio>

namespace brokerlab::cli {

int formatCommand(const std::vector<std::string>& words) {
  const CliArgs args = parseArgs(words, {}, {"check"});
  if (!args.error.empty() || args.positional.empty()) {
    std::fprintf(stderr,
                 "brokerlab-cli format: %s\nusage: brokerlab-cli format [--check] FILE...\n",
                 args.error.empty() ? "expects at least one FILE" : args.error.c_str());
    return kExitUsage;
  }
  int status = kExitOk;
  for (const std::string& file : args.positional) {
    const QString path = QString::fromStdString(file);
    const ScenarioLoadResult loaded = loadScenarioFile(path);
    if (!loaded.scenario) {
      for (const ScenarioIssue& issue : loaded.issues)
        std::fprintf(stderr, "%s\n", formatIssue(file, issue).c_str());
      status = kExitInvalidInput;
      continue;
    }
    QFile current(path);
    const bool same = current.open(QIODevice::ReadOnly) &&
                      current.readAll().toStdString() == writeScenario(*loaded.scenario);
    if (same) continue;
    if (args.has("check")) {
      std::fprintf(stderr, "%s: not in canonical form (run brokerlab-cli format %s)\n",
                   file.c_str(), file.c_str());
      status = kExitInvalidInput;
      continue;
    }
    QString error;
    if (!saveScenarioFile(path, *loaded.scenario, &error)) {
      std::fprintf(stderr, "%s: %s\n", file.c_str(), qPrintable(error));
      status = kExitInvalidInput;
      continue;
    }
    printfOut("%s: rewritten\n", file.c_str());
  }
  return status;
}

}  // namespace brokerlab::cli
