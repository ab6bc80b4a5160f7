// End to end: `kaoping generate` writes a registry directory, prints its summary, and
// answers usage errors with exit 2 and write failures with exit 1.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
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

class GenerateCli : public kaoping::cli_test::CliTest {};

constexpr std::array<const char*, 6> kFiles = {"townships.csv",  "villages.csv", "groups.csv",
                                               "households.csv", "members.csv",  "staff.csv"};

TEST_F(GenerateCli, WritesEveryFileAndASummary) {
  const fs::path out = dir_ / "county";
  const CliResult r =
      kaoping("generate --out " + out.string() + " --profile small --seed 3 --lang en");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : kFiles) EXPECT_TRUE(fs::is_regular_file(out / f)) << f;
  EXPECT_EQ(r.out.rfind("wrote 6 files to " + out.string() + ": ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find(" households, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("registered poor households"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("poverty incidence "), std::string::npos) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << "one line";
  EXPECT_EQ(r.err, "");
}

TEST_F(GenerateCli, DefaultProfileSummaryInChinese) {
  const fs::path out = dir_ / "county";
  const CliResult r = kaoping("generate --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // 10,679 households and 40,410 persons: the figures of the speech.
  EXPECT_NE(r.out.find("建档立卡贫困户 10679 户 40410 人"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("贫困发生率 11.01%"), std::string::npos) << r.out;
  const std::string households = slurp(out / "households.csv");
  const long rows = std::count(households.begin(), households.end(), '\n') - 1;
  EXPECT_NE(r.out.find("：" + std::to_string(rows) + " 户 "), std::string::npos)
      << "the summary counts every row of households.csv: " << r.out;
}

// The calibration that matters most: under the default configuration the default county
// passes neither almost surely nor almost never (docs/default-county.md: about 0.63). With
// 4,000 runs the standard error is below 0.008, so the band [0.4, 0.8] is about 20 standard
// errors wide on either side of the calibrated value.
TEST_F(GenerateCli, DefaultCountyPassProbabilityIsUncertain) {
  const CliResult r = kaoping("simulate --runs 4000 --seed 11 --threads 1 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string key = "\"pass_probability\":";
  const std::size_t at = r.out.find(key);
  ASSERT_NE(at, std::string::npos) << r.out;
  const double p = std::strtod(r.out.c_str() + at + key.size(), nullptr);
  EXPECT_GT(p, 0.4);
  EXPECT_LT(p, 0.8);
}

TEST_F(GenerateCli, SameSeedSameFiles) {
  ASSERT_EQ(
      kaoping("generate -q --profile small --seed 5 --out " + (dir_ / "a").string()).exit_code, 0);
  const CliResult r =
      kaoping("generate -q --profile small --seed 5 --out " + (dir_ / "b").string());
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "") << "--quiet prints nothing";
  for (const char* f : kFiles) EXPECT_EQ(slurp(dir_ / "a" / f), slurp(dir_ / "b" / f)) << f;
}

TEST_F(GenerateCli, RefusesANonEmptyDirectoryWithoutForce) {
  const std::string out = (dir_ / "c").string();
  ASSERT_EQ(kaoping("generate -q --profile small --out " + out).exit_code, 0);
  const CliResult r = kaoping("generate --lang en --profile small --seed 2 --out " + out);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kaoping: error: " + out +
                       ": directory exists and is not empty; use --force to write into it\n");
  EXPECT_EQ(kaoping("generate -q --profile small --seed 2 --force --out " + out).exit_code, 0);
}

TEST_F(GenerateCli, UsageErrorsExitTwo) {
  EXPECT_EQ(kaoping("generate --profile small").exit_code, 2) << "--out is required";
  EXPECT_EQ(kaoping("generate --out " + (dir_ / "x").string() + " --profile large").exit_code, 2);
  EXPECT_EQ(kaoping("generate --out " + (dir_ / "x").string() + " --seed minus").exit_code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "x")) << "nothing written on a usage error";
  EXPECT_EQ(kaoping("generate --help").exit_code, 0);
}

TEST_F(GenerateCli, WriteFailureExitsOne) {
  std::ofstream(dir_ / "plain-file") << "not a directory";
  const CliResult r = kaoping("generate --profile small --out " + (dir_ / "plain-file").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("kaoping: error: "), std::string::npos) << r.err;
  EXPECT_EQ(slurp(dir_ / "plain-file"), "not a directory") << "the file is left alone";
}

}  // namespace
