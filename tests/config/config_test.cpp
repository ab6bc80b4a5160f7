// Configuration: defaults, deep merge, criteria replacement, --set, and every error message
// word for word (SPEC §2).
#include "config/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "util/limits.h"

namespace kaoping {
namespace {

namespace fs = std::filesystem;

/// A YAML file in a fresh temporary directory, removed with the fixture.
class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kaoping_config_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// Writes `text` to dir/name and returns the path.
  std::string write(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  /// Loads with the given file text (none when empty) and overrides; returns every message.
  std::vector<std::string> errors(const std::string& yaml,
                                  const std::vector<std::string>& sets = {}) {
    Diagnostics diag;
    Config config;
    const std::string path = yaml.empty() ? "" : write("my.yaml", yaml);
    const bool ok = load_config(path, sets, &config, &diag);
    std::vector<std::string> out;
    for (const Diagnostic& d : diag.items()) {
      std::string line = d.format();
      // Show the file by its name only, as the user typed it in these tests.
      if (!path.empty() && line.rfind(path, 0) == 0) line = "my.yaml" + line.substr(path.size());
      out.push_back(line);
    }
    EXPECT_EQ(ok, !diag.has_errors());
    return out;
  }

  /// Loads and expects success without any diagnostic.
  Config load(const std::string& yaml, const std::vector<std::string>& sets = {}) {
    Diagnostics diag;
    Config config;
    const std::string path = yaml.empty() ? "" : write("my.yaml", yaml);
    EXPECT_TRUE(load_config(path, sets, &config, &diag));
    for (const Diagnostic& d : diag.items()) ADD_FAILURE() << d.format();
    return config;
  }

  fs::path dir_;
};

using Strings = std::vector<std::string>;

// ------------------------------------------------------------------------------------------
// Dates, clocks, rates.

TEST(DateTest, DaysRoundTrip) {
  EXPECT_EQ((Date{1970, 1, 1}).days(), 0);
  EXPECT_EQ((Date{2017, 9, 5}).days(), 17414);
  EXPECT_EQ((Date{1969, 12, 31}).days(), -1);
  for (int64_t d = -800; d < 25000; d += 37) EXPECT_EQ(Date::from_days(d).days(), d);
  EXPECT_EQ(Date::from_days(17414), (Date{2017, 9, 5}));
  EXPECT_EQ((Date{2016, 2, 29}).days() + 1, (Date{2016, 3, 1}).days());
  EXPECT_EQ((Date{2017, 9, 5}).str(), "2017-09-05");
}

TEST(DateTest, ParseIsStrict) {
  Date d;
  ASSERT_TRUE(parse_date("2016-02-29", &d));
  EXPECT_EQ(d, (Date{2016, 2, 29}));
  for (const char* bad : {"2017-02-29", "2017-13-01", "2017-00-10", "2017-09-31", "2017-9-5",
                          "17-09-05", "2017/09/05", "2017-09-05x", "", "abcd-ef-gh"})
    EXPECT_FALSE(parse_date(bad, &d)) << bad;
}

TEST(ClockTest, Parse) {
  int m = -1;
  ASSERT_TRUE(parse_clock("08:30", &m));
  EXPECT_EQ(m, 510);
  ASSERT_TRUE(parse_clock("24:00", &m));
  EXPECT_EQ(m, 1440);
  ASSERT_TRUE(parse_clock("00:00", &m));
  EXPECT_EQ(m, 0);
  for (const char* bad : {"8:30", "24:01", "25:00", "12:60", "12-30", "12:3", "ab:cd", ""})
    EXPECT_FALSE(parse_clock(bad, &m)) << bad;
}

TEST(RateTest, NamesRoundTrip) {
  for (int i = 0; i < kRateCount; ++i) {
    const Rate r = static_cast<Rate>(i);
    EXPECT_EQ(parse_rate(to_string(r)), r);
  }
  EXPECT_EQ(to_string(Rate::kPlannedExitShortfall), "planned_exit_shortfall");
  EXPECT_FALSE(parse_rate("omision").has_value());
}

// ------------------------------------------------------------------------------------------
// Defaults, merge, --set.

TEST_F(ConfigTest, DefaultsEqualSpec) {
  const Config c = load("");
  EXPECT_EQ(c.design.townships, 3);
  EXPECT_EQ(c.design.township_selection, TownshipSelection::kSrs);
  EXPECT_EQ(c.design.tiers, (std::vector<Tier>{Tier::kGood, Tier::kMedium, Tier::kPoor}));
  EXPECT_EQ(c.design.tier_method, TierMethod::kComposite);
  EXPECT_EQ(c.design.weight_natural, 1);
  EXPECT_EQ(c.design.weight_transport, 1);
  EXPECT_EQ(c.design.weight_economic, 1);
  EXPECT_EQ(c.design.households_per_village, 43);
  EXPECT_EQ(c.design.quota[static_cast<int>(Category::kPoor)], 15);
  EXPECT_EQ(c.design.quota[static_cast<int>(Category::kExited)], 13);
  EXPECT_EQ(c.design.quota[static_cast<int>(Category::kNonRegistered)], 15);
  EXPECT_EQ(c.standards.assess_year, 2017);
  EXPECT_EQ(c.standards.poverty_line,
            (std::map<int, double>{{2014, 2800}, {2015, 2855}, {2016, 2952}, {2017, 3335}}));
  EXPECT_EQ(c.standards.line(), 3335);
  EXPECT_EQ(c.standards.rate_basis, RateBasis::kPerson);
  EXPECT_EQ(c.standards.identification, Identification::kIncomeOrGuarantees);
  EXPECT_EQ(c.standards.mis_inclusion_income_multiple, 2.0);
  EXPECT_EQ(c.standards.income_tolerance, 0.2);
  ASSERT_EQ(c.standards.criteria.size(), 4u);
  const Rate rates[] = {Rate::kWrongExit, Rate::kOmission, Rate::kSatisfaction,
                        Rate::kMisInclusion};
  const bool below[] = {true, true, false, true};
  const double thresholds[] = {0.02, 0.02, 0.90, 0.02};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(c.standards.criteria[i].rate, rates[i]);
    EXPECT_EQ(c.standards.criteria[i].below, below[i]);
    EXPECT_EQ(c.standards.criteria[i].threshold, thresholds[i]);
  }
  EXPECT_EQ(c.evaluator.income_noise, 0.10);
  EXPECT_EQ(c.evaluator.presence, 0.95);
  EXPECT_EQ(c.evaluator.satisfaction[static_cast<int>(Status::kPoor)], 0.95);
  EXPECT_EQ(c.evaluator.satisfaction[static_cast<int>(Status::kPlannedExit)], 0.95);
  EXPECT_EQ(c.evaluator.satisfaction[static_cast<int>(Status::kExited)], 0.93);
  EXPECT_EQ(c.evaluator.satisfaction[static_cast<int>(Status::kNonRegistered)], 0.90);
  EXPECT_EQ(c.simulation.runs, 100000);
  EXPECT_EQ(c.simulation.seed, 20170905u);
  EXPECT_EQ(c.simulation.threads, 0);
  EXPECT_EQ(c.simulation.target_halfwidth, 0);
  EXPECT_EQ(c.schedule.window_start, (Date{2017, 9, 5}));
  EXPECT_EQ(c.schedule.window_end, (Date{2017, 9, 25}));
  EXPECT_EQ(c.schedule.teams, 3);
  EXPECT_EQ(c.schedule.day_start, 8 * 60 + 30);
  EXPECT_EQ(c.schedule.day_end, 18 * 60);
  EXPECT_EQ(c.schedule.lunch_start, 12 * 60);
  EXPECT_EQ(c.schedule.lunch_end, 13 * 60 + 30);
  EXPECT_EQ(c.schedule.visit_minutes, 40);
  EXPECT_EQ(c.schedule.start, (Date{2017, 9, 5}));
  EXPECT_EQ(c.schedule.enumerators_per_team, 3);
  EXPECT_EQ(c.schedule.guides_per_village, 3);
}

TEST_F(ConfigTest, CriterionHoldsIsStrict) {
  const Criterion below{Rate::kOmission, true, 0.02};
  EXPECT_TRUE(below.holds(0.0199));
  EXPECT_FALSE(below.holds(0.02));
  const Criterion above{Rate::kSatisfaction, false, 0.9};
  EXPECT_TRUE(above.holds(0.9001));
  EXPECT_FALSE(above.holds(0.9));
}

// A control character made yaml-cpp 0.7 loop (found by the config fuzz target): refused at
// its place, in a file and in --set, before yaml-cpp sees it.
TEST_F(ConfigTest, ControlCharactersAreRefusedWhereTheyAre) {
  const std::vector<std::string> e = errors(",imulation:\n\x04 runs: 100\n");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find(":2:1: error: the configuration holds the control character U+0004"),
            std::string::npos)
      << e[0];
  const std::vector<std::string> s = errors("", {"simulation.runs=1\x01"});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NE(s[0].find("--set:1:"), std::string::npos) << s[0];
  EXPECT_NE(s[0].find("U+0001"), std::string::npos) << s[0];
}

