// A run's --out directory holds one whole run or the earlier one: never a mix, never a
// half-written file, never an input replaced — after a failed write (a full disk), a killed
// run, or two runs started into one folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/cli/harness.h"

namespace kaoping::cli_test {
namespace {

class OutputsCli : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_EQ(kaoping("generate -q --profile small --seed 4 --out county").exit_code, 0);
  }
  /// Every file of a directory, by name, with its content.
  std::map<std::string, std::string> files(const fs::path& dir) {
    std::map<std::string, std::string> m;
    for (const auto& e : fs::directory_iterator(dir)) m[e.path().filename()] = slurp(e.path());
    return m;
  }
  /// What lies beside `out` that is not `keep`: leftovers of a run.
  std::vector<std::string> strays(const std::vector<std::string>& keep) {
    std::vector<std::string> s;
    for (const auto& e : fs::directory_iterator(dir_)) {
      const std::string name = e.path().filename();
      if (std::find(keep.begin(), keep.end(), name) == keep.end()) s.push_back(name);
    }
    return s;
  }
  const std::vector<std::string> keep_ = {"county", "out", "stdout.txt", "stderr.txt", "a", "b"};
  const std::string sim_ = "simulate --registry county --runs 300 --quiet ";
};

TEST_F(OutputsCli, AFailedWriteLeavesTheEarlierRunWhole) {
  ASSERT_EQ(kaoping(sim_ + "--seed 1 --out out").exit_code, 0);
  const auto before = files(dir_ / "out");
  ASSERT_GE(before.size(), 5u);
  // A disk that fills up after a few kilobytes: the write fails, the run exits 1.
  const CliResult full =
      run_kaoping("bash -c 'trap \"\" XFSZ; ulimit -f 8; exec \"$0\" \"$@\"' " +
                      std::string(KAOPING_BINARY) + " " + sim_ + "--seed 2 --force --out out",
                  dir_, dir_);
  (void)full;
  EXPECT_EQ(files(dir_ / "out"), before);
  EXPECT_EQ(strays(keep_), std::vector<std::string>{});
}

TEST_F(OutputsCli, AKilledRunLeavesTheEarlierRunWhole) {
  ASSERT_EQ(kaoping(sim_ + "--seed 1 --out out").exit_code, 0);
  const auto before = files(dir_ / "out");
  // SIGXFSZ kills the run in the middle of a write, as SIGKILL or a power cut would.
  const std::string cmd = "cd '" + dir_.string() +
                          "' && bash -c 'ulimit -f 8; exec \"$0\" \"$@\"' " + KAOPING_BINARY + " " +
                          sim_ + "--seed 2 --force --out out 2>/dev/null";
  const int status = std::system(cmd.c_str());
  EXPECT_NE(status, 0);
  EXPECT_EQ(files(dir_ / "out"), before);
  for (const auto& [name, text] : files(dir_ / "out")) EXPECT_NE(name[0], '.') << name;
}

TEST_F(OutputsCli, TwoRunsIntoOneFolderLeaveOneOfThemWhole) {
  ASSERT_EQ(kaoping(sim_ + "--seed 1 --out a").exit_code, 0);
  ASSERT_EQ(kaoping(sim_ + "--seed 2 --out b").exit_code, 0);
  const std::string bin = KAOPING_BINARY;
  const std::string cmd = "cd '" + dir_.string() + "' && (" + bin + " " + sim_ +
                          "--seed 1 --force --out out & " + bin + " " + sim_ +
                          "--seed 2 --force --out out & wait)";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto got = files(dir_ / "out"), a = files(dir_ / "a"), b = files(dir_ / "b");
  EXPECT_EQ(got.size(), a.size());
  // The reports and manifests name the command line and the time taken; the tables of one
  // seed are the same in every run of it: all of them must come from one run.
  for (auto* m : {&got, &a, &b})
    for (auto it = m->begin(); it != m->end();)
      it = it->first.size() > 4 && it->first.substr(it->first.size() - 4) == ".csv" ? std::next(it)
                                                                                    : m->erase(it);
  ASSERT_FALSE(a.empty());
  EXPECT_NE(a, b);
  EXPECT_TRUE(got == a || got == b);
  EXPECT_EQ(strays(keep_), std::vector<std::string>{});
}

TEST_F(OutputsCli, InputsAreNeverOutputsEvenWithForce) {
  ASSERT_EQ(kaoping(sim_ + "--seed 1 --out out").exit_code, 0);
  // A configuration kept in the output folder under an output's name.
  const std::string yaml = "simulation:\n  runs: 300\n";
  { std::ofstream(dir_ / "out" / "summary.json") << yaml; }
  CliResult r = kaoping(sim_ + "--config out/summary.json --force --out out");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("an input of this command"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(dir_ / "out" / "summary.json"), yaml);
  // The registry itself as --out.
  r = kaoping(sim_ + "--force --out county");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("an input of this command"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "county" / "households.csv"));
}

}  // namespace
}  // namespace kaoping::cli_test
