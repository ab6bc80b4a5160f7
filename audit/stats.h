// Statistics shared by the engines and the reports: the Wilson interval of a proportion, and
// the cut points that turn one 64-bit uniform into a binomial count by inversion.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace kaoping {

/// Wilson score interval (Wilson 1927) for `successes` of `n` at normal quantile z; [0, 1]
/// when n = 0.
std::array<double, 2> wilson_interval(int64_t successes, int64_t n, double z = 1.959963984540054);
/// Half-width of the Wilson interval.
double wilson_halfwidth(int64_t successes, int64_t n, double z = 1.959963984540054);

/// Appends the cut points of Binomial(n, q) to *out: entry z is ⌊P(Z <= z)·2^64⌋, saturated
/// to 2^64 − 1 once the distribution function reaches 1 to 2^-64 and at z = n, so that a
/// uniform 64-bit X gives Z = min{z : X < cut[z] or cut[z] saturated}. With `stop_at_one`
/// the table ends at its first saturated entry; otherwise it has n + 1 entries. The pmf comes
/// from its logarithm (lgamma) and is summed in long double, which neither underflows nor
/// loses the upper tail for the pool sizes of a county. Returns the index of the first entry.
std::size_t binomial_cut_points(uint32_t n, long double q, bool stop_at_one,
                                std::vector<uint64_t>* out);

}  // namespace kaoping
