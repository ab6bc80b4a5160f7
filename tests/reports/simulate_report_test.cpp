#include "reports/simulate_report.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "config/config.h"
#include "html_check.h"
#include "registry/generate.h"
#include "reports/html.h"
#include "reports/xlsx.h"
#include "simulate/priority.h"
#include "util/privacy.h"
#include "write_check.h"

namespace kaoping {
namespace {

using namespace report;

// One small simulation shared by the tests (a few thousand replicates of the small county).
struct Fixture {
  Registry reg = generate_county(Profile::kSmall, 1);
  Config config;
  Design design;
  SimulationResult result;
  std::vector<OcCurve> curves;
  Fixture() {
    Diagnostics diag;
    EXPECT_TRUE(load_config("", {}, &config, &diag));
    EXPECT_TRUE(build_design(reg, config.design, &design, &diag));
    SimulationOptions options;
    options.runs = 3000;
    options.seed = 5;
    options.threads = 1;
    std::string err;
    EXPECT_TRUE(run_simulation(reg, config, design, options, &result, &err)) << err;
    options.fixed_households = top_priority_households(result, 5);
    EXPECT_TRUE(run_simulation(reg, config, design, options, &result, &err)) << err;
    EXPECT_TRUE(design_oc_curves(reg, config, 5, 500, &curves, &err)) << err;
  }
};

const Fixture& fixture() {
  static const Fixture* f = new Fixture;
  return *f;
}

ReportContext context(Lang lang) {
  ReportContext ctx;
  ctx.lang = lang;
  ctx.argv = {"kaoping", "simulate", "--runs", "3000"};
  ctx.version = "test";
  return ctx;
}

template <typename T>
std::vector<const T*> all(const Report& r) {
  std::vector<const T*> out;
  for (const Section& s : r.sections)
    for (const Block& b : s.blocks) {
      if constexpr (std::is_same_v<T, Table> || std::is_same_v<T, Paragraph>) {
        if (const auto* x = std::get_if<T>(&b)) out.push_back(x);
      } else {
        if (const auto* c = std::get_if<Chart>(&b))
          if (const auto* x = std::get_if<T>(c)) out.push_back(x);
      }
    }
  return out;
}

TEST(SimulateReport, VerdictComesFirstWithTheIntervalAndTheBindingCriterion) {
  const Fixture& f = fixture();
  const Report r =
      compose_simulate_report(f.reg, f.config, f.design, f.result, f.curves, context(Lang::kZh));
  ASSERT_FALSE(r.sections.empty());
  EXPECT_EQ(r.sections[0].heading, "结论");
  const auto* figs = std::get_if<Figures>(&r.sections[0].blocks[0]);
  ASSERT_NE(figs, nullptr);
  EXPECT_EQ(figs->items[0].label, "通过概率");
  EXPECT_EQ(figs->items[0].value, format_percent(f.result.pass_probability));
  EXPECT_EQ(figs->items[0].note, "95% 置信区间 " + format_percent(f.result.pass_ci95[0]) + " – " +
                                     format_percent(f.result.pass_ci95[1]) + "（Wilson）");
  ASSERT_GE(f.result.binding, 0);
  EXPECT_EQ(figs->items[1].value,
            rate_name(Lang::kZh, f.result.criteria[f.result.binding].criterion.rate));
}

TEST(SimulateReport, HistogramsHoldEveryReplicateAndTheThreshold) {
  const Fixture& f = fixture();
  const Report r =
      compose_simulate_report(f.reg, f.config, f.design, f.result, f.curves, context(Lang::kEn));
  const auto hists = all<Histogram>(r);
  ASSERT_EQ(hists.size(), f.result.criteria.size());
  for (std::size_t k = 0; k < hists.size(); ++k) {
    const Histogram& h = *hists[k];
    const double total = std::accumulate(h.share.begin(), h.share.end(), 0.0);
    EXPECT_NEAR(total, 1.0, 1e-9) << h.title;
    EXPECT_EQ(h.threshold, f.result.criteria[k].criterion.threshold);
    // Bars never straddle the threshold: it falls on a bin edge.
    const double edges = (h.threshold - h.start) / h.bin_width;
    EXPECT_NEAR(edges, std::round(edges), 1e-6) << h.title;
    // The share of bins on the failing side is the engine's fail probability.
    double fail = 0;
    for (std::size_t b = 0; b < h.share.size(); ++b) {
      const double lo = h.start + h.bin_width * b;
      if (h.pass_below ? lo >= h.threshold - 1e-12 : lo + h.bin_width <= h.threshold + 1e-12)
        fail += h.share[b];
    }
    if (h.pass_below) {  // "above" criteria fail at the threshold itself, inside a bin
      EXPECT_NEAR(fail, f.result.criteria[k].fail_probability, 1e-9) << h.title;
    }
  }
}

TEST(SimulateReport, TablesCarryTheEngineFigures) {
  const Fixture& f = fixture();
  const Report r =
      compose_simulate_report(f.reg, f.config, f.design, f.result, f.curves, context(Lang::kEn));
  const auto tables = all<Table>(r);
  const Table* criteria = tables[0];
  ASSERT_EQ(criteria->rows.size(), f.result.criteria.size());
  for (std::size_t k = 0; k < f.result.criteria.size(); ++k) {
    EXPECT_EQ(criteria->rows[k][2].number, f.result.criteria[k].mean);
    EXPECT_EQ(criteria->rows[k][6].number, f.result.criteria[k].fail_probability);
  }
  // Households: highest priority first, masked ID numbers.
  const Table* households = nullptr;
  for (const Table* t : tables)
    if (t->title == "Households to fix first") households = t;
  ASSERT_NE(households, nullptr);
  ASSERT_FALSE(households->rows.empty());
  // Columns: #, household, township, village, group, status, head, findings, detail,
  // finding frequency, priority.
  for (std::size_t i = 1; i < households->rows.size(); ++i)
    EXPECT_GE(households->rows[i - 1][10].number, households->rows[i][10].number);
  for (const auto& row : households->rows) {
    for (const Cell& c : row) EXPECT_FALSE(contains_full_id_number(c.text));
    // Every household listed says what is wrong with it.
    EXPECT_FALSE(row[7].text.empty()) << row[1].text;
  }
  EXPECT_EQ(households->html_rows, 20u);
}

TEST(SimulateReport, WhatIfAndOcCurveSections) {
  const Fixture& f = fixture();
  ASSERT_TRUE(f.result.has_what_if);
  const Report r =
      compose_simulate_report(f.reg, f.config, f.design, f.result, f.curves, context(Lang::kEn));
  std::vector<std::string> headings;
  for (const Section& s : r.sections) headings.push_back(s.heading);
  EXPECT_EQ(headings,
            (std::vector<std::string>{"Verdict", "Each rate against its standard",
                                      "Where the risk sits", "Households to fix first",
                                      "What fixing them buys", "OC curve of the design"}));
  const auto lines = all<LineChart>(r);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]->series.size(), f.curves.size());
  EXPECT_DOUBLE_EQ(lines[0]->x_max, 0.04);
}

