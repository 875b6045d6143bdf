// Long runs against queueing theory: M/M/1, M/D/1 (Pollaczek-Khinchine), M/M/c (Erlang C), and
// Little's law on every queue. A queue with one consumer instance, prefetch 1, manual ack and
// zero link latency is exactly a FIFO server: the wait in the queue is the theory's Wq.

#include "EngineFixtures.h"
#include "metrics/QueueingTheory.h"
#include "metrics/Report.h"

#include <cmath>

Q_DECLARE_METATYPE(brokerlab::Distribution)

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

Simulator queueingModel(double lambda, Distribution service, std::uint32_t servers,
                        std::uint64_t customers, std::uint64_t seed) {
  Scenario s = scenario(static_cast<SimTime>(customers / lambda * 1.2) * kSecond);
  ComponentSpec p = producer("arrivals", "q", 0, customers);
  p.interarrival.reset();
  p.rate = lambda;
  ComponentSpec c = consumer("servers", "q", 0, servers);
  c.service = service;
  s.components = {p, queue("q"), c};
  Simulator sim = simulator(s, seed);
  runOrAbort(sim);
  return sim;
}

}  // namespace

class tst_QueueingTheory : public QObject {
  Q_OBJECT

 private slots:
  void meanWaitMatchesTheory_data() {
    QTest::addColumn<double>("lambda");
    QTest::addColumn<Distribution>("service");
    QTest::addColumn<int>("servers");
    QTest::addColumn<double>("wqTheory");
    // M/M/1, rho 0.5: Wq = rho / (mu - lambda)
    QTest::newRow("M/M/1 rho 0.5") << 0.5 << Distribution::exponential(kSecond) << 1 << 1.0;
    // M/D/1, rho 0.5: Wq = rho / (2 mu (1 - rho))
    QTest::newRow("M/D/1 rho 0.5") << 0.5 << Distribution::constant(kSecond) << 1 << 0.5;
    // M/M/3, lambda 2.1, mu 1: Wq = C(3, 2.1) / (c mu - lambda)
    QTest::newRow("M/M/3 rho 0.7")
        << 2.1 << Distribution::exponential(kSecond) << 3 << erlangC(3, 2.1) / (3.0 - 2.1);
  }
  void meanWaitMatchesTheory() {
    QFETCH(double, lambda);
    QFETCH(Distribution, service);
    QFETCH(int, servers);
    QFETCH(double, wqTheory);
    const Simulator sim = queueingModel(lambda, service, std::uint32_t(servers), 1'000'000, 11);
    const RunReport r = buildReport(sim);
    const QueueReport& q = r.queues[0];
    QCOMPARE(q.counters.delivered, 1'000'000u);
    const double wq = q.wait.meanS;
    QVERIFY2(std::abs(wq / wqTheory - 1) < 0.03,
             qPrintable(QString("Wq %1 s vs theory %2 s").arg(wq).arg(wqTheory)));
    // Time-averaged queue length: Lq = lambda Wq, measured over the time the customers took.
    const double busySpan = toSeconds(sim.queues()[0].depth.since);
    const double lq = sim.queues()[0].depth.areaAt(sim.queues()[0].depth.since) / 1e9 / busySpan;
    QVERIFY2(std::abs(lq / (lambda * wqTheory) - 1) < 0.03,
             qPrintable(QString("Lq %1 vs theory %2").arg(lq).arg(lambda * wqTheory)));
  }

  // L = lambda W from two independent measurements: the depth integral and the wait histogram.
  void littlesLawHoldsOnEveryQueue() {
    Scenario s = scenario(2000 * kSecond);
    ComponentSpec p = producer("p", "work", 0, 0);
    p.interarrival = Distribution::erlang(2, 150 * kMillisecond);
    ComponentSpec w = consumer("w", "work", 0, 2, 3);
    w.service = Distribution::lognormal(180 * kMillisecond, 120 * kMillisecond);
    w.failureProbability = 0.3;
    ComponentSpec r = consumer("r", "retry", 0, 1);
    r.service = Distribution::exponential(1 * kSecond);
    s.components = {p, queue("work"), queue("retry"), w, r};
    s.components[1].maxDeliveries = 2;
    s.components[1].deadLetter = "retry";
    s.networkLatency = Distribution::uniform(0, 2 * kMillisecond);
    Simulator sim = simulator(s);
    RUN(sim);
    const RunReport rep = buildReport(sim);
    for (const QueueReport& q : rep.queues) {
      // Every stint in the ready list ends in a delivery here (no TTL, no overflow), requeues too.
      // Stints start on enqueue and on each requeue (a nack that did not hit the delivery limit).
      const double stints =
          double(q.counters.enqueued + q.counters.nacked - q.counters.deadLettered);
      const double lambda = stints / rep.simTimeS;
      QVERIFY2(std::abs(q.depthMean / (lambda * q.wait.meanS) - 1) < 0.02,
               qPrintable(QString("%1: L %2 vs lambda W %3")
                              .arg(QString::fromStdString(q.id))
                              .arg(q.depthMean)
                              .arg(lambda * q.wait.meanS)));
      QVERIFY(q.depthMean > 0.1);
    }
    QVERIFY(sim.ledger().balanced());
  }
};

QTEST_APPLESS_MAIN(tst_QueueingTheory)
#include "tst_queueingtheory.moc"
