// The county's poverty registry as plain data (SPEC §1). Households are kept as a
// struct of arrays: the Monte Carlo loop reads a few columns of many households.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/intern.h"
#include "util/lang.h"

namespace kaoping {

/// Registry status of a household (SPEC §1 `status`).
enum class Status : uint8_t { kPoor = 0, kPlannedExit = 1, kExited = 2, kNonRegistered = 3 };
inline constexpr int kStatusCount = 4;

/// Sampling category (SPEC §3): `poor` covers poor and planned_exit.
enum class Category : uint8_t { kPoor = 0, kExited = 1, kNonRegistered = 2 };
inline constexpr int kCategoryCount = 3;

inline Category category_of(Status s) {
  switch (s) {
    case Status::kPoor:
    case Status::kPlannedExit:
      return Category::kPoor;
    case Status::kExited:
      return Category::kExited;
    default:
      return Category::kNonRegistered;
  }
}
/// Registered = poor, planned_exit or exited.
inline bool is_registered(Status s) {
  return s != Status::kNonRegistered;
}

enum class Attribute : uint8_t { kNone = 0, kGeneral, kDibao, kTekun };
enum class Cause : uint8_t {
  kNone = 0,
  kIllness,
  kDisability,
  kEducation,
  kDisaster,
  kLand,
  kWater,
  kSkills,
  kLabor,
  kFunds,
  kTransport,
  kMotivation,
  kOther
};
inline constexpr int kCauseCount = 13;  // including kNone
enum class Housing : uint8_t { kA = 0, kB, kC, kD };
enum class Tier : uint8_t { kGood = 0, kMedium = 1, kPoor = 2 };
inline constexpr int kTierCount = 3;

/// Bit flags for `excluded` (DOMAIN.md §3), in the order of SPEC §1.
enum Exclusion : uint16_t {
  kExOfficial = 1 << 0,
  kExCadre = 1 << 1,
  kExCar = 1 << 2,
  kExTownHouse = 1 << 3,
  kExCompany = 1 << 4,
  kExLargeFarm = 1 << 5,
  kExSplitHousehold = 1 << 6,
  kExAbsentee = 1 << 7,
  kExOther = 1 << 8,
};
inline constexpr int kExclusionCount = 9;

/// Bit flags for `measures`, in the order of SPEC §1.
enum Measure : uint16_t {
  kMsIndustry = 1 << 0,
  kMsEmployment = 1 << 1,
  kMsTraining = 1 << 2,
  kMsEducation = 1 << 3,
  kMsHealth = 1 << 4,
  kMsHousing = 1 << 5,
  kMsRelocation = 1 << 6,
  kMsFinance = 1 << 7,
  kMsSocialSecurity = 1 << 8,
  kMsWater = 1 << 9,
  kMsOther = 1 << 10,
};
inline constexpr int kMeasureCount = 11;

/// Bit flags for `cards`.
enum Card : uint8_t { kCardHelp = 1 << 0, kCardContact = 1 << 1, kCardRecordBook = 1 << 2 };
inline constexpr uint8_t kAllCards = kCardHelp | kCardContact | kCardRecordBook;

// Spellings used in files, config and reports. Index = enum value (bit position for flags).
std::string_view to_string(Status s);
std::string_view to_string(Category c);
std::string_view to_string(Attribute a);  // "" for kNone
std::string_view to_string(Cause c);      // "" for kNone
std::string_view to_string(Housing h);
std::string_view to_string(Tier t);
std::optional<Status> parse_status(std::string_view s);
std::optional<Attribute> parse_attribute(std::string_view s);
std::optional<Cause> parse_cause(std::string_view s);
std::optional<Housing> parse_housing(std::string_view s);
std::optional<Tier> parse_tier(std::string_view s);
/// Names of the flag bits, index = bit position.
const std::vector<std::string_view>& exclusion_names();
const std::vector<std::string_view>& measure_names();
const std::vector<std::string_view>& card_names();
/// Joins the names of the set bits with ';' (file order).
std::string flags_to_string(uint32_t flags, const std::vector<std::string_view>& names);
inline int popcount16(uint32_t x) {
  return __builtin_popcount(x);
}
/// Measures that answer a main cause of poverty (DOMAIN.md §4: 因病 → health, 因学 →
/// education, 缺技术 → training or employment, ...), as Measure bits; 0 for kNone and kOther,
/// which any measure answers.
uint16_t measures_answering(Cause c);

struct Township {
  std::string id;
  std::string name;
  double travel_minutes = 60;  ///< from the county seat, minutes >= 0
};

struct Village {
  std::string id;
  std::string township_id;
  int township = -1;  ///< index into Registry::townships
  std::string name;
  double natural = 0, transport = 0, economic = 0;  ///< condition indicators, higher = better
  std::optional<Tier> tier;                         ///< user label; overrides computed tier
  double travel_minutes = 30;                       ///< from the township seat, minutes >= 0
  int line = 0;         ///< line in villages.csv (0 when built in memory)
  int tier_column = 0;  ///< 1-based column of `tier` in villages.csv, 0 when it has none
};

struct Group {
  std::string id;
  std::string village_id;
  int village = -1;
  std::string name;
  std::string contact_name;
  std::string contact_phone;
  int line = 0;  ///< line in groups.csv (0 when built in memory)
};

/// Households as a struct of arrays; every vector has count() entries. The columns of
/// households.csv are described once, in registry/schema.cpp (what the file calls them, what
/// they may hold); the defaults of a household built in memory are in for_each_column below.
///
/// Who reads what: the Monte Carlo engine (ReplicateModel::init, through audit/rules.h)
/// reads status, size, income, income_system, excluded, the guarantees (food_secure,
/// clothing_secure, water_safe, housing, relocated, dropouts, uninsured),
/// archive_consistent, members_mismatch, presence and satisfaction, and the sampler reads
/// village and status; the replicate loop itself reads only the tables init builds from
/// them. The other columns serve the readable audit, the schedule and the reports.
///
/// Memory: about three times households.csv. The ids of villages and groups and the language
/// codes come from small vocabularies and are Interned (8 bytes, one copy of each text); the
/// household's own id, name, ID number and phone are its own strings.
struct Households {
  std::vector<std::string> id;
  std::vector<Interned> village_id;
  std::vector<int32_t> village;  ///< index into Registry::villages
  std::vector<Interned> group_id;
  std::vector<int32_t> group;  ///< index into Registry::groups, -1 when none
  std::vector<std::string> head_name, id_number, phone;
  std::vector<int32_t> size;  ///< persons >= 1
  std::vector<Status> status;
  std::vector<int16_t> exit_year;  ///< 0 when none
  std::vector<Attribute> attribute;
  std::vector<Cause> cause;
  std::vector<double> income;         ///< per-capita yuan/year, field verification; NaN unknown
  std::vector<double> income_system;  ///< per-capita yuan/year, national system; NaN unknown
  std::vector<uint8_t> food_secure, clothing_secure, water_safe;
  std::vector<Housing> housing;
  std::vector<uint8_t> relocated;
  std::vector<int32_t> dropouts, uninsured;
  std::vector<uint16_t> excluded;  ///< Exclusion bits
  std::vector<uint16_t> measures;  ///< Measure bits
  std::vector<uint8_t> cards;      ///< Card bits
  std::vector<uint8_t> archive_consistent;
  std::vector<Interned> language;    ///< "zh" by default
  std::vector<double> presence;      ///< NaN = config default
  std::vector<double> satisfaction;  ///< NaN = config default
  /// 1 when the county's own field verification covered the household this year (SPEC §1);
  /// only an unverified household (0) may have an unknown income (NaN).
  std::vector<uint8_t> verified;
  /// For an unverified household, the probability in [0,1] that the evaluators find it at
  /// fault; NaN = config default (evaluator.unverified_fault of its status).
  std::vector<double> fault_prior;
  /// Set by validation when members.csv disagrees with this household (三统一).
  std::vector<uint8_t> members_mismatch;
  std::vector<int32_t> line;  ///< line in households.csv (0 when built in memory)

