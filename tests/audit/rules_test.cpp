// The household rules of SPEC §3, branch by branch.
#include "audit/rules.h"

#include <gtest/gtest.h>

#include <cmath>

#include "util/rng.h"

namespace kaoping {
namespace {

class RulesTest : public ::testing::Test {
 protected:
  /// A household that meets every standard, far above the line.
  std::size_t add(Status status, double income = 10000) {
    std::size_t i = h_.add_default();
    h_.status[i] = status;
    h_.income[i] = income;
    h_.income_system[i] = income;
    h_.size[i] = 4;
    return i;
  }
  bool fires(std::size_t i, Finding f, double assessed) {
    return rule_fires(h_, i, f, s_, assessed);
  }
  Households h_;
  StandardsConfig s_;  // line 3335 in 2017, multiple 2, tolerance 0.2
};

TEST_F(RulesTest, GuaranteesEachCondition) {
  std::size_t i = add(Status::kExited);
  EXPECT_TRUE(guarantees_met(h_, i));
  h_.housing[i] = Housing::kC;
  EXPECT_FALSE(guarantees_met(h_, i));
  h_.relocated[i] = 1;  // completed relocation counts as safe housing
  EXPECT_TRUE(guarantees_met(h_, i));
  h_.housing[i] = Housing::kD;
  EXPECT_TRUE(guarantees_met(h_, i));
  h_.relocated[i] = 0;
  h_.housing[i] = Housing::kB;
  h_.dropouts[i] = 1;
  EXPECT_FALSE(guarantees_met(h_, i));
  h_.dropouts[i] = 0;
  h_.uninsured[i] = 2;
  EXPECT_FALSE(guarantees_met(h_, i));
  h_.uninsured[i] = 0;
  h_.water_safe[i] = 0;
  EXPECT_FALSE(guarantees_met(h_, i));
  h_.water_safe[i] = 1;
  h_.food_secure[i] = 0;
  EXPECT_FALSE(guarantees_met(h_, i));
  h_.food_secure[i] = 1;
  h_.clothing_secure[i] = 0;
  EXPECT_FALSE(guarantees_met(h_, i));
}

TEST_F(RulesTest, WrongExitAtTheLineIsStrict) {
  std::size_t i = add(Status::kExited);
  EXPECT_FALSE(fires(i, Finding::kWrongExit, 3335));  // exactly the line meets the standard
  EXPECT_TRUE(fires(i, Finding::kWrongExit, 3334.99));
  h_.uninsured[i] = 1;
  EXPECT_TRUE(fires(i, Finding::kWrongExit, 9000));
  std::size_t poor = add(Status::kPoor, 100);
  EXPECT_FALSE(fires(poor, Finding::kWrongExit, 100));  // only exited households
}

TEST_F(RulesTest, OmissionIdentificationAndExclusion) {
  std::size_t i = add(Status::kNonRegistered);
  EXPECT_TRUE(fires(i, Finding::kOmission, 3000));
  EXPECT_FALSE(fires(i, Finding::kOmission, 3335));
  h_.housing[i] = Housing::kD;
  EXPECT_TRUE(fires(i, Finding::kOmission, 9000));  // income_or_guarantees
  s_.identification = Identification::kIncome;
  EXPECT_FALSE(fires(i, Finding::kOmission, 9000));
  EXPECT_TRUE(fires(i, Finding::kOmission, 3000));
  h_.excluded[i] = kExCar;  // an ineligible household is never an omission
  EXPECT_FALSE(fires(i, Finding::kOmission, 3000));
}

TEST_F(RulesTest, MisInclusionExclusionOrRich) {
  std::size_t i = add(Status::kPlannedExit, 5000);
  EXPECT_FALSE(fires(i, Finding::kMisInclusion, 6669.99));
  EXPECT_TRUE(fires(i, Finding::kMisInclusion, 6670));  // >= 2 x 3335
  h_.excluded[i] = kExOfficial;
  EXPECT_TRUE(fires(i, Finding::kMisInclusion, 100));
  std::size_t exited = add(Status::kExited, 90000);
  EXPECT_FALSE(fires(exited, Finding::kMisInclusion, 90000));
}

TEST_F(RulesTest, PlannedExitShortfall) {
  std::size_t i = add(Status::kPlannedExit);
  EXPECT_FALSE(fires(i, Finding::kPlannedExitShortfall, 3335));
  EXPECT_TRUE(fires(i, Finding::kPlannedExitShortfall, 3000));
  h_.dropouts[i] = 1;
  EXPECT_TRUE(fires(i, Finding::kPlannedExitShortfall, 9000));
  std::size_t poor = add(Status::kPoor, 100);
  EXPECT_FALSE(fires(poor, Finding::kPlannedExitShortfall, 100));
}

TEST_F(RulesTest, InconsistencyArchiveIncomeMembers) {
  std::size_t i = add(Status::kPoor, 3000);
  EXPECT_FALSE(fires(i, Finding::kInconsistency, 3000));
  h_.income_system[i] = 3600;  // exactly 20% off is within tolerance
  EXPECT_FALSE(fires(i, Finding::kInconsistency, 3000));
  h_.income_system[i] = 3601;
  EXPECT_TRUE(fires(i, Finding::kInconsistency, 3000));
  h_.income_system[i] = 3000;
  h_.archive_consistent[i] = 0;
  EXPECT_TRUE(fires(i, Finding::kInconsistency, 3000));
  h_.archive_consistent[i] = 1;
  h_.members_mismatch[i] = 1;
  EXPECT_TRUE(fires(i, Finding::kInconsistency, 3000));
  std::size_t other = add(Status::kNonRegistered);
  h_.archive_consistent[other] = 0;
  EXPECT_FALSE(fires(other, Finding::kInconsistency, 10000));  // registered households only
}

TEST_F(RulesTest, ZeroNoiseProbabilitiesAreCertain) {
  std::size_t below = add(Status::kExited, 3334);
  std::size_t at = add(Status::kExited, 3335);
  EXPECT_EQ(rule_probability(h_, below, Finding::kWrongExit, s_, 0), 1.0);
  EXPECT_EQ(rule_probability(h_, at, Finding::kWrongExit, s_, 0), 0.0);
  std::size_t zero = add(Status::kNonRegistered, 0);
  EXPECT_EQ(rule_probability(h_, zero, Finding::kOmission, s_, 0.1), 1.0);
  std::size_t rich = add(Status::kPoor, 6670);
  EXPECT_EQ(rule_probability(h_, rich, Finding::kMisInclusion, s_, 0), 1.0);
}

TEST_F(RulesTest, IncomeAtTheLineHasProbabilityAboutHalf) {
  // Mean-one lognormal error: at income = L the assessed income is below L when
  // Z < sigma/2, i.e. with probability Phi(0.05) = 0.519938...
  std::size_t i = add(Status::kExited, 3335);
  EXPECT_NEAR(rule_probability(h_, i, Finding::kWrongExit, s_, 0.1), 0.5199388058383725, 1e-12);
}

TEST_F(RulesTest, ProbabilityAgreesWithDraws) {
  // rule_probability is what rule_fires gives on average over the evaluator's error.
  std::size_t i = add(Status::kNonRegistered, 3200);
  const double sigma = 0.1;
  const double p = rule_probability(h_, i, Finding::kOmission, s_, sigma);
  Rng rng(7, 0, Stream::kIncome);
  const int n = 200000;
  int hits = 0;
  for (int k = 0; k < n; ++k) {
    // Box-Muller for a standard normal from two uniforms.
    double u1 = 1.0 - rng.uniform(), u2 = rng.uniform();
    double z = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
    hits += rule_fires(h_, i, Finding::kOmission, s_, assessed_income(3200, sigma, z));
  }
  const double se = std::sqrt(p * (1 - p) / n);
  EXPECT_NEAR(static_cast<double>(hits) / n, p, 5 * se);
}

TEST_F(RulesTest, ThresholdsMatchFires) {
  // Z < z_below exactly when the assessed income is below the line.
  std::size_t i = add(Status::kExited, 3400);
  IncomeThresholds t = income_thresholds(3400, s_, 0.1);
  for (double z : {t.z_below - 1e-9, t.z_below + 1e-9}) {
    EXPECT_EQ(z < t.z_below, fires(i, Finding::kWrongExit, assessed_income(3400, 0.1, z)));
  }
}

TEST_F(RulesTest, ApprovalAndPresenceDefaults) {
  EvaluatorConfig e;
  std::size_t i = add(Status::kExited);
  EXPECT_EQ(approval_probability(h_, i, e), 0.93);
  EXPECT_EQ(presence_probability(h_, i, e), 0.95);
  h_.satisfaction[i] = 0.5;
  h_.presence[i] = 0.25;
  EXPECT_EQ(approval_probability(h_, i, e), 0.5);
  EXPECT_EQ(presence_probability(h_, i, e), 0.25);
}

TEST_F(RulesTest, Readiness) {
  std::size_t i = add(Status::kPoor);
  h_.cause[i] = Cause::kIllness;
  h_.measures[i] = kMsIndustry | kMsEmployment | kMsTraining | kMsHealth;
  h_.cards[i] = kAllCards;
  EXPECT_FALSE(few_measures(h_, i));
  EXPECT_FALSE(measure_mismatch(h_, i));
  EXPECT_FALSE(missing_cards(h_, i));
  h_.measures[i] = kMsIndustry | kMsEmployment | kMsTraining | kMsFinance;
  EXPECT_TRUE(measure_mismatch(h_, i));  // illness needs health
  h_.measures[i] = kMsHealth | kMsFinance | kMsIndustry;
  EXPECT_TRUE(few_measures(h_, i));
  h_.cards[i] = kCardHelp | kCardContact;
  EXPECT_TRUE(missing_cards(h_, i));
  std::size_t other = add(Status::kNonRegistered);  // readiness is for registered households
  EXPECT_FALSE(few_measures(h_, other));
  EXPECT_FALSE(missing_cards(h_, other));
}

}  // namespace
}  // namespace kaoping
