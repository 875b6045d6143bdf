// `brokerlab-cli sweep`: the grid is every combination of the --set axes, each point's figures are
// the mean and Student t half-width over its seeds and equal the individual runs', the CSV does
// not depend on --jobs, a bad --set is a usage error naming it, and --plan's commands run anywhere
// (by sh, or by GNU parallel as a cluster would) then --collect or --merge give the same CSV as a
// local sweep, byte for byte; --merge names a report of another grid and a run with no report.

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
  // `parallel`), then --collect and --merge: the local sweep's CSV. scripts/brokerlab installs
  // parallel and says so (BROKERLAB_PACKAGES_INSTALLED): there its absence fails the test; a build
  // outside the script skips it, saying why.
  void planThenCollectEqualsALocalSweep_data() {
    QTest::addColumn<QString>("runner");
    QTest::newRow("sh") << "sh -e plan.txt";
    QTest::newRow("GNU parallel") << "parallel --will-cite -j 2 --halt now,fail=1 < plan.txt";
  }
  void planThenCollectEqualsALocalSweep() {
    QFETCH(QString, runner);
    if (runner.startsWith("parallel") && QStandardPaths::findExecutable("parallel").isEmpty()) {
      if (qEnvironmentVariableIsSet("BROKERLAB_PACKAGES_INSTALLED"))
        QFAIL(
            "GNU parallel is not installed, though scripts/brokerlab installed its packages: "
            "the Debian package parallel is missing from its list");
      QSKIP(
          "GNU parallel is not installed (Debian package parallel; scripts/brokerlab test "
          "installs it)");
    }
    QTemporaryDir dir;
    const QString file = scenario("work-queue.json");
    const Result local = cli(QStringList{"sweep", file} + planGrid());
    QCOMPARE(local.exitCode, 0);
    QVERIFY(runPlan(dir, runner));
    const Result collected =
        cli(QStringList{"sweep", file, "--collect", dir.filePath("reports")} + planGrid());
    QCOMPARE(collected.exitCode, 0);
    QCOMPARE(collected.out, local.out);
    // --merge: the same reports named one by one, in any order, from wherever they are.
    QStringList reports = QDir(dir.filePath("reports")).entryList({"*.json"}, QDir::Files);
    QCOMPARE(reports.size(), 8);
    std::reverse(reports.begin(), reports.end());
    QVERIFY(QDir(dir.path()).mkdir("elsewhere"));
    QVERIFY(QFile::rename(dir.filePath("reports/" + reports.first()),
                          dir.filePath("elsewhere/" + reports.first())));
    QStringList paths = {dir.filePath("elsewhere/" + reports.first())};
    for (qsizetype i = 1; i < reports.size(); ++i) paths << dir.filePath("reports/" + reports[i]);
    const Result merged =
        cli(QStringList{"sweep", file} + planGrid() + QStringList{"--merge"} + paths);
    QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));
    QCOMPARE(merged.out, local.out);
    // A report missing is named.
    QVERIFY(QFile::remove(dir.filePath("reports/point-3-seed-2.json")));
    const Result missing =
        cli(QStringList{"sweep", file, "--collect", dir.filePath("reports")} + planGrid());
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("point-3-seed-2.json: cannot open: no such file"),
             qPrintable(missing.err));
  }

  // --merge refuses, naming the file: a report of a point or a seed the grid does not have, of
  // another scenario, a file not named as the plan names reports, a run given twice; and names
  // the first run of the grid with no report.
  void mergeNamesWrongAndMissingReports_data() {
    QTest::addColumn<QStringList>("grid");
    QTest::addColumn<QStringList>("reports");
    QTest::addColumn<QString>("message");
    const QStringList all = {"point-1-seed-1.json", "point-1-seed-2.json", "point-2-seed-1.json",
                             "point-2-seed-2.json", "point-3-seed-1.json", "point-3-seed-2.json",
                             "point-4-seed-1.json", "point-4-seed-2.json"};
    QTest::newRow("a point missing a seed")
        << planGrid() << QStringList(all.mid(0, 5) + all.mid(6))
        << "no report of point 3 (workers.instances=3 orders-api.rate=15), seed 2: 1 of 8 runs "
           "have none";
    QTest::newRow("a point not in the grid")
        << QStringList{"--set", "workers.instances=2", "--set", "orders-api.rate=15,25", "--seeds",
                       "2"}
        << all
        << "point-3-seed-1.json: a report of point 3, but the grid has 2 points (a report of "
           "another sweep?)";
    QTest::newRow("a seed not in the sweep")
        << QStringList{"--set",   "workers.instances=2..3",
                       "--set",   "orders-api.rate=15,25",
                       "--seeds", "1"}
        << all << "point-1-seed-2.json: a report of seed 2, but the sweep's seeds are 1 to 1";
    QTest::newRow("twice") << planGrid() << QStringList(all + QStringList{"point-2-seed-1.json"})
                           << "point-2-seed-1.json: point 2, seed 1 again (already read from ";
    QTest::newRow("not a report's name")
        << planGrid() << QStringList{"plan.txt"}
        << "plan.txt: not a report as the --plan commands name them (point-K-seed-S.json)";
    QTest::newRow("no reports") << planGrid() << QStringList()
                                << "--merge expects REPORT files after FILE";
  }
  void mergeNamesWrongAndMissingReports() {
    QFETCH(QStringList, grid);
    QFETCH(QStringList, reports);
    QFETCH(QString, message);
    static QTemporaryDir dir;  // the plan's reports, run once for every row
    static const bool ran = runPlan(dir, "sh -e plan.txt");
    QVERIFY(ran);
    QStringList paths;
    for (const QString& r : reports)
      paths << (r.endsWith(".json") ? dir.filePath("reports/" + r) : dir.filePath(r));
    const Result r = cli(QStringList{"sweep", scenario("work-queue.json")} + grid +
                         QStringList{"--merge"} + paths);
    QCOMPARE(r.exitCode, reports.isEmpty() ? 2 : 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
  }

  void mergeRefusesAReportOfAnotherScenario() {
    QTemporaryDir dir;
    QVERIFY(runPlan(dir, "sh -e plan.txt"));
    QStringList paths;
    for (const QString& r : QDir(dir.filePath("reports")).entryList({"*.json"}, QDir::Files))
      paths << dir.filePath("reports/" + r);
    const Result r =
        cli(QStringList{"sweep", scenario("mm1.json"), "--set", "server.instances=1..4", "--set",
                        "arrivals.rate=1,2", "--seeds", "2", "--merge"} +
            paths);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("point-1-seed-1.json: the report is of the scenario \"Work queue "
                            "with competing consumers\", not \"M/M/1"),
             qPrintable(r.err));
  }

 private:
  static QStringList planGrid() {
    return {"--set", "workers.instances=2..3", "--set", "orders-api.rate=15,25", "--seeds", "2"};
  }

  // Writes the plan of planGrid() to DIR/plan.txt, and runs it in DIR with `runner` (sh or GNU
  // parallel), brokerlab-cli on its PATH: the reports are in DIR/reports.
  static bool runPlan(const QTemporaryDir& dir, const QString& runner) {
    const QString file = scenario("work-queue.json");
    const Result plan = cli(QStringList{"sweep", file, "--plan", dir.filePath("reports"), "-o",
                                        dir.filePath("plan.txt")} +
                            planGrid());
    if (plan.exitCode != 0) return false;
    QFile planFile(dir.filePath("plan.txt"));
    if (!planFile.open(QIODevice::ReadOnly)) return false;
    const QString commands = QString::fromUtf8(planFile.readAll());
    if (commands.count('\n') != 8 ||
        !commands.startsWith("brokerlab-cli run " + file +
                             " --seed 1 --set workers.instances=2 --set orders-api.rate=15 "
                             "--json -o "))
      return false;
    if (!QDir(dir.path()).mkpath("reports") || !QDir(dir.path()).mkpath("bin")) return false;
    QFile::link(QStringLiteral(BROKERLAB_CLI), dir.filePath("bin/brokerlab-cli"));
    QProcess shell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PATH", dir.filePath("bin") + ':' + env.value("PATH"));
    shell.setProcessEnvironment(env);
    shell.setWorkingDirectory(dir.path());
    shell.start("sh", {"-c", runner});
    if (!shell.waitForFinished(120000) || shell.exitCode() != 0) {
      qWarning("%s", shell.readAllStandardError().constData());
      return false;
    }
    return true;
  }
};

QTEST_GUILESS_MAIN(tst_Sweep)
#include "tst_sweep.moc"
