#include "model/DistributionSampler.h"

namespace brokerlab {

Sampler samplerOf(const Distribution& dist) {
  const auto ns = [](SimTime t) { return static_cast<double>(t); };
  switch (dist.kind) {
    case DistKind::Constant:
      return Sampler::constant(ns(dist.value));
    case DistKind::Exponential:
      return Sampler::exponential(ns(dist.mean));
    case DistKind::Uniform:
      return Sampler::uniform(ns(dist.min), ns(dist.max));
    case DistKind::Normal:
      return Sampler::normal(ns(dist.mean), ns(dist.stddev));
    case DistKind::Lognormal:
      return Sampler::lognormal(ns(dist.mean), ns(dist.stddev));
    case DistKind::Erlang:
      return Sampler::erlang(dist.k, ns(dist.mean));
  }
  return {};
}

}  // namespace brokerlab
