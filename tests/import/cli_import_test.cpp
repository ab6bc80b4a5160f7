// `kaoping import` as the office runs it: exit codes, what it prints, and that a bad input
// writes nothing.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>

#include "test_workbooks.h"

namespace kaoping {
namespace {

using import_test::id_number;
using import_test::Rows;
using import_test::ScratchTest;
using import_test::slurp;
using import_test::write_text;
using import_test::write_xlsx;
using import_test::X;

namespace fs = std::filesystem;

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

class ImportCli : public ScratchTest {
 protected:
  void SetUp() override {
    ScratchTest::SetUp();
    const std::string head = id_number("53250119700101123");
    Rows rows = {{"乡(镇)", "行政村", "户编号", "人数", "脱贫属性", "脱贫年度", "人均纯收入",
                  "姓名", "证件号码", "与户主关系"},
                 {"大坪乡", "新村", X(5325011234567LL), X(1), "已脱贫", X(2016), X(3500), "张三",
                  head, "户主"}};
    write_xlsx("export.xlsx", {{"Sheet1", rows}});
    write_text("villages.csv", "乡(镇),行政村,自然条件,交通条件,经济条件\n大坪乡,新村,1,2,3\n");
  }
  CliRun kaoping(const std::string& args) {
    const std::string cmd = std::string(KAOPING_BINARY) + " " + args + " >stdout.txt 2>stderr.txt";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp("stdout.txt");
    r.err = slurp("stderr.txt");
    return r;
  }
};

TEST_F(ImportCli, WritesTheRegistry) {
  const CliRun r =
      kaoping("import --export export.xlsx --villages villages.csv --out reg --lang en");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "wrote reg: 1 households, 1 persons (poor 0, planned_exit 0, exited 1, non_registered "
            "0), 0 unverified, 0 roster households already in the export not added twice; "
            "import.json says how\n");
  for (const char* f : {"townships.csv", "villages.csv", "groups.csv", "households.csv",
                        "members.csv", "import.json"})
    EXPECT_TRUE(fs::exists(fs::path("reg") / f)) << f;
  EXPECT_FALSE(fs::exists("reg/staff.csv"));
  // A second run into the same directory needs --force.
  const CliRun again =
      kaoping("import --lang en --export export.xlsx --villages villages.csv --out reg");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(
      again.err,
      "kaoping: error: reg: --out is not empty; give --force to write the registry into it\n");
  write_text("reg/staff.csv", "staff_id\n");
  const CliRun forced =
      kaoping("import --export export.xlsx --villages villages.csv --out reg --force --quiet");
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(forced.out, "");
  EXPECT_FALSE(fs::exists("reg/staff.csv"));  // an old roster would be read with the new files
}

TEST_F(ImportCli, BadInputWritesNothing) {
  write_text("export.xls", "<html><table><tr><td>户编号</td></tr></table></html>");
  const CliRun r = kaoping("import --export export.xls --out reg --lang en");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "export.xls: error: this is an HTML page saved with an .xls name, not a workbook; open "
            "it in Excel or WPS and save it as .xlsx\n"
            "kaoping: import: 1 error; nothing was written\n");
  EXPECT_FALSE(fs::exists("reg"));
  const CliRun bad_row =
      kaoping("import --lang en --export export.xlsx --roster missing.csv --out reg");
  EXPECT_EQ(bad_row.exit_code, 1);
  EXPECT_NE(bad_row.err.find("missing.csv: error: cannot read: no such file\n"), std::string::npos)
      << bad_row.err;
  EXPECT_FALSE(fs::exists("reg"));
}

TEST_F(ImportCli, UsageAndConfiguration) {
  EXPECT_EQ(kaoping("import --out reg").exit_code, 2);
  const CliRun help = kaoping("--help --lang en");
  EXPECT_NE(help.out.find("  import     turn the national system's exports"), std::string::npos)
      << help.out;
  EXPECT_NE(kaoping("--help").out.find("  import     把扶贫开发信息系统的导出表"),
            std::string::npos);
  const CliRun r = kaoping(
      "import --lang en --export export.xlsx --out reg --set import.registered_verified=maybe");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "--set:1:28: error: import.registered_verified must be true or false, got \"maybe\"\n");
  EXPECT_FALSE(fs::exists("reg"));
  const CliRun unverified = kaoping(
      "import --export export.xlsx --villages villages.csv --out reg --lang en "
      "--set import.registered_verified=false");
  ASSERT_EQ(unverified.exit_code, 0) << unverified.err;
  EXPECT_NE(unverified.out.find("1 unverified"), std::string::npos) << unverified.out;
}

}  // namespace
}  // namespace kaoping
