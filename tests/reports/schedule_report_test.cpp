#include "reports/schedule_report.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "config/config.h"
#include "html_check.h"
#include "registry/generate.h"
#include "reports/html.h"
#include "reports/xlsx.h"
#include "sampler/design.h"
#include "sampler/sampler.h"
#include "schedule/check.h"
#include "tests/schedule/hand_county.h"
#include "util/privacy.h"
#include "write_check.h"

namespace kaoping {
namespace {

using namespace report;

struct Fixture {
  Registry reg = generate_county(Profile::kSmall, 1);
  Config config;
  Plan plan;
  Fixture() {
    Diagnostics diag;
    EXPECT_TRUE(load_config("", {}, &config, &diag));
    Design design;
    EXPECT_TRUE(build_design(reg, config.design, &design, &diag));
    Draw draw;
    draw_sample(reg, config.design, design, 9, 0, &draw);
    std::string err;
    EXPECT_TRUE(plan_schedule(reg, sampled_households(draw), config.schedule, &plan, &err)) << err;
  }
};

const Fixture& fixture() {
  static const Fixture* f = new Fixture;
  return *f;
}

ReportContext context(Lang lang) {
  ReportContext ctx;
  ctx.lang = lang;
  ctx.argv = {"kaoping", "schedule"};
  ctx.version = "test";
  return ctx;
}

TEST(ScheduleReport, EveryVisitAppearsOnceByDayAndInTheSheet) {
  const Fixture& f = fixture();
  ASSERT_FALSE(f.plan.visits.empty());
  const Report r = compose_schedule_report(f.reg, f.config.schedule, f.plan, context(Lang::kEn));
  std::size_t day_rows = 0, sheet_rows = 0;
  for (const Section& s : r.sections)
    for (const Block& b : s.blocks)
      if (const auto* t = std::get_if<Table>(&b)) {
        if (t->title.find(" visits") != std::string::npos && t->in_html) day_rows += t->rows.size();
        if (t->sheet == "Visits") sheet_rows += t->rows.size();
      }
  EXPECT_EQ(day_rows, f.plan.visits.size());
  EXPECT_EQ(sheet_rows, f.plan.visits.size());
}

TEST(ScheduleReport, NoPhoneNumbersAndCompleteInBothLanguages) {
  namespace fs = std::filesystem;
  const Fixture& f = fixture();
  for (Lang lang : {Lang::kZh, Lang::kEn}) {
    const Report r = compose_schedule_report(f.reg, f.config.schedule, f.plan, context(lang));
    const std::string html = render_html(r);
    EXPECT_EQ(testing::check_balanced(html), "");
    EXPECT_EQ(html.find("[["), std::string::npos) << "untranslated key";
    EXPECT_FALSE(contains_full_id_number(html));
    for (const Staff& s : f.reg.staff)
      if (!s.phone.empty()) {
        EXPECT_EQ(html.find(s.phone), std::string::npos) << s.phone;
      }
    for (const Group& g : f.reg.groups)
      if (!g.contact_phone.empty()) {
        EXPECT_EQ(html.find(g.contact_phone), std::string::npos);
      }
    EXPECT_EQ(testing::count(html, "<svg "), 1u);
    testing::expect_writes(r, "schedule", lang);
  }
}

TEST(LanguageName, KnownAndUnknownCodes) {
  EXPECT_EQ(language_name(Lang::kZh, "yi"), "彝语");
  EXPECT_EQ(language_name(Lang::kEn, "hani"), "Hani");
  EXPECT_EQ(language_name(Lang::kEn, "xx"), "xx");
}

}  // namespace
}  // namespace kaoping

