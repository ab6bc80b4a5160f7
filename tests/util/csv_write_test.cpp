#include <gtest/gtest.h>

#include <filesystem>

#include "util/csv.h"
#include "util/files.h"
#include "util/text.h"

namespace kaoping {
namespace {

TEST(CsvWriterTest, QuotesOnlyWhenNeeded) {
  CsvWriter w({"id", "name"});
  w.row({"1", "a,b"}).row({"2", "say \"hi\""}).row({"3", "two\nlines"});
  // Every CSV kaoping writes starts with a UTF-8 BOM (SPEC §4).
  EXPECT_EQ(w.str(), "\xEF\xBB\xBFid,name\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n");
}

TEST(FormatDoubleTest, RoundTripWithoutExponent) {
  EXPECT_EQ(format_double(0.1), "0.1");
  EXPECT_EQ(format_double(1), "1");
  EXPECT_EQ(format_double(-0.0), "0");
  EXPECT_EQ(format_double(0.62305), "0.62305");
  EXPECT_EQ(format_double(1e-05), "0.00001");
  EXPECT_EQ(std::stod(format_double(1.0 / 3)), 1.0 / 3);
}

TEST(Sha256Test, KnownDigest) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(WriteFileAtomicTest, WritesAndReplaces) {
  auto dir = std::filesystem::temp_directory_path() / "kaoping_atomic_test";
  std::filesystem::create_directories(dir);
  std::string path = (dir / "out.txt").string(), err, text;
  ASSERT_TRUE(write_file_atomic(path, "one", &err)) << err;
  ASSERT_TRUE(write_file_atomic(path, "two", &err)) << err;
  ASSERT_TRUE(read_file(path, &text, &err)) << err;
  EXPECT_EQ(text, "two");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);  // no temp left
  EXPECT_FALSE(write_file_atomic((dir / "missing" / "x").string(), "x", &err));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kaoping
