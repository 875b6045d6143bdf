// `bench --vs-reference`: one ratio per pair (BrokerLab's messages/s over the reference kernel's),
// their median, the target and the trace-capture ratio; the reference kernel simulates the model it
// claims to (its M/M/1 wait lands on theory); and its options are checked like every command's.
// Only the mm1 workload runs here: queues-10k keeps 10,000 queues' series, minutes under the
// sanitizer build that runs this suite too (the two share every line of the comparison).

#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace brokerlab::testing;

class tst_BenchReference : public QObject {
  Q_OBJECT

 private slots:
  void pairsRatiosAndMedian() {
    const CliResult r = cli(
        {"bench", "--vs-reference", "--model", "mm1", "--pairs", "1", "--scale", "0.02", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray workloads = root.value("workloads").toArray();
    QCOMPARE(workloads.size(), 1);
    const QJsonObject w = workloads[0].toObject();
    QCOMPARE(w.value("name").toString(), QStringLiteral("mm1"));
    const QJsonArray pairs = w.value("pairs").toArray();
    QCOMPARE(pairs.size(), 1);
    const QJsonObject p = pairs[0].toObject();
    const double a = p.value("brokerlab_messages_per_s").toDouble();
    const double b = p.value("reference_messages_per_s").toDouble();
    QVERIFY(a > 0 && b > 0);
    QVERIFY(std::abs(p.value("ratio").toDouble() - a / b) < 1e-9 * a / b);
    QCOMPARE(w.value("median_ratio").toDouble(), p.value("ratio").toDouble());
    QCOMPARE(w.value("met").toBool(),
             w.value("median_ratio").toDouble() >= w.value("target").toDouble());
    // The same model with the trace captured: a rate of its own, and their ratio.
    const double captured = p.value("captured_messages_per_s").toDouble();
    QVERIFY(captured > 0);
    QVERIFY(std::abs(w.value("capture_median_ratio").toDouble() - captured / a) <
            1e-9 * captured / a);
    // The lean kernel beside it: its own rate, and BrokerLab's ratio to it with its median.
    const double lean = p.value("lean_reference_messages_per_s").toDouble();
    QVERIFY(lean > 0);
    QVERIFY(std::abs(p.value("lean_ratio").toDouble() - a / lean) < 1e-9 * a / lean);
    QCOMPARE(w.value("lean_median_ratio").toDouble(), p.value("lean_ratio").toDouble());
    // M/M/1 at rho 0.9: Wq = rho / (mu - lambda) = 9 s; 2e4 messages land within about 15%.
    const double wait = p.value("reference_wait_mean_s").toDouble();
    QVERIFY2(std::abs(wait / 9.0 - 1) < 0.25, qPrintable(QString::number(wait)));
    const double leanWait = p.value("lean_reference_wait_mean_s").toDouble();
    QVERIFY2(std::abs(leanWait / 9.0 - 1) < 0.25, qPrintable(QString::number(leanWait)));
    QVERIFY(leanWait != wait);  // two kernels, two streams of draws
  }

  void textShowsEveryPairAndTheMedian() {
    const CliResult r =
        cli({"bench", "--vs-reference", "--model", "mm1", "--pairs", "2", "--scale", "0.005"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("mm1: median ratio")));
    QVERIFY(r.out.contains(QStringLiteral("against the lean kernel")));
    QVERIFY(r.out.contains(QStringLiteral("mm1 with the trace captured")));
    QVERIFY(!r.out.contains(QStringLiteral("queues-10k")));
    QCOMPARE(r.out.count(QRegularExpression(QStringLiteral("^mm1 +[12] "),
                                            QRegularExpression::MultilineOption)),
             2);
  }

  void optionsAreChecked_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("pairs alone") << QStringList{"bench", "--pairs", "3"};
    QTest::newRow("pairs zero") << QStringList{"bench", "--vs-reference", "--pairs", "0"};
    QTest::newRow("with suite") << QStringList{"bench", "--vs-reference", "--suite"};
    QTest::newRow("no reference") << QStringList{"bench", "--vs-reference", "--model", "topic-100"};
    QTest::newRow("with messages") << QStringList{"bench", "--vs-reference", "--messages", "10"};
  }
  void optionsAreChecked() {
    QFETCH(QStringList, args);
    const CliResult r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
  }
};

QTEST_MAIN(tst_BenchReference)
#include "tst_benchreference.moc"
