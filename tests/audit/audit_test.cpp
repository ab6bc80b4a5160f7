// The audit of a draw: rule findings through the engine, rates on both bases, strict
// criteria, empty denominators, absence, and the evaluator's random draws.
#include "audit/audit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "config/config.h"

namespace kaoping {
namespace {

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    reg_.townships.push_back({"T1", "T1", 60});
    Village v;
    v.id = "V1";
    v.township_id = "T1";
    v.tier = Tier::kGood;
    reg_.villages.push_back(v);
    config_.standards.criteria = {{Rate::kWrongExit, true, 0.02},
                                  {Rate::kOmission, true, 0.02},
                                  {Rate::kSatisfaction, false, 0.90},
                                  {Rate::kMisInclusion, true, 0.02}};
  }
  /// A household meeting every standard, well above the line and below twice the line.
  int add(Status status, int size = 1, double income = 5000) {
    Households& h = reg_.households;
    const std::size_t i = h.add_default();
    h.id[i] = "H" + std::to_string(i);
    h.village_id[i] = "V1";
    h.status[i] = status;
    h.size[i] = size;
    h.income[i] = income;
    h.income_system[i] = income;
    return static_cast<int>(i);
  }
  void index() {
    std::string err;
    ASSERT_TRUE(reg_.build_indexes(&err)) << err;
  }
  /// Judged at recorded income, approving or not.
  HouseholdAudit judged(int i, double approval = 1) {
    HouseholdAudit a;
    a.household = i;
    a.assessed_income = reg_.households.income[i];
    a.findings = rule_findings(reg_.households, i, config_.standards, a.assessed_income);
    a.approval = approval;
    return a;
  }
  /// A draw of every household as sample rows (no reserves).
  Draw draw_all() {
    Draw d;
    d.townships = {0};
    d.villages = {0};
    for (std::size_t i = 0; i < reg_.households.count(); ++i) {
      DrawRow r;
      r.household = static_cast<int>(i);
      r.village = 0;
      r.township = 0;
      r.category = category_of(reg_.households.status[i]);
      r.inclusion_prob = 1;
      d.rows.push_back(r);
    }
    return d;
  }
  bool has(int i, Finding f) {
    return rule_findings(reg_.households, i, config_.standards, reg_.households.income[i]) &
           (1u << static_cast<int>(f));
  }
  Registry reg_;
  Config config_;
};

TEST_F(AuditTest, WrongExitBranches) {
  Households& h = reg_.households;
  const int ok = add(Status::kExited);
  const int poor_income = add(Status::kExited, 1, 3334);
  const int dropout = add(Status::kExited);
  h.dropouts[dropout] = 1;
  const int uninsured = add(Status::kExited);
  h.uninsured[uninsured] = 2;
  const int housing = add(Status::kExited);
  h.housing[housing] = Housing::kD;
  const int relocated = add(Status::kExited);
  h.housing[relocated] = Housing::kD;
  h.relocated[relocated] = 1;  // completed relocation counts as safe housing
  const int at_line = add(Status::kExited, 1, 3335);
  EXPECT_FALSE(has(ok, Finding::kWrongExit));
  EXPECT_TRUE(has(poor_income, Finding::kWrongExit));
  EXPECT_TRUE(has(dropout, Finding::kWrongExit));
  EXPECT_TRUE(has(uninsured, Finding::kWrongExit));
  EXPECT_TRUE(has(housing, Finding::kWrongExit));
  EXPECT_FALSE(has(relocated, Finding::kWrongExit));
  EXPECT_FALSE(has(at_line, Finding::kWrongExit));  // Î >= L meets the standard
  // An exited household is never omitted, mis-included or a planned-exit shortfall.
  EXPECT_EQ(rule_findings(h, poor_income, config_.standards, 0),
            1u << static_cast<int>(Finding::kWrongExit));
}

