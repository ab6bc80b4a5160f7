// The planner on a hand-built county whose plan can be worked out on paper, and the checker
// catching each kind of broken plan.
#include "schedule/plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "schedule/check.h"

namespace kaoping {
namespace {

// Two townships: T1 (60 minutes from the county seat) with V1 (30 from its township seat)
// and V2 (20), T2 (90) with V3 (45). V1 has groups G1, G2 with contacts, V2 has G3 without
// a contact name, V3 has no groups.
class PlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    reg_.townships = {{"T1", "一乡", 60}, {"T2", "二乡", 90}};
    reg_.villages.push_back({"V1", "T1", -1, "一村", 0, 0, 0, std::nullopt, 30});
    reg_.villages.push_back({"V2", "T1", -1, "二村", 0, 0, 0, std::nullopt, 20});
    reg_.villages.push_back({"V3", "T2", -1, "三村", 0, 0, 0, std::nullopt, 45});
    reg_.groups.push_back({"G1", "V1", -1, "一组", "张三", "13800000001"});
    reg_.groups.push_back({"G2", "V1", -1, "二组", "李四", "13800000002"});
    reg_.groups.push_back({"G3", "V2", -1, "三组", "", ""});
    // V1: 10 households, H101..H105 in G1 (H104, H105 speak yi), H106..H110 in G2.
    for (int i = 1; i <= 10; ++i)
      add("H1" + std::string(i < 10 ? "0" : "") + std::to_string(i), "V1", i <= 5 ? "G1" : "G2",
          i == 4 || i == 5 ? "yi" : "zh");
    for (int i = 1; i <= 4; ++i) add("H20" + std::to_string(i), "V2", "G3", "zh");
    // V3: 5 households without a group, H301 speaks hani.
    for (int i = 1; i <= 5; ++i) add("H30" + std::to_string(i), "V3", "", i == 1 ? "hani" : "zh");
    // Guides: V1 has A (zh, yi), B, C (knows G1); V2 has D only; V3 has E, F, G.
    guide("A", "V1", {"zh", "yi"}, {});
    guide("B", "V1", {"zh"}, {"G2"});
    guide("C", "V1", {"zh"}, {"G1"});
    guide("D", "V2", {"zh"}, {});
    guide("E", "V3", {"zh"}, {});
    guide("F", "V3", {"zh"}, {});
    guide("G", "V3", {"zh"}, {});
    Staff p;
    p.id = "P";
    p.name = "译员";
    p.role = StaffRole::kInterpreter;
    p.languages = {"zh", "hani"};
    reg_.staff.push_back(p);
    std::string err;
    ASSERT_TRUE(reg_.build_indexes(&err)) << err;
  }

  void add(const std::string& id, const std::string& village, const std::string& group,
           const std::string& language) {
    const std::size_t h = reg_.households.add_default();
    reg_.households.id[h] = id;
    reg_.households.village_id[h] = village;
    reg_.households.group_id[h] = group;
    reg_.households.language[h] = language;
    reg_.households.id_number[h] = "530102199001011234";
  }

  void guide(const std::string& id, const std::string& village, std::vector<std::string> languages,
             std::vector<std::string> groups) {
    Staff s;
    s.id = id;
    s.name = "向导" + id;
    s.phone = "1390000000" + std::to_string(reg_.staff.size());
    s.role = StaffRole::kGuide;
    s.village_id = village;
    s.languages = std::move(languages);
    s.groups = std::move(groups);
    reg_.staff.push_back(s);
  }

  std::vector<int> all() const {
    std::vector<int> out(reg_.households.count());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<int>(i);
    return out;
  }

  std::vector<int> of(const std::string& village) const {
    std::vector<int> out;
    for (std::size_t i = 0; i < reg_.households.count(); ++i)
      if (reg_.households.village_id[i] == village) out.push_back(static_cast<int>(i));
    return out;
  }

  const PlannedVisit& visit_of(const Plan& plan, const std::string& household) const {
    const int h = reg_.household_index.at(household);
    for (const PlannedVisit& v : plan.visits)
      if (v.household == h) return v;
    ADD_FAILURE() << household << " not visited";
    return plan.visits.front();
  }

