// CSV reading: RFC 4180 structure, line numbers, encodings, and the errors for bad files.
#include "util/csv.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace kaoping {
namespace {

std::vector<std::string> messages(const Diagnostics& diag) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diag.items()) out.push_back(d.format());
  return out;
}

/// A scratch directory for this test process, removed when the process ends.
struct ScratchDir {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("kaoping_csv_test_" + std::to_string(::getpid()));
  ScratchDir() { std::filesystem::create_directories(path); }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

std::string temp_file(const std::string& name, const std::string& bytes) {
  static const ScratchDir dir;
  std::string path = (dir.path / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(ParseCsv, BomCrlfAndQuotedFields) {
  CsvTable t;
  Diagnostics diag;
  const std::string text =
      "\xEF\xBB\xBF"
      "id,name,note\r\n"
      "1,\"Li, Wei\",plain\r\n"
      "2,\"two\r\nlines\",\"say \"\"hi\"\"\"\r\n"
      "3,三,\r\n";
  ASSERT_TRUE(parse_csv(text, "t.csv", &t, &diag)) << messages(diag)[0];
  EXPECT_EQ(t.header, (std::vector<std::string>{"id", "name", "note"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][1], "Li, Wei");
  EXPECT_EQ(t.rows[1][1], "two\r\nlines");
  EXPECT_EQ(t.rows[1][2], "say \"hi\"");
  EXPECT_EQ(t.rows[2][1], "三");
  EXPECT_EQ(t.rows[2][2], "");
  // A record's line is the physical line where it starts.
  EXPECT_EQ(t.row_line, (std::vector<int>{2, 3, 5}));
  EXPECT_EQ(t.column("note"), 2);
  EXPECT_EQ(t.column("missing"), -1);
  EXPECT_TRUE(diag.items().empty());
}

TEST(ParseCsv, BlankLinesAndEmptyRowsAreSkippedButCounted) {
  CsvTable t;
  Diagnostics diag;
  ASSERT_TRUE(parse_csv("a,b\n\n1,2\n,\n3,4", "t.csv", &t, &diag));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.row_line, (std::vector<int>{3, 5}));
  EXPECT_EQ(t.rows[1][1], "4");  // last record without a final newline
}

TEST(ParseCsv, LoneCarriageReturnEndsARecord) {
  CsvTable t;
  Diagnostics diag;
  ASSERT_TRUE(parse_csv("a,b\r1,2\r", "t.csv", &t, &diag));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.row_line[0], 2);
}

TEST(ParseCsv, HeaderOnlyHasNoRows) {
  CsvTable t;
  Diagnostics diag;
  ASSERT_TRUE(parse_csv("a,b\n", "t.csv", &t, &diag));
  EXPECT_EQ(t.header.size(), 2u);
  EXPECT_TRUE(t.rows.empty());
}

TEST(ParseCsv, HeaderNamesAreTrimmed) {
  CsvTable t;
  Diagnostics diag;
  ASSERT_TRUE(parse_csv(" a , b\n1,2\n", "t.csv", &t, &diag));
  EXPECT_EQ(t.header, (std::vector<std::string>{"a", "b"}));
}

struct BadCase {
  std::string_view text;
  const char* message;
};

class ParseCsvErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(ParseCsvErrors, ReportsFileLineColumn) {
  CsvTable t;
  Diagnostics diag;
  EXPECT_FALSE(parse_csv(GetParam().text, "t.csv", &t, &diag));
  ASSERT_FALSE(messages(diag).empty());
  EXPECT_EQ(messages(diag)[0], GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseCsvErrors,
    ::testing::Values(
        BadCase{"", "t.csv:1:1: error: file is empty; expected a header row naming the columns"},
        BadCase{"\xEF\xBB\xBF\r\n \n",
                "t.csv:1:1: error: file is empty; expected a header row naming the columns"},
        BadCase{std::string_view("a,b\n1,x\0y\n", 10),
                "t.csv:2:2: error: binary file: NUL byte found; expected CSV text in UTF-8"},
        BadCase{"a,b,c\n1,2\n",
                "t.csv:2:3: error: row has 2 fields but the header has 3 (missing fields or a "
                "line break inside an unquoted field)"},
        BadCase{"a,b\n1,2\n1,2,3\n",
                "t.csv:3:3: error: row has 3 fields but the header has 2 (an unquoted comma "
                "inside a field?)"},
        BadCase{"a,b\n1,\"open\n2,3\n",
                "t.csv:2:2: error: unterminated quoted field (the closing quote is missing)"},
        BadCase{"a,b\n1,ab\"c\n",
                "t.csv:2:2: error: stray quote inside an unquoted field; quote the whole field "
                "and double the quote (\"\")"},
        BadCase{"a,b\n1,\"ab\"c\n",
                "t.csv:2:2: error: unexpected text after a closing quote; a quote inside a "
                "quoted field must be doubled (\"\")"},
        BadCase{"a,b\n1,\xB6\xAB\n",
                "t.csv:2:2: error: invalid UTF-8 (byte 0xB6); the file is not UTF-8: save it "
                "as UTF-8, or convert it with \"iconv -f GB18030 -t UTF-8\""},
        BadCase{"a,b,a\n1,2,3\n", "t.csv:1:3: error: duplicate column \"a\" (also column 1)"},
        BadCase{"a\tb\n1\t2\n",
                "t.csv:1:1: error: the header has no commas: the columns seem to be separated "
                "by tabs; save the file as comma-separated CSV (in Excel: \"CSV UTF-8\")"},
        BadCase{"a;b;c\n",
                "t.csv:1:1: error: the header has no commas: the columns seem to be separated "
                "by semicolons; save the file as comma-separated CSV (in Excel: \"CSV UTF-8\")"}));

TEST(ParseCsv, NulInTheMiddleOfABinaryFile) {
  CsvTable t;
  Diagnostics diag;
  std::string text("a,b\n1,2\n\x89PNG\0\0", 14);
  EXPECT_FALSE(parse_csv(text, "t.csv", &t, &diag));
  EXPECT_EQ(messages(diag).at(0),
            "t.csv:3:1: error: binary file: NUL byte found; expected CSV text in UTF-8");
}

TEST(ParseCsv, AllBadRowsAreReported) {
  CsvTable t;
  Diagnostics diag;
  EXPECT_FALSE(parse_csv("a,b\n1\n2,3\n4\n", "t.csv", &t, &diag));
  EXPECT_EQ(diag.error_count(), 2u);
  ASSERT_EQ(t.rows.size(), 1u);  // the good row is kept
  EXPECT_EQ(t.row_line[0], 3);
}

TEST(ReadCsv, Gb18030IsConvertedWithAWarning) {
  // "township_id,name\nT1,东城乡\n" as the national system exports it (GBK bytes).
  std::string path = temp_file("gbk.csv", "township_id,name\nT1,\xB6\xAB\xB3\xC7\xCF\xE7\n");
  CsvTable t;
  Diagnostics diag;
  std::string raw;
  ASSERT_TRUE(read_csv(path, "townships.csv", &t, &diag, &raw));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][1], "东城乡");
  EXPECT_EQ(messages(diag),
            (std::vector<std::string>{
                "townships.csv: warning: file is GB18030/GBK encoded; converted to UTF-8"}));
  EXPECT_FALSE(diag.has_errors());
  EXPECT_EQ(raw.size(), 27u);  // the raw bytes, not the converted text
}

TEST(ReadCsv, BytesThatAreNeitherUtf8NorGb18030AreRejected) {
  // 0xFF is not a lead byte in either encoding.
  std::string path = temp_file("bad.csv", "a,b\n1,2\n3,x\xFF\xFFy\n");
  CsvTable t;
  Diagnostics diag;
  EXPECT_FALSE(read_csv(path, "bad.csv", &t, &diag));
  EXPECT_EQ(messages(diag).at(0),
            "bad.csv:3:2: error: invalid UTF-8 (byte 0xFF); the file is not UTF-8: save it as "
            "UTF-8, or convert it with \"iconv -f GB18030 -t UTF-8\"");
}

TEST(ReadCsv, Utf8WithOneDamagedByteIsNotReadAsGb18030) {
  // Mostly valid UTF-8 Chinese with one stray byte: converting would be mojibake.
  std::string path = temp_file("damaged.csv", "a,b\n东城乡,西山镇\n\xB6,ok\n");
  CsvTable t;
  Diagnostics diag;
  EXPECT_FALSE(read_csv(path, "damaged.csv", &t, &diag));
  EXPECT_EQ(messages(diag).at(0),
            "damaged.csv:3:1: error: invalid UTF-8 (byte 0xB6); the file is not UTF-8: save "
            "it as UTF-8, or convert it with \"iconv -f GB18030 -t UTF-8\"");
}

TEST(ReadCsv, Latin1IsNotTakenForGb18030) {
  // "café" in Latin-1: 0xE9 before a line end is not a complete GB18030 character.
  std::string path = temp_file("latin1.csv", "a\ncaf\xE9\n");
  CsvTable t;
  Diagnostics diag;
  EXPECT_FALSE(read_csv(path, "latin1.csv", &t, &diag));
  EXPECT_TRUE(diag.has_errors());
}

TEST(ReadCsv, Utf16WithByteOrderMarkIsConverted) {
  // "id,name\n1,三\n" in UTF-16LE with its BOM, as Excel's Unicode export writes it.
  const std::string utf16(
      "\xFF\xFE"
      "i\0d\0,\0n\0a\0m\0e\0\n\0"
      "1\0,\0\x09\x4E\n\0",
      26);
  std::string path = temp_file("utf16.csv", utf16);
  CsvTable t;
  Diagnostics diag;
  ASSERT_TRUE(read_csv(path, "utf16.csv", &t, &diag));
  EXPECT_EQ(t.header, (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(t.rows.at(0).at(1), "三");
  EXPECT_EQ(
      messages(diag),
      (std::vector<std::string>{"utf16.csv: warning: file is UTF-16 encoded; converted to UTF-8"}));
}

TEST(ReadCsv, MissingFile) {
  CsvTable t;
  Diagnostics diag;
  EXPECT_FALSE(read_csv("/nonexistent/kaoping/x.csv", "x.csv", &t, &diag));
  EXPECT_EQ(messages(diag).at(0),
            "x.csv: error: /nonexistent/kaoping/x.csv: cannot open: No such file or directory");
}

TEST(ReadCsv, RawBytesKeptForTheManifest) {
  const std::string bytes = "\xEF\xBB\xBFid\r\n1\r\n";
  std::string path = temp_file("raw.csv", bytes);
  CsvTable t;
  Diagnostics diag;
  std::string raw;
  ASSERT_TRUE(read_csv(path, "raw.csv", &t, &diag, &raw));
  EXPECT_EQ(raw, bytes);
  EXPECT_EQ(t.rows.at(0).at(0), "1");
}

TEST(ParseCsv, GarbageNeverCrashes) {
  // Every prefix of a file with quotes, CRLF and multi-byte text, and a few byte flips:
  // each parse either succeeds or reports an error with a line.
  const std::string base =
      "id,\"na,me\",x\r\n1,\"a\"\"b\",三\r\n2,\"multi\nline\",c\r\n3,,\"\"\r\n";
  for (std::size_t n = 0; n <= base.size(); ++n) {
    for (int flip = 0; flip < 3; ++flip) {
      std::string text = base.substr(0, n);
      if (flip == 1 && n > 0) text[n / 2] = '"';
      if (flip == 2 && n > 0) text[n / 3] = static_cast<char>(0xE4);
      CsvTable t;
      Diagnostics diag;
      bool ok = parse_csv(text, "t.csv", &t, &diag);
      EXPECT_EQ(ok, !diag.has_errors()) << text;
      for (const Diagnostic& d : diag.items()) EXPECT_GE(d.loc.line, 1) << text;
      for (const auto& row : t.rows) EXPECT_EQ(row.size(), t.header.size());
    }
  }
}

}  // namespace
}  // namespace kaoping
