// Loading a registry directory (SPEC §1) in two passes: fill — every cell parsed and
// range-checked against its own text, so a message can quote what the file says — then
// validate — ids, references and members.csv, which need every file. validate_registry runs
// the same second pass, plus the per-field checks, on a registry built in memory.
#include "registry/load.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/csv.h"
#include "util/files.h"
#include "util/text.h"

namespace kaoping {
namespace {

constexpr const char* kDescSize = "a whole number >= 1";
constexpr const char* kDescCount = "a whole number >= 0";
constexpr const char* kDescYear = "a year from 2000 to 2100";
constexpr const char* kDescAge = "a whole number from 0 to 150";
constexpr const char* kDescAmount = "a number >= 0";
constexpr const char* kDescNumber = "a number";
constexpr const char* kDescProbability = "a number in [0,1]";
constexpr const char* kDescBool = "0 or 1";
constexpr const char* kDescLanguage = "a language code of lowercase letters such as zh, yi, hani";
constexpr int kMinYear = 2000, kMaxYear = 2100;
/// members.csv disagreements are data, not load failures; past this many the rest are
/// summarised in one warning so a badly kept members.csv does not bury the errors.
constexpr int kMaxMismatchWarnings = 20;

std::string must(std::string_view column, std::string_view desc, std::string_view got) {
  return std::string(column) + " must be " + std::string(desc) + ", got \"" + std::string(got) +
         "\"";
}

std::string join(const std::vector<std::string_view>& names, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += sep;
    out += names[i];
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

/// " (did you mean "poor"?)" when `got` differs from an allowed value only in letter case.
std::string case_hint(std::string_view got, const std::vector<std::string_view>& allowed) {
  for (std::string_view a : allowed)
    if (ascii_iequal(a, got)) return " (did you mean \"" + std::string(a) + "\"?)";
  return "";
}

bool valid_language(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return false;
  for (char c : s)
    if (c < 'a' || c > 'z') return false;
  return true;
}

/// Keeps the first 6 and last 4 characters (region code and check digits) so a message can
/// be quoted in a report without exposing the birth date.
std::string mask_id(std::string_view id) {
  if (id.size() <= 10) return std::string(id.size(), '*');
  return std::string(id.substr(0, 6)) + std::string(id.size() - 10, '*') +
         std::string(id.substr(id.size() - 4));
}

/// GB 11643-1999 check character of the first 17 digits, or 0 when they are not digits.
char id_check_char(std::string_view id) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') return 0;
    sum += (id[i] - '0') * kWeights[i];
  }
  return kCheck[sum % 11];
}

/// The problem with an id_number, or "" when it is valid.
std::string id_number_problem(std::string_view id) {
  if (id.size() != 18)
    return "id_number must be an 18-character resident ID number, got " +
           std::to_string(id.size()) + " characters";
  char expected = id_check_char(id);
  if (expected == 0)
    return "id_number " + mask_id(id) + " must have digits in its first 17 characters";
  char last = id[17] == 'x' ? 'X' : id[17];
  if (last != expected)
    return "id_number " + mask_id(id) + " fails the GB 11643 checksum (the last character " +
           "should be " + std::string(1, expected) + ")";
  return "";
}

// ---------------------------------------------------------------------------------------
// Where records came from, so the second pass can point at file, line and column.

struct Source {
  std::string file;
  bool present = false;  ///< the file was read (references into it can be checked)
  bool failed = false;   ///< the file had structural errors: skip references into it
  /// References into this file can be checked: it was read and no record was dropped.
  bool checkable() const { return present && !failed; }
  std::vector<int> line;                        ///< per record; empty when built in memory
  std::unordered_map<std::string, int> column;  ///< 1-based column of each header name

  FileLoc at(std::size_t record, std::string_view name) const {
    if (record >= line.size()) return {file, 0, 0};
    auto it = column.find(std::string(name));
    return {file, line[record], it == column.end() ? 0 : it->second};
  }
  /// "household "H1": " when there are no line numbers to say which record is meant.
  std::string who(std::size_t record, std::string_view kind, std::string_view id) const {
    if (record < line.size()) return "";
    return std::string(kind) + " \"" + std::string(id) + "\": ";
  }
  /// Where the first of two duplicates is.
  std::string first(std::size_t record) const {
    if (record < line.size()) return "first on line " + std::to_string(line[record]);
    return "first is record " + std::to_string(record + 1);
  }
};

struct Sources {
  Source townships, villages, groups, households, members, staff;
  Sources() {
    townships.file = "townships.csv";
    villages.file = "villages.csv";
    groups.file = "groups.csv";
    households.file = "households.csv";
    members.file = "members.csv";
    staff.file = "staff.csv";
  }
};

// ---------------------------------------------------------------------------------------
// First pass: cells of one CSV row.

struct ColumnSpec {
  const char* name;
  bool required;
};

/// Reads the cells of a table whose columns are checked against a schema.
class TableReader {
 public:
  TableReader(const CsvTable& table, const std::vector<ColumnSpec>& schema, Source* src,
              Diagnostics* diag)
      : table_(table), diag_(diag) {
    src->present = true;
    for (std::size_t j = 0; j < table.header.size(); ++j)
      src->column.emplace(table.header[j], static_cast<int>(j + 1));
    for (const ColumnSpec& c : schema)
      if (c.required && table.column(c.name) < 0)
        diag->error({table.file, 1, 1}, std::string("missing required column \"") + c.name + "\"");
    for (std::size_t j = 0; j < table.header.size(); ++j) {
      const std::string& h = table.header[j];
      bool known = false;
      for (const ColumnSpec& c : schema) known = known || h == c.name;
      if (known) continue;
      if (h.empty())
        diag->warning({table.file, 1, static_cast<int>(j + 1)}, "column without a name ignored");
      else
        diag->warning({table.file, 1, static_cast<int>(j + 1)},
                      "unknown column \"" + h + "\" ignored");
    }
  }

