// End to end: `audit --all`, `audit --sample` and `schedule` with --out write report.html,
// report.xlsx and a manifest.json whose hashes are those of the inputs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "tests/cli/harness.h"
#include "util/files.h"

namespace {

using kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;
namespace fs = std::filesystem;

class ReportsCli : public kaoping::cli_test::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    county_ = (dir_ / "county").string();
    ASSERT_EQ(kaoping("generate -q --profile small --seed 6 --out " + county_).exit_code, 0);
    draw_ = (dir_ / "draw.csv").string();
    ASSERT_EQ(kaoping("sample -q --registry " + county_ + " --out " + draw_).exit_code, 0);
  }
  /// The report files are there, the page names no full ID number, and every input listed in
  /// the manifest has the SHA-256 of the file's bytes.
  void expect_reports(const fs::path& out, const std::string& command,
                      const std::vector<std::string>& must_list, bool charts = true) {
    for (const char* name : {"report.html", "report.xlsx", "manifest.json"})
      EXPECT_TRUE(fs::exists(out / name)) << out / name;
    const std::string html = slurp(out / "report.html");
    if (charts) {
      EXPECT_NE(html.find("<svg"), std::string::npos);
    }
    EXPECT_FALSE(std::regex_search(html, std::regex("[0-9]{17}[0-9X]")));
    const auto manifest = nlohmann::json::parse(slurp(out / "manifest.json"));
    EXPECT_EQ(manifest["command"], command);
    std::set<std::string> listed;
    for (const auto& input : manifest["inputs"]) {
      const std::string path = input["path"];
      listed.insert(fs::path(path).filename().string());
      EXPECT_EQ(input["sha256"], kaoping::sha256_hex(slurp(path))) << path;
    }
    for (const std::string& name : must_list) EXPECT_TRUE(listed.count(name)) << name;
  }
  std::string county_, draw_;
};

TEST_F(ReportsCli, SelfCheckWritesReportsAndManifest) {
  const fs::path out = dir_ / "selfcheck";
  CliResult r = kaoping("audit --all -q --registry " + county_ + " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_reports(out, "audit", {"households.csv", "villages.csv", "townships.csv"});
}

TEST_F(ReportsCli, SampleAuditWritesReportsAndManifest) {
  const fs::path out = dir_ / "audit";
  CliResult r = kaoping("audit -q --lang en --registry " + county_ + " --sample " + draw_ +
                        " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_reports(out, "audit", {"households.csv", "draw.csv"}, /*charts=*/false);
  EXPECT_NE(slurp(out / "report.html").find("<html lang=\"en\""), std::string::npos);
}

TEST_F(ReportsCli, ScheduleWritesReportsAndManifest) {
  const fs::path out = dir_ / "plan";
  CliResult r = kaoping("schedule -q --registry " + county_ + " --sample " + draw_ + " --staff " +
                        county_ + "/staff.csv --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_reports(out, "schedule", {"households.csv", "draw.csv", "staff.csv"});
}

}  // namespace
