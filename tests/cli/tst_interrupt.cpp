// Long commands as a person at a terminal meets them: progress on stderr while they run (only on
// a terminal), and Ctrl-C ends them with the report so far, marked as stopped early, exit 130.

#include "CliRunner.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <signal.h>

namespace {

using brokerlab::testing::scenario;

struct Stopped {
  int exitCode = -1;
  QByteArray out;
  QByteArray err;
};

// True once the process catches SIGINT (Linux: the SigCgt mask in /proc/PID/status). Before that,
// a Ctrl-C would end it the default way, with no report: on a loaded machine, or under the
// sanitizers, starting up can take longer than any fixed wait.
bool catchesSigint(qint64 pid) {
  QFile status(QStringLiteral("/proc/%1/status").arg(pid));
  if (!status.open(QIODevice::ReadOnly)) return false;
  for (const QByteArray& line : status.readAll().split('\n')) {
    if (line.startsWith("SigCgt:")) {
      bool ok = false;
      const qulonglong mask = line.mid(7).trimmed().toULongLong(&ok, 16);
      return ok && (mask & (1ULL << (SIGINT - 1))) != 0;
    }
  }
  return false;
}

// Starts the CLI, waits until it catches SIGINT, lets it work for `afterMs`, then sends SIGINT as
// Ctrl-C does.
Stopped interruptAfter(const QStringList& args, int afterMs) {
  QProcess p;
  p.start(QStringLiteral(BROKERLAB_CLI), args);
  if (!p.waitForStarted()) qFatal("brokerlab-cli did not start");
  QDeadlineTimer startup(60000);
  while (!catchesSigint(p.processId()) && !startup.hasExpired() && p.state() == QProcess::Running) {
    QTest::qWait(10);
  }
  if (!catchesSigint(p.processId())) qFatal("brokerlab-cli did not install its SIGINT handler");
  QTest::qWait(afterMs);
  if (p.state() == QProcess::Running) ::kill(static_cast<pid_t>(p.processId()), SIGINT);
  if (!p.waitForFinished(120000)) qFatal("brokerlab-cli did not stop after SIGINT");
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
          p.readAllStandardError()};
}

}  // namespace

class tst_Interrupt : public QObject {
  Q_OBJECT

 private slots:
  // An M/M/1 queue for 100,000 simulated hours: far longer than the test waits.
  void ctrlCEndsARunWithTheReportSoFar() {
    const Stopped r =
        interruptAfter({"run", scenario("mm1.json"), "--until", "100000h", "--json"}, 1500);
    QCOMPARE(r.exitCode, 130);
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    QVERIFY2(report["stopped_early"].toString().startsWith("interrupted (Ctrl-C) at t = "),
             r.out.left(400).constData());
    QVERIFY(report["sim_time_s"].toDouble() > 0);
    QVERIFY(report["sim_time_s"].toDouble() < 100000.0 * 3600);
    QVERIFY(report["ledger"].toObject()["balanced"].toBool());
    QVERIFY2(r.err.contains("interrupted (Ctrl-C)"), r.err.constData());
  }

  void ctrlCEndsATableRunToo() {
    const Stopped r = interruptAfter({"run", scenario("mm1.json"), "--until", "100000h"}, 1000);
    QCOMPARE(r.exitCode, 130);
    QVERIFY2(r.out.contains("\nStopped early: interrupted (Ctrl-C) at t = "),
             r.out.left(400).constData());
    QVERIFY(r.out.contains("(balanced)"));
  }

  void ctrlCEndsFuzzingWithTheSeedsSoFar() {
    const Stopped r = interruptAfter(
        {"fuzz", "--seeds", "1000000", "--scenario", scenario("work-queue.json")}, 1500);
    QCOMPARE(r.exitCode, 130);
    QVERIFY2(r.out.contains("fuzz: stopped early: interrupted (Ctrl-C) after "), r.out.constData());
    QVERIFY2(r.out.contains(" of 1000000 seeds\n"), r.out.constData());
    QVERIFY(r.out.contains(" failed; "));
  }

  // SIGINT to the suite alone (not its process group): it ends the model running in its child.
  void ctrlCEndsTheBenchSuiteWithTheModelsSoFar() {
    const Stopped r = interruptAfter({"bench", "--suite", "--json"}, 1500);
    QCOMPARE(r.exitCode, 130);
    const QJsonObject suite = QJsonDocument::fromJson(r.out).object();
    QVERIFY2(suite["stopped_early"].toString().startsWith("interrupted (Ctrl-C) after "),
             r.out.constData());
    QVERIFY(suite["targets_met"].isNull());
  }

  // A pipe or a file gets no progress: stderr stays empty.
  void noProgressWithoutATerminal() {
    const brokerlab::testing::CliResult r =
        brokerlab::testing::cli({"run", scenario("mm1.json"), "--until", "40h", "--json"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
  }

  // script(1) gives the run a terminal: progress is drawn on it, then cleared for the report. The
  // run must outlast the first progress line (250 ms): 200 simulated hours take about 1.4 s here,
  // where 40 took 0.28 s once the engine had become faster and the line no longer came.
  void progressOnATerminal() {
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (script.isEmpty()) QSKIP("no script(1) to give the run a terminal (util-linux)");
    QProcess p;
    const QString command = QStringLiteral("%1 run %2 --until 200h --json")
                                .arg(QStringLiteral(BROKERLAB_CLI), scenario("mm1.json"));
    p.start(script, {"-qec", command, "/dev/null"});
    QVERIFY(p.waitForFinished(300000));
    const QByteArray screen = p.readAllStandardOutput();
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(screen.contains("run: ") && screen.contains("simulated (") &&
                 screen.contains("M events/s") && screen.contains("Ctrl-C"),
             screen.left(600).constData());
    QVERIFY(screen.contains("\r\x1b[K{"));  // the line is cleared before the report
  }
};

QTEST_GUILESS_MAIN(tst_Interrupt)
#include "tst_interrupt.moc"