  std::size_t rows() const { return table_.rows.size(); }
  int line(std::size_t r) const { return table_.row_line[r]; }
  void row(std::size_t r) { r_ = r; }
  int col(const char* name) const { return table_.column(name); }

  std::string_view raw(int c) const {
    return c < 0 ? std::string_view() : std::string_view(table_.rows[r_][c]);
  }
  std::string_view text(int c) const { return trim(raw(c)); }
  FileLoc loc(int c) const { return {table_.file, table_.row_line[r_], c < 0 ? 0 : c + 1}; }
  void error(int c, std::string message) { diag_->error(loc(c), std::move(message)); }

  /// An identifier cell: required, stored exactly as written (ids are byte strings).
  void id(int c, const char* name, std::string* out) {
    if (c < 0) return;
    *out = std::string(raw(c));
    if (text(c).empty()) error(c, std::string(name) + " is empty; every row needs one");
  }
  /// Optional free text.
  void str(int c, std::string* out) {
    if (c >= 0) *out = std::string(raw(c));
  }

  /// Whole number in [lo, hi]; "3.0" counts as whole. Empty: error when required, else
  /// *out keeps its default. Returns false when the cell is bad.
  template <typename T>
  bool whole(int c, const char* name, bool required, long lo, long hi, const char* desc, T* out) {
    std::string_view s = text(c);
    if (c < 0) return true;
    if (s.empty()) {
      if (!required) return true;
      error(c, std::string(name) + " is empty; it must be " + desc);
      return false;
    }
    long v = 0;
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v);
    bool ok = ec == std::errc() && p != s.data();
    if (ok && p != end) {  // allow a ".000" tail from spreadsheets
      ok = *p == '.' && p + 1 < end;
      for (const char* q = p + 1; ok && q < end; ++q) ok = *q == '0';
    }
    if (!ok || v < lo || v > hi) {
      error(c, must(name, desc, s));
      return false;
    }
    *out = static_cast<T>(v);
    return true;
  }

  /// Finite decimal in [lo, hi].
  bool number(int c, const char* name, bool required, double lo, double hi, const char* desc,
              double* out) {
    std::string_view s = text(c);
    if (c < 0) return true;
    if (s.empty()) {
      if (!required) return true;
      error(c, std::string(name) + " is empty; it must be " + desc);
      return false;
    }
    double v = 0;
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, v, std::chars_format::fixed);
    if (ec != std::errc() || p != end || !std::isfinite(v) || v < lo || v > hi) {
      error(c, must(name, desc, s));
      return false;
    }
    *out = v;
    return true;
  }

  bool boolean(int c, const char* name, bool required, uint8_t* out) {
    std::string_view s = text(c);
    if (c < 0) return true;
    if (s.empty()) {
      if (!required) return true;
      error(c, std::string(name) + " is empty; it must be " + kDescBool);
      return false;
    }
    if (s != "0" && s != "1") {
      error(c, must(name, kDescBool, s));
      return false;
    }
    *out = s == "1";
    return true;
  }

  /// One of `allowed`; index into it in *out.
  bool choice(int c, const char* name, bool required, const std::vector<std::string_view>& allowed,
              int* out) {
    std::string_view s = text(c);
    if (c < 0) return true;
    if (s.empty()) {
      if (!required) return true;
      error(c, std::string(name) + " is empty; it must be one of " + join(allowed, ", "));
      return false;
    }
    for (std::size_t i = 0; i < allowed.size(); ++i)
      if (allowed[i] == s) {
        *out = static_cast<int>(i);
        return true;
      }
    error(c, must(name, "one of " + join(allowed, ", "), s) + case_hint(s, allowed));
    return false;
  }

  /// ';'-separated flags from `allowed` (bit i = allowed[i]); empty items are skipped.
  bool flags(int c, const char* name, const std::vector<std::string_view>& allowed, uint32_t* out) {
    std::string_view s = text(c);
    if (c < 0 || s.empty()) return true;
    uint32_t bits = 0;
    bool ok = true;
    while (true) {
      std::size_t semi = s.find(';');
      std::string_view item = trim(s.substr(0, semi));
      if (!item.empty()) {
        bool found = false;
        for (std::size_t i = 0; i < allowed.size() && !found; ++i)
          if (allowed[i] == item) {
            bits |= 1u << i;
            found = true;
          }
        if (!found) {
          error(c, std::string(name) + " must list values from " + join(allowed, ", ") +
                       " separated by ';', got \"" + std::string(item) + "\"" +
                       case_hint(item, allowed));
          ok = false;
        }
      }
      if (semi == std::string_view::npos) break;
      s.remove_prefix(semi + 1);
    }
    *out = bits;
    return ok;
  }

  /// ';'-separated free items (languages, group ids), trimmed, empty ones skipped.
  std::vector<std::string> list(int c) const {
    std::vector<std::string> out;
    std::string_view s = text(c);
    while (!s.empty()) {
      std::size_t semi = s.find(';');
      std::string_view item = trim(s.substr(0, semi));
      if (!item.empty()) out.emplace_back(item);
      if (semi == std::string_view::npos) break;
      s.remove_prefix(semi + 1);
    }
    return out;
  }

 private:
  const CsvTable& table_;
  Diagnostics* diag_;
  std::size_t r_ = 0;
};

/// The spellings registry.h knows for enum values first..last, in value order, so the
/// loader accepts exactly what the writers produce.
template <typename E>
std::vector<std::string_view> spellings(int first, int last) {
  std::vector<std::string_view> out;
  for (int i = first; i <= last; ++i) out.push_back(to_string(static_cast<E>(i)));
  return out;
}

