// `brokerlab-cli sweep`: the grid is every combination of the --set axes, each point's figures are
// the mean and Student t half-width over its seeds and equal the individual runs', the CSV does
// not depend on --jobs, a bad --set is a usage error naming it, and --plan's commands run anywhere
// then --collect give the same CSV as a local sweep.

#include "CliRunner.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>

#include <signal.h>

using brokerlab::testing::cli;
using brokerlab::testing::scenario;
using Result = brokerlab::testing::CliResult;

namespace {

QStringList rowOf(const QString& line) {
  return line.split(',');
}

// The value of `column` in every data row of a CSV.
QStringList columnOf(const QString& csv, const QString& column) {
  QStringList lines = csv.trimmed().split('\n');
  const qsizetype index = rowOf(lines.takeFirst()).indexOf(column);
  QStringList values;
  for (const QString& line : lines) values << rowOf(line).value(index);
  return values;
}

}  // namespace

class tst_Sweep : public QObject {
  Q_OBJECT

 private slots:
  void gridIsEveryCombinationFirstAxisSlowest() {
    const Result r = cli({"sweep", scenario("work-queue.json"), "--set", "workers.instances=2..3",
                          "--set", "orders-api.rate=10,20", "--seeds", "2", "--jobs", "1"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(columnOf(r.out, "workers.instances"), QStringList({"2", "2", "3", "3"}));
    QCOMPARE(columnOf(r.out, "orders-api.rate"), QStringList({"10", "20", "10", "20"}));
    QCOMPARE(columnOf(r.out, "seeds"), QStringList({"2", "2", "2", "2"}));
  }

  // The report's key names, each figure followed by its half-width, in scenario order.
  void columnsAreTheReportsKeys() {
    const Result r =
        cli({"sweep", scenario("work-queue.json"), "--set", "workers.prefetch=1", "--seeds", "2"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.section('\n', 0, 0),
             QString("workers.prefetch,seeds,acked_per_s,acked_per_s_ci95,"
                     "orders-api.latency_mean_s,orders-api.latency_mean_s_ci95,"
                     "orders-api.latency_p99_s,orders-api.latency_p99_s_ci95,"
                     "orders.wait_mean_s,orders.wait_mean_s_ci95,orders.wait_p99_s,"
                     "orders.wait_p99_s_ci95,orders.depth_mean,orders.depth_mean_ci95,"
                     "workers.utilization,workers.utilization_ci95"));
  }

  void requestReplyHasTheClientsTimeToResult() {
    const Result r = cli({"sweep", scenario("async-request-reply.json"), "--seeds", "1"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.section('\n', 0, 0).contains(",browser.time_to_result_mean_s,"));
    // One seed: a mean, and no interval.
    QVERIFY(!columnOf(r.out, "browser.time_to_result_mean_s").first().isEmpty());
    QCOMPARE(columnOf(r.out, "browser.time_to_result_mean_s_ci95"), QStringList({""}));
  }

  // A topic's subscription queues and a stream's groups, named as in the metrics CSV.
  void topicSubscriptionsAndStreamGroupsHaveFigures() {
    const Result r = cli({"sweep", scenario("queue-vs-topic-vs-stream.json"), "--seeds", "1"});
    QCOMPARE(r.exitCode, 0);
    const QString header = r.out.section('\n', 0, 0);
    QVERIFY2(header.contains(QRegularExpression(",[^,/]+/[^,/]+\\.wait_p99_s,")),
             qPrintable(header));
    QVERIFY2(header.contains(QRegularExpression(",[^,/]+/[^,/]+\\.lag_mean,")), qPrintable(header));
  }

  // Three seeds' throughput from three runs, averaged by hand; t(0.975, 2) = 4.302652730 from a
  // statistics table.
  void halfWidthIsStudentTOverTheSeeds() {
    const Result r = cli({"sweep", scenario("work-queue.json"), "--seeds", "3"});
    QCOMPARE(r.exitCode, 0);
    double x[3];
    for (int s = 0; s < 3; ++s) {
      const Result run =
          cli({"run", scenario("work-queue.json"), "--seed", QString::number(1 + s), "--json"});
      QCOMPARE(run.exitCode, 0);
      const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
      x[s] = report["ledger"].toObject()["acked"].toDouble() / report["sim_time_s"].toDouble();
    }
    const double mean = (x[0] + x[1] + x[2]) / 3;
    const double var = ((x[0] - mean) * (x[0] - mean) + (x[1] - mean) * (x[1] - mean) +
                        (x[2] - mean) * (x[2] - mean)) /
                       2;
    const double half = 4.302652730 * std::sqrt(var) / std::sqrt(3.0);
    QVERIFY(half > 0);
    const double gotMean = columnOf(r.out, "acked_per_s").first().toDouble();
    const double gotHalf = columnOf(r.out, "acked_per_s_ci95").first().toDouble();
    QVERIFY2(std::abs(gotMean - mean) < 1e-12 * mean, qPrintable(r.out));
    QVERIFY2(std::abs(gotHalf - half) < 1e-9 * half,
             qPrintable(QString("%1 vs %2").arg(gotHalf, 0, 'g', 17).arg(half, 0, 'g', 17)));
  }

  void csvDoesNotDependOnJobs() {
    const QStringList args = {
        "sweep", scenario("work-queue.json"),       "--set",   "workers.instances=2..4",
        "--set", "workers.service.mean=80ms,120ms", "--seeds", "3"};
    const Result one = cli(args + QStringList{"--jobs", "1"});
    const Result four = cli(args + QStringList{"--jobs", "4"});
    QCOMPARE(one.exitCode, 0);
    QCOMPARE(four.exitCode, 0);
    QCOMPARE(one.out.count('\n'), 7);
    QCOMPARE(four.out, one.out);
  }

  void badSetIsAUsageErrorNamingIt_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown id")
        << QStringList{"--set", "nope.rate=1"}
        << "--set nope.rate=1: \"nope.rate\" names no component's parameter (the "
           "components: orders-api, orders, workers)";
    QTest::newRow("unknown parameter")
        << QStringList{"--set", "workers.speed=1"} << "--set workers.speed=1: components[2]";
    QTest::newRow("bad value") << QStringList{"--set", "workers.instances=0..2"}
                               << "--set workers.instances=0: components[2].instances";
    QTest::newRow("not a duration")
        << QStringList{"--set", "workers.service.mean=fast"} << "--set workers.service.mean=fast:";
    QTest::newRow("into a number")
        << QStringList{"--set", "orders-api.rate.x=1"}
        << "--set orders-api.rate.x=1: orders-api.rate is the number 20, not an object";
    QTest::newRow("empty range") << QStringList{"--set", "workers.instances=3..1"}
                                 << "the range 3..1 is empty";
    QTest::newRow("range of words")
        << QStringList{"--set", "workers.instances=a..3"} << "a range is two whole numbers";
    QTest::newRow("no value") << QStringList{"--set", "workers.instances"}
                              << "expects ID.PARAM=VALUES";
    QTest::newRow("empty value") << QStringList{"--set", "workers.instances=1,,2"}
                                 << "an empty value in \"1,,2\"";
    QTest::newRow("twice") << QStringList{"--set", "workers.instances=1", "--set",
                                          "workers.instances=2"}
                           << "--set workers.instances is given twice";
    QTest::newRow("no seeds") << QStringList{"--seeds", "0"} << "--seeds";
    QTest::newRow("too many runs")
        << QStringList{"--set", "workers.instances=1..1000", "--seeds", "1000"}
        << "more than 100000 runs";
  }
  void badSetIsAUsageErrorNamingIt() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = cli(QStringList{"sweep", scenario("work-queue.json")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
  }

  // run takes the same --set as sweep (the --plan commands use it).
  void runAppliesSet() {
    const Result r = cli({"run", scenario("work-queue.json"), "--set", "workers.instances=5",
                          "--set", "workers.service.mean=50ms", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(report["components"].toObject()["workers"].toObject()["instances"].toInt(), 5);
    const Result bad = cli({"run", scenario("work-queue.json"), "--set", "workers.instances=0"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("--set workers.instances=0: components[2].instances"),
             qPrintable(bad.err));
  }

  // Ctrl-C: the CSV of the points whose every seed finished (maybe none yet), exit 130.
  void ctrlCWritesThePointsFinished() {
    QProcess p;
    p.start(QStringLiteral(BROKERLAB_CLI),
            {"sweep", scenario("mm1.json"), "--set", "server.instances=1..200", "--seeds", "2",
             "--jobs", "1"});
    QVERIFY(p.waitForStarted());
    QTest::qWait(1500);
    QCOMPARE(p.state(), QProcess::Running);
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 130);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(" of 400 runs: the CSV has the points whose every seed finished"),
             qPrintable(err));
    QVERIFY(out.startsWith("server.instances,seeds"));
    QVERIFY(out.count('\n') < 201);
  }

  // The plan's commands, run one by one by a shell or two at a time by GNU parallel (Debian's
  // `parallel`; skipped where it is not installed), then --collect: the local sweep's CSV.
  void planThenCollectEqualsALocalSweep_data() {
    QTest::addColumn<QString>("runner");
    QTest::newRow("sh") << "sh -e plan.txt";
    QTest::newRow("GNU parallel") << "parallel --will-cite -j 2 --halt now,fail=1 < plan.txt";
  }
  void planThenCollectEqualsALocalSweep() {
    QFETCH(QString, runner);
    if (runner.startsWith("parallel") && QStandardPaths::findExecutable("parallel").isEmpty())
      QSKIP("GNU parallel is not installed (Debian package parallel)");
    QTemporaryDir dir;
    const QStringList grid = {
        "--set", "workers.instances=2..3", "--set", "orders-api.rate=15,25", "--seeds", "2"};
    const QString file = scenario("work-queue.json");
    const Result local = cli(QStringList{"sweep", file} + grid);
    QCOMPARE(local.exitCode, 0);
    const Result plan = cli(QStringList{"sweep", file, "--plan", dir.filePath("reports"), "-o",
                                        dir.filePath("plan.txt")} +
                            grid);
    QCOMPARE(plan.exitCode, 0);
    QFile planFile(dir.filePath("plan.txt"));
    QVERIFY(planFile.open(QIODevice::ReadOnly));
    const QString commands = QString::fromUtf8(planFile.readAll());
    QCOMPARE(commands.count('\n'), 8);
    QVERIFY(commands.startsWith("brokerlab-cli run " + file +
                                " --seed 1 --set workers.instances=2 --set orders-api.rate=15 "
                                "--json -o "));
    QVERIFY(QDir(dir.path()).mkdir("reports"));
    QVERIFY(QDir(dir.path()).mkdir("bin"));
    QVERIFY(QFile::link(QStringLiteral(BROKERLAB_CLI), dir.filePath("bin/brokerlab-cli")));
    QProcess shell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PATH", dir.filePath("bin") + ':' + env.value("PATH"));
    shell.setProcessEnvironment(env);
    shell.setWorkingDirectory(dir.path());
    shell.start("sh", {"-c", runner});
    QVERIFY(shell.waitForFinished(120000));
    QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());
    const Result collected =
        cli(QStringList{"sweep", file, "--collect", dir.filePath("reports")} + grid);
    QCOMPARE(collected.exitCode, 0);
    QCOMPARE(collected.out, local.out);
    // A report missing is named.
    QVERIFY(QFile::remove(dir.filePath("reports/point-3-seed-2.json")));
    const Result missing =
        cli(QStringList{"sweep", file, "--collect", dir.filePath("reports")} + grid);
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("point-3-seed-2.json: cannot open: no such file"),
             qPrintable(missing.err));
  }
};

QTEST_GUILESS_MAIN(tst_Sweep)
#include "tst_sweep.moc"
