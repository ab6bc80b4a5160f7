#include "audit/oc_curve.h"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <utility>

#include "audit/audit.h"
#include "util/rng.h"

namespace kaoping {
namespace {

// Households of the rate's denominator sampled per village under the design's quotas.
int households_per_village(Rate r, const DesignConfig& d, double planned_exit_share) {
  const int poor = d.quota[static_cast<int>(Category::kPoor)];
  const int exited = d.quota[static_cast<int>(Category::kExited)];
  const int non_registered = d.quota[static_cast<int>(Category::kNonRegistered)];
  switch (r) {
    case Rate::kWrongExit:
      return exited;
    case Rate::kOmission:
      return non_registered;
    case Rate::kMisInclusion:
      return poor;
    case Rate::kPlannedExitShortfall:
      // The poor quota covers poor and planned_exit alike: on average their county shares.
      return std::max(1, static_cast<int>(std::lround(poor * planned_exit_share)));
    case Rate::kInconsistency:
      return poor + exited;
    case Rate::kSatisfaction:
      return std::max(d.households_per_village, poor + exited + non_registered);
    case Rate::kPovertyIncidence:  // not one sample ratio: compute_oc_curve refuses it
      return 0;
  }
  return 0;
}

// A sample ratio; an empty denominator gives rate 0 (SPEC §3).
double sample_ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : 0.0;
}

// P(pass; p) = Σ_k Binomial(n, p)(k) · pass_given[k] at every point of the curve: the
// household basis (pass_given[k] is 0 or 1) and the exact person basis alike.
void binomial_mixture(const std::vector<double>& pass_given, OcCurve* curve) {
  const int n = static_cast<int>(pass_given.size()) - 1;
  for (std::size_t j = 0; j < curve->true_rate.size(); ++j) {
    const boost::math::binomial_distribution<double> dist(n, curve->true_rate[j]);
    double p = 0;
    for (int k = 0; k <= n; ++k)
      if (pass_given[k] > 0) p += boost::math::pdf(dist, k) * pass_given[k];
    curve->pass_probability[j] = std::clamp(p, 0.0, 1.0);
  }
}

// The county's household sizes of the denominator as a distribution: pmf[d] is the share
// of households of min_size + d persons.
struct SizeDistribution {
  int min_size = 1;
  std::vector<double> pmf;
  int width() const { return static_cast<int>(pmf.size()) - 1; }
};

SizeDistribution size_distribution(const std::vector<int32_t>& sizes) {
  const auto [lo, hi] = std::minmax_element(sizes.begin(), sizes.end());
  SizeDistribution d;
  d.min_size = *lo;
  d.pmf.assign(*hi - *lo + 1, 0.0);
  for (int32_t s : sizes) d.pmf[s - *lo] += 1;
  for (double& q : d.pmf) q /= static_cast<double>(sizes.size());
  return d;
}

// Probabilities the exact person-basis method keeps: power m = 0..n has m·width + 1 of them,
// (n + 1) + width·n·(n + 1)/2 in all.
int64_t exact_cells(int n, int width) {
  const int64_t m = n;
  return (m + 1) + width * (m * (m + 1) / 2);
}

// c_k = P(criterion holds for A / (A + B) | k of the n households at fault), k = 0..n,
// with A the persons of k households and B those of the other n − k, sizes independent
// draws from `sizes`. power[m][i] = P(m households hold m·min_size + i persons), the m-fold
// convolution of the size distribution, built one household at a time. For a given A the
// ratio falls as B grows, so the B that pass form a suffix ("below") or a prefix ("above")
// of B's support, found by binary search on exactly the ratio the evaluators compute.
std::vector<double> person_pass_given_faults(const SizeDistribution& sizes, int n,
                                             const Criterion& criterion) {
  const int w = sizes.width();
  std::vector<int> support;  // offsets of the sizes that occur
  for (int d = 0; d <= w; ++d)
    if (sizes.pmf[d] > 0) support.push_back(d);
  std::vector<std::vector<double>> power(n + 1);
  power[0] = {1.0};
  for (int m = 1; m <= n; ++m) {
    power[m].assign(static_cast<std::size_t>(m) * w + 1, 0.0);
    for (std::size_t i = 0; i < power[m - 1].size(); ++i)
      for (int d : support) power[m][i + d] += power[m - 1][i] * sizes.pmf[d];
  }

  std::vector<double> pass_given(n + 1, 0.0);
  std::vector<double> tail;  // tail[j]: P(B passes beyond j) in the passing direction
  for (int k = 0; k <= n; ++k) {
    const std::vector<double>& a_pmf = power[k];
    const std::vector<double>& b_pmf = power[n - k];
    const int len = static_cast<int>(b_pmf.size());
    // below: tail[j] = P(B offset >= j); above: tail[j] = P(B offset < j). Summed from the
    // small end of each so that small tails keep their relative precision.
    tail.assign(len + 1, 0.0);
    if (criterion.below) {
      for (int j = len - 1; j >= 0; --j) tail[j] = tail[j + 1] + b_pmf[j];
    } else {
      for (int j = 0; j < len; ++j) tail[j + 1] = tail[j] + b_pmf[j];
    }
    const double a0 = static_cast<double>(k) * sizes.min_size;
    const double b0 = static_cast<double>(n - k) * sizes.min_size;
    double c = 0;
    bool always = true, never = true;  // whatever A and B: exactly 1 or 0, not a rounded sum
    for (std::size_t i = 0; i < a_pmf.size(); ++i) {
      if (a_pmf[i] == 0) continue;
      const double a = a0 + static_cast<double>(i);
      // First offset j at which the criterion changes state (holds for "below", fails for
      // "above"): the predicate is monotone in j.
      int lo = 0, hi = len;
      while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        const bool holds = criterion.holds(sample_ratio(a, a + b0 + mid));
        if (holds == criterion.below) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      const int passing = criterion.below ? len - lo : lo;  // offsets of B that pass
      always = always && passing == len;
      never = never && passing == 0;
      c += a_pmf[i] * tail[lo];
    }
    pass_given[k] = always ? 1.0 : never ? 0.0 : c;
  }
  return pass_given;
}

// Person basis by Monte Carlo with common random numbers, for designs too large for the
// exact method: per replicate, draw n household sizes and n uniforms once; at true rate x
// the households with u < x are at fault. Sorting by u lets one sweep over the ascending x
// grid accumulate the persons at fault.
void person_monte_carlo(const std::vector<int32_t>& sizes, int n, const OcCurveOptions& options,
                        OcCurve* curve) {
  const int points = static_cast<int>(curve->true_rate.size());
  std::vector<int64_t> passes(points, 0);
  std::vector<std::pair<double, int32_t>> draw(n);
  for (int64_t r = 0; r < options.runs; ++r) {
    Rng rng(options.seed, static_cast<uint64_t>(r), Stream::kHouseholds);
    double persons = 0;
    for (auto& [u, s] : draw) {
      s = sizes[rng.below(sizes.size())];
      u = rng.uniform();
      persons += s;
    }
    std::sort(draw.begin(), draw.end());
    double at_fault = 0;
    std::size_t k = 0;
    for (int j = 0; j < points; ++j) {
      while (k < draw.size() && draw[k].first < curve->true_rate[j]) at_fault += draw[k++].second;
      if (curve->criterion.holds(sample_ratio(at_fault, persons))) ++passes[j];
    }
  }
  for (int j = 0; j < points; ++j) {
    const double p = static_cast<double>(passes[j]) / options.runs;
    curve->pass_probability[j] = p;
    curve->standard_error[j] = std::sqrt(p * (1 - p) / options.runs);
  }
}

}  // namespace