// Index in these lists = enum value - first (Attribute and Cause skip their kNone).
const std::vector<std::string_view>& status_names() {
  static const auto n = spellings<Status>(0, kStatusCount - 1);
  return n;
}
const std::vector<std::string_view>& attribute_names() {
  static const auto n = spellings<Attribute>(1, static_cast<int>(Attribute::kTekun));
  return n;
}
const std::vector<std::string_view>& cause_names() {
  static const auto n = spellings<Cause>(1, kCauseCount - 1);
  return n;
}
const std::vector<std::string_view>& housing_names() {
  static const auto n = spellings<Housing>(0, static_cast<int>(Housing::kD));
  return n;
}
const std::vector<std::string_view>& tier_names() {
  static const auto n = spellings<Tier>(0, kTierCount - 1);
  return n;
}
const std::vector<std::string_view>& role_names() {
  static const std::vector<std::string_view> n = {"guide", "interpreter"};  // StaffRole order
  return n;
}

void fill_townships(const CsvTable& t, Registry* reg, Source* src, Diagnostics* diag) {
  TableReader rd(t, {{"township_id", true}, {"name", true}, {"travel_minutes", false}}, src, diag);
  const int c_id = rd.col("township_id"), c_name = rd.col("name"),
            c_travel = rd.col("travel_minutes");
  for (std::size_t r = 0; r < rd.rows() && !diag->full(); ++r) {
    rd.row(r);
    Township& tw = reg->townships.emplace_back();
    src->line.push_back(rd.line(r));
    rd.id(c_id, "township_id", &tw.id);
    rd.str(c_name, &tw.name);
    rd.number(c_travel, "travel_minutes", false, 0, 1e6, kDescAmount, &tw.travel_minutes);
  }
}

void fill_villages(const CsvTable& t, Registry* reg, Source* src, Diagnostics* diag) {
  TableReader rd(t,
                 {{"village_id", true},
                  {"township_id", true},
                  {"name", true},
                  {"natural", true},
                  {"transport", true},
                  {"economic", true},
                  {"tier", false},
                  {"travel_minutes", false}},
                 src, diag);
  const int c_id = rd.col("village_id"), c_town = rd.col("township_id"), c_name = rd.col("name"),
            c_nat = rd.col("natural"), c_tra = rd.col("transport"), c_eco = rd.col("economic"),
            c_tier = rd.col("tier"), c_travel = rd.col("travel_minutes");
  const double inf = HUGE_VAL;
  for (std::size_t r = 0; r < rd.rows() && !diag->full(); ++r) {
    rd.row(r);
    Village& v = reg->villages.emplace_back();
    src->line.push_back(rd.line(r));
    v.line = rd.line(r);
    v.tier_column = c_tier >= 0 ? c_tier + 1 : 0;
    rd.id(c_id, "village_id", &v.id);
    rd.id(c_town, "township_id", &v.township_id);
    rd.str(c_name, &v.name);
    rd.number(c_nat, "natural", true, -inf, inf, kDescNumber, &v.natural);
    rd.number(c_tra, "transport", true, -inf, inf, kDescNumber, &v.transport);
    rd.number(c_eco, "economic", true, -inf, inf, kDescNumber, &v.economic);
    int tier = -1;
    if (rd.choice(c_tier, "tier", false, tier_names(), &tier) && tier >= 0)
      v.tier = static_cast<Tier>(tier);
    rd.number(c_travel, "travel_minutes", false, 0, 1e6, kDescAmount, &v.travel_minutes);
  }
}

void fill_groups(const CsvTable& t, Registry* reg, Source* src, Diagnostics* diag) {
  TableReader rd(t,
                 {{"group_id", true},
                  {"village_id", true},
                  {"name", false},
                  {"contact_name", false},
                  {"contact_phone", false}},
                 src, diag);
  const int c_id = rd.col("group_id"), c_vil = rd.col("village_id"), c_name = rd.col("name"),
            c_cname = rd.col("contact_name"), c_cphone = rd.col("contact_phone");
  for (std::size_t r = 0; r < rd.rows() && !diag->full(); ++r) {
    rd.row(r);
    Group& g = reg->groups.emplace_back();
    src->line.push_back(rd.line(r));
    rd.id(c_id, "group_id", &g.id);
    rd.id(c_vil, "village_id", &g.village_id);
    rd.str(c_name, &g.name);
    rd.str(c_cname, &g.contact_name);
    rd.str(c_cphone, &g.contact_phone);
  }
}

