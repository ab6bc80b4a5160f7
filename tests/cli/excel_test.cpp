// Excel-ready files and reports that never overstate (SPEC §4, §5): every CSV kaoping writes
// starts with a UTF-8 BOM and is read back by kaoping; the reports name the county and the
// date; the self-check names the units that fail on their own and says it is not the
// evaluation; the one-draw report says it is one draw; the fix list says what is wrong.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/cli/harness.h"
#include "util/csv.h"

namespace {

namespace fs = std::filesystem;
using kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;

constexpr const char* kBom = "\xEF\xBB\xBF";

class ExcelCli : public kaoping::cli_test::CliTest {
 protected:
  void expect_bom_everywhere(const fs::path& dir) {
    int csvs = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.path().extension() != ".csv") continue;
      ++csvs;
      EXPECT_EQ(slurp(e.path()).substr(0, 3), kBom) << e.path();
    }
    EXPECT_GT(csvs, 0) << dir;
  }
};

TEST_F(ExcelCli, EveryCsvStartsWithABomAndRoundTrips) {
  ASSERT_EQ(kaoping("generate --profile small --seed 1 --quiet --out county").exit_code, 0);
  const std::string reg = " --registry county --quiet --lang en";
  // The registry files generate writes: validate reads them.
  CliResult r = kaoping("validate" + reg);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // sample -> audit --sample.
  ASSERT_EQ(kaoping("sample --seed 7 --out draw.csv" + reg).exit_code, 0);
  EXPECT_EQ(slurp(dir_ / "draw.csv").substr(0, 3), kBom);
  r = kaoping("audit --sample draw.csv --seed 7 --out onedraw" + reg);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // audit --all findings -> simulate --fix.
  r = kaoping("audit --all --out selfcheck" + reg);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = kaoping(
      "simulate --runs 500 --seed 5 --threads 2 --fix selfcheck/findings.csv "
      "--out rehearsal" +
      reg);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(slurp(dir_ / "rehearsal" / "summary.json").find("\"what_if\""), std::string::npos);
  // The draw as sample writes it (BOM and all) -> schedule.
  r = kaoping("schedule --sample draw.csv --out plan" + reg);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "plan" / "notifications.xlsx"));
  for (const char* d : {"county", "onedraw", "selfcheck", "rehearsal", "plan"})
    expect_bom_everywhere(dir_ / d);
}

TEST_F(ExcelCli, ReportsNameTheCountyAndTheDate) {
  ASSERT_EQ(kaoping("generate --profile small --seed 1 --quiet --out 茶山县").exit_code, 0);
  // SOURCE_DATE_EPOCH fixes the date: 2017-09-01 00:00 UTC is 08:00 in China.
  setenv("SOURCE_DATE_EPOCH", "1504224000", 1);
  CliResult r = kaoping("audit --all --registry 茶山县/ --quiet --out zh");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = kaoping("audit --all --registry 茶山县 --quiet --lang en --set county.name=Tea --out en");
  unsetenv("SOURCE_DATE_EPOCH");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string zh = slurp(dir_ / "zh" / "report.html");
  EXPECT_NE(zh.find("<p class=\"stamp\">茶山县 · 2017-09-01 制表</p>"), std::string::npos);
  const std::string en = slurp(dir_ / "en" / "report.html");
  EXPECT_NE(en.find("<p class=\"stamp\">Tea · made on 2017-09-01</p>"), std::string::npos);
  // The embedded default county has its own name.
  ASSERT_EQ(kaoping("sample --seed 3 --quiet --out draw.csv").exit_code, 0);
  ASSERT_EQ(kaoping("audit --sample draw.csv --quiet --lang en --out d").exit_code, 0);
  const std::string one = slurp(dir_ / "d" / "report.html");
  EXPECT_NE(one.find("the default county · made on"), std::string::npos);
  EXPECT_NE(one.find("<h1>Audit of one draw</h1>"), std::string::npos);
  EXPECT_NE(one.find("<h2>The verdict on this one draw</h2>"), std::string::npos);
  EXPECT_EQ(one.find("<h2>Summary</h2>"), std::string::npos);  // the self-check's heading
  EXPECT_NE(one.find("This is the result of one draw of 387 households"), std::string::npos);
}

TEST_F(ExcelCli, SelfCheckNamesWhatFailsAndIsNotTheEvaluation) {
  CliResult r = kaoping("audit --all --quiet --lang en --out sc");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = slurp(dir_ / "sc" / "report.html");
  EXPECT_NE(html.find("Passing the self-check is not passing the evaluation"), std::string::npos);
  EXPECT_NE(html.find("Townships and villages that fail on their own"), std::string::npos);
  // The default county passes on its own data while two townships do not.
  EXPECT_NE(html.find("but 2 townships and 57 villages fail on their own"), std::string::npos);
  EXPECT_NE(html.find("2 of 18 townships and 57 of 200 villages fail on their own"),
            std::string::npos);
}

TEST_F(ExcelCli, FixListSaysWhatIsWrongWithEachHousehold) {
  ASSERT_EQ(kaoping("generate --profile small --seed 1 --quiet --out county").exit_code, 0);
  CliResult r = kaoping(
      "simulate --registry county --runs 1000 --seed 5 --threads 2 --quiet "
      "--out rehearsal");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  kaoping::CsvTable table;
  kaoping::Diagnostics diag;
  ASSERT_TRUE(kaoping::parse_csv(slurp(dir_ / "rehearsal" / "risk_households.csv"),
                                 "risk_households.csv", &table, &diag));
  const std::vector<std::string> tail(table.header.end() - 4, table.header.end());
  EXPECT_EQ(tail, (std::vector<std::string>{"finding", "detail", "township_id", "group_id"}));
  const int freq = table.column("finding_freq"), finding = table.column("finding");
  const int township = table.column("township_id");
  // Every household the rehearsal found at fault has a finding, and every row its township.
  std::size_t listed = 0;
  for (const auto& row : table.rows) {
    EXPECT_FALSE(row[township].empty());
    if (row[freq] == "0") continue;
    ++listed;
    EXPECT_FALSE(row[finding].empty()) << row[1];
  }
  EXPECT_GT(listed, 0u);
}

}  // namespace

namespace {

TEST_F(ExcelCli, NewKeysAreChecked) {
  CliResult r = kaoping("validate --lang en --set schedule.walk_minutes=-1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--set:1:23: error: schedule.walk_minutes must be a whole number >= 0, "
                       "got \"-1\""),
            std::string::npos)
      << r.err;
  r = kaoping("validate --lang en --set county.name=[a]");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--set:1:13: error: county.name must be a name (text), got a list"),
            std::string::npos)
      << r.err;
}

}  // namespace
