#pragma once

// Scenario files on disk: the only scenario code that uses Qt (QFile, and OutputTarget for saves).
// Conversion is ScenarioReader/ScenarioWriter's job; this adds reading bytes with a size limit and
// atomic saving.

#include "scenario/Scenario.h"
#include "scenario/ScenarioReader.h"

#include <QString>

#include <string>

namespace brokerlab {

// A scenario file's bytes, unparsed (for commands that change a value before loading it, such as
// `brokerlab-cli sweep`), or why they could not be read: the same checks and limits as below.
struct ScenarioText {
  std::string text;
  std::string error;  // empty when `text` was read
};
ScenarioText readScenarioText(const QString& path);
ScenarioText readScenarioStandardInputText();

// Reads and parses a scenario file. Files over limits::kMaxFileBytes (16 MiB) are rejected before
// they are read; a missing file, a directory or a read error comes back as an issue with no path.
ScenarioLoadResult loadScenarioFile(const QString& path);

// The same from standard input (a command line's "-"), to its end, with the same size limit.
ScenarioLoadResult loadScenarioStandardInput();

// Writes writeScenario(scenario) through an OutputTarget: a regular file is replaced atomically
// (a failed save never leaves a half-written file) and keeps its mode and owner; a device or FIFO
// is written in place; a directory is refused. On failure returns false and sets *error to
// "cannot write PATH: the system's reason".
bool saveScenarioFile(const QString& path, const Scenario& scenario, QString* error);

}  // namespace brokerlab
