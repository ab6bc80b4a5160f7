// End to end: `kaoping simulate` under a condition (--townships, --villages, --sample) and
// with --sensitivity on a generated small county: summary.json "given" and "sensitivity",
// the exit codes of announced sets the design could not have drawn, the report's titles.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/harness.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Result = kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;

class ConditionCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("kaoping_cli_condition_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    registry_ = root_ / "county";
    Result r = run("generate --profile small --seed 4 --out " + registry_.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    draw_ = root_ / "draw.csv";
    r = run("sample" + reg() + " --seed 3 --quiet --out " + draw_.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The draw's townships and villages, in order of first appearance.
    std::istringstream in(slurp(draw_));
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      std::istringstream cells(line);
      std::string t, v;
      std::getline(cells, t, ',');
      std::getline(cells, v, ',');
      if (std::find(townships_.begin(), townships_.end(), t) == townships_.end())
        townships_.push_back(t);
      if (std::find(villages_.begin(), villages_.end(), v) == villages_.end())
        villages_.push_back(v);
    }
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  static Result run(const std::string& args) { return kaoping::cli_test::run_kaoping(args, root_); }
  static std::string reg() { return " --registry " + registry_.string(); }
  static std::string joined(const std::vector<std::string>& ids, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n && i < ids.size(); ++i) s += (i ? "," : "") + ids[i];
    return s;
  }
  static fs::path root_, registry_, draw_;
  static std::vector<std::string> townships_, villages_;
};
fs::path ConditionCli::root_, ConditionCli::registry_, ConditionCli::draw_;
std::vector<std::string> ConditionCli::townships_, ConditionCli::villages_;

TEST_F(ConditionCli, SummaryNamesWhatWasGiven) {
  ASSERT_EQ(townships_.size(), 3u);
  ASSERT_EQ(villages_.size(), 9u);
  Result r = run("simulate" + reg() + " --runs 3000 --json --townships " + joined(townships_, 3));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j.at("given"), json({{"townships", townships_}}));
  r = run("simulate" + reg() + " --runs 3000 --json --villages " + joined(villages_, 9));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = json::parse(r.out);
  ASSERT_EQ(j.at("given").at("villages").size(), 9u);
  EXPECT_EQ(std::set<std::string>(j["given"]["villages"].begin(), j["given"]["villages"].end()),
            std::set<std::string>(villages_.begin(), villages_.end()));
  r = run("simulate" + reg() + " --runs 3000 --json --fix-top 3 --sample " + draw_.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = json::parse(r.out);
  EXPECT_EQ(j.at("given").at("sample").at("file"), draw_.string());
  EXPECT_EQ(j["given"]["sample"].at("sha256").get<std::string>().size(), 64u);
  EXPECT_TRUE(j.contains("what_if"));  // --fix-top under the condition
  // Without a condition there is no "given".
  r = run("simulate" + reg() + " --runs 1000 --json");
  EXPECT_FALSE(json::parse(r.out).contains("given"));
}