void fill_households(const CsvTable& t, Registry* reg, Source* src, Diagnostics* diag) {
  TableReader rd(t, {{"household_id", true},   {"village_id", true},  {"group_id", false},
                     {"head_name", false},     {"id_number", false},  {"phone", false},
                     {"size", true},           {"status", true},      {"exit_year", false},
                     {"attribute", false},     {"cause", false},      {"income", true},
                     {"income_system", false}, {"food_secure", true}, {"clothing_secure", true},
                     {"water_safe", true},     {"housing", true},     {"relocated", false},
                     {"dropouts", true},       {"uninsured", true},   {"excluded", false},
                     {"measures", false},      {"cards", false},      {"archive_consistent", false},
                     {"language", false},      {"presence", false},   {"satisfaction", false}},
                 src, diag);
  const int c_id = rd.col("household_id"), c_vil = rd.col("village_id"), c_grp = rd.col("group_id"),
            c_head = rd.col("head_name"), c_idn = rd.col("id_number"), c_phone = rd.col("phone"),
            c_size = rd.col("size"), c_status = rd.col("status"), c_exit = rd.col("exit_year"),
            c_attr = rd.col("attribute"), c_cause = rd.col("cause"), c_income = rd.col("income"),
            c_income_sys = rd.col("income_system"), c_food = rd.col("food_secure"),
            c_cloth = rd.col("clothing_secure"), c_water = rd.col("water_safe"),
            c_house = rd.col("housing"), c_reloc = rd.col("relocated"), c_drop = rd.col("dropouts"),
            c_unins = rd.col("uninsured"), c_excl = rd.col("excluded"), c_meas = rd.col("measures"),
            c_cards = rd.col("cards"), c_arch = rd.col("archive_consistent"),
            c_lang = rd.col("language"), c_pres = rd.col("presence"),
            c_sat = rd.col("satisfaction");
  Households& h = reg->households;
  h.reserve(rd.rows());
  for (std::size_t r = 0; r < rd.rows() && !diag->full(); ++r) {
    rd.row(r);
    const std::size_t i = h.add_default();
    h.line[i] = rd.line(r);
    src->line.push_back(h.line[i]);
    rd.id(c_id, "household_id", &h.id[i]);
    rd.id(c_vil, "village_id", &h.village_id[i]);
    h.group_id[i] = std::string(rd.text(c_grp));
    rd.str(c_head, &h.head_name[i]);
    h.id_number[i] = std::string(rd.text(c_idn));
    if (!h.id_number[i].empty()) {
      std::string problem = id_number_problem(h.id_number[i]);
      if (!problem.empty()) rd.error(c_idn, problem);
    }
    rd.str(c_phone, &h.phone[i]);
    rd.whole(c_size, "size", true, 1, 1000000, kDescSize, &h.size[i]);
    int status = -1;
    const bool status_ok = rd.choice(c_status, "status", true, status_names(), &status);
    if (status >= 0) h.status[i] = static_cast<Status>(status);
    const bool year_ok =
        rd.whole(c_exit, "exit_year", false, kMinYear, kMaxYear, kDescYear, &h.exit_year[i]);
    if (status_ok && year_ok && h.status[i] == Status::kExited && h.exit_year[i] == 0)
      rd.error(c_exit >= 0 ? c_exit : c_status,
               std::string("exit_year is required for status exited: ") + kDescYear);
    int v = -1;
    if (rd.choice(c_attr, "attribute", false, attribute_names(), &v) && v >= 0)
      h.attribute[i] = static_cast<Attribute>(v + 1);
    v = -1;
    if (rd.choice(c_cause, "cause", false, cause_names(), &v) && v >= 0)
      h.cause[i] = static_cast<Cause>(v + 1);
    const double inf = HUGE_VAL;
    rd.number(c_income, "income", true, 0, inf, kDescAmount, &h.income[i]);
    h.income_system[i] = h.income[i];
    rd.number(c_income_sys, "income_system", false, 0, inf, kDescAmount, &h.income_system[i]);
    rd.boolean(c_food, "food_secure", true, &h.food_secure[i]);
    rd.boolean(c_cloth, "clothing_secure", true, &h.clothing_secure[i]);
    rd.boolean(c_water, "water_safe", true, &h.water_safe[i]);
    v = -1;
    if (rd.choice(c_house, "housing", true, housing_names(), &v) && v >= 0)
      h.housing[i] = static_cast<Housing>(v);
    rd.boolean(c_reloc, "relocated", false, &h.relocated[i]);
    rd.whole(c_drop, "dropouts", true, 0, 1000000, kDescCount, &h.dropouts[i]);
    rd.whole(c_unins, "uninsured", true, 0, 1000000, kDescCount, &h.uninsured[i]);
    uint32_t bits = 0;
    if (rd.flags(c_excl, "excluded", exclusion_names(), &bits))
      h.excluded[i] = static_cast<uint16_t>(bits);
    bits = 0;
    if (rd.flags(c_meas, "measures", measure_names(), &bits))
      h.measures[i] = static_cast<uint16_t>(bits);
    bits = 0;
    if (rd.flags(c_cards, "cards", card_names(), &bits)) h.cards[i] = static_cast<uint8_t>(bits);
    rd.boolean(c_arch, "archive_consistent", false, &h.archive_consistent[i]);
    std::string_view lang = rd.text(c_lang);
    if (!lang.empty()) {
      if (valid_language(lang))
        h.language[i] = std::string(lang);
      else
        rd.error(c_lang, must("language", kDescLanguage, lang));
    }
    rd.number(c_pres, "presence", false, 0, 1, kDescProbability, &h.presence[i]);
    rd.number(c_sat, "satisfaction", false, 0, 1, kDescProbability, &h.satisfaction[i]);
  }
}

void fill_members(const CsvTable& t, Registry* reg, Source* src, Diagnostics* diag) {
  TableReader rd(t,
                 {{"household_id", true},
                  {"relation", false},
                  {"gender", false},
                  {"age", false},
                  {"in_school", false},
                  {"dropout", false},
                  {"medical_insured", false},
                  {"pension_insured", false},
                  {"health", false},
                  {"labor", false}},
                 src, diag);
  const int c_id = rd.col("household_id"), c_rel = rd.col("relation"), c_gender = rd.col("gender"),
            c_age = rd.col("age"), c_school = rd.col("in_school"), c_drop = rd.col("dropout"),
            c_med = rd.col("medical_insured"), c_pen = rd.col("pension_insured"),
            c_health = rd.col("health"), c_labor = rd.col("labor");
  reg->has_members = true;
  reg->members.reserve(rd.rows());
  for (std::size_t r = 0; r < rd.rows() && !diag->full(); ++r) {
    rd.row(r);
    Member& m = reg->members.emplace_back();
    m.line = rd.line(r);
    src->line.push_back(m.line);
    rd.id(c_id, "household_id", &m.household_id);
    rd.str(c_rel, &m.relation);
    rd.str(c_gender, &m.gender);
    rd.whole(c_age, "age", false, 0, 150, kDescAge, &m.age);
    uint8_t b = 0;
    if (!rd.text(c_school).empty() && rd.boolean(c_school, "in_school", false, &b)) m.in_school = b;
    if (!rd.text(c_drop).empty() && rd.boolean(c_drop, "dropout", false, &b)) m.dropout = b;
    if (!rd.text(c_med).empty() && rd.boolean(c_med, "medical_insured", false, &b))
      m.medical_insured = b;
    if (!rd.text(c_pen).empty() && rd.boolean(c_pen, "pension_insured", false, &b))
      m.pension_insured = b;
    rd.str(c_health, &m.health);
    rd.str(c_labor, &m.labor);
  }
}

