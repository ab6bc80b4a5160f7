// The planner on a hand-built county whose plan can be worked out on paper, the figures of
// each kind of gap, and the checker catching each kind of broken plan.
#include "schedule/plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "schedule/check.h"
#include "tests/schedule/hand_county.h"

namespace kaoping {
namespace {

// The hand-built county of hand_county.h, whose plan can be worked out on paper.
class PlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    reg_ = schedule_test::hand_county();
    ASSERT_EQ(reg_.households.count(), 19u);
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

  std::vector<PlanProblem> problems(const std::vector<int>& households, const Plan& plan) const {
    std::vector<PlanProblem> out;
    check_plan(reg_, households, config_, plan, &out);
    return out;
  }

  /// The kinds of the problems found, one a line; "" for a plan that keeps every rule.
  std::string check(const std::vector<int>& households, const Plan& plan) const {
    std::string text;
    for (const PlanProblem& p : problems(households, plan))
      text += std::string(to_string(p.kind)) + " at visit " + std::to_string(p.visit) + "\n";
    return text;
  }

  const Gap* first_gap(const Plan& plan, GapKind kind, int village = -1) const {
    for (const Gap& g : plan.gaps)
      if (g.kind == kind && (village < 0 || g.village == village)) return &g;
    return nullptr;
  }

  int staff(const std::string& id) const {
    for (std::size_t s = 0; s < reg_.staff.size(); ++s)
      if (reg_.staff[s].id == id) return static_cast<int>(s);
    return -1;
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
  // 40 minutes a visit and 5 to walk to the next household, on the five minutes: 10:00,
  // 10:45, then 11:30 would end 12:10, over lunch, so 13:30.
  const std::vector<std::string> expected = {
      "2017-09-05 10:00", "2017-09-05 10:45", "2017-09-05 13:30", "2017-09-05 14:15",
      "2017-09-05 15:00", "2017-09-05 15:45", "2017-09-05 16:30", "2017-09-05 17:15",
      "2017-09-06 08:30", "2017-09-06 09:15"};
  EXPECT_EQ(times, expected);
  // Without the walk the visits follow one another.
  config_.walk_minutes = 0;
  Plan no_walk;
  ASSERT_TRUE(plan_schedule(reg_, of("V1"), config_, &no_walk, &err)) << err;
  times.clear();
  for (const PlannedVisit& v : no_walk.visits)
    times.push_back(v.date.str() + " " + format_clock(v.start));
  EXPECT_EQ(times,
            (std::vector<std::string>{"2017-09-05 10:00", "2017-09-05 10:40", "2017-09-05 11:20",
                                      "2017-09-05 13:30", "2017-09-05 14:10", "2017-09-05 14:50",
                                      "2017-09-05 15:30", "2017-09-05 16:10", "2017-09-05 16:50",
                                      "2017-09-06 08:30"}));
  config_.walk_minutes = 5;
  // Ordered by group: G1 first.
  EXPECT_EQ(reg_.households.id[plan.visits[0].household], "H101");
  EXPECT_EQ(reg_.households.id[plan.visits[9].household], "H110");
  EXPECT_EQ(check(of("V1"), plan), "");
}

TEST_F(PlanTest, ReservesStandByForEachDayOfTheirVillage) {
  config_.teams = 1;
  config_.enumerators_per_team = 1;
  // One team visits V2 without H204 (3 visits from 09:50), then V1 without H110 from 13:30:
  // six visits that day and three the next from 08:30. H204 (G3 has no contact: V2's guide D
  // notifies) and H110 (G2, contact 李四) are the reserves.
  std::vector<int> visited;
  for (int h : all())
    if (reg_.households.id[h] != "H110" && reg_.households.id[h] != "H204" &&
        reg_.households.village_id[h] != "V3")
      visited.push_back(h);
  Plan plan;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, visited, config_, &plan, &err)) << err;
  add_standby(reg_, {reg_.household_index.at("H110"), reg_.household_index.at("H204")}, &plan);
  std::vector<std::string> notes;
  for (const Notification& n : plan.standby) {
    const PlannedVisit& v = plan.visits[n.visit];
    notes.push_back(reg_.households.id[n.household] + " " + n.date.str() + " " +
                    format_clock(n.minutes) + " " + n.contact_name + " -> " + v.date.str() + " " +
                    format_clock(v.start) + " " + reg_.villages[v.village].id);
  }
  // One notice for each day the village is visited, the evening before, with that day's
  // first visit there.
  EXPECT_EQ(notes, (std::vector<std::string>{
                       "H204 2017-09-04 19:00 向导D -> 2017-09-05 09:50 V2",
                       "H110 2017-09-04 19:00 李四 -> 2017-09-05 13:30 V1",
                       "H110 2017-09-05 19:00 李四 -> 2017-09-06 08:30 V1",
                   }));
  // A village of one day: one notice.
  std::vector<int> v2 = of("V2");
  v2.pop_back();  // H204
  Plan one_day;
  ASSERT_TRUE(plan_schedule(reg_, v2, config_, &one_day, &err)) << err;
  add_standby(reg_, {reg_.household_index.at("H204")}, &one_day);
  EXPECT_EQ(one_day.standby.size(), 1u);
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
  // The figures behind "nobody on the roster for this village speaks hani" and "only 0
  // guides on the roster (schedule.guides_per_village: 3)" (their words:
  // tests/reports/schedule_report_test.cpp).
  int hani = 0, short_v2 = 0;
  for (const Gap& g : plan.gaps) {
    if (g.kind == GapKind::kNoInterpreter && g.language == "hani") {
      ++hani;
      EXPECT_EQ(g.village, 2);
      EXPECT_TRUE(g.busy.empty());
    }
    if (g.kind == GapKind::kGuidesShort && g.village == 1) {
      ++short_v2;
      EXPECT_EQ(g.guides, 0);
      EXPECT_EQ(g.guides_needed, 3);
      EXPECT_TRUE(g.busy.empty());
    }
    if (g.kind == GapKind::kNoGuide) {
      EXPECT_EQ(g.guides, 0);
      EXPECT_TRUE(g.busy.empty());
    }
    if (g.kind == GapKind::kNoContact) {
      EXPECT_EQ(g.notifier, -1);  // no guide anywhere: nobody notifies
    }
  }
  EXPECT_EQ(hani, 1);
  EXPECT_EQ(short_v2, 1);
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
  // The figures behind "no guide of the village or county interpreter who speaks hani is
  // free at 2017-09-05 10:45": P speaks it but is in V2.
  const Gap* g = first_gap(plan, GapKind::kNoInterpreter);
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->language, "hani");
  EXPECT_EQ(g->date.str(), "2017-09-05");
  EXPECT_EQ(format_clock(g->start), "10:45");
  EXPECT_EQ(g->busy, std::vector<int>{staff("P")});
  EXPECT_EQ(reg_.households.id[g->household], "H301");
  EXPECT_EQ(g->visit, static_cast<int>(schedule_test::visit_index(reg_, plan, "H301")));
}

