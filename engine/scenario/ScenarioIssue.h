#pragma once

// One problem found in a scenario: where it is (a JSON path, and a text position when the scenario
// came from a file) and what is wrong. Errors are values, never exceptions or dialogs: the CLI
// prints them, the UI lists them.

#include <string>
#include <string_view>

namespace brokerlab {

struct ScenarioIssue {
  std::string path;  // "components[2].instances"; empty for the document as a whole
  int line = 0;      // 1-based; 0 when unknown (e.g. a scenario built in memory)
  int column = 0;
  std::string message;

  bool operator==(const ScenarioIssue&) const = default;
};

// "file:line:column: path: message", or "file: path: message" when the position is unknown;
// the path part is left out when empty. Editors and terminals link the first form to the place.
inline std::string formatIssue(std::string_view file, const ScenarioIssue& issue) {
  std::string text(file);
  if (issue.line > 0) {
    text += ':' + std::to_string(issue.line) + ':' + std::to_string(issue.column);
  }
  text += ": ";
  if (!issue.path.empty()) text += issue.path + ": ";
  return text + issue.message;
}

}  // namespace brokerlab