void fill_staff(const CsvTable& t, Registry* reg, Source* src, Diagnostics* diag) {
  TableReader rd(t,
                 {{"staff_id", true},
                  {"name", true},
                  {"phone", false},
                  {"role", true},
                  {"village_id", false},
                  {"languages", false},
                  {"groups", false}},
                 src, diag);
  const int c_id = rd.col("staff_id"), c_name = rd.col("name"), c_phone = rd.col("phone"),
            c_role = rd.col("role"), c_vil = rd.col("village_id"), c_lang = rd.col("languages"),
            c_grp = rd.col("groups");
  reg->has_staff = true;
  reg->staff.clear();
  for (std::size_t r = 0; r < rd.rows() && !diag->full(); ++r) {
    rd.row(r);
    Staff& s = reg->staff.emplace_back();
    src->line.push_back(rd.line(r));
    rd.id(c_id, "staff_id", &s.id);
    rd.str(c_name, &s.name);
    rd.str(c_phone, &s.phone);
    int role = -1;
    if (rd.choice(c_role, "role", true, role_names(), &role) && role >= 0)
      s.role = static_cast<StaffRole>(role);
    s.village_id = std::string(rd.text(c_vil));
    s.languages = rd.list(c_lang);
    for (const std::string& l : s.languages)
      if (!valid_language(l)) rd.error(c_lang, must("languages", kDescLanguage, l));
    s.groups = rd.list(c_grp);
    if (role == static_cast<int>(StaffRole::kGuide) && s.village_id.empty() && c_vil >= 0)
      rd.error(c_vil, "village_id is empty; a guide must name the village they guide in");
    if (role == static_cast<int>(StaffRole::kInterpreter) && s.languages.empty())
      rd.error(c_lang >= 0 ? c_lang : c_role,
               "languages is empty; an interpreter must list the languages they speak");
    // A guide with no languages listed speaks the county's Chinese.
    if (role == static_cast<int>(StaffRole::kGuide) && s.languages.empty())
      s.languages.push_back("zh");
  }
}

// ---------------------------------------------------------------------------------------
// Second pass: ids, references, members.csv.

using IdIndex = std::unordered_map<std::string, int>;

/// Fills `index` (one of Registry's id maps) with the first record of each id, reporting
/// each later duplicate at its own place, naming the first.
template <typename GetId>
void index_ids(std::size_t n, GetId get_id, const Source& src, const char* column, const char* kind,
               IdIndex* index, Diagnostics* diag) {
  index->clear();
  index->reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& id = get_id(i);
    if (id.empty()) continue;  // reported by the first pass (or the field checks)
    auto [it, fresh] = index->emplace(id, static_cast<int>(i));
    if (!fresh)
      diag->error(src.at(i, column), src.who(i, kind, id) + "duplicate " + column + " \"" + id +
                                         "\" (" + src.first(it->second) + ")");
  }
}

std::string not_found(std::string_view column, std::string_view id, const Source& target) {
  return std::string(column) + " \"" + std::string(id) + "\" not found in " + target.file;
}

