// Specification of the samplers: each distribution has the moments it promises, draws repeat
// for a seed, and the algorithms are pinned so a change to one shows up here first.

#include "base/Sampler.h"
#include "model/DistributionSampler.h"

#include <QTest>

#include <cmath>
#include <numbers>
#include <vector>

using namespace brokerlab;

Q_DECLARE_METATYPE(brokerlab::Distribution)

namespace {

constexpr int kDraws = 200'000;

Distribution uniform(SimTime min, SimTime max) {
  return {DistKind::Uniform, 0, 0, 0, min, max, 1};
}
Distribution normal(SimTime mean, SimTime stddev) {
  return {DistKind::Normal, 0, mean, stddev, 0, 0, 1};
}
Distribution lognormal(SimTime mean, SimTime stddev) {
  return {DistKind::Lognormal, 0, mean, stddev, 0, 0, 1};
}
Distribution erlang(SimTime mean, std::uint32_t k) {
  return {DistKind::Erlang, 0, mean, 0, 0, 0, k};
}

struct Moments {
  double mean = 0;
  double variance = 0;
  SimTime min = kMaxSimTime;
};

Moments measure(const Sampler& sampler, Rng rng) {
  Moments m;
  double sum = 0;
  double sumSquares = 0;
  for (int i = 0; i < kDraws; ++i) {
    const SimTime x = sampler.sample(rng);
    m.min = std::min(m.min, x);
    sum += static_cast<double>(x);
    sumSquares += static_cast<double>(x) * static_cast<double>(x);
  }
  m.mean = sum / kDraws;
  m.variance = (sumSquares - sum * sum / kDraws) / (kDraws - 1);
  return m;
}

// A normal N(mean, stddev^2) truncated at 0, from the textbook formulas (not the engine's code).
Moments truncatedNormal(double mean, double stddev) {
  const double alpha = -mean / stddev;
  const double density = std::exp(-alpha * alpha / 2) / std::sqrt(2 * std::numbers::pi);
  const double tail = 0.5 * std::erfc(alpha / std::numbers::sqrt2);
  const double lambda = density / tail;
  return {mean + stddev * lambda, stddev * stddev * (1 + alpha * lambda - lambda * lambda), 0};
}

}  // namespace

class tst_Samplers : public QObject {
  Q_OBJECT

 private slots:
  void momentsMatchTheory_data();
  void momentsMatchTheory();
  void sameSeedGivesSameSequence_data();
  void sameSeedGivesSameSequence();
  void firstDrawsArePinned_data();
  void firstDrawsArePinned();
  void constantConsumesNoDraws();
  void truncatedNormalIsNeverNegative();
  void degenerateParametersGiveZero_data();
  void degenerateParametersGiveZero();
  void samplesAreClampedToMaxSimTime();
};

void tst_Samplers::momentsMatchTheory_data() {
  QTest::addColumn<Distribution>("dist");
  QTest::addColumn<double>("mean");
  QTest::addColumn<double>("variance");

  const double ms = kMillisecond;
  QTest::newRow("constant 2ms") << Distribution::constant(2 * kMillisecond) << 2 * ms << 0.0;
  QTest::newRow("exponential 1ms: var = mean^2")
      << Distribution::exponential(kMillisecond) << ms << ms * ms;
  QTest::newRow("uniform 1..3ms: var = (b-a)^2/12")
      << uniform(kMillisecond, 3 * kMillisecond) << 2 * ms << (2 * ms) * (2 * ms) / 12;
  QTest::newRow("normal 10ms sd 1ms: truncation negligible")
      << normal(10 * kMillisecond, kMillisecond) << 10 * ms << ms * ms;
  const Moments truncated = truncatedNormal(ms, ms);
  QTest::newRow("normal 1ms sd 1ms: truncated at 0")
      << normal(kMillisecond, kMillisecond) << truncated.mean << truncated.variance;
  QTest::newRow("lognormal 5ms sd 2.5ms: var = sd^2")
      << lognormal(5 * kMillisecond, 2500 * kMicrosecond) << 5 * ms << 2.5 * ms * 2.5 * ms;
  QTest::newRow("erlang k=4 10ms: var = mean^2/k")
      << erlang(10 * kMillisecond, 4) << 10 * ms << 100 * ms * ms / 4;
  QTest::newRow("erlang k=100 10ms: several log chunks")
      << erlang(10 * kMillisecond, 100) << 10 * ms << 100 * ms * ms / 100;
}

// 200k draws: the mean within 1% and the variance within 3% (each at least 4 standard errors).
void tst_Samplers::momentsMatchTheory() {
  QFETCH(Distribution, dist);
  QFETCH(double, mean);
  QFETCH(double, variance);

  const Sampler sampler = samplerOf(dist);
  QVERIFY2(std::abs(sampler.meanNs() - mean) <= 1e-9 * mean,
           qPrintable(QString("meanNs %1, theory %2").arg(sampler.meanNs()).arg(mean)));

  const Moments m = measure(sampler, makeStream(2024, "moments"));
  QVERIFY(m.min >= 0);
  QVERIFY2(std::abs(m.mean - mean) <= 0.01 * mean,
           qPrintable(QString("mean %1, theory %2").arg(m.mean).arg(mean)));
  QVERIFY2(std::abs(m.variance - variance) <= 0.03 * variance,
           qPrintable(QString("variance %1, theory %2").arg(m.variance).arg(variance)));
}

