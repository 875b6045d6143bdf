// The samplers' own elementary functions (base/PortableMath) held against the C library within
// an ulp bound over the ranges the samplers use, and reference draws of every sampler pinned: a
// machine or C library on which these differ would give the same seed another run.

#include "base/PortableMath.h"
#include "base/Rng.h"
#include "base/Sampler.h"
#include "base/Zipf.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

using namespace brokerlab;

namespace {

// Distance in units in the last place, through the ordered integer images of the doubles.
std::int64_t ulps(double a, double b) {
  if (a == b) return 0;
  const auto image = [](double x) {
    std::int64_t i = 0;
    std::memcpy(&i, &x, sizeof i);
    return i < 0 ? std::numeric_limits<std::int64_t>::min() - i : i;
  };
  const std::int64_t d = image(a) - image(b);
  return d < 0 ? -d : d;
}

using Fn = double (*)(double);

}  // namespace

Q_DECLARE_METATYPE(Fn)

class tst_PortableMath : public QObject {
  Q_OBJECT

 private slots:
  void withinAnUlpBoundOfLibm_data() {
    QTest::addColumn<Fn>("ours");
    QTest::addColumn<Fn>("libm");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<qint64>("bound");
    const auto row = [](const char* name, Fn ours, Fn libm, double lo, double hi, qint64 bound) {
      QTest::newRow(name) << ours << libm << lo << hi << bound;
    };
    row(
        "log of uniforms (exponential draws)", pmath::log, [](double x) { return std::log(x); },
        0x1p-53, 1, 1);
    row(
        "log of durations", pmath::log, [](double x) { return std::log(x); }, 1, 1e18, 1);
    row(
        "exp", pmath::exp, [](double x) { return std::exp(x); }, -700, 700, 1);
    row(
        "exp near 0", pmath::exp, [](double x) { return std::exp(x); }, -1, 1, 1);
    row(
        "cos (Box-Muller)", pmath::cos, [](double x) { return std::cos(x); }, 0, 6.2831853, 1);
    row(
        "cos, wider", pmath::cos, [](double x) { return std::cos(x); }, -1e5, 1e5, 1);
    row(
        "log1p", pmath::log1p, [](double x) { return std::log1p(x); }, -0.999, 100, 2);
    row(
        "log1p near 0", pmath::log1p, [](double x) { return std::log1p(x); }, -1e-3, 1e-3, 2);
    row(
        "expm1", pmath::expm1, [](double x) { return std::expm1(x); }, -40, 40, 2);
    row(
        "expm1 near 0", pmath::expm1, [](double x) { return std::expm1(x); }, -1e-3, 1e-3, 2);
    row(
        "erfc", pmath::erfc, [](double x) { return std::erfc(x); }, -6, 27, 8);
  }
  void withinAnUlpBoundOfLibm() {
    QFETCH(Fn, ours);
    QFETCH(Fn, libm);
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(qint64, bound);
    Rng rng = makeStream(1, "ulp");
    std::int64_t worst = 0;
    double at = 0;
    for (int i = 0; i < 100000; ++i) {
      const double x = lo + rng.uniform01() * (hi - lo);
      const std::int64_t d = ulps(ours(x), libm(x));
      if (d > worst) {
        worst = d;
        at = x;
      }
    }
    QVERIFY2(worst <= bound, qPrintable(QString("%1 ulp at %2").arg(worst).arg(at, 0, 'g', 17)));
  }