/// Per-record checks of a registry built in memory; the loader makes them on the text.
void check_fields(const Registry& reg, const Sources& src, Diagnostics* diag) {
  const auto num = [](double v) { return format_double(v); };
  for (std::size_t i = 0; i < reg.townships.size(); ++i) {
    const Township& t = reg.townships[i];
    std::string who = src.townships.who(i, "township", t.id);
    FileLoc at = src.townships.at(i, "township_id");
    if (t.id.empty()) diag->error(at, "township_id is empty; every row needs one");
    if (!(t.travel_minutes >= 0) || !std::isfinite(t.travel_minutes))
      diag->error(at, who + must("travel_minutes", kDescAmount, num(t.travel_minutes)));
  }
  for (std::size_t i = 0; i < reg.villages.size(); ++i) {
    const Village& v = reg.villages[i];
    std::string who = src.villages.who(i, "village", v.id);
    FileLoc at = src.villages.at(i, "village_id");
    if (v.id.empty()) diag->error(at, "village_id is empty; every row needs one");
    if (v.township_id.empty()) diag->error(at, who + "township_id is empty; every row needs one");
    const std::pair<const char*, double> indicators[] = {
        {"natural", v.natural}, {"transport", v.transport}, {"economic", v.economic}};
    for (auto [name, value] : indicators)
      if (!std::isfinite(value)) diag->error(at, who + must(name, kDescNumber, num(value)));
    if (!(v.travel_minutes >= 0) || !std::isfinite(v.travel_minutes))
      diag->error(at, who + must("travel_minutes", kDescAmount, num(v.travel_minutes)));
  }
  for (std::size_t i = 0; i < reg.groups.size(); ++i) {
    const Group& g = reg.groups[i];
    FileLoc at = src.groups.at(i, "group_id");
    if (g.id.empty()) diag->error(at, "group_id is empty; every row needs one");
    if (g.village_id.empty())
      diag->error(at,
                  src.groups.who(i, "group", g.id) + "village_id is empty; every row needs one");
  }
  const Households& h = reg.households;
  for (std::size_t i = 0; i < h.count() && !diag->full(); ++i) {
    const std::string who = src.households.who(i, "household", h.id[i]);
    const auto at = [&](const char* column) { return src.households.at(i, column); };
    if (h.id[i].empty())
      diag->error(at("household_id"), "household_id is empty; every row needs one");
    if (h.village_id[i].empty())
      diag->error(at("village_id"), who + "village_id is empty; every row needs one");
    if (h.size[i] < 1)
      diag->error(at("size"), who + must("size", kDescSize, std::to_string(h.size[i])));
    if (h.exit_year[i] != 0 && (h.exit_year[i] < kMinYear || h.exit_year[i] > kMaxYear))
      diag->error(at("exit_year"),
                  who + must("exit_year", kDescYear, std::to_string(h.exit_year[i])));
    if (h.status[i] == Status::kExited && h.exit_year[i] == 0)
      diag->error(at("exit_year"), who + "exit_year is required for status exited: " + kDescYear);
    if (!(h.income[i] >= 0) || !std::isfinite(h.income[i]))
      diag->error(at("income"), who + must("income", kDescAmount, num(h.income[i])));
    if (!(h.income_system[i] >= 0) || !std::isfinite(h.income_system[i]))
      diag->error(at("income_system"),
                  who + must("income_system", kDescAmount, num(h.income_system[i])));
    const std::pair<const char*, uint8_t> flags01[] = {
        {"food_secure", h.food_secure[i]},
        {"clothing_secure", h.clothing_secure[i]},
        {"water_safe", h.water_safe[i]},
        {"relocated", h.relocated[i]},
        {"archive_consistent", h.archive_consistent[i]}};
    for (auto [name, value] : flags01)
      if (value > 1) diag->error(at(name), who + must(name, kDescBool, std::to_string(value)));
    if (h.dropouts[i] < 0)
      diag->error(at("dropouts"),
                  who + must("dropouts", kDescCount, std::to_string(h.dropouts[i])));
    if (h.uninsured[i] < 0)
      diag->error(at("uninsured"),
                  who + must("uninsured", kDescCount, std::to_string(h.uninsured[i])));
    if (!h.id_number[i].empty()) {
      std::string problem = id_number_problem(h.id_number[i]);
      if (!problem.empty()) diag->error(at("id_number"), who + problem);
    }
    if (!valid_language(h.language[i]))
      diag->error(at("language"), who + must("language", kDescLanguage, h.language[i]));
    if (!std::isnan(h.presence[i]) && !(h.presence[i] >= 0 && h.presence[i] <= 1))
      diag->error(at("presence"), who + must("presence", kDescProbability, num(h.presence[i])));
    if (!std::isnan(h.satisfaction[i]) && !(h.satisfaction[i] >= 0 && h.satisfaction[i] <= 1))
      diag->error(at("satisfaction"),
                  who + must("satisfaction", kDescProbability, num(h.satisfaction[i])));
  }
  for (std::size_t i = 0; i < reg.members.size(); ++i) {
    const Member& m = reg.members[i];
    FileLoc at = src.members.at(i, "household_id");
    if (m.household_id.empty()) diag->error(at, "household_id is empty; every row needs one");
  }
}

/// Staff roster against the registry: unique ids, villages, groups, languages.
void check_staff(Registry& reg, const Source& src, const Sources& all, bool field_checks,
                 Diagnostics* diag) {
  std::unordered_map<std::string_view, int> villages, groups;
  for (std::size_t i = 0; i < reg.villages.size(); ++i)
    villages.emplace(reg.villages[i].id, static_cast<int>(i));
  for (std::size_t i = 0; i < reg.groups.size(); ++i)
    groups.emplace(reg.groups[i].id, static_cast<int>(i));
  IdIndex staff;
  index_ids(
      reg.staff.size(), [&](std::size_t i) -> const std::string& { return reg.staff[i].id; }, src,
      "staff_id", "staff", &staff, diag);
  for (std::size_t i = 0; i < reg.staff.size() && !diag->full(); ++i) {
    Staff& s = reg.staff[i];
    const std::string who = src.who(i, "staff", s.id);
    auto village = villages.find(s.village_id);
    s.village = village == villages.end() ? -1 : village->second;
    if (field_checks) {
      if (s.id.empty())
        diag->error(src.at(i, "staff_id"), "staff_id is empty; every row needs one");
      if (s.role == StaffRole::kGuide && s.village_id.empty())
        diag->error(src.at(i, "village_id"),
                    who + "village_id is empty; a guide must name the village they guide in");
      if (s.role == StaffRole::kInterpreter && s.languages.empty())
        diag->error(src.at(i, "languages"),
                    who + "languages is empty; an interpreter must list the languages they speak");
      for (const std::string& l : s.languages)
        if (!valid_language(l))
          diag->error(src.at(i, "languages"), who + must("languages", kDescLanguage, l));
    }
    if (all.villages.checkable() && !s.village_id.empty() && village == villages.end())
      diag->error(src.at(i, "village_id"),
                  who + not_found("village_id", s.village_id, all.villages));
    for (const std::string& g : s.groups) {
      if (all.groups.failed) break;
      auto it = groups.find(g);
      if (it == groups.end()) {
        diag->error(src.at(i, "groups"), who + not_found("groups: group", g, all.groups));
      } else if (!s.village_id.empty() && reg.groups[it->second].village_id != s.village_id) {
        diag->error(src.at(i, "groups"), who + "groups: group \"" + g + "\" belongs to village \"" +
                                             reg.groups[it->second].village_id + "\", not \"" +
                                             s.village_id + "\"");
      }
    }
  }
}