namespace kaoping {
namespace {

/// A registry just big enough to name staff S3 and group G01 in a gap's words.
Registry named_registry() {
  Registry reg;
  reg.groups.push_back({"G01", "V1", -1, "一组", "", ""});
  for (const char* id : {"S1", "S2", "S3"}) {
    Staff s;
    s.id = id;
    reg.staff.push_back(s);
  }
  return reg;
}

Gap visit_gap(GapKind kind, const std::string& date, int start) {
  Gap g;
  g.kind = kind;
  g.village = 0;
  g.household = 0;
  g.visit = 0;
  g.start = start;
  int y = 0, m = 0, d = 0;
  std::sscanf(date.c_str(), "%d-%d-%d", &y, &m, &d);
  g.date = {y, m, d};
  return g;
}

// The Chinese sentences the report used to get by translating the English ones back, now
// made from the figures; each with its English sentence, which is gaps.csv's detail.
TEST(GapDetail, EveryKindInBothLanguages) {
  const Registry reg = named_registry();
  auto both = [&](const Gap& g, const std::string& zh, const std::string& en) {
    EXPECT_EQ(gap_detail(Lang::kZh, reg, g), zh);
    EXPECT_EQ(gap_detail(Lang::kEn, reg, g), en);
  };
  Gap short2;
  short2.kind = GapKind::kGuidesShort;
  short2.guides = 2;
  short2.guides_needed = 3;
  both(short2, "名单上只有 2 名向导（每村需要 3 名）",
       "only 2 guides on the roster (schedule.guides_per_village: 3)");
  Gap short1 = short2;
  short1.guides = 1;
  both(short1, "名单上只有 1 名向导（每村需要 3 名）",
       "only 1 guide on the roster (schedule.guides_per_village: 3)");
  Gap short0 = short2;
  short0.guides = 0;
  both(short0, "名单上只有 0 名向导（每村需要 3 名）",
       "only 0 guides on the roster (schedule.guides_per_village: 3)");

  Gap busy = visit_gap(GapKind::kNoGuide, "2017-09-05", 10 * 60 + 30);
  busy.guides = 3;
  busy.busy = {0, 1, 2};
  both(busy, "2017-09-05 10:30 本村 3 名向导都在带其他入户",
       "all 3 guides of the village lead other visits at 2017-09-05 10:30");
  Gap none = visit_gap(GapKind::kNoGuide, "2017-09-05", 10 * 60 + 30);
  both(none, "本村名单上没有向导", "the village has no guide on the roster");

  Gap taken = visit_gap(GapKind::kNoInterpreter, "2017-09-06", 8 * 60 + 30);
  taken.language = "yi";
  taken.busy = {1};
  both(taken, "2017-09-06 08:30 没有空闲的会彝语的本村向导或县翻译",
       "no guide of the village or county interpreter who speaks yi is free at 2017-09-06 08:30");
  Gap nobody = visit_gap(GapKind::kNoInterpreter, "2017-09-06", 8 * 60 + 30);
  nobody.language = "hani";
  both(nobody, "本村名单上没有人会哈尼语", "nobody on the roster for this village speaks hani");

  Gap contact = visit_gap(GapKind::kNoContact, "2017-09-05", 9 * 60);
  contact.group = 0;
  contact.notifier = 2;
  both(contact, "小组 G01 没有联系人：由向导 S3 通知",
       "group G01 has no contact person: guide S3 notifies instead");
  contact.notifier = -1;
  both(contact, "小组 G01 没有联系人，本村也没有向导：无人通知",
       "group G01 has no contact person and the village has no guide: nobody notifies");
  contact.group = -1;
  both(contact, "农户没有所属小组，本村也没有向导：无人通知",
       "the household has no group and the village has no guide: nobody notifies");
  contact.notifier = 0;
  both(contact, "农户没有所属小组：由向导 S1 通知",
       "the household has no group: guide S1 notifies instead");
}

// The sentences of gaps.csv on the hand-built county, from the planner's own gaps.
TEST(GapDetail, EnglishSentencesOfRealPlans) {
  Registry reg = schedule_test::hand_county();
  const ScheduleConfig config;
  auto details = [&](const Registry& r) {
    Plan plan;
    std::string err;
    EXPECT_TRUE(plan_schedule(r, schedule_test::every_household(r), config, &plan, &err)) << err;
    std::vector<std::string> out;
    for (const Gap& g : plan.gaps)
      out.push_back(std::string(to_string(g.kind)) + ": " + gap_detail(Lang::kEn, r, g));
    return out;
  };
  auto has = [](const std::vector<std::string>& list, const std::string& line) {
    return std::find(list.begin(), list.end(), line) != list.end();
  };
  {
    Registry empty = reg;
    empty.staff.clear();
    const std::vector<std::string> d = details(empty);
    EXPECT_TRUE(has(d, "no_interpreter: nobody on the roster for this village speaks hani"));
    EXPECT_TRUE(
        has(d, "guides_short: only 0 guides on the roster (schedule.guides_per_village: 3)"));
    EXPECT_TRUE(has(d, "no_guide: the village has no guide on the roster"));
    EXPECT_TRUE(has(d,
                    "no_contact: the household has no group and the village has no guide: "
                    "nobody notifies"));
  }
  {
    // H201 in V2 also speaks hani; the only hani interpreter cannot be in V2 and V3 at once.
    Registry hani = reg;
    hani.households.language[hani.household_index.at("H201")] = "hani";
    const std::vector<std::string> d = details(hani);
    EXPECT_TRUE(has(d,
                    "no_interpreter: no guide of the village or county interpreter who speaks "
                    "hani is free at 2017-09-05 10:45"));
    EXPECT_TRUE(
        has(d, "guides_short: only 1 guide on the roster (schedule.guides_per_village: 3)"));
    EXPECT_TRUE(has(d, "no_contact: group G3 has no contact person: guide D notifies instead"));
  }
}

// The terminal's line for a gap, as `kaoping schedule` prints it after "gap ".
TEST(GapDetail, TerminalLine) {
  const Registry reg = schedule_test::hand_county();
  Plan plan;
  std::string err;
  ASSERT_TRUE(
      plan_schedule(reg, schedule_test::every_household(reg), ScheduleConfig{}, &plan, &err))
      << err;
  ASSERT_GE(plan.gaps.size(), 2u);
  EXPECT_EQ(gap_line(Lang::kEn, reg, plan.gaps[0]),
            "guides_short: V2: only 1 guide on the roster (schedule.guides_per_village: 3)");
  EXPECT_EQ(gap_line(Lang::kEn, reg, plan.gaps[1]),
            "no_guide: V2 H203: all 1 guides of the village lead other visits at 2017-09-05 "
            "09:50");
  EXPECT_EQ(gap_line(Lang::kZh, reg, plan.gaps[1]),
            "no_guide: V2 H203: 2017-09-05 09:50 本村 1 名向导都在带其他入户");
}

// The checker's problems in words: the English sentences the checker used to produce for
// each broken plan, and a complete Chinese sentence for every kind.
TEST(PlanProblemText, EveryBrokenPlanInBothLanguages) {
  const Registry county = schedule_test::hand_county();
  const ScheduleConfig config;
  Plan good;
  std::string err;
  ASSERT_TRUE(plan_schedule(county, schedule_test::every_household(county), config, &good, &err))
      << err;
  const std::map<ProblemKind, std::string> expected = {
      {ProblemKind::kGapWithoutVisit, "a no_guide gap names no visit"},
      {ProblemKind::kGapTime,
       "visit of H203 on 2017-09-05 at 09:50: a no_guide gap at 2017-09-05 09:55, not at the "
       "visit's time"},
      {ProblemKind::kGapFigures,
       "village V2: the guides_short gap states what the roster does not say"},
      {ProblemKind::kFalseNoGuide,
       "visit of H203 on 2017-09-05 at 09:50: a no_guide gap but guide D leads it"},
      {ProblemKind::kFalseNoInterpreter,
       "visit of H104 on 2017-09-05 at 14:15: a no_interpreter gap but A interprets"},
      {ProblemKind::kVisitCount, "household H110 is visited 0 times, not once"},
      {ProblemKind::kNotSampled, "household H110 is visited but not in the sample"},
      {ProblemKind::kWrongVillage,
       "visit of H101 on 2017-09-05 at 10:00: the household is not in village V2"},
      {ProblemKind::kDuration, "visit of H101 on 2017-09-05 at 10:00: lasts 45 minutes, not 40"},
      {ProblemKind::kOutsideDay,
       "visit of H101 on 2017-09-05 at 07:00: outside the working day 08:30-18:00"},
      {ProblemKind::kOverLunch, "visit of H101 on 2017-09-05 at 11:40: overlaps lunch"},
      {ProblemKind::kOutsideWindow,
       "visit of H101 on 2017-09-04 at 10:00: outside the days 2017-09-05 to 2017-09-25"},
      {ProblemKind::kNoSuchTeam,
       "visit of H101 on 2017-09-05 at 10:00: no such team 4 or enumerator 1"},
      {ProblemKind::kNotVillageGuide,
       "visit of H301 on 2017-09-05 at 10:45: A is not a guide of village V3"},
      {ProblemKind::kUndeclaredNoGuide,
       "visit of H203 on 2017-09-05 at 09:50: no guide and no gap says so"},
      {ProblemKind::kNeedlessInterpreter,
       "visit of H101 on 2017-09-05 at 10:00: an interpreter for a zh household"},
      {ProblemKind::kInterpreterLanguage,
       "visit of H104 on 2017-09-05 at 14:15: interpreter P does not speak yi"},
      {ProblemKind::kInterpreterVillage,
       "visit of H104 on 2017-09-05 at 14:15: interpreter E belongs to another village"},
      {ProblemKind::kUndeclaredNoInterpreter,
       "visit of H104 on 2017-09-05 at 14:15: speaks yi but has no interpreter and no gap says "
       "so"},
      {ProblemKind::kDoubleBooked,
       "staff C is at two visits at once: visit of H101 on 2017-09-05 at 10:00 and visit of "
       "H105 on 2017-09-05 at 10:00"},
      {ProblemKind::kNoWalk,
       "enumerator 1 of team 2 has 0 minutes to walk from the visit of H101 on 2017-09-05 at "
       "10:00 to the next household (visit of H102 on 2017-09-05 at 10:40), not 5"},
      {ProblemKind::kUnreachable,
       "team 3 cannot reach village V3 by 2017-09-05 09:00 (135 minutes of travel)"},
      {ProblemKind::kUndeclaredGuidesShort,
       "village V2 has 1 guides, fewer than 3, and no gap says so"},
      {ProblemKind::kGuidesNotSpread, "village V1: visits led by 1 guides, not at least 3"},
      {ProblemKind::kFalseGuidesShort, "a guides_short gap for a village with 3 guides"},
      {ProblemKind::kNotificationWithoutVisit, "a notification names no visit"},
      {ProblemKind::kNotificationHousehold,
       "visit of H101 on 2017-09-05 at 10:00: notification for another household"},
      {ProblemKind::kNotifiedLate,
       "visit of H101 on 2017-09-05 at 10:00: notified at 2017-09-05 23:00, not before the "
       "visit"},
      {ProblemKind::kNotGroupContact,
       "visit of H101 on 2017-09-05 at 10:00: not notified by the contact of group G1"},
      {ProblemKind::kUndeclaredNoContact,
       "visit of H201 on 2017-09-05 at 09:50: the household has no group contact and no gap "
       "says so"},
      {ProblemKind::kNotifierNotGuide,
       "visit of H201 on 2017-09-05 at 09:50: notified by E, not a guide of the village"},
      {ProblemKind::kNotificationCount,
       "visit of H101 on 2017-09-05 at 10:00: notified 2 times, not once"},
  };
  ASSERT_EQ(expected.size(), static_cast<std::size_t>(kProblemKindCount));
  for (const schedule_test::Breakage& b : schedule_test::breakages()) {
    Registry reg = county;
    Plan plan = good;
    std::vector<int> households = schedule_test::every_household(county);
    b.apply(&reg, &plan, &households);
    std::vector<PlanProblem> found;
    check_plan(reg, households, config, plan, &found);
    std::string en_all;
    bool seen = false;
    for (const PlanProblem& p : found) {
      const std::string en = plan_problem_text(Lang::kEn, reg, plan, p);
      const std::string zh = plan_problem_text(Lang::kZh, reg, plan, p);
      en_all += en + "\n";
      seen = seen || (p.kind == b.expect && en == expected.at(b.expect));
      EXPECT_EQ(zh.find("[["), std::string::npos) << zh;
      EXPECT_EQ(en.find("[["), std::string::npos) << en;
      EXPECT_NE(zh, en);
      // Chinese words only, apart from ids, dates and the gaps' own codes in English.
      EXPECT_FALSE(std::regex_search(zh, std::regex("[a-z]{4,}"))) << zh;
    }
    EXPECT_TRUE(seen) << b.name << ": expected \"" << expected.at(b.expect) << "\" in\n" << en_all;
  }
}

// The checker's sentences of old, as substrings of what it finds on the same broken plans.
TEST(PlanProblemText, SentencesOfTheCheckerKeptWordForWord) {
  const Registry reg = schedule_test::hand_county();
  const ScheduleConfig config;
  const std::vector<int> all = schedule_test::every_household(reg);
  Plan good;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg, all, config, &good, &err)) << err;
  auto text = [&](const Plan& p) {
    std::vector<PlanProblem> found;
    check_plan(reg, all, config, p, &found);
    std::string out;
    for (const PlanProblem& x : found) out += plan_problem_text(Lang::kEn, reg, p, x) + "\n";
    return out;
  };
  auto at = [&](const Plan& p, const char* id) { return schedule_test::visit_index(reg, p, id); };
  {
    Plan p = good;
    p.gaps.clear();
    const std::string problems = text(p);
    EXPECT_NE(problems.find("village V2 has 1 guides, fewer than 3, and no gap says so"),
              std::string::npos);
    EXPECT_NE(problems.find("no guide and no gap says so"), std::string::npos);
  }
  {
    Plan p = good;
    PlannedVisit& v = p.visits[at(p, "H301")];
    v.start = 9 * 60, v.end = 9 * 60 + 40;
    EXPECT_NE(text(p).find("cannot reach village V3 by 2017-09-05 09:00 (135 minutes"),
              std::string::npos);
  }
  {
    Plan p = good;
    p.visits[at(p, "H104")].interpreter = reg.staff.size() - 1;  // P speaks hani only
    EXPECT_NE(text(p).find("interpreter P does not speak yi"), std::string::npos);
  }
}