// yaml-cpp 0.7 looped on a document that begins with ',' (found by the config fuzz target).
TEST_F(ConfigTest, ADocumentBeginningWithACommaIsASyntaxErrorNotALoop) {
  for (const char* yaml : {",a\n", " ,a\n", "# note\n,a\n"}) {
    const std::vector<std::string> e = errors(yaml);
    ASSERT_EQ(e.size(), 1u) << yaml;
    EXPECT_NE(e[0].find("a document cannot begin with ','"), std::string::npos) << e[0];
  }
  EXPECT_NE(errors(",a\n")[0].find("my.yaml:1:1:"), std::string::npos);
}

// yaml-cpp 0.7's LoadAll looped for ever on a plain scalar with a stray line below it, one
// empty "document" after another (found by the config fuzz target in CI): the documents are
// counted, two at most, and the stray line is named where it is.
TEST_F(ConfigTest, TextThatBelongsToNoDocumentIsRefusedWhereItIs) {
  const std::string yaml =
      "- name: first\n"
      "  note:\n"
      "    (first part and (a list (\n"
      "\"a quoted line\",\n"
      "    \"another\"\n"
      "    )  )\n";
  EXPECT_EQ(errors(yaml),
            Strings{"my.yaml:4:1: error: this text does not belong to the YAML document above "
                    "(check the indentation and the quotes)"});
  // A real second document is still called one, at its first node.
  EXPECT_EQ(errors("a: 1\n---\n\nb: 2\n")[0],
            "my.yaml:4:1: error: only one YAML document is allowed, found another one here");
  EXPECT_EQ(errors("a: 1\n--- 2\n")[0],
            "my.yaml:2:5: error: only one YAML document is allowed, found another one here");
}

TEST_F(ConfigTest, DeepMergeKeepsSiblings) {
  const Config c = load(
      "design:\n"
      "  townships: 4\n"
      "  household_quota: {exited: 10}\n"
      "standards:\n"
      "  poverty_line: {2018: 3535}\n"
      "  assess_year: 2018\n"
      "evaluator:\n"
      "  satisfaction: {exited: 0.8}\n");
  EXPECT_EQ(c.design.townships, 4);
  EXPECT_EQ(c.design.township_selection, TownshipSelection::kSrs);  // untouched sibling
  EXPECT_EQ(c.design.quota[static_cast<int>(Category::kExited)], 10);
  EXPECT_EQ(c.design.quota[static_cast<int>(Category::kPoor)], 15);
  EXPECT_EQ(c.standards.poverty_line.size(), 5u);
  EXPECT_EQ(c.standards.line(), 3535);
  EXPECT_EQ(c.evaluator.satisfaction[static_cast<int>(Status::kExited)], 0.8);
  EXPECT_EQ(c.evaluator.satisfaction[static_cast<int>(Status::kPoor)], 0.95);
  EXPECT_EQ(c.standards.criteria.size(), 4u);  // criteria not mentioned: default kept
}

