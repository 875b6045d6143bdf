#pragma once

// Means and 95% confidence intervals over a sweep point's seeds: Student t, since a handful of
// seeds is far too few for the normal approximation.

#include <cstdint>
#include <optional>
#include <vector>

namespace brokerlab {

// The 0.975 quantile of Student's t with `df` degrees of freedom (df >= 1).
double studentT975(std::uint64_t df);

struct Estimate {
  double mean = 0;
  std::optional<double> halfWidth;  // t(n-1) x s / sqrt(n); none with one sample
};

// Nothing for no samples.
std::optional<Estimate> estimate(const std::vector<double>& samples);

}  // namespace brokerlab
