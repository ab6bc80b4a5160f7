#include "audit/stats.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kaoping {

std::array<double, 2> wilson_interval(int64_t successes, int64_t n, double z) {
  if (n <= 0) return {0.0, 1.0};
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nn;
  const double z2 = z * z;
  const double denom = 1 + z2 / nn;
  const double center = (p + z2 / (2 * nn)) / denom;
  const double half = wilson_halfwidth(successes, n, z);
  return {std::max(0.0, center - half), std::min(1.0, center + half)};
}

double wilson_halfwidth(int64_t successes, int64_t n, double z) {
  if (n <= 0) return 0.5;
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nn;
  const double z2 = z * z;
  return z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
}

std::size_t binomial_cut_points(uint32_t n, long double q, bool stop_at_one,
                                std::vector<uint64_t>* out) {
  constexpr uint64_t kSaturated = std::numeric_limits<uint64_t>::max();
  const std::size_t first = out->size();
  long double cdf = 0;
  bool saturated = false;
  for (uint32_t z = 0; z <= n; ++z) {
    long double pmf = 0;
    if (q <= 0) {
      pmf = z == 0 ? 1 : 0;
    } else if (q >= 1) {
      pmf = z == n ? 1 : 0;
    } else {
      const long double log_pmf = std::lgamma(n + 1.0L) - std::lgamma(z + 1.0L) -
                                  std::lgamma(n - z + 1.0L) + z * std::log(q) +
                                  (n - z) * std::log1p(-q);
      pmf = std::exp(log_pmf);
    }
    cdf += pmf;
    const long double scaled = std::ldexp(cdf, 64);
    saturated = saturated || z == n || scaled >= 0x1.0p64L;
    out->push_back(saturated ? kSaturated : static_cast<uint64_t>(scaled));
    if (saturated && stop_at_one) break;
  }
  return first;
}

}  // namespace kaoping
