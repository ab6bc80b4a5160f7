// finding_detail states what a finding rests on: every guarantee a household misses, the
// income and the bound it is compared with, the codes of exclusions, measures and cards.
#include "audit/findings.h"

#include <gtest/gtest.h>

#include "config/config.h"

namespace kaoping {
namespace {

class FindingDetailTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diag;
    ASSERT_TRUE(load_config("", {}, &config_, &diag));
  }
  /// A registered household that breaks nothing at 5000 yuan.
  std::size_t add(Status status) {
    const std::size_t i = h_.add_default();
    h_.status[i] = status;
    h_.size[i] = 2;
    h_.income[i] = h_.income_system[i] = 5000;
    h_.cause[i] = Cause::kIllness;
    h_.measures[i] = kMsHealth | kMsIndustry | kMsTraining | kMsFinance;
    h_.cards[i] = kAllCards;
    return i;
  }
  const StandardsConfig& standards() const { return config_.standards; }
  Households h_;
  Config config_;
};

TEST_F(FindingDetailTest, EveryGuaranteeMissedIsStated) {
  const std::size_t i = add(Status::kExited);
  h_.food_secure[i] = h_.clothing_secure[i] = h_.water_safe[i] = 0;
  h_.housing[i] = Housing::kD;
  h_.dropouts[i] = 2;
  h_.uninsured[i] = 1;
  const FindingDetail d = finding_detail(h_, i, Finding::kWrongExit, standards(), 3000);
  EXPECT_EQ(d, (FindingDetail{.finding = Finding::kWrongExit,
                              .income = 3000,
                              .line = 3335,
                              .below_line = true,
                              .gaps = {.food_insecure = true,
                                       .clothing_insecure = true,
                                       .water_unsafe = true,
                                       .housing_unsafe = true,
                                       .housing = Housing::kD,
                                       .dropouts = 2,
                                       .uninsured = 1}}));
  EXPECT_FALSE(guarantees_met(h_, i));
}

TEST_F(FindingDetailTest, RelocationSettlesUnsafeHousing) {
  const std::size_t i = add(Status::kPlannedExit);
  h_.housing[i] = Housing::kC;
  h_.relocated[i] = 1;
  const FindingDetail d = finding_detail(h_, i, Finding::kPlannedExitShortfall, standards(), 5000);
  EXPECT_EQ(d.gaps, (GuaranteeGaps{.housing = Housing::kC}));
  EXPECT_FALSE(d.below_line);
  EXPECT_TRUE(guarantees_met(h_, i));
}

TEST_F(FindingDetailTest, TheLineItselfIsNotBelowIt) {
  const std::size_t i = add(Status::kExited);
  EXPECT_FALSE(finding_detail(h_, i, Finding::kWrongExit, standards(), 3335).below_line);
  EXPECT_TRUE(finding_detail(h_, i, Finding::kWrongExit, standards(), 3334.99).below_line);
}

TEST_F(FindingDetailTest, OmissionCountsGuaranteesOnlyWhenTheyIdentify) {
  const std::size_t i = add(Status::kNonRegistered);
  h_.water_safe[i] = 0;
  config_.standards.identification = Identification::kIncomeOrGuarantees;
  EXPECT_EQ(finding_detail(h_, i, Finding::kOmission, standards(), 2000).gaps,
            (GuaranteeGaps{.water_unsafe = true}));
  config_.standards.identification = Identification::kIncome;
  const FindingDetail d = finding_detail(h_, i, Finding::kOmission, standards(), 2000);
  EXPECT_EQ(d.gaps, GuaranteeGaps{});
  EXPECT_TRUE(d.below_line);
}

TEST_F(FindingDetailTest, AssessedIncomeIsMarkedAsTheEvaluators) {
  const std::size_t i = add(Status::kPoor);
  h_.excluded[i] = kExCompany;
  const FindingDetail d =
      finding_detail(h_, i, Finding::kMisInclusion, standards(), 6670.5, /*assessed=*/true);
  EXPECT_EQ(d, (FindingDetail{.finding = Finding::kMisInclusion,
                              .assessed = true,
                              .income = 6670.5,
                              .line = 3335,
                              .multiple = 2,
                              .above_multiple = true,
                              .excluded = kExCompany}));
  // Just under 2 × line: the exclusion alone.
  EXPECT_FALSE(finding_detail(h_, i, Finding::kMisInclusion, standards(), 6669.99).above_multiple);
}

TEST_F(FindingDetailTest, InconsistencyStatesEachDisagreement) {
  const std::size_t i = add(Status::kPoor);
  h_.income_system[i] = 4000;  // 1000 apart: within 0.2 × 5000
  h_.members_mismatch[i] = 1;
  FindingDetail d = finding_detail(h_, i, Finding::kInconsistency, standards(), 5000);
  EXPECT_EQ(d, (FindingDetail{.finding = Finding::kInconsistency,
                              .income_system = 4000,
                              .income_field = 5000,
                              .members_disagree = true}));
  h_.income_system[i] = 3999;
  h_.archive_consistent[i] = 0;
  d = finding_detail(h_, i, Finding::kInconsistency, standards(), 5000);
  EXPECT_TRUE(d.income_disagrees);
  EXPECT_TRUE(d.archive_disagrees);
}

TEST_F(FindingDetailTest, ReadinessStatesMeasuresAndCards) {
  const std::size_t i = add(Status::kExited);
  h_.measures[i] = kMsIndustry;
  h_.cause[i] = Cause::kEducation;
  h_.cards[i] = kCardHelp;
  EXPECT_EQ(finding_detail(h_, i, Finding::kFewMeasures, standards(), 5000),
            (FindingDetail{.finding = Finding::kFewMeasures, .measure_count = 1}));
  EXPECT_EQ(finding_detail(h_, i, Finding::kMeasureMismatch, standards(), 5000),
            (FindingDetail{.finding = Finding::kMeasureMismatch,
                           .cause = Cause::kEducation,
                           .measures = kMsIndustry}));
  EXPECT_EQ(finding_detail(h_, i, Finding::kMissingCards, standards(), 5000),
            (FindingDetail{.finding = Finding::kMissingCards,
                           .missing_cards = kCardContact | kCardRecordBook}));
}

}  // namespace
}  // namespace kaoping
