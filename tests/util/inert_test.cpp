// CSV files people open in Excel or WPS are inert (a text cell starting like a formula is
// written as text), the reader takes the marker back off, and no input shape makes the
// reader quadratic.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "util/csv.h"

namespace kaoping {
namespace {

TEST(InertCsvTest, TextThatLooksLikeAFormulaIsWrittenAsText) {
  CsvWriter w({"name", "detail"});
  w.row({"=HYPERLINK(\"http://x\",\"y\")", "+1 cmd"})
      .row({"@SUM(A1)", "-x"})
      .row({"\tindent", "\rret"});
  EXPECT_EQ(w.str(),
            "\xEF\xBB\xBF"
            "name,detail\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1 cmd\n"
            "'@SUM(A1),'-x\n"
            "'\tindent,\"'\rret\"\n");
}

TEST(InertCsvTest, NumbersStayNumbers) {
  CsvWriter w({"a", "b", "c", "d", "e"});
  w.row({"-3", "+0.5", "-1e-05", "-.25", "-"});
  EXPECT_EQ(w.str(),
            "\xEF\xBB\xBF"
            "a,b,c,d,e\n-3,+0.5,-1e-05,-.25,'-\n");
  CsvWriter inf({"a", "b"});
  inf.row({"-inf", "-nan"});
  EXPECT_EQ(inf.str(),
            "\xEF\xBB\xBF"
            "a,b\n'-inf,'-nan\n");
}

TEST(InertCsvTest, WhatIsWrittenReadsBackAsItWas) {
  const std::vector<std::string> row = {"=1+1", "+86", "@x",        "-y",   "'plain",
                                        "-2.5", "\tt", "'=already", "'\tx", "''-y"};
  CsvWriter w({"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
  w.row(row);
  CsvTable t;
  Diagnostics diag;
  ASSERT_TRUE(parse_csv(w.str(), "t.csv", &t, &diag));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0], row);
}

// The duplicate-column check compared every pair: 100,000 columns took 20 s.
TEST(CsvScaleTest, AHundredThousandColumnsAndAMillionRowsAreLinear) {
  std::string header, row;
  for (int i = 0; i < 100000; ++i) {
    header += (i ? ",c" : "c") + std::to_string(i);
    row += i ? ",1" : "1";
  }
  const auto t0 = std::chrono::steady_clock::now();
  CsvTable t;
  Diagnostics diag;
  ASSERT_TRUE(parse_csv(header + "\n" + row + "\n", "wide.csv", &t, &diag));
  const double wide = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(t.header.size(), 100000u);
  EXPECT_LT(wide, 3.0);
  // A duplicate far to the right is still found, with both places.
  ASSERT_FALSE(parse_csv(header + ",c7\n" + row + ",1\n", "wide.csv", &t, &diag));
  EXPECT_EQ(diag.items().back().format(),
            "wide.csv:1:100001: error: duplicate column \"c7\" (also column 8)");

  std::string tall = "id,name,income\n";
  for (int i = 0; i < 1000000; ++i) tall += std::to_string(i) + ",x,1.5\n";
  const auto t1 = std::chrono::steady_clock::now();
  Diagnostics diag2;
  ASSERT_TRUE(parse_csv(tall, "tall.csv", &t, &diag2));
  const double rows = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  EXPECT_EQ(t.rows.size(), 1000000u);
  EXPECT_LT(rows, 20.0);
  std::printf("100,000 columns: %.3f s; 1,000,000 rows: %.3f s\n", wide, rows);
}

}  // namespace
}  // namespace kaoping
