// The messages of registry/ (loading and checking the registry's CSV files), in Chinese and
// English (util/lang.h). Column names and values stay as the files write them.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "util/lang.h"

namespace kaoping::msg {

// Kinds of record, for "household "H1": ..." of a record that has no line.
inline constexpr Message kKindTownship{"乡镇", "township"};
inline constexpr Message kKindVillage{"行政村", "village"};
inline constexpr Message kKindGroup{"村民小组", "group"};
inline constexpr Message kKindHousehold{"农户", "household"};
inline constexpr Message kKindMember{"家庭成员", "member"};
inline constexpr Message kKindStaff{"工作人员", "staff"};
inline constexpr Message kWho{"{}“{}”：", "{} \"{}\": "};

inline constexpr Message kRegMissingColumn{"缺少必填列“{}”", "missing required column \"{}\""};
inline constexpr Message kRegUnnamedColumn{"没有列名的列，已忽略", "column without a name ignored"};
inline constexpr Message kRegUnknownColumn{"未知的列“{}”，已忽略", "unknown column \"{}\" ignored"};
inline constexpr Message kRegNearCase{"；找到 {}：文件名区分大小写，请改名为 {}",
                                      "; found {}: file names are case-sensitive, rename it to {}"};
inline constexpr Message kRegNearOther{"；找到 {}：请另存为 CSV UTF-8，文件名为 {}",
                                       "; found {}: save it as CSV UTF-8 under the name {}"};
inline constexpr Message kRegNoDir{
    "找不到登记数据目录（应为含有 townships.csv、villages.csv 和 households.csv 的目录）",
    "registry directory not found (expected a directory holding townships.csv, villages.csv "
    "and households.csv)"};
inline constexpr Message kRegFileNotFound{
    "{} 中没有这个文件（登记数据需要 townships.csv、villages.csv 和 households.csv）{}",
    "file not found in {} (a registry needs townships.csv, villages.csv and households.csv){}"};
inline constexpr Message kRegNotRegular{
    "{} 中有这个名字，但不是普通文件（是目录、FIFO、设备或失效的链接）；请在这里放 CSV 文件，或把它"
    "删掉",
    "exists in {} but is not a regular file (a directory, a FIFO, a device or a dangling link); "
    "put the CSV file there or remove it"};
inline constexpr Message kRegIndexDuplicate{"{}编号“{}”重复", "duplicate {} id \"{}\""};
inline constexpr Message kRegIndexUnknown{"未知的{}编号“{}”", "unknown {} id \"{}\""};
inline constexpr Message kRegNoRecords{"没有记录：文件只有表头，没有数据行",
                                       "no records: the file has a header row but no data rows"};

inline constexpr Message kRegPersonalId{
    "{} 中有居民身份证号或电话号码（{} 行）：kaoping 在所有输出和提示中用化名（P- 加 16 "
    "位，每次运行都相同）"
    "称呼这些记录，需要编号的地方仍可用原编号；请改用全国扶贫开发信息系统的编号",
    "{} holds a resident ID number or a phone number ({} rows); kaoping names each such record "
    "by a pseudonym (P- and 16 characters, the same in every run) in every output and message, "
    "and still takes the original wherever an id is asked for: use the ids of the national "
    "system"};

inline constexpr Message kRegDuplicate{"{}{}“{}”重复（{}）", "{}duplicate {} \"{}\" ({})"};
inline constexpr Message kRegFirstOnLine{"第一次出现在第 {} 行", "first on line {}"};
inline constexpr Message kRegFirstRecord{"第一次是第 {} 条记录", "first is record {}"};
inline constexpr Message kRegNotFound{"{}“{}”在 {} 中找不到", "{} \"{}\" not found in {}"};
inline constexpr Message kRegGroupsGroup{"groups：村民小组", "groups: group"};
inline constexpr Message kRegStaffGroupVillage{
    "groups：村民小组“{}”属于行政村“{}”，不属于“{}”",
    "groups: group \"{}\" belongs to village \"{}\", not \"{}\""};
inline constexpr Message kRegGroupNoFile{
    "填了 group_id“{}”，但登记数据中没有 groups.csv",
    "group_id \"{}\" given but the registry has no groups.csv"};
inline constexpr Message kRegGroupVillage{"group_id“{}”属于行政村“{}”，不属于“{}”",
                                          "group_id \"{}\" belongs to village \"{}\", not \"{}\""};
inline constexpr Message kRegVillageEmpty{"行政村“{}”在 households.csv 中没有农户",
                                          "village \"{}\" has no households in households.csv"};
inline constexpr Message kRegTownshipEmpty{"乡镇“{}”在 villages.csv 中没有行政村",
                                           "township \"{}\" has no villages in villages.csv"};
inline constexpr Message kRegSizeMismatch{"size 为 {}，但 members.csv 列出 {} 名成员",
                                          "size is {} but members.csv lists {} members"};
inline constexpr Message kRegDropoutMismatch{
    "dropouts 为 {}，但 members.csv 中 dropout=1 的成员有 {} 名",
    "dropouts is {} but members.csv has {} members with dropout=1"};
inline constexpr Message kRegUninsuredMismatch{
    "uninsured 为 {}，但 members.csv 中 medical_insured=0 的成员有 {} 名",
    "uninsured is {} but members.csv has {} members with medical_insured=0"};
inline constexpr Message kRegSeparator{"；", "; "};
inline constexpr Message kRegMembersDisagree{"农户“{}”与 members.csv 不一致：{}",
                                             "household \"{}\" disagrees with members.csv: {}"};
inline constexpr Message kRegMembersMore{
    "{} 户与 members.csv 不一致（只列出前 {} 户）；每户都算作一处三统一不一致",
    "{} households disagree with members.csv (the first {} are shown); each counts as a 三统一 "
    "inconsistency"};
inline constexpr Message kRegNoStaff{
    "登记数据中没有 staff.csv；安排日程需要向导和翻译（写在 staff.csv 中，或用 schedule --staff "
    "FILE 给出）",
    "the registry has no staff.csv; schedule needs the guides and interpreters (give them in "
    "staff.csv, or with schedule --staff FILE)"};
inline constexpr Message kRegNoGroups{
    "登记数据中没有村民小组；日程无法写出通知各组农户的党员（groups.csv 的 contact_name 和 "
    "contact_phone）",
    "the registry has no groups; the schedule cannot name the party member who notifies each "
    "group's households (contact_name and contact_phone in groups.csv)"};
inline constexpr Message kRegGroupsNoContact{
    "{} 个村民小组中有 {} 个没有 contact_name 或 "
    "contact_phone，第一个是“{}”；日程无法说明该打电话给谁通知这些农户",
    "{1} of {0} groups have no contact_name or contact_phone, the first \"{2}\"; the schedule "
    "cannot say whom to call to notify their households"};

// What a cell must hold: "size must be <desc>, got "3.5"".
inline constexpr Message kDescYear{"2000 到 2100 之间的年份", "a year from 2000 to 2100"};
inline constexpr Message kDescBool{"0 或 1", "0 or 1"};
inline constexpr Message kDescLanguage{"由小写字母组成的语言代码，如 zh、yi、hani",
                                       "a language code of lowercase letters such as zh, yi, hani"};
inline constexpr Message kDescPhone{
    "以 1 开头的 11 位手机号，或固定电话：0、2–3 位区号和 7–8 位号码，区号后可有一个“-”",
    "an 11-digit mobile number starting with 1, or a landline number: 0, a 2-3 digit area code "
    "and a 7-8 digit number, one '-' allowed after the area code"};
inline constexpr Message kDescWholeAtLeast1{"不小于 1 的整数", "a whole number >= 1"};
inline constexpr Message kDescWholeAtLeast0{"不小于 0 的整数", "a whole number >= 0"};
inline constexpr Message kDescAge{"0 到 150 之间的整数", "a whole number from 0 to 150"};
inline constexpr Message kDescNonNegative{"不小于 0 的数", "a number >= 0"};
inline constexpr Message kDescNumber{"数", "a number"};
inline constexpr Message kDescProbability{"[0,1] 之间的数", "a number in [0,1]"};
inline constexpr Message kDescOneOf{"{} 之一", "one of {}"};
inline constexpr Message kDescGiven{"已填写", "given"};

inline constexpr Message kCellMust{"{} 应为{}，实际是“{}”", "{} must be {}, got \"{}\""};
inline constexpr Message kCellCaseHint{"（是不是“{}”？）", " (did you mean \"{}\"?)"};
inline constexpr Message kCellEmptyId{"{} 是空的；每一行都要有",
                                      "{} is empty; every row needs one"};
inline constexpr Message kCellEmpty{"{} 是空的；应为{}", "{} is empty; it must be {}"};
inline constexpr Message kCellFlags{"{} 应列出 {} 中的值，用“;”分隔，实际是“{}”{}",
                                    "{} must list values from {} separated by ';', got \"{}\"{}"};
inline constexpr Message kCellExponent{
    "{}“{}”是被电子表格变成科学计数法的数字，已丢失数位；请把这一列设为文本（粘贴前“设置单元格格式 "
    "→ "
    "文本”，或导入时把这一列设为文本）",
    "{} \"{}\" is a number a spreadsheet turned into exponent form and lost digits; keep the "
    "column as text (Format Cells → Text before pasting, or import the column as text)"};
inline constexpr Message kCellExitYear{"status 为 exited 时必须填 exit_year：{}",
                                       "exit_year is required for status exited: {}"};
inline constexpr Message kCellIncome{
    "income 是空的；应为不小于 0 的数（只有未核实的农户，即 verified = 0，可以不填）",
    "income is empty; it must be a number >= 0 (only an unverified household, verified = 0, may "
    "leave it empty)"};
inline constexpr Message kCellGuideVillage{
    "village_id 是空的；向导必须写明所在的行政村",
    "village_id is empty; a guide must name the village they guide in"};
inline constexpr Message kCellInterpreterLanguages{
    "languages 是空的；翻译必须列出会讲的语言",
    "languages is empty; an interpreter must list the languages they speak"};

// ID numbers (GB 11643), shown masked.
inline constexpr Message kIdShort{
    "id_number 应为 18 位居民身份证号，实际只有 {} 位",
    "id_number must be an 18-character resident ID number, got {} characters"};
inline constexpr Message kIdLength{
    "id_number 应为 18 位居民身份证号或 20 位残疾人证号，实际有 {} 位",
    "id_number must be an 18-character resident ID number or a 20-character disability "
    "certificate number, got {} characters"};
inline constexpr Message kIdDigits{"id_number {} 的前 17 位必须是数字",
                                   "id_number {} must have digits in its first 17 characters"};
inline constexpr Message kIdChecksum{
    "id_number {} 校验码不对（GB 11643：最后一位应为 {}）",
    "id_number {} fails the GB 11643 checksum (the last character should be {})"};
inline constexpr Message kIdChecksum18{
    "id_number {} 校验码不对（GB 11643：第 18 位应为 {}）",
    "id_number {} fails the GB 11643 checksum (the 18th character should be {})"};
inline constexpr Message kIdCertificate{
    "id_number {} 的最后两位必须是数字：20 位残疾人证号是 18 位居民身份证号加两位数字",
    "id_number {} must end in two digits: a 20-character disability certificate number is an "
    "18-character resident ID number followed by two digits"};

/// The name of a kind of record ("household") in `lang`; the name itself when unknown.
inline std::string kind_name(std::string_view kind, Lang lang) {
  for (const auto& [en, m] :
       {std::pair{"township", &kKindTownship}, std::pair{"village", &kKindVillage},
        std::pair{"group", &kKindGroup}, std::pair{"household", &kKindHousehold},
        std::pair{"member", &kKindMember}, std::pair{"staff", &kKindStaff}})
    if (kind == en) return std::string(m->text(lang));
  return std::string(kind);
}

}  // namespace kaoping::msg