TEST_F(PlanTest, DuplicateHouseholdIsRejected) {
  std::vector<int> list = {0, 1, 0};
  Plan plan;
  std::string err;
  EXPECT_FALSE(plan_schedule(reg_, list, config_, &plan, &err));
  EXPECT_EQ(err, "household H101 is listed twice");
}

// Each gap kind with the figures it carries, on the county with a full roster.
TEST_F(PlanTest, GapsCarryTheirFigures) {
  Plan plan;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, all(), config_, &plan, &err)) << err;
  // V2 has one guide, D, of the three a village should have.
  const Gap* short_v2 = first_gap(plan, GapKind::kGuidesShort);
  ASSERT_NE(short_v2, nullptr);
  EXPECT_EQ(short_v2->village, 1);
  EXPECT_EQ(short_v2->household, -1);
  EXPECT_EQ(short_v2->visit, -1);
  EXPECT_EQ(short_v2->start, -1);
  EXPECT_EQ(short_v2->guides, 1);
  EXPECT_EQ(short_v2->guides_needed, 3);
  EXPECT_EQ(short_v2->busy, std::vector<int>{staff("D")});
  // Its visits without a guide: D leads the other visit of the round.
  for (const Gap& g : plan.gaps) {
    if (g.kind != GapKind::kNoGuide) continue;
    EXPECT_EQ(g.village, 1);
    ASSERT_GE(g.visit, 0);
    const PlannedVisit& v = plan.visits[g.visit];
    EXPECT_EQ(v.household, g.household);
    EXPECT_EQ(v.guide, -1);
    EXPECT_EQ(g.date, v.date);
    EXPECT_EQ(g.start, v.start);
    EXPECT_EQ(g.guides, 1);
    EXPECT_EQ(g.busy, std::vector<int>{staff("D")});
    EXPECT_TRUE(g.language.empty());
    bool d_elsewhere = false;
    for (const PlannedVisit& w : plan.visits)
      d_elsewhere =
          d_elsewhere || (w.guide == staff("D") && w.date == v.date && w.start == v.start);
    EXPECT_TRUE(d_elsewhere);
  }
  // No contact: G3 (V2) has no contact person, V3's households no group; the visit's guide,
  // or else V2's first guide D, notifies.
  int g3 = 0, no_group = 0;
  for (const Gap& g : plan.gaps) {
    if (g.kind != GapKind::kNoContact) continue;
    const PlannedVisit& v = plan.visits[g.visit];
    const Notification& n = plan.notifications[schedule_test::notification_index(plan, g.visit)];
    EXPECT_EQ(g.household, v.household);
    EXPECT_EQ(g.date, v.date);
    EXPECT_EQ(g.start, v.start);
    EXPECT_EQ(g.notifier, n.staff);
    EXPECT_EQ(g.notifier, v.guide >= 0 ? v.guide : staff("D"));
    if (g.village == 1) {
      ++g3;
      EXPECT_EQ(g.group, 2);
    } else {
      ++no_group;
      EXPECT_EQ(g.village, 2);
      EXPECT_EQ(g.group, -1);
    }
  }
  EXPECT_EQ(g3, 4);
  EXPECT_EQ(no_group, 5);
  EXPECT_EQ(first_gap(plan, GapKind::kNoInterpreter), nullptr);
  // With every guide of V3 gone, its notices have nobody to come from.
  std::erase_if(reg_.staff, [](const Staff& s) { return s.village_id == "V3"; });
  std::string err2;
  ASSERT_TRUE(reg_.build_indexes(&err2)) << err2;
  ASSERT_TRUE(plan_schedule(reg_, all(), config_, &plan, &err)) << err;
  EXPECT_EQ(check(all(), plan), "");
  const Gap* nobody = nullptr;
  for (const Gap& g : plan.gaps)
    if (g.kind == GapKind::kNoContact && g.village == 2) nobody = &g;
  ASSERT_NE(nobody, nullptr);
  EXPECT_EQ(nobody->notifier, -1);
  EXPECT_EQ(nobody->group, -1);
}

