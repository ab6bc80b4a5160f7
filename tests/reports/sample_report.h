// A small hand-made report model shared by the writer tests: every block and chart kind, a
// text with characters to escape, an ID number and a phone number that must not survive.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "reports/document.h"

namespace kaoping::testing {

inline report::Report sample_report(const std::string& lang) {
  using namespace report;
  const bool en = lang == "en";
  Report r;
  r.lang = lang;
  r.title = en ? "Third-party evaluation rehearsal" : "第三方评估模拟报告";
  r.subtitle =
      en ? "2,000 replicates, seed 7 <test & check>" : "2,000 次模拟，随机种子 7 <测试 & 检查>";

  Section verdict;
  verdict.heading = en ? "Verdict" : "结论";
  verdict.blocks.push_back(
      Figures{{{en ? "Pass probability" : "通过概率", "62.3%", "95% 61.2% – 63.4%", Tone::kWarning},
               {en ? "Most likely to fail" : "最可能不达标", "错退率", "21.0%", Tone::kBad}}});
  verdict.blocks.push_back(Paragraph{en ? "Head 110101199003074514 phone 13912345678."
                                        : "户主身份证 110101199003074514，电话 13912345678。"});
  r.sections.push_back(verdict);

  Section charts;
  charts.heading = en ? "Charts" : "图表";
  Histogram h;
  h.title = en ? "wrong-exit rate" : "错退率";
  h.x_label = en ? "rate" : "比率";
  h.start = 0;
  h.bin_width = 0.0025;
  h.share = {0.05, 0.10, 0.20, 0.25, 0.15, 0.10, 0.08, 0.04, 0.02, 0.01};
  h.threshold = 0.02;
  h.threshold_label = en ? "standard: below 2%" : "标准：低于2%";
  charts.blocks.push_back(h);
  BarChart b;
  b.title = en ? "By township" : "各乡镇";
  b.x_label = en ? "pass probability" : "通过概率";
  b.bars = {{"T01 <east>", 0.71, 0.69, 0.73, Tone::kGood}, {"T02", 0.48, 0.45, 0.51, Tone::kBad}};
  b.reference = 0.623;
  b.reference_label = en ? "county" : "全县";
  charts.blocks.push_back(b);
  LineChart l;
  l.title = en ? "OC curve" : "OC曲线";
  l.x_label = en ? "true rate" : "真实比率";
  l.y_label = en ? "pass probability" : "通过概率";
  l.x_max = 0.04;
  l.series = {{"A", {0, 0.01, 0.02, 0.03, 0.04}, {1, 0.9, 0.45, 0.15, 0.03}},
              {"B", {0, 0.01, 0.02, 0.03, 0.04}, {1, 0.95, 0.5, 0.1, 0.01}}};
  l.markers = {{0.02, "2%"}};
  charts.blocks.push_back(l);
  r.sections.push_back(charts);

  Section tables;
  tables.heading = en ? "Tables" : "表格";
  Table t;
  t.title = en ? "Households" : "农户";
  t.sheet = en ? "Households to fix first, by priority" : "优先整改的农户";
  t.columns = {{en ? "household" : "户编号", ColumnKind::kText},
               {en ? "ID number" : "身份证号", ColumnKind::kText},
               {en ? "persons" : "人数", ColumnKind::kInteger},
               {en ? "income" : "收入", ColumnKind::kDecimal, 2},
               {en ? "priority" : "优先级", ColumnKind::kProbability, 1}};
  t.rows = {{"H0001", "110101199003074514", 4, 3100.5, 0.1234},
            {"H0002", "53262719800101002X", 12345, 0.0, 0.5},
            {"H0003 \"quoted\"", Cell(), 1, Cell(), Cell()}};
  t.html_rows = 2;
  t.html_cut_note = en ? "first 2 of 3 rows" : "仅列前 2 行，共 3 行";
  tables.blocks.push_back(t);
  Table dup = t;
  dup.title = en ? "Again" : "再次";
  dup.html_rows = 0;
  dup.in_html = false;
  tables.blocks.push_back(dup);  // same sheet name: must become unique
  Table odd;
  odd.sheet = "a/b:c*d?e[f]g\\h";
  odd.columns = {{"x", ColumnKind::kInteger}};
  odd.rows = {{1}, {2}};
  odd.in_html = false;
  tables.blocks.push_back(odd);
  r.sections.push_back(tables);
  r.colophon = {{en ? "seed" : "随机种子", "7"}, {en ? "command" : "命令", "kaoping simulate"}};
  return r;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Compares `actual` with the golden file tests/data/golden/<name>; with
/// KAOPING_REGENERATE_GOLDEN=1 in the environment, rewrites the golden file instead.
inline bool matches_golden(const std::string& name, const std::string& actual,
                           std::string* message) {
  const std::string path = std::string(KAOPING_TEST_DATA) + "/golden/" + name;
  const char* regen = std::getenv("KAOPING_REGENERATE_GOLDEN");
  if (regen && std::string(regen) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    return static_cast<bool>(out);
  }
  std::ifstream probe(path);
  if (!probe) {
    *message = path + " is missing; run with KAOPING_REGENERATE_GOLDEN=1 to create it";
    return false;
  }
  const std::string expected = read_text(path);
  if (expected == actual) return true;
  std::size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
  *message = path + " differs at byte " + std::to_string(i) + ": expected \"" +
             expected.substr(i, 80) + "\", got \"" + actual.substr(i, 80) +
             "\" (KAOPING_REGENERATE_GOLDEN=1 rewrites it)";
  return false;
}

}  // namespace kaoping::testing
