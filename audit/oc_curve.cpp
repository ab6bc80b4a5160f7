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
  }
  return 0;
}

}  // namespace

bool compute_oc_curve(const Registry& reg, const EvaluationConfig& config,
                      const Criterion& criterion, const OcCurveOptions& options, OcCurve* out,
                      std::string* err) {
  if (options.points < 2 || !(options.rate_min >= 0) || !(options.rate_max <= 1) ||
      !(options.rate_min <= options.rate_max) || options.runs < 1) {
    *err = "OC curve: need points >= 2, 0 <= rate_min <= rate_max <= 1 and runs >= 1";
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
  const int villages = config.design.townships * static_cast<int>(config.design.tiers.size());
  const int n = villages * households_per_village(criterion.rate, config.design, planned_share);

  OcCurve curve;
  curve.criterion = criterion;
  curve.sampled_households = n;
  const bool person_basis = config.standards.rate_basis == RateBasis::kPerson &&
                            criterion.rate != Rate::kInconsistency &&
                            criterion.rate != Rate::kSatisfaction;
  curve.exact = !person_basis;
  curve.runs = person_basis ? options.runs : 0;
  double size_sum = 0;
  for (int32_t s : sizes) size_sum += s;
  curve.mean_household_size = person_basis ? size_sum / sizes.size() : 1.0;
  for (int j = 0; j < options.points; ++j)
    curve.true_rate.push_back(options.rate_min +
                              (options.rate_max - options.rate_min) * j / (options.points - 1));
  curve.pass_probability.assign(options.points, 0.0);
  curve.standard_error.assign(options.points, 0.0);

  if (!person_basis) {
    // Exact: sum the binomial probabilities of the counts whose ratio passes.
    for (int j = 0; j < options.points; ++j) {
      const boost::math::binomial_distribution<double> dist(n, curve.true_rate[j]);
      double p = 0;
      for (int k = 0; k <= n; ++k)
        if (criterion.holds(static_cast<double>(k) / n)) p += boost::math::pdf(dist, k);
      curve.pass_probability[j] = std::min(1.0, p);
    }
    *out = std::move(curve);
    return true;
  }

  // Person basis, Monte Carlo with common random numbers: per replicate, draw n household
  // sizes and n uniforms once; at true rate x the households with u < x are at fault. Sorting
  // by u lets one sweep over the ascending x grid accumulate the persons at fault.
  std::vector<int64_t> passes(options.points, 0);
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
    for (int j = 0; j < options.points; ++j) {
      while (k < draw.size() && draw[k].first < curve.true_rate[j]) at_fault += draw[k++].second;
      if (criterion.holds(at_fault / persons)) ++passes[j];
    }
  }
  for (int j = 0; j < options.points; ++j) {
    const double p = static_cast<double>(passes[j]) / options.runs;
    curve.pass_probability[j] = p;
    curve.standard_error[j] = std::sqrt(p * (1 - p) / options.runs);
  }
  *out = std::move(curve);
  return true;
}

}  // namespace kaoping
