#pragma once

// Helpers for tests that write scenario documents inline.

#include "scenario/ScenarioIssue.h"
#include "scenario/ScenarioReader.h"

#include <QString>
#include <QtTest>

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

// The data-driven check of the error tables: `text` is rejected with exactly one issue, at `path`,
// whose message contains `message` (and which names its line, when `withLine`).
inline void expectOneIssue(const QByteArray& text, const QString& path, const QString& message,
                           bool withLine) {
  const ScenarioLoadResult result = parseScenario(text.toStdString());
  QVERIFY(!result.scenario.has_value());
  QVERIFY2(result.issues.size() == 1, qPrintable(describe(result.issues)));
  QCOMPARE(QString::fromStdString(result.issues[0].path), path);
  QVERIFY2(QString::fromStdString(result.issues[0].message).contains(message),
           qPrintable(describe(result.issues)));
  if (withLine) QVERIFY2(result.issues[0].line > 0, qPrintable(describe(result.issues)));
}

}  // namespace brokerlab::test
