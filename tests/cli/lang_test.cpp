// End to end: what kaoping says is Chinese by default and English with --lang en, word for
// word — every command's help, registry errors (missing column, bad value, duplicate id, bad
// ID number, bad phone), configuration errors from --set and from a file, import errors and
// usage errors. The file:line:column: error: prefix keeps its English keywords in both.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "reports/i18n.h"
#include "tests/cli/harness.h"

namespace {

namespace fs = std::filesystem;
using kaoping::Lang;
using kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;
using kaoping::cli_test::test_data;

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

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
};

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
