#pragma once

#include "base/Rng.h"

#include <cstdint>

namespace brokerlab {

// Draws k in [1, n] with P(k) proportional to 1 / k^s: skewed record keys, where a few keys are
// hot. Rejection-inversion (Hormann and Derflinger, 1996): O(1) per draw with no table, so n may be
// a billion. s = 0 is the uniform case and draws one number.
struct ZipfSampler {
  std::uint64_t n = 1;
  double s = 0;
  double hIntegralX1 = 0, hIntegralN = 0, threshold = 0;  // precomputed by make()

  static ZipfSampler make(std::uint64_t n, double s);
  std::uint64_t sample(Rng& rng) const;
  bool operator==(const ZipfSampler&) const = default;

 private:
  double h(double x) const;          // 1 / x^s
  double hIntegral(double x) const;  // an antiderivative of h
  double hIntegralInverse(double y) const;
};

}  // namespace brokerlab
