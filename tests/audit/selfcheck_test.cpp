// The self-check (`audit --all`) finds exactly the households that break each rule on a
// hand-built county, with readable details, and nothing on a clean one.
#include "audit/selfcheck.h"

#include <gtest/gtest.h>

#include <limits>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "config/config.h"

namespace kaoping {
namespace {

class SelfCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* t : {"T1", "T2"}) reg_.townships.push_back({t, t, 60});
    for (const auto& [v, t] : {std::pair{"V1", "T1"}, {"V2", "T1"}, {"V3", "T2"}}) {
      Village village;
      village.id = v;
      village.township_id = t;
      reg_.villages.push_back(village);
    }
    config_.standards.criteria = {{Rate::kWrongExit, true, 0.02},
                                  {Rate::kOmission, true, 0.02},
                                  {Rate::kSatisfaction, false, 0.90},
                                  {Rate::kMisInclusion, true, 0.02}};
  }
  /// A household that breaks nothing: above the line, below twice it, 4 measures that
  /// answer its cause, every card.
  int add(const std::string& id, const std::string& village, Status status) {
    Households& h = reg_.households;
    const std::size_t i = h.add_default();
    h.id[i] = id;
    h.village_id[i] = village;
    h.status[i] = status;
    h.size[i] = 3;
    h.income[i] = 5000;
    h.income_system[i] = 5000;
    if (is_registered(status)) {
      h.cause[i] = Cause::kIllness;
      h.measures[i] = kMsHealth | kMsIndustry | kMsTraining | kMsFinance;
      h.cards[i] = kAllCards;
    }
    return static_cast<int>(i);
  }
  /// A clean county: every status in every village.
  void clean_county() {
    int n = 0;
    for (const char* v : {"V1", "V2", "V3"})
      for (Status s :
           {Status::kPoor, Status::kPlannedExit, Status::kExited, Status::kNonRegistered})
        for (int k = 0; k < 3; ++k) add("C" + std::to_string(++n), v, s);
  }
  SelfCheckResult run() {
    std::string err;
    EXPECT_TRUE(reg_.build_indexes(&err)) << err;
    SelfCheckResult r;
    self_check(reg_, config_, &r);
    return r;
  }
  std::set<std::pair<std::string, std::string>> found(const SelfCheckResult& r) {
    std::set<std::pair<std::string, std::string>> out;
    for (const HouseholdFinding& f : r.findings)
      out.emplace(reg_.households.id[f.household], std::string(to_string(f.detail.finding)));
    return out;
  }
  Registry reg_;
  Config config_;
};

TEST_F(SelfCheckTest, CleanCountyFindsNothing) {
  clean_county();
  const SelfCheckResult r = run();
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.county.households, 36);
  EXPECT_EQ(r.county.flagged, 0);
  for (int k = 0; k < kRuleFindingCount; ++k) EXPECT_EQ(r.county.rates.value[k], 0.0);
  for (const UnitSummary& u : r.villages) EXPECT_EQ(u.flagged, 0);
}

