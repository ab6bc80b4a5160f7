// End to end: `kaoping simulate` on a generated small county — the SPEC §4 JSON on stdout
// and nothing else, the --out files, the what-if options and their errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/cli/harness.h"
#include "util/csv.h"
#include "util/files.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using Result = kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;

int count_lines(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

class SimulateCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("kaoping_cli_simulate_" + std::to_string(::getpid()));
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
  static Result run(const std::string& args) { return kaoping::cli_test::run_kaoping(args, root_); }
  static std::string reg() { return " --registry " + registry_.string(); }
  static fs::path root_;
  static fs::path registry_;
};
fs::path SimulateCli::root_;
fs::path SimulateCli::registry_;

TEST_F(SimulateCli, JsonHasExactlyTheSpecKeys) {
  const Result r = run("simulate" + reg() + " --runs 5000 --seed 11 --json --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const json j = json::parse(r.out);  // stdout is the JSON and nothing else
  EXPECT_EQ(j.at("runs"), 5000);
  EXPECT_EQ(j.at("seed"), 11);
  EXPECT_GE(j.at("threads").get<int>(), 1);
  const double p = j.at("pass_probability");
  EXPECT_GE(p, 0.0);
  EXPECT_LE(p, 1.0);
  ASSERT_EQ(j.at("pass_ci95").size(), 2u);
  EXPECT_LE(j["pass_ci95"][0].get<double>(), p);
  EXPECT_GE(j["pass_ci95"][1].get<double>(), p);
  for (const char* name : {"wrong_exit", "omission", "satisfaction", "mis_inclusion"}) {
    const json& c = j.at("criteria").at(name);
    for (const char* key : {"direction", "threshold", "mean", "mean_se", "p05", "p50", "p95",
                            "fail_probability", "fail_ci95"})
      EXPECT_TRUE(c.contains(key)) << name << "." << key;
    EXPECT_GE(c["mean_se"].get<double>(), 0.0);
    ASSERT_EQ(c["fail_ci95"].size(), 2u);
    EXPECT_LE(c["fail_ci95"][0].get<double>(), c["fail_probability"].get<double>());
    EXPECT_GE(c["fail_ci95"][1].get<double>(), c["fail_probability"].get<double>());
    EXPECT_LE(c["p05"].get<double>(), c["p50"].get<double>());
    EXPECT_LE(c["p50"].get<double>(), c["p95"].get<double>());
  }
  EXPECT_EQ(j["criteria"]["satisfaction"]["direction"], "above");
  EXPECT_EQ(j["criteria"]["wrong_exit"]["direction"], "below");
  EXPECT_EQ(j["criteria"]["wrong_exit"]["threshold"], 0.02);
  EXPECT_GT(j.at("elapsed_seconds").get<double>(), 0.0);
  EXPECT_GT(j.at("replicates_per_second").get<double>(), 0.0);
}

TEST_F(SimulateCli, ThreadCountDoesNotChangeTheResult) {
  const Result a = run("simulate" + reg() + " --runs 9000 --threads 1 --json");
  const Result b = run("simulate" + reg() + " --runs 9000 --threads 2 --json");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  json ja = json::parse(a.out), jb = json::parse(b.out);
  for (json* j : {&ja, &jb}) {
    j->erase("threads");
    j->erase("elapsed_seconds");
    j->erase("replicates_per_second");
  }
  EXPECT_EQ(ja.dump(), jb.dump());
}

/// One engine path: what is asked of the run (--out and its risk tables, --json) does not
/// change the county's figures (SPEC §3).
TEST_F(SimulateCli, AskingForOutputsDoesNotChangeTheAnswer) {
  const fs::path out = root_ / "same";
  const Result a = run("simulate" + reg() + " --runs 9000 --json");
  const Result b = run("simulate" + reg() + " --runs 9000 --json --out " + out.string());
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  json ja = json::parse(a.out), jb = json::parse(b.out),
       jc = json::parse(slurp(out / "summary.json"));
  for (json* j : {&ja, &jb, &jc}) {
    j->erase("elapsed_seconds");
    j->erase("replicates_per_second");
  }
  EXPECT_EQ(ja.dump(), jb.dump());
  EXPECT_EQ(ja.dump(), jc.dump());
}

TEST_F(SimulateCli, OutWritesSummaryRiskTablesAndManifest) {
  const fs::path out = root_ / "out1";
  const Result r = run("simulate" + reg() + " --runs 3000 --out " + out.string() + " --lang en");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("pass probability"), std::string::npos) << r.out;
  for (const char* f :
       {"summary.json", "risk_townships.csv", "risk_villages.csv", "risk_households.csv",
        "manifest.json", "report.txt", "report.html", "report.xlsx"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  const json summary = json::parse(slurp(out / "summary.json"));
  EXPECT_EQ(summary.at("runs"), 3000);

  // One row per unit of the registry, plus the header.
  const std::string households = slurp(out / "risk_households.csv");
  EXPECT_EQ(count_lines(households), count_lines(slurp(registry_ / "households.csv")));
  EXPECT_EQ(households.substr(0, households.find('\n')),
            "\xEF\xBB\xBFrank,household_id,village_id,status,head_name,id_number,size,"
            "inclusion_freq,pass_prob_if_sampled,finding_freq,priority,fixed,finding,detail,"
            "township_id,group_id");
  {
    // No ID number of the registry appears in full.
    kaoping::CsvTable table;
    kaoping::Diagnostics diag;
    ASSERT_TRUE(
        kaoping::parse_csv(slurp(registry_ / "households.csv"), "households.csv", &table, &diag));
    const int col = table.column("id_number");
    ASSERT_GE(col, 0);
    int checked = 0;
    for (const auto& row : table.rows) {
      if (row[col].empty()) continue;
      ++checked;
      EXPECT_EQ(households.find(row[col]), std::string::npos) << row[col];
    }
    EXPECT_GT(checked, 0);
  }
  const std::string villages = slurp(out / "risk_villages.csv");
  EXPECT_EQ(count_lines(villages), count_lines(slurp(registry_ / "villages.csv")));
  EXPECT_EQ(villages.substr(0, villages.find('\n')),
            "\xEF\xBB\xBFvillage_id,township_id,name,tier,inclusion_freq,pass_prob_if_sampled,"
            "pass_prob_ci95_low,pass_prob_ci95_high,sampled_runs");
  const std::string townships = slurp(out / "risk_townships.csv");
  EXPECT_EQ(count_lines(townships), count_lines(slurp(registry_ / "townships.csv")));
  EXPECT_EQ(townships.substr(0, townships.find('\n')),
            "\xEF\xBB\xBFtownship_id,name,inclusion_freq,pass_prob_if_sampled,pass_prob_ci95_low,"
            "pass_prob_ci95_high,sampled_runs,design_pi,households");

  const json manifest = json::parse(slurp(out / "manifest.json"));
  EXPECT_EQ(manifest.at("command"), "simulate");
  EXPECT_EQ(manifest.at("seed"), 20170905);
  EXPECT_EQ(manifest.at("runs"), 3000);
  EXPECT_TRUE(manifest.at("config").get<std::string>().find("households_per_village") !=
              std::string::npos);
  bool found = false;
  for (const json& f : manifest.at("inputs")) {
    if (fs::path(f.at("path").get<std::string>()).filename() == "households.csv") {
      found = true;
      EXPECT_EQ(f.at("sha256"), kaoping::sha256_hex(slurp(registry_ / "households.csv")));
    }
  }
  EXPECT_TRUE(found);

  // A second run into the same directory needs --force.
  const Result again =
      run("simulate --lang en" + reg() + " --runs 100 --quiet --out " + out.string());
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.err, "kaoping: error: " + out.string() +
                           ": directory exists and is not empty; use --force to write into it\n");
}

TEST_F(SimulateCli, FixTopReportsTheWhatIf) {
  const fs::path out = root_ / "out2";
  const Result r =
      run("simulate" + reg() + " --runs 4000 --fix-top 5 --json --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_TRUE(j.contains("what_if"));
  const json& w = j["what_if"];
  EXPECT_EQ(w.at("fixed_households").size(), 5u);
  EXPECT_GE(w.at("difference").get<double>(), 0.0);
  EXPECT_EQ(w.at("lost"), 0);
  EXPECT_DOUBLE_EQ(w.at("difference").get<double>(),
                   w.at("pass_probability").get<double>() - j.at("pass_probability").get<double>());
  // The fixed households are marked in the risk table.
  kaoping::CsvTable table;
  kaoping::Diagnostics diag;
  ASSERT_TRUE(
      kaoping::parse_csv(slurp(out / "risk_households.csv"), "risk_households.csv", &table, &diag));
  const int fixed = table.column("fixed");
  ASSERT_GE(fixed, 0);
  int marked = 0;
  for (const auto& row : table.rows) marked += row[fixed] == "1";
  EXPECT_EQ(marked, 5);
}

TEST_F(SimulateCli, FixListWithUnknownIdIsAnErrorAtItsLine) {
  const fs::path list = root_ / "fix.txt";
  std::ofstream(list) << "# households put right\n  NOPE-1\n";
  const fs::path out = root_ / "out3";
  const Result r = run("simulate --lang en" + reg() + " --runs 100 --quiet --fix " + list.string() +
                       " --out " + out.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "fix.txt:2:3: error: unknown household id \"NOPE-1\"\n");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(r.out, "");
}

TEST_F(SimulateCli, FixListAsCsvRunsTheWhatIf) {
  const std::string households = slurp(registry_ / "households.csv");
  // The first household id of the registry.
  const std::size_t start = households.find('\n') + 1;
  const std::string first_id = households.substr(start, households.find(',', start) - start);
  const fs::path list = root_ / "fix.csv";
  std::ofstream(list) << "household_id,note\n" << first_id << ",checked\n";
  const Result r = run("simulate" + reg() + " --runs 2000 --json --fix " + list.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j.at("what_if").at("fixed_households").size(), 1u);
  EXPECT_EQ(j["what_if"]["fixed_households"][0], first_id);
}

TEST_F(SimulateCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("simulate --runs 0").exit_code, 2);
  EXPECT_EQ(run("simulate --threads -1").exit_code, 2);
  EXPECT_EQ(run("simulate --bogus").exit_code, 2);
}

}  // namespace