TEST_F(ConfigTest, VillagesPerTierAndPovertyIncidence) {
  const Config c = load(
      "design:\n"
      "  villages_per_tier: {good: 2, poor: 3}\n"
      "standards:\n"
      "  criteria: {poverty_incidence: {below: 0.03}}\n");
  EXPECT_EQ(c.design.villages_of(Tier::kGood), 2);
  EXPECT_EQ(c.design.villages_of(Tier::kMedium), 1);  // untouched sibling
  EXPECT_EQ(c.design.villages_of(Tier::kPoor), 3);
  EXPECT_EQ(c.design.villages_drawn(), 3 * 6);
  ASSERT_EQ(c.standards.criteria.size(), 1u);
  EXPECT_EQ(c.standards.criteria[0].rate, Rate::kPovertyIncidence);
  EXPECT_NE(c.resolved_yaml.find("villages_per_tier: {good: 2, medium: 1, poor: 3}"),
            std::string::npos)
      << c.resolved_yaml;
  EXPECT_EQ(errors("design:\n  villages_per_tier: {good: 0}\n"),
            Strings{"my.yaml:2:29: error: design.villages_per_tier.good must be a whole number "
                    ">= 1, got \"0\""});
  EXPECT_EQ(errors("design:\n  villages_per_tier: {gold: 2}\n").size(), 1u);
}

TEST_F(ConfigTest, ListsReplace) {
  const Config c = load("design:\n  tiers: [poor]\n");
  EXPECT_EQ(c.design.tiers, (std::vector<Tier>{Tier::kPoor}));
}

TEST_F(ConfigTest, UserCriteriaReplaceTheDefaultList) {
  const Config c = load(
      "standards:\n"
      "  criteria:\n"
      "    omission: {below: 0.01}\n");
  ASSERT_EQ(c.standards.criteria.size(), 1u);
  EXPECT_EQ(c.standards.criteria[0].rate, Rate::kOmission);
  EXPECT_TRUE(c.standards.criteria[0].below);
  EXPECT_EQ(c.standards.criteria[0].threshold, 0.01);
}

TEST_F(ConfigTest, CriteriaKeepTheUsersOrder) {
  const Config c = load(
      "standards:\n"
      "  criteria:\n"
      "    inconsistency: {below: 0.05}\n"
      "    planned_exit_shortfall: {below: 0.1}\n"
      "    satisfaction: {above: 0.85}\n");
  ASSERT_EQ(c.standards.criteria.size(), 3u);
  EXPECT_EQ(c.standards.criteria[0].rate, Rate::kInconsistency);
  EXPECT_EQ(c.standards.criteria[1].rate, Rate::kPlannedExitShortfall);
  EXPECT_EQ(c.standards.criteria[2].rate, Rate::kSatisfaction);
  EXPECT_FALSE(c.standards.criteria[2].below);
}

TEST_F(ConfigTest, EmptyCriteriaWarn) {
  EXPECT_EQ(errors("standards:\n  criteria: {}\n"),
            Strings{"my.yaml:2:13: warning: standards.criteria is empty: every draw passes"});
}

TEST_F(ConfigTest, EmptyFileAndEmptySectionChangeNothing) {
  EXPECT_EQ(load("# nothing here\n").design.townships, 3);
  const Config c = load("design:\n#  townships: 4\nsimulation:\n  runs: 10\n");
  EXPECT_EQ(c.design.townships, 3);
  EXPECT_EQ(c.simulation.runs, 10);
}

TEST_F(ConfigTest, SetScalarsListsDatesAndCriteria) {
  const Config c =
      load("", {"design.townships=4", "design.tiers=[good,poor]",
                "standards.criteria.omission.below=0.01", "schedule.window=[2017-09-06,2017-09-20]",
                "schedule.start=2017-09-07", "schedule.day=[\"08:00\",\"17:30\"]",
                "simulation.seed=18446744073709551615", "design.township_selection=pps"});
  EXPECT_EQ(c.design.townships, 4);
  EXPECT_EQ(c.design.township_selection, TownshipSelection::kPps);
  EXPECT_EQ(c.design.tiers, (std::vector<Tier>{Tier::kGood, Tier::kPoor}));
  ASSERT_EQ(c.standards.criteria.size(), 4u);  // only omission's threshold changed
  EXPECT_EQ(c.standards.criteria[1].rate, Rate::kOmission);
  EXPECT_EQ(c.standards.criteria[1].threshold, 0.01);
  EXPECT_EQ(c.standards.criteria[0].threshold, 0.02);
  EXPECT_EQ(c.schedule.window_start, (Date{2017, 9, 6}));
  EXPECT_EQ(c.schedule.window_end, (Date{2017, 9, 20}));
  EXPECT_EQ(c.schedule.start, (Date{2017, 9, 7}));
  // The window alone, as in the example: the default start follows it.
  const Config w = load("", {"schedule.window=[2017-09-06,2017-09-20]"});
  EXPECT_EQ(w.schedule.start, (Date{2017, 9, 6}));
  EXPECT_EQ(c.schedule.day_start, 8 * 60);
  EXPECT_EQ(c.schedule.day_end, 17 * 60 + 30);
  EXPECT_EQ(c.simulation.seed, 18446744073709551615u);
}

TEST_F(ConfigTest, SetAppliesAfterTheFileInOrder) {
  const Config c = load("design:\n  townships: 5\n", {"design.townships=6", "design.townships=7"});
  EXPECT_EQ(c.design.townships, 7);
}

TEST_F(ConfigTest, SetFlipsACriterionAndAddsOne) {
  const Config c = load("", {"standards.criteria.satisfaction.below=0.5",
                             "standards.criteria.inconsistency.below=0.05"});
  ASSERT_EQ(c.standards.criteria.size(), 5u);
  EXPECT_EQ(c.standards.criteria[2].rate, Rate::kSatisfaction);
  EXPECT_TRUE(c.standards.criteria[2].below);
  EXPECT_EQ(c.standards.criteria[2].threshold, 0.5);
  EXPECT_EQ(c.standards.criteria[4].rate, Rate::kInconsistency);
}