/// The largest draw an OC curve is computed for: far beyond any county's evaluation (a few
/// thousand households), small enough that every count stays an int.
constexpr int64_t kMaxOcSample = 10'000'000;

std::string oc_curve_problem(const Registry& reg, const EvaluationConfig& config) {
  const Households& h = reg.households;
  for (const Criterion& c : config.standards.criteria) {
    if (!c.below) continue;
    bool any = false;
    for (std::size_t i = 0; i < h.count() && !any; ++i) any = in_denominator(h, i, c.rate);
    if (!any)
      return "OC curve: the registry has no household in the denominator of " +
             std::string(to_string(c.rate)) + " (simulate --out draws its OC curve)";
  }
  return "";
}

bool compute_oc_curve(const Registry& reg, const EvaluationConfig& config,
                      const Criterion& criterion, const OcCurveOptions& options, OcCurve* out,
                      std::string* err) {
  if (options.points < 2 || !(options.rate_min >= 0) || !(options.rate_max <= 1) ||
      !(options.rate_min <= options.rate_max) || options.runs < 1) {
    *err = "OC curve: need points >= 2, 0 <= rate_min <= rate_max <= 1 and runs >= 1";
    return false;
  }
  if (criterion.rate == Rate::kPovertyIncidence) {
    *err =
        "OC curve: poverty_incidence is the county's remaining poor plus three sample rates, "
        "not one sample ratio";
    return false;
  }
  const Households& h = reg.households;
  std::vector<int32_t> sizes;
  int64_t poor_total = 0, planned_exit_total = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    if (in_denominator(h, i, criterion.rate)) sizes.push_back(h.size[i]);
    if (h.status[i] == Status::kPoor) ++poor_total;
    if (h.status[i] == Status::kPlannedExit) ++planned_exit_total;
  }
  if (sizes.empty()) {
    *err = "OC curve: the registry has no household in the denominator of " +
           std::string(to_string(criterion.rate));
    return false;
  }
  const double planned_share =
      poor_total + planned_exit_total > 0
          ? static_cast<double>(planned_exit_total) / (poor_total + planned_exit_total)
          : 0.0;
  // In 64 bits: townships x tiers x households per village overflowed an int.
  const int64_t villages = config.design.villages_drawn();
  const int64_t n64 =
      villages * households_per_village(criterion.rate, config.design, planned_share);
  if (n64 > kMaxOcSample) {
    *err = "OC curve: the design would draw " + std::to_string(n64) +
           " households (villages drawn x households per village); at most " +
           std::to_string(kMaxOcSample);
    return false;
  }
  const int n = static_cast<int>(n64);

  OcCurve curve;
  curve.criterion = criterion;
  curve.sampled_households = n;
  curve.person_basis = config.standards.rate_basis == RateBasis::kPerson &&
                       criterion.rate != Rate::kInconsistency &&
                       criterion.rate != Rate::kSatisfaction;
  double size_sum = 0;
  for (int32_t s : sizes) size_sum += s;
  curve.mean_household_size = curve.person_basis ? size_sum / sizes.size() : 1.0;
  for (int j = 0; j < options.points; ++j)
    curve.true_rate.push_back(options.rate_min +
                              (options.rate_max - options.rate_min) * j / (options.points - 1));
  curve.pass_probability.assign(options.points, 0.0);
  curve.standard_error.assign(options.points, 0.0);

  if (!curve.person_basis) {
    // Exact: the binomial probabilities of the counts whose ratio passes.
    std::vector<double> pass_given(n + 1);
    for (int k = 0; k <= n; ++k) pass_given[k] = criterion.holds(sample_ratio(k, n)) ? 1.0 : 0.0;
    binomial_mixture(pass_given, &curve);
  } else if (const SizeDistribution dist = size_distribution(sizes);
             exact_cells(n, dist.width()) <= options.exact_cell_limit) {
    binomial_mixture(person_pass_given_faults(dist, n, criterion), &curve);
  } else {
    curve.exact = false;
    curve.runs = options.runs;
    person_monte_carlo(sizes, n, options, &curve);
  }
  *out = std::move(curve);
  return true;
}

}  // namespace kaoping