TEST_F(ConditionCli, RiskTablesAndReportUnderTheCondition) {
  const fs::path out = root_ / "out_given";
  const Result r = run("simulate" + reg() + " --runs 3000 --lang en --quiet --townships " +
                       joined(townships_, 3) + " --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = slurp(out / "report.html");
  EXPECT_NE(html.find("given what the evaluators announced"), std::string::npos);
  EXPECT_NE(html.find("(given: the announced townships " + townships_[0]), std::string::npos);
  // Only the given townships are ever sampled.
  std::istringstream in(slurp(out / "risk_townships.csv"));
  std::string line;
  std::getline(in, line);
  int sampled = 0;
  while (std::getline(in, line)) {
    const std::string id = line.substr(0, line.find(','));
    const bool given = std::find(townships_.begin(), townships_.end(), id) != townships_.end();
    const std::string rest = line.substr(line.find(',') + 1);
    const std::string freq =
        rest.substr(rest.find(',') + 1, rest.find(',', rest.find(',') + 1) - rest.find(',') - 1);
    EXPECT_EQ(freq, given ? "1" : "0") << line;
    sampled += given;
  }
  EXPECT_EQ(sampled, 3);
}

TEST_F(ConditionCli, ImpossibleAnnouncedSetsAreErrors) {
  const fs::path out = root_ / "out_bad";
  auto code = [&](const std::string& args, const std::string& want) {
    const Result r =
        run("simulate" + reg() + " --runs 100 --lang en " + args + " --out " + out.string());
    EXPECT_NE(r.err.find(want), std::string::npos) << args << ": " << r.err;
    EXPECT_FALSE(fs::exists(out)) << args;
    return r.exit_code;
  };
  EXPECT_EQ(code("--townships " + joined(townships_, 2), "draws 3 townships"), 1);
  EXPECT_EQ(code("--townships " + townships_[0] + "," + townships_[1] + ",NOPE", "no township"), 1);
  EXPECT_EQ(code("--villages " + joined(villages_, 3), "in 1 townships"), 1);
  EXPECT_EQ(code("--villages " + villages_[0] + "x", "did you mean \"" + villages_[0] + "\""), 1);
  EXPECT_EQ(code("--townships " + townships_[0] + ",," + townships_[1], "empty id"), 2);
  EXPECT_EQ(code("--townships " + townships_[0] + " --villages " + villages_[0], "excludes"), 2);
  const fs::path bad = root_ / "bad_list.csv";
  std::ofstream(bad) << "household_id\nNOPE-1\n";
  EXPECT_EQ(code("--sample " + bad.string(), "bad_list.csv:2:1: error:"), 1);
}

TEST_F(ConditionCli, SensitivityHasFourEntriesLargestSwingFirst) {
  const Result plain = run("simulate" + reg() + " --runs 4000 --json");
  const Result r = run("simulate" + reg() +
                       " --runs 4000 --json --sensitivity --set sensitivity.presence=[0.95,0.6]");
  EXPECT_EQ(r.exit_code, 1);  // low above high
  EXPECT_NE(r.err.find("sensitivity.presence is [low, high]"), std::string::npos) << r.err;
  const Result s = run("simulate" + reg() +
                       " --runs 4000 --json --sensitivity --set sensitivity.presence=[0.95,0.99]");
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const json j = json::parse(s.out);
  const double p = json::parse(plain.out).at("pass_probability");
  EXPECT_EQ(j.at("pass_probability"), p);  // the plain run's figures stay
  const json& list = j.at("sensitivity");
  ASSERT_EQ(list.size(), 4u);
  std::set<std::string> keys;
  double last_swing = 2;
  for (const json& e : list) {
    for (const char* k : {"key", "low", "high", "pass_low", "pass_high"})
      EXPECT_TRUE(e.contains(k)) << k;
    keys.insert(e["key"].get<std::string>());
    const double swing = std::abs(e["pass_high"].get<double>() - e["pass_low"].get<double>());
    EXPECT_LE(swing, last_swing);
    last_swing = swing;
    // At the configured presence (the low end here) the replicates are the plain run's.
    if (e["key"] == "evaluator.presence") {
      EXPECT_EQ(e["pass_low"], p);
    }
    if (e["key"] == "evaluator.unverified_fault") {
      EXPECT_EQ(e["low"], 0.5);
      EXPECT_EQ(e["high"], 2.0);
    }
  }
  EXPECT_EQ(keys, (std::set<std::string>{"evaluator.income_noise", "evaluator.presence",
                                         "evaluator.satisfaction", "evaluator.unverified_fault"}));
  const Result text = run("simulate" + reg() + " --runs 4000 --lang en --sensitivity");
  EXPECT_NE(text.out.find("over the plausible assumptions"), std::string::npos) << text.out;
}

}  // namespace
