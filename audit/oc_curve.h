// The operating characteristic (OC) curve of the evaluators' design: the probability that a
// county passes one criterion as a function of its true rate. It shows how much margin below
// a threshold a county needs: with a plain sample ratio and a strict "below 2%" limit, a
// county whose true wrong-exit rate is exactly 2% passes only about half the time
// (DOMAIN.md §2).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/standards.h"
#include "registry/registry.h"

namespace kaoping {

struct OcCurveOptions {
  double rate_min = 0.0;   ///< first true rate, in [0,1]
  double rate_max = 0.04;  ///< last true rate, in [rate_min,1]
  int points = 41;         ///< >= 2, evenly spaced from rate_min to rate_max
  /// Monte Carlo replicates per point on the person basis (>= 1); the household basis is
  /// exact and ignores it.
  int64_t runs = 20000;
  uint64_t seed = 20170905;
};

struct OcCurve {
  Criterion criterion;
  /// Households in the rate's denominator in one draw: villages drawn (townships × tiers)
  /// × the households of the rate's categories per village.
  int sampled_households = 0;
  /// Mean household size of the county's households in the denominator (persons); 1 on the
  /// household basis.
  double mean_household_size = 1;
  /// true: exact binomial (household basis); false: seeded Monte Carlo (person basis).
  bool exact = true;
  int64_t runs = 0;                      ///< Monte Carlo replicates per point; 0 when exact
  std::vector<double> true_rate;         ///< x, ascending
  std::vector<double> pass_probability;  ///< y in [0,1]
  std::vector<double> standard_error;    ///< of y; 0 when exact
};

/// Computes the OC curve of `criterion` for the design in `config`. A sampled household
/// counts towards the rate (at fault; approving, for satisfaction) independently with
/// probability equal to the true rate, and the criterion is applied to the sample ratio as
/// the evaluators do (strict inequality).
///
/// Household basis (config rate_basis: household, and always for inconsistency and
/// satisfaction, which are per household): the count is Binomial(n, p) and the pass
/// probability is summed exactly. Person basis: each household's size is drawn uniformly
/// from the county's households of the rate's statuses and the ratio is persons at fault /
/// persons, estimated by a Monte Carlo of `runs` replicates. Replicate r draws from
/// Rng(seed, r, kHouseholds) and the same draws serve every point (common random numbers),
/// so the curve is monotone and independent of thread count.
///
/// Returns false with *err when the options are out of range or the county has no
/// household of the rate's statuses.
bool compute_oc_curve(const Registry& reg, const EvaluationConfig& config,
                      const Criterion& criterion, const OcCurveOptions& options, OcCurve* out,
                      std::string* err);

}  // namespace kaoping
