// Specification of LatencyHistogram: percentiles within 2%, exact count/min/max/mean, merging,
// and memory bounded by the range of values seen.

#include "base/LatencyHistogram.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace brokerlab;

namespace {

constexpr SimTime kMaxNs = std::numeric_limits<SimTime>::max();

std::vector<SimTime> dataset(const QString& name) {
  std::vector<SimTime> values;
  if (name == "linear") {
    for (SimTime v = 1; v <= 100'000; ++v) values.push_back(v);
  } else if (name == "geometric") {
    for (double v = kMicrosecond; v <= kSecond; v *= 1.001) values.push_back(std::llround(v));
  } else if (name == "small") {
    for (int repeat = 0; repeat < 10; ++repeat)
      for (SimTime v = 0; v < 64; ++v) values.push_back(v);
  } else if (name == "huge") {
    for (SimTime v = kMaxSimTime / 1000; v <= kMaxNs - kMaxNs / 1000; v += kMaxNs / 1000)
      values.push_back(v);
  }
  return values;
}

LatencyHistogram histogramOf(const std::vector<SimTime>& values) {
  LatencyHistogram h;
  for (const SimTime v : values) h.record(v);
  return h;
}

// Nearest rank: the ceil(p% * n)-th smallest value.
SimTime exactPercentile(std::vector<SimTime> values, double p) {
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * values.size()));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

}  // namespace

class tst_Histogram : public QObject {
  Q_OBJECT

 private slots:
  void percentileWithinTwoPercent_data();
  void percentileWithinTwoPercent();
  void countMinMaxMeanAreExact_data();
  void countMinMaxMeanAreExact();
  void mergeEqualsRecordingBoth_data();
  void mergeEqualsRecordingBoth();
  void emptyHistogramReportsZero();
  void zeroIsAValue();
  void negativeIsRecordedAsZero();
  void clearEqualsNew();
  void memoryFollowsTheValuesSeen();
};

void tst_Histogram::percentileWithinTwoPercent_data() {
  QTest::addColumn<QString>("data");
  QTest::addColumn<double>("p");
  for (const char* data : {"linear", "geometric", "small", "huge"})
    for (const double p : {0.0, 1.0, 25.0, 50.0, 90.0, 99.0, 99.9, 100.0}) {
      const QByteArray row = QByteArray(data) + " p" + QByteArray::number(p);
      QTest::newRow(row.constData()) << QString(data) << p;
    }
}

void tst_Histogram::percentileWithinTwoPercent() {
  QFETCH(QString, data);
  QFETCH(double, p);
  const std::vector<SimTime> values = dataset(data);
  const SimTime expected = exactPercentile(values, p);
  const SimTime actual = histogramOf(values).percentile(p);
  const double error = std::abs(static_cast<double>(actual) - static_cast<double>(expected));
  QVERIFY2(error <= 0.02 * static_cast<double>(expected),
           qPrintable(QString("p%1: %2, exact %3").arg(p).arg(actual).arg(expected)));
  if (data == "small" || p == 0.0 || p == 100.0) QCOMPARE(actual, expected);
}

void tst_Histogram::countMinMaxMeanAreExact_data() {
  QTest::addColumn<std::vector<SimTime>>("values");
  QTest::addColumn<double>("mean");
  QTest::newRow("one value") << std::vector<SimTime>{1234567} << 1234567.0;
  QTest::newRow("thirds") << std::vector<SimTime>{1, 1, 2} << 4.0 / 3.0;
  QTest::newRow("same bucket, exact mean")
      << std::vector<SimTime>{1'000'000, 1'000'001, 1'000'002} << 1'000'001.0;
  QTest::newRow("sum beyond 64 bits: 4 x kMaxSimTime")
      << std::vector<SimTime>(4, kMaxSimTime) << static_cast<double>(kMaxSimTime);
  QTest::newRow("int64 max and 0")
      << std::vector<SimTime>{kMaxNs, kMaxNs, 0, 0} << static_cast<double>(kMaxNs) / 2;
}

void tst_Histogram::countMinMaxMeanAreExact() {
  QFETCH(std::vector<SimTime>, values);
  QFETCH(double, mean);
  const LatencyHistogram h = histogramOf(values);
  QCOMPARE(h.count(), values.size());
  QCOMPARE(h.min(), *std::min_element(values.begin(), values.end()));
  QCOMPARE(h.max(), *std::max_element(values.begin(), values.end()));
  QCOMPARE(h.meanNs(), mean);
}

