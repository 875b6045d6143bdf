// Specification of LatencyWindow: whether it holds its latencies as values or has spilled them
// into a histogram, it answers as a LatencyHistogram of the same latencies would, to the bit, and
// adds them to a run's histogram exactly as merging that histogram would.

#include "base/LatencyWindow.h"
#include "base/Rng.h"

#include <QTest>

#include <cstdint>
#include <vector>

using namespace brokerlab;

namespace {

constexpr std::uint32_t kLimit = LatencyWindow::kValueLimit;

// Latencies over many powers of two, with ties, zeros and a few negative ones (recorded as 0).
std::vector<SimTime> latencies(std::size_t n, std::uint64_t seed) {
  Rng rng = makeStream(seed, "latencies");
  std::vector<SimTime> values;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t r = rng.next();
    switch (r % 8) {
      case 0:
        values.push_back(0);
        break;
      case 1:
        values.push_back(-static_cast<SimTime>(r % 1000));
        break;
      case 2:
        values.push_back(kMillisecond);  // ties
        break;
      default:
        values.push_back(static_cast<SimTime>((r >> 8) >> (r % 56)));  // 0 to 2^56
    }
  }
  return values;
}

template <class Latencies>
Latencies recorded(const std::vector<SimTime>& values) {
  Latencies l;
  for (const SimTime v : values) l.record(v);
  return l;
}

const double kPercents[] = {-5, 0, 0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100, 150};

}  // namespace

class tst_LatencyWindow : public QObject {
  Q_OBJECT

 private slots:
  void answersAsTheHistogram_data();
  void answersAsTheHistogram();
  void addToEqualsMerge_data();
  void addToEqualsMerge();
  void clearedWindowIsNewAgain();
  void equalityFollowsTheValues();
};

void tst_LatencyWindow::answersAsTheHistogram_data() {
  QTest::addColumn<int>("count");
  QTest::addColumn<int>("seed");
  for (const int n : {0, 1, 2, 3, 7, int(kLimit) - 1, int(kLimit), int(kLimit) + 1, 200})
    for (const int seed : {1, 2, 3}) QTest::addRow("%d values, seed %d", n, seed) << n << seed;
}

void tst_LatencyWindow::answersAsTheHistogram() {
  QFETCH(int, count);
  QFETCH(int, seed);
  const std::vector<SimTime> values = latencies(static_cast<std::size_t>(count), seed);
  const auto window = recorded<LatencyWindow>(values);
  const auto histogram = recorded<LatencyHistogram>(values);
  QCOMPARE(window.count(), histogram.count());
  for (const double p : kPercents) QCOMPARE(window.percentile(p), histogram.percentile(p));
}

void tst_LatencyWindow::addToEqualsMerge_data() {
  answersAsTheHistogram_data();
}

// Into an empty run's histogram and into one that already holds other latencies.
void tst_LatencyWindow::addToEqualsMerge() {
  QFETCH(int, count);
  QFETCH(int, seed);
  const std::vector<SimTime> values = latencies(static_cast<std::size_t>(count), seed);
  for (const std::size_t before : {std::size_t{0}, std::size_t{50}}) {
    const auto run = recorded<LatencyHistogram>(latencies(before, seed + 100));
    LatencyHistogram added = run, merged = run;
    recorded<LatencyWindow>(values).addTo(added);
    merged.merge(recorded<LatencyHistogram>(values));
    QVERIFY(added == merged);
    QCOMPARE(added.count(), run.count() + values.size());
    QCOMPARE(added.meanNs(), merged.meanNs());
  }
}

// After a spill and a clear, the window holds values again, and equals one that never spilled.
void tst_LatencyWindow::clearedWindowIsNewAgain() {
  auto window = recorded<LatencyWindow>(latencies(kLimit + 5, 9));
  window.clear();
  QCOMPARE(window.count(), std::uint64_t{0});
  QCOMPARE(window.percentile(50), SimTime{0});
  QVERIFY(window == LatencyWindow{});
  const std::vector<SimTime> few = latencies(5, 10);
  for (const SimTime v : few) window.record(v);
  QVERIFY(window == recorded<LatencyWindow>(few));
  LatencyHistogram h;
  window.addTo(h);
  QVERIFY(h == recorded<LatencyHistogram>(few));
}

void tst_LatencyWindow::equalityFollowsTheValues() {
  for (const std::size_t n : {std::size_t{3}, std::size_t{kLimit + 3}}) {
    const std::vector<SimTime> values = latencies(n, 4);
    std::vector<SimTime> other = values;
    other.back() = other.back() + kSecond;
    QVERIFY(recorded<LatencyWindow>(values) == recorded<LatencyWindow>(values));
    QVERIFY(!(recorded<LatencyWindow>(values) == recorded<LatencyWindow>(other)));
  }
}

QTEST_APPLESS_MAIN(tst_LatencyWindow)
#include "tst_latencywindow.moc"