  std::size_t count() const { return id.size(); }
  /// Appends one household with every field at its default; returns its index.
  std::size_t add_default();
  /// Reserves room for n households in every column.
  void reserve(std::size_t n);
  /// Makes it n households: new ones at every field's default, extra ones dropped.
  void resize(std::size_t n);

  /// Calls f(column, default) for every column above, in declaration order, with the value
  /// a household built in memory starts with. add_default, reserve and resize go through it, so a
  /// new column is declared above and listed here, nowhere else in this struct.
  template <typename F>
  void for_each_column(F&& f) {
    const double unset = std::numeric_limits<double>::quiet_NaN();
    static const Interned zh("zh");
    f(id, std::string());
    f(village_id, Interned());
    f(village, int32_t{-1});
    f(group_id, Interned());
    f(group, int32_t{-1});
    f(head_name, std::string());
    f(id_number, std::string());
    f(phone, std::string());
    f(size, int32_t{1});
    f(status, Status::kNonRegistered);
    f(exit_year, int16_t{0});
    f(attribute, Attribute::kNone);
    f(cause, Cause::kNone);
    f(income, 0.0);
    f(income_system, 0.0);
    f(food_secure, uint8_t{1});
    f(clothing_secure, uint8_t{1});
    f(water_safe, uint8_t{1});
    f(housing, Housing::kA);
    f(relocated, uint8_t{0});
    f(dropouts, int32_t{0});
    f(uninsured, int32_t{0});
    f(excluded, uint16_t{0});
    f(measures, uint16_t{0});
    f(cards, uint8_t{0});
    f(archive_consistent, uint8_t{1});
    f(language, zh);
    f(presence, unset);
    f(satisfaction, unset);
    f(verified, uint8_t{1});
    f(fault_prior, unset);
    f(members_mismatch, uint8_t{0});
    f(line, int32_t{0});
  }
};

/// One person of members.csv, in 80 bytes: the codes (relation, gender, health, labour) are
/// Interned, the numbers as narrow as their ranges (a county has millions of members).
struct Member {
  std::string household_id;
  int32_t household = -1;
  int32_t line = 0;
  Interned relation;
  Interned gender;
  int16_t age = -1;             ///< -1 unknown
  int8_t in_school = -1;        ///< 0/1, -1 unknown
  int8_t dropout = -1;          ///< 0/1, -1 unknown
  int8_t medical_insured = -1;  ///< 0/1, -1 unknown
  int8_t pension_insured = -1;  ///< 0/1, -1 unknown
  Interned health;
  Interned labor;
};

enum class StaffRole : uint8_t { kGuide, kInterpreter };

struct Staff {
  std::string id;
  std::string name;
  std::string phone;
  StaffRole role = StaffRole::kGuide;
  std::string village_id;  ///< empty for the county interpreter pool
  int village = -1;
  std::vector<std::string> languages;
  std::vector<std::string> groups;  ///< group ids a guide knows
};

/// One input file as read: its name and the SHA-256 of its raw bytes (for the manifest).
struct InputFile {
  std::string path;
  std::string sha256;
};

struct Registry {
  std::string source;  ///< directory, or "default county"
  std::vector<Township> townships;
  std::vector<Village> villages;
  std::vector<Group> groups;
  Households households;
  bool has_members = false;
  std::vector<Member> members;
  bool has_staff = false;
  std::vector<Staff> staff;
  std::vector<InputFile> inputs;

  // Id → index, filled by build_indexes().
  std::unordered_map<std::string, int> township_index, village_index, group_index, household_index;
  /// Fills the id maps and the index fields (Village::township, Households::village, ...).
  /// Returns false and sets *err (in `lang`) on a dangling reference or a duplicate id.
  bool build_indexes(std::string* err, Lang lang = Lang::kEn);

  /// Original id → its pseudonym, for the ids the loader replaced because they held an ID
  /// number or a phone (registry/load.cpp).
  std::unordered_map<std::string, std::string> id_aliases;
  /// Adds every original of id_aliases to the id map that holds its pseudonym, so that a
  /// draw, a fix list or an option naming the record by the original finds it.
  void index_id_aliases();
};

}  // namespace kaoping