TEST_F(ConfigTest, SetOfTheWholeCriteriaReplacesThem) {
  const Config c = load("", {"standards.criteria={wrong_exit: {below: 0.03}}"});
  ASSERT_EQ(c.standards.criteria.size(), 1u);
  EXPECT_EQ(c.standards.criteria[0].rate, Rate::kWrongExit);
  EXPECT_EQ(c.standards.criteria[0].threshold, 0.03);
}

TEST_F(ConfigTest, ResolvedYamlRoundTrips) {
  const Config a = load("standards:\n  criteria:\n    omission: {below: 0.015}\n",
                        {"design.tiers=[poor,good]", "evaluator.income_noise=0.123456789"});
  EXPECT_NE(a.resolved_yaml.find("omission: {below: 0.015}"), std::string::npos) << a.resolved_yaml;
  const Config b = load(a.resolved_yaml);
  EXPECT_EQ(b.resolved_yaml, a.resolved_yaml);
  EXPECT_EQ(b.design.tiers, a.design.tiers);
  EXPECT_EQ(b.evaluator.income_noise, 0.123456789);
  ASSERT_EQ(b.standards.criteria.size(), 1u);
}

TEST_F(ConfigTest, DefaultResolvedYamlReadsAsTheDefault) {
  const Config c = load("");
  const Config d = load(c.resolved_yaml);
  EXPECT_EQ(d.resolved_yaml, c.resolved_yaml);
  EXPECT_NE(c.resolved_yaml.find("day: [\"08:30\", \"18:00\"]"), std::string::npos)
      << c.resolved_yaml;
}

TEST_F(ConfigTest, WholeNumbersMayBeWrittenInDecimalForm) {
  EXPECT_EQ(load("simulation:\n  runs: 1e5\n").simulation.runs, 100000);
  EXPECT_EQ(load("simulation:\n  runs: +200\n").simulation.runs, 200);
}

// ------------------------------------------------------------------------------------------
// Errors, word for word.

TEST_F(ConfigTest, UnknownKeyWithSuggestion) {
  EXPECT_EQ(errors("design:\n  townshps: 4\n"),
            Strings{"my.yaml:2:3: error: unknown key 'townshps' in 'design', did you mean "
                    "'townships'?"});
  EXPECT_EQ(errors("desing:\n  townships: 4\n"),
            Strings{"my.yaml:1:1: error: unknown top-level key 'desing', did you mean 'design'?"});
  EXPECT_EQ(errors("standards:\n  criteria:\n    omision: {below: 0.01}\n"),
            Strings{"my.yaml:3:5: error: unknown key 'omision' in 'standards.criteria', did you "
                    "mean 'omission'?"});
  EXPECT_EQ(errors("standards:\n  criteria:\n    omission: {bellow: 0.01}\n"),
            (Strings{"my.yaml:3:15: error: standards.criteria.omission must have exactly one of "
                     "below or above",
                     "my.yaml:3:16: error: unknown key 'bellow' in 'standards.criteria.omission', "
                     "did you mean 'below'?"}));
}

TEST_F(ConfigTest, UnknownKeyWithoutCloseMatchListsTheValidOnes) {
  EXPECT_EQ(errors("simulation:\n  frobnicate: 1\n"),
            Strings{"my.yaml:2:3: error: unknown key 'frobnicate' in 'simulation' (expected one "
                    "of: runs, seed, threads, target_halfwidth)"});
}

TEST_F(ConfigTest, EveryErrorIsReportedInFileOrder) {
  EXPECT_EQ(errors("schedule:\n  teems: 2\ndesign:\n  townships: 0\n  tier_method: pcaa\n"),
            (Strings{"my.yaml:2:3: error: unknown key 'teems' in 'schedule', did you mean "
                     "'teams'?",
                     "my.yaml:4:14: error: design.townships must be a whole number >= 1, got \"0\"",
                     "my.yaml:5:16: error: design.tier_method must be one of composite|pca|label, "
                     "got \"pcaa\", did you mean 'pca'?"}));
}

TEST_F(ConfigTest, YamlSyntaxErrors) {
  EXPECT_EQ(errors("design:\n  tiers: [good, poor\n"),
            Strings{"my.yaml:3:1: error: YAML syntax error: end of sequence flow not found"});
  EXPECT_EQ(errors("design:\n  townships: 3\n bad: 1\n"),
            Strings{"my.yaml:3:2: error: YAML syntax error: end of map not found"});
  EXPECT_EQ(errors("design:\n  townships: 3\n---\ndesign: {}\n"),
            Strings{"my.yaml:4:1: error: only one YAML document is allowed, found another one "
                    "here"});
}

TEST_F(ConfigTest, DuplicateKey) {
  EXPECT_EQ(errors("design:\n  townships: 3\n  townships: 4\n"),
            Strings{"my.yaml:3:3: error: duplicate key 'townships' in 'design', first given at "
                    "line 2"});
}

TEST_F(ConfigTest, NotAMap) {
  EXPECT_EQ(errors("- a\n- b\n"),
            Strings{"my.yaml:1:1: error: the configuration must be a map of sections (design, "
                    "standards, evaluator, simulation, schedule), got a list"});
  EXPECT_EQ(errors("design: 3\n"),
            Strings{"my.yaml:1:9: error: design must be a map of keys, got \"3\""});
}