  int count_gaps(const Plan& plan, GapKind kind) const {
    return static_cast<int>(std::count_if(plan.gaps.begin(), plan.gaps.end(),
                                          [&](const Gap& g) { return g.kind == kind; }));
  }

  std::string check(const std::vector<int>& households, const Plan& plan) const {
    std::vector<std::string> problems;
    check_plan(reg_, households, config_, plan, &problems);
    std::string text;
    for (const std::string& p : problems) text += p + "\n";
    return text;
  }

  Registry reg_;
  ScheduleConfig config_;
};

TEST_F(PlanTest, TravelGoesThroughTownshipAndCountySeats) {
  EXPECT_EQ(travel_minutes(reg_, -1, 0), 90);  // county seat -> T1 -> V1
  EXPECT_EQ(travel_minutes(reg_, 0, 1), 50);   // V1 -> T1 seat -> V2
  EXPECT_EQ(travel_minutes(reg_, 1, 2), 20 + 60 + 90 + 45);
  EXPECT_EQ(travel_minutes(reg_, 2, 2), 0);
  EXPECT_EQ(travel_minutes(reg_, 2, -1), 135);
}

TEST_F(PlanTest, CompletePlanKeepsEveryRule) {
  Plan plan;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, all(), config_, &plan, &err)) << err;
  EXPECT_EQ(plan.visits.size(), reg_.households.count());
  EXPECT_EQ(plan.villages, 3);
  EXPECT_EQ(check(all(), plan), "");
  // Three teams, three villages: each team takes one and leaves the county seat at 08:30.
  EXPECT_EQ(format_clock(visit_of(plan, "H201").start), "09:50");  // 60 + 20 minutes
  EXPECT_EQ(format_clock(visit_of(plan, "H101").start), "10:00");  // 60 + 30
  EXPECT_EQ(format_clock(visit_of(plan, "H301").start), "10:45");  // 90 + 45
  EXPECT_EQ(plan.first_day.str(), "2017-09-05");
  EXPECT_EQ(plan.last_day.str(), "2017-09-05");
}

TEST_F(PlanTest, GuidesInterpretersAndContacts) {
  Plan plan;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, all(), config_, &plan, &err)) << err;
  // The yi households are interpreted by guide A, the only one who speaks yi.
  EXPECT_EQ(reg_.staff[visit_of(plan, "H104").interpreter].id, "A");
  EXPECT_EQ(reg_.staff[visit_of(plan, "H105").interpreter].id, "A");
  // The hani household by the county interpreter.
  EXPECT_EQ(reg_.staff[visit_of(plan, "H301").interpreter].id, "P");
  EXPECT_EQ(visit_of(plan, "H101").interpreter, -1);
  // V2 has one guide for three parallel enumerators: it is short of guides, and of its 4
  // visits (two rounds of two parallel visits) 2 go without a guide.
  EXPECT_EQ(count_gaps(plan, GapKind::kGuidesShort), 1);
  EXPECT_EQ(count_gaps(plan, GapKind::kNoGuide), 2);
  EXPECT_EQ(count_gaps(plan, GapKind::kNoInterpreter), 0);
  // G3 has no contact name and V3's households no group: 4 + 5 households notified by a guide.
  EXPECT_EQ(count_gaps(plan, GapKind::kNoContact), 9);
  // G1's contact notifies H101 at 19:00 the day before its visit.
  for (const Notification& n : plan.notifications) {
    if (reg_.households.id[n.household] != "H101") continue;
    EXPECT_EQ(n.contact_name, "张三");
    EXPECT_EQ(n.date.str(), "2017-09-04");
    EXPECT_EQ(format_clock(n.minutes), "19:00");
  }
  // Each village's visits spread over all its guides.
  std::vector<int> v1_guides;
  for (const PlannedVisit& v : plan.visits)
    if (v.village == 0 && std::find(v1_guides.begin(), v1_guides.end(), v.guide) == v1_guides.end())
      v1_guides.push_back(v.guide);
  EXPECT_EQ(v1_guides.size(), 3u);
}

