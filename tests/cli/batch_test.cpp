// End to end: `kaoping batch` on generated small counties and a broken one — each county's
// figures are those of `simulate` alone, the broken one is a row with its error, the others
// are still written, and the exit code is 1 (SPEC §4).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli/harness.h"

namespace kaoping::cli_test {
namespace {

using nlohmann::json;

class BatchCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    for (const char* seed : {"4", "5"}) {
      const CliResult r = kaoping(std::string("generate --profile small --quiet --seed ") + seed +
                                  " --out c" + seed);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    fs::create_directories(dir_ / "broken");
    std::ofstream(dir_ / "broken" / "townships.csv") << "township_id,name\n";
  }
};

TEST_F(BatchCli, EachCountyAsSimulateAloneAndABrokenOneIsARowWithItsError) {
  const CliResult b =
      kaoping("batch --registries c4 broken c5 --runs 3000 --seed 9 --out out --lang en");
  EXPECT_EQ(b.exit_code, 1) << b.err;
  EXPECT_NE(b.err.find("townships.csv"), std::string::npos) << b.err;
  std::string csv = slurp(dir_ / "out" / "counties.csv");
  if (csv.rfind("\xEF\xBB\xBF", 0) == 0) csv.erase(0, 3);  // the BOM of SPEC §4, when written
  EXPECT_EQ(csv.rfind("county,registry,households,pass_probability,pass_ci95_low,"
                      "pass_ci95_high,binding_criterion,riskiest_township,",
                      0),
            0u)
      << csv;
  EXPECT_NE(csv.find("\nbroken,broken,,,,,,,"), std::string::npos) << csv;
  for (const char* f : {"batch.json", "manifest.json", "report.html", "report.xlsx"})
    EXPECT_TRUE(fs::exists(dir_ / "out" / f)) << f;
  EXPECT_NE(slurp(dir_ / "out" / "report.html").find("c5"), std::string::npos);

  const CliResult j = kaoping("batch --registries c4 broken c5 --runs 3000 --seed 9 --json");
  EXPECT_EQ(j.exit_code, 1);
  const json batch = json::parse(j.out);
  ASSERT_EQ(batch["counties"].size(), 3u);
  EXPECT_TRUE(batch["counties"][1]["pass_probability"].is_null());
  EXPECT_FALSE(batch["counties"][1]["error"].get<std::string>().empty());
  double expected = 0;
  for (int k : {0, 2}) {
    const std::string dir = k == 0 ? "c4" : "c5";
    const CliResult s = kaoping("simulate --registry " + dir + " --runs 3000 --seed 9 --json");
    ASSERT_EQ(s.exit_code, 0) << s.err;
    const json alone = json::parse(s.out);
    const json& c = batch["counties"][k];
    EXPECT_EQ(c["county"], dir);
    EXPECT_EQ(c["pass_probability"].get<double>(), alone["pass_probability"].get<double>());
    EXPECT_EQ(c["pass_ci95_low"].get<double>(), alone["pass_ci95"][0].get<double>());
    EXPECT_EQ(c["binding_criterion"], alone["binding_criterion"]);
    for (const auto& [name, x] : alone["criteria"].items())
      EXPECT_EQ(c["criteria"][name]["mean"].get<double>(), x["mean"].get<double>()) << name;
    expected += 1 - alone["pass_probability"].get<double>();
  }
  EXPECT_DOUBLE_EQ(batch["expected_failures"].get<double>(), expected);
  EXPECT_EQ(batch["failures_ci95"].size(), 2u);

  // All good: exit 0.
  EXPECT_EQ(kaoping("batch --registries c4 c5 --runs 1000 --quiet").exit_code, 0);
  // Usage: --registries is required.
  EXPECT_EQ(kaoping("batch --runs 10").exit_code, 2);
}

}  // namespace
}  // namespace kaoping::cli_test