TEST_F(ConfigTest, MissingOrUnreadableFile) {
  Diagnostics diag;
  Config config;
  const std::string missing = (dir_ / "nope.yaml").string();
  EXPECT_FALSE(load_config(missing, {}, &config, &diag));
  ASSERT_EQ(diag.items().size(), 1u);
  EXPECT_EQ(diag.items()[0].format(),
            missing + ": error: cannot read the configuration file: No such file or directory");

  Diagnostics diag2;
  EXPECT_FALSE(load_config(dir_.string(), {}, &config, &diag2));
  ASSERT_EQ(diag2.items().size(), 1u);
  EXPECT_EQ(diag2.items()[0].format(),
            dir_.string() + ": error: cannot read the configuration file: it is a directory");

  Diagnostics diag3;
  const std::string binary = write("binary.yaml", std::string("\x7f"
                                                              "ELF\0\0\1",
                                                              7));
  EXPECT_FALSE(load_config(binary, {}, &config, &diag3));
  ASSERT_EQ(diag3.items().size(), 1u);
  EXPECT_EQ(diag3.items()[0].format(),
            binary + ": error: the configuration file is not YAML text (it contains NUL bytes)");
}

TEST_F(ConfigTest, FailedLoadLeavesTheConfigUntouched) {
  Diagnostics diag;
  Config config;
  config.design.townships = 99;
  EXPECT_FALSE(load_config(write("bad.yaml", "design:\n  townships: 0\n"), {}, &config, &diag));
  EXPECT_EQ(config.design.townships, 99);
}

TEST_F(ConfigTest, WholeNumberChecks) {
  EXPECT_EQ(errors("design:\n  townships: 2.5\n"),
            Strings{"my.yaml:2:14: error: design.townships must be a whole number >= 1, got "
                    "\"2.5\""});
  EXPECT_EQ(errors("design:\n  household_quota: {poor: -1}\n"),
            Strings{"my.yaml:2:27: error: design.household_quota.poor must be a whole number >= "
                    "0, got \"-1\""});
  EXPECT_EQ(errors("design:\n  townships:\n"),
            Strings{"my.yaml:2:3: error: design.townships must be a whole number >= 1, got "
                    "nothing"});
  EXPECT_EQ(errors("design:\n  townships: [1]\n"),
            Strings{"my.yaml:2:14: error: design.townships must be a whole number >= 1, got a "
                    "list"});
  EXPECT_EQ(errors("schedule:\n  teams: 99999999999\n"),
            Strings{"my.yaml:2:10: error: schedule.teams must be a whole number from 1 to "
                    "1000, got \"99999999999\""});
  EXPECT_EQ(
      errors("simulation:\n  threads: -1\n  runs: 0\n"),
      (Strings{"my.yaml:2:12: error: simulation.threads must be a whole number >= 0, got "
               "\"-1\"",
               "my.yaml:3:9: error: simulation.runs must be a whole number >= 1, got \"0\""}));
  EXPECT_EQ(errors("simulation:\n  seed: -5\n"),
            Strings{"my.yaml:2:9: error: simulation.seed must be a whole number from 0 to "
                    "18446744073709551615, got \"-5\""});
  EXPECT_EQ(errors("simulation:\n  seed: 18446744073709551616\n"),
            Strings{"my.yaml:2:9: error: simulation.seed must be a whole number from 0 to "
                    "18446744073709551615, got \"18446744073709551616\""});
}

// Values that `validate` once accepted and `schedule` or `simulate` then crashed on (SIGFPE
// at teams = 2147483647, a household quota sizing the OC curve to billions): each is bounded
// by what the program can do (util/limits.h), with its place.
TEST_F(ConfigTest, EveryValueIsBoundedByWhatTheProgramCanDo) {
  EXPECT_EQ(errors("schedule:\n  teams: 2147483647\n  enumerators_per_team: 2147483647\n"),
            (Strings{"my.yaml:2:10: error: schedule.teams must be a whole number from 1 to 1000, "
                     "got \"2147483647\"",
                     "my.yaml:3:25: error: schedule.enumerators_per_team must be a whole number "
                     "from 1 to 100, got \"2147483647\""}));
  EXPECT_EQ(errors("schedule:\n  visit_minutes: 1441\n  guides_per_village: 101\n"),
            (Strings{"my.yaml:2:18: error: schedule.visit_minutes must be a whole number from 1 "
                     "to 1440, got \"1441\"",
                     "my.yaml:3:23: error: schedule.guides_per_village must be a whole number "
                     "from 1 to 100, got \"101\""}));
  EXPECT_EQ(errors("design:\n  household_quota: {poor: 2000000000}\n"),
            Strings{"my.yaml:2:27: error: design.household_quota.poor must be a whole number "
                    "from 0 to 100000, got \"2000000000\""});
  EXPECT_EQ(errors("design:\n  townships: 10001\n  households_per_village: 100001\n"),
            (Strings{"my.yaml:2:14: error: design.townships must be a whole number from 1 to "
                     "10000, got \"10001\"",
                     "my.yaml:3:27: error: design.households_per_village must be a whole number "
                     "from 1 to 100000, got \"100001\""}));
  EXPECT_EQ(errors("simulation:\n  runs: 9223372036854775807\n"),
            Strings{"my.yaml:2:9: error: simulation.runs must be a whole number from 1 to "
                    "1000000000, got \"9223372036854775807\""});
  const std::string cap = std::to_string(limits::max_threads());
  EXPECT_EQ(errors("simulation:\n  threads: 100000\n"),
            Strings{"my.yaml:2:12: error: simulation.threads must be a whole number from 0 to " +
                    cap + ", got \"100000\""});
  EXPECT_EQ(load("simulation:\n  runs: 1000000000\n  threads: " + cap + "\n").simulation.runs,
            1000000000);
}

