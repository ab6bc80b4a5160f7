#include "reports/i18n.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "reports/svg.h"

namespace kaoping {
namespace {

TEST(I18n, EveryKeyHasBothLanguagesOnce) {
  std::set<std::string_view> seen;
  for (std::string_view key : i18n_keys()) {
    EXPECT_TRUE(seen.insert(key).second) << "duplicate key " << key;
    EXPECT_FALSE(i18n_text(key, Lang::kZh).empty()) << key;
    EXPECT_FALSE(i18n_text(key, Lang::kEn).empty()) << key;
  }
}

TEST(I18n, SheetNamesFitExcel) {
  auto chars = [](std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  for (std::string_view key : i18n_keys()) {
    if (key.rfind("sheet.", 0) != 0) continue;
    EXPECT_LE(chars(i18n_text(key, Lang::kZh)), 31u) << key;
    EXPECT_LE(chars(i18n_text(key, Lang::kEn)), 31u) << key;
  }
}

TEST(I18n, UnknownKeysAreVisible) {
  EXPECT_EQ(tr(Lang::kZh, "no.such.key"), "[[no.such.key]]");
  EXPECT_EQ(parse_lang("en"), Lang::kEn);
  EXPECT_EQ(parse_lang("zh"), Lang::kZh);
  EXPECT_EQ(lang_code(Lang::kEn), "en");
}

TEST(I18n, TermsFollowTheDomainNotes) {
  EXPECT_EQ(rate_name(Lang::kZh, Rate::kWrongExit), "错退率");
  EXPECT_EQ(rate_name(Lang::kZh, Rate::kOmission), "漏评率");
  EXPECT_EQ(rate_name(Lang::kZh, Rate::kMisInclusion), "错评率");
  EXPECT_EQ(rate_name(Lang::kZh, Rate::kSatisfaction), "群众认可度");
  EXPECT_EQ(rate_name(Lang::kEn, Rate::kWrongExit), "wrong-exit rate");
  EXPECT_EQ(finding_name(Lang::kZh, Finding::kPlannedExitShortfall), "预脱贫不达标");
  EXPECT_EQ(cause_name(Lang::kZh, Cause::kMotivation), "自身发展动力不足");
  EXPECT_EQ(attribute_name(Lang::kZh, Attribute::kTekun), "特困供养贫困户");
  EXPECT_EQ(status_name(Lang::kZh, Status::kExited), "已脱贫");
  EXPECT_EQ(tier_name(Lang::kEn, Tier::kMedium), "medium");
}

TEST(I18n, EveryEnumHasANameInBothLanguages) {
  for (Lang lang : {Lang::kZh, Lang::kEn}) {
    for (int r = 0; r < kRateCount; ++r)
      EXPECT_EQ(rate_name(lang, static_cast<Rate>(r)).find("[["), std::string::npos);
    for (int f = 0; f < kFindingCount; ++f)
      EXPECT_EQ(finding_name(lang, static_cast<Finding>(f)).find("[["), std::string::npos);
    for (int c = 0; c < kCauseCount; ++c)
      EXPECT_EQ(cause_name(lang, static_cast<Cause>(c)).find("[["), std::string::npos);
    for (int s = 0; s < kStatusCount; ++s)
      EXPECT_EQ(status_name(lang, static_cast<Status>(s)).find("[["), std::string::npos);
    for (int c = 0; c < kCategoryCount; ++c)
      EXPECT_EQ(category_name(lang, static_cast<Category>(c)).find("[["), std::string::npos);
    for (int a = 0; a < 4; ++a)
      EXPECT_EQ(attribute_name(lang, static_cast<Attribute>(a)).find("[["), std::string::npos);
    for (int h = 0; h < 4; ++h)
      EXPECT_EQ(housing_name(lang, static_cast<Housing>(h)).find("[["), std::string::npos);
    for (int t = 0; t < kTierCount; ++t)
      EXPECT_EQ(tier_name(lang, static_cast<Tier>(t)).find("[["), std::string::npos);
  }
}

TEST(I18n, DetailCodesAreTheRegistrySpellingsInEnglish) {
  // findings.csv's detail names exclusions, measures and cards as households.csv does.
  const std::pair<const char*, const std::vector<std::string_view>*> lists[] = {
      {"audit.detail.exclusion.", &exclusion_names()},
      {"audit.detail.measure.", &measure_names()},
      {"audit.detail.card.", &card_names()}};
  for (const auto& [prefix, names] : lists) {
    for (std::string_view name : *names) {
      const std::string key = prefix + std::string(name);
      EXPECT_EQ(i18n_text(key, Lang::kEn), name) << key;
      EXPECT_EQ(tr(Lang::kZh, key).find("[["), std::string::npos) << key;
    }
  }
}

TEST(Format, PercentAndNumbers) {
  EXPECT_EQ(format_percent(0.6231), "62.3%");
  EXPECT_EQ(format_percent(0.02, 0), "2%");
  EXPECT_EQ(format_percent(1.0, 2), "100.00%");
  EXPECT_EQ(format_percent(std::nan("")), "–");
  EXPECT_EQ(format_number(40410), "40,410");
  EXPECT_EQ(format_number(3335.5, 1), "3,335.5");
  EXPECT_EQ(format_number(999), "999");
  EXPECT_EQ(format_number(1000000), "1,000,000");
  EXPECT_EQ(format_number(-0.001, 2), "0.00");
  EXPECT_EQ(format_number(-1234, 0), "-1,234");
}

TEST(Svg, NiceTicks) {
  const std::vector<double> unit = nice_ticks(0, 1, 5);
  ASSERT_EQ(unit.size(), 6u);
  for (int k = 0; k < 6; ++k) EXPECT_NEAR(unit[k], 0.2 * k, 1e-12);
  const std::vector<double> t = nice_ticks(0, 0.04, 8);
  ASSERT_EQ(t.size(), 9u);
  EXPECT_DOUBLE_EQ(t[4], 0.02);
  EXPECT_EQ(percent_tick(0.02, 0.005), "2.0%");
  EXPECT_EQ(percent_tick(0.4, 0.2), "40%");
  EXPECT_EQ(xml_escape("a<b&\"c'"), "a&lt;b&amp;&quot;c&#39;");
}

}  // namespace
}  // namespace kaoping

#include "reports/common_report.h"

namespace kaoping {
namespace {

TEST(CommonReport, StandardsAndCutNotesWordForWord) {
  EXPECT_EQ(standard_text(Lang::kZh, true, 0.02), "低于2%");
  EXPECT_EQ(standard_text(Lang::kEn, false, 0.9), "above 90%");
  EXPECT_EQ(standard_text(Lang::kEn, true, 0.015), "below 1.5%");
  EXPECT_EQ(cut_note(Lang::kEn, 20, 35),
            "Only the first 20 of 35 rows are shown here; the full list is in report.xlsx.");
  EXPECT_EQ(cut_note(Lang::kZh, 20, 35), "此处仅列前 20 行，共 35 行；完整清单见 report.xlsx。");
}

TEST(CommonReport, ColophonQuotesArgumentsWithSpaces) {
  ReportContext ctx;
  ctx.lang = Lang::kEn;
  ctx.argv = {"kaoping", "simulate", "--set", "standards.criteria=a b"};
  ctx.version = "0.1.0";
  const auto rows = base_colophon(ctx);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::pair<std::string, std::string>{"kaoping version", "0.1.0"}));
  EXPECT_EQ(rows[1].second, "kaoping simulate --set 'standards.criteria=a b'");
  EXPECT_EQ(rows[2].second, "built-in default county (generate --profile default --seed 1)");
}

}  // namespace
}  // namespace kaoping
