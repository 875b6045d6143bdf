// `brokerlab-cli format [--check] FILE...`: rewrite scenario files in the canonical form that the
// editor saves (stable key order and spelling), so hand edits and saved files diff cleanly.

#include "CliArgs.h"
#include "CommandLine.h"
#include "Commands.h"
#include "ScenarioInput.h"
#include "StandardOutput.h"

#include "scenario/ScenarioFile.h"
#include "scenario/ScenarioWriter.h"

#include <QFile>

#include <algorithm>
#include <cstdio>

namespace brokerlab::cli {

namespace {

CommandLine formatLine() {
  CommandLine line("format", "FILE...",
                   "Rewrite scenario files in canonical form (stable key order and spelling); a "
                   "file keeps its mode and owner.");
  line.positional("FILE...", "Scenario files; - reads one from standard input and prints it.");
  line.option({"check"}, "Change nothing: list the files that are not canonical and exit 1.");
  return line;
}

// One file: rewritten when it differs from its canonical text (or checked, with --check).
int formatFile(const std::string& file, bool check) {
  const std::optional<Scenario> loaded = loadInput(file);
  if (!loaded) return kExitInvalidInput;
  const std::string canonical = writeScenario(*loaded);
  if (file == "-") {  // a filter: the canonical text goes to standard output
    printOut(canonical);
    return kExitOk;
  }
  const QString path = QString::fromStdString(file);
  QFile current(path);
  if (current.open(QIODevice::ReadOnly) && current.readAll().toStdString() == canonical)
    return kExitOk;
  if (check) {
    std::fprintf(stderr, "%s: not in canonical form (run brokerlab-cli format %s)\n", file.c_str(),
                 file.c_str());
    return kExitInvalidInput;
  }
  QString error;
  if (!saveScenarioFile(path, *loaded, &error)) {
    std::fprintf(stderr, "brokerlab-cli format: %s\n", qPrintable(error));
    return kExitInvalidInput;
  }
  printfOut("%s: rewritten\n", file.c_str());
  return kExitOk;
}

}  // namespace

int formatCommand(const std::vector<std::string>& words) {
  CommandLine args = formatLine();
  if (const auto done = args.parse(words)) return *done;
  const std::vector<std::string> files = args.positionals();
  if (files.empty()) return args.usage("expects at least one FILE");
  const bool check = args.isSet("check");
  if (check && std::find(files.begin(), files.end(), "-") != files.end())
    return args.usage("--check compares files with their canonical form; - is not a file");
  if (std::count(files.begin(), files.end(), "-") > 1)
    return args.usage("- (standard input) can be read only once");
  int status = kExitOk;
  for (const std::string& file : files)
    if (formatFile(file, check) != kExitOk) status = kExitInvalidInput;
  return status;
}

}  // namespace brokerlab::cli