// "Billion laughs": a 1 KB file of aliases of aliases expanded to billions of values (7 GB).
TEST_F(ConfigTest, AliasExpansionIsBounded) {
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i)
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + [&] {
      std::string s;
      for (int k = 0; k < 10; ++k) s += (k ? ", *a" : "*a") + std::to_string(i - 1);
      return s;
    }() + "]\n";
  const Strings e = errors(yaml);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NE(e[0].find("error: the configuration expands to more than 100000 values (aliases of "
                      "aliases?)"),
            std::string::npos)
      << e[0];
  EXPECT_EQ(e[0].rfind("my.yaml:", 0), 0u) << e[0];
  std::string deep = "design: ";
  for (int i = 0; i < 100; ++i) deep += "[";
  for (int i = 0; i < 100; ++i) deep += "]";
  const Strings d = errors(deep + "\n");
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d[0].find("nests deeper than 64 levels"), std::string::npos) << d[0];
  // A few aliases, as people use them, are fine.
  EXPECT_EQ(errors("simulation: &s {runs: 10}\n").size(), 0u);
}

TEST_F(ConfigTest, NumberRanges) {
  EXPECT_EQ(errors("standards:\n  criteria:\n    omission: {below: 1.5}\n"),
            Strings{"my.yaml:3:23: error: standards.criteria.omission.below must be a number in "
                    "(0,1), got \"1.5\""});
  EXPECT_EQ(errors("standards:\n  criteria:\n    omission: {below: 0}\n"),
            Strings{"my.yaml:3:23: error: standards.criteria.omission.below must be a number in "
                    "(0,1), got \"0\""});
  EXPECT_EQ(errors("evaluator:\n  presence: 1.01\n  income_noise: -0.1\n"
                   "  satisfaction: {exited: .nan}\n"),
            (Strings{"my.yaml:2:13: error: evaluator.presence must be a number in [0,1], got "
                     "\"1.01\"",
                     "my.yaml:3:17: error: evaluator.income_noise must be a number >= 0, got "
                     "\"-0.1\"",
                     "my.yaml:4:26: error: evaluator.satisfaction.exited must be a number in "
                     "[0,1], got \".nan\""}));
  EXPECT_EQ(load("evaluator:\n  presence: 1\n  income_noise: 0\n").evaluator.presence, 1);
  EXPECT_EQ(errors("standards:\n  mis_inclusion_income_multiple: 0.5\n"),
            Strings{"my.yaml:2:34: error: standards.mis_inclusion_income_multiple must be a "
                    "number >= 1, got \"0.5\""});
  EXPECT_EQ(errors("design:\n  tier_weights: {natural: 0, transport: 0, economic: 0}\n"),
            Strings{"my.yaml:2:17: error: design.tier_weights must have at least one weight > 0"});
}

TEST_F(ConfigTest, BadEnums) {
  EXPECT_EQ(errors("design:\n  township_selection: PPS\n"),
            Strings{"my.yaml:2:23: error: design.township_selection must be one of srs|pps, got "
                    "\"PPS\", did you mean 'pps'?"});
  EXPECT_EQ(errors("standards:\n  rate_basis: families\n"),
            Strings{"my.yaml:2:15: error: standards.rate_basis must be one of person|household, "
                    "got \"families\""});
  EXPECT_EQ(errors("standards:\n  identification: [income]\n"),
            Strings{"my.yaml:2:19: error: standards.identification must be one of "
                    "income|income_or_guarantees, got a list"});
  EXPECT_EQ(errors("design:\n  tiers: [good, great, good]\n"),
            (Strings{"my.yaml:2:17: error: each of design.tiers must be one of good|medium|poor, "
                     "got \"great\"",
                     "my.yaml:2:24: error: design.tiers lists 'good' twice"}));
  EXPECT_EQ(errors("design:\n  tiers: []\n"),
            Strings{"my.yaml:2:10: error: design.tiers must be a list of tiers from "
                    "good|medium|poor, got an empty list"});
}

TEST_F(ConfigTest, CriteriaChecks) {
  EXPECT_EQ(errors("standards:\n  criteria:\n    omission: {below: 0.01, above: 0.5}\n"),
            Strings{"my.yaml:3:15: error: standards.criteria.omission must have exactly one of "
                    "below or above"});
  EXPECT_EQ(errors("standards:\n  criteria:\n    omission: 0.01\n"),
            Strings{"my.yaml:3:15: error: standards.criteria.omission must be {below: x} or "
                    "{above: x}, got \"0.01\""});
  EXPECT_EQ(errors("standards:\n  criteria: [omission]\n"),
            Strings{"my.yaml:2:13: error: standards.criteria must be a map of rate: {below: x} "
                    "or {above: x}, got a list"});
}

TEST_F(ConfigTest, PovertyLineForTheAssessYear) {
  EXPECT_EQ(errors("standards:\n  assess_year: 2018\n"),
            Strings{"my.yaml:2:16: error: standards.poverty_line has no line for assess_year "
                    "2018"});
  EXPECT_EQ(errors("standards:\n  poverty_line: {2018: 0, abc: 3000}\n"),
            (Strings{"my.yaml:2:24: error: standards.poverty_line.2018 must be a number > 0, got "
                     "\"0\"",
                     "my.yaml:2:27: error: standards.poverty_line keys must be years from 1900 to "
                     "2100, got \"abc\""}));
  EXPECT_EQ(errors("standards:\n  assess_year: 17\n"),
            Strings{"my.yaml:2:16: error: standards.assess_year must be a whole number >= 1900, "
                    "got \"17\""});
}

