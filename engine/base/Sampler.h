#pragma once

// A random duration compiled once into doubles and sampled by hand-written algorithms: the
// std::*_distribution classes are implementation-defined, so they would differ across
// standard libraries and break replay. It knows nothing of the scenario format: the model
// builder turns a scenario's Distribution into one (model/DistributionSampler.h).

#include "base/PortableMath.h"
#include "base/Rng.h"
#include "base/SimTime.h"

#include <cmath>
#include <cstdint>

namespace brokerlab {

enum class SamplerShape { Constant, Exponential, Uniform, Normal, Lognormal, Erlang };

struct Sampler {
  // Parameters in nanoseconds, by shape:
  //   Constant a = value          Exponential a = mean          Uniform a = min, b = max - min
  //   Normal a = mean, b = stddev  Lognormal a = mu, b = sigma of the log   Erlang a = mean / k
  // (The shape comes last, where it fills the padding: 24 bytes, not 32.)
  double a = 0;
  double b = 0;
  std::uint32_t k = 1;
  SamplerShape kind = SamplerShape::Constant;

  // Each from its parameters in nanoseconds. Negative parameters are clamped to 0 (validation
  // rejects them anyway), so that meanNs() stays consistent with what sample() returns.
  static Sampler constant(double valueNs);
  static Sampler exponential(double meanNs);
  static Sampler uniform(double minNs, double maxNs);
  static Sampler normal(double meanNs, double stddevNs);  // truncated at 0 by rejection
  static Sampler lognormal(double meanNs, double stddevNs);
  static Sampler erlang(std::uint32_t phases, double meanNs);

  // >= 0, clamped to [0, kMaxSimTime], rounded to the nearest ns. Constant and exponential are
  // the hot cases (arrivals, service, links), so they stay inline.
  SimTime sample(Rng& rng) const {
    switch (kind) {
      case SamplerShape::Constant:
        return toSimTime(a);
      case SamplerShape::Exponential:
        return toSimTime(a * rng.negLogOpen01());
      default:
        return sampleSlow(rng);
    }
  }

  // The mean of the distribution that sample() draws from (the normal is truncated at 0).
  double meanNs() const;

  bool operator==(const Sampler&) const = default;

  // NaN and negatives become 0 so no caller ever schedules into the past.
  static SimTime toSimTime(double ns) {
    if (!(ns > 0)) return 0;
    if (ns >= static_cast<double>(kMaxSimTime)) return kMaxSimTime;
    // Half away from zero, as std::llround, without its call into libm at every sample: below
    // 2^53 the fraction ns - trunc(ns) is exact, and above it every double is whole.
    const auto whole = static_cast<SimTime>(ns);
    return whole + (ns - static_cast<double>(whole) >= 0.5);
  }

 private:
  SimTime sampleSlow(Rng& rng) const;
};

}  // namespace brokerlab
