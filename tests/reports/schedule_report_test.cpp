#include "reports/schedule_report.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "config/config.h"
#include "html_check.h"
#include "registry/generate.h"
#include "reports/html.h"
#include "reports/privacy.h"
#include "reports/xlsx.h"
#include "sampler/design.h"
#include "sampler/sampler.h"
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

TEST(LocalizeGapDetail, ChineseSentences) {
  EXPECT_EQ(localize_gap_detail(Lang::kZh,
                                "only 2 guides on the roster (schedule.guides_per_village: 3)"),
            "名单上只有 2 名向导（每村需要 3 名）");
  EXPECT_EQ(
      localize_gap_detail(Lang::kZh, "only 1 guide on the roster (schedule.guides_per_village: 3)"),
      "名单上只有 1 名向导（每村需要 3 名）");
  EXPECT_EQ(localize_gap_detail(
                Lang::kZh, "all 3 guides of the village lead other visits at 2017-09-05 10:30"),
            "2017-09-05 10:30 本村 3 名向导都在带其他入户");
  EXPECT_EQ(localize_gap_detail(Lang::kZh,
                                "no guide of the village or county interpreter who speaks yi is "
                                "free at 2017-09-06 08:30"),
            "2017-09-06 08:30 没有空闲的会彝语的本村向导或县翻译");
  EXPECT_EQ(localize_gap_detail(Lang::kZh, "nobody on the roster for this village speaks hani"),
            "本村名单上没有人会哈尼语");
  EXPECT_EQ(
      localize_gap_detail(Lang::kZh, "group G01 has no contact person: guide S3 notifies instead"),
      "小组 G01 没有联系人：由向导 S3 通知");
  EXPECT_EQ(localize_gap_detail(Lang::kEn, "nobody on the roster for this village speaks hani"),
            "nobody on the roster for this village speaks hani");
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
        if (t->title == "人员缺口") gaps = t;
  ASSERT_NE(gaps, nullptr);
  EXPECT_EQ(gaps->rows.size(), plan.gaps.size());
  for (const auto& row : gaps->rows) {
    EXPECT_EQ(row[0].text.find("[["), std::string::npos);
    EXPECT_FALSE(std::regex_search(row[5].text, std::regex("[a-z]{4,}"))) << row[5].text;
  }
}

}  // namespace
}  // namespace kaoping