TEST_F(ConfigTest, BadDatesAndTimes) {
  EXPECT_EQ(errors("schedule:\n  start: 2017-09-31\n"),
            Strings{"my.yaml:2:10: error: schedule.start must be a date YYYY-MM-DD, got "
                    "\"2017-09-31\""});
  EXPECT_EQ(errors("schedule:\n  window: [2017-09-25, 2017-09-05]\n"),
            Strings{"my.yaml:2:11: error: schedule.window starts after it ends (2017-09-25 > "
                    "2017-09-05)"});
  EXPECT_EQ(errors("schedule:\n  window: [2017-09-05]\n"),
            Strings{"my.yaml:2:11: error: schedule.window must be a list of two dates [start, "
                    "end], got a list of 1"});
  EXPECT_EQ(errors("schedule:\n  window: [2017-09-05, 2017-9-25]\n"),
            Strings{"my.yaml:2:24: error: the end of schedule.window must be a date YYYY-MM-DD, "
                    "got \"2017-9-25\""});
  EXPECT_EQ(errors("schedule:\n  start: 2017-10-01\n"),
            Strings{"my.yaml:2:10: error: schedule.start 2017-10-01 is outside schedule.window "
                    "[2017-09-05, 2017-09-25]"});
  // The window moved away from the default start, which was not set: start follows the window.
  EXPECT_EQ(load("schedule:\n  window: [2017-10-01, 2017-10-20]\n").schedule.start,
            (Date{2017, 10, 1}));
  EXPECT_EQ(errors("schedule:\n  window: [2017-10-01, 2017-10-20]\n  start: 2017-09-05\n"),
            Strings{"my.yaml:3:10: error: schedule.start 2017-09-05 is outside schedule.window "
                    "[2017-10-01, 2017-10-20]"});
  EXPECT_EQ(errors("schedule:\n  day: [\"8:30\", \"18:00\"]\n"),
            Strings{"my.yaml:2:9: error: the start of schedule.day must be a time \"HH:MM\" from "
                    "00:00 to 24:00, got \"8:30\""});
  EXPECT_EQ(errors("schedule:\n  lunch: [\"12:00\", \"19:00\"]\n"),
            Strings{"my.yaml:2:10: error: schedule times must run day start < lunch start < "
                    "lunch end < day end, got day [08:30, 18:00] and lunch [12:00, 19:00]"});
}

TEST_F(ConfigTest, SetErrorsPointIntoTheArgument) {
  EXPECT_EQ(errors("", {"design.townships=4", "design.townshps=4"}),
            Strings{"--set:2:8: error: unknown key 'townshps' in 'design', did you mean "
                    "'townships'?"});
  EXPECT_EQ(errors("", {"design.townships=0"}),
            Strings{"--set:1:18: error: design.townships must be a whole number >= 1, got "
                    "\"0\""});
  EXPECT_EQ(errors("", {"design.tiers=[good,bad]"}),
            Strings{"--set:1:20: error: each of design.tiers must be one of good|medium|poor, "
                    "got \"bad\""});
  EXPECT_EQ(errors("", {"design.townships"}),
            Strings{"--set:1:1: error: expected KEY=VALUE, e.g. design.townships=4, got "
                    "\"design.townships\""});
  EXPECT_EQ(errors("", {"design..townships=3"}),
            Strings{"--set:1:8: error: empty key name in \"design..townships\""});
  EXPECT_EQ(errors("", {"design.townships="}),
            Strings{"--set:1:18: error: no value given for 'design.townships'"});
  EXPECT_EQ(errors("", {"design.tiers=[good,poor"}),
            Strings{"--set:1:14: error: YAML syntax error: end of sequence flow not found"});
  EXPECT_EQ(errors("", {"standards.criteria.omision.below=0.01"}),
            Strings{"--set:1:20: error: unknown key 'omision' in 'standards.criteria', did you "
                    "mean 'omission'?"});
  EXPECT_EQ(errors("", {"standards.criteria.omission.above=0.5"}).size(), 0u);
}

TEST_F(ConfigTest, ProblemsOfFileAndSetTogether) {
  EXPECT_EQ(
      errors("design:\n  townships: 0\n", {"simulation.runs=-3"}),
      (Strings{"my.yaml:2:14: error: design.townships must be a whole number >= 1, got "
               "\"0\"",
               "--set:1:17: error: simulation.runs must be a whole number >= 1, got \"-3\""}));
}

TEST_F(ConfigTest, DottedKeyInAFileGetsAHint) {
  EXPECT_EQ(errors("design.townships: 4\n"),
            Strings{"my.yaml:1:1: error: unknown top-level key 'design.townships' (in a file, nest "
                    "the keys: 'design: {townships: ...}')"});
}

TEST_F(ConfigTest, DuplicateKeyOnOneLineNamesTheColumn) {
  EXPECT_EQ(errors("design: {townships: 1, townships: 2}\n"),
            Strings{"my.yaml:1:24: error: duplicate key 'townships' in 'design', first given at "
                    "column 10"});
}

TEST_F(ConfigTest, SetToleratesSpacesAroundNamesAndValue) {
  const Config c = load("", {"design . townships = 5", "design.tiers = [ good , poor ]"});
  EXPECT_EQ(c.design.townships, 5);
  EXPECT_EQ(c.design.tiers, (std::vector<Tier>{Tier::kGood, Tier::kPoor}));
  EXPECT_EQ(errors("", {"design.townships = 0"}),
            Strings{"--set:1:20: error: design.townships must be a whole number >= 1, got \"0\""});
  EXPECT_EQ(errors("", {"design. .townships=3"}),
            Strings{"--set:1:8: error: empty key name in \"design. .townships\""});
  EXPECT_EQ(
      errors("", {"=4", " =4"}),
      (Strings{"--set:1:1: error: expected KEY=VALUE, e.g. design.townships=4, got \"=4\"",
               "--set:2:1: error: expected KEY=VALUE, e.g. design.townships=4, got \" =4\""}));
}

TEST_F(ConfigTest, SetThroughAValueThatIsNotAMap) {
  EXPECT_EQ(errors("", {"design=5"}),
            Strings{"--set:1:8: error: design must be a map of keys, got \"5\""});
  EXPECT_EQ(errors("", {"design.townships.x=5"}),
            Strings{"--set:1:8: error: design.townships must be a whole number >= 1, got a map"});
}

TEST_F(ConfigTest, ExampleConfigsLoadCleanly) {
  const fs::path examples = fs::path(KAOPING_SOURCE_DIR) / "configs" / "examples";
  int count = 0;
  for (const auto& entry : fs::directory_iterator(examples)) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    Diagnostics diag;
    Config config;
    EXPECT_TRUE(load_config(entry.path().string(), {}, &config, &diag)) << entry.path();
    for (const Diagnostic& d : diag.items()) ADD_FAILURE() << d.format();
  }
  EXPECT_GE(count, 3);
}

