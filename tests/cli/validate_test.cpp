// End to end: `kaoping validate` on good and bad registries and configurations — exit codes
// 0/1/2, the first message word for word, and the summary of a valid county.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

class ValidateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kaoping_cli_validate_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
            std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  /// Runs the kaoping binary with `args` (shell words), capturing stdout and stderr.
  Result kaoping(const std::string& args) {
    const fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    const std::string cmd =
        std::string(KAOPING_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    Result r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  static std::string data(const std::string& rel) {
    return (fs::path(KAOPING_TEST_DATA) / rel).string();
  }

  fs::path dir_;
};

TEST_F(ValidateCli, DanglingVillageExitsOneWithTheFirstMessage) {
  Result r = kaoping("validate --registry " + data("bad/dangling_village"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(first_line(r.err),
            "households.csv:5:2: error: village_id \"V9\" not found in villages.csv");
  EXPECT_NE(r.err.find("kaoping: validate: 1 error\n"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(ValidateCli, ShortRow) {
  Result r = kaoping("validate --registry " + data("bad/short_row"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(first_line(r.err),
            "villages.csv:3:6: error: row has 5 fields but the header has 8 (missing fields or "
            "a line break inside an unquoted field)");
}

TEST_F(ValidateCli, BinaryFileIsOneErrorNotACascade) {
  Result r = kaoping("validate --registry " + data("bad/binary_file"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "households.csv:1:1: error: binary file: NUL byte found; expected CSV text in UTF-8\n"
            "kaoping: validate: 1 error\n");
}

TEST_F(ValidateCli, MissingDirectory) {
  Result r = kaoping("validate --registry " + (dir_ / "nope").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(first_line(r.err), (dir_ / "nope").string() +
                                   ": error: registry directory not found (expected a directory "
                                   "holding townships.csv, villages.csv and households.csv)");
}

TEST_F(ValidateCli, DesignThatCannotBeDrawnIsAnError) {
  // The minimal registry is valid data, but no township has a village in every tier.
  Result r = kaoping("validate --registry " + data("good/minimal"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("township"), std::string::npos) << r.err;
}

TEST_F(ValidateCli, GeneratedCountyValidates) {
  const std::string reg = (dir_ / "county").string();
  Result g = kaoping("generate --profile small --seed 3 --out " + reg + " --quiet");
  ASSERT_EQ(g.exit_code, 0) << g.err;
  Result r = kaoping("validate --lang en --registry " + reg);
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
  Result bad = kaoping("validate --lang en --registry " + reg);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("households.csv:2:"), std::string::npos) << bad.err;
}

TEST_F(ValidateCli, DefaultCountyValidatesInChinese) {
  Result r = kaoping("validate --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");  // --quiet: nothing but errors
  r = kaoping("validate");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("校验通过：0 个错误"), std::string::npos) << r.out;
}

TEST_F(ValidateCli, BadConfigValueExitsOne) {
  Result r = kaoping("validate --quiet --set design.townships=abc");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(first_line(r.err),
            "--set:1:18: error: design.townships must be a whole number >= 1, got \"abc\"");
}

TEST_F(ValidateCli, UsageErrorsExitTwo) {
  EXPECT_EQ(kaoping("validate --bogus").exit_code, 2);
  EXPECT_EQ(kaoping("validate --registry").exit_code, 2);
  EXPECT_EQ(kaoping("validate --lang fr").exit_code, 2);
  Result help = kaoping("validate --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--registry"), std::string::npos) << help.out;
}

}  // namespace

TEST_F(ValidateCli, LabelTiersNeedEveryVillageLabelled) {
  // V2 has an empty tier cell (line 3, column 7) and the design reads labels only.
  Result r = kaoping("validate --quiet --registry " + data("good/minimal") +
                     " --set design.tier_method=label");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("villages.csv:3:7: error: village V2 has no tier, which "
                       "design.tier_method: label needs"),
            std::string::npos)
      << r.err;
}
