#pragma once

// Runs the brokerlab-cli built with the tests (BROKERLAB_CLI) as a user would, and finds the
// bundled scenarios (BROKERLAB_SOURCE_DIR).

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtTest>

#include <functional>

namespace brokerlab::testing {

struct CliResult {
  int exitCode = -1;  // -1: killed by a signal
  QString out;
  QString err;
};

// `setup` may redirect the streams, feed standard input or change the child (limits, signals)
// before it starts.
inline CliResult cli(const QStringList& args, const std::function<void(QProcess&)>& setup = {}) {
  QProcess p;
  if (setup) setup(p);
  p.start(QStringLiteral(BROKERLAB_CLI), args);
  if (!p.waitForFinished(120000)) {
    p.kill();  // not left running after the test has given up on it
    p.waitForFinished(5000);
    qFatal("brokerlab-cli did not finish");
  }
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

inline QString scenario(const QString& name) {
  return QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios/") + name;
}

}  // namespace brokerlab::testing
