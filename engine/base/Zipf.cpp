#include "base/Zipf.h"

#include "base/PortableMath.h"

#include <cmath>

namespace brokerlab {

namespace {

// (e^x - 1) / x and log(1 + x) / x, both continuous at 0: they keep hIntegral exact near s = 1.
double expm1OverX(double x) {
  return std::abs(x) > 1e-8 ? pmath::expm1(x) / x : 1 + x / 2 * (1 + x / 3);
}
double log1pOverX(double x) {
  return std::abs(x) > 1e-8 ? pmath::log1p(x) / x : 1 - x / 2 * (1 - 2 * x / 3);
}

}  // namespace

double ZipfSampler::h(double x) const {
  return pmath::exp(-s * pmath::log(x));
}

double ZipfSampler::hIntegral(double x) const {
  const double logX = pmath::log(x);
  return expm1OverX((1 - s) * logX) * logX;
}

double ZipfSampler::hIntegralInverse(double y) const {
  double t = y * (1 - s);
  if (t < -1) t = -1;  // rounding at the far end of the range
  return pmath::exp(log1pOverX(t) * y);
}

ZipfSampler ZipfSampler::make(std::uint64_t n, double s) {
  ZipfSampler z;
  z.n = n < 1 ? 1 : n;
  z.s = s < 0 ? 0 : s;
  z.hIntegralX1 = z.hIntegral(1.5) - 1;
  z.hIntegralN = z.hIntegral(static_cast<double>(z.n) + 0.5);
  z.threshold = 2 - z.hIntegralInverse(z.hIntegral(2.5) - z.h(2));
  return z;
}

std::uint64_t ZipfSampler::sample(Rng& rng) const {
  if (s == 0) return 1 + static_cast<std::uint64_t>(rng.uniform01() * static_cast<double>(n));
  for (;;) {
    const double u = hIntegralN + rng.uniform01() * (hIntegralX1 - hIntegralN);
    const double x = hIntegralInverse(u);
    double k = std::floor(x + 0.5);
    if (k < 1) k = 1;
    if (k > static_cast<double>(n)) k = static_cast<double>(n);
    if (k - x <= threshold || u >= hIntegral(k + 0.5) - h(k)) return static_cast<std::uint64_t>(k);
  }
}

}  // namespace brokerlab
