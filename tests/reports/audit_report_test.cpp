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
#include "reports/xlsx.h"
#include "sampler/design.h"
#include "sampler/sampler.h"
#include "util/privacy.h"
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
      EXPECT_EQ(xlsx_sheet_names(r),
                (std::vector<std::string>{"比率", "单独不达标", "按户类别", "按主要致贫原因",
                                          "按贫困户属性", "按住房安全等级", "按劳动能力（人）",
                                          "按年龄段（人）", "按乡镇", "按乡镇和致贫原因（户）",
                                          "按村整改清单", "问题"}));
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

// Every kind of detail word for word in both languages. The English is findings.csv's
// `detail` (SPEC §4) and must not change.
void expect_text(const FindingDetail& d, const std::string& en, const std::string& zh) {
  EXPECT_EQ(finding_detail_text(Lang::kEn, d), en);
  EXPECT_EQ(finding_detail_text(Lang::kZh, d), zh);
}

FindingDetail income(Finding f, double income, bool below, bool assessed = false) {
  return {.finding = f, .assessed = assessed, .income = income, .line = 3335, .below_line = below};
}

TEST(FindingDetailText, IncomeBelowTheLine) {
  expect_text(income(Finding::kWrongExit, 3100, true), "income 3100 < line 3335",
              "收入 3100 低于标准线 3335");
  expect_text(income(Finding::kOmission, 2000, true), "income 2000 < line 3335",
              "收入 2000 低于标准线 3335");
  expect_text(income(Finding::kPlannedExitShortfall, 3334, true), "income 3334 < line 3335",
              "收入 3334 低于标准线 3335");
  expect_text(income(Finding::kWrongExit, 3100.456, true, true),
              "assessed income 3100.46 < line 3335", "评估收入 3100.46 低于标准线 3335");
  // Two decimals would read 3335.00 < 3335: the shortest exact form instead.
  expect_text(income(Finding::kPlannedExitShortfall, 3334.996, true, true),
              "assessed income 3334.996 < line 3335", "评估收入 3334.996 低于标准线 3335");
  // Above the line, not shown: the finding rests on the guarantees alone.
  expect_text(income(Finding::kWrongExit, 5000, false), "", "");
}

TEST(FindingDetailText, EveryGuaranteeInOrder) {
  FindingDetail d = income(Finding::kWrongExit, 3100, true);
  d.gaps = {.food_insecure = true,
            .clothing_insecure = true,
            .water_unsafe = true,
            .housing_unsafe = true,
            .housing = Housing::kD,
            .dropouts = 2,
            .uninsured = 1};
  expect_text(d,
              "income 3100 < line 3335; food insecure; clothing insecure; water unsafe; "
              "housing D; dropouts 2; uninsured 1",
              "收入 3100 低于标准线 3335；吃不愁未达标；穿不愁未达标；饮水不安全；住房D级（危房）；"
              "义务教育阶段辍学 2 人；未参加基本医保 1 人");
  d = income(Finding::kWrongExit, 5000, false);
  d.gaps = {.housing_unsafe = true, .housing = Housing::kC, .dropouts = 1};
  expect_text(d, "housing C; dropouts 1", "住房C级（危房）；义务教育阶段辍学 1 人");
  // A relocated household keeps its grade but has no housing gap.
  d.gaps = {.housing = Housing::kD, .uninsured = 2};
  expect_text(d, "uninsured 2", "未参加基本医保 2 人");
}

TEST(FindingDetailText, MisInclusion) {
  FindingDetail d{.finding = Finding::kMisInclusion, .income = 5000, .line = 3335, .multiple = 2};
  d.excluded = kExOfficial | kExCar;
  expect_text(d, "excluded official;car", "不符合识别条件：公职人员、有车辆或大型机械");
  d.excluded = kExOfficial | kExCadre | kExCar | kExTownHouse | kExCompany | kExLargeFarm |
               kExSplitHousehold | kExAbsentee | kExOther;
  expect_text(d,
              "excluded official;cadre;car;town_house;company;large_farm;split_household;"
              "absentee;other",
              "不符合识别条件：公职人员、村干部、有车辆或大型机械、城镇有房产、开办企业、种养大户、"
              "拆户分户、空挂户、其他");
  d = {.finding = Finding::kMisInclusion,
       .income = 7000,
       .line = 3335,
       .multiple = 2,
       .above_multiple = true};
  expect_text(d, "income 7000 >= 2 × line 3335", "收入 7000 达到标准线 3335 的 2 倍");
  d.assessed = true;
  d.income = 7000.5;
  d.excluded = kExTownHouse;
  expect_text(d, "excluded town_house; assessed income 7000.50 >= 2 × line 3335",
              "不符合识别条件：城镇有房产；评估收入 7000.50 达到标准线 3335 的 2 倍");
  // Two decimals as long as they keep the comparison true.
  d = {.finding = Finding::kMisInclusion,
       .assessed = true,
       .income = 6670.004,
       .line = 3335,
       .multiple = 2,
       .above_multiple = true};
  expect_text(d, "assessed income 6670.00 >= 2 × line 3335",
              "评估收入 6670.00 达到标准线 3335 的 2 倍");
  // 1.5 × 3335.003 = 5002.5045: 5002.5046 with two decimals would read 5002.50, below it.
  d.multiple = 1.5;
  d.line = 3335.003;
  d.income = 5002.5046;
  expect_text(d, "assessed income 5002.5046 >= 1.5 × line 3335.003",
              "评估收入 5002.5046 达到标准线 3335.003 的 1.5 倍");
}

