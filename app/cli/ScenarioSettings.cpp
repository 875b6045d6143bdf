#include "ScenarioSettings.h"

#include "ScenarioInput.h"

#include "scenario/ScenarioFile.h"
#include "scenario/ScenarioReader.h"

#include <QString>

#include <cstdio>

namespace brokerlab::cli {

bool ScenarioSettings::read(const std::string& file) {
  const ScenarioText text = file == "-" ? readScenarioStandardInputText()
                                        : readScenarioText(QString::fromStdString(file));
  if (!text.error.empty()) {
    std::fprintf(stderr, "%s: %s\n", inputName(file).c_str(), text.error.c_str());
    return false;
  }
  original_ = reportLoad(file, parseScenario(text.text));
  if (!original_) return false;
  assignments_.emplace(*json::parse(text.text).root);  // it loaded, so it parses
  return true;
}

}  // namespace brokerlab::cli
