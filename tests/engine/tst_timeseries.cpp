// Metrics over time: bounded series that coarsen instead of forgetting, and the simulator's
// per-interval rates and time-averaged depth.

#include "EngineFixtures.h"
#include "base/TimeSeries.h"

using namespace brokerlab;
using namespace brokerlab::fixtures;

class tst_TimeSeries : public QObject {
  Q_OBJECT

 private slots:
  void keepsEveryPointUntilFull() {
    TimeSeries s(kSecond, 8);
    for (int i = 0; i < 7; ++i) s.append(i);
    QCOMPARE(s.points().size(), std::size_t{7});
    QCOMPARE(s.step(), kSecond);
    QCOMPARE(s.timeOf(0), kSecond);
  }

  void halvesWhenFullAndKeepsTheWholeHistory() {
    TimeSeries s(kSecond, 8);
    for (int i = 0; i < 8; ++i) s.append(i);  // full: pairs averaged
    QCOMPARE(s.points(), (std::vector<double>{0.5, 2.5, 4.5, 6.5}));
    QCOMPARE(s.step(), 2 * kSecond);
    s.append(8);
    QCOMPARE(s.points().size(), std::size_t{4});  // waiting for its pair
    s.append(10);
    QCOMPARE(s.points().back(), 9.0);
    QCOMPARE(s.timeOf(4), 10 * kSecond);
    for (int i = 0; i < 10000; ++i) s.append(1);
    QVERIFY(s.points().size() < 8);
    QCOMPARE(s.timeOf(s.points().size() - 1) <= 10010 * kSecond, true);
  }

  void simulatorSamplesRatesAndDepth() {
    // 10 messages a second into a queue nobody consumes: depth grows by 10 a second.
    Scenario s = scenario(5 * kSecond);
    s.sampleInterval = kSecond;
    s.components = {producer("p", "q", 100 * kMillisecond, 0), queue("q")};
    Simulator sim = simulator(s);
    RUN(sim);
    const QueueSeries& q = sim.queueMetrics()[0].series;
    QCOMPARE(q.publishedPerS.points(), (std::vector<double>{10, 10, 10, 10, 10}));
    // Time-averaged depth over each second: 0.1 s at each of 0..9 -> mean 4.5 in the first second.
    QCOMPARE(q.depth.points()[0], 4.5);
    QCOMPARE(q.depth.points()[1], 14.5);
    QCOMPARE(sim.producerMetrics()[0].sentPerS.points().size(), std::size_t{5});
  }
};

QTEST_APPLESS_MAIN(tst_TimeSeries)
#include "tst_timeseries.moc"
