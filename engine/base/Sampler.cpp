#include "base/Sampler.h"

#include <algorithm>
#include <numbers>

namespace brokerlab {

namespace {

// A normal draw needs rejection (truncation at 0); bounding the retries bounds the work per
// event. Past the limit the sample is 0, and meanNs() accounts for that.
constexpr int kNormalTries = 64;

// The product of this many uniforms in (0, 1] stays above 2^-848, far from double underflow, so
// Erlang takes one log per chunk instead of one per phase.
constexpr std::uint32_t kErlangChunk = 16;

double nonNegative(double ns) {
  return ns > 0 ? ns : 0;
}

// Box-Muller using one of its two outputs: caching the spare would put hidden state in a
// Sampler that checkpoints copy and compare.
double standardNormal(Rng& rng) {
  const double radius = std::sqrt(-2.0 * pmath::log(rng.uniformOpen01()));
  return radius * pmath::cos(2.0 * std::numbers::pi * rng.uniform01());
}

SimTime sampleTruncatedNormal(double mean, double stddev, Rng& rng) {
  for (int i = 0; i < kNormalTries; ++i) {
    const double x = mean + stddev * standardNormal(rng);
    if (x >= 0) return Sampler::toSimTime(x);
  }
  return 0;
}

SimTime sampleErlang(double phaseMean, std::uint32_t phases, Rng& rng) {
  double logProduct = 0;
  for (std::uint32_t left = phases; left > 0;) {
    const std::uint32_t n = std::min(left, kErlangChunk);
    double product = 1;
    for (std::uint32_t i = 0; i < n; ++i) product *= rng.uniformOpen01();
    logProduct += pmath::log(product);
    left -= n;
  }
  return Sampler::toSimTime(-phaseMean * logProduct);
}

// The mean of a normal truncated at 0 by bounded rejection: accepted draws have the classic
// truncated mean; the (1 - accept)^tries remainder returns 0.
double truncatedNormalMean(double mean, double stddev) {
  if (stddev <= 0) return std::max(mean, 0.0);
  const double alpha = -mean / stddev;
  const double accept = 0.5 * pmath::erfc(alpha / std::numbers::sqrt2);
  if (accept <= 0) return 0;
  const double density = pmath::exp(-0.5 * alpha * alpha) / std::sqrt(2.0 * std::numbers::pi);
  const double acceptedMean = mean + stddev * density / accept;
  const double allRejected = pmath::exp(kNormalTries * pmath::log1p(-accept));
  return (1.0 - allRejected) * acceptedMean;
}

}  // namespace

Sampler Sampler::constant(double valueNs) {
  return {nonNegative(valueNs), 0, 1, SamplerShape::Constant};
}

Sampler Sampler::exponential(double meanNs) {
  return {nonNegative(meanNs), 0, 1, SamplerShape::Exponential};
}

Sampler Sampler::uniform(double minNs, double maxNs) {
  const double lo = nonNegative(std::min(minNs, maxNs));
  const double hi = nonNegative(std::max(minNs, maxNs));
  return {lo, hi - lo, 1, SamplerShape::Uniform};
}

Sampler Sampler::normal(double meanNs, double stddevNs) {
  return {meanNs, nonNegative(stddevNs), 1, SamplerShape::Normal};
}

Sampler Sampler::lognormal(double meanNs, double stddevNs) {
  // A lognormal of mean 0 is the point 0; its log parameters would be -inf and NaN.
  if (meanNs <= 0) return {0, 0, 1, SamplerShape::Constant};
  const double s = nonNegative(stddevNs);
  const double sigmaSquared = pmath::log1p((s * s) / (meanNs * meanNs));
  return {pmath::log(meanNs) - sigmaSquared / 2, std::sqrt(sigmaSquared), 1,
          SamplerShape::Lognormal};
}

Sampler Sampler::erlang(std::uint32_t phases, double meanNs) {
  const std::uint32_t k = std::max<std::uint32_t>(phases, 1);
  return {nonNegative(meanNs) / k, 0, k, SamplerShape::Erlang};
}

SimTime Sampler::sampleSlow(Rng& rng) const {
  switch (kind) {
    case SamplerShape::Uniform:
      return toSimTime(a + b * rng.uniform01());
    case SamplerShape::Normal:
      return sampleTruncatedNormal(a, b, rng);
    case SamplerShape::Lognormal:
      return toSimTime(pmath::exp(a + b * standardNormal(rng)));
    case SamplerShape::Erlang:
      return sampleErlang(a, k, rng);
    case SamplerShape::Constant:
    case SamplerShape::Exponential:
      break;
  }
  return sample(rng);
}

double Sampler::meanNs() const {
  switch (kind) {
    case SamplerShape::Constant:
    case SamplerShape::Exponential:
      return a;
    case SamplerShape::Uniform:
      return a + b / 2;
    case SamplerShape::Normal:
      return truncatedNormalMean(a, b);
    case SamplerShape::Lognormal:
      return pmath::exp(a + b * b / 2);
    case SamplerShape::Erlang:
      return a * k;
  }
  return 0;
}

}  // namespace brokerlab
