// End to end: `kaoping sample` and `kaoping audit` on a generated small county and on
// hand-written registries — the draw's structure and π, reproducibility, bad draws, usage
// errors, the self-check's outputs and a clean county.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/harness.h"

namespace {

namespace fs = std::filesystem;

using Outcome = kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;

void spit(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

/// Simple CSV split (the files here have no quoted fields). The BOM every CSV output starts
/// with is checked, then left out.
std::vector<std::vector<std::string>> rows_of(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  std::istringstream in(text.substr(text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream ls(line);
    while (std::getline(ls, cell, ',')) cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    rows.push_back(cells);
  }
  return rows;
}

class SampleAuditCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(fs::temp_directory_path() /
                         ("kaoping_cli_sample_audit_" + std::to_string(::getpid())));
    fs::remove_all(*root_);
    fs::create_directories(*root_);
    ASSERT_EQ(kaoping("generate --profile small --seed 3 --quiet --out " + county()).exit_code, 0);
    ASSERT_EQ(
        kaoping("generate --profile small --seed 4 --quiet --out " + other_county()).exit_code, 0);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(*root_, ec);
    delete root_;
  }
  static std::string county() { return (*root_ / "county").string(); }
  static std::string other_county() { return (*root_ / "other").string(); }
  static fs::path scratch(const std::string& name) { return *root_ / name; }

  /// Runs the kaoping binary with `args` (shell words), capturing stdout and stderr.
  static Outcome kaoping(const std::string& args) {
    return ::kaoping::cli_test::run_kaoping(args, *root_);
  }

  static fs::path* root_;
};

fs::path* SampleAuditCli::root_ = nullptr;

TEST_F(SampleAuditCli, SampleHasTheDesignsShape) {
  const Outcome r = kaoping("sample --quiet --registry " + county());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = rows_of(r.out);
  ASSERT_GT(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"township_id", "village_id", "tier", "household_id",
                                               "category", "role", "reserve_rank", "inclusion_prob",
                                               "weight"}));
  std::map<std::string, std::set<std::string>> tiers_of_township;
  std::map<std::string, int> sample_of_village;
  std::map<std::pair<std::string, std::string>, int> last_rank;
  std::set<std::string> ids;
  for (std::size_t k = 1; k < rows.size(); ++k) {
    const auto& row = rows[k];
    ASSERT_EQ(row.size(), 9u) << k;
    EXPECT_TRUE(ids.insert(row[3]).second) << "household listed twice: " << row[3];
    tiers_of_township[row[0]].insert(row[2] + ":" + row[1]);
    const double pi = std::stod(row[7]), weight = std::stod(row[8]);
    EXPECT_GT(pi, 0);
    EXPECT_LE(pi, 1);
    EXPECT_NEAR(pi * weight, 1.0, 1e-12);
    if (row[5] == "sample") {
      EXPECT_EQ(row[6], "");
      ++sample_of_village[row[1]];
    } else {
      ASSERT_EQ(row[5], "reserve");
      int& last = last_rank[std::make_pair(row[1], row[4])];
      EXPECT_EQ(std::stoi(row[6]), last + 1) << row[3];
      last = std::stoi(row[6]);
    }
  }
  ASSERT_EQ(tiers_of_township.size(), 3u);
  for (const auto& [township, tiers] : tiers_of_township) {
    ASSERT_EQ(tiers.size(), 3u) << township;  // one village per tier
    std::set<std::string> names;
    for (const std::string& t : tiers) names.insert(t.substr(0, t.find(':')));
    EXPECT_EQ(names, (std::set<std::string>{"good", "medium", "poor"})) << township;
  }
  EXPECT_EQ(sample_of_village.size(), 9u);
  for (const auto& [village, n] : sample_of_village) EXPECT_EQ(n, 43) << village;
}

TEST_F(SampleAuditCli, SameSeedSameDrawOtherSeedOtherDraw) {
  const Outcome a = kaoping("sample --quiet --seed 11 --registry " + county());
  const Outcome b = kaoping("sample --quiet --seed 11 --registry " + county());
  const Outcome c = kaoping("sample --quiet --seed 12 --registry " + county());
  ASSERT_EQ(a.exit_code, 0);
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out, c.out);
  // --out writes the same bytes, nothing on stdout; a missing parent directory is created.
  const fs::path file = scratch("made/by/sample.csv");
  const Outcome d =
      kaoping("sample --quiet --seed 11 --registry " + county() + " --out " + file.string());
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_EQ(d.out, "");
  EXPECT_EQ(slurp(file), a.out);
}