TEST(SimulateReport, PageAndWorkbookAreCompleteInBothLanguages) {
  namespace fs = std::filesystem;
  const Fixture& f = fixture();
  for (Lang lang : {Lang::kZh, Lang::kEn}) {
    const Report r =
        compose_simulate_report(f.reg, f.config, f.design, f.result, f.curves, context(lang));
    const std::string html = render_html(r);
    EXPECT_EQ(testing::check_balanced(html), "");
    EXPECT_EQ(html.find("[["), std::string::npos) << "untranslated key";
    EXPECT_FALSE(contains_full_id_number(html));
    // histograms + townships + villages + what-if + OC curve
    EXPECT_EQ(testing::count(html, "<svg "), f.result.criteria.size() + 4);
    const std::vector<std::string> sheets = xlsx_sheet_names(r);
    if (lang == Lang::kZh) {
      EXPECT_EQ(sheets,
                (std::vector<std::string>{"指标", "乡镇", "行政村", "优先整改的农户", "OC曲线"}));
    }
    testing::expect_writes(r, "simulate", lang);
  }
}

}  // namespace
}  // namespace kaoping

namespace kaoping {
namespace {

// A person should look at the page: when headless Chromium is installed, render the Chinese
// simulate report to report_screenshots/simulate_zh.png beside the test executable (in the
// build tree) with scripts/screenshot.sh.
TEST(SimulateReport, ScreenshotWithHeadlessChromium) {
  namespace fs = std::filesystem;
  if (!fs::exists("/usr/bin/chromium")) GTEST_SKIP() << "chromium not installed";
  const Fixture& f = fixture();
  // Beside the test executable (build/tests/), never in the source tree.
  const fs::path dir = fs::read_symlink("/proc/self/exe").parent_path() / "report_screenshots";
  fs::create_directories(dir);
  const Report r =
      compose_simulate_report(f.reg, f.config, f.design, f.result, f.curves, context(Lang::kZh));
  std::string err;
  ASSERT_TRUE(write_html(r, (dir / "simulate_zh.html").string(), &err)) << err;
  const fs::path png = dir / "simulate_zh.png";
  fs::remove(png);
  const std::string cmd = std::string("'") + KAOPING_SOURCE_DIR + "/scripts/screenshot.sh' '" +
                          (dir / "simulate_zh.html").string() + "' '" + png.string() +
                          "' 900x6000 >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream in(png, std::ios::binary);
  char magic[8] = {};
  in.read(magic, 8);
  EXPECT_EQ(std::string(magic, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_GT(fs::file_size(png), 20000u) << "a blank page?";
  std::printf("screenshot: %s\n", png.string().c_str());
}

}  // namespace
}  // namespace kaoping
