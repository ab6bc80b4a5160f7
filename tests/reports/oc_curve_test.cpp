#include "audit/oc_curve.h"

#include <gtest/gtest.h>

#include <cmath>

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

double binomial_pmf(int n, int k, double p) {
  return std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
                  k * std::log(p) + (n - k) * std::log1p(-p));
}

Criterion below(Rate r, double t) {
  return Criterion{r, true, t};
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
  EXPECT_EQ(curve.sampled_households, 9 * 43);
  // n = 387: pass when more than 348.3 approve, i.e. X >= 349.
  double expected = 0;
  for (int k = 349; k <= 387; ++k) expected += binomial_pmf(387, k, 0.9);
  EXPECT_NEAR(curve.pass_probability[1], expected, 1e-12);
  EXPECT_LT(curve.pass_probability[0], curve.pass_probability[1]);
  EXPECT_LT(curve.pass_probability[1], curve.pass_probability[2]);
}

TEST(OcCurve, PersonBasisWithSingletonsAgreesWithTheBinomialWithinFiveSigma) {
  Config config;  // person basis; households of one person make it binomial again
  OcCurveOptions options;
  options.runs = 4000;
  options.seed = 11;
  OcCurve mc, exact;
  std::string err;
  ASSERT_TRUE(compute_oc_curve(uniform_registry(50, 1), config, below(Rate::kOmission, 0.02),
                               options, &mc, &err));
  EXPECT_FALSE(mc.exact);
  EXPECT_EQ(mc.runs, 4000);
  EXPECT_DOUBLE_EQ(mc.mean_household_size, 1.0);
  config.standards.rate_basis = RateBasis::kHousehold;
  ASSERT_TRUE(compute_oc_curve(uniform_registry(50, 1), config, below(Rate::kOmission, 0.02),
                               options, &exact, &err));
  for (std::size_t j = 0; j < mc.true_rate.size(); ++j) {
    const double p = exact.pass_probability[j];
    const double sigma = std::sqrt(p * (1 - p) / options.runs);
    EXPECT_NEAR(mc.pass_probability[j], p, 5 * sigma + 1e-12) << "true rate " << mc.true_rate[j];
  }
}

TEST(OcCurve, MonteCarloIsMonotoneAndReproducible) {
  const Registry reg = generate_county(Profile::kSmall, 1);
  Config config;
  OcCurveOptions options;
  options.runs = 2000;
  OcCurve a, b;
  std::string err;
  ASSERT_TRUE(compute_oc_curve(reg, config, below(Rate::kWrongExit, 0.02), options, &a, &err))
      << err;
  ASSERT_TRUE(compute_oc_curve(reg, config, below(Rate::kWrongExit, 0.02), options, &b, &err));
  EXPECT_EQ(a.pass_probability, b.pass_probability);
  EXPECT_GT(a.mean_household_size, 1.0);
  for (std::size_t j = 1; j < a.pass_probability.size(); ++j)
    EXPECT_LE(a.pass_probability[j], a.pass_probability[j - 1]);
  EXPECT_EQ(a.pass_probability.front(), 1.0);
  EXPECT_LT(a.pass_probability.back(), 0.2);
}

TEST(OcCurve, DefaultCountyAtTwoAndOnePercentAsDomainNotes) {
  // DOMAIN.md §2: a county exactly at 2% passes only about half the time, one at 1% most of
  // the time. Here whole households are at fault, so the count is binomial in households
  // (117 exited households a draw) rather than persons: at 2% the pass probability comes out
  // near 56% instead of the note's 43–47% for 200–800 independent persons (docs/reports.md).
  // Bands: the measured values (0.85, 0.56 with 10000 runs) ± well over 5 sigma at 4000 runs.
  const Registry reg = generate_county(Profile::kDefault, 1);
  Config config;
  OcCurveOptions options;
  options.runs = 4000;
  options.rate_min = 0.01;
  options.rate_max = 0.02;
  options.points = 2;
  OcCurve curve;
  std::string err;
  ASSERT_TRUE(compute_oc_curve(reg, config, below(Rate::kWrongExit, 0.02), options, &curve, &err));
  EXPECT_GT(curve.pass_probability[0], 0.80);
  EXPECT_LT(curve.pass_probability[0], 0.99);
  EXPECT_GT(curve.pass_probability[1], 0.45);
  EXPECT_LT(curve.pass_probability[1], 0.65);
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