TEST_F(AuditTest, OmissionExclusionsAndIdentification) {
  Households& h = reg_.households;
  const int below = add(Status::kNonRegistered, 1, 3000);
  const int excluded = add(Status::kNonRegistered, 1, 3000);
  h.excluded[excluded] = kExCar;  // ineligible: not an omission however poor
  const int unsafe = add(Status::kNonRegistered, 1, 9000);
  h.water_safe[unsafe] = 0;
  EXPECT_TRUE(has(below, Finding::kOmission));
  EXPECT_FALSE(has(excluded, Finding::kOmission));
  EXPECT_TRUE(has(unsafe, Finding::kOmission));  // income_or_guarantees (default)
  config_.standards.identification = Identification::kIncome;
  EXPECT_FALSE(has(unsafe, Finding::kOmission));
  EXPECT_TRUE(has(below, Finding::kOmission));
}

TEST_F(AuditTest, MisInclusionAndPlannedExitShortfall) {
  Households& h = reg_.households;
  const int rich = add(Status::kPoor, 1, 6670);  // exactly 2 × 3335: mis-included
  const int nearly = add(Status::kPoor, 1, 6669.99);
  const int excluded = add(Status::kPlannedExit, 1, 1000);
  h.excluded[excluded] = kExOfficial;
  const int short_exit = add(Status::kPlannedExit, 1, 3000);
  const int ready = add(Status::kPlannedExit, 1, 4000);
  const int unsafe = add(Status::kPlannedExit, 1, 4000);
  h.housing[unsafe] = Housing::kC;
  EXPECT_TRUE(has(rich, Finding::kMisInclusion));
  EXPECT_FALSE(has(nearly, Finding::kMisInclusion));
  EXPECT_TRUE(has(excluded, Finding::kMisInclusion));
  EXPECT_TRUE(has(short_exit, Finding::kPlannedExitShortfall));
  EXPECT_FALSE(has(ready, Finding::kPlannedExitShortfall));
  EXPECT_TRUE(has(unsafe, Finding::kPlannedExitShortfall));
  EXPECT_FALSE(has(rich, Finding::kPlannedExitShortfall));  // status poor: not planned to exit
}

TEST_F(AuditTest, InconsistencyOnlyForRegistered) {
  Households& h = reg_.households;
  const int archive = add(Status::kPoor);
  h.archive_consistent[archive] = 0;
  const int income_gap = add(Status::kExited, 1, 5000);
  h.income_system[income_gap] = 6001;  // |6001 − 5000| > 0.2 · 5000
  const int within = add(Status::kExited, 1, 5000);
  h.income_system[within] = 6000;  // exactly the tolerance: consistent
  const int members = add(Status::kPlannedExit);
  h.members_mismatch[members] = 1;
  const int non_registered = add(Status::kNonRegistered);
  h.archive_consistent[non_registered] = 0;
  EXPECT_TRUE(has(archive, Finding::kInconsistency));
  EXPECT_TRUE(has(income_gap, Finding::kInconsistency));
  EXPECT_FALSE(has(within, Finding::kInconsistency));
  EXPECT_TRUE(has(members, Finding::kInconsistency));
  EXPECT_FALSE(has(non_registered, Finding::kInconsistency));
}

TEST_F(AuditTest, PersonAndHouseholdBasis) {
  const int big_ok = add(Status::kExited, 4);
  const int small_bad = add(Status::kExited, 1, 1000);
  const int archive = add(Status::kExited, 5);
  reg_.households.archive_consistent[archive] = 0;
  std::vector<HouseholdAudit> all = {judged(big_ok), judged(small_bad, 0), judged(archive)};
  const int we = static_cast<int>(Rate::kWrongExit);
  const int inc = static_cast<int>(Rate::kInconsistency);
  const int sat = static_cast<int>(Rate::kSatisfaction);
  Rates r = compute_rates(reg_.households, config_.standards, all);
  EXPECT_EQ(r.numerator[we], 1);
  EXPECT_EQ(r.denominator[we], 10);  // persons
  EXPECT_DOUBLE_EQ(r.value[we], 0.1);
  // 三统一 is per household whatever the basis.
  EXPECT_EQ(r.numerator[inc], 1);
  EXPECT_EQ(r.denominator[inc], 3);
  // Satisfaction: approving households over surveyed households.
  EXPECT_EQ(r.numerator[sat], 2);
  EXPECT_EQ(r.denominator[sat], 3);
  config_.standards.rate_basis = RateBasis::kHousehold;
  r = compute_rates(reg_.households, config_.standards, all);
  EXPECT_EQ(r.denominator[we], 3);
  EXPECT_DOUBLE_EQ(r.value[we], 1.0 / 3);
}