// The checker must catch each way a plan can break, and say with which figures.
TEST_F(PlanTest, CheckerCatchesBrokenPlans) {
  Plan good;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, all(), config_, &good, &err)) << err;
  ASSERT_EQ(check(all(), good), "");
  auto index_of = [&](const Plan& plan, const std::string& id) {
    return static_cast<int>(schedule_test::visit_index(reg_, plan, id));
  };
  // The first problem of `kind`, copied out of the list (which is often a temporary).
  auto find = [](const std::vector<PlanProblem>& list,
                 ProblemKind kind) -> std::optional<PlanProblem> {
    for (const PlanProblem& p : list)
      if (p.kind == kind) return p;
    return std::nullopt;
  };
  {
    // "household H110 is visited 0 times, not once"
    Plan p = good;
    p.visits.erase(p.visits.begin() + index_of(p, "H110"));
    p.notifications.clear();
    const std::optional<PlanProblem> x = find(problems(all(), p), ProblemKind::kVisitCount);
    ASSERT_TRUE(x.has_value());
    EXPECT_EQ(reg_.households.id[x->household], "H110");
    EXPECT_EQ(x->count, 0);
  }
  {
    // "visit of H101 on 2017-09-05 at 11:40: overlaps lunch"
    Plan p = good;
    PlannedVisit& v = p.visits[index_of(p, "H101")];
    v.start = 11 * 60 + 40, v.end = 12 * 60 + 20;
    const std::optional<PlanProblem> x = find(problems(all(), p), ProblemKind::kOverLunch);
    ASSERT_TRUE(x.has_value());
    EXPECT_EQ(x->visit, index_of(p, "H101"));
  }
  {
    // Two parallel visits of V1 led by the same guide: "... is at two visits at once".
    Plan p = good;
    const int a = index_of(p, "H101");
    int b = -1;
    for (std::size_t i = 0; i < p.visits.size(); ++i)
      if (static_cast<int>(i) != a && p.visits[i].village == 0 &&
          p.visits[i].start == p.visits[a].start && p.visits[i].date == p.visits[a].date)
        b = static_cast<int>(i);
    ASSERT_GE(b, 0);
    p.visits[b].guide = p.visits[a].guide;
    if (p.visits[b].interpreter >= 0) p.visits[b].interpreter = p.visits[a].guide;
    const std::optional<PlanProblem> x = find(problems(all(), p), ProblemKind::kDoubleBooked);
    ASSERT_TRUE(x.has_value());
    EXPECT_EQ(x->staff, p.visits[a].guide);
    EXPECT_EQ((std::set<int>{x->visit, x->other_visit}), (std::set<int>{a, b}));
  }
  {
    // "interpreter P does not speak yi"
    Plan p = good;
    p.visits[index_of(p, "H104")].interpreter = reg_.staff.size() - 1;  // P speaks hani only
    const std::optional<PlanProblem> x =
        find(problems(all(), p), ProblemKind::kInterpreterLanguage);
    ASSERT_TRUE(x.has_value());
    EXPECT_EQ(x->staff, staff("P"));
    EXPECT_EQ(x->language, "yi");
    EXPECT_EQ(x->visit, index_of(p, "H104"));
  }
  {
    // "A is not a guide of village V3"
    Plan p = good;
    p.visits[index_of(p, "H301")].guide = 0;  // guide A of V1
    const std::optional<PlanProblem> x = find(problems(all(), p), ProblemKind::kNotVillageGuide);
    ASSERT_TRUE(x.has_value());
    EXPECT_EQ(x->staff, staff("A"));
    EXPECT_EQ(x->village, 2);
  }
  {
    // "village V2 has 1 guides, fewer than 3, and no gap says so"; "no guide and no gap says so"
    Plan p = good;
    p.gaps.clear();
    const std::vector<PlanProblem> found = problems(all(), p);
    const std::optional<PlanProblem> x = find(found, ProblemKind::kUndeclaredGuidesShort);
    ASSERT_TRUE(x.has_value());
    EXPECT_EQ(x->village, 1);
    EXPECT_EQ(x->count, 1);
    EXPECT_EQ(x->expected, 3);
    ASSERT_TRUE(find(found, ProblemKind::kUndeclaredNoGuide).has_value());
    EXPECT_EQ(p.visits[find(found, ProblemKind::kUndeclaredNoGuide)->visit].village, 1);
  }
  {
    // "... not before the visit"
    Plan p = good;
    p.notifications[0].date = p.visits[p.notifications[0].visit].date;
    p.notifications[0].minutes = 23 * 60;
    const std::optional<PlanProblem> x = find(problems(all(), p), ProblemKind::kNotifiedLate);
    ASSERT_TRUE(x.has_value());
    EXPECT_EQ(x->notification, 0);
    EXPECT_EQ(x->visit, p.notifications[0].visit);
    EXPECT_EQ(x->clock_from, 23 * 60);
  }
  {
    // "cannot reach village V3 by 2017-09-05 09:00 (135 minutes": a team cannot start in V3
    // before the journey from the county seat is over.
    Plan p = good;
    PlannedVisit& v = p.visits[index_of(p, "H301")];
    v.start = 9 * 60, v.end = 9 * 60 + 40;
    const std::optional<PlanProblem> x = find(problems(all(), p), ProblemKind::kUnreachable);
    ASSERT_TRUE(x.has_value());
    EXPECT_EQ(x->village, 2);
    EXPECT_EQ(x->date.str(), "2017-09-05");
    EXPECT_EQ(x->clock_from, 9 * 60);
    EXPECT_EQ(x->count, 135);
    EXPECT_EQ(x->staff, -1);
    EXPECT_EQ(x->team, v.team);
  }
}

