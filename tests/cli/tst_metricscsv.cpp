// The values of the --metrics-csv file, not only its header: a producer at 10 a second into a
// queue whose one consumer takes 250 ms (plus 1 ms each way on its link: one every 252 ms), sampled
// every second; and that the file is the engine's catalogue of series (metrics/SeriesCatalog).

#include "CliRunner.h"
#include "metrics/SeriesCatalog.h"
#include "model/ModelBuilder.h"
#include "scenario/ScenarioFile.h"
#include "sim/Simulator.h"

#include <QFile>
#include <QTemporaryDir>

#include <cmath>

class tst_MetricsCsv : public QObject {
  Q_OBJECT

 private slots:
  void theColumnsHoldTheRun() {
    QTemporaryDir dir;
    const QString scenario = dir.filePath("csv.json"), csv = dir.filePath("metrics.csv");
    QFile s(scenario);
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write(R"({"format": "brokerlab-scenario", "version": 1, "name": "csv", "duration": "5s",
      "sample_interval": "1s", "components": [
      {"id": "p", "kind": "producer", "target": "q", "interarrival": "100ms"},
      {"id": "q", "kind": "queue"},
      {"id": "c", "kind": "consumer", "source": "q", "service": "250ms"}]})");
    s.close();
    const auto r = brokerlab::testing::cli({"run", scenario, "--metrics-csv", csv});
    QCOMPARE(r.exitCode, 0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split('\n');
    QCOMPARE(lines[0], QString("time_s,p.sent_per_s,p.end_to_end_p50_s,p.end_to_end_p95_s,"
                               "p.end_to_end_p99_s,q.published_per_s,q.delivered_per_s,"
                               "q.acked_per_s,q.depth,q.unacked,q.wait_p50_s,q.wait_p95_s,"
                               "q.wait_p99_s,c.utilization,c.active_instances"));
    const QStringList header = lines[0].split(',');
    QCOMPARE(lines.size(), 6);
    const double growth = 10 - 1 / 0.252;  // the backlog grows by arrivals less services
    double depthBefore = 0, waitBefore = 0;
    for (int row = 1; row <= 5; ++row) {
      const QStringList fields = lines[row].split(',');
      const auto v = [&](const char* column) { return fields[header.indexOf(column)].toDouble(); };
      QCOMPARE(v("time_s"), row);         // the sample at the end of each second
      QCOMPARE(v("p.sent_per_s"), 10.0);  // sent at 0.1 s .. 1.0 s, ...
      // published: arrivals at the broker 1 ms later, so the first second has 9
      QCOMPARE(v("q.published_per_s"), row == 1 ? 9.0 : 10.0);
      QCOMPARE(v("q.delivered_per_s"), 4.0);               // at 0.101, 0.353, 0.605, 0.857 s, ...
      QCOMPARE(v("q.acked_per_s"), row == 1 ? 3.0 : 4.0);  // each ack 252 ms after its delivery
      QCOMPARE(v("q.unacked"), 1.0);                       // prefetch 1: always one in hand
      const double depth = v("q.depth");                   // the mean over the second
      if (row > 1) QVERIFY2(std::abs(depth - depthBefore - growth) < 0.01, qPrintable(lines[row]));
      depthBefore = depth;
      // The backlog grows, so each second's deliveries waited longer than the last second's.
      const double p50 = v("q.wait_p50_s"), p99 = v("q.wait_p99_s");
      QVERIFY2(p50 <= v("q.wait_p95_s") && v("q.wait_p95_s") <= p99, qPrintable(lines[row]));
      if (row > 1) QVERIFY2(p50 > waitBefore, qPrintable(lines[row]));
      waitBefore = p99;
      // The one instance is busy but for its link's 2 ms a message.
      QCOMPARE(v("c.active_instances"), 1.0);
      if (row > 1)
        QVERIFY2(std::abs(v("c.utilization") - 0.25 / 0.252) < 0.005, qPrintable(lines[row]));
    }
    // The first second: nothing acked before 0.353 s, so its end-to-end times come from three.
    QVERIFY(lines[1].split(',')[header.indexOf("p.end_to_end_p50_s")].toDouble() > 0);
  }

  // One writer: the CLI's file is the engine's metricsCsv(), byte for byte.
  void theCliWritesTheEnginesCsv() {
    QTemporaryDir dir;
    const QString csv = dir.filePath("metrics.csv");
    const auto r = brokerlab::testing::cli(
        {"run", brokerlab::testing::scenario("async-request-reply.json"), "--metrics-csv", csv});
    QCOMPARE(r.exitCode, 0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const brokerlab::ScenarioLoadResult loaded =
        brokerlab::loadScenarioFile(brokerlab::testing::scenario("async-request-reply.json"));
    QVERIFY(loaded.scenario);
    brokerlab::ModelBuildResult built = brokerlab::buildModel(*loaded.scenario);
    QVERIFY(built.model);
    brokerlab::Simulator sim(std::make_shared<const brokerlab::Model>(std::move(*built.model)));
    QCOMPARE(sim.run(), brokerlab::StopReason::ReachedTime);
    QCOMPARE(f.readAll(), QByteArray::fromStdString(brokerlab::metricsCsv(sim)));
  }
};

QTEST_GUILESS_MAIN(tst_MetricsCsv)
#include "tst_metricscsv.moc"
