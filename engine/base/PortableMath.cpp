#include "base/PortableMath.h"

#include <bit>
#include <cmath>  // only ldexp, floor, fabs, sqrt, isnan, isinf: exact or correctly rounded
#include <cstdint>
#include <limits>

namespace brokerlab::pmath {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ln 2 in two parts: the high part has trailing zero bits, so k * kLn2Hi is exact for |k| < 2^11.
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kSqrt2 = 1.41421356237309504880;

// Minimax coefficients of (log(1+f) - 2s - s^3 ... ) / s^2 in s = f / (2 + f) (fdlibm).
constexpr double kLg1 = 6.666666666666735130e-01, kLg2 = 3.999999999940941908e-01,
                 kLg3 = 2.857142874366239149e-01, kLg4 = 2.222219843214978396e-01,
                 kLg5 = 1.818357216161805012e-01, kLg6 = 1.531383769920937332e-01,
                 kLg7 = 1.479819860511658591e-01;

// Minimax coefficients of r (e^r + 1) / (e^r - 1) on |r| <= ln2 / 2 (fdlibm).
constexpr double kP1 = 1.66666666666666019037e-01, kP2 = -2.77777777770155933842e-03,
                 kP3 = 6.61375632143793436117e-05, kP4 = -1.65339022054652515390e-06,
                 kP5 = 4.13813679705723846039e-08;

// cos and sin on |x| <= pi/4 (fdlibm's kernels).
constexpr double kC1 = 4.16666666666666019037e-02, kC2 = -1.38888888888741095749e-03,
                 kC3 = 2.48015872894767294178e-05, kC4 = -2.75573143513906633035e-07,
                 kC5 = 2.08757232129817482790e-09, kC6 = -1.13596475577881948265e-11;
constexpr double kS1 = -1.66666666666666324348e-01, kS2 = 8.33333333332248946124e-03,
                 kS3 = -1.98412698298579493134e-04, kS4 = 2.75573137070700676789e-06,
                 kS5 = -2.50507602534068634195e-08, kS6 = 1.58969099521155010221e-10;
// pi/2 in two parts (33 bits, then the rest) and 2/pi.
constexpr double kPio2Hi = 1.57079632673412561417e+00;
constexpr double kPio2Lo = 6.07710050650619224932e-11;
constexpr double kInvPio2 = 6.36619772367581382433e-01;

constexpr double kSeriesBelow = 0.5;  // erfc: the series below, the continued fraction above
constexpr double kInvSqrtPi = 5.64189583547756286948e-01;  // 1 / sqrt(pi)
constexpr double kTwoOverSqrtPi = 1.12837916709551257390e+00;

// cos(x + y) for |x + y| <= pi/4, y a small correction to x.
double kernelCos(double x, double y) {
  const double z = x * x;
  const double r = z * (kC1 + z * (kC2 + z * (kC3 + z * (kC4 + z * (kC5 + z * kC6)))));
  const double hz = 0.5 * z;
  const double w = 1.0 - hz;
  return w + (((1.0 - w) - hz) + (z * r - x * y));
}

// sin(x + y) for |x + y| <= pi/4.
double kernelSin(double x, double y) {
  const double z = x * x;
  const double v = z * x;
  const double r = kS2 + z * (kS3 + z * (kS4 + z * (kS5 + z * kS6)));
  return x - ((z * (0.5 * y - v * r) - y) - v * kS1);
}

// e^(-x^2) for x >= 0, with x^2 split exactly (Dekker) so that its rounding does not grow into
// the result's error as x does.
double expMinusSquare(double x) {
  constexpr double kSplit = 134217729.0;  // 2^27 + 1
  const double t = kSplit * x;
  const double hi = t - (t - x);
  const double lo = x - hi;
  const double square = hi * hi;  // exact: hi has 26 bits
  const double rest = 2.0 * hi * lo + lo * lo;
  return exp(-square) * exp(-rest);
}

// The first half of log for a positive normal double (fdlibm's reduction, then the division the
// polynomial is in). The reduction to m in [sqrt(2)/2, sqrt(2)] is done on the bits, without a
// branch: for a uniform draw whether m is above sqrt(2) is a coin toss, which a branch would
// mispredict about every other sample. Halving m is exact, so this is the same arithmetic as a
// branch would do, to the bit. `scaled`: the power of 2 that `bits` was scaled up by (a
// subnormal's).
LogStart logStartBits(std::uint64_t bits, int scaled) {
  constexpr std::uint64_t kSqrt2Bits = std::bit_cast<std::uint64_t>(kSqrt2);
  std::uint64_t mBits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
  const std::uint64_t above = mBits > kSqrt2Bits;  // m > sqrt(2): positive doubles order as bits
  mBits -= above << 52;                            // m / 2
  const int k = static_cast<int>(bits >> 52) - 1023 - scaled + static_cast<int>(above);
  const double f = std::bit_cast<double>(mBits) - 1.0;  // exact
  return {f, f / (2.0 + f), static_cast<double>(k)};
}

}  // namespace