TEST_F(AuditTest, EmptyDenominatorGivesZero) {
  const int poor = add(Status::kPoor);
  const Rates r = compute_rates(reg_.households, config_.standards, {judged(poor)});
  for (Rate rate : {Rate::kWrongExit, Rate::kOmission, Rate::kPlannedExitShortfall}) {
    EXPECT_EQ(r.denominator[static_cast<int>(rate)], 0);
    EXPECT_EQ(r.value[static_cast<int>(rate)], 0.0);
  }
  const Rates none = compute_rates(reg_.households, config_.standards, {});
  EXPECT_EQ(none.value[static_cast<int>(Rate::kSatisfaction)], 0.0);
  // An empty sample has satisfaction 0, which is not above 0.90: it fails.
  const Verdict v = apply_criteria(none, config_.standards);
  EXPECT_FALSE(v.pass);
  ASSERT_EQ(v.failed.size(), 1u);
  EXPECT_EQ(v.failed[0].rate, Rate::kSatisfaction);
}

TEST(PovertyIncidence, AppliesTheSampleRatesToTheCountyTotals) {
  // Sample: 2 of 10 exited persons wrong exits, 1 of 20 non-registered persons omitted, 3 of
  // 6 planned_exit persons short. County: 100 poor, 50 planned_exit, 400 exited, 1450
  // non-registered persons.
  RateSums s;
  s.add(Status::kExited, 2, 1u << static_cast<int>(Finding::kWrongExit), 1);
  s.add(Status::kExited, 8, 0, 1);
  s.add(Status::kNonRegistered, 1, 1u << static_cast<int>(Finding::kOmission), 1);
  s.add(Status::kNonRegistered, 19, 0, 1);
  s.add(Status::kPlannedExit, 3, 1u << static_cast<int>(Finding::kPlannedExitShortfall), 1);
  s.add(Status::kPlannedExit, 3, 0, 1);
  CountyTotals c;
  c.weight = {100, 50, 400, 1450};
  const Rates r = rates_of(s, c);
  const int k = static_cast<int>(Rate::kPovertyIncidence);
  const double expected = (100 + 0.5 * 50 + 0.05 * 1450 + 0.2 * 400) / 2000;
  EXPECT_DOUBLE_EQ(r.value[k], expected);
  EXPECT_DOUBLE_EQ(r.denominator[k], 2000);
  EXPECT_EQ(to_string(Rate::kPovertyIncidence), "poverty_incidence");
  EXPECT_EQ(parse_rate("poverty_incidence"), Rate::kPovertyIncidence);
  // The findings that move it, and only those.
  EXPECT_TRUE(moves_rate(Finding::kWrongExit, Rate::kPovertyIncidence));
  EXPECT_TRUE(moves_rate(Finding::kOmission, Rate::kPovertyIncidence));
  EXPECT_TRUE(moves_rate(Finding::kPlannedExitShortfall, Rate::kPovertyIncidence));
  EXPECT_FALSE(moves_rate(Finding::kMisInclusion, Rate::kPovertyIncidence));
  EXPECT_FALSE(moves_rate(Finding::kInconsistency, Rate::kPovertyIncidence));
  // An empty county gives 0.
  EXPECT_EQ(rates_of(s, CountyTotals{}).value[k], 0.0);
}

