#include "reports/audit_report.h"

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
  SelfCheckResult result;
  Fixture() {
    Diagnostics diag;
    EXPECT_TRUE(load_config("", {}, &config, &diag));
    self_check(reg, config, &result);
  }
};

const Fixture& fixture() {
  static const Fixture* f = new Fixture;
  return *f;
}

ReportContext context(Lang lang) {
  ReportContext ctx;
  ctx.lang = lang;
  ctx.argv = {"kaoping", "audit", "--all"};
  ctx.version = "test";
  return ctx;
}

const Table* find_table(const Report& r, const std::string& title) {
  for (const Section& s : r.sections)
    for (const Block& b : s.blocks)
      if (const auto* t = std::get_if<Table>(&b))
        if (t->title == title) return t;
  return nullptr;
}

TEST(AgeBand, Bands) {
  EXPECT_EQ(age_band(-1), -1);
  EXPECT_EQ(age_band(0), 0);
  EXPECT_EQ(age_band(5), 0);
  EXPECT_EQ(age_band(6), 1);
  EXPECT_EQ(age_band(15), 1);
  EXPECT_EQ(age_band(16), 2);
  EXPECT_EQ(age_band(59), 2);
  EXPECT_EQ(age_band(60), 3);
}

TEST(SelfCheckReport, ProfileTotalsMatchTheRegistry) {
  const Fixture& f = fixture();
  const Report r = compose_selfcheck_report(f.reg, f.config, f.result, context(Lang::kEn));
  const Table* status = find_table(r, "By status");
  ASSERT_NE(status, nullptr);
  ASSERT_EQ(status->rows.size(), 5u);  // four statuses and the total
  int64_t persons = 0;
  for (std::size_t i = 0; i < f.reg.households.count(); ++i) persons += f.reg.households.size[i];
  EXPECT_EQ(status->rows.back()[1].number, static_cast<double>(f.reg.households.count()));
  EXPECT_EQ(status->rows.back()[3].number, static_cast<double>(persons));
  const Table* cause = find_table(r, "By main cause");
  ASSERT_NE(cause, nullptr);
  int64_t registered = 0;
  for (std::size_t i = 0; i < f.reg.households.count(); ++i)
    registered += is_registered(f.reg.households.status[i]);
  EXPECT_EQ(cause->rows.back()[1].number, static_cast<double>(registered));
  ASSERT_TRUE(f.reg.has_members);
  const Table* age = find_table(r, "By age band (persons)");
  ASSERT_NE(age, nullptr);
  int64_t members = 0;
  for (const Member& m : f.reg.members)
    members += m.household >= 0 && is_registered(f.reg.households.status[m.household]);
  EXPECT_EQ(age->rows.back()[1].number, static_cast<double>(members));
  EXPECT_NE(find_table(r, "By township"), nullptr);
}

TEST(SelfCheckReport, RatesAndToDoListFollowTheSelfCheck) {
  const Fixture& f = fixture();
  const Report r = compose_selfcheck_report(f.reg, f.config, f.result, context(Lang::kZh));
  const Table* rates = find_table(r, "各项比率（全部农户）");
  ASSERT_NE(rates, nullptr);
  for (int k = 0; k < kRateCount; ++k)
    EXPECT_EQ(rates->rows[k][1].number, f.result.county.rates.value[k]);
  const Table* todo = find_table(r, "按村整改清单");
  ASSERT_NE(todo, nullptr);
  std::size_t flagged_villages = 0;
  for (const UnitSummary& u : f.result.villages) flagged_villages += u.flagged > 0;
  EXPECT_EQ(todo->rows.size(), flagged_villages);
  const Table* findings = find_table(r, "问题农户清单");
  ASSERT_NE(findings, nullptr);
  EXPECT_EQ(findings->rows.size(), f.result.findings.size());
  for (const auto& row : findings->rows) EXPECT_FALSE(contains_full_id_number(row[4].text));
}