LogStart logStart(double x) {
  return logStartBits(std::bit_cast<std::uint64_t>(x), 0);
}

// The second half: fdlibm's polynomial in s, and the reconstruction.
double logFinish(const LogStart& start) {
  const double f = start.f;
  const double s = start.s;
  const double dk = start.dk;
  const double z = s * s;
  const double w = z * z;
  const double t1 = w * (kLg2 + w * (kLg4 + w * kLg6));
  const double t2 = z * (kLg1 + w * (kLg3 + w * (kLg5 + w * kLg7)));
  const double r = t2 + t1;
  const double hfsq = 0.5 * f * f;
  return dk * kLn2Hi - ((hfsq - (s * (hfsq + r) + dk * kLn2Lo)) - f);
}

double log(double x) {
  const auto bits = std::bit_cast<std::uint64_t>(x);
  // One unsigned comparison tells a positive normal finite x (the samplers' every call) from
  // the rest: negatives, zeros, subnormals, infinities and NaNs.
  constexpr std::uint64_t kMinNormal = 0x0010000000000000ULL;
  constexpr std::uint64_t kInfBits = 0x7ff0000000000000ULL;
  if (bits - kMinNormal < kInfBits - kMinNormal) [[likely]]
    return logFinish(logStartBits(bits, 0));
  if (std::isnan(x) || x < 0) return kNaN;
  if (x == 0) return -kInf;
  if (std::isinf(x)) return x;
  // A subnormal, scaled into the normal range exactly.
  return logFinish(logStartBits(std::bit_cast<std::uint64_t>(x * 0x1p54), 54));
}

double log1p(double x) {
  if (std::isnan(x) || x < -1) return kNaN;
  if (x == -1) return -kInf;
  const double u = 1.0 + x;
  if (u == 1.0) return x;  // |x| below half an ulp of 1
  if (std::isinf(u)) return u;
  return log(u) * (x / (u - 1.0));  // Kahan: the rounding of 1 + x cancels
}

double exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 7.09782712893383973096e+02) return kInf;
  if (x < -7.45133219101941108420e+02) return 0.0;
  if (std::fabs(x) < 0x1p-28) return 1.0 + x;
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double hi = x - k * kLn2Hi;  // exact
  const double lo = k * kLn2Lo;
  const double r = hi - lo;
  const double t = r * r;
  const double c = r - t * (kP1 + t * (kP2 + t * (kP3 + t * (kP4 + t * kP5))));
  const double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
  return std::ldexp(y, static_cast<int>(k));  // exact scaling (correctly rounded if subnormal)
}

double expm1(double x) {
  if (std::isnan(x)) return x;
  const double u = exp(x);
  if (u == 1.0) return x;
  const double um1 = u - 1.0;
  if (um1 == -1.0) return -1.0;
  if (std::isinf(u)) return u;
  return um1 * (x / log(u));  // Kahan: the rounding of e^x cancels
}

double cos(double x) {
  if (!(std::fabs(x) < 0x1p19)) return kNaN;  // also NaN and the infinities
  const double n = std::floor(x * kInvPio2 + 0.5);
  const double r = x - n * kPio2Hi;  // exact: n has at most 20 bits, kPio2Hi 33
  const double w = n * kPio2Lo;
  const double y0 = r - w;
  const double y1 = (r - y0) - w;
  switch (static_cast<long long>(n) & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1);
  }
}

double erfc(double x) {
  if (std::isnan(x)) return x;
  if (x < 0) return 2.0 - erfc(-x);
  if (x > 27.3) return 0.0;  // below the smallest subnormal
  if (x < kSeriesBelow) {
    // 1 - erf(x), erf(x) = 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1)): erf(x) < 0.53 here, so
    // the subtraction loses little.
    const double z = x * x;
    double term = x, sum = x;
    for (int n = 1; n < 60; ++n) {
      term *= -z / n;
      const double next = sum + term / (2 * n + 1);
      if (next == sum) break;
      sum = next;
    }
    return 1.0 - kTwoOverSqrtPi * sum;
  }
  // e^(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + 2 / (x + ...))))), the
  // continued fraction evaluated from a deep enough tail backwards, where rounding errors shrink
  // instead of adding up (it converges slowly near 1: a model is built once, so that is cheap).
  const int terms = x < 2 ? 4000 : x < 4 ? 400 : 100;
  double tail = 0;
  for (int n = terms; n >= 1; --n) tail = (0.5 * n) / (x + tail);
  return expMinusSquare(x) * kInvSqrtPi / (x + tail);
}

}  // namespace brokerlab::pmath