TEST_F(AuditTest, ThresholdIsStrict) {
  // 1 wrong-exit person of 50: exactly 0.02, which is not below 0.02.
  std::vector<HouseholdAudit> all;
  all.push_back(judged(add(Status::kExited, 1, 1000)));
  all.push_back(judged(add(Status::kExited, 49)));
  // 9 approving of 10 households: exactly 0.90, which is not above 0.90.
  for (int k = 0; k < 8; ++k) all.push_back(judged(add(Status::kNonRegistered)));
  all.back().approval = 0;
  Rates r = compute_rates(reg_.households, config_.standards, all);
  EXPECT_EQ(r.value[static_cast<int>(Rate::kWrongExit)], 0.02);
  EXPECT_EQ(r.value[static_cast<int>(Rate::kSatisfaction)], 0.9);
  Verdict v = apply_criteria(r, config_.standards);
  EXPECT_FALSE(v.pass);
  ASSERT_EQ(v.failed.size(), 2u);
  EXPECT_EQ(v.failed[0].rate, Rate::kWrongExit);
  EXPECT_EQ(v.failed[1].rate, Rate::kSatisfaction);
  // One more approving household and one more exited person: both hold.
  all.push_back(judged(add(Status::kExited, 1)));
  r = compute_rates(reg_.households, config_.standards, all);
  EXPECT_LT(r.value[static_cast<int>(Rate::kWrongExit)], 0.02);
  EXPECT_GT(r.value[static_cast<int>(Rate::kSatisfaction)], 0.9);
  EXPECT_TRUE(apply_criteria(r, config_.standards).pass);
}

TEST_F(AuditTest, DrawWithoutNoiseJudgesRecordedIncome) {
  add(Status::kExited, 2, 3000);
  add(Status::kNonRegistered, 3, 2000);
  add(Status::kPoor, 1, 7000);
  add(Status::kExited, 4);
  index();
  config_.evaluator.income_noise = 0;
  config_.evaluator.presence = 1;  // the default for households without their own
  for (double& s : config_.evaluator.satisfaction) s = 1;
  AuditResult r;
  audit_draw(reg_, config_, draw_all(), 1, 0, &r);
  ASSERT_EQ(r.households.size(), 4u);
  EXPECT_EQ(r.field.absent, 0);
  // Visit order: by (village, category) group, groups in order of first appearance.
  std::vector<int> order;
  for (const HouseholdAudit& a : r.households) order.push_back(a.household);
  EXPECT_EQ(order, (std::vector<int>{0, 3, 1, 2}));
  EXPECT_TRUE(r.households[0].has(Finding::kWrongExit));
  EXPECT_EQ(r.households[1].findings, 0);
  EXPECT_TRUE(r.households[2].has(Finding::kOmission));
  EXPECT_TRUE(r.households[3].has(Finding::kMisInclusion));
  EXPECT_EQ(r.households[3].assessed_income, 7000);
  EXPECT_DOUBLE_EQ(r.rates.value[static_cast<int>(Rate::kWrongExit)], 2.0 / 6);
  EXPECT_EQ(r.rates.value[static_cast<int>(Rate::kSatisfaction)], 1.0);
  EXPECT_FALSE(r.verdict.pass);
  ASSERT_EQ(r.verdict.failed.size(), 3u);
}

TEST_F(AuditTest, DrawFindingsFollowTheVisitAtTheAssessedIncome) {
  // Exited households just above the line, judged with the evaluator's error: some fall
  // below it. Every rule bit of every surveyed household gives one finding, in visit
  // order, with the income the evaluator assessed.
  for (int k = 0; k < 40; ++k) add(Status::kExited, 1, 3400);
  const int rich = add(Status::kPoor, 1, 9000);
  index();
  reg_.households.excluded[rich] = kExCar;
  config_.evaluator.income_noise = 0.1;
  config_.evaluator.presence = 1;
  AuditResult r;
  audit_draw(reg_, config_, draw_all(), 5, 0, &r);
  const std::vector<HouseholdFinding> found = draw_findings(reg_.households, config_.standards, r);
  std::size_t next = 0;
  int wrong_exits = 0;
  for (const HouseholdAudit& a : r.households) {
    for (int f = 0; f < kFindingCount; ++f) {
      if (!a.has(static_cast<Finding>(f))) continue;
      ASSERT_LT(next, found.size());
      const HouseholdFinding& x = found[next++];
      EXPECT_EQ(x.household, a.household);
      EXPECT_EQ(x.detail, finding_detail(reg_.households, a.household, static_cast<Finding>(f),
                                         config_.standards, a.assessed_income, true));
      EXPECT_TRUE(x.detail.assessed);
      EXPECT_EQ(x.detail.income, a.assessed_income);
      wrong_exits += x.detail.finding == Finding::kWrongExit;
    }
  }
  EXPECT_EQ(next, found.size());
  EXPECT_GT(wrong_exits, 0);
  EXPECT_LT(wrong_exits, 40);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.back().household, rich);
  EXPECT_EQ(found.back().detail.excluded, kExCar);
}

