// The messages of config/ (the YAML file, --set, every key checked), in Chinese and English
// (util/lang.h). Key names and YAML words stay as written in the file.
#pragma once

#include "util/lang.h"

namespace kaoping::msg {

inline constexpr Message kCfgNotPlainKey{"键必须是简单的名称", "keys must be plain names"};
inline constexpr Message kCfgNotPlainKeyIn{"“{}”中的键必须是简单的名称",
                                           "keys must be plain names in '{}'"};
inline constexpr Message kCfgAtColumn{"第 {} 列", "column {}"};
inline constexpr Message kCfgAtLine{"第 {} 行", "line {}"};
inline constexpr Message kCfgDuplicateKey{"键“{}”重复，第一次出现在{}",
                                          "duplicate key '{}', first given at {}"};
inline constexpr Message kCfgDuplicateKeyIn{"“{1}”中的键“{0}”重复，第一次出现在{2}",
                                            "duplicate key '{0}' in '{1}', first given at {2}"};
inline constexpr Message kCfgYamlSyntax{"YAML 语法错误：{}", "YAML syntax error: {}"};
inline constexpr Message kCfgTwoDocuments{
    "只能有一个 YAML 文档，这里又开始了一个",
    "only one YAML document is allowed, found another one here"};
inline constexpr Message kCfgStrayText{
    "这里的文字不属于上面的 YAML 文档（请检查缩进和引号）",
    "this text does not belong to the YAML document above (check the indentation and the quotes)"};
inline constexpr Message kCfgSetForm{"应为 配置项=值，例如 design.townships=4，实际是 {}",
                                     "expected KEY=VALUE, e.g. design.townships=4, got {}"};
inline constexpr Message kCfgEmptyKeyName{"{} 中有空的键名", "empty key name in {}"};
inline constexpr Message kCfgNoValue{"没有给出“{}”的值", "no value given for '{}'"};
inline constexpr Message kCfgNothing{"空值", "nothing"};
inline constexpr Message kCfgEmptyList{"空列表", "an empty list"};
inline constexpr Message kCfgList{"列表", "a list"};
inline constexpr Message kCfgMap{"映射", "a map"};
inline constexpr Message kCfgNumberIn{"{} 范围内的数", "a number in {}"};
inline constexpr Message kCfgNumberAbove{"{} {} 的数", "a number {} {}"};
inline constexpr Message kCfgNumber{"数", "a number"};
inline constexpr Message kCfgTheConfiguration{"配置", "the configuration"};
inline constexpr Message kCfgMustBe{"{} 应为{}，实际是 {}", "{} must be {}, got {}"};
inline constexpr Message kCfgMustBeMap{"{} 应为键的映射，实际是 {}",
                                       "{} must be a map of keys, got {}"};
inline constexpr Message kCfgUnknownTopKey{"未知的顶层配置项“{}”", "unknown top-level key '{}'"};
inline constexpr Message kCfgUnknownKey{"“{1}”中没有配置项“{0}”", "unknown key '{0}' in '{1}'"};
inline constexpr Message kCfgDidYouMean{"，是不是“{}”？", ", did you mean '{}'?"};
inline constexpr Message kCfgNestKeys{"（在文件中要分层写：“{}: {{{}: ...}}”）",
                                      " (in a file, nest the keys: '{}: {{{}: ...}}')"};
inline constexpr Message kCfgExpectedOneOf{"（可用的有：{}）", " (expected one of: {})"};
inline constexpr Message kCfgWholeFromTo{"{} 到 {} 之间的整数", "a whole number from {} to {}"};
inline constexpr Message kCfgWholeAtLeast{"不小于 {} 的整数", "a whole number >= {}"};
inline constexpr Message kCfgMustBeOneOf{"{} 应为 {} 之一，实际是 {}",
                                         "{} must be one of {}, got {}"};
inline constexpr Message kCfgDate{"日期 YYYY-MM-DD", "a date YYYY-MM-DD"};
inline constexpr Message kCfgPairCount{
    "{} 应为两个{}组成的列表 [开始, 结束]，实际有 {} 个",
    "{} must be a list of two {} [start, end], got a list of {}"};
inline constexpr Message kCfgPair{"两个{}组成的列表 [开始, 结束]", "a list of two {} [start, end]"};
inline constexpr Message kCfgTimes{"时间 \"HH:MM\"", "times \"HH:MM\""};
inline constexpr Message kCfgDates{"日期", "dates"};
inline constexpr Message kCfgStartOf{"{} 的开始", "the start of {}"};
inline constexpr Message kCfgEndOf{"{} 的结束", "the end of {}"};
inline constexpr Message kCfgTime{"00:00 到 24:00 之间的时间 \"HH:MM\"",
                                  "a time \"HH:MM\" from 00:00 to 24:00"};
inline constexpr Message kCfgTiers{"由 good|medium|poor 组成的档次列表",
                                   "a list of tiers from good|medium|poor"};
inline constexpr Message kCfgEachTier{"design.tiers 的每一项", "each of design.tiers"};
inline constexpr Message kCfgTierTwice{"design.tiers 两次列出“{}”",
                                       "design.tiers lists '{}' twice"};
inline constexpr Message kCfgWeights{"design.tier_weights 至少要有一个大于 0 的权重",
                                     "design.tier_weights must have at least one weight > 0"};
inline constexpr Message kCfgLineYears{
    "standards.poverty_line 的键应为 1900 到 2100 之间的年份，实际是 {}",
    "standards.poverty_line keys must be years from 1900 to 2100, got {}"};
inline constexpr Message kCfgLineTwice{"standards.poverty_line 两次给出 {} 年",
                                       "standards.poverty_line gives year {} twice"};
inline constexpr Message kCfgNoLine{"standards.poverty_line 没有 assess_year {} 年的贫困线",
                                    "standards.poverty_line has no line for assess_year {}"};
inline constexpr Message kCfgCriteriaMap{"“指标: {below: x}”或“指标: {above: x}”的映射",
                                         "a map of rate: {below: x} or {above: x}"};
inline constexpr Message kCfgCriteriaEmpty{"standards.criteria 是空的：任何样本都会通过",
                                           "standards.criteria is empty: every draw passes"};
inline constexpr Message kCfgBelowAbove{"{below: x} 或 {above: x}", "{below: x} or {above: x}"};
inline constexpr Message kCfgExactlyOne{"{} 必须有且只有 below 或 above 之一",
                                        "{} must have exactly one of below or above"};
inline constexpr Message kCfgSeed{"0 到 18446744073709551615 之间的整数",
                                  "a whole number from 0 to 18446744073709551615"};
inline constexpr Message kCfgWindowOrder{"schedule.window 的开始晚于结束（{} > {}）",
                                         "schedule.window starts after it ends ({} > {})"};
inline constexpr Message kCfgDayOrder{
    "日程时间应满足 上班 < 午休开始 < 午休结束 < 下班，实际 day 为 [{}, {}]，lunch 为 [{}, {}]",
    "schedule times must run day start < lunch start < lunch end < day end, got day [{}, {}] "
    "and lunch [{}, {}]"};
inline constexpr Message kCfgStartOutside{"schedule.start {} 不在 schedule.window [{}, {}] 之内",
                                          "schedule.start {} is outside schedule.window [{}, {}]"};
inline constexpr Message kCfgTrueFalse{"true 或 false", "true or false"};
inline constexpr Message kCfgFileIsDir{"无法读取配置文件：这是一个目录",
                                       "cannot read the configuration file: it is a directory"};
inline constexpr Message kCfgFileCannotRead{"无法读取配置文件：{}",
                                            "cannot read the configuration file: {}"};
inline constexpr Message kCfgFileTooLarge{
    "配置文件大于 16 MiB，不是配置文件",
    "the configuration file is larger than 16 MiB; it is not a configuration"};
inline constexpr Message kCfgFileReadError{"无法读取配置文件：读取出错",
                                           "cannot read the configuration file: read error"};
inline constexpr Message kCfgFileUtf16{"配置文件是 UTF-16 编码；请另存为 UTF-8",
                                       "the configuration file is UTF-16; save it as UTF-8"};
inline constexpr Message kCfgFileNul{
    "配置文件不是 YAML 文本（含有 NUL 字节）",
    "the configuration file is not YAML text (it contains NUL bytes)"};
inline constexpr Message kCfgControlChar{
    "配置中有控制字符 {}，YAML 不允许；请删去它",
    "the configuration holds the control character {}, which YAML does not allow; delete it"};
inline constexpr Message kCfgFileNotUtf8{
    "配置文件不是 UTF-8 编码（GBK 或 GB18030？）；请用以下命令转换：iconv -f GB18030 -t UTF-8 {0} "
    "> "
    "{0}.utf8",
    "the configuration file is not UTF-8 (GBK or GB18030?); convert it with: iconv -f GB18030 -t "
    "UTF-8 {0} > {0}.utf8"};
inline constexpr Message kCfgNotSections{
    "配置应为各部分（design、standards、evaluator、simulation、schedule）的映射，实际是 {}",
    "the configuration must be a map of sections (design, standards, evaluator, simulation, "
    "schedule), got {}"};

inline constexpr Message kCfgNoStaffFile{
    "{} 中没有 staff.csv：请用 --staff FILE 给出向导和翻译名单",
    "{} has no staff.csv: give the roster with --staff FILE"};
inline constexpr Message kCfgBuiltInCounty{"内置默认县", "the built-in county"};

// Command-line options (config/option_values.h).
inline constexpr Message kOptWholeAtLeast{"应为不小于 {} 的整数，实际是“{}”",
                                          "must be a whole number >= {}, got \"{}\""};
inline constexpr Message kOptWholeRange{"应为 {} 到 {} 之间的整数，实际是“{}”",
                                        "must be a whole number from {} to {}, got \"{}\""};
inline constexpr Message kOptSeed{
    "应为 0 到 18446744073709551615 之间的整数，实际是“{}”",
    "must be a whole number from 0 to 18446744073709551615, got \"{}\""};
inline constexpr Message kOptOneOf{"应为 {} 之一，实际是“{}”", "must be one of {}, got \"{}\""};
inline constexpr Message kOptDidYouMean{"，是不是“{}”？", ", did you mean '{}'?"};
inline constexpr Message kOptUnknown{"未知选项 {}", "unknown option {}"};
inline constexpr Message kOptUnknownHint{"未知选项 {}，是不是 {}？",
                                         "unknown option {}, did you mean {}?"};

}  // namespace kaoping::msg