  // log's results to the bit, as the fdlibm code with a branch for the reduction gave them: at and
  // around sqrt(2), where the reduction halves the mantissa or not, in two binades; the smallest
  // and largest uniform draws; subnormals, whose scaling enters the same formula. A change here
  // is every exponential draw that could round to another nanosecond.
  void logIsPinnedToTheBit() {
    const struct {
      double x;
      std::uint64_t bits;
    } pinned[] = {
        {0x1.6a09e667f3bcdp+0, 0x3fd62e42fefa39f0ULL},  // sqrt(2) rounded: not halved
        {0x1.6a09e667f3bcep+0, 0x3fd62e42fefa39f3ULL},  // the next double: halved
        {0x1.6a09e667f3bccp+0, 0x3fd62e42fefa39eeULL},
        {0x1.6a09e667f3bcdp-11, 0xc01d1cb7eea86c0aULL},
        {0x1.6a09e667f3bcep-11, 0xc01d1cb7eea86c0aULL},
        {0x1.0000000000001p-53, 0xc0425e4f7b2737faULL},  // the smallest draw of uniformOpen01
        {0x1.fffffffffffffp-1, 0xbca0000000000000ULL},
        {0x1p-1, 0xbfe62e42fefa39efULL},
        {0x1.6666666666666p-1, 0xbfd6d3c324e13f50ULL},
        {0x1.999999999999ap-4, 0xc0026bb1bbb55515ULL},
        {0x1.56e1fc2f8f359p-997, 0xc085963447f87fb5ULL},
        {0x0.0000000000001p-1022, 0xc0874385446d71c3ULL},  // subnormals
        {0x0.fffffffffffffp-1022, 0xc086232bdd7abcd2ULL},
        {0x0.b504f333f9de7p-1022, 0xc08625f1a5da9c19ULL},
        {0x1.bc16d674ec8p+59, 0x4044b927f32bffb8ULL},
    };
    for (const auto& p : pinned) {
      std::uint64_t got = 0;
      const double y = pmath::log(p.x);
      std::memcpy(&got, &y, sizeof got);
      QVERIFY2(got == p.bits, qPrintable(QString("log(%1) = %2, pinned %3")
                                             .arg(p.x, 0, 'g', 17)
                                             .arg(got, 16, 16, QChar('0'))
                                             .arg(p.bits, 16, 16, QChar('0'))));
    }
  }

  // The same over a million uniform draws, as the exponential sampler makes them: a fingerprint of
  // every result's bits, so that a change by one ulp anywhere in the draws' range shows.
  void logOfDrawsIsPinnedToTheBit() {
    Rng rng;
    std::uint64_t fingerprint = 0;
    for (int i = 0; i < 1'000'000; ++i) {
      const double y = pmath::log(rng.uniformOpen01());
      std::uint64_t bits = 0;
      std::memcpy(&bits, &y, sizeof bits);
      fingerprint = (fingerprint ^ bits) * 0x100000001B3ULL;
    }
    QCOMPARE(fingerprint, std::uint64_t{0xe44becc798196569ULL});
  }

  // The two halves a stream works out a draw apart (Rng::negLogOpen01) are log itself, to the
  // bit: over random positive normal doubles of every binade, the normal edges of the pinned
  // values above (either side of sqrt(2), the smallest and largest draws), 1, and both ends of
  // the normal range. (Subnormals are not the halves' to take: log scales them first.)
  void logInTwoHalvesIsLog() {
    std::vector<double> xs = {0x1.6a09e667f3bcdp+0,
                              0x1.6a09e667f3bcep+0,
                              0x1.0000000000001p-53,
                              0x1.fffffffffffffp-1,
                              1.0,
                              0x1p-1022,
                              std::numeric_limits<double>::max()};
    Rng rng;
    while (xs.size() < 1'000'000) {
      const std::uint64_t bits = rng.next() >> 1;  // positive
      const std::uint64_t exponent = bits >> 52;
      if (exponent == 0 || exponent == 0x7ff) continue;  // subnormals, infinity, NaN: not normal
      xs.push_back(std::bit_cast<double>(bits));
    }
    for (const double x : xs) {
      const auto got = std::bit_cast<std::uint64_t>(pmath::logFinish(pmath::logStart(x)));
      const auto want = std::bit_cast<std::uint64_t>(pmath::log(x));
      if (got != want)
        QFAIL(qPrintable(QString("log(%1) in halves %2, whole %3")
                             .arg(x, 0, 'g', 17)
                             .arg(got, 16, 16, QChar('0'))
                             .arg(want, 16, 16, QChar('0'))));
    }
  }

