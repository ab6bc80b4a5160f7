// End to end: `kaoping prioritize` on a generated small county — the --json summary, rank 0
// against simulate, priorities.csv and the report with --out, nothing written without it,
// --target, and the usage errors of --budget and --target.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/harness.h"
#include "util/csv.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Result = kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;

class PrioritizeCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("kaoping_cli_prioritize_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    registry_ = root_ / "county";
    const Result r = run("generate --profile small --seed 4 --out " + registry_.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  static Result run(const std::string& args, const fs::path& cwd = {}) {
    return kaoping::cli_test::run_kaoping(args, root_, cwd);
  }
  static std::string reg() { return " --registry " + registry_.string(); }
  static fs::path root_;
  static fs::path registry_;
};
fs::path PrioritizeCli::root_;
fs::path PrioritizeCli::registry_;

TEST_F(PrioritizeCli, JsonStartsFromSimulatesPassProbability) {
  const Result r = run("prioritize" + reg() + " --runs 3000 --seed 11 --budget 8 --json --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);  // stdout is the JSON and nothing else
  for (const char* key : {"before", "after", "actions", "target_reached", "steps", "plan",
                          "failing_replicates", "failing_replicates_kept", "subsample_stride",
                          "memory_bytes", "plan_seconds", "actions_per_second"})
    EXPECT_TRUE(j.contains(key)) << key;
  const Result s = run("simulate" + reg() + " --runs 3000 --seed 11 --json --quiet");
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_EQ(j.at("before").get<double>(), json::parse(s.out).at("pass_probability").get<double>());
  EXPECT_EQ(j.at("actions").get<int>(), static_cast<int>(j.at("steps").size()));
  EXPECT_LE(j.at("actions").get<int>(), 8);
  EXPECT_FALSE(j.at("target_reached").get<bool>());
  EXPECT_TRUE(j.at("target").is_null());
  double before = j.at("before").get<double>();
  for (const json& step : j.at("steps")) {
    EXPECT_GE(step.at("pass_probability").get<double>(), before);
    before = step.at("pass_probability").get<double>();
    const std::string action = step.at("action");
    EXPECT_TRUE(action == "fix" || action == "verify") << action;
  }
  EXPECT_EQ(j.at("after").get<double>(), before);
  // At the budget at least simulate's --fix-top on the same replicates.
  const Result top = run("simulate" + reg() + " --runs 3000 --seed 11 --fix-top 8 --json --quiet");
  ASSERT_EQ(top.exit_code, 0) << top.err;
  EXPECT_GE(j.at("after").get<double>(),
            json::parse(top.out).at("what_if").at("pass_probability").get<double>());
}

TEST_F(PrioritizeCli, UnderAConditionStartsFromSimulatesConditionalProbability) {
  const std::string draw = (root_ / "prio_draw.csv").string();
  ASSERT_EQ(run("sample" + reg() + " --seed 5 --force --quiet --out " + draw).exit_code, 0);
  const Result r = run("prioritize" + reg() + " --runs 3000 --seed 11 --budget 3 --json --quiet" +
                       " --sample " + draw);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Result s =
      run("simulate" + reg() + " --runs 3000 --seed 11 --json --quiet --sample " + draw);
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const Result plain = run("simulate" + reg() + " --runs 3000 --seed 11 --json --quiet");
  const double given = json::parse(s.out).at("pass_probability").get<double>();
  EXPECT_EQ(json::parse(r.out).at("before").get<double>(), given);
  EXPECT_NE(json::parse(plain.out).at("pass_probability").get<double>(), given);
  EXPECT_EQ(run("prioritize" + reg() + " --runs 100 --townships NOPE --quiet").exit_code, 1);
}

TEST_F(PrioritizeCli, TargetSaysHowManyActionsOrThatTheBudgetIsShort) {
  const Result reached =
      run("prioritize" + reg() + " --runs 2000 --seed 3 --budget 40 --target 0.5 --json -q");
  ASSERT_EQ(reached.exit_code, 0) << reached.err;
  const json a = json::parse(reached.out);
  ASSERT_TRUE(a.at("target_reached").get<bool>());
  EXPECT_GE(a.at("after").get<double>(), 0.5);
  const int n = a.at("actions").get<int>();
  if (n > 1) {
    EXPECT_LT(a.at("steps")[n - 2].at("pass_probability").get<double>(), 0.5);
  }
  const Result text =
      run("prioritize" + reg() + " --runs 2000 --seed 3 --budget 40 --target 0.5 --lang en -q");
  EXPECT_NE(text.out.find("Target 50.00% reached after " + std::to_string(n) + " actions"),
            std::string::npos)
      << text.out;
  const Result shortfall =
      run("prioritize" + reg() + " --runs 2000 --seed 3 --budget 1 --target 1 --json -q");
  ASSERT_EQ(shortfall.exit_code, 0) << shortfall.err;
  const json b = json::parse(shortfall.out);
  EXPECT_FALSE(b.at("target_reached").get<bool>());
  EXPECT_EQ(b.at("actions").get<int>(), 1);
  const Result short_text =
      run("prioritize" + reg() + " --runs 2000 --seed 3 --budget 1 --target 1 --lang en -q");
  EXPECT_NE(short_text.out.find("A budget of 1 actions is not enough"), std::string::npos)
      << short_text.out;
}

TEST_F(PrioritizeCli, OutWritesPrioritiesReportAndManifest) {
  const fs::path out = root_ / "out";
  const Result r =
      run("prioritize" + reg() + " --runs 2000 --seed 5 --budget 6 --quiet --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : {"priorities.csv", "report.html", "report.xlsx", "manifest.json"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  kaoping::CsvTable t;
  kaoping::Diagnostics diag;
  ASSERT_TRUE(kaoping::parse_csv(slurp(out / "priorities.csv"), "priorities.csv", &t, &diag));
  EXPECT_EQ(t.header,
            (std::vector<std::string>{"rank", "action", "household_id", "township_id", "village_id",
                                      "group_id", "status", "finding", "detail", "pass_probability",
                                      "ci95_low", "ci95_high", "gain"}));
  ASSERT_GE(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][0], "0");
  EXPECT_EQ(t.rows[0][1], "");
  double before = std::stod(t.rows[0][9]);
  for (std::size_t k = 1; k < t.rows.size(); ++k) {
    EXPECT_EQ(t.rows[k][0], std::to_string(k));
    EXPECT_FALSE(t.rows[k][2].empty());
    EXPECT_FALSE(t.rows[k][7].empty());  // what is wrong
    const double p = std::stod(t.rows[k][9]);
    EXPECT_GE(p, before);
    EXPECT_LE(std::stod(t.rows[k][10]), p);
    EXPECT_GE(std::stod(t.rows[k][11]), p);
    if (t.rows[k][1] == "verify") {
      EXPECT_EQ(t.rows[k][7].rfind("unverified", 0), 0u);
    }
    before = p;
  }
  const std::string html = slurp(out / "report.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("[["), std::string::npos);  // every text translated
  EXPECT_NE(html.find(t.rows[1][2]), std::string::npos);
  EXPECT_EQ(json::parse(slurp(out / "manifest.json")).at("command"), "prioritize");
  // English report.
  const fs::path en = root_ / "out_en";
  ASSERT_EQ(run("prioritize" + reg() + " --runs 2000 --seed 5 --budget 6 -q --lang en --out " +
                en.string())
                .exit_code,
            0);
  const std::string html_en = slurp(en / "report.html");
  EXPECT_NE(html_en.find("What each further action buys"), std::string::npos);
  EXPECT_EQ(html_en.find("[["), std::string::npos);
}

TEST_F(PrioritizeCli, WithoutOutNothingIsWritten) {
  const fs::path cwd = root_ / "empty";
  fs::create_directories(cwd);
  const Result r = run("prioritize" + reg() + " --runs 1000 --budget 3 --lang en -q", cwd);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Pass probability as it is"), std::string::npos);
  EXPECT_NE(r.out.find("actions/s"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(cwd));
}

TEST_F(PrioritizeCli, BadBudgetAndTargetAreUsageErrors) {
  for (const char* bad : {"--budget 0", "--budget -3", "--budget 2.5", "--target 0",
                          "--target -0.2", "--target 1.5", "--target x"}) {
    const Result r = run("prioritize" + reg() + " --runs 100 " + bad);
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    EXPECT_NE(r.err.find(std::string(bad).substr(0, 8)), std::string::npos) << r.err;
  }
}

}  // namespace