// Every kind of problem, each on a plan broken on purpose (hand_county.h).
TEST_F(PlanTest, CheckerFindsEveryKindOfProblem) {
  Plan good;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg_, all(), config_, &good, &err)) << err;
  ASSERT_EQ(check(all(), good), "");
  const std::vector<schedule_test::Breakage> list = schedule_test::breakages();
  ASSERT_EQ(list.size(), static_cast<std::size_t>(kProblemKindCount));
  for (int k = 0; k < kProblemKindCount; ++k) {
    const schedule_test::Breakage& b = list[k];
    EXPECT_EQ(b.expect, static_cast<ProblemKind>(k)) << b.name;
    Registry reg = reg_;
    Plan plan = good;
    std::vector<int> households = all();
    b.apply(&reg, &plan, &households);
    std::vector<PlanProblem> found;
    EXPECT_FALSE(check_plan(reg, households, config_, plan, &found)) << b.name;
    EXPECT_TRUE(std::any_of(found.begin(), found.end(),
                            [&](const PlanProblem& p) { return p.kind == b.expect; }))
        << b.name << " should give " << to_string(b.expect);
  }
}

TEST(ProblemKind, NamesAreDistinct) {
  std::set<std::string_view> names;
  for (int k = 0; k < kProblemKindCount; ++k) {
    const std::string_view name = to_string(static_cast<ProblemKind>(k));
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << name;
  }
  EXPECT_EQ(to_string(ProblemKind::kDoubleBooked), "double_booked");
}

}  // namespace
}  // namespace kaoping
