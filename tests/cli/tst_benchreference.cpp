// `bench --vs-reference`: both workloads, one ratio per pair (BrokerLab's messages/s over the
// reference kernel's), their median, the target; the reference kernel simulates the model it
// claims to (its M/M/1 wait lands on theory); and its options are checked like every command's.

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
    const CliResult r =
        cli({"bench", "--vs-reference", "--pairs", "1", "--scale", "0.1", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray workloads = root.value("workloads").toArray();
    QCOMPARE(workloads.size(), 2);
    QCOMPARE(workloads[0].toObject().value("name").toString(), QStringLiteral("mm1"));
    QCOMPARE(workloads[1].toObject().value("name").toString(), QStringLiteral("queues-10k"));
    for (const QJsonValue& v : workloads) {
      const QJsonObject w = v.toObject();
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
    }
    // M/M/1 at rho 0.9: Wq = rho / (mu - lambda) = 9 s; 1e5 messages land within about 15%.
    const double wait = workloads[0]
                            .toObject()
                            .value("pairs")[0]
                            .toObject()
                            .value("reference_wait_mean_s")
                            .toDouble();
    QVERIFY2(std::abs(wait / 9.0 - 1) < 0.25, qPrintable(QString::number(wait)));
  }

  void textShowsEveryPairAndTheMedian() {
    const CliResult r = cli({"bench", "--vs-reference", "--pairs", "2", "--scale", "0.01"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("mm1: median ratio")));
    QVERIFY(r.out.contains(QStringLiteral("queues-10k: median ratio")));
    QCOMPARE(r.out.count(QRegularExpression(QStringLiteral("^mm1 +[12] "),
                                            QRegularExpression::MultilineOption)),
             2);
  }

  void optionsAreChecked_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("pairs alone") << QStringList{"bench", "--pairs", "3"};
    QTest::newRow("pairs zero") << QStringList{"bench", "--vs-reference", "--pairs", "0"};
    QTest::newRow("with suite") << QStringList{"bench", "--vs-reference", "--suite"};
    QTest::newRow("with model") << QStringList{"bench", "--vs-reference", "--model", "mm1"};
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