TEST_F(PlanTest, VisitsSkipLunchAndContinueNextDay) {
  config_.teams = 1;
  config_.enumerators_per_team = 1;
  Plan plan;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, of("V1"), config_, &plan, &err)) << err;
  ASSERT_EQ(plan.visits.size(), 10u);
  std::vector<std::string> times;
  for (const PlannedVisit& v : plan.visits)
    times.push_back(v.date.str() + " " + format_clock(v.start));
  const std::vector<std::string> expected = {
      "2017-09-05 10:00", "2017-09-05 10:40", "2017-09-05 11:20", "2017-09-05 13:30",
      "2017-09-05 14:10", "2017-09-05 14:50", "2017-09-05 15:30", "2017-09-05 16:10",
      "2017-09-05 16:50", "2017-09-06 08:30"};
  EXPECT_EQ(times, expected);
  // Ordered by group: G1 first.
  EXPECT_EQ(reg_.households.id[plan.visits[0].household], "H101");
  EXPECT_EQ(reg_.households.id[plan.visits[9].household], "H110");
  EXPECT_EQ(check(of("V1"), plan), "");
}

TEST_F(PlanTest, OneTeamTravelsBetweenVillagesInsideTheDay) {
  config_.teams = 1;
  Plan plan;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, all(), config_, &plan, &err)) << err;
  EXPECT_EQ(check(all(), plan), "");
  // Order: T1 (V2 at 20 minutes, then V1 at 30), then T2. V2: 2 rounds from 09:50, ends
  // 11:10; V1 is 50 minutes away: 12:00 would overlap lunch, so 13:30.
  EXPECT_EQ(format_clock(visit_of(plan, "H101").start), "13:30");
}

TEST_F(PlanTest, WindowTooShortIsImpossible) {
  config_.teams = 1;
  config_.enumerators_per_team = 1;
  config_.window_end = {2017, 9, 6};
  Plan plan;
  std::string err;
  EXPECT_FALSE(plan_schedule(reg_, all(), config_, &plan, &err));
  EXPECT_EQ(err,
            "the 19 visits need every day from 2017-09-05 to 2017-09-07 but the window ends "
            "2017-09-06: add teams (schedule.teams), enumerators "
            "(schedule.enumerators_per_team) or days (schedule.window)");
}

TEST_F(PlanTest, VisitLongerThanTheDayIsImpossible) {
  config_.visit_minutes = 600;
  Plan plan;
  std::string err;
  EXPECT_FALSE(plan_schedule(reg_, all(), config_, &plan, &err));
  EXPECT_EQ(err,
            "a visit of 600 minutes does not fit in the working day 08:30-18:00 around lunch "
            "12:00-13:30");
}

TEST_F(PlanTest, JourneyLongerThanTheDayIsImpossible) {
  reg_.villages[2].travel_minutes = 600;
  Plan plan;
  std::string err;
  EXPECT_FALSE(plan_schedule(reg_, all(), config_, &plan, &err));
  EXPECT_EQ(err,
            "village V3: the journey of 690 minutes from the county seat leaves no time for a "
            "visit in the working day");
}

TEST_F(PlanTest, EmptyRosterGivesGapsNotABrokenPlan) {
  reg_.staff.clear();
  Plan plan;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, all(), config_, &plan, &err)) << err;
  EXPECT_EQ(check(all(), plan), "");
  EXPECT_EQ(count_gaps(plan, GapKind::kGuidesShort), 3);
  EXPECT_EQ(count_gaps(plan, GapKind::kNoGuide), 19);
  EXPECT_EQ(count_gaps(plan, GapKind::kNoInterpreter), 3);  // H104, H105 (yi), H301 (hani)
  for (const Gap& g : plan.gaps) {
    if (g.kind == GapKind::kNoInterpreter && g.language == "hani") {
      EXPECT_EQ(g.detail, "nobody on the roster for this village speaks hani");
    }
    if (g.kind == GapKind::kGuidesShort && g.village == 1) {
      EXPECT_EQ(g.detail, "only 0 guides on the roster (schedule.guides_per_village: 3)");
    }
  }
}

