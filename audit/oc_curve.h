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

/// Where the person-basis OC curve stops being computed exactly: the exact method keeps the
/// distribution of the persons of m households for every m = 0..n, (n + 1) + w·n·(n + 1)/2
/// probabilities for n households whose sizes span w + 1 values (32 MiB at this limit).
/// Sizes of 1–13 persons (w = 12) stay exact up to about 830 households of a rate's
/// denominator in a draw; the default design draws 117–135. Above it, Monte Carlo.
inline constexpr int64_t kOcExactCellLimit = int64_t{1} << 22;

struct OcCurveOptions {
  double rate_min = 0.0;   ///< first true rate, in [0,1]
  double rate_max = 0.04;  ///< last true rate, in [rate_min,1]
  int points = 41;         ///< >= 2, evenly spaced from rate_min to rate_max
  /// Monte Carlo replicates per point (>= 1), used only on the person basis when the exact
  /// computation would exceed `exact_cell_limit`.
  int64_t runs = 20000;
  uint64_t seed = 20170905;
  /// Person basis: exact while the size distributions hold at most this many probabilities
  /// (see kOcExactCellLimit), Monte Carlo above. 0 forces the Monte Carlo (tests compare
  /// the two).
  int64_t exact_cell_limit = kOcExactCellLimit;
};

struct OcCurve {
  Criterion criterion;
  /// Households in the rate's denominator in one draw: villages drawn (townships × the
  /// villages of every tier)
  /// × the households of the rate's categories per village.
  int sampled_households = 0;
  /// Mean household size of the county's households in the denominator (persons); 1 on the
  /// household basis.
  double mean_household_size = 1;
  /// true: the ratio is persons at fault / persons; false: households (household basis,
  /// and always for inconsistency and satisfaction).
  bool person_basis = false;
  /// true: computed exactly (binomial on the household basis, binomial mixture of
  /// convolved sizes on the person basis); false: seeded Monte Carlo.
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
/// probability is summed exactly.
///
/// Person basis: each of the n households has a size drawn uniformly from the county's
/// households of the rate's statuses (independently of being at fault, so the expected
/// person rate is p) and the ratio is persons at fault / persons. Computed exactly by
/// conditioning on K, the number of households at fault: given K = k the persons at fault
/// and the others are independent sums of k and n − k sizes, whose distributions are the
/// convolution powers of the size distribution (built one household at a time), so
/// c_k = P(pass | K = k) is a double sum over them, computed once for all rates, and
/// P(pass; p) = Σ_k Binomial(n, p)(k) · c_k. The curve is therefore monotone. When that
/// computation would exceed options.exact_cell_limit, a Monte Carlo of the same model
/// with `runs` replicates: replicate r draws from Rng(seed, r, kHouseholds) and the same
/// draws serve every point (common random numbers), so that curve is monotone and
/// independent of thread count too.
///
/// Returns false with *err when the options are out of range, the county has no
/// household of the rate's statuses, or the criterion is poverty_incidence (a linear
/// combination of three rates plus the county's remaining poor: no single-rate curve).
bool compute_oc_curve(const Registry& reg, const EvaluationConfig& config,
                      const Criterion& criterion, const OcCurveOptions& options, OcCurve* out,
                      std::string* err);

/// Why the OC curves of `simulate --out` (one per "below" criterion) cannot be drawn for this
/// registry and configuration — a criterion whose rate has no household in its denominator —
/// or "" when they can. `validate` reports it, so that it passes only what `simulate --out`
/// can do.
std::string oc_curve_problem(const Registry& reg, const EvaluationConfig& config);

}  // namespace kaoping