TEST_F(SelfCheckTest, FindsExactlyTheHouseholdsBreakingEachRule) {
  clean_county();
  Households& h = reg_.households;
  int i = add("WE1", "V1", Status::kExited);
  h.income[i] = h.income_system[i] = 3100;
  i = add("WE2", "V1", Status::kExited);
  h.housing[i] = Housing::kC;
  h.dropouts[i] = 1;
  i = add("WE3", "V2", Status::kExited);  // relocated from a D house: safe, no finding
  h.housing[i] = Housing::kD;
  h.relocated[i] = 1;
  i = add("OM1", "V2", Status::kNonRegistered);
  h.income[i] = h.income_system[i] = 2000;
  i = add("OM2", "V3", Status::kNonRegistered);  // excluded: not an omission
  h.income[i] = h.income_system[i] = 2000;
  h.excluded[i] = kExTownHouse;
  i = add("OM3", "V3", Status::kNonRegistered);
  h.uninsured[i] = 2;
  i = add("MI1", "V3", Status::kPoor);
  h.excluded[i] = kExCar | kExOfficial;
  i = add("MI2", "V3", Status::kPoor);
  h.income[i] = h.income_system[i] = 7000;
  i = add("PE1", "V1", Status::kPlannedExit);
  h.income[i] = h.income_system[i] = 3334;
  i = add("IN1", "V1", Status::kPoor);
  h.income_system[i] = 3999;  // 1001 apart > 0.2 · 5000 (1000 apart would be within)
  i = add("IN2", "V2", Status::kExited);
  h.archive_consistent[i] = 0;
  i = add("FM1", "V2", Status::kPoor);
  h.measures[i] = kMsHealth | kMsIndustry | kMsTraining;
  i = add("MM1", "V2", Status::kPoor);
  h.measures[i] = kMsIndustry | kMsTraining | kMsFinance | kMsWater;  // illness: no health
  i = add("MC1", "V3", Status::kExited);
  h.cards[i] = kCardContact;
  const SelfCheckResult r = run();
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(found(r), (std::set<P>{{"WE1", "wrong_exit"},
                                   {"WE2", "wrong_exit"},
                                   {"OM1", "omission"},
                                   {"OM3", "omission"},
                                   {"MI1", "mis_inclusion"},
                                   {"MI2", "mis_inclusion"},
                                   {"PE1", "planned_exit_shortfall"},
                                   {"IN1", "inconsistency"},
                                   {"IN2", "inconsistency"},
                                   {"FM1", "few_measures"},
                                   {"MM1", "measure_mismatch"},
                                   {"MC1", "missing_cards"}}));
  // What each finding rests on, whole: a figure too many or too few fails. The words made
  // of them are tested in tests/reports/audit_report_test.cpp.
  std::map<std::string, FindingDetail> detail;
  for (const HouseholdFinding& f : r.findings) detail[h.id[f.household]] = f.detail;
  using F = Finding;
  // income 3100 < line 3335
  EXPECT_EQ(
      detail["WE1"],
      (FindingDetail{.finding = F::kWrongExit, .income = 3100, .line = 3335, .below_line = true}));
  // housing C; dropouts 1
  EXPECT_EQ(
      detail["WE2"],
      (FindingDetail{.finding = F::kWrongExit,
                     .income = 5000,
                     .line = 3335,
                     .gaps = {.housing_unsafe = true, .housing = Housing::kC, .dropouts = 1}}));
  // income 2000 < line 3335
  EXPECT_EQ(
      detail["OM1"],
      (FindingDetail{.finding = F::kOmission, .income = 2000, .line = 3335, .below_line = true}));
  // uninsured 2
  EXPECT_EQ(detail["OM3"],
            (FindingDetail{
                .finding = F::kOmission, .income = 5000, .line = 3335, .gaps = {.uninsured = 2}}));
  // excluded official;car
  EXPECT_EQ(detail["MI1"], (FindingDetail{.finding = F::kMisInclusion,
                                          .income = 5000,
                                          .line = 3335,
                                          .multiple = 2,
                                          .excluded = kExCar | kExOfficial}));
  // income 7000 >= 2 × line 3335
  EXPECT_EQ(detail["MI2"], (FindingDetail{.finding = F::kMisInclusion,
                                          .income = 7000,
                                          .line = 3335,
                                          .multiple = 2,
                                          .above_multiple = true}));
  // income 3334 < line 3335
  EXPECT_EQ(
      detail["PE1"],
      (FindingDetail{
          .finding = F::kPlannedExitShortfall, .income = 3334, .line = 3335, .below_line = true}));
  // system income 3999 vs field 5000
  EXPECT_EQ(detail["IN1"], (FindingDetail{.finding = F::kInconsistency,
                                          .income_disagrees = true,
                                          .income_system = 3999,
                                          .income_field = 5000}));
  // archive disagrees with the system
  EXPECT_EQ(detail["IN2"], (FindingDetail{.finding = F::kInconsistency,
                                          .archive_disagrees = true,
                                          .income_system = 5000,
                                          .income_field = 5000}));
  // 3 measures, fewer than 4
  EXPECT_EQ(detail["FM1"], (FindingDetail{.finding = F::kFewMeasures, .measure_count = 3}));
  // cause illness; measures industry;training;finance;water
  EXPECT_EQ(detail["MM1"],
            (FindingDetail{.finding = F::kMeasureMismatch,
                           .cause = Cause::kIllness,
                           .measures = kMsIndustry | kMsTraining | kMsFinance | kMsWater}));
  // missing help_card;record_book
  EXPECT_EQ(detail["MC1"], (FindingDetail{.finding = F::kMissingCards,
                                          .missing_cards = kCardHelp | kCardRecordBook}));

  // Counts by unit; the worst village first (V3: MI1, MI2, OM3 break rules, MC1 readiness).
  EXPECT_EQ(r.county.flagged, 12);
  EXPECT_EQ(r.county.rule_flagged, 9);
  ASSERT_EQ(r.villages.size(), 3u);
  EXPECT_EQ(reg_.villages[r.villages[0].unit].id, "V1");  // WE1, WE2, PE1, IN1: 4 rule
  EXPECT_EQ(r.villages[0].rule_flagged, 4);
  EXPECT_EQ(reg_.villages[r.villages[1].unit].id, "V3");  // OM3, MI1, MI2: 3 rule + MC1
  EXPECT_EQ(r.villages[1].flagged, 4);
  EXPECT_EQ(reg_.villages[r.villages[2].unit].id, "V2");  // OM1, IN2: 2 rule + FM1, MM1
  EXPECT_EQ(r.villages[2].count[static_cast<int>(Finding::kFewMeasures)], 1);
  EXPECT_EQ(reg_.townships[r.townships[0].unit].id, "T1");
  EXPECT_EQ(r.townships[0].rule_flagged, 6);

  // County wrong-exit rate, person basis: 2 households of 3 persons among
  // 9 clean exited + WE1, WE2, WE3, IN2, MC1 = 14 households of 3 persons.
  EXPECT_DOUBLE_EQ(r.county.rates.value[static_cast<int>(Rate::kWrongExit)], 6.0 / 42);
  EXPECT_FALSE(r.county.verdict.pass);
}

