// brokerlab-cli fuzz and the run options that reproduce what it finds.

#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

using brokerlab::testing::cli;
using brokerlab::testing::CliResult;
using brokerlab::testing::scenario;

CliResult cliIn(const QString& directory, const QStringList& args) {
  QProcess p;
  p.setWorkingDirectory(directory);
  p.start(QStringLiteral(BROKERLAB_CLI), args);
  if (!p.waitForFinished(300000)) qFatal("brokerlab-cli did not finish");
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

QString traceHash(const CliResult& r) {
  return QJsonDocument::fromJson(r.out.toUtf8()).object()["trace_hash"].toString();
}

}  // namespace

class tst_FuzzCommand : public QObject {
  Q_OBJECT

 private slots:
  void fuzzesTheGivenScenarios() {
    const CliResult r = cli({"fuzz", "--seeds", "12", "--scenario", scenario("work-queue.json"),
                             "--scenario", scenario("order-events-stream.json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("12 seeds over 2 scenarios, 0 failed"), qPrintable(r.out));
    QVERIFY(r.out.contains("seeds/min"));
  }

  void fuzzesTheBundledScenariosByDefault() {
    const int bundled = QDir(QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios"))
                            .entryList({"*.json"}, QDir::Files)
                            .size();
    const CliResult r = cliIn(QStringLiteral(BROKERLAB_SOURCE_DIR), {"fuzz", "--seeds", "3"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QString("3 seeds over %1 scenarios, 0 failed").arg(bundled)),
             qPrintable(r.out));
  }

  // The reproducer line `fuzz` prints: the same plan, the same run, every time; and a different
  // run from the scenario without faults.
  void faultsFromSeedReproduceARun() {
    const QStringList base = {"run", scenario("work-queue.json"), "--json", "--seed", "7"};
    const CliResult plain = cli(base);
    const CliResult a = cli(base + QStringList{"--faults-from-seed", "7", "--check-invariants"});
    const CliResult b = cli(base + QStringList{"--faults-from-seed", "7", "--check-invariants"});
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(traceHash(a), traceHash(b));
    QVERIFY(traceHash(a) != traceHash(plain));
  }

  // The plan the option adds is printed; put into the scenario's faults, it gives the same run.
  void faultsFromSeedPrintsThePlan() {
    const QStringList base = {"run", scenario("work-queue.json"), "--json", "--seed", "7"};
    const CliResult withOption = cli(base + QStringList{"--faults-from-seed", "7"});
    QCOMPARE(withOption.exitCode, 0);
    const qsizetype start = withOption.err.indexOf('[');
    QVERIFY2(start > 0 && withOption.err.contains("--faults-from-seed 7 adds these faults"),
             qPrintable(withOption.err));
    QJsonParseError error;
    const QJsonArray plan =
        QJsonDocument::fromJson(withOption.err.mid(start).toUtf8(), &error).array();
    QVERIFY2(error.error == QJsonParseError::NoError && !plan.isEmpty(),
             qPrintable(withOption.err));

    QFile source(scenario("work-queue.json"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(source.readAll()).object();
    QJsonArray faults = doc["faults"].toArray();
    for (const QJsonValue& f : plan) faults.append(f);
    doc["faults"] = faults;
    QTemporaryDir dir;
    QFile kept(dir.filePath("with-plan.json"));
    QVERIFY(kept.open(QIODevice::WriteOnly) && kept.write(QJsonDocument(doc).toJson()) > 0);
    kept.close();
    const CliResult fromFile = cli({"run", kept.fileName(), "--json", "--seed", "7"});
    QCOMPARE(fromFile.exitCode, 0);
    QCOMPARE(traceHash(fromFile), traceHash(withOption));
  }

  void badArgumentsAreUsageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no seeds") << QStringList{"fuzz", "--seeds", "0"};
    QTest::newRow("seeds not a number") << QStringList{"fuzz", "--seeds", "many"};
    QTest::newRow("first 0") << QStringList{"fuzz", "--first", "0"};
    QTest::newRow("seeds past 2^64-1")
        << QStringList{"fuzz", "--first", "18446744073709551615", "--seeds", "2"};
    QTest::newRow("positional") << QStringList{"fuzz", "work-queue.json"};
    QTest::newRow("unknown option") << QStringList{"fuzz", "--fast"};
    QTest::newRow("run: bad fault seed")
        << QStringList{"run", scenario("work-queue.json"), "--faults-from-seed", "x"};
  }
  void badArgumentsAreUsageErrors() {
    QFETCH(QStringList, args);
    const CliResult r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("usage:"));
  }

  // The last seed there is runs once: first + seeds used to wrap around to 0 and run nothing.
  void theLastSeedRuns() {
    const CliResult r = cli({"fuzz", "--first", "18446744073709551615", "--seeds", "1",
                             "--scenario", scenario("work-queue.json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("1 seed over 1 scenario, 0 failed"), qPrintable(r.out));
    QVERIFY2(!r.out.contains(" 0 events"), qPrintable(r.out));
  }

  void noScenariosToFuzzIsAUsageError() {
    QTemporaryDir empty;
    const CliResult r = cliIn(empty.path(), {"fuzz", "--seeds", "1"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("no scenarios"));
  }
};

QTEST_GUILESS_MAIN(tst_FuzzCommand)
#include "tst_fuzzcommand.moc"
