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
  const ScenarioLoadResult loaded =
      file == "-" ? loadScenarioStandardInput() : loadScenarioFile(QString::fromStdString(file));
  if (issueCount != nullptr) *issueCount = loaded.problemCount();
  for (const ScenarioIssue& issue : loaded.issues)
    std::fprintf(stderr, "%s\n", terminalText(formatIssue(inputName(file), issue)).c_str());
  return loaded.scenario;
}

}  // namespace brokerlab::cli