TEST_F(SelfCheckTest, UnverifiedHouseholdsAreAToDoOfTheirOwn) {
  clean_county();
  Households& h = reg_.households;
  // An unverified household with no income is judged on what its record holds (nothing to
  // find), but listed to be visited, village by village.
  for (std::size_t i : {std::size_t{30}, std::size_t{2}, std::size_t{14}}) {
    h.verified[i] = 0;
    h.income[i] = std::numeric_limits<double>::quiet_NaN();
  }
  const SelfCheckResult r = run();
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.county.unverified, 3);
  EXPECT_EQ(r.unverified, (std::vector<int>{2, 14, 30}));  // V1, V2, V3 in turn
  int by_village = 0;
  for (const UnitSummary& u : r.villages) {
    EXPECT_EQ(u.unverified, 1);
    by_village += u.unverified;
  }
  EXPECT_EQ(by_village, 3);
}

TEST_F(SelfCheckTest, SatisfactionIsTheExpectedShare) {
  add("A", "V1", Status::kPoor);           // default 0.95
  add("B", "V1", Status::kNonRegistered);  // default 0.90
  const int c = add("C", "V1", Status::kExited);
  reg_.households.satisfaction[c] = 0.5;
  const SelfCheckResult r = run();
  EXPECT_DOUBLE_EQ(r.county.rates.value[static_cast<int>(Rate::kSatisfaction)],
                   (0.95 + 0.90 + 0.5) / 3);
}

}  // namespace
}  // namespace kaoping
