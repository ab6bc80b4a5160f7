#include "audit/oc_curve.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "config/config.h"
#include "registry/generate.h"

namespace kaoping {
namespace {

// A registry of `n` households of each status, every one of `size` persons.
Registry uniform_registry(int n, int size) {
  Registry reg;
  for (int s = 0; s < kStatusCount; ++s)
    for (int k = 0; k < n; ++k) {
      const std::size_t i = reg.households.add_default();
      reg.households.size[i] = size;
      reg.households.status[i] = static_cast<Status>(s);
    }
  return reg;
}

// A registry whose exited households have exactly these sizes (nobody else).
Registry exited_registry(const std::vector<int>& sizes) {
  Registry reg;
  for (int size : sizes) {
    const std::size_t i = reg.households.add_default();
    reg.households.size[i] = size;
    reg.households.status[i] = Status::kExited;
  }
  return reg;
}

double binomial_pmf(int n, int k, double p) {
  return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
                  k * std::log(p) + (n - k) * std::log1p(-p));
}

Criterion below(Rate r, double t) {
  return Criterion{r, true, t};
}

// The default configuration (configs/default.yaml): 3 townships × 3 tiers, 13 exited and
// 15 poor and non-registered households per village, person basis.
Config default_config() {
  Config config;
  Diagnostics diag;
  EXPECT_TRUE(load_config("", {}, &config, &diag));
  return config;
}

const Registry& default_county() {
  static const Registry reg = generate_county(Profile::kDefault, 1);
  return reg;
}

// The OC model by brute force: every way of picking the n households' sizes from the
// registry (each household equally likely, with replacement) and every fault pattern,
// weighted by x^faults (1 − x)^(n − faults).
double brute_force_pass(const std::vector<int>& sizes, int n, const Criterion& c, double x) {
  const int m = static_cast<int>(sizes.size());
  double total = 0;
  std::vector<int> pick(n, 0);
  for (;;) {
    for (int faults = 0; faults < (1 << n); ++faults) {
      double at_fault = 0, persons = 0, weight = 1;
      for (int i = 0; i < n; ++i) {
        persons += sizes[pick[i]];
        const bool f = (faults >> i) & 1;
        if (f) at_fault += sizes[pick[i]];
        weight *= (f ? x : 1 - x) / m;
      }
      if (c.holds(at_fault / persons)) total += weight;
    }
    int i = 0;
    while (i < n && ++pick[i] == m) pick[i++] = 0;
    if (i == n) return total;
  }
}

TEST(OcCurve, HouseholdBasisIsTheExactBinomial) {
  Config config;
  config.standards.rate_basis = RateBasis::kHousehold;
  OcCurve curve;
  std::string err;
  ASSERT_TRUE(compute_oc_curve(uniform_registry(50, 3), config, below(Rate::kWrongExit, 0.02),
                               OcCurveOptions{}, &curve, &err))
      << err;
  EXPECT_TRUE(curve.exact);
  EXPECT_FALSE(curve.person_basis);
  EXPECT_EQ(curve.runs, 0);
  EXPECT_EQ(curve.sampled_households, 9 * 13);  // 3 townships × 3 tiers × 13 exited
  ASSERT_EQ(curve.true_rate.size(), 41u);
  EXPECT_DOUBLE_EQ(curve.true_rate[20], 0.02);
  EXPECT_DOUBLE_EQ(curve.pass_probability[0], 1.0);
  // Strictly below 2% of 117: at most 2 households at fault.
  for (int j : {10, 20, 40}) {
    const double p = curve.true_rate[j];
    const double expected =
        binomial_pmf(117, 0, p) + binomial_pmf(117, 1, p) + binomial_pmf(117, 2, p);
    EXPECT_NEAR(curve.pass_probability[j], expected, 1e-12) << "p = " << p;
  }
}

TEST(OcCurve, SatisfactionPassesAboveTheThreshold) {
  Config config;
  OcCurveOptions options;
  options.rate_min = 0.85;
  options.rate_max = 0.95;
  options.points = 3;
  OcCurve curve;
  std::string err;
  ASSERT_TRUE(compute_oc_curve(uniform_registry(50, 3), config,
                               Criterion{Rate::kSatisfaction, false, 0.9}, options, &curve, &err));
  EXPECT_TRUE(curve.exact);  // per household whatever the basis
  EXPECT_FALSE(curve.person_basis);
  EXPECT_EQ(curve.sampled_households, 9 * 43);
  // n = 387: pass when more than 348.3 approve, i.e. X >= 349.
  double expected = 0;
  for (int k = 349; k <= 387; ++k) expected += binomial_pmf(387, k, 0.9);
  EXPECT_NEAR(curve.pass_probability[1], expected, 1e-12);
  EXPECT_LT(curve.pass_probability[0], curve.pass_probability[1]);
  EXPECT_LT(curve.pass_probability[1], curve.pass_probability[2]);
}

TEST(OcCurve, PersonBasisMatchesBruteForceEnumeration) {
  // One township, one tier: the draw surveys exactly the exited quota. Sizes with gaps
  // (no household of 2, 5 or 6 persons in the second case) and thresholds that some
  // ratios hit exactly (1 / 5 = 0.2, 2 / 8 = 0.25, 4 / 8 = 0.5: strict inequality fails).
  // Tolerance: the enumeration adds up to 10,000 rounded products.
  struct Case {
    std::vector<int> sizes;
    int n;
  };
  for (const Case& tc : {Case{{1, 2, 2, 5}, 3}, Case{{1, 3, 3, 4, 7}, 4}}) {
    Config config;
    config.design.townships = 1;
    config.design.tiers = {Tier::kGood};
    config.design.quota[static_cast<int>(Category::kExited)] = tc.n;
    OcCurveOptions options;
    options.rate_min = 0;
    options.rate_max = 1;
    options.points = 11;
    for (const Criterion& c :
         {below(Rate::kWrongExit, 0.2), below(Rate::kWrongExit, 0.25), below(Rate::kWrongExit, 0.5),
          Criterion{Rate::kWrongExit, false, 0.25}}) {
      OcCurve curve;
      std::string err;
      ASSERT_TRUE(compute_oc_curve(exited_registry(tc.sizes), config, c, options, &curve, &err))
          << err;
      ASSERT_TRUE(curve.exact);
      ASSERT_TRUE(curve.person_basis);
      ASSERT_EQ(curve.sampled_households, tc.n);
      for (std::size_t j = 0; j < curve.true_rate.size(); ++j)
        EXPECT_NEAR(curve.pass_probability[j],
                    brute_force_pass(tc.sizes, tc.n, c, curve.true_rate[j]), 1e-12)
            << "n " << tc.n << (c.below ? " below " : " above ") << c.threshold << " at "
            << curve.true_rate[j];
    }
  }
}

TEST(OcCurve, PersonBasisWithSingletonsIsTheBinomial) {
  // Households of one person make the person basis binomial again: exactly for the exact
  // method, within five standard errors for the Monte Carlo one.
  Config config;
  OcCurveOptions options;
  options.runs = 4000;
  options.seed = 11;
  OcCurve person, mc, household;
  std::string err;
  const Registry reg = uniform_registry(50, 1);
  ASSERT_TRUE(compute_oc_curve(reg, config, below(Rate::kOmission, 0.02), options, &person, &err));
  EXPECT_TRUE(person.exact);
  EXPECT_TRUE(person.person_basis);
  EXPECT_EQ(person.runs, 0);
  EXPECT_DOUBLE_EQ(person.mean_household_size, 1.0);
  options.exact_cell_limit = 0;
  ASSERT_TRUE(compute_oc_curve(reg, config, below(Rate::kOmission, 0.02), options, &mc, &err));
  EXPECT_FALSE(mc.exact);
  EXPECT_EQ(mc.runs, 4000);
  config.standards.rate_basis = RateBasis::kHousehold;
  ASSERT_TRUE(
      compute_oc_curve(reg, config, below(Rate::kOmission, 0.02), options, &household, &err));
  for (std::size_t j = 0; j < mc.true_rate.size(); ++j) {
    const double p = household.pass_probability[j];
    EXPECT_NEAR(person.pass_probability[j], p, 1e-12) << "true rate " << mc.true_rate[j];
    const double sigma = std::sqrt(p * (1 - p) / options.runs);
    EXPECT_NEAR(mc.pass_probability[j], p, 5 * sigma + 1e-12) << "true rate " << mc.true_rate[j];
  }
}

TEST(OcCurve, ExactAgreesWithALongMonteCarloOfTheSameModel) {
  // The default county's sizes (1–8 persons): 100,000 replicates give a standard error of
  // at most 0.0016 per point; every point within 4.5 of them.
  const Config config = default_config();
  for (const Criterion& c : {below(Rate::kWrongExit, 0.02), below(Rate::kMisInclusion, 0.01)}) {
    OcCurveOptions options;
    options.seed = 7;
    options.runs = 100000;
    OcCurve exact, mc;
    std::string err;
    ASSERT_TRUE(compute_oc_curve(default_county(), config, c, options, &exact, &err)) << err;
    options.exact_cell_limit = 0;
    ASSERT_TRUE(compute_oc_curve(default_county(), config, c, options, &mc, &err)) << err;
    ASSERT_TRUE(exact.exact);
    ASSERT_FALSE(mc.exact);
    for (std::size_t j = 0; j < exact.true_rate.size(); ++j) {
      const double p = exact.pass_probability[j];
      const double se = std::sqrt(p * (1 - p) / options.runs);
      EXPECT_NEAR(mc.pass_probability[j], p, 4.5 * se + 1e-12)
          << to_string(c.rate) << " at " << exact.true_rate[j];
    }
  }
}

TEST(OcCurve, ExactCurveIsMonotoneInTheTrueRate) {
  const Config config = default_config();
  OcCurveOptions options;
  options.rate_max = 0.2;
  for (const Criterion& c : config.standards.criteria) {
    if (!c.below) continue;
    OcCurve curve;
    std::string err;
    ASSERT_TRUE(compute_oc_curve(default_county(), config, c, options, &curve, &err)) << err;
    ASSERT_TRUE(curve.exact);
    EXPECT_DOUBLE_EQ(curve.pass_probability.front(), 1.0);
    for (std::size_t j = 1; j < curve.pass_probability.size(); ++j)
      EXPECT_LT(curve.pass_probability[j], curve.pass_probability[j - 1])
          << to_string(c.rate) << " at " << curve.true_rate[j];
  }
  // "above": the more households count, the likelier the pass.
  OcCurve up;
  std::string err;
  ASSERT_TRUE(compute_oc_curve(default_county(), config, Criterion{Rate::kOmission, false, 0.01},
                               options, &up, &err));
  EXPECT_DOUBLE_EQ(up.pass_probability.front(), 0.0);
  for (std::size_t j = 1; j < up.pass_probability.size(); ++j)
    EXPECT_GT(up.pass_probability[j], up.pass_probability[j - 1]) << up.true_rate[j];
}

TEST(OcCurve, DefaultDesignWrongExitFigures) {
  // Default county and design, wrong exit below 2%, person basis: 117 exited households a
  // draw (9 villages × 13), sizes as the county's 33,200 exited households (3.83 persons on
  // average). Pinned to the exact method's values (docs/reports.md quotes them).
  const Config config = default_config();
  OcCurveOptions options;
  options.rate_min = 0.005;
  options.rate_max = 0.02;
  options.points = 4;  // 0.5%, 1%, 1.5%, 2%
  OcCurve curve;
  std::string err;
  ASSERT_TRUE(compute_oc_curve(default_county(), config, below(Rate::kWrongExit, 0.02), options,
                               &curve, &err))
      << err;
  ASSERT_TRUE(curve.exact);
  EXPECT_EQ(curve.sampled_households, 117);
  EXPECT_NEAR(curve.pass_probability[0], 0.954659, 0.0005);
  EXPECT_NEAR(curve.pass_probability[1], 0.841338, 0.0005);
  EXPECT_NEAR(curve.pass_probability[2], 0.696920, 0.0005);
  EXPECT_NEAR(curve.pass_probability[3], 0.550105, 0.0005);
}

TEST(OcCurve, MonteCarloOnlyBeyondTheExactLimit) {
  const Registry reg = exited_registry({1, 2, 2, 5});
  Config config;
  config.design.townships = 1;
  config.design.tiers = {Tier::kGood};
  config.design.quota[static_cast<int>(Category::kExited)] = 3;
  OcCurveOptions options;
  options.runs = 50;
  // n = 3 households, sizes 1–5 (width 4): 4 + 4·3·4/2 = 28 probabilities.
  OcCurve curve;
  std::string err;
  options.exact_cell_limit = 28;
  ASSERT_TRUE(compute_oc_curve(reg, config, below(Rate::kWrongExit, 0.02), options, &curve, &err));
  EXPECT_TRUE(curve.exact);
  options.exact_cell_limit = 27;
  ASSERT_TRUE(compute_oc_curve(reg, config, below(Rate::kWrongExit, 0.02), options, &curve, &err));
  EXPECT_FALSE(curve.exact);
  EXPECT_EQ(curve.runs, 50);
  // The default limit: 9,000 exited households a draw is beyond it, 117 well within.
  config = default_config();
  config.design.quota[static_cast<int>(Category::kExited)] = 1000;
  options = OcCurveOptions{};
  options.runs = 2;
  options.points = 2;
  ASSERT_TRUE(compute_oc_curve(default_county(), config, below(Rate::kWrongExit, 0.02), options,
                               &curve, &err));
  EXPECT_EQ(curve.sampled_households, 9000);
  EXPECT_FALSE(curve.exact);
}

TEST(OcCurve, MonteCarloIsMonotoneAndReproducible) {
  const Registry reg = generate_county(Profile::kSmall, 1);
  Config config;
  OcCurveOptions options;
  options.runs = 2000;
  options.exact_cell_limit = 0;
  OcCurve a, b;
  std::string err;
  ASSERT_TRUE(compute_oc_curve(reg, config, below(Rate::kWrongExit, 0.02), options, &a, &err))
      << err;
  ASSERT_TRUE(compute_oc_curve(reg, config, below(Rate::kWrongExit, 0.02), options, &b, &err));
  EXPECT_FALSE(a.exact);
  EXPECT_EQ(a.pass_probability, b.pass_probability);
  EXPECT_GT(a.mean_household_size, 1.0);
  for (std::size_t j = 1; j < a.pass_probability.size(); ++j)
    EXPECT_LE(a.pass_probability[j], a.pass_probability[j - 1]);
  EXPECT_EQ(a.pass_probability.front(), 1.0);
  EXPECT_LT(a.pass_probability.back(), 0.2);
}

TEST(OcCurve, RejectsBadOptionsAndEmptyDenominators) {
  Config config;
  OcCurve curve;
  std::string err;
  OcCurveOptions options;
  options.points = 1;
  EXPECT_FALSE(compute_oc_curve(uniform_registry(5, 2), config, below(Rate::kWrongExit, 0.02),
                                options, &curve, &err));
  EXPECT_EQ(err, "OC curve: need points >= 2, 0 <= rate_min <= rate_max <= 1 and runs >= 1");
  EXPECT_FALSE(compute_oc_curve(Registry{}, config, below(Rate::kWrongExit, 0.02), OcCurveOptions{},
                                &curve, &err));
  EXPECT_EQ(err, "OC curve: the registry has no household in the denominator of wrong_exit");
}

}  // namespace
}  // namespace kaoping