TEST_F(ConfigTest, StrictMarginExampleReplacesTheCriteria) {
  Diagnostics diag;
  Config c;
  ASSERT_TRUE(
      load_config(std::string(KAOPING_SOURCE_DIR) + "/configs/examples/strict-county-margin.yaml",
                  {}, &c, &diag));
  ASSERT_EQ(c.standards.criteria.size(), 5u);
  for (const Criterion& cr : c.standards.criteria)
    EXPECT_EQ(cr.threshold, cr.rate == Rate::kSatisfaction ? 0.90 : 0.01);
}

TEST_F(ConfigTest, SameYearWrittenTwoWays) {
  EXPECT_EQ(errors("standards:\n  poverty_line: {2017: 3335, 2017.0: 3400}\n"),
            Strings{"my.yaml:2:30: error: standards.poverty_line gives year 2017 twice"});
}

TEST_F(ConfigTest, EmptyCriteriaInAFileKeepTheDefaultButBracesDropThem) {
  EXPECT_EQ(load("standards:\n  criteria:\n").standards.criteria.size(), 4u);
  Diagnostics diag;
  Config c;
  ASSERT_TRUE(load_config(write("none.yaml", "standards:\n  criteria: {}\n"), {}, &c, &diag));
  EXPECT_TRUE(c.standards.criteria.empty());
  // The resolved YAML of an empty list reads back as an empty list.
  Diagnostics diag2;
  Config d;
  ASSERT_TRUE(load_config(write("resolved.yaml", c.resolved_yaml), {}, &d, &diag2));
  EXPECT_TRUE(d.standards.criteria.empty());
}

TEST_F(ConfigTest, ShownValuesAreEscapedAndCut) {
  EXPECT_EQ(errors("", {"design.tier_method=\"a\\tb\\nc\""}),
            Strings{"--set:1:20: error: design.tier_method must be one of composite|pca|label, "
                    "got \"a\\tb\\nc\""});
  EXPECT_EQ(errors("", {"design.tier_method=" + std::string(70, 'x')}),
            Strings{"--set:1:20: error: design.tier_method must be one of composite|pca|label, "
                    "got \"" +
                    std::string(60, 'x') + "...\""});
}

TEST_F(ConfigTest, EncodingsOtherThanUtf8AreRefused) {
  Diagnostics diag;
  Config config;
  // "# 考评" in GBK, then a key.
  const std::string gbk = write("gbk.yaml", "design:\n  townships: 4 # \xbf\xbc\xc6\xc0\n");
  EXPECT_FALSE(load_config(gbk, {}, &config, &diag));
  ASSERT_EQ(diag.items().size(), 1u);
  EXPECT_EQ(diag.items()[0].format(),
            gbk +
                ":2:18: error: the configuration file is not UTF-8 (GBK or GB18030?); convert it "
                "with: iconv -f GB18030 -t UTF-8 " +
                gbk + " > " + gbk + ".utf8");

  Diagnostics diag2;
  const std::string utf16 = write("utf16.yaml", std::string("\xff\xfe"
                                                            "d\0:\0 \0{\0}\0",
                                                            12));
  EXPECT_FALSE(load_config(utf16, {}, &config, &diag2));
  ASSERT_EQ(diag2.items().size(), 1u);
  EXPECT_EQ(diag2.items()[0].format(),
            utf16 + ": error: the configuration file is UTF-16; save it as UTF-8");
}

TEST_F(ConfigTest, Utf8BomCrlfAndChineseCommentsAreFine) {
  Diagnostics diag;
  Config config;
  const std::string path =
      write("bom.yaml", "\xef\xbb\xbf# 考评配置\r\ndesign:\r\n  townships: 5  # 乡镇\r\n");
  ASSERT_TRUE(load_config(path, {}, &config, &diag));
  EXPECT_EQ(config.design.townships, 5);
  EXPECT_TRUE(diag.items().empty());
}

TEST_F(ConfigTest, ATrulyEmptyFileChangesNothing) {
  Diagnostics diag;
  Config config;
  ASSERT_TRUE(load_config(write("empty.yaml", ""), {}, &config, &diag));
  EXPECT_EQ(config.design.townships, 3);
  EXPECT_TRUE(diag.items().empty());
}

TEST_F(ConfigTest, KeysMustBePlainNames) {
  EXPECT_EQ(errors("design:\n  ? [a, b]\n  : 3\n"),
            Strings{"my.yaml:2:5: error: keys must be plain names in 'design'"});
}

TEST_F(ConfigTest, CompiledDefaultIsConfigsDefaultYaml) {
  std::ifstream in(std::string(KAOPING_SOURCE_DIR) + "/configs/default.yaml", std::ios::binary);
  ASSERT_TRUE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(default_config_yaml(), text);
}

TEST_F(ConfigTest, SetOfAMapMergesIntoIt) {
  const Config c = load("", {"design.tier_weights={natural: 2}"});
  EXPECT_EQ(c.design.weight_natural, 2);
  EXPECT_EQ(c.design.weight_transport, 1);
  EXPECT_EQ(c.design.weight_economic, 1);
}

}  // namespace
}  // namespace kaoping

namespace kaoping {
namespace {

TEST(ConfigLocations, EachSectionKeepsWhereItsValuesWereWritten) {
  Config c;
  Diagnostics diag;
  ASSERT_TRUE(load_config("", {"simulation.runs=7", "design.townships=4"}, &c, &diag));
  const FileLoc t = c.design.locs.at("design.townships");
  EXPECT_EQ(t.file, "--set");
  EXPECT_EQ(t.line, 2);
  EXPECT_EQ(t.column, 18);
  EXPECT_EQ(c.simulation.locs.at("simulation.runs").line, 1);
  // A built-in value names no place, and a section holds only its own keys.
  EXPECT_EQ(c.design.locs.at("design.tier_method").file, "");
  EXPECT_EQ(c.design.locs.at("simulation.runs").file, "");
}

}  // namespace
}  // namespace kaoping