TEST_F(SampleAuditCli, SampleNeverOverwritesAnInput) {
  const fs::path households = fs::path(county()) / "households.csv";
  const std::string before = slurp(households);
  const Outcome r =
      kaoping("sample --lang en --quiet --registry " + county() + " --out " + households.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kaoping: error: " + households.string() +
                       ": is an input of this command; choose another --out\n");
  EXPECT_EQ(slurp(households), before);
}

TEST_F(SampleAuditCli, SampleOutRefusesAnExistingFileWithoutForce) {
  const fs::path draw = *root_ / "refuse" / "d.csv";
  ASSERT_EQ(kaoping("sample --quiet --registry " + county() + " --out " + draw.string()).exit_code,
            0);
  const std::string before = slurp(draw);
  Outcome r = kaoping("sample --lang en --quiet --seed 9 --registry " + county() + " --out " +
                      draw.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kaoping: error: " + draw.string() + ": exists; use --force to replace it\n");
  EXPECT_EQ(slurp(draw), before);
  r = kaoping("sample --quiet --seed 9 --force --registry " + county() + " --out " + draw.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(slurp(draw), before);
}

TEST_F(SampleAuditCli, DesignThatCannotBeDrawnIsAnError) {
  const Outcome r =
      kaoping("sample --lang en --quiet --set design.townships=9 --registry " + county());
  EXPECT_EQ(r.exit_code, 1);
  // The message points at the value the user wrote: --set argument 1, column 18.
  EXPECT_EQ(r.err,
            "--set:1:18: error: design.townships is 9 but only 4 townships have a village in "
            "every tier\n");
  EXPECT_EQ(r.out, "");
}

TEST_F(SampleAuditCli, AuditOfASample) {
  const fs::path draw = scratch("audit_draw.csv");
  ASSERT_EQ(kaoping("sample --quiet --seed 5 --registry " + county() + " --out " + draw.string())
                .exit_code,
            0);
  const std::string args =
      "audit --lang en --registry " + county() + " --sample " + draw.string() + " --seed 9";
  const Outcome a = kaoping(args);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_NE(a.out.find("audit of " + draw.string() + " (seed 9): 387 households in sample"),
            std::string::npos)
      << a.out;
  EXPECT_NE(a.out.find("verdict: "), std::string::npos);
  EXPECT_EQ(kaoping(args).out, a.out);  // the seed fixes the field visit and the errors

  const fs::path out = scratch("audit_out");
  const Outcome b = kaoping(args + " --quiet --out " + out.string());
  ASSERT_EQ(b.exit_code, 0) << b.err;
  for (const char* f : {"findings.csv", "rates.csv", "households.csv", "shortfalls.csv"})
    EXPECT_TRUE(fs::exists(out / f)) << f;
  const auto findings = rows_of(slurp(out / "findings.csv"));
  EXPECT_EQ(findings[0],
            (std::vector<std::string>{"household_id", "village_id", "finding", "detail"}));
  const auto rates = rows_of(slurp(out / "rates.csv"));
  ASSERT_EQ(rates.size(), 8u);  // the header and the seven rates of SPEC §3
  EXPECT_EQ(rates[1][0], "wrong_exit");
  EXPECT_EQ(rates[7][0], "poverty_incidence");
  EXPECT_EQ(rates[1][5], "below");
  // Every surveyed household's findings in households.csv match findings.csv.
  const auto households = rows_of(slurp(out / "households.csv"));
  std::size_t listed = 0, surveyed = 0;
  for (std::size_t k = 1; k < households.size(); ++k) {
    if (households[k][9] == "surveyed") ++surveyed;
    const std::string& f = households[k][12];
    if (!f.empty()) listed += 1 + std::count(f.begin(), f.end(), ';');
  }
  EXPECT_EQ(listed, findings.size() - 1);
  EXPECT_GE(surveyed, 300u);
  // An existing, non-empty --out needs --force.
  const Outcome c = kaoping(args + " --quiet --out " + out.string());
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_EQ(c.err, "kaoping: error: " + out.string() +
                       ": directory exists and is not empty; use --force to write into it\n");
}

TEST_F(SampleAuditCli, EvaluatorsListWithOnlyIds) {
  const fs::path list = scratch("list.csv");
  spit(list, "household_id\nT01V01H0001\nT01V01H0002\n");
  const Outcome r =
      kaoping("audit --lang en --registry " + county() + " --sample " + list.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 households in sample"), std::string::npos) << r.out;
}

TEST_F(SampleAuditCli, BadDrawsAreErrorsAndNothingIsWritten) {
  const fs::path bad = scratch("bad_draw.csv");
  spit(bad, "household_id\nT01V01H0001\nNOPE\nT01V01H0001\n");
  const fs::path out = scratch("never");
  const Outcome r = kaoping("audit --lang en --quiet --registry " + county() + " --sample " +
                            bad.string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, bad.string() + ":3:1: error: household_id \"NOPE\" not found in the registry\n" +
                       bad.string() +
                       ":4:1: error: duplicate household_id \"T01V01H0001\" (first on line 2)\n");
  EXPECT_FALSE(fs::exists(out));

  // A draw of another county: its households sit in other villages (or do not exist).
  const fs::path foreign = scratch("foreign.csv");
  ASSERT_EQ(kaoping("sample --quiet --registry " + other_county() + " --out " + foreign.string())
                .exit_code,
            0);
  // One diagnosis, not an error per household.
  const Outcome f =
      kaoping("audit --lang en --quiet --registry " + county() + " --sample " + foreign.string());
  EXPECT_EQ(f.exit_code, 1);
  EXPECT_NE(f.err.find("the draw was made from another registry"), std::string::npos) << f.err;
  EXPECT_EQ(std::count(f.err.begin(), f.err.end(), '\n'), 1) << f.err;
  EXPECT_EQ(f.out, "");
}

TEST_F(SampleAuditCli, UsageErrors) {
  Outcome r = kaoping("audit --lang en --registry " + county());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "kaoping audit: error: give exactly one of --sample FILE or --all\n");
  r = kaoping("audit --all --sample x.csv --registry " + county());
  EXPECT_EQ(r.exit_code, 2);
  r = kaoping("audit --all --seed 3 --lang en --registry " + county());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "kaoping audit: error: --seed goes with --sample; the self-check (--all) has no "
            "evaluator error to draw\n");
  // Chinese by default.
  EXPECT_EQ(kaoping("audit --registry " + county()).err,
            "kaoping audit: error: --sample FILE 和 --all 只能且必须给一个\n");
  r = kaoping("sample --seed x");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(SampleAuditCli, SelfCheckOutputsAgree) {
  const fs::path out = scratch("selfcheck");
  const Outcome r =
      kaoping("audit --all --quiet --lang en --registry " + county() + " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("self-check of 1250 households: ", 0), 0u) << r.out;
  const auto findings = rows_of(slurp(out / "findings.csv"));
  const auto villages = rows_of(slurp(out / "villages.csv"));
  const auto townships = rows_of(slurp(out / "townships.csv"));
  ASSERT_GT(findings.size(), 1u);
  // Counts per finding in villages.csv and townships.csv add up to findings.csv's rows.
  std::map<std::string, int> by_finding;
  for (std::size_t k = 1; k < findings.size(); ++k) ++by_finding[findings[k][2]];
  for (const auto* table : {&villages, &townships}) {
    const auto& head = (*table)[0];
    for (const auto& [finding, n] : by_finding) {
      const auto col = std::find(head.begin(), head.end(), finding) - head.begin();
      ASSERT_LT(static_cast<std::size_t>(col), head.size()) << finding;
      int sum = 0;
      for (std::size_t k = 1; k < table->size(); ++k) sum += std::stoi((*table)[k][col]);
      EXPECT_EQ(sum, n) << finding;
    }
  }
  // Worst first.
  for (std::size_t k = 2; k < villages.size(); ++k)
    EXPECT_GE(std::stoi(villages[k - 1][6]), std::stoi(villages[k][6]));
}

TEST_F(SampleAuditCli, CleanCountyHasNothingToFix) {
  const fs::path dir = scratch("clean");
  fs::create_directories(dir);
  spit(dir / "townships.csv", "township_id,name\nT1,一乡\n");
  spit(dir / "villages.csv",
       "village_id,township_id,name,natural,transport,economic\nV1,T1,甲村,1,1,1\n");
  spit(dir / "households.csv",
       "household_id,village_id,size,status,exit_year,cause,income,food_secure,"
       "clothing_secure,water_safe,housing,dropouts,uninsured,measures,cards\n"
       "H1,V1,3,exited,2016,illness,5000,1,1,1,A,0,0,health;industry;training;finance,"
       "help_card;contact_card;record_book\n"
       "H2,V1,2,non_registered,,,9000,1,1,1,B,0,0,,\n");
  const fs::path out = scratch("clean_out");
  const Outcome r =
      kaoping("audit --all --lang en --registry " + dir.string() + " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("self-check of 2 households: nothing found\n", 0), 0u) << r.out;
  EXPECT_EQ(slurp(out / "findings.csv"), "\xEF\xBB\xBFhousehold_id,village_id,finding,detail\n");
}

}  // namespace
