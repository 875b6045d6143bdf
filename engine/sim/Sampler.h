#pragma once

// A Distribution compiled once into doubles and sampled by hand-written algorithms: the
// std::*_distribution classes are implementation-defined, so they would differ across
// standard libraries and break replay.

#include "scenario/Scenario.h"
#include "sim/Rng.h"
#include "sim/SimTime.h"

#include <cmath>
#include <cstdint>

namespace brokerlab {

struct Sampler {
  // Parameters in nanoseconds, by kind:
  //   Constant a = value          Exponential a = mean          Uniform a = min, b = max - min
  //   Normal a = mean, b = stddev  Lognormal a = mu, b = sigma of the log   Erlang a = mean / k
  DistKind kind = DistKind::Constant;
  double a = 0;
  double b = 0;
  std::uint32_t k = 1;

  static Sampler from(const Distribution& dist);

  // >= 0, clamped to [0, kMaxSimTime], rounded to the nearest ns. Constant and exponential are
  // the hot cases (arrivals, service, links), so they stay inline.
  SimTime sample(Rng& rng) const {
    switch (kind) {
      case DistKind::Constant:
        return toSimTime(a);
      case DistKind::Exponential:
        return toSimTime(-a * std::log(rng.uniformOpen01()));
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
    return static_cast<SimTime>(std::llround(ns));
  }

 private:
  SimTime sampleSlow(Rng& rng) const;
};

}  // namespace brokerlab
