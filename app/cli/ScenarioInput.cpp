#include "ScenarioInput.h"

#include "TerminalText.h"

#include "scenario/ScenarioFile.h"

#include <QString>

#include <cstdio>

namespace brokerlab::cli {

std::string inputName(const std::string& file) {
  return file == "-" ? std::string("<stdin>") : file;
}

std::optional<Scenario> loadInput(const std::string& file, std::size_t* issueCount) {
  return reportLoad(
      file,
      file == "-" ? loadScenarioStandardInput() : loadScenarioFile(QString::fromStdString(file)),
      issueCount);
}

std::optional<Scenario> reportLoad(const std::string& file, const ScenarioLoadResult& loaded,
                                   std::size_t* issueCount) {
  if (issueCount != nullptr) *issueCount = loaded.problemCount();
  for (const ScenarioIssue& issue : loaded.issues)
    std::fprintf(stderr, "%s\n", terminalText(formatIssue(inputName(file), issue)).c_str());
  // Valid but probably not meant: said, and the command goes on.
  for (const ScenarioIssue& warning : loaded.warnings) {
    ScenarioIssue shown = warning;
    shown.message = "warning: " + shown.message;
    std::fprintf(stderr, "%s\n", terminalText(formatIssue(inputName(file), shown)).c_str());
  }
  return loaded.scenario;
}

}  // namespace brokerlab::cli
