// What import reads from the county's sheets (SPEC §6): the fields, the header names each is
// known by in the national system's exports of 2016–2019 and the office's own sheets, and the
// value tables that turn the system's labels and codes into §1 codes. A --mapping file
// (import/mapping.h) adds headers and values on top of these.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/lang.h"

namespace kaoping {

/// A column import understands. The mapping key of each is field_name().
enum class Field : uint8_t {
  // Keys and places.
  kHouseholdId,  ///< 户编号, 户号
  kCounty,       ///< 县: recorded in import.json only
  kTownship,     ///< 乡(镇)
  kVillage,      ///< 行政村
  kGroup,        ///< 自然村 / 村民小组
  kVillageCode,  ///< 村代码: 12-digit village code, gives the ids
  // Household columns of an export or roster (repeated on every member's row).
  kSize,
  kStatus,
  kExitYear,
  kAttribute,
  kCause,
  kDangerousHouse,  ///< 危房户 (yes/no) → housing C/B
  kWaterSafe,
  kIncomeSystem,
  kPhone,  ///< 户联系电话
  kRelocated,
  // Person columns.
  kName,
  kIdNumber,
  kRelation,
  kGender,
  kEthnicity,
  kSchool,
  kHealth,
  kLabor,
  kMedicalInsurance,         ///< basic medical insurance (it decides when both are there)
  kSeriousIllnessInsurance,  ///< 大病保险, read when there is no basic column
  kPensionInsured,
  kMandarin,
  kPersonPhone,  ///< 联系电话 of a person
  // The verification sheet.
  kIncome,
  kFoodSecure,
  kClothingSecure,
  kHousing,  ///< 住房安全等级 A/B/C/D
  kDropouts,
  kUninsured,
  kExcluded,
  kMeasures,
  kHelpCard,
  kContactCard,
  kRecordBook,
  kCards,  ///< a list of cards in one column
  kArchiveConsistent,
  // The villages sheet.
  kNatural,
  kTransport,
  kEconomic,
  kTier,
  kVillageTravel,   ///< 村到乡镇(分钟)
  kTownshipTravel,  ///< 乡镇到县城(分钟)
  // The staff sheet.
  kRole,
  kLanguages,
};
inline constexpr int kFieldCount = static_cast<int>(Field::kLanguages) + 1;

/// The field's mapping key: the §1 or members.csv column name where there is one
/// ("household_id", "status", "income_system"), else a name of import's own ("township",
/// "village", "group", "village_code", "ethnicity", "mandarin", "school",
/// "medical_insurance", "dangerous_house", ...).
std::string_view field_name(Field f);
/// The field of a mapping key (synonyms such as village_id included), or nothing.
std::optional<Field> field_by_name(std::string_view key);
/// Every mapping key, for "did you mean".
std::vector<std::string_view> field_names();

/// The built-in header names of a field, in order of preference (when two columns of one
/// sheet are the same field, the earlier name wins).
const std::vector<std::string_view>& builtin_headers(Field f);

/// A header or value as it is compared: spaces (ASCII, ideographic, no-break) and line breaks
/// removed, full-width ASCII forms (（）［］０-９Ａ-Ｚ) made half-width, 【】 as [].
std::string normalize_text(std::string_view text);

/// How a field's cells are read.
enum class ValueKind : uint8_t {
  kText,      ///< kept as written (names, health, labor, relation)
  kId,        ///< household ids, codes: digits and letters, exponent form refused
  kIdNumber,  ///< resident ID numbers
  kPhone,
  kWhole,   ///< whole numbers (size, dropouts, uninsured)
  kNumber,  ///< decimals (income, indicators, minutes)
  kYear,    ///< a year: 2016, 2016年
  kYesNo,   ///< 是/否, 1/0, √
  kChoice,  ///< one of a value table (status, cause, gender, ...)
  kList,    ///< several of a value table, separated by ; 、 , or ，
};
ValueKind value_kind(Field f);

/// One built-in value table: normalized label or code → §1 code, and the labels to show
/// when a value is not in it.
struct ValueTable {
  std::map<std::string, std::string> codes;
  Message accepted;  ///< "未脱贫, 返贫, ... (codes 0–4)" for messages, in both languages
};
/// The built-in table of a kChoice, kList or kYesNo field; null for the others. The §1
/// codes themselves are always accepted too.
const ValueTable* builtin_values(Field f);

/// The codes a --mapping value may map to for `f` (the §1 codes; "1"/"0" for yes/no).
std::vector<std::string> allowed_codes(Field f);

/// The language code of a 民族 (normalized name with or without 族, or its two-digit GB 3304
/// code): 彝族 → "yi", 回族 → "hui", 汉族 → "zh"; nothing when unknown.
std::optional<std::string> ethnicity_language(std::string_view normalized);

/// The language code of a language name (汉语, 普通话 → zh, 彝语 → yi, ...) or of a code as
/// written (yi); nothing when unknown.
std::optional<std::string> language_code(std::string_view normalized);

/// Codes of 在校生状况 that are not at school (SPEC §6): "not_in_school" (非在校生),
/// "preschool" (学前教育), "dropout" (失学, 辍学); anything else is at school ("in_school").
std::string school_code(std::string_view normalized);

}  // namespace kaoping
