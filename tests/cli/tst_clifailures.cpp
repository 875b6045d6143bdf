// The checking tools caught failing: run's exit codes 3 (a broken invariant) and 1 (a run limit),
// trace stopping as run does, fuzz exiting non-zero, format --check on a file that differs and
// format rewriting one. The engine is broken on purpose in brokerlab-cli-sabotaged (the real
// commands with tests/cli/SabotageHook.cpp), as BROKERLAB_SABOTAGE says.

#include "CliRunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

using brokerlab::testing::CliResult;
using brokerlab::testing::scenario;

CliResult sabotaged(const QString& sabotage, const QStringList& args) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert("BROKERLAB_SABOTAGE", sabotage);
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(BROKERLAB_CLI_SABOTAGED), args);
  if (!p.waitForFinished(120000)) qFatal("brokerlab-cli-sabotaged did not finish");
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
  return f.readAll();
}

QString copyTo(const QTemporaryDir& dir, const QString& from) {
  const QString to = dir.filePath(QFileInfo(from).fileName());
  if (!QFile::copy(from, to)) qFatal("cannot copy %s", qPrintable(from));
  QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
  return to;
}

const QString kMessy = QStringLiteral(BROKERLAB_SOURCE_DIR "/tests/data/scenario/messy/");

}  // namespace

class tst_CliFailures : public QObject {
  Q_OBJECT

 private slots:
  // The sabotaged CLI is the real one when nothing is broken.
  void theSabotagedCliRunsCleanWithoutSabotage() {
    const CliResult r = sabotaged("", {"run", scenario("work-queue.json"), "--check-invariants"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("(balanced)"));
  }

  void runExitsWith3WhenAnInvariantBreaks() {
    const CliResult r =
        sabotaged("ledger", {"run", scenario("work-queue.json"), "--check-invariants", "--json"});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("invariant broken: conservation"), qPrintable(r.err));
    // the report of where it stopped is still printed
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QVERIFY(report["stopped_early"].toString().contains("invariant broken"));
  }

  void runExitsWith1AtARunLimit() {
    const CliResult r = sabotaged("limits", {"run", scenario("work-queue.json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("messages"), qPrintable(r.err));
    QVERIFY(r.out.contains("Stopped early"));
  }

  void traceExitsWith3WhenAnInvariantBreaks() {
    const CliResult r =
        sabotaged("ledger", {"trace", scenario("async-request-reply.json"), "--job", "1"});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("invariant broken"), qPrintable(r.err));
  }

  void traceExitsWith1AtARunLimit() {
    const CliResult r =
        sabotaged("limits", {"trace", scenario("async-request-reply.json"), "--job", "1"});
    QCOMPARE(r.exitCode, 1);
  }

  void fuzzFailsWhenARunBreaksAnInvariant() {
    const CliResult r =
        sabotaged("ledger", {"fuzz", "--seeds", "2", "--scenario", scenario("work-queue.json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("FAIL seed 1: invariant broken"), qPrintable(r.out));
    QVERIFY(r.out.contains("reproduce: brokerlab-cli run"));
    QVERIFY(r.out.contains("2 seeds over 1 scenario, 2 failed"));
  }

  void formatCheckReportsAFileThatDiffers() {
    QTemporaryDir dir;
    const QString messy = copyTo(dir, kMessy + "spellings.json");
    const QByteArray before = readAll(messy);
    const CliResult r = brokerlab::testing::cli({"format", "--check", messy});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(messy + ": not in canonical form"), qPrintable(r.err));
    QCOMPARE(readAll(messy), before);  // --check changes nothing
  }

  void formatRewritesAFileInCanonicalForm() {
    QTemporaryDir dir;
    const QString messy = copyTo(dir, kMessy + "spellings.json");
    const CliResult r = brokerlab::testing::cli({"format", messy});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(messy + ": rewritten"));
    QCOMPARE(readAll(messy), readAll(kMessy + "spellings.expected.json"));
    QCOMPARE(brokerlab::testing::cli({"format", "--check", messy}).exitCode, 0);
  }
};

QTEST_GUILESS_MAIN(tst_CliFailures)
#include "tst_clifailures.moc"
