// Shared by the end-to-end CLI tests: run the built kaoping binary, capture what it prints,
// and give each test a scratch directory of its own.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kaoping::cli_test {

namespace fs = std::filesystem;

struct CliResult {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// The whole file, or "" when it cannot be read.
inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs the kaoping binary with `args` (shell words) in directory `cwd` (the current one when
/// empty); stdout and stderr pass through files in `scratch`.
inline CliResult run_kaoping(const std::string& args, const fs::path& scratch,
                             const fs::path& cwd = {}) {
  const fs::path out = scratch / "stdout.txt", err = scratch / "stderr.txt";
  std::string cmd = cwd.empty() ? std::string() : "cd '" + cwd.string() + "' && ";
  cmd += std::string(KAOPING_BINARY) + " " + args + " >'" + out.string() + "' 2>'" + err.string() +
         "'";
  const int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

/// A path under tests/data.
inline std::string test_data(const std::string& rel) {
  return (fs::path(KAOPING_TEST_DATA) / rel).string();
}

/// A fixture with a fresh scratch directory per test (named by suite, test and process id,
/// removed afterwards); kaoping() runs the binary inside it.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("kaoping_" + std::string(info->test_suite_name()) + "_" +
                                        info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  CliResult kaoping(const std::string& args) { return run_kaoping(args, dir_, dir_); }
  fs::path dir_;
};

}  // namespace kaoping::cli_test
