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
  EXPECT_NE(r.err.find("用法：kaoping 命令 [选项]"), std::string::npos)
      << r.err;  // Chinese by default
  r = kaoping("--lang en");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("usage: kaoping COMMAND [options]"), std::string::npos) << r.err;
}

TEST_F(MainCli, MisspeltCommandGetsASuggestion) {
  CliResult r = kaoping("simulat --lang en");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "kaoping: error: unknown command 'simulat', did you mean 'simulate'?\n");
  r = kaoping("frobnicate --lang en");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "kaoping: error: unknown command 'frobnicate' (see 'kaoping --help')\n");
}

TEST_F(MainCli, HelpSpeaksTheLanguageOfLang) {
  CliResult zh = kaoping("simulate --help");
  EXPECT_EQ(zh.exit_code, 0);
  EXPECT_NE(zh.out.find("用法: kaoping simulate [选项]"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("--runs INT:INT>=1           模拟次数（默认：simulation.runs）"),
            std::string::npos)
      << zh.out;
  EXPECT_NE(zh.out.find("显示本帮助并退出"), std::string::npos);
  CliResult en = kaoping("--lang en simulate --help");
  en = kaoping("simulate --lang en --help");
  EXPECT_NE(en.out.find("Usage: kaoping simulate [OPTIONS]"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("replicates (default: simulation.runs)"), std::string::npos);
  EXPECT_EQ(en.out.find("模拟次数"), std::string::npos);
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
  CliResult r = kaoping("simulate --lang en --runs 0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            "kaoping simulate: error: --runs: must be a whole number >= 1, got \"0\"");
  r = kaoping("simulate --lang en --threads -1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            "kaoping simulate: error: --threads: must be a whole number >= 0, got \"-1\"");
}

}  // namespace