TEST_F(AuditTest, AbsentHouseholdsCountInNoRate) {
  const int gone = add(Status::kExited, 5, 1000);
  const int home = add(Status::kExited, 1);
  index();
  reg_.households.presence[gone] = 0;
  reg_.households.presence[home] = 1;
  AuditResult r;
  audit_draw(reg_, config_, draw_all(), 1, 0, &r);
  ASSERT_EQ(r.households.size(), 1u);
  EXPECT_EQ(r.field.absent, 1);
  EXPECT_EQ(r.field.short_total, 1);
  EXPECT_EQ(r.rates.denominator[static_cast<int>(Rate::kWrongExit)], 1);
  EXPECT_EQ(r.rates.value[static_cast<int>(Rate::kWrongExit)], 0.0);
}

TEST_F(AuditTest, EvaluatorDrawsMatchTheirDistributions) {
  // 400 households × 10 replicates: approval frequency against p = 0.8 and the mean-one
  // lognormal income error against mean 1, each within 5 standard errors.
  for (int k = 0; k < 400; ++k) {
    const int i = add(Status::kNonRegistered, 1, 10000);
    reg_.households.satisfaction[i] = 0.8;
    reg_.households.presence[i] = 1;
  }
  index();
  config_.evaluator.income_noise = 0.1;
  const Draw d = draw_all();
  int approvals = 0, n = 0;
  double sum = 0, sum_sq = 0;
  for (int rep = 0; rep < 10; ++rep) {
    AuditResult r;
    audit_draw(reg_, config_, d, 42, rep, &r);
    for (const HouseholdAudit& a : r.households) {
      approvals += a.approval > 0;
      const double ratio = a.assessed_income / 10000;
      sum += ratio;
      sum_sq += ratio * ratio;
      ++n;
    }
  }
  EXPECT_NEAR(approvals / double(n), 0.8, 5 * std::sqrt(0.8 * 0.2 / n));
  // Var of exp(σZ − σ²/2) is exp(σ²) − 1.
  const double sd = std::sqrt(std::exp(0.01) - 1);
  EXPECT_NEAR(sum / n, 1.0, 5 * sd / std::sqrt(n));
  const double sample_var = sum_sq / n - (sum / n) * (sum / n);
  EXPECT_NEAR(std::sqrt(sample_var), sd, 5 * sd / std::sqrt(2.0 * n));
}

TEST_F(AuditTest, SameSeedAndReplicateSameAudit) {
  for (int k = 0; k < 30; ++k) add(Status::kExited, 1, 3400);
  index();
  const Draw d = draw_all();
  AuditResult a, b, c;
  audit_draw(reg_, config_, d, 7, 3, &a);
  audit_draw(reg_, config_, d, 7, 3, &b);
  audit_draw(reg_, config_, d, 7, 4, &c);
  ASSERT_EQ(a.households.size(), b.households.size());
  for (std::size_t k = 0; k < a.households.size(); ++k)
    EXPECT_EQ(a.households[k].assessed_income, b.households[k].assessed_income);
  EXPECT_NE(a.households[0].assessed_income, c.households[0].assessed_income);
}

}  // namespace
}  // namespace kaoping