TEST(PlanProblemText, EveryKindHasWordsAndUnknownIndicesShowAsQuestionMarks) {
  const Registry reg = schedule_test::hand_county();
  const Plan plan;
  for (int k = 0; k < kProblemKindCount; ++k) {
    PlanProblem p;
    p.kind = static_cast<ProblemKind>(k);
    p.visit = 7;  // no such visit in an empty plan
    p.household = 99;
    p.staff = 99;
    p.village = 99;
    p.gap = 99;
    for (Lang lang : {Lang::kZh, Lang::kEn}) {
      const std::string t = plan_problem_text(lang, reg, plan, p);
      EXPECT_FALSE(t.empty()) << to_string(p.kind);
      EXPECT_EQ(t.find("[["), std::string::npos) << t;
    }
  }
  PlanProblem p;
  p.kind = ProblemKind::kNotSampled;
  p.household = 99;
  EXPECT_EQ(plan_problem_text(Lang::kEn, reg, plan, p),
            "household ? is visited but not in the sample");
}

TEST(GapsCsv, HeaderOnlyWhenNothingIsMissing) {
  Registry reg;
  Plan plan;
  EXPECT_EQ(gaps_csv(reg, plan),
            "\xEF\xBB\xBFkind,village_id,household_id,language,date,start,detail\n");
}