void tst_Histogram::mergeEqualsRecordingBoth_data() {
  QTest::addColumn<std::vector<SimTime>>("left");
  QTest::addColumn<std::vector<SimTime>>("right");
  const std::vector<SimTime> low{0, 5, 63, 64, 1000};
  const std::vector<SimTime> high{kMillisecond, kSecond, kMaxSimTime};
  QTest::newRow("low + high") << low << high;
  QTest::newRow("high + low") << high << low;
  QTest::newRow("overlapping") << std::vector<SimTime>{10, 5000, 7000}
                               << std::vector<SimTime>{4000, 5000, 1'000'000};
  // Pages held by one side only, on both sides of and between the other's pages.
  QTest::newRow("interleaved pages") << std::vector<SimTime>{0, 3000, kSecond, kSecond}
                                     << std::vector<SimTime>{40, kMillisecond, kMaxSimTime};
  QTest::newRow("empty + some") << std::vector<SimTime>{} << low;
  QTest::newRow("some + empty") << low << std::vector<SimTime>{};
  QTest::newRow("empty + empty") << std::vector<SimTime>{} << std::vector<SimTime>{};
}

void tst_Histogram::mergeEqualsRecordingBoth() {
  QFETCH(std::vector<SimTime>, left);
  QFETCH(std::vector<SimTime>, right);
  LatencyHistogram merged = histogramOf(left);
  merged.merge(histogramOf(right));
  std::vector<SimTime> all = left;
  all.insert(all.end(), right.begin(), right.end());
  QVERIFY(merged == histogramOf(all));
}

void tst_Histogram::emptyHistogramReportsZero() {
  const LatencyHistogram h;
  QCOMPARE(h.count(), std::uint64_t{0});
  QCOMPARE(h.min(), SimTime{0});
  QCOMPARE(h.max(), SimTime{0});
  QCOMPARE(h.meanNs(), 0.0);
  for (const double p : {0.0, 50.0, 100.0}) QCOMPARE(h.percentile(p), SimTime{0});
}

void tst_Histogram::zeroIsAValue() {
  const LatencyHistogram h = histogramOf({0, 0, 0});
  QCOMPARE(h.count(), std::uint64_t{3});
  QCOMPARE(h.max(), SimTime{0});
  QCOMPARE(h.percentile(50), SimTime{0});
  QCOMPARE(h.meanNs(), 0.0);
}

void tst_Histogram::negativeIsRecordedAsZero() {
  QVERIFY(histogramOf({-5, 7}) == histogramOf({0, 7}));
}

void tst_Histogram::clearEqualsNew() {
  LatencyHistogram h = histogramOf({1, kSecond, kMaxSimTime});
  h.clear();
  QVERIFY(h == LatencyHistogram{});
  h.record(42);
  QVERIFY(h == histogramOf({42}));
}

// A page of 32 buckets per power of two a value fell in, and nothing between: three values in three
// powers of two hold 3 pages; a 0 and a 2^62 hold 2, not the 1,888 buckets between them. One
// value in every power of two holds them all: kBucketLimit buckets (about 15 KB).
void tst_Histogram::memoryFollowsTheValuesSeen() {
  const std::size_t page = LatencyHistogram::kPageSize;
  QCOMPARE(histogramOf({kMillisecond, 50 * kMillisecond, kSecond}).bucketCount(), 3 * page);
  QCOMPARE(histogramOf({0, kMaxNs}).bucketCount(), 2 * page);
  QCOMPARE(histogramOf({SimTime{1} << 30, (SimTime{1} << 30) + 1, SimTime{3} << 29}).bucketCount(),
           page);
  std::vector<SimTime> everyPage = {0, 32};
  for (int exponent = 6; exponent <= 62; ++exponent) everyPage.push_back(SimTime{1} << exponent);
  QCOMPARE(histogramOf(everyPage).bucketCount(), LatencyHistogram::kBucketLimit);
  // And no room held beyond them: a page is added alone (10,000 queues' histograms once held a
  // third of their memory unused). 17 pages, as a queue's waits between 1 ms and a minute hold.
  std::vector<SimTime> seventeen = {0};
  for (int exponent = 20; exponent < 36; ++exponent) seventeen.push_back(SimTime{1} << exponent);
  const LatencyHistogram h = histogramOf(seventeen);
  QCOMPARE(h.bucketCount(), 17 * page);
  QCOMPARE(h.memoryBytes(), 17 * page * sizeof(std::uint64_t));
}

QTEST_APPLESS_MAIN(tst_Histogram)
#include "tst_histogram.moc"
