// End to end: what kaoping says is Chinese by default and English with --lang en, word for
// word — every command's help, registry errors (missing column, bad value, duplicate id, bad
// ID number, bad phone), configuration errors from --set and from a file, import errors and
// usage errors, import errors of workbooks (a missing header column, a bad cell, a duplicate
// household, a damaged workbook, a mapping file), and the warnings on ID numbers used as
// household ids and on villages taken whole. The file:line:column: error: prefix (in a
// workbook FILE:SHEET!CELL: error:) keeps its English keywords in both.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "reports/i18n.h"
#include "tests/cli/harness.h"
#include "tests/import/export_county.h"

namespace {

namespace fs = std::filesystem;
using kaoping::Lang;
using kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;
using kaoping::cli_test::test_data;

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

/// The first line of `text` that holds `needle`, or "" when none does.
std::string line_with(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) return line;
  return "";
}

using kaoping::county_export::Rows;
using kaoping::county_export::X;

class LangCli : public kaoping::cli_test::CliTest {
 protected:
  /// A copy of the minimal registry with `from` replaced by `to` in `file`.
  std::string registry_with(const std::string& file, const std::string& from,
                            const std::string& to) {
    const fs::path reg = dir_ / "reg";
    fs::remove_all(reg);
    fs::copy(test_data("good/minimal"), reg);
    std::string text = slurp(reg / file);
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(reg / file, std::ios::binary) << text;
    return reg.string();
  }
  /// The first line kaoping writes to stderr for `args`, in `lang` ("" = the default).
  std::string said(const std::string& args, const std::string& lang = "") {
    return first_line(kaoping(args + (lang.empty() ? "" : " --lang " + lang)).err);
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  /// An export workbook e.xlsx of one sheet, Sheet1, with `rows`.
  void write_export(const Rows& rows) {
    ASSERT_TRUE(kaoping::county_export::write_workbook(dir_ / "e.xlsx", {{"Sheet1", rows}}));
  }
  /// The first line of `kaoping import --export e.xlsx --out reg ARGS` in `lang`; nothing is
  /// written.
  std::string import_said(const std::string& args = "", const std::string& lang = "") {
    const std::string line = said("import --export e.xlsx --out reg" + args, lang);
    EXPECT_FALSE(fs::exists(dir_ / "reg")) << line;
    return line;
  }
};

/// The header of a one-row-per-household export, and a row of it.
const std::vector<X> kHeader = {"乡(镇)", "行政村", "户编号", "人数", "脱贫属性", "姓名"};
std::vector<X> household(const char* id, X size = X(3), const char* status = "未脱贫") {
  return {"大坪乡", "新村", id, size, status, "张三"};
}

TEST_F(LangCli, EveryCommandsHelpIsChineseByDefaultAndEnglishWithLangEn) {
  for (const char* cmd :
       {"generate", "validate", "sample", "audit", "simulate", "schedule", "import"}) {
    for (const Lang lang : {Lang::kZh, Lang::kEn}) {
      const std::string code(kaoping::lang_code(lang));
      CliResult r = kaoping(std::string(cmd) + (lang == Lang::kEn ? " --lang en" : "") + " --help");
      EXPECT_EQ(r.exit_code, 0) << cmd;
      const std::string head = kaoping::tr(lang, std::string("cmd.") + cmd + ".help");
      EXPECT_EQ(r.out.substr(0, head.size()), head) << cmd << " " << code;
      // Every option's help line in the language: --help, --lang and --quiet are common.
      for (const char* key : {"opt.help", "opt.lang", "opt.quiet", "opt.set"})
        EXPECT_NE(r.out.find(kaoping::tr(lang, key)), std::string::npos) << cmd << code << key;
      EXPECT_NE(r.out.find(kaoping::tr(lang, "cli.label.usage")), std::string::npos);
    }
  }
  // A leading --lang works too, and the top-level usage follows it.
  EXPECT_NE(kaoping("--lang zh --help").out.find("用法：kaoping 命令 [选项]"), std::string::npos);
  EXPECT_NE(kaoping("--lang en --help").out.find("usage: kaoping COMMAND [options]"),
            std::string::npos);
  EXPECT_NE(kaoping("--lang en sample --help").out.find(kaoping::tr(Lang::kEn, "cmd.sample.help")),
            std::string::npos);
}

TEST_F(LangCli, RegistryMissingColumn) {
  const std::string reg = registry_with("households.csv", ",size,", ",sizee,");
  EXPECT_EQ(said("validate --registry " + reg), "households.csv:1:1: error: 缺少必填列“size”");
  EXPECT_EQ(said("validate --registry " + reg, "en"),
            "households.csv:1:1: error: missing required column \"size\"");
}

TEST_F(LangCli, RegistryBadValue) {
  const std::string reg = registry_with("households.csv", ",3,poor,", ",3.5,poor,");
  EXPECT_EQ(said("validate --registry " + reg),
            "households.csv:2:7: error: size 应为不小于 1 的整数，实际是“3.5”");
  EXPECT_EQ(said("validate --registry " + reg, "en"),
            "households.csv:2:7: error: size must be a whole number >= 1, got \"3.5\"");
}

TEST_F(LangCli, RegistryDuplicateId) {
  const std::string reg = registry_with("households.csv", "\nH2,", "\nH1,");
  EXPECT_EQ(said("validate --registry " + reg),
            "households.csv:3:1: error: household_id“H1”重复（第一次出现在第 2 行）");
  EXPECT_EQ(said("validate --registry " + reg, "en"),
            "households.csv:3:1: error: duplicate household_id \"H1\" (first on line 2)");
}

TEST_F(LangCli, RegistryBadIdNumber) {
  const std::string reg =
      registry_with("households.csv", "11010519491231002X", "110105194912310021");
  EXPECT_EQ(
      said("validate --registry " + reg),
      "households.csv:2:5: error: id_number 110105********0021 校验码不对（GB 11643：最后一位应为 "
      "X）");
  EXPECT_EQ(said("validate --registry " + reg, "en"),
            "households.csv:2:5: error: id_number 110105********0021 fails the GB 11643 checksum "
            "(the last character should be X)");
}

TEST_F(LangCli, RegistryBadPhone) {
  const std::string reg = registry_with("households.csv", "13900000001", "1390000000");
  EXPECT_EQ(said("validate --registry " + reg),
            "households.csv:2:6: error: phone 应为以 1 开头的 11 位手机号，或固定电话：0、2–3 "
            "位区号和 7–8 位号码，区号后可有一个“-”，实际是“1390000000”");
  EXPECT_EQ(said("validate --registry " + reg, "en"),
            "households.csv:2:6: error: phone must be an 11-digit mobile number starting with 1, "
            "or a landline number: 0, a 2-3 digit area code and a 7-8 digit number, one '-' "
            "allowed after the area code, got \"1390000000\"");
}

TEST_F(LangCli, ConfigUnknownKeyWithDidYouMeanFromSetAndFromAFile) {
  write("typo.yaml", "design:\n  townshipz: 3\n");
  EXPECT_EQ(said("validate --set design.townshipz=3"),
            "--set:1:8: error: “design”中没有配置项“townshipz”，是不是“townships”？");
  EXPECT_EQ(said("validate --set design.townshipz=3", "en"),
            "--set:1:8: error: unknown key 'townshipz' in 'design', did you mean 'townships'?");
  EXPECT_EQ(said("validate --config typo.yaml"),
            "typo.yaml:2:3: error: “design”中没有配置项“townshipz”，是不是“townships”？");
  EXPECT_EQ(said("validate --config typo.yaml", "en"),
            "typo.yaml:2:3: error: unknown key 'townshipz' in 'design', did you mean 'townships'?");
}

TEST_F(LangCli, ConfigOutOfRangeFromSetAndFromAFile) {
  write("range.yaml", "simulation:\n  runs: 0\n");
  EXPECT_EQ(said("validate --set simulation.runs=0"),
            "--set:1:17: error: simulation.runs 应为不小于 1 的整数，实际是 \"0\"");
  EXPECT_EQ(said("validate --set simulation.runs=0", "en"),
            "--set:1:17: error: simulation.runs must be a whole number >= 1, got \"0\"");
  EXPECT_EQ(said("validate --config range.yaml"),
            "range.yaml:2:9: error: simulation.runs 应为不小于 1 的整数，实际是 \"0\"");
  EXPECT_EQ(said("validate --config range.yaml", "en"),
            "range.yaml:2:9: error: simulation.runs must be a whole number >= 1, got \"0\"");
}

TEST_F(LangCli, ImportErrors) {
  write("afile", "");
  EXPECT_EQ(said("import --export x.xlsx --out afile"),
            "kaoping: error: afile：--out 必须是目录，这是一个文件");
  EXPECT_EQ(said("import --export x.xlsx --out afile", "en"),
            "kaoping: error: afile: --out must be a directory, and this is a file");
  EXPECT_EQ(said("import --export missing.csv --out reg"),
            "missing.csv: error: 无法读取：没有这个文件");
  EXPECT_EQ(said("import --export missing.csv --out reg", "en"),
            "missing.csv: error: cannot read: no such file");
}

TEST_F(LangCli, ImportMissingHeaderColumn) {
  write_export(
      {{"乡(镇)", "行政村", "户编号", "人数", "姓名"}, {"大坪乡", "新村", "H1", X(3), "张三"}});
  EXPECT_EQ(
      import_said(),
      "e.xlsx:Sheet1!A1: error: 导出表没有 脱贫属性、脱贫状态、脱贫标志 列；可在 --mapping 中用 "
      "columns: {status: [表头]} 指定别的表头名");
  EXPECT_EQ(import_said("", "en"),
            "e.xlsx:Sheet1!A1: error: the export sheet has no column 脱贫属性, 脱贫状态, 脱贫标志; "
            "--mapping columns: {status: [HEADER]} names another header");
  // A sheet where no header is found at all.
  write_export({{"说明"}, {"这是一张空表"}});
  EXPECT_EQ(
      import_said(),
      "e.xlsx: error: 工作表 Sheet1：前 11 行中找不到表头行：应有一行含 户编号或户号，另有至少 3 "
      "个已知列（见 docs/import.md；--mapping 可增加表头名）");
  EXPECT_EQ(import_said("", "en"),
            "e.xlsx: error: sheet Sheet1: no header row found in the first 11 rows: expected a row "
            "with 户编号 or 户号 and at least 3 other known columns (see docs/import.md; --mapping "
            "adds header names)");
}

TEST_F(LangCli, ImportBadValueInACell) {
  write_export({kHeader, household("H1", X("三口"))});
  EXPECT_EQ(import_said(), "e.xlsx:Sheet1!D2: error: 人数应为不小于 1 的整数，实际是“三口”");
  EXPECT_EQ(import_said("", "en"),
            "e.xlsx:Sheet1!D2: error: 人数 must be a whole number >= 1, got \"三口\"");
  // A value that is none of the field's: the accepted ones and the --mapping key that adds it.
  write_export({kHeader, household("H1", X(3), "脱了")});
  EXPECT_EQ(
      import_said(),
      "e.xlsx:Sheet1!E2: error: 脱贫属性“脱了”不是可用的值（未脱贫, 返贫, 预脱贫, 计划脱贫, "
      "拟脱贫, 已脱贫, 脱贫, 已脱贫(享受政策), 已脱贫(不再享受政策), 或系统代码 0–4）；要接受它，"
      "请在 --mapping 文件中加上 values: {status: {脱了: CODE}}，CODE 为 "
      "poor、planned_exit、exited 之一");
  EXPECT_EQ(
      import_said("", "en"),
      "e.xlsx:Sheet1!E2: error: 脱贫属性 \"脱了\" is not one of 未脱贫, 返贫, 预脱贫, 计划脱贫, "
      "拟脱贫, 已脱贫, 脱贫, 已脱贫(享受政策), 已脱贫(不再享受政策), or the system's codes "
      "0–4; to accept it, add it to the --mapping file: values: {status: {脱了: CODE}} with "
      "CODE poor, planned_exit or exited");
}

TEST_F(LangCli, ImportDuplicateHousehold) {
  write_export({kHeader, household("H1"), household("H1")});
  EXPECT_EQ(import_said(),
            "e.xlsx:Sheet1!C3: error: 户编号 H1 在每户一行的工作表中出现了两行（另一行在 "
            "e.xlsx:Sheet1!C2）");
  EXPECT_EQ(import_said("", "en"),
            "e.xlsx:Sheet1!C3: error: 户编号 H1 is on two rows (also e.xlsx:Sheet1!C2) of a sheet "
            "of one row per household");
}

TEST_F(LangCli, ImportDamagedWorkbook) {
  // A cell that refers to a shared string the workbook does not have.
  write_export({kHeader, household("H1")});
  ASSERT_EQ(std::system(("cd '" + dir_.string() +
                         "' && python3 -c \"import zipfile; a = zipfile.ZipFile('e.xlsx'); "
                         "b = zipfile.ZipFile('d.xlsx', 'w'); "
                         "[b.writestr(i, a.read(i).replace(b'<v>0</v>', b'<v>99</v>') "
                         "if i.filename.endswith('sheet1.xml') else a.read(i)) "
                         "for i in a.infolist()]; b.close()\"")
                            .c_str()),
            0);
  EXPECT_EQ(said("import --export d.xlsx --out reg"),
            "d.xlsx:Sheet1!A1: error: 单元格引用了共享字符串 99，但工作簿中没有它（文件已损坏）");
  EXPECT_EQ(said("import --export d.xlsx --out reg", "en"),
            "d.xlsx:Sheet1!A1: error: the cell refers to shared string 99, which the workbook does "
            "not have (the file is damaged)");
  // A workbook cut in half is no zip archive any more.
  const std::string bytes = slurp(dir_ / "e.xlsx");
  write("cut.xlsx", bytes.substr(0, bytes.size() / 2));
  const std::string zh = said("import --export cut.xlsx --out reg");
  EXPECT_EQ(zh.substr(0, zh.find("（")),
            "cut.xlsx: error: 这是损坏的 zip 压缩包，不是可读的工作簿");
  EXPECT_TRUE(zh.ends_with("）；请用 Excel 或 WPS 打开后重新保存")) << zh;
  const std::string en = said("import --export cut.xlsx --out reg", "en");
  EXPECT_EQ(en.substr(0, en.find('(')),
            "cut.xlsx: error: this is a damaged zip archive, not a readable workbook ");
  EXPECT_TRUE(en.ends_with("); open it in Excel or WPS and save it again")) << en;
  // A web page saved as .xls.
  write("page.xls", "<html><table><tr><td>户编号</td></tr></table></html>");
  EXPECT_EQ(
      said("import --export page.xls --out reg"),
      "page.xls: error: 这是一个网页（HTML），却以 .xls 扩展名保存，不是工作簿；请用 Excel 或 WPS "
      "打开并另存为 .xlsx");
  EXPECT_EQ(said("import --export page.xls --out reg", "en"),
            "page.xls: error: this is an HTML page saved with an .xls name, not a workbook; open "
            "it in Excel or WPS and save it as .xlsx");
}

TEST_F(LangCli, ImportMappingFileErrors) {
  write_export({kHeader, household("H1")});
  write("m.yaml", "columns:\n  statsu: [状态]\n");
  EXPECT_EQ(import_said(" --mapping m.yaml"),
            "m.yaml:2:3: error: 未知的字段“statsu”，是不是“status”？");
  EXPECT_EQ(import_said(" --mapping m.yaml", "en"),
            "m.yaml:2:3: error: unknown field \"statsu\", did you mean \"status\"?");
  write("m.yaml", "values:\n  status:\n    脱了: gone\n");
  EXPECT_EQ(import_said(" --mapping m.yaml"),
            "m.yaml:3:13: error: values: status：“gone”不是 status 的代码（应为 "
            "poor、planned_exit、exited 之一）");
  EXPECT_EQ(import_said(" --mapping m.yaml", "en"),
            "m.yaml:3:13: error: values: status: \"gone\" is not a code of status (expected one "
            "of poor, planned_exit or exited)");
  write("m.yaml", "colums: {}\n");
  EXPECT_EQ(import_said(" --mapping m.yaml"),
            "m.yaml:1:1: error: 未知的键“colums”，是不是“columns”？");
  EXPECT_EQ(import_said(" --mapping m.yaml", "en"),
            "m.yaml:1:1: error: unknown key \"colums\", did you mean \"columns\"?");
}

TEST_F(LangCli, ImportGbkCsvIsConvertedWithAWarning) {
  std::string gbk;
  ASSERT_TRUE(kaoping::county_export::to_gbk(
      "乡(镇),行政村,户编号,人数,脱贫属性,人均纯收入\n大坪乡,新村,H1,1,未脱贫,3500\n", &gbk));
  write("e.csv", gbk);
  CliResult r = kaoping("import --export e.csv --out reg");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(line_with(r.err, "e.csv: warning"),
            "e.csv: warning: 文件是 GB18030/GBK 编码，已转换为 UTF-8");
  r = kaoping("import --lang en --export e.csv --out reg2");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(line_with(r.err, "e.csv: warning"),
            "e.csv: warning: file is GB18030/GBK encoded; converted to UTF-8");
}

TEST_F(LangCli, WarningOnIdNumbersAsHouseholdIds) {
  const fs::path reg = dir_ / "reg";
  fs::copy(test_data("good/minimal"), reg);
  for (const char* f : {"households.csv", "members.csv"}) {
    std::string text = slurp(reg / f);
    for (std::size_t at = 0; (at = text.find("\nH1,", at)) != std::string::npos;)
      text.replace(at + 1, 2, "110105194912310021");
    std::ofstream(reg / f, std::ios::binary | std::ios::trunc) << text;
  }
  EXPECT_EQ(line_with(kaoping("validate --registry reg").err, "warning"),
            "households.csv:2:1: warning: household_id 中有居民身份证号或电话号码（1 行）：kaoping "
            "在所有输出和提示中用化名（P- 加 16 位，每次运行都相同）称呼这些记录，需要编号的地方"
            "仍可用原编号；请改用全国扶贫开发信息系统的编号");
  EXPECT_EQ(line_with(kaoping("validate --lang en --registry reg").err, "warning"),
            "households.csv:2:1: warning: household_id holds a resident ID number or a phone "
            "number (1 rows); kaoping names each such record by a pseudonym (P- and 16 "
            "characters, the same in every run) in every output and message, and still takes the "
            "original wherever an id is asked for: use the ids of the national system");
}

TEST_F(LangCli, WarningOnAVillageTakenWhole) {
  ASSERT_EQ(kaoping("generate --profile small --seed 1 --quiet --out county").exit_code, 0);
  const std::string args =
      "sample --registry county --set design.households_per_village=100 --seed 3";
  EXPECT_EQ(
      line_with(kaoping(args).err, "kaoping: warning:"),
      "kaoping: warning: 行政村 T01V01 只有 60 户，少于 design.households_per_village（100）："
      "全部入样");
  EXPECT_EQ(line_with(kaoping(args + " --lang en").err, "kaoping: warning:"),
            "kaoping: warning: village T01V01 has 60 households, fewer than "
            "design.households_per_village (100): taken whole");
}

TEST_F(LangCli, UsageErrorsExitTwoInTheLanguage) {
  CliResult zh = kaoping("simulate --rnus 5");
  EXPECT_EQ(zh.exit_code, 2);
  EXPECT_EQ(zh.err,
            "kaoping simulate: error: 未知选项 --rnus，是不是 --runs？\n"
            "用法见 kaoping simulate --help\n");
  CliResult en = kaoping("simulate --rnus 5 --lang en");
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_EQ(en.err,
            "kaoping simulate: error: unknown option --rnus, did you mean --runs?\n"
            "see 'kaoping simulate --help'\n");
  EXPECT_EQ(said("generate"), "kaoping generate: error: 缺少必填选项 --out");
  EXPECT_EQ(said("generate", "en"), "kaoping generate: error: --out is required");
  EXPECT_EQ(said("sample --seed"), "kaoping sample: error: --seed 后面要跟一个值");
  EXPECT_EQ(said("sample --lang en --seed"), "kaoping sample: error: --seed needs a value");
  EXPECT_EQ(said("samle"), "kaoping: error: 未知命令“samle”，是不是“sample”？");
  EXPECT_EQ(said("samle", "en"), "kaoping: error: unknown command 'samle', did you mean 'sample'?");
  EXPECT_EQ(said("sample --lang fr"), "kaoping sample: error: --lang: 应为 zh|en 之一，实际是“fr”");
}

TEST_F(LangCli, PlainAnswersForSeedRunsAndThreads) {
  // A negative seed is refused, not wrapped round to 18446744073709551615.
  CliResult seed = kaoping("sample --seed -1");
  EXPECT_EQ(seed.exit_code, 2);
  EXPECT_EQ(first_line(seed.err),
            "kaoping sample: error: --seed: 应为 0 到 18446744073709551615 之间的整数，实际是“-1”");
  EXPECT_EQ(said("sample --seed -1", "en"),
            "kaoping sample: error: --seed: must be a whole number from 0 to "
            "18446744073709551615, got \"-1\"");
  EXPECT_EQ(said("simulate --runs 1.5", "en"),
            "kaoping simulate: error: --runs: must be a whole number >= 1, got \"1.5\"");
  // 2e1 is the whole number 20, as it would be in the configuration.
  CliResult runs = kaoping("simulate --runs 2e1 --json --quiet");
  EXPECT_EQ(runs.exit_code, 0) << runs.err;
  EXPECT_NE(runs.out.find("\"runs\": 20"), std::string::npos) << runs.out.substr(0, 400);
  EXPECT_EQ(runs.err, "");
}

TEST_F(LangCli, ADrawFromAnotherRegistryIsOneDiagnosis) {
  ASSERT_EQ(kaoping("sample --out draw.csv --quiet").exit_code, 0);  // the default county
  const std::string reg = registry_with("townships.csv", "T1", "T1");
  CliResult r = kaoping("audit --lang en --registry " + reg + " --sample draw.csv");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("the draw was made from another registry"), std::string::npos) << r.err;
}

TEST_F(LangCli, QuietPrintsOnlyErrors) {
  CliResult r = kaoping("generate --profile small --out reg --quiet");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST_F(LangCli, ALineOfSpacesIsABlankLine) {
  // The registry says the same with a line of spaces after its header as without it.
  const std::string reg = registry_with("townships.csv", "\n", "\n   \n");
  const CliResult spaced = kaoping("validate --registry " + reg);
  registry_with("townships.csv", "T1", "T1");
  const CliResult plain = kaoping("validate --registry " + reg);
  EXPECT_EQ(spaced.exit_code, plain.exit_code);
  EXPECT_EQ(spaced.err, plain.err);
  EXPECT_EQ(spaced.err.find("townships.csv:2"), std::string::npos) << spaced.err;
}

}  // namespace
