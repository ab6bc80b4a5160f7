// What the import tests share: workbooks written by the tests themselves with libxlsxwriter
// (shared strings by default; inline strings in its constant_memory mode), text files, a
// scratch directory per test, and ID numbers with a valid check character.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "export_county.h"
#include "registry/load.h"
#include "util/diagnostics.h"

namespace kaoping::import_test {

namespace fs = std::filesystem;

using county_export::Rows;
using county_export::SheetSpec;
using county_export::X;

/// Writes an .xlsx with libxlsxwriter; `inline_strings` uses its constant_memory mode, which
/// writes every string inline (as WPS and streaming writers do).
inline void write_xlsx(const fs::path& path, const std::vector<SheetSpec>& sheets,
                       bool inline_strings = false) {
  ASSERT_TRUE(county_export::write_workbook(path, sheets, inline_strings)) << path;
}

inline void write_text(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using county_export::id_number;

/// Every diagnostic, formatted, one per line.
inline std::string messages(const Diagnostics& diag) {
  std::string out;
  for (const Diagnostic& d : diag.items()) out += d.format() + "\n";
  return out;
}

/// A scratch directory per test, removed afterwards; the tests run inside it so that file
/// names in messages are short.
class ScratchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    old_cwd_ = fs::current_path();
    dir_ = fs::temp_directory_path() / ("kaoping_import_" + std::string(info->test_suite_name()) +
                                        "_" + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::current_path(dir_);
  }
  void TearDown() override {
    fs::current_path(old_cwd_);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_, old_cwd_;
};

}  // namespace kaoping::import_test