/// Cross-record rules on a registry, wherever it came from. `field_checks` adds the
/// per-record checks the loader already made on the text.
void validate_impl(Registry* reg, const Sources& src, bool field_checks, Diagnostics* diag) {
  if (field_checks) check_fields(*reg, src, diag);
  Households& h = reg->households;

  // The Registry's own id maps double as the duplicate check, and the index fields
  // (Village::township, Households::village, ...) are set as references resolve: one hash
  // lookup per reference, no second pass through build_indexes.
  IdIndex& townships = reg->township_index;
  IdIndex& villages = reg->village_index;
  IdIndex& groups = reg->group_index;
  IdIndex& households = reg->household_index;
  index_ids(
      reg->townships.size(),
      [&](std::size_t i) -> const std::string& { return reg->townships[i].id; }, src.townships,
      "township_id", "township", &townships, diag);
  index_ids(
      reg->villages.size(),
      [&](std::size_t i) -> const std::string& { return reg->villages[i].id; }, src.villages,
      "village_id", "village", &villages, diag);
  index_ids(
      reg->groups.size(), [&](std::size_t i) -> const std::string& { return reg->groups[i].id; },
      src.groups, "group_id", "group", &groups, diag);
  index_ids(
      h.count(), [&](std::size_t i) -> const std::string& { return h.id[i]; }, src.households,
      "household_id", "household", &households, diag);

  for (std::size_t i = 0; i < reg->villages.size(); ++i) {
    Village& v = reg->villages[i];
    auto it = townships.find(v.township_id);
    v.township = it == townships.end() ? -1 : it->second;
    if (src.townships.checkable() && !v.township_id.empty() && it == townships.end())
      diag->error(src.villages.at(i, "township_id"),
                  src.villages.who(i, "village", v.id) +
                      not_found("township_id", v.township_id, src.townships));
  }
  for (std::size_t i = 0; i < reg->groups.size(); ++i) {
    Group& g = reg->groups[i];
    auto it = villages.find(g.village_id);
    g.village = it == villages.end() ? -1 : it->second;
    if (src.villages.checkable() && !g.village_id.empty() && it == villages.end())
      diag->error(
          src.groups.at(i, "village_id"),
          src.groups.who(i, "group", g.id) + not_found("village_id", g.village_id, src.villages));
  }
  for (std::size_t i = 0; i < h.count() && !diag->full(); ++i) {
    auto v = villages.find(h.village_id[i]);
    h.village[i] = v == villages.end() ? -1 : v->second;
    h.group[i] = -1;
    if (src.villages.checkable() && !h.village_id[i].empty() && v == villages.end())
      diag->error(src.households.at(i, "village_id"),
                  src.households.who(i, "household", h.id[i]) +
                      not_found("village_id", h.village_id[i], src.villages));
    if (h.group_id[i].empty() || src.groups.failed) continue;
    const std::string who = src.households.who(i, "household", h.id[i]);
    if (!src.groups.present) {
      diag->error(
          src.households.at(i, "group_id"),
          who + "group_id \"" + h.group_id[i] + "\" given but the registry has no groups.csv");
      continue;
    }
    auto g = groups.find(h.group_id[i]);
    if (g != groups.end()) h.group[i] = g->second;
    if (g == groups.end()) {
      diag->error(src.households.at(i, "group_id"),
                  who + not_found("group_id", h.group_id[i], src.groups));
    } else if (reg->groups[g->second].village_id != h.village_id[i]) {
      diag->error(src.households.at(i, "group_id"),
                  who + "group_id \"" + h.group_id[i] + "\" belongs to village \"" +
                      reg->groups[g->second].village_id + "\", not \"" + h.village_id[i] + "\"");
    }
  }

  // Units no sample can reach: legal, but usually a sign of a partial export.
  if (src.households.checkable() && src.villages.checkable()) {
    std::vector<int32_t> per_village(reg->villages.size(), 0),
        per_township(reg->townships.size(), 0);
    for (std::size_t i = 0; i < h.count(); ++i)
      if (h.village[i] >= 0) ++per_village[h.village[i]];
    for (std::size_t v = 0; v < reg->villages.size(); ++v) {
      if (reg->villages[v].township >= 0) ++per_township[reg->villages[v].township];
      if (per_village[v] == 0 && !diag->full())
        diag->warning(src.villages.at(v, "village_id"),
                      src.villages.who(v, "village", reg->villages[v].id) + "village \"" +
                          reg->villages[v].id + "\" has no households in households.csv");
    }
    for (std::size_t t = 0; t < reg->townships.size(); ++t)
      if (per_township[t] == 0 && src.townships.checkable())
        diag->warning(src.townships.at(t, "township_id"),
                      src.townships.who(t, "township", reg->townships[t].id) + "township \"" +
                          reg->townships[t].id + "\" has no villages in villages.csv");
  }

  // members.csv against households.csv: a disagreement is a data inconsistency (三统一)
  // the audit counts, not a reason to refuse the registry.
  std::fill(h.members_mismatch.begin(), h.members_mismatch.end(), 0);
  if (reg->has_members) {
    std::vector<int32_t> count(h.count(), 0), dropouts(h.count(), 0), uninsured(h.count(), 0);
    bool dropout_known = false, insured_known = false;
    for (std::size_t i = 0; i < reg->members.size() && !diag->full(); ++i) {
      Member& m = reg->members[i];
      if (m.household_id.empty()) continue;
      auto it = households.find(m.household_id);
      if (it == households.end()) {
        if (src.households.checkable())
          diag->error(src.members.at(i, "household_id"),
                      not_found("household_id", m.household_id, src.households));
        continue;
      }
      const int k = it->second;
      m.household = k;
      ++count[k];
      if (m.dropout >= 0) dropout_known = true;
      if (m.medical_insured >= 0) insured_known = true;
      dropouts[k] += m.dropout == 1;
      uninsured[k] += m.medical_insured == 0;
    }
    int shown = 0, total = 0;
    for (std::size_t i = 0; i < h.count(); ++i) {
      std::string what;
      const char* column = "size";
      if (count[i] != h.size[i])
        what = "size is " + std::to_string(h.size[i]) + " but members.csv lists " +
               std::to_string(count[i]) + " members";
      if (dropout_known && dropouts[i] != h.dropouts[i]) {
        if (what.empty()) column = "dropouts";
        what += (what.empty() ? "" : "; ") + std::string("dropouts is ") +
                std::to_string(h.dropouts[i]) + " but members.csv has " +
                std::to_string(dropouts[i]) + " members with dropout=1";
      }
      if (insured_known && uninsured[i] != h.uninsured[i]) {
        if (what.empty()) column = "uninsured";
        what += (what.empty() ? "" : "; ") + std::string("uninsured is ") +
                std::to_string(h.uninsured[i]) + " but members.csv has " +
                std::to_string(uninsured[i]) + " members with medical_insured=0";
      }
      if (what.empty()) continue;
      h.members_mismatch[i] = 1;
      ++total;
      if (shown < kMaxMismatchWarnings) {
        ++shown;
        diag->warning(src.households.at(i, column),
                      "household \"" + h.id[i] + "\" disagrees with members.csv: " + what);
      }
    }
    if (total > shown)
      diag->warning({src.members.file, 0, 0},
                    std::to_string(total) + " households disagree with members.csv (the first " +
                        std::to_string(shown) +
                        " are shown); each counts as a 三统一 inconsistency");
  }

  if (reg->has_staff) check_staff(*reg, src.staff, src, field_checks, diag);
}