TEST(FindingDetailText, Inconsistency) {
  FindingDetail d{.finding = Finding::kInconsistency,
                  .archive_disagrees = true,
                  .income_disagrees = true,
                  .income_system = 3999,
                  .income_field = 5000,
                  .members_disagree = true};
  expect_text(d,
              "archive disagrees with the system; system income 3999 vs field 5000; "
              "members.csv disagrees",
              "纸质档案与系统不一致；系统收入 3999，核实收入 5000；家庭成员信息与户表不一致");
  d.income_disagrees = false;
  expect_text(d, "archive disagrees with the system; members.csv disagrees",
              "纸质档案与系统不一致；家庭成员信息与户表不一致");
  d = {.finding = Finding::kInconsistency,
       .income_disagrees = true,
       .income_system = 1137.5,
       .income_field = 1809};
  expect_text(d, "system income 1137.5 vs field 1809", "系统收入 1137.5，核实收入 1809");
}

TEST(FindingDetailText, Readiness) {
  expect_text({.finding = Finding::kFewMeasures, .measure_count = 1}, "1 measure, fewer than 4",
              "帮扶措施 1 项，少于4项");
  expect_text({.finding = Finding::kFewMeasures, .measure_count = 3}, "3 measures, fewer than 4",
              "帮扶措施 3 项，少于4项");
  expect_text({.finding = Finding::kFewMeasures}, "0 measures, fewer than 4",
              "帮扶措施 0 项，少于4项");
  expect_text({.finding = Finding::kMeasureMismatch,
               .cause = Cause::kLabor,
               .measures = kMsEducation | kMsHealth},
              "cause labor; measures education;health", "致贫原因缺劳力；措施：教育、健康");
  expect_text({.finding = Finding::kMeasureMismatch,
               .cause = Cause::kIllness,
               .measures = kMsIndustry | kMsTraining | kMsFinance | kMsWater},
              "cause illness; measures industry;training;finance;water",
              "致贫原因因病；措施：产业、培训、金融、饮水");
  expect_text(
      {.finding = Finding::kMeasureMismatch,
       .cause = Cause::kSkills,
       .measures = kMsEmployment | kMsHousing | kMsRelocation | kMsSocialSecurity | kMsOther},
      "cause skills; measures employment;housing;relocation;social_security;other",
      "致贫原因缺技术；措施：就业、住房、搬迁、社保兜底、其他");
  expect_text({.finding = Finding::kMeasureMismatch, .cause = Cause::kWater},
              "cause water; measures none", "致贫原因缺水；措施：无");
  expect_text({.finding = Finding::kMissingCards, .missing_cards = kCardHelp | kCardRecordBook},
              "missing help_card;record_book", "缺明白卡、脱贫记录卡");
  expect_text({.finding = Finding::kMissingCards, .missing_cards = kAllCards},
              "missing help_card;contact_card;record_book", "缺明白卡、联系卡、脱贫记录卡");
}

TEST(FindingDetailText, EveryDetailOfTheSmallCountyIsTranslated) {
  const Fixture& f = fixture();
  for (const HouseholdFinding& x : f.result.findings) {
    const std::string en = finding_detail_text(Lang::kEn, x.detail);
    const std::string zh = finding_detail_text(Lang::kZh, x.detail);
    EXPECT_FALSE(en.empty()) << f.reg.households.id[x.household];
    EXPECT_EQ(zh.find("[["), std::string::npos) << en << " → " << zh;
    // No English word left: every phrase has its Chinese.
    EXPECT_FALSE(std::regex_search(zh, std::regex("[a-z]{3,}"))) << en << " → " << zh;
  }
}

TEST(FindingDetailText, FindingsTableShowsTheDetailInTheReportsLanguage) {
  const Fixture& f = fixture();
  for (Lang lang : {Lang::kZh, Lang::kEn}) {
    const Report r = compose_selfcheck_report(f.reg, f.config, f.result, context(lang), 10);
    const Table* findings = find_table(r, tr(lang, "audit.findings_table"));
    ASSERT_NE(findings, nullptr);
    ASSERT_EQ(findings->rows.size(), f.result.findings.size());
    for (std::size_t k = 0; k < findings->rows.size(); ++k) {
      EXPECT_EQ(findings->rows[k][5].text, finding_name(lang, f.result.findings[k].detail.finding));
      EXPECT_EQ(findings->rows[k][6].text, finding_detail_text(lang, f.result.findings[k].detail));
    }
  }
}

}  // namespace
}  // namespace kaoping