TEST(SelfCheckReport, PageAndWorkbookAreCompleteInBothLanguages) {
  namespace fs = std::filesystem;
  const Fixture& f = fixture();
  for (Lang lang : {Lang::kZh, Lang::kEn}) {
    const Report r = compose_selfcheck_report(f.reg, f.config, f.result, context(lang));
    const std::string html = render_html(r);
    EXPECT_EQ(testing::check_balanced(html), "");
    EXPECT_EQ(html.find("[["), std::string::npos) << "untranslated key";
    EXPECT_FALSE(contains_full_id_number(html));
    EXPECT_EQ(testing::count(html, "<svg "), 1u);
    if (lang == Lang::kZh) {
      EXPECT_EQ(
          xlsx_sheet_names(r),
          (std::vector<std::string>{"比率", "按户类别", "按主要致贫原因", "按贫困户属性",
                                    "按住房安全等级", "按劳动能力（人）", "按年龄段（人）",
                                    "按乡镇", "按乡镇和致贫原因（户）", "按村整改清单", "问题"}));
    }
    testing::expect_writes(r, "audit_all", lang);
  }
}

TEST(AuditReport, SampleReportShowsVerdictRatesAndFindings) {
  const Fixture& f = fixture();
  Design design;
  Diagnostics diag;
  ASSERT_TRUE(build_design(f.reg, f.config.design, &design, &diag));
  Draw draw;
  draw_sample(f.reg, f.config.design, design, 3, 0, &draw);
  AuditResult result;
  audit_draw(f.reg, f.config, draw, 3, 0, &result);
  for (Lang lang : {Lang::kZh, Lang::kEn}) {
    const Report r = compose_audit_report(f.reg, f.config, draw, result, context(lang));
    const std::string html = render_html(r);
    EXPECT_EQ(testing::check_balanced(html), "");
    EXPECT_EQ(html.find("[["), std::string::npos);
    EXPECT_FALSE(contains_full_id_number(html));
    const Table* rates = find_table(r, lang == Lang::kEn ? "Rates of the sample" : "样本各项比率");
    ASSERT_NE(rates, nullptr);
    EXPECT_EQ(rates->rows[0][1].number, result.rates.value[0]);
  }
}

}  // namespace
}  // namespace kaoping

namespace kaoping {
namespace {

TEST(LocalizeDetail, ChinesePhrasesForTheSelfCheckDetails) {
  EXPECT_EQ(localize_detail(Lang::kEn, "income 3100 < line 3335; housing C"),
            "income 3100 < line 3335; housing C");
  EXPECT_EQ(localize_detail(Lang::kZh, "income 3100 < line 3335; housing C"),
            "收入 3100 低于标准线 3335；住房C级（危房）");
  EXPECT_EQ(localize_detail(Lang::kZh, "assessed income 7000.5 >= 2 × line 3335"),
            "评估收入 7000.5 达到标准线 3335 的 2 倍");
  EXPECT_EQ(localize_detail(Lang::kZh, "excluded official;car"),
            "不符合识别条件：公职人员、有车辆或大型机械");
  EXPECT_EQ(localize_detail(Lang::kZh, "cause labor; measures education;health"),
            "致贫原因缺劳力；措施：教育、健康");
  EXPECT_EQ(localize_detail(Lang::kZh, "missing help_card;record_book"), "缺明白卡、脱贫记录卡");
  EXPECT_EQ(localize_detail(Lang::kZh, "1 measure, fewer than 4"), "帮扶措施 1 项，少于4项");
  EXPECT_EQ(localize_detail(Lang::kZh, "archive disagrees with the system; members.csv disagrees"),
            "纸质档案与系统不一致；家庭成员信息与户表不一致");
  EXPECT_EQ(localize_detail(Lang::kZh, "something new"), "something new");
}

TEST(LocalizeDetail, EveryDetailOfTheSmallCountyIsTranslated) {
  const Fixture& f = fixture();
  for (const SelfCheckFinding& x : f.result.findings) {
    const std::string zh = localize_detail(Lang::kZh, x.detail);
    // No English word left: the translation knew every phrase.
    EXPECT_FALSE(std::regex_search(zh, std::regex("[a-z]{3,}"))) << x.detail << " → " << zh;
  }
}

}  // namespace
}  // namespace kaoping