  void specialValues() {
    const double inf = std::numeric_limits<double>::infinity();
    QCOMPARE(pmath::log(1.0), 0.0);
    QCOMPARE(pmath::log(0.0), -inf);
    QVERIFY(std::isnan(pmath::log(-1.0)));
    QCOMPARE(pmath::log(std::numeric_limits<double>::denorm_min()),
             std::log(std::numeric_limits<double>::denorm_min()));
    QCOMPARE(pmath::exp(0.0), 1.0);
    QCOMPARE(pmath::exp(1000.0), inf);
    QCOMPARE(pmath::exp(-1000.0), 0.0);
    QCOMPARE(pmath::cos(0.0), 1.0);
    QVERIFY(std::isnan(pmath::cos(1e300)));  // outside the domain the samplers need
    QCOMPARE(pmath::erfc(0.0), 1.0);
    QCOMPARE(pmath::erfc(30.0), 0.0);
    QCOMPARE(pmath::erfc(-30.0), 2.0);
    QCOMPARE(pmath::log1p(-1.0), -inf);
    QCOMPARE(pmath::expm1(0.0), 0.0);
  }

  // Six draws of each sampler from a fixed stream, and the means the model uses: pinned. (They
  // equal what libm gave on the machine that pinned them; a difference here is a run that would
  // differ too.)
  void referenceDrawsArePinned_data() {
    QTest::addColumn<QString>("stream");
    QTest::addColumn<int>("shape");
    QTest::addColumn<std::vector<qint64>>("draws");
    QTest::addColumn<double>("mean");
    const auto row = [](const char* name, int shape, std::vector<qint64> draws, double mean) {
      QTest::newRow(name) << QString(name) << shape << draws << mean;
    };
    row("exponential", 0, {122286790, 11772426, 56586426, 132214911, 38425854, 27698986}, 50e6);
    row("uniform", 1, {4580956, 3109183, 4801279, 7084600, 8382704, 1139375}, 5e6);
    row("normal", 2, {8049620, 16063798, 19247480, 24757612, 25020507, 4012744},
        20141102.603895333);
    row("lognormal", 3, {91586211, 20376340, 77814304, 59759937, 63313935, 97441714},
        79999999.999999925);
    row("erlang", 4, {288026009, 312235190, 272873336, 284226908, 275961303, 341892283}, 300e6);
  }
  void referenceDrawsArePinned() {
    QFETCH(QString, stream);
    QFETCH(int, shape);
    QFETCH(std::vector<qint64>, draws);
    QFETCH(double, mean);
    const Sampler samplers[] = {Sampler::exponential(50e6), Sampler::uniform(1e6, 9e6),
                                Sampler::normal(20e6, 8e6), Sampler::lognormal(80e6, 40e6),
                                Sampler::erlang(20, 300e6)};
    const Sampler& s = samplers[shape];
    Rng rng = makeStream(42, stream.toStdString());
    std::vector<qint64> got;
    for (std::size_t i = 0; i < draws.size(); ++i) got.push_back(s.sample(rng));
    QCOMPARE(got, draws);
    QCOMPARE(s.meanNs(), mean);
  }

  void zipfDrawsAndATruncatedMeanArePinned() {
    const ZipfSampler z = ZipfSampler::make(1000, 1.2);
    Rng rng = makeStream(42, "zipf");
    std::vector<std::uint64_t> got;
    for (int i = 0; i < 8; ++i) got.push_back(z.sample(rng));
    QCOMPARE(got, (std::vector<std::uint64_t>{845, 591, 4, 14, 2, 115, 2, 3}));
    QCOMPARE(Sampler::normal(-5e6, 10e6).meanNs(), 6410777.703324113);  // through erfc
  }
};

QTEST_APPLESS_MAIN(tst_PortableMath)
#include "tst_portablemath.moc"
