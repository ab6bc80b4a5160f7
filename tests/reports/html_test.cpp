#include "reports/html.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "html_check.h"
#include "sample_report.h"
#include "util/privacy.h"

namespace kaoping {
namespace {

TEST(HtmlChecker, FindsUnbalancedTags) {
  EXPECT_EQ(testing::check_balanced("<p><b>x</b></p>"), "");
  EXPECT_EQ(testing::check_balanced("<p><b>x</p>"), "</p> closes <b>");
  EXPECT_EQ(testing::check_balanced("<div><meta charset=\"utf-8\"><br/>"), "<div> never closed");
}

TEST(Html, ChineseReportIsWellFormedSelfContainedAndMasked) {
  const std::string html = render_html(testing::sample_report("zh"));
  EXPECT_EQ(testing::check_balanced(html), "");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
  EXPECT_EQ(testing::count(html, "<svg "), 3u);  // histogram, bars, OC curve
  // Nothing fetched from the network, no scripts.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://") == std::string::npos ||
                html.find("http://") == html.find("http://www.w3.org/2000/svg"),
            true);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  // Personal data: the ID number masked, the phone gone.
  EXPECT_FALSE(contains_full_id_number(html));
  EXPECT_NE(html.find("110101********4514"), std::string::npos);
  EXPECT_NE(html.find("532627********002X"), std::string::npos);
  EXPECT_EQ(html.find("13912345678"), std::string::npos);
  // Escaped text; the table cut to 2 rows with its note.
  EXPECT_NE(html.find("&lt;测试 &amp; 检查&gt;"), std::string::npos);
  EXPECT_NE(html.find("T01 &lt;east&gt;"), std::string::npos);
  EXPECT_EQ(html.find("H0003"), std::string::npos);
  EXPECT_NE(html.find("仅列前 2 行，共 3 行"), std::string::npos);
  // Workbook-only tables stay out of the page.
  EXPECT_EQ(html.find("再次"), std::string::npos);
  // Number formats: thousands separators, fixed decimals, percentages.
  EXPECT_NE(html.find(">12,345<"), std::string::npos);
  EXPECT_NE(html.find(">3,100.50<"), std::string::npos);
  EXPECT_NE(html.find(">12.3%<"), std::string::npos);
}

TEST(Html, EnglishReportSaysEn) {
  const std::string html = render_html(testing::sample_report("en"));
  EXPECT_EQ(testing::check_balanced(html), "");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_FALSE(contains_full_id_number(html));
}

TEST(Html, MatchesGoldenFiles) {
  std::string message;
  EXPECT_TRUE(testing::matches_golden("report_zh.html", render_html(testing::sample_report("zh")),
                                      &message))
      << message;
  EXPECT_TRUE(testing::matches_golden("report_en.html", render_html(testing::sample_report("en")),
                                      &message))
      << message;
}

TEST(Html, WritesAtomically) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("kaoping_html_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string err;
  ASSERT_TRUE(write_html(testing::sample_report("zh"), (dir / "report.html").string(), &err))
      << err;
  EXPECT_EQ(testing::read_text((dir / "report.html").string()),
            render_html(testing::sample_report("zh")));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  EXPECT_FALSE(
      write_html(testing::sample_report("zh"), (dir / "missing" / "r.html").string(), &err));
  fs::remove_all(dir);
}

TEST(Html, FormatsCellsByColumnKind) {
  using report::Column;
  using report::ColumnKind;
  EXPECT_EQ(format_cell(1234567, Column{"", ColumnKind::kInteger}), "1,234,567");
  EXPECT_EQ(format_cell(0.5, Column{"", ColumnKind::kProbability, 2}), "50.00%");
  EXPECT_EQ(format_cell(report::Cell(), Column{"", ColumnKind::kProbability}), "");
  EXPECT_EQ(format_cell(-1234.567, Column{"", ColumnKind::kDecimal, 1}), "-1,234.6");
  EXPECT_EQ(format_cell("a<b", Column{"", ColumnKind::kText}), "a<b");
}

}  // namespace
}  // namespace kaoping