void tst_Samplers::sameSeedGivesSameSequence_data() {
  momentsMatchTheory_data();
}

void tst_Samplers::sameSeedGivesSameSequence() {
  QFETCH(Distribution, dist);
  const Sampler sampler = samplerOf(dist);
  Rng first = makeStream(9, "replay");
  Rng second = makeStream(9, "replay");
  for (int i = 0; i < 10'000; ++i) QCOMPARE(sampler.sample(first), sampler.sample(second));
  QVERIFY(first == second);
}

void tst_Samplers::firstDrawsArePinned_data() {
  QTest::addColumn<Distribution>("dist");
  QTest::addColumn<std::vector<SimTime>>("draws");
  QTest::newRow("exponential 1ms")
      << Distribution::exponential(kMillisecond)
      << std::vector<SimTime>{546721, 530314, 1812994, 1110611, 6600000};
  QTest::newRow("uniform 1..3ms") << uniform(kMillisecond, 3 * kMillisecond)
                                  << std::vector<SimTime>{2157690, 2176841, 1326330, 1658716,
                                                          1002721};
  QTest::newRow("normal 1ms sd 1ms")
      << normal(kMillisecond, kMillisecond)
      << std::vector<SimTime>{111588, 89384, 1929206, 715517, 3784282};
  QTest::newRow("lognormal 5ms sd 2.5ms")
      << lognormal(5 * kMillisecond, 2500 * kMicrosecond)
      << std::vector<SimTime>{2939376, 2908707, 901557, 6936555, 3909784};
  QTest::newRow("erlang k=4 10ms")
      << erlang(10 * kMillisecond, 4)
      << std::vector<SimTime>{10001599, 26175768, 24282179, 14699253, 14707915};
  QTest::newRow("erlang k=100 10ms")
      << erlang(10 * kMillisecond, 100)
      << std::vector<SimTime>{11085430, 9876638, 9561874, 10476213, 9947868};
}

// Seed 1, stream "pinned". A deliberate change to an algorithm updates these values (and the
// scenario fingerprints) in the same commit.
void tst_Samplers::firstDrawsArePinned() {
  QFETCH(Distribution, dist);
  QFETCH(std::vector<SimTime>, draws);
  const Sampler sampler = samplerOf(dist);
  Rng rng = makeStream(1, "pinned");
  std::vector<SimTime> actual;
  for (std::size_t i = 0; i < draws.size(); ++i) actual.push_back(sampler.sample(rng));
  QCOMPARE(actual, draws);
}

void tst_Samplers::constantConsumesNoDraws() {
  const Sampler sampler = samplerOf(Distribution::constant(5 * kMicrosecond));
  Rng rng = makeStream(1, "constant");
  const Rng before = rng;
  for (int i = 0; i < 100; ++i) QCOMPARE(sampler.sample(rng), 5 * kMicrosecond);
  QVERIFY(rng == before);
}

void tst_Samplers::truncatedNormalIsNeverNegative() {
  const Sampler sampler = samplerOf(normal(kMillisecond, 2 * kMillisecond));
  Rng rng = makeStream(1, "truncated");
  int negatives = 0;
  for (int i = 0; i < kDraws; ++i) negatives += sampler.sample(rng) < 0 ? 1 : 0;
  QCOMPARE(negatives, 0);
}

void tst_Samplers::degenerateParametersGiveZero_data() {
  QTest::addColumn<Distribution>("dist");
  QTest::newRow("constant 0") << Distribution::constant(0);
  QTest::newRow("negative constant") << Distribution::constant(-5);
  QTest::newRow("exponential mean 0") << Distribution::exponential(0);
  QTest::newRow("lognormal mean 0") << lognormal(0, kMillisecond);
  QTest::newRow("erlang mean 0") << erlang(0, 3);
  QTest::newRow("normal far below 0") << normal(-100 * kMillisecond, kMillisecond);
}

void tst_Samplers::degenerateParametersGiveZero() {
  QFETCH(Distribution, dist);
  const Sampler sampler = samplerOf(dist);
  Rng rng = makeStream(1, "degenerate");
  for (int i = 0; i < 100; ++i) QCOMPARE(sampler.sample(rng), SimTime{0});
  QCOMPARE(sampler.meanNs(), 0.0);
}

void tst_Samplers::samplesAreClampedToMaxSimTime() {
  Rng rng = makeStream(1, "huge");
  QCOMPARE(samplerOf(Distribution::constant(kMaxSimTime + 1)).sample(rng), kMaxSimTime);
  const Sampler sampler = samplerOf(Distribution::exponential(kMaxSimTime / 2));
  int clamped = 0;
  for (int i = 0; i < 10'000; ++i) {
    const SimTime x = sampler.sample(rng);
    QVERIFY(x >= 0 && x <= kMaxSimTime);
    clamped += x == kMaxSimTime ? 1 : 0;
  }
  QVERIFY(clamped > 0);  // P(x > 2 * mean) = e^-2: about 1350 of 10k
}

QTEST_APPLESS_MAIN(tst_Samplers)
#include "tst_samplers.moc"
