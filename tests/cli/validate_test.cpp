// End to end: `kaoping validate` on good and bad registries and configurations — exit codes
// 0/1/2, the first message word for word, and the summary of a valid county.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli/harness.h"

namespace {

namespace fs = std::filesystem;

using kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;
using kaoping::cli_test::test_data;

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

class ValidateCli : public kaoping::cli_test::CliTest {
 protected:
  static std::string data(const std::string& rel) { return test_data(rel); }
};

TEST_F(ValidateCli, DanglingVillageExitsOneWithTheFirstMessage) {
  CliResult r = kaoping("validate --lang en --registry " + data("bad/dangling_village"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(first_line(r.err),
            "households.csv:5:2: error: village_id \"V9\" not found in villages.csv");
  EXPECT_NE(r.err.find("kaoping: validate: 1 error\n"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(ValidateCli, ShortRow) {
  CliResult r = kaoping("validate --lang en --registry " + data("bad/short_row"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(first_line(r.err),
            "villages.csv:3:6: error: row has 5 fields but the header has 8 (missing fields or "
            "a line break inside an unquoted field)");
}

TEST_F(ValidateCli, BinaryFileIsOneErrorNotACascade) {
  CliResult r = kaoping("validate --lang en --registry " + data("bad/binary_file"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "households.csv:1:1: error: binary file: NUL byte found; expected CSV text in UTF-8\n"
            "kaoping: validate: 1 error\n");
}

TEST_F(ValidateCli, MissingDirectory) {
  CliResult r = kaoping("validate --lang en --registry " + (dir_ / "nope").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(first_line(r.err), (dir_ / "nope").string() +
                                   ": error: registry directory not found (expected a directory "
                                   "holding townships.csv, villages.csv and households.csv)");
}

TEST_F(ValidateCli, DesignThatCannotBeDrawnIsAnError) {
  // The minimal registry is valid data, but no township has a village in every tier.
  CliResult r = kaoping("validate --registry " + data("good/minimal"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("township"), std::string::npos) << r.err;
}

TEST_F(ValidateCli, GeneratedCountyValidates) {
  const std::string reg = (dir_ / "county").string();
  CliResult g = kaoping("generate --profile small --seed 3 --out " + reg + " --quiet");
  ASSERT_EQ(g.exit_code, 0) << g.err;
  CliResult r = kaoping("validate --lang en --registry " + reg);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(first_line(r.out), "registry: " + reg);
  EXPECT_NE(r.out.find("\nvalid: 0 errors, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nhouseholds: "), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("error"), std::string::npos) << r.err;

  // The same directory with one bad cell: exit 1, the cell's place, nothing on stdout.
  std::string households = slurp(fs::path(reg) / "households.csv");
  std::size_t second_line = households.find('\n') + 1;
  std::size_t comma = households.find(',', second_line);
  households.replace(second_line, comma - second_line, "");  // empty household_id
  std::ofstream(fs::path(reg) / "households.csv", std::ios::binary) << households;
  CliResult bad = kaoping("validate --lang en --registry " + reg);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("households.csv:2:"), std::string::npos) << bad.err;
}

TEST_F(ValidateCli, DefaultCountyValidatesInChinese) {
  CliResult r = kaoping("validate --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");  // --quiet: nothing but errors
  r = kaoping("validate");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("校验通过：0 个错误"), std::string::npos) << r.out;
}

TEST_F(ValidateCli, BadConfigValueExitsOne) {
  CliResult r = kaoping("validate --lang en --quiet --set design.townships=abc");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(first_line(r.err),
            "--set:1:18: error: design.townships must be a whole number >= 1, got \"abc\"");
}

TEST_F(ValidateCli, UsageErrorsExitTwo) {
  EXPECT_EQ(kaoping("validate --bogus").exit_code, 2);
  EXPECT_EQ(kaoping("validate --registry").exit_code, 2);
  EXPECT_EQ(kaoping("validate --lang fr").exit_code, 2);
  CliResult help = kaoping("validate --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--registry"), std::string::npos) << help.out;
}

}  // namespace

TEST_F(ValidateCli, LabelTiersNeedEveryVillageLabelled) {
  // V2 has an empty tier cell (line 3, column 7) and the design reads labels only.
  CliResult r = kaoping("validate --quiet --lang en --registry " + data("good/minimal") +
                        " --set design.tier_method=label");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("villages.csv:3:7: error: village V2 has no tier, which "
                       "design.tier_method: label needs"),
            std::string::npos)
      << r.err;
}
