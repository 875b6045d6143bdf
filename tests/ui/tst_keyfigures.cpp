// The comparison's key figures (compare/KeyFigures), built from two runs' reports.

#include "UiFixtures.h"
#include "compare/KeyFigures.h"
#include "controller/SimulationController.h"
#include "metrics/Report.h"

#include <QtTest>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

class tst_KeyFigures : public QObject {
  Q_OBJECT

 private slots:
  // A stream's producer has no end to end of its own (its groups have theirs): the key figures
  // listed its p50 and p99 as two rows of "–" in both runs.
  void aStreamsProducerLeavesItsLatencyToTheGroups() {
    SimulationController c;
    c.load(loadBundled(QStringLiteral("order-events-stream")));
    runTo(c, 30 * kSecond);
    const RunReport r = buildReport(c.simulator());
    QStringList names;
    for (const KeyFigure& f : keyFigures(r, r)) names << f.name;
    QVERIFY2(!names.contains(QStringLiteral("orders: end-to-end p99")),
             qPrintable(names.join(QLatin1Char('|'))));
    QVERIFY(!names.contains(QStringLiteral("orders: end-to-end p50")));
    QVERIFY2(names.contains(QStringLiteral("order-events/billing: end-to-end p99")),
             qPrintable(names.join(QLatin1Char('|'))));
    // A queue's producer keeps them.
    SimulationController q;
    q.load(loadBundled(QStringLiteral("work-queue")));
    runTo(q, 10 * kSecond);
    const RunReport rq = buildReport(q.simulator());
    names.clear();
    for (const KeyFigure& f : keyFigures(rq, rq)) names << f.name;
    QVERIFY(names.contains(QStringLiteral("orders-api: end-to-end p99")));
  }

  // With auto acks a queue never acks: compared with the manual-ack run, "orders: acked/s" read
  // 0.00/s against 11.2/s, in green as if acking were where manual acks do better.
  void anAutoAckQueueHasNoAckRate() {
    SimulationController a;
    a.load(loadBundled(QStringLiteral("consumer-crash-auto-ack")));
    runTo(a, 75 * kSecond);
    SimulationController b;
    b.load(loadBundled(QStringLiteral("consumer-crash-manual-ack")));
    runTo(b, 75 * kSecond);
    const RunReport ra = buildReport(a.simulator());
    const RunReport rb = buildReport(b.simulator());
    QVERIFY(ra.queues.at(0).autoAckOnly);
    QVERIFY(!rb.queues.at(0).autoAckOnly);
    bool found = false;
    for (const KeyFigure& f : keyFigures(ra, rb)) {
      if (f.name != QStringLiteral("orders: acked/s")) continue;
      found = true;
      QVERIFY(!f.a.has_value());
      QVERIFY(f.b.has_value() && *f.b > 5);
      QVERIFY(!f.difference().has_value());
    }
    QVERIFY(found);
    // Its deliveries are still compared.
    for (const KeyFigure& f : keyFigures(ra, rb))
      if (f.name == QStringLiteral("orders: delivered")) QVERIFY(f.a && *f.a > 0);
  }
};

QTEST_MAIN(tst_KeyFigures)
#include "tst_keyfigures.moc"
