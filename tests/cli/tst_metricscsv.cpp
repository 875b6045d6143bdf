// The values of the --metrics-csv file, not only its header: a producer at 10 a second into a
// queue whose one consumer takes 250 ms (plus 1 ms each way on its link: one every 252 ms), sampled
// every second.

#include "CliRunner.h"

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
    QCOMPARE(lines[0], QString("time_s,p.sent_per_s,q.published_per_s,q.delivered_per_s,"
                               "q.acked_per_s,q.depth,q.unacked"));
    QCOMPARE(lines.size(), 6);
    const double growth = 10 - 1 / 0.252;  // the backlog grows by arrivals less services
    double depthBefore = 0;
    for (int row = 1; row <= 5; ++row) {
      const QStringList v = lines[row].split(',');
      QCOMPARE(v[0].toInt(), row);      // the sample at the end of each second
      QCOMPARE(v[1].toDouble(), 10.0);  // sent at 0.1 s .. 1.0 s, ...
      // published: arrivals at the broker 1 ms later, so the first second has 9
      QCOMPARE(v[2].toDouble(), row == 1 ? 9.0 : 10.0);
      QCOMPARE(v[3].toDouble(), 4.0);                   // at 0.101, 0.353, 0.605, 0.857 s, ...
      QCOMPARE(v[4].toDouble(), row == 1 ? 3.0 : 4.0);  // each ack 252 ms after its delivery
      QCOMPARE(v[6].toDouble(), 1.0);                   // prefetch 1: always one in hand
      const double depth = v[5].toDouble();             // the mean over the second
      if (row > 1) QVERIFY2(std::abs(depth - depthBefore - growth) < 0.01, qPrintable(lines[row]));
      depthBefore = depth;
    }
  }
};

QTEST_GUILESS_MAIN(tst_MetricsCsv)
#include "tst_metricscsv.moc"
