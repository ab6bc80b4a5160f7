// The atomic writer and the run's output directory against hostile paths: links planted at
// temporary names, links, devices and FIFOs at the target, inputs inside --out.
#include "util/files.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace kaoping {
namespace {

namespace fs = std::filesystem;

class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("kaoping_files_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string put(const std::string& name, const std::string& text) {
    std::ofstream((dir_ / name).string(), std::ios::binary) << text;
    return (dir_ / name).string();
  }
  std::string get(const fs::path& p) {
    std::string text, err;
    EXPECT_TRUE(read_file(p.string(), &text, &err)) << err;
    return text;
  }
  fs::path dir_;
};

TEST_F(FilesTest, NeverFollowsALinkPlantedAtATemporaryName) {
  const std::string victim = put("victim", "precious");
  const std::string target = (dir_ / "out.csv").string();
  // The names an earlier writer used, and any this process could guess.
  for (const std::string& name :
       {target + ".tmp-" + std::to_string(::getpid()), target + ".tmp", target + "~"})
    fs::create_symlink(victim, name);
  std::string err;
  ASSERT_TRUE(write_file_atomic(target, "new", &err)) << err;
  EXPECT_EQ(get(victim), "precious");
  EXPECT_EQ(get(target), "new");
  EXPECT_FALSE(fs::is_symlink(target));
}

TEST_F(FilesTest, ReplacesOnlyRegularFiles) {
  const std::string victim = put("victim", "precious");
  const std::string link = (dir_ / "link.csv").string();
  fs::create_symlink(victim, link);
  std::string err;
  EXPECT_FALSE(write_file_atomic(link, "new", &err));
  EXPECT_EQ(err, link + ": exists and is not a regular file; kaoping replaces only regular files");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(get(victim), "precious");

  const std::string fifo = (dir_ / "fifo.csv").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_FALSE(write_file_atomic(fifo, "new", &err));
  EXPECT_TRUE(fs::is_fifo(fifo));

  const std::string sub = (dir_ / "sub").string();
  fs::create_directories(sub);
  EXPECT_FALSE(write_file_atomic(sub, "new", &err));
  EXPECT_TRUE(fs::is_directory(sub));
  // A character device: refused before any rename is tried (root could replace it).
  EXPECT_FALSE(check_replaceable_file("/dev/null", &err));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), {}), 4);  // no temporary left
}

TEST_F(FilesTest, WrittenFilesHaveTheUmaskMode) {
  const mode_t mask = ::umask(022);
  std::string err;
  ASSERT_TRUE(write_file_atomic((dir_ / "a").string(), "x", &err)) << err;
  ::umask(mask);
  EXPECT_EQ(fs::status(dir_ / "a").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                fs::perms::others_read);
}

TEST_F(FilesTest, OutputDirPutsTheWholeSetInPlaceOrNothing) {
  const fs::path out = dir_ / "out";
  std::string err;
  {
    OutputDir d;
    ASSERT_TRUE(d.open(out.string(), false, {}, &err)) << err;
    EXPECT_FALSE(fs::exists(out));  // nothing under the final name before commit
    ASSERT_TRUE(write_file_atomic((fs::path(d.path()) / "manifest.json").string(), "1", &err));
    ASSERT_TRUE(write_file_atomic((fs::path(d.path()) / "old.csv").string(), "1", &err));
    ASSERT_TRUE(d.commit(&err)) << err;
  }
  EXPECT_EQ(get(out / "manifest.json"), "1");
  {
    // A run that fails: the directory keeps the earlier set, the staging directory goes.
    OutputDir d;
    ASSERT_TRUE(d.open(out.string(), true, {}, &err)) << err;
    ASSERT_TRUE(write_file_atomic((fs::path(d.path()) / "manifest.json").string(), "2", &err));
  }
  EXPECT_EQ(get(out / "manifest.json"), "1");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), {}), 1);
  {
    OutputDir d;
    EXPECT_FALSE(d.open(out.string(), false, {}, &err));
    EXPECT_EQ(err,
              out.string() + ": directory exists and is not empty; use --force to write into it");
    ASSERT_TRUE(d.open(out.string(), true, {}, &err)) << err;
    ASSERT_TRUE(write_file_atomic((fs::path(d.path()) / "manifest.json").string(), "2", &err));
    ASSERT_TRUE(d.commit(&err)) << err;
  }
  // The new set replaces the old one whole: no file of the earlier run is left.
  EXPECT_EQ(get(out / "manifest.json"), "2");
  EXPECT_FALSE(fs::exists(out / "old.csv"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), {}), 1);
}

TEST_F(FilesTest, OutputDirRefusesInputsAndForeignDirectories) {
  const fs::path out = dir_ / "out";
  fs::create_directories(out);
  std::ofstream((out / "manifest.json").string()) << "{}";
  const std::string config = (out / "summary.json").string();
  std::ofstream(config) << "simulation: {}";
  std::string err;
  OutputDir d;
  EXPECT_FALSE(d.open(out.string(), true, {config}, &err));
  EXPECT_EQ(err, out.string() + ": holds " + config +
                     ", an input of this command; choose another --out directory");
  EXPECT_FALSE(d.open(out.string(), true, {out.string()}, &err));
  EXPECT_EQ(err, out.string() + ": is an input of this command; choose another --out directory");
  // --force replaces an earlier output only, never a folder of other files.
  const fs::path docs = dir_ / "docs";
  fs::create_directories(docs);
  std::ofstream((docs / "letter.txt").string()) << "x";
  EXPECT_FALSE(d.open(docs.string(), true, {}, &err));
  EXPECT_EQ(err, docs.string() +
                     ": holds files that are not a kaoping output (no manifest.json or "
                     "households.csv); --force replaces only an earlier output; choose a new "
                     "or empty directory");
  EXPECT_FALSE(d.is_open());
  EXPECT_TRUE(fs::exists(docs / "letter.txt"));
}

}  // namespace
}  // namespace kaoping