TEST_F(PlanTest, PoolInterpreterCannotBeInTwoVillagesAtOnce) {
  // H201 in V2 also speaks hani: V2 and V3 are visited at the same time by two teams, and
  // the only hani interpreter needs 215 minutes between them.
  reg_.households.language[reg_.household_index.at("H201")] = "hani";
  Plan plan;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, all(), config_, &plan, &err)) << err;
  EXPECT_EQ(check(all(), plan), "");
  EXPECT_EQ(reg_.staff[visit_of(plan, "H201").interpreter].id, "P");
  EXPECT_EQ(visit_of(plan, "H301").interpreter, -1);
  ASSERT_EQ(count_gaps(plan, GapKind::kNoInterpreter), 1);
  for (const Gap& g : plan.gaps) {
    if (g.kind == GapKind::kNoInterpreter) {
      EXPECT_EQ(g.detail,
                "no guide of the village or county interpreter who speaks hani is free at "
                "2017-09-05 10:45");
    }
  }
}

TEST_F(PlanTest, DuplicateHouseholdIsRejected) {
  std::vector<int> list = {0, 1, 0};
  Plan plan;
  std::string err;
  EXPECT_FALSE(plan_schedule(reg_, list, config_, &plan, &err));
  EXPECT_EQ(err, "household H101 is listed twice");
}

// The checker must catch each way a plan can break.
TEST_F(PlanTest, CheckerCatchesBrokenPlans) {
  Plan good;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, all(), config_, &good, &err)) << err;
  ASSERT_EQ(check(all(), good), "");
  auto index_of = [&](const Plan& plan, const std::string& id) {
    const int h = reg_.household_index.at(id);
    for (std::size_t i = 0; i < plan.visits.size(); ++i)
      if (plan.visits[i].household == h) return i;
    return plan.visits.size();
  };
  {
    Plan p = good;
    p.visits.erase(p.visits.begin() + index_of(p, "H110"));
    p.notifications.clear();
    EXPECT_NE(check(all(), p).find("household H110 is visited 0 times, not once"),
              std::string::npos);
  }
  {
    Plan p = good;
    PlannedVisit& v = p.visits[index_of(p, "H101")];
    v.start = 11 * 60 + 40, v.end = 12 * 60 + 20;
    EXPECT_NE(check(all(), p).find("visit of H101 on 2017-09-05 at 11:40: overlaps lunch"),
              std::string::npos);
  }
  {
    // Two parallel visits of V1 led by the same guide.
    Plan p = good;
    const std::size_t a = index_of(p, "H101");
    std::size_t b = p.visits.size();
    for (std::size_t i = 0; i < p.visits.size(); ++i)
      if (i != a && p.visits[i].village == 0 && p.visits[i].start == p.visits[a].start &&
          p.visits[i].date == p.visits[a].date)
        b = i;
    ASSERT_LT(b, p.visits.size());
    p.visits[b].guide = p.visits[a].guide;
    if (p.visits[b].interpreter >= 0) p.visits[b].interpreter = p.visits[a].guide;
    EXPECT_NE(check(all(), p).find("is at two visits at once"), std::string::npos);
  }
  {
    Plan p = good;
    p.visits[index_of(p, "H104")].interpreter = reg_.staff.size() - 1;  // P speaks hani only
    EXPECT_NE(check(all(), p).find("interpreter P does not speak yi"), std::string::npos);
  }
  {
    Plan p = good;
    p.visits[index_of(p, "H301")].guide = 0;  // guide A of V1
    EXPECT_NE(check(all(), p).find("A is not a guide of village V3"), std::string::npos);
  }
  {
    Plan p = good;
    p.gaps.clear();
    const std::string problems = check(all(), p);
    EXPECT_NE(problems.find("village V2 has 1 guides, fewer than 3, and no gap says so"),
              std::string::npos);
    EXPECT_NE(problems.find("no guide and no gap says so"), std::string::npos);
  }
  {
    Plan p = good;
    p.notifications[0].date = p.visits[p.notifications[0].visit].date;
    p.notifications[0].minutes = 23 * 60;
    EXPECT_NE(check(all(), p).find("not before the visit"), std::string::npos);
  }
  {
    // A team cannot start in V3 before the journey from the county seat is over.
    Plan p = good;
    PlannedVisit& v = p.visits[index_of(p, "H301")];
    v.start = 9 * 60, v.end = 9 * 60 + 40;
    EXPECT_NE(check(all(), p).find("cannot reach village V3 by 2017-09-05 09:00 (135 minutes"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace kaoping
