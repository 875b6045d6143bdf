// Metrics over time: bounded series that coarsen instead of forgetting, leave gaps out of their
// means, and the simulator's per-interval rates and time-averaged depth.

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

  void gapsAreLeftOutOfTheMeans() {
    TimeSeries s(kSecond, 4, true);
    s.append(kSeriesGap);
    s.append(2);
    s.append(kSeriesGap);
    QVERIFY(isSeriesGap(s.points()[0]) && isSeriesGap(s.mins()[0]) && isSeriesGap(s.maxs()[0]));
    QCOMPARE(s.points()[1], 2.0);
    s.append(6);  // full: pairs merged, a gap left out of its pair
    QCOMPARE(s.points(), (std::vector<double>{2, 6}));
    QCOMPARE(s.mins(), (std::vector<double>{2, 6}));
    QCOMPARE(s.maxs(), (std::vector<double>{2, 6}));
    s.append(kSeriesGap);  // at a step of two: the mean of the samples that are not gaps
    s.append(4);
    s.append(kSeriesGap);
    s.append(kSeriesGap);
    QCOMPARE(s.points().size(), std::size_t{2});  // full again, halved again
    QCOMPARE(s.points()[0], 4.0);
    QCOMPARE(s.points()[1], 4.0);  // 4 and a gap
    QCOMPARE(s.step(), 4 * kSecond);
  }

  void gapsCompareEqualBitForBit() {
    TimeSeries a(kSecond, 8), b(kSecond, 8);
    for (TimeSeries* s : {&a, &b}) {
      s->append(1);
      s->append(kSeriesGap);
    }
    QVERIFY(a == b);  // NaN equals nothing, but the same gap in the same place does
    b.append(2);
    a.append(kSeriesGap);
    QVERIFY(!(a == b));
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

  // Reserving changes no point, and a checkpoint's cost counts the points held, not the room.
  void reservedRoomIsNotAPointAndCostsACopyNothing() {
    TimeSeries reserved(kSecond, 8, true), grown(kSecond, 8, true);
    reserved.reserve(100);  // at most the capacity
    QCOMPARE(reserved.memoryBytes(), std::size_t{0});
    QVERIFY(reserved == grown);
    for (int i = 0; i < 11; ++i) {
      reserved.append(i % 3 == 0 ? kSeriesGap : i);
      grown.append(i % 3 == 0 ? kSeriesGap : i);
    }
    QVERIFY(reserved == grown);
    QCOMPARE(reserved.memoryBytes(), 3 * reserved.points().size() * sizeof(double));
    QCOMPARE(TimeSeries(reserved).memoryBytes(), reserved.memoryBytes());
  }
};

QTEST_APPLESS_MAIN(tst_TimeSeries)
#include "tst_timeseries.moc"
