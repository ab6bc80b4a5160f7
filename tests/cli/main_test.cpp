// End to end: the command table — help, version, a misspelt command, exit codes.
#include <gtest/gtest.h>

#include "tests/cli/harness.h"

namespace {

using kaoping::cli_test::CliResult;

class MainCli : public kaoping::cli_test::CliTest {};

TEST_F(MainCli, HelpListsEveryCommand) {
  CliResult r = kaoping("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* c : {"generate", "validate", "sample", "audit", "simulate", "schedule"})
    EXPECT_NE(r.out.find(std::string("  ") + c + " "), std::string::npos) << c;
}

TEST_F(MainCli, NoCommandIsAUsageError) {
  CliResult r = kaoping("");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("usage: kaoping COMMAND [options]"), std::string::npos) << r.err;
}

TEST_F(MainCli, MisspeltCommandGetsASuggestion) {
  CliResult r = kaoping("simulat");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "kaoping: unknown command 'simulat', did you mean 'simulate'?\n");
  r = kaoping("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "kaoping: unknown command 'frobnicate' (see 'kaoping --help')\n");
}

TEST_F(MainCli, EveryCommandHasHelpAndVersion) {
  const std::string version = std::string("kaoping ") + KAOPING_VERSION + "\n";
  EXPECT_EQ(kaoping("--version").out, version);
  for (const char* c : {"generate", "validate", "sample", "audit", "simulate", "schedule"}) {
    CliResult v = kaoping(std::string(c) + " --version");
    EXPECT_EQ(v.exit_code, 0) << c;
    EXPECT_EQ(v.out, version) << c;
    CliResult h = kaoping(std::string(c) + " --help");
    EXPECT_EQ(h.exit_code, 0) << c;
    EXPECT_NE(h.out.find("--lang"), std::string::npos) << c;
    EXPECT_EQ(kaoping(std::string(c) + " --no-such-option").exit_code, 2) << c;
  }
}

}  // namespace

namespace {

class NumberOptionsCli : public kaoping::cli_test::CliTest {};

TEST_F(NumberOptionsCli, CountsMustBeWholeNumbers) {
  CliResult r = kaoping("simulate --runs 0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')), "--runs: must be a whole number >= 1, got \"0\"");
  r = kaoping("simulate --threads -1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            "--threads: must be a whole number >= 0, got \"-1\"");
}

}  // namespace
