// Golden outputs of the small county: one draw, its audit's findings, the self-check's
// findings, a rehearsal's summary (without its timings) and risk tables, and the field plan.
// They pin every seeded output, so a change to a stream, a rule or a writer shows here,
// file by file. After a deliberate change, regenerate them with
//   KAOPING_REGENERATE_GOLDEN=1 ctest -R Golden
// and read the diff before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli/harness.h"
#include "util/files.h"

namespace {

namespace fs = std::filesystem;
using kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;

class GoldenCli : public kaoping::cli_test::CliTest {
 protected:
  /// Compares `file` of this run with tests/data/golden/cli/`name` (or rewrites the golden).
  void expect_golden(const fs::path& file, const std::string& name, const std::string& content) {
    const fs::path golden = fs::path(KAOPING_TEST_DATA) / "golden" / "cli" / name;
    if (std::getenv("KAOPING_REGENERATE_GOLDEN")) {
      fs::create_directories(golden.parent_path());
      std::string err;
      ASSERT_TRUE(kaoping::write_file_atomic(golden.string(), content, &err)) << err;
      return;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " missing: run with KAOPING_REGENERATE_GOLDEN=1";
    EXPECT_EQ(content, slurp(golden)) << file << " differs from " << golden;
  }
  void expect_golden(const fs::path& file, const std::string& name) {
    expect_golden(file, name, slurp(file));
  }
};

TEST_F(GoldenCli, SmallCountyOutputsAreWhatTheyWere) {
  ASSERT_EQ(kaoping("generate --profile small --seed 1 --quiet --out county").exit_code, 0);
  const std::string reg = " --registry county --quiet --lang en";
  CliResult r = kaoping("sample --seed 7 --out draw.csv" + reg);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_golden(dir_ / "draw.csv", "draw.csv");

  r = kaoping("audit --sample draw.csv --seed 7 --out onedraw" + reg);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_golden(dir_ / "onedraw" / "findings.csv", "sample_findings.csv");
  expect_golden(dir_ / "onedraw" / "rates.csv", "sample_rates.csv");

  r = kaoping("audit --all --out selfcheck" + reg);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_golden(dir_ / "selfcheck" / "findings.csv", "selfcheck_findings.csv");
  expect_golden(dir_ / "selfcheck" / "villages.csv", "selfcheck_villages.csv");

  r = kaoping("simulate --runs 3000 --seed 5 --threads 2 --fix-top 3 --out rehearsal" + reg);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::ordered_json summary =
      nlohmann::ordered_json::parse(slurp(dir_ / "rehearsal" / "summary.json"));
  summary.erase("elapsed_seconds");
  summary.erase("replicates_per_second");
  expect_golden(dir_ / "rehearsal" / "summary.json", "summary.json", summary.dump(2) + "\n");
  for (const char* f : {"risk_townships.csv", "risk_villages.csv", "risk_households.csv"})
    expect_golden(dir_ / "rehearsal" / f, f);

  r = kaoping("schedule --sample draw.csv --out plan" + reg);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* f : {"schedule.csv", "notifications.csv", "itineraries.csv", "gaps.csv"})
    expect_golden(dir_ / "plan" / f, f);
}

}  // namespace
