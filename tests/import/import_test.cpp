// import_registry on the shapes of SPEC §6 — title rows, the 2017 and 2018 header variants, a
// two-row header, codes and labels, several sheets, rosters, the verification and villages
// sheets, --mapping — and its error messages, word for word.
#include "import/import.h"

#include <gtest/gtest.h>

#include <cmath>

#include "registry/generate.h"
#include "registry/load.h"
#include "test_workbooks.h"

namespace kaoping {
namespace {

using import_test::id_number;
using import_test::messages;
using import_test::Rows;
using import_test::ScratchTest;
using import_test::slurp;
using import_test::write_text;
using import_test::write_xlsx;
using import_test::X;

const std::string kHead1 = id_number("53250119700101123");   // born 1970-01-01, male
const std::string kChild1 = id_number("53250120030901124");  // 2003-09-01: 14 on 2017-09-01
const std::string kChild2 = id_number("53250120010902126");  // 2001-09-02: 15 on 2017-09-01, female
const std::string kHead2 = id_number("53250119500101122");   // female
const std::string kRosterHead = id_number("53250119800505121");

/// The national system's export in its 2018 form: two title rows, then person rows.
Rows export_2018() {
  return {
      {"XX县建档立卡贫困人口明细表"},
      {"导出时间：2018-08-01"},
      {"乡(镇)",
       "行政村",
       "自然村",
       "户编号",
       "家庭人口数",
       "脱贫标志",
       "脱贫年度",
       "贫困户属性",
       "致贫原因1",
       "是否危房户",
       "是否解决安全饮用水",
       "人均纯收入（元）",
       "户联系电话",
       "姓名",
       "证件号码",
       "与户主关系",
       "性别",
       "民族",
       "在校生情况",
       "是否参加大病保险",
       "是否会讲普通话"},
      {"大坪乡",
       "新村",
       "一组",
       X(5325011234567LL),
       X(3),
       "1",
       X(2016),
       "一般贫困户",
       X(1),
       "否",
       "是",
       X(3500.5),
       X(13912345678LL),
       "张三",
       kHead1,
       "户主",
       "男",
       "彝族",
       "非在校生",
       "是",
       "否"},
      {"大坪乡", "新村", "一组",  X(5325011234567LL),
       X(3),     "1",    X(2016), "一般贫困户",
       X(1),     "否",   "是",    X(3500.5),
       X(),      "张小", kChild1, "之子",
       "男",     "彝族", "辍学",  "否",
       "否"},
      {"大坪乡", "新村", "一组",     X(5325011234567LL),
       X(3),     "1",    X(2016),    "一般贫困户",
       X(1),     "否",   "是",       X(3500.5),
       X(),      "张二", kChild2,    "之女",
       "",       "彝族", "非在校生", "是",
       "是"},
      {"大坪乡", "老村", "二组", X(5325011234568LL),
       X(1),     "0",    X(),    "低保贫困户",
       X(8),     "是",   "否",   X(2000),
       X(),      "李四", kHead2, "户主",
       "女",     "汉族", "",     "是",
       "否"},
  };
}

/// The same export with the 2017 headers and labels instead of codes.
Rows export_2017() {
  Rows rows = export_2018();
  rows[2] = {"乡镇",       "行政村",       "村民小组",      "户编号",     "人数",     "脱贫属性",
             "脱贫年度",   "贫困户属性",   "主要致贫原因",  "危房户",     "饮水安全", "人均纯收入",
             "户联系电话", "姓名",         "身份证号码",    "与户主关系", "性别",     "民族",
             "在校生状况", "参加大病医疗", "是否会讲普通话"};
  for (std::size_t r = 3; r < rows.size(); ++r) {
    rows[r][5] = rows[r][5].text == "1" ? "已脱贫" : "未脱贫";
    rows[r][8] = rows[r][8].number == 1 ? "因病" : "缺劳力";
  }
  return rows;
}

Rows villages_sheet() {
  return {{"乡(镇)", "行政村", "自然条件", "交通条件", "经济条件", "类别", "村到乡镇(分钟)",
           "乡镇到县城(分钟)"},
          {"大坪乡", "新村", X(1), X(2), X(3), "好", X(20), X(50)},
          {"大坪乡", "老村", X(-1), X(0.5), X(1), "差", X(40), X(50)}};
}

class ImportTest : public ScratchTest {
 protected:
  void SetUp() override {
    ScratchTest::SetUp();
    write_xlsx("villages.xlsx", {{"Sheet1", villages_sheet()}});
    in_.villages = "villages.xlsx";
  }
  /// Imports in_ with options_; the test fails unless that goes as `expect_ok` says.
  bool run(bool expect_ok = true) {
    result_ = ImportResult();
    diag_ = Diagnostics();
    const bool ok = import_registry(in_, options_, &result_, &diag_);
    EXPECT_EQ(ok, expect_ok) << messages(diag_);
    return ok;
  }
  /// The errors only, one per line.
  std::string errors() const {
    std::string out;
    for (const Diagnostic& d : diag_.items())
      if (d.severity == Severity::kError) out += d.format() + "\n";
    return out;
  }
  /// A written file of the import.
  std::string written(const std::string& name) {
    std::string err;
    std::filesystem::remove_all("out");
    EXPECT_TRUE(write_import(result_, "out", false, {}, &err)) << err;
    return slurp("out/" + name);
  }
  std::size_t index_of(const std::string& id) const {
    const Households& h = result_.registry.households;
    for (std::size_t i = 0; i < h.count(); ++i)
      if (h.id[i] == id) return i;
    ADD_FAILURE() << "no household " << id;
    return 0;
  }
  ImportInputs in_;
  ImportOptions options_;
  ImportResult result_;
  Diagnostics diag_;
};

TEST_F(ImportTest, PersonRowsBecomeHouseholdsAndMembers) {
  write_xlsx("export.xlsx", {{"Sheet1", export_2018()}});
  in_.exports = {"export.xlsx"};
  ASSERT_TRUE(run());
  EXPECT_EQ(written("households.csv"),
            "\xEF\xBB\xBF"
            "household_id,village_id,group_id,head_name,id_number,phone,size,status,exit_year,"
            "attribute,cause,income,income_system,food_secure,clothing_secure,water_safe,housing,"
            "relocated,dropouts,uninsured,excluded,measures,cards,archive_consistent,language,"
            "presence,satisfaction,verified,fault_prior\n"
            "5325011234567,大坪乡/新村,大坪乡/新村/一组,张三," +
                kHead1 +
                ",13912345678,3,exited,2016,general,illness,3500.5,3500.5,1,1,1,B,0,2,1,,,,1,yi,,,"
                "1,\n"
                "5325011234568,大坪乡/老村,大坪乡/老村/二组,李四," +
                kHead2 + ",,1,poor,,dibao,labor,2000,2000,1,1,0,C,0,0,0,,,,1,,,,1,\n");
  // Ages on 1 September 2017; the daughter's gender from her ID; 14 and out of school is a
  // dropout, 15 at school age's end too, a blank 在校生情况 is not stated.
  EXPECT_EQ(written("members.csv"),
            "\xEF\xBB\xBF"
            "household_id,relation,gender,age,in_school,dropout,medical_insured,pension_insured,"
            "health,labor\n"
            "5325011234567,户主,男,47,0,0,1,,,\n"
            "5325011234567,之子,男,14,0,1,0,,,\n"
            "5325011234567,之女,女,15,0,1,1,,,\n"
            "5325011234568,户主,女,67,,0,1,,,\n");
}

TEST_F(ImportTest, The2017And2018HeadersReadAlike) {
  write_xlsx("e2018.xlsx", {{"Sheet1", export_2018()}});
  write_xlsx("e2017.xlsx", {{"Sheet1", export_2017()}}, /*inline_strings=*/true);
  in_.exports = {"e2018.xlsx"};
  ASSERT_TRUE(run());
  const std::string a = written("households.csv") + written("members.csv");
  in_.exports = {"e2017.xlsx"};
  ASSERT_TRUE(run());
  EXPECT_EQ(written("households.csv") + written("members.csv"), a);
  EXPECT_NE(written("import.json").find("\"主要致贫原因\": \"cause\""), std::string::npos);
}

TEST_F(ImportTest, TwoRowHeaderUnderTitleRows) {
  Rows rows = export_2018();
  // Group titles merged above sub-headers; 户编号 and 姓名 merged down over both rows.
  std::vector<X> upper(rows[2].size()), lower = rows[2];
  upper[0] = "地址";
  upper[3] = "户编号";
  lower[3] = X();
  upper[4] = "家庭情况";
  upper[13] = "姓名";
  lower[13] = X();
  rows[2] = upper;
  rows.insert(rows.begin() + 3, lower);
  rows.insert(rows.begin(), {"第一页"});
  write_xlsx("export.xlsx", {{"Sheet1", rows}});
  in_.exports = {"export.xlsx"};
  ASSERT_TRUE(run());
  EXPECT_EQ(result_.households, 2u);
  const std::string json = written("import.json");
  EXPECT_NE(json.find("\"header_row\": 5,"), std::string::npos) << json;
  EXPECT_NE(json.find("\"header_upper_row\": 4,"), std::string::npos) << json;
  EXPECT_EQ(result_.registry.households.head_name[0], "张三");
}

TEST_F(ImportTest, EverySheetOfAWorkbook) {
  Rows a = export_2018(), b = export_2018();
  a.pop_back();                         // township sheet 1: household ...567
  b.erase(b.begin() + 3, b.end() - 1);  // township sheet 2: household ...568
  write_xlsx("export.xlsx", {{"说明", {{"本表由系统导出"}}}, {"大坪乡", a}, {"老村", b}});
  in_.exports = {"export.xlsx#*"};
  ASSERT_TRUE(run());
  EXPECT_EQ(result_.households, 2u);
  const std::string json = written("import.json");
  const std::size_t notes = json.find("\"sheet\": \"说明\"");
  ASSERT_NE(notes, std::string::npos) << json;
  EXPECT_NE(json.substr(notes, 60).find("\"read\": false"), std::string::npos) << json;
  // Without #* only the first sheet is read, and it has no header.
  in_.exports = {"export.xlsx"};
  run(false);
  EXPECT_EQ(errors(),
            "export.xlsx: error: sheet 说明: no header row found in the first 11 rows: expected a "
            "row with 户编号 or 户号 and at least 3 other known columns (see docs/import.md; "
            "--mapping adds header names); the workbook's sheets are 说明, 大坪乡, 老村: name one "
            "with FILE#SHEET, or read every one with FILE#*\n");
}

TEST_F(ImportTest, CodesAndLabelsAgreeAcrossRows) {
  Rows rows = export_2018();
  rows[4][5] = "已脱贫";  // the head's row says 1, the son's 已脱贫: the same
  rows[5][8] = "因病";
  write_xlsx("export.xlsx", {{"Sheet1", rows}});
  in_.exports = {"export.xlsx"};
  ASSERT_TRUE(run());
  EXPECT_EQ(result_.registry.households.status[0], Status::kExited);
}

TEST_F(ImportTest, RowsOfOneHouseholdThatDisagreeNameBothCells) {
  Rows rows = export_2018();
  rows[5][4] = X(4);
  rows[4][1] = "老村";
  write_xlsx("export.xlsx", {{"Sheet1", rows}});
  in_.exports = {"export.xlsx"};
  run(false);
  EXPECT_EQ(errors(),
            "export.xlsx:Sheet1!B5: error: 行政村 is \"老村\" here but \"新村\" at "
            "export.xlsx:Sheet1!B4 (户编号 5325011234567): the rows of one household must agree\n"
            "export.xlsx:Sheet1!E6: error: 家庭人口数 is \"4\" here but \"3\" at "
            "export.xlsx:Sheet1!E4 (户编号 5325011234567): the rows of one household must agree\n");
}

TEST_F(ImportTest, BadValuesWordForWord) {
  Rows rows = export_2018();
  rows[3][4] = "三";
  rows[4][8] = "因婚";
  rows[5][14] = "5.32501E+17";
  rows[6][14] = X(532501195001011222.0);
  rows[6][12] = "1391234567";
  rows[3][5] = "已出列";
  write_xlsx("export.xlsx", {{"Sheet1", rows}});
  in_.exports = {"export.xlsx"};
  run(false);
  EXPECT_EQ(
      errors(),
      "export.xlsx:Sheet1!E4: error: 家庭人口数 must be a whole number >= 1, got \"三\"\n"
      "export.xlsx:Sheet1!F4: error: 脱贫标志 \"已出列\" is not one of 未脱贫, 返贫, 预脱贫, "
      "计划脱贫, "
      "拟脱贫, 已脱贫, 脱贫, 已脱贫(享受政策), 已脱贫(不再享受政策), or the system's codes 0–4; to "
      "accept it, add it to the --mapping file: values: {status: {已出列: CODE}} with CODE poor, "
      "planned_exit or exited\n"
      "export.xlsx:Sheet1!I5: error: 致贫原因1 \"因婚\" is not one of 因病, 因残, 因学, 因灾, "
      "缺土地, "
      "缺水, 缺技术, 缺劳力, 缺劳动力, 缺资金, 交通条件落后, 自身发展动力不足, 其他, 其它, or the "
      "system's codes 1–11 and 99; to accept it, add it to the --mapping file: values: {cause: "
      "{因婚: CODE}} with CODE illness, disability, education, disaster, land, water, skills, "
      "labor, funds, transport, motivation or other\n"
      "export.xlsx:Sheet1!O6: error: 证件号码 \"5.32501E+17\" is in exponent form: a spreadsheet "
      "has turned the number into a rounded figure and its last digits are lost; keep the "
      "column as text (设置单元格格式 → 文本 before pasting, or import the column as text) and "
      "export it again\n"
      "export.xlsx:Sheet1!M7: error: 户联系电话 \"1391234567\" is not a phone number: expected an "
      "11-digit mobile number starting with 1, or a landline with its area code (0 and 10 to "
      "12 digits, one - after the area code allowed)\n"
      "export.xlsx:Sheet1!O7: error: 证件号码 532501********1200 was stored as a number of more "
      "than 15 digits, so a spreadsheet has already replaced its last digits with zeros; keep "
      "the column as text (设置单元格格式 → 文本 before pasting, or import the column as text) and "
      "export it again\n");
}

TEST_F(ImportTest, IdNumbersAreMaskedInMessages) {
  Rows rows = export_2018();
  std::string bad = kHead1;
  bad[17] = bad[17] == '1' ? '2' : '1';
  rows[3][14] = bad;
  rows[4][14] = bad;  // the son has the head's (bad) number too
  write_xlsx("export.xlsx", {{"Sheet1", rows}});
  in_.exports = {"export.xlsx"};
  run(false);
  EXPECT_EQ(errors(), "export.xlsx:Sheet1!O4: error: 证件号码 " + bad.substr(0, 6) + "********" +
                          bad.substr(14) +
                          " is not a valid ID number (its check character fails GB 11643, or it "
                          "has letters among its first 17 characters) (the head of 户编号 "
                          "5325011234567)\n");
  EXPECT_EQ(messages(diag_).find(bad), std::string::npos);
}

TEST_F(ImportTest, MappingAddsHeadersAndValues) {
  Rows rows = export_2018();
  rows[2][5] = "扶贫状态";
  rows[3][8] = "因婚";
  rows[4][8] = "因婚";
  rows[5][8] = "因婚";
  write_xlsx("export.xlsx", {{"Sheet1", rows}});
  write_text("mapping.yaml", "columns:\n  status: [扶贫状态]\nvalues:\n  cause: {因婚: other}\n");
  in_.exports = {"export.xlsx"};
  in_.mapping = "mapping.yaml";
  ASSERT_TRUE(run());
  EXPECT_EQ(result_.registry.households.cause[0], Cause::kOther);
  EXPECT_EQ(result_.registry.households.status[0], Status::kExited);

  write_text("mapping.yaml",
             "columns:\n  stauts: [扶贫状态]\nvalues:\n  cause: {因婚: marriage}\n");
  run(false);
  EXPECT_EQ(
      errors(),
      "mapping.yaml:2:3: error: unknown field \"stauts\", did you mean \"status\"?\n"
      "mapping.yaml:4:19: error: values: cause: \"marriage\" is not a code of cause (expected "
      "one of illness, disability, education, disaster, land, water, skills, labor, funds, "
      "transport, motivation or other)\n");
}

TEST_F(ImportTest, MissingColumnsAndEmptyCells) {
  Rows rows = export_2018();
  for (std::size_t r = 3; r < rows.size(); ++r) rows[r][6] = X();  // no 脱贫年度 for the exited
  write_xlsx("export.xlsx", {{"Sheet1", rows}});
  Rows verification = {{"户编号", "不愁吃", "不愁穿", "饮水安全"},
                       {"5325011234567", "是", "是", "是"}};
  write_xlsx("verification.xlsx", {{"Sheet1", verification}});
  in_.exports = {"export.xlsx"};
  in_.verifications = {"verification.xlsx"};
  run(false);
  EXPECT_EQ(
      errors(),
      "verification.xlsx:Sheet1!A1: error: the verification sheet has no column 核实人均纯收入, "
      "核实人均纯收入(元) (the income is what a visit is for); --mapping columns: {income: "
      "[HEADER]} names another header\n"
      "export.xlsx:Sheet1!G4: error: 脱贫年度 is empty for 户编号 5325011234567, which has "
      "exited (1): the year of exit is required\n");
}

TEST_F(ImportTest, VerificationOverridesFieldByField) {
  write_xlsx("export.xlsx", {{"Sheet1", export_2018()}});
  Rows verification = {
      {"户编号", "核实人均纯收入", "不愁吃", "饮水安全", "住房安全等级", "辍学人数", "不符合情形",
       "帮扶措施", "明白卡"},
      {"5325011234567", X(2900), "否", "", "D", X(0), "有车、村干部", "产业扶持;小额信贷", "是"},
      {"5325011234568", X(4100), "", "", "", "", "", "", ""}};
  write_xlsx("verification.xlsx", {{"Sheet1", verification}});
  in_.exports = {"export.xlsx"};
  in_.verifications = {"verification.xlsx"};
  ASSERT_TRUE(run());
  const Households& h = result_.registry.households;
  EXPECT_EQ(h.income[0], 2900);
  EXPECT_EQ(h.income_system[0], 3500.5);
  EXPECT_EQ(h.food_secure[0], 0);
  EXPECT_EQ(h.water_safe[0], 1);  // blank: the export's 是
  EXPECT_EQ(h.housing[0], Housing::kD);
  EXPECT_EQ(h.dropouts[0], 0);   // the visit's count over the members'
  EXPECT_EQ(h.uninsured[0], 1);  // not in the sheet: from the members
  EXPECT_EQ(h.excluded[0], kExCar | kExCadre);
  EXPECT_EQ(h.measures[0], kMsIndustry | kMsFinance);
  EXPECT_EQ(h.cards[0], kCardHelp);
  EXPECT_EQ(h.income[1], 4100);
  EXPECT_EQ(h.water_safe[1], 0);
  EXPECT_EQ(h.housing[1], Housing::kC);  // 是否危房户 是
  EXPECT_EQ(h.verified[0], 1);
}

TEST_F(ImportTest, VerificationRowsThatMatchNothingOrTwice) {
  write_xlsx("export.xlsx", {{"Sheet1", export_2018()}});
  Rows verification = {{"户编号", "核实人均纯收入", "不愁吃", "不愁穿"},
                       {"5325011234567", X(2900), "是", "是"},
                       {"5325019999999", X(2900), "是", "是"},
                       {"5325011234567", X(3000), "是", "是"},
                       {"5325011234568", "", "是", "是"}};
  write_xlsx("verification.xlsx", {{"核实", verification}});
  in_.exports = {"export.xlsx"};
  in_.verifications = {"verification.xlsx"};
  run(false);
  EXPECT_EQ(errors(),
            "verification.xlsx:核实!B5: error: 核实人均纯收入 is empty: a verification row must "
            "give the income the visit found\n"
            "verification.xlsx:核实!A3: error: 户编号 5325019999999 matches no household of the "
            "exports or rosters\n"
            "verification.xlsx:核实!A4: error: a second verification row for 户编号 5325011234567 "
            "(the first is at verification.xlsx:核实!A2)\n");
}

TEST_F(ImportTest, AHouseholdInTwoExportFiles) {
  write_xlsx("a.xlsx", {{"Sheet1", export_2018()}});
  write_xlsx("b.xlsx", {{"Sheet1", export_2018()}});
  in_.exports = {"a.xlsx", "b.xlsx"};
  run(false);
  EXPECT_EQ(errors().substr(0, errors().find('\n') + 1),
            "b.xlsx:Sheet1!D4: error: 户编号 5325011234567 is also in a.xlsx (a.xlsx:Sheet1!D4); a "
            "household must be in one export file\n");
}

TEST_F(ImportTest, LanguageFromTheHeadsEthnicity) {
  Rows rows = export_2018();
  rows[6][17] = "回族";
  write_xlsx("export.xlsx", {{"Sheet1", rows}});
  in_.exports = {"export.xlsx"};
  ASSERT_TRUE(run());
  EXPECT_EQ(result_.registry.households.language[0], "yi");
  EXPECT_EQ(result_.registry.households.language[1], "hui");
  rows[6][17] = "穿青人";
  write_xlsx("export.xlsx", {{"Sheet1", rows}});
  run(false);
  EXPECT_EQ(
      errors(),
      "export.xlsx:Sheet1!R7: error: 民族 \"穿青人\" is not one of the 56 民族 (汉族, 彝族, "
      "哈尼族, 傣族, ...), and the head of 户编号 5325011234568 does not speak 普通话, so the "
      "household's language is needed; to accept it, add it to the --mapping file: values: "
      "{ethnicity: {穿青人: CODE}} with CODE its language (lowercase letters, e.g. yi)\n");
  rows[6][20] = "是";  // speaks 普通话: the 民族 does not matter
  write_xlsx("export.xlsx", {{"Sheet1", rows}});
  ASSERT_TRUE(run());
  EXPECT_EQ(result_.registry.households.language[1], "zh");
}

TEST_F(ImportTest, AgesCountFromTheAssessmentYear) {
  write_xlsx("export.xlsx", {{"Sheet1", export_2018()}});
  in_.exports = {"export.xlsx"};
  options_.assess_year = 2019;  // the son is 16, the daughter 17: no dropouts
  ASSERT_TRUE(run());
  EXPECT_EQ(result_.registry.members[1].age, 16);
  EXPECT_EQ(result_.registry.members[2].age, 17);
  EXPECT_EQ(result_.registry.households.dropouts[0], 0);
}

TEST_F(ImportTest, RostersMergeByTheHeadsIdAndStayUnverified) {
  write_xlsx("export.xlsx", {{"Sheet1", export_2018()}});
  // A roster of one row per household: one is the export's 张三 (same head's ID).
  write_text("roster.csv",
             "户号,户主姓名,户主证件号码,人数,乡(镇),行政村,所在组\n"
             "R1,王五," +
                 kRosterHead +
                 ",4,大坪乡,新村,一组\n"
                 "R2,张三," +
                 kHead1 + ",3,大坪乡,新村,一组\n");
  Rows verification = {{"户号", "核实人均纯收入", "不愁吃", "不愁穿"}, {"R2", X(3100), "是", "是"}};
  write_xlsx("verification.xlsx", {{"Sheet1", verification}});
  in_.exports = {"export.xlsx"};
  in_.rosters = {"roster.csv"};
  in_.verifications = {"verification.xlsx"};
  options_.registered_verified = false;
  ASSERT_TRUE(run());
  EXPECT_EQ(result_.households, 3u);
  EXPECT_EQ(result_.roster_merged, 1u);
  const std::size_t r1 = index_of("R1"), zhang = index_of("5325011234567"),
                    li = index_of("5325011234568");
  const Households& h = result_.registry.households;
  EXPECT_EQ(h.status[r1], Status::kNonRegistered);
  EXPECT_EQ(h.verified[r1], 0);
  EXPECT_TRUE(std::isnan(h.income[r1]));
  EXPECT_EQ(h.size[r1], 4);
  EXPECT_EQ(h.income[zhang], 3100);  // the roster's 户号 R2 verified the export's household
  EXPECT_EQ(h.verified[zhang], 1);
  EXPECT_EQ(h.verified[li], 0);  // registered, not visited, registered_verified: false
  EXPECT_EQ(h.income[li], 2000);
  EXPECT_EQ(result_.unverified, 2u);
}

}  // namespace
}  // namespace kaoping