// gaps.csv carries each gap's English sentence and never an ID number or a phone.
TEST(GapsCsv, EnglishDetailsAndNoPersonalData) {
  const Fixture& f = fixture();
  Registry reg = f.reg;
  const int village = f.plan.visits.front().village;
  std::erase_if(reg.staff, [&](const Staff& s) { return s.village == village; });
  std::vector<int> households;
  for (const PlannedVisit& v : f.plan.visits) households.push_back(v.household);
  for (const Registry* r : {&f.reg, static_cast<const Registry*>(&reg)}) {
    Plan plan;
    std::string err;
    ASSERT_TRUE(plan_schedule(*r, households, f.config.schedule, &plan, &err)) << err;
    const std::string csv = gaps_csv(*r, plan);
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    std::size_t rows = 0;
    while (std::getline(in, line)) {
      ASSERT_LT(rows, plan.gaps.size());
      const std::string detail = gap_detail(Lang::kEn, *r, plan.gaps[rows]);
      EXPECT_EQ(line.substr(line.size() - detail.size()), detail) << line;
      ++rows;
    }
    EXPECT_EQ(rows, plan.gaps.size());
    for (const PlannedVisit& v : plan.visits) {
      ASSERT_EQ(csv.find(r->households.id_number[v.household]), std::string::npos);
      if (!r->households.phone[v.household].empty()) {
        ASSERT_EQ(csv.find(r->households.phone[v.household]), std::string::npos);
      }
      if (v.guide >= 0) {
        ASSERT_EQ(csv.find(r->staff[v.guide].phone), std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace kaoping

namespace kaoping {
namespace {

TEST(ScheduleReport, GapsAreListedInTheReportLanguage) {
  const Fixture& f = fixture();
  // Take away every guide and interpreter of the first village visited.
  Registry reg = f.reg;
  const int village = f.plan.visits.front().village;
  std::vector<Staff> kept;
  for (const Staff& s : reg.staff)
    if (s.village != village) kept.push_back(s);
  reg.staff = kept;
  std::vector<int> households;
  for (const PlannedVisit& v : f.plan.visits) households.push_back(v.household);
  Plan plan;
  std::string err;
  ASSERT_TRUE(plan_schedule(reg, households, f.config.schedule, &plan, &err)) << err;
  ASSERT_FALSE(plan.gaps.empty());
  const Report r = compose_schedule_report(reg, f.config.schedule, plan, context(Lang::kZh));
  const Table* gaps = nullptr;
  for (const Section& s : r.sections)
    for (const Block& b : s.blocks)
      if (const auto* t = std::get_if<Table>(&b))
        if (t->title == "逐户缺口") gaps = t;
  ASSERT_NE(gaps, nullptr);
  EXPECT_EQ(gaps->rows.size(), plan.gaps.size());
  for (const auto& row : gaps->rows) {
    EXPECT_EQ(row[0].text.find("[["), std::string::npos);
    EXPECT_FALSE(std::regex_search(row[5].text, std::regex("[a-z]{4,}"))) << row[5].text;
  }
}

}  // namespace
}  // namespace kaoping
