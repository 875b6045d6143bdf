#include "sweep/SweepStatistics.h"

#include <array>
#include <cmath>

namespace brokerlab {

namespace {

// t(0.975, df) for df = 1..30, as printed in statistics tables (to 9 decimals); the expansion
// below is too far off for so few degrees of freedom.
constexpr std::array<double, 30> kT975 = {
    12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851,
    2.364624252,  2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830,
    2.160368656,  2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.100922040,
    2.093024054,  2.085963447, 2.079613845, 2.073873068, 2.068657610, 2.063898562,
    2.059538553,  2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456};

}  // namespace

double studentT975(std::uint64_t df) {
  if (df >= 1 && df <= kT975.size()) return kT975[df - 1];
  // Cornish-Fisher expansion of t around the normal quantile (Abramowitz and Stegun 26.7.5):
  // above 30 degrees of freedom it is within 1e-7 of the exact value.
  const double z = 1.959963984540054;
  const double n = static_cast<double>(df);
  const double z2 = z * z;
  const double g1 = (z2 + 1) * z / 4;
  const double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + g1 / n + g2 / (n * n) + g3 / (n * n * n) + g4 / (n * n * n * n);
}

std::optional<Estimate> estimate(const std::vector<double>& samples) {
  if (samples.empty()) return std::nullopt;
  const double n = static_cast<double>(samples.size());
  double sum = 0;
  for (const double x : samples) sum += x;
  Estimate e{sum / n, std::nullopt};
  if (samples.size() < 2) return e;
  // Two passes: the sum of squares about the mean, not about 0, which would cancel badly.
  double squares = 0;
  for (const double x : samples) squares += (x - e.mean) * (x - e.mean);
  const double s = std::sqrt(squares / (n - 1));
  e.halfWidth = studentT975(samples.size() - 1) * s / std::sqrt(n);
  return e;
}

}  // namespace brokerlab
