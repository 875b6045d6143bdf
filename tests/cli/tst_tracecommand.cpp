// `brokerlab-cli trace FILE --job N`: one job's journey as a table or a Mermaid diagram, pinned by
// a golden file; jobs that do not exist and scenarios without an api are usage errors.

#include "CliRunner.h"

#include <QFile>

using brokerlab::testing::cli;
using brokerlab::testing::scenario;
using Result = brokerlab::testing::CliResult;

namespace {

const char* const kGolden = BROKERLAB_SOURCE_DIR "/tests/data/golden/async-request-reply-job1.mmd";

}  // namespace

class tst_TraceCommand : public QObject {
  Q_OBJECT

 private slots:
  // The golden file is written by hand, never by this test: after a deliberate change in the
  // engine or the diagram, regenerate it (from the source directory) with
  //   build/app/brokerlab-cli trace scenarios/async-request-reply.json --job 1 --mermaid
  // redirected to tests/data/golden/async-request-reply-job1.mmd, and review the diff.
  void mermaidOfJobOneMatchesTheGoldenFile() {
    QFile golden(kGolden);
    if (!golden.open(QIODevice::ReadOnly))
      QFAIL(qPrintable(
          QString("no golden file %1: generate it (see this test's comment)").arg(kGolden)));
    const QString expected = QString::fromUtf8(golden.readAll());
    const Result r =
        cli({"trace", scenario("async-request-reply.json"), "--job", "1", "--mermaid"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QCOMPARE(r.out, expected);
  }

  void mermaidShowsTheSeedDiagramsSteps() {
    const Result r =
        cli({"trace", scenario("async-request-reply.json"), "--job", "1", "--mermaid"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("sequenceDiagram\n"));
    for (const char* step : {"participant C as Client (browser)", "C->>API: ", "] POST /jobs\n",
                             "202 Accepted", "API->>MQ: ", "MQ->>W: ", "W->>DB: ",
                             "loop Poll for status", "303 See Other", "GET /results/1", "W->>MQ: "})
      QVERIFY2(r.out.contains(step), step);
  }

  void tableListsEveryRecordOfTheJob() {
    const Result r = cli({"trace", scenario("async-request-reply.json"), "--job", "2"});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split('\n');
    QVERIFY(lines[0].startsWith("Job 2 of \""));
    QVERIFY(lines[2].startsWith("time_s  event"));
    QVERIFY(r.out.contains("  request      browser "));
    QVERIFY(r.out.contains("  publish      jobs-api "));
    QVERIFY2(lines[lines.size() - 2].startsWith("Job 2: "), qPrintable(r.out));
  }

  void sameSeedSameJourneyOtherSeedAnother() {
    const QStringList args{"trace", scenario("async-request-reply.json"), "--job", "3"};
    const Result a = cli(args), b = cli(args), c = cli(args + QStringList{"--seed", "7"});
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(a.out, b.out);
    QCOMPARE(c.exitCode, 0);
    QVERIFY(a.out != c.out);
  }

  void jobThatDoesNotExistIsAUsageError() {
    const Result r = cli({"trace", scenario("async-request-reply.json"), "--job", "100000"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("job 100000 does not exist"), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
  }

  void scenarioWithoutAnApiIsAUsageError() {
    const Result r = cli({"trace", scenario("work-queue.json"), "--job", "1"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("has no api"), qPrintable(r.err));
  }

  void missingFileIsInvalidInput() {
    const Result r = cli({"trace", "/nonexistent/scenario.json", "--job", "1"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("/nonexistent/scenario.json"));
  }

  void badArgumentsExitWithTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString file = scenario("async-request-reply.json");
    QTest::newRow("no file") << QStringList{"trace", "--job", "1"} << "exactly one scenario FILE";
    QTest::newRow("two files") << QStringList{"trace", file, file, "--job", "1"}
                               << "exactly one scenario FILE";
    QTest::newRow("no job") << QStringList{"trace", file} << "--job N is required";
    QTest::newRow("job zero") << QStringList{"trace", file, "--job", "0"}
                              << "--job must be an integer from 1";
    QTest::newRow("job not a number")
        << QStringList{"trace", file, "--job", "first"} << "--job must be an integer from 1";
    QTest::newRow("negative job") << QStringList{"trace", file, "--job", "-1"}
                                  << "--job must be an integer from 1";
    QTest::newRow("job without value")
        << QStringList{"trace", file, "--job"} << "Missing value after '--job'";
    QTest::newRow("bad seed") << QStringList{"trace", file, "--job", "1", "--seed", "x"}
                              << "--seed must be";
    QTest::newRow("unknown option")
        << QStringList{"trace", file, "--job", "1", "--json"} << "Unknown option 'json'";
  }
  void badArgumentsExitWithTwo() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(r.err.contains("usage: brokerlab-cli trace"), qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(tst_TraceCommand)
#include "tst_tracecommand.moc"
