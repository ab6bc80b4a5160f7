// What the import tests share: workbooks written by the tests themselves with libxlsxwriter
// (shared strings by default; inline strings in its constant_memory mode), text files, a
// scratch directory per test, and ID numbers with a valid check character.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "registry/load.h"
#include "util/diagnostics.h"

namespace kaoping::import_test {

namespace fs = std::filesystem;

/// A cell to write: nothing, text, a number, a date (YYYY-MM-DD with a date format), a
/// boolean, or a formula with its cached number.
struct X {
  enum Kind { kNone, kText, kNumber, kDate, kBool, kFormula } kind = kNone;
  std::string text;
  double number = 0;
  X() = default;
  X(const char* s) : kind(kText), text(s) {}
  X(std::string s) : kind(kText), text(std::move(s)) {}
  X(double v) : kind(kNumber), number(v) {}
  X(int v) : kind(kNumber), number(v) {}
  X(long long v) : kind(kNumber), number(static_cast<double>(v)) {}
  static X date(const std::string& ymd) {
    X x;
    x.kind = kDate;
    x.text = ymd;
    return x;
  }
  static X boolean(bool b) {
    X x;
    x.kind = kBool;
    x.number = b;
    return x;
  }
  static X formula(const std::string& f, double cached) {
    X x;
    x.kind = kFormula;
    x.text = f;
    x.number = cached;
    return x;
  }
};
using Rows = std::vector<std::vector<X>>;

struct SheetSpec {
  std::string name;
  Rows rows;
  bool hidden = false;
};

/// Writes an .xlsx with libxlsxwriter; `inline_strings` uses its constant_memory mode, which
/// writes every string inline (as WPS and streaming writers do).
inline void write_xlsx(const fs::path& path, const std::vector<SheetSpec>& sheets,
                       bool inline_strings = false) {
  lxw_workbook_options options = {};
  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  ASSERT_NE(wb, nullptr);
  lxw_format* date_format = workbook_add_format(wb);
  format_set_num_format(date_format, "yyyy-mm-dd");
  bool activated = false;
  for (const SheetSpec& spec : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, spec.name.c_str());
    // The active sheet cannot be hidden: the first visible one is made active.
    if (spec.hidden) worksheet_hide(ws);
    if (!spec.hidden && !activated) {
      worksheet_activate(ws);
      activated = true;
    }
    for (std::size_t r = 0; r < spec.rows.size(); ++r)
      for (std::size_t c = 0; c < spec.rows[r].size(); ++c) {
        const X& x = spec.rows[r][c];
        const auto row = static_cast<lxw_row_t>(r);
        const auto col = static_cast<lxw_col_t>(c);
        switch (x.kind) {
          case X::kNone:
            break;
          case X::kText:
            worksheet_write_string(ws, row, col, x.text.c_str(), nullptr);
            break;
          case X::kNumber:
            worksheet_write_number(ws, row, col, x.number, nullptr);
            break;
          case X::kBool:
            worksheet_write_boolean(ws, row, col, x.number != 0, nullptr);
            break;
          case X::kFormula:
            worksheet_write_formula_num(ws, row, col, x.text.c_str(), nullptr, x.number);
            break;
          case X::kDate: {
            lxw_datetime dt = {std::stoi(x.text.substr(0, 4)),
                               std::stoi(x.text.substr(5, 2)),
                               std::stoi(x.text.substr(8, 2)),
                               0,
                               0,
                               0};
            worksheet_write_datetime(ws, row, col, &dt, date_format);
            break;
          }
        }
      }
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
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

/// A valid 18-character ID number from its first 17 digits (GB 11643 check character).
inline std::string id_number(const std::string& first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return first17 + "10X98765432"[sum % 11];
}

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
