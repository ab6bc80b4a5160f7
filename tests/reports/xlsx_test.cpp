#include "reports/xlsx.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <filesystem>

#include "sample_report.h"
#include "util/privacy.h"

namespace kaoping {
namespace {

namespace fs = std::filesystem;

// File names in a zip archive, read from its central directory (PKWARE APPNOTE 4.3.12):
// find the end-of-central-directory record, then walk the entries.
bool zip_entries(const std::string& zip, std::vector<std::string>* names) {
  auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(zip[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(zip[at + 1])) << 8;
  };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  if (zip.size() < 22) return false;
  std::size_t eocd = zip.size() - 22;
  while (eocd > 0 && u32(eocd) != 0x06054b50u) --eocd;
  if (u32(eocd) != 0x06054b50u) return false;
  const unsigned entries = u16(eocd + 10);
  std::size_t at = u32(eocd + 16);
  for (unsigned k = 0; k < entries; ++k) {
    if (at + 46 > zip.size() || u32(at) != 0x02014b50u) return false;
    const unsigned name_len = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32);
    names->push_back(zip.substr(at + 46, name_len));
    at += 46 + name_len + extra + comment;
  }
  return true;
}

// One member of the archive, decompressed by the unzip program ("" when unavailable).
std::string unzip_member(const std::string& zip_path, const std::string& member) {
  const std::string cmd = "unzip -p '" + zip_path + "' '" + member + "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "";
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

class XlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kaoping_xlsx_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST(XlsxSheetNames, AreShortValidAndUnique) {
  const std::vector<std::string> names = xlsx_sheet_names(testing::sample_report("en"));
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0], "Households to fix first, by pri");  // 31 characters
  EXPECT_EQ(names[1], "Households to fix first, by (2)");
  EXPECT_EQ(names[2], "a_b_c_d_e_f_g_h");
  const std::vector<std::string> zh = xlsx_sheet_names(testing::sample_report("zh"));
  ASSERT_EQ(zh.size(), 3u);
  EXPECT_EQ(zh[0], "优先整改的农户");
  EXPECT_EQ(zh[1], "优先整改的农户 (2)");
}

TEST_F(XlsxTest, WritesAZipWithTheExpectedSheets) {
  const std::string path = (dir_ / "report.xlsx").string();
  std::string err;
  ASSERT_TRUE(write_xlsx(testing::sample_report("zh"), path, &err)) << err;
  // Only the workbook: the temporary file was renamed.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
  const std::string zip = testing::read_text(path);
  ASSERT_GE(zip.size(), 4u);
  EXPECT_EQ(zip.substr(0, 4), std::string("PK\x03\x04", 4));
  std::vector<std::string> names;
  ASSERT_TRUE(zip_entries(zip, &names));
  auto has = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  EXPECT_TRUE(has("xl/workbook.xml"));
  EXPECT_TRUE(has("xl/worksheets/sheet1.xml"));
  EXPECT_TRUE(has("xl/worksheets/sheet3.xml"));
  EXPECT_FALSE(has("xl/worksheets/sheet4.xml"));

  if (!fs::exists("/usr/bin/unzip")) GTEST_SKIP() << "unzip not installed: contents not checked";
  const std::string workbook = unzip_member(path, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"优先整改的农户\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"优先整改的农户 (2)\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"a_b_c_d_e_f_g_h\""), std::string::npos);
  const std::string sheet1 = unzip_member(path, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet1.find("<pane ySplit=\"1\""), std::string::npos);  // frozen header row
  EXPECT_NE(sheet1.find("<autoFilter ref=\"A1:E4\""), std::string::npos);
  // Probabilities stored as decimals, not percentages.
  EXPECT_NE(sheet1.find("<v>0.1234</v>"), std::string::npos);
  EXPECT_NE(sheet1.find("<v>3100.5</v>"), std::string::npos);
  const std::string styles = unzip_member(path, "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"0.0%\""), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"#,##0.00\""), std::string::npos);
  const std::string strings = unzip_member(path, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("110101********4514"), std::string::npos);
  EXPECT_FALSE(contains_full_id_number(strings));
  EXPECT_FALSE(contains_full_id_number(sheet1));
}

TEST_F(XlsxTest, FailsWithoutLeavingAFile) {
  std::string err;
  const std::string path = (dir_ / "no" / "such" / "report.xlsx").string();
  EXPECT_FALSE(write_xlsx(testing::sample_report("zh"), path, &err));
  EXPECT_EQ(err, path + ": cannot create file: No such file or directory");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 0);
}

}  // namespace
}  // namespace kaoping
