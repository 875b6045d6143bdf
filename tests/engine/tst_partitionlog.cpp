// A stream partition's log: offsets, segments, retention by time and by size, lookups by time; and
// the Zipf sampler that makes some record keys hot.

#include "base/Zipf.h"
#include "sim/PartitionLog.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace brokerlab;

namespace {

Record at(SimTime t, std::uint64_t bytes = 100) {
  Record r;
  r.timestamp = t;
  r.sizeBytes = bytes;
  return r;
}

}  // namespace

class tst_PartitionLog : public QObject {
  Q_OBJECT

 private slots:
  void offsetsIncreaseByOneAndSegmentsRoll() {
    PartitionLog log;
    for (int i = 0; i < 25; ++i) QCOMPARE(log.append(at(i * kSecond), 1000), std::uint64_t(i));
    QCOMPARE(log.endOffset(), 25u);
    QCOMPARE(log.startOffset(), 0u);
    QCOMPARE(log.segmentCount(), std::size_t{3});  // 10 + 10 + 5 records of 100 bytes
    QCOMPARE(log.bytes(), 2500u);
    QCOMPARE(log.at(17).timestamp, 17 * kSecond);
  }

  void retentionByTimeDeletesWholeSegmentsButNeverTheActiveOne() {
    PartitionLog log;
    for (int i = 0; i < 25; ++i) log.append(at(i * kSecond), 1000);
    // At 30 s with 15 s retention: segment 0 (0..9 s) is old, segment 1 (10..19 s) still has 19 s.
    QCOMPARE(log.applyRetention(30 * kSecond, 15 * kSecond, 0), 10u);
    QCOMPARE(log.startOffset(), 10u);
    QCOMPARE(log.applyRetention(1000 * kSecond, 15 * kSecond, 0), 10u);
    QCOMPARE(log.startOffset(), 20u);  // the active segment stays, however old
    QCOMPARE(log.records(), 5u);
    QCOMPARE(log.endOffset(), 25u);  // offsets are never reused
    QCOMPARE(log.append(at(1000 * kSecond), 1000), 25u);
  }

  void retentionBySizeKeepsAtMostTheLimitPlusASegment() {
    PartitionLog log;
    for (int i = 0; i < 100; ++i) log.append(at(i), 1000);
    QCOMPARE(log.applyRetention(100, 0, 3000), 70u);
    QCOMPARE(log.bytes(), 3000u);
    QCOMPARE(log.startOffset(), 70u);
  }

  void zeroByteRecordsStillMakeSegments() {
    PartitionLog log;
    for (int i = 0; i < 70000; ++i) log.append(at(i, 0), 1000);
    QCOMPARE(log.segmentCount(), std::size_t{2});
    QVERIFY(log.applyRetention(1'000'000, 1000, 0) > 0);
  }

  void offsetForTime() {
    PartitionLog log;
    for (int i = 0; i < 25; ++i) log.append(at(i * kSecond), 1000);
    QCOMPARE(log.offsetForTime(0), 0u);
    QCOMPARE(log.offsetForTime(12 * kSecond), 12u);
    QCOMPARE(log.offsetForTime(12 * kSecond + 1), 13u);
    QCOMPARE(log.offsetForTime(99 * kSecond), 25u);
    log.applyRetention(30 * kSecond, 15 * kSecond, 0);
    QCOMPARE(log.offsetForTime(0), 10u);
  }

  void zipfFrequenciesFollowThePowerLaw_data() {
    QTest::addColumn<double>("s");
    QTest::newRow("uniform") << 0.0;
    QTest::newRow("s = 0.8") << 0.8;
    QTest::newRow("s = 1") << 1.0;
    QTest::newRow("s = 1.5") << 1.5;
  }
  void zipfFrequenciesFollowThePowerLaw() {
    QFETCH(double, s);
    const std::uint64_t n = 10;
    const ZipfSampler z = ZipfSampler::make(n, s);
    Rng rng = makeStream(1, "zipf");
    std::vector<double> counts(n + 1, 0);
    const int draws = 200000;
    for (int i = 0; i < draws; ++i) {
      const std::uint64_t k = z.sample(rng);
      QVERIFY(k >= 1 && k <= n);
      ++counts[k];
    }
    double norm = 0;
    for (std::uint64_t k = 1; k <= n; ++k) norm += std::pow(double(k), -s);
    for (std::uint64_t k = 1; k <= n; ++k) {
      const double expected = draws * std::pow(double(k), -s) / norm;
      QVERIFY2(std::abs(counts[k] - expected) < 5 * std::sqrt(expected),
               qPrintable(QString("k=%1: %2 vs %3").arg(k).arg(counts[k]).arg(expected)));
    }
  }

  void zipfCoversHugeKeySpaces() {
    const ZipfSampler z = ZipfSampler::make(1'000'000'000, 1.1);
    Rng rng = makeStream(2, "zipf");
    std::uint64_t ones = 0, max = 0;
    for (int i = 0; i < 10000; ++i) {
      const std::uint64_t k = z.sample(rng);
      QVERIFY(k >= 1 && k <= 1'000'000'000);
      ones += k == 1;
      max = std::max(max, k);
    }
    QVERIFY(ones > 500);   // the hottest key is hot
    QVERIFY(max > 10000);  // and the tail is long
  }
};

QTEST_APPLESS_MAIN(tst_PartitionLog)
#include "tst_partitionlog.moc"
