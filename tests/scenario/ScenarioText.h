#pragma once

// Helpers for tests that write scenario documents inline.

#include "scenario/ScenarioIssue.h"

#include <QString>

#include <algorithm>
#include <string>
#include <vector>

namespace brokerlab::test {

// JSON written with single quotes, so the rows stay readable without escapes.
inline std::string j(std::string text) {
  std::replace(text.begin(), text.end(), '\'', '"');
  return text;
}

// `text` with the first `from` replaced by `to`.
inline std::string with(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

inline QString describe(const std::vector<ScenarioIssue>& issues) {
  QString text;
  for (const ScenarioIssue& issue : issues) {
    text += QString::fromStdString(formatIssue("f", issue)) + "\n";
  }
  return text;
}

}  // namespace brokerlab::test
