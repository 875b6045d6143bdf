#pragma once

// `brokerlab-cli bench --scaling`: each model of the suite (or one) at a few sizes along its own
// dimension (BenchModels.h: messages, queues, subscribers, partitions, clients), 1/2^(n-1), ...,
// 1/2 and 1 of its size, each point in a process of its own as the suite runs them; per model the
// log-log slopes of run time, events, ns per event and peak memory against the size, so that a
// regression in scaling shows as a slope and not only as a rate (docs/benchmarks.md, "Scaling").

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace brokerlab::cli {

// The least-squares slope of log(y) against log(x): the exponent b of the y ~ x^b that fits the
// points best (1: y doubles with x; 0: y does not change). Nothing when a value is not a finite
// number above 0 or the x are not at least two distinct values. Inline, so that
// tests/cli/tst_benchscaling.cpp checks this very function.
inline std::optional<double> logLogSlope(const std::vector<double>& x,
                                         const std::vector<double>& y) {
  if (x.size() != y.size() || x.size() < 2) return std::nullopt;
  bool distinct = false;
  double meanX = 0, meanY = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!(x[i] > 0) || !(y[i] > 0) || !std::isfinite(x[i]) || !std::isfinite(y[i]))
      return std::nullopt;
    distinct |= x[i] != x[0];
    meanX += std::log(x[i]);
    meanY += std::log(y[i]);
  }
  // Equal x would leave only the rounding of their mean to divide by.
  if (!distinct) return std::nullopt;
  meanX /= static_cast<double>(x.size());
  meanY /= static_cast<double>(x.size());
  double sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double dx = std::log(x[i]) - meanX;
    sxx += dx * dx;
    sxy += dx * (std::log(y[i]) - meanY);
  }
  return sxy / sxx;
}

// `points`: sizes per model (2 to 6); `only`: one model, or empty for all. `scale` multiplies the
// message counts as in the suite (where the size is a message count, the size itself). Returns the
// exit code.
int runBenchScaling(double scale, int points, bool json, const std::string& only);

}  // namespace brokerlab::cli