/// "; found Households.xlsx: ..." when the directory holds a file that is probably the one
/// meant: the same name in other letter case, or another extension such as a workbook.
std::string near_miss(const std::string& dir, std::string_view name) {
  const std::string_view stem = name.substr(0, name.rfind('.'));
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string found = entry.path().filename().string();
    const std::string_view found_stem = std::string_view(found).substr(0, found.rfind('.'));
    if (!ascii_iequal(found_stem, stem)) continue;
    if (ascii_iequal(found, name))
      return "; found " + found + ": file names are case-sensitive, rename it to " +
             std::string(name);
    return "; found " + found + ": save it as CSV UTF-8 under the name " + std::string(name);
  }
  return "";
}

bool file_exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

/// Reads one file of the registry and records its hash. False on any error; the table is
/// still filled with the well-formed rows when only some rows were bad (parse_csv empties
/// it on a structural error).
bool read_table(const std::string& dir, const std::string& name, CsvTable* table, Registry* reg,
                Diagnostics* diag) {
  std::string raw;
  const std::string path = (std::filesystem::path(dir) / name).string();
  const std::size_t before = diag->error_count();
  *table = CsvTable{};
  read_csv(path, name, table, diag, &raw);
  if (!raw.empty() || file_exists(path)) reg->inputs.push_back({path, sha256_hex(raw)});
  return diag->error_count() == before;
}

}  // namespace

bool valid_id_number(const std::string& id) {
  return id.size() == 18 && id_number_problem(id).empty();
}

bool load_registry(const std::string& dir, Registry* out, Diagnostics* diag) {
  *out = Registry{};
  out->source = dir;
  const std::size_t errors_before = diag->error_count();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    diag->error({dir, 0, 0},
                "registry directory not found (expected a directory holding "
                "townships.csv, villages.csv and households.csv)");
    return false;
  }
  Sources src;
  const auto path = [&](const char* name) { return (std::filesystem::path(dir) / name).string(); };
  CsvTable table;
  // A file that cannot be read at all leaves its Source absent, so references into it
  // are not reported a second time as dangling.
  const auto read = [&](const char* name, bool optional, Source* s) {
    if (!file_exists(path(name))) {
      if (!optional) {
        s->failed = true;
        diag->error({name, 0, 0}, "file not found in " + dir +
                                      " (a registry needs townships.csv, villages.csv and "
                                      "households.csv)" +
                                      near_miss(dir, name));
      }
      return false;
    }
    s->failed = !read_table(dir, name, &table, out, diag);
    return !table.header.empty();
  };
  if (read("townships.csv", false, &src.townships))
    fill_townships(table, out, &src.townships, diag);
  if (read("villages.csv", false, &src.villages)) fill_villages(table, out, &src.villages, diag);
  if (read("groups.csv", true, &src.groups)) fill_groups(table, out, &src.groups, diag);
  if (read("households.csv", false, &src.households))
    fill_households(table, out, &src.households, diag);
  if (read("members.csv", true, &src.members)) fill_members(table, out, &src.members, diag);
  if (read("staff.csv", true, &src.staff)) fill_staff(table, out, &src.staff, diag);

  const std::pair<const Source*, std::size_t> required[] = {
      {&src.townships, out->townships.size()},
      {&src.villages, out->villages.size()},
      {&src.households, out->households.count()}};
  for (auto [s, n] : required)
    if (s->checkable() && n == 0 && !diag->full())
      diag->error({s->file, 1, 1}, "no records: the file has a header row but no data rows");

  validate_impl(out, src, false, diag);
  return diag->error_count() == errors_before;
}

bool load_staff(const std::string& path, Registry* reg, Diagnostics* diag) {
  const std::size_t errors_before = diag->error_count();
  const std::string name = std::filesystem::path(path).filename().string();
  CsvTable table;
  std::string raw;
  read_csv(path, name, &table, diag, &raw);
  reg->inputs.push_back({path, sha256_hex(raw)});
  if (table.header.empty()) return false;  // unreadable; malformed rows alone are dropped
  Sources src;
  src.staff.file = name;
  src.villages.present = src.groups.present = true;
  fill_staff(table, reg, &src.staff, diag);
  check_staff(*reg, src.staff, src, false, diag);
  return diag->error_count() == errors_before;
}

bool validate_registry(Registry* reg, Diagnostics* diag) {
  const std::size_t errors_before = diag->error_count();
  Sources src;
  src.townships.present = src.villages.present = src.households.present = true;
  src.groups.present = !reg->groups.empty();
  src.members.present = reg->has_members;
  src.staff.present = reg->has_staff;
  if (reg->households.members_mismatch.size() != reg->households.count())
    reg->households.members_mismatch.assign(reg->households.count(), 0);
  validate_impl(reg, src, true, diag);
  return diag->error_count() == errors_before;
}

}  // namespace kaoping
