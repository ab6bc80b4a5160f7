// The six tables of SPEC §1 and what each kind of cell means when it is read from text,
// checked in memory and written back (registry/schema.h).
#include "registry/schema.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

#include "registry/messages.h"
#include "util/text.h"

namespace kaoping::schema {
namespace {

// How messages name what a cell must hold ("size must be <desc>, got "3.5""):
// registry/messages.h.
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr Range kSize = {1, 1'000'000, msg::kDescWholeAtLeast1};
constexpr Range kCount = {0, 1'000'000, msg::kDescWholeAtLeast0};
constexpr Range kYear = {2000, 2100, msg::kDescYear};
constexpr Range kAge = {0, 150, msg::kDescAge};
constexpr Range kMinutes = {0, 1e6, msg::kDescNonNegative};
constexpr Range kAmount = {0, kInf, msg::kDescNonNegative};
constexpr Range kIndicator = {-kInf, kInf, msg::kDescNumber};
constexpr Range kProbability = {0, 1, msg::kDescProbability};

std::string must(std::string_view column, std::string_view desc, std::string_view got, Lang lang) {
  return render(msg::kCellMust, lang, column, desc, got);
}
std::string must(std::string_view column, const Message& desc, std::string_view got, Lang lang) {
  return must(column, desc.text(lang), got, lang);
}

std::string join(const std::vector<std::string_view>& names, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += sep;
    out += names[i];
  }
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& x : items) {
    if (!out.empty()) out += ';';
    out += x;
  }
  return out;
}

/// ';'-separated items, trimmed, empty ones skipped.
std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const std::size_t semi = s.find(';');
    const std::string_view item = trim(s.substr(0, semi));
    if (!item.empty()) out.emplace_back(item);
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
  return out;
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
std::string case_hint(std::string_view got, const std::vector<std::string_view>& allowed,
                      Lang lang) {
  for (std::string_view a : allowed)
    if (ascii_iequal(a, got)) return render(msg::kCellCaseHint, lang, a);
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

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!is_digit(c)) return false;
  return !s.empty();
}

/// A resident ID, or a disability certificate number (the ID and two digits), that is valid.
bool valid_resident_id(std::string_view id) {
  if (id.size() != 18 && !(id.size() == 20 && is_digit(id[18]) && is_digit(id[19]))) return false;
  const char expected = id_check_char(id);
  return expected != 0 && (id[17] == 'x' ? 'X' : id[17]) == expected;
}

/// An 11-digit mobile number starting with 1, or a landline: 0, a 2-3 digit area code and a
/// 7-8 digit number, 10-12 digits in all, one '-' allowed after the area code (SPEC §1).
bool valid_phone(std::string_view s) {
  if (s.size() == 11 && s[0] == '1') return all_digits(s);
  if (s.empty() || s[0] != '0') return false;
  const std::size_t dash = s.find('-');
  if (dash == std::string_view::npos) return s.size() >= 10 && s.size() <= 12 && all_digits(s);
  const std::string_view area = s.substr(0, dash), number = s.substr(dash + 1);
  return area.size() >= 3 && area.size() <= 4 && all_digits(area) && number.size() >= 7 &&
         number.size() <= 8 && all_digits(number);
}

/// "1.37027E+10", "5.32599E+17", "1E+11": how Excel and WPS show a long number typed or
/// pasted into a General cell, its digits past the sixth lost.
bool spreadsheet_exponent(std::string_view s) {
  // A digit, then the point or the E: most ids and numbers are told apart by two characters.
  if (s.size() < 4 || !is_digit(s[0]) || (s[1] != '.' && s[1] != 'E' && s[1] != 'e')) return false;
  const std::size_t e = s.find_first_of("eE");
  if (e == std::string_view::npos || e + 2 >= s.size() || s[e + 1] != '+') return false;
  const std::string_view mantissa = s.substr(0, e);
  if (!all_digits(mantissa.substr(0, 1)) || mantissa.size() == 2) return false;
  if (mantissa.size() > 2 && (mantissa[1] != '.' || !all_digits(mantissa.substr(2)))) return false;
  return all_digits(s.substr(e + 2));
}

// ---------------------------------------------------------------------------------------
// Names of enum values, in value order from the first named one, as registry.h spells them,
// so the loader accepts exactly what the writers produce.

template <typename E>
std::vector<std::string_view> spellings(int first, int last) {
  std::vector<std::string_view> out;
  for (int i = first; i <= last; ++i) out.push_back(to_string(static_cast<E>(i)));
  return out;
}

const std::vector<std::string_view>& status_names() {
  static const auto n = spellings<Status>(0, kStatusCount - 1);
  return n;
}
const std::vector<std::string_view>& attribute_names() {  // from kGeneral: kNone is empty
  static const auto n = spellings<Attribute>(1, static_cast<int>(Attribute::kTekun));
  return n;
}
const std::vector<std::string_view>& cause_names() {  // from kIllness: kNone is empty
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

// ---------------------------------------------------------------------------------------
// Fields: a column's accessors, made from a pointer to the member that holds it.

template <typename P>
struct MemberOf;
template <typename R, typename T>
struct MemberOf<T R::*> {
  using Record = R;
};
template <auto M>
using RecordOf = typename MemberOf<decltype(M)>::Record;

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

/// The field M of record i: Households keeps a vector per column, the others one value.
template <auto M, typename Rec>
decltype(auto) at(Rec& record, std::size_t i) {
  if constexpr (std::is_same_v<std::remove_const_t<Rec>, Households>)
    return ((record.*M)[i]);
  else
    return ((void)i, (record.*M));
}

template <auto M>
Field<RecordOf<M>> field() {
  using R = RecordOf<M>;
  using V = std::remove_cvref_t<decltype(at<M>(std::declval<R&>(), 0))>;
  Field<R> f;
  if constexpr (std::is_same_v<V, Interned>) {
    f.text = [](const R& r, std::size_t i) -> const std::string& { return at<M>(r, i).str(); };
    f.set_text = [](R& r, std::size_t i, std::string_view s) { at<M>(r, i) = Interned(s); };
    f.take_text = [](R& r, std::size_t i, std::string&& s) { at<M>(r, i) = Interned(s); };
  } else if constexpr (std::is_same_v<V, std::string>) {
    f.text = [](const R& r, std::size_t i) -> const std::string& { return at<M>(r, i); };
    f.set_text = [](R& r, std::size_t i, std::string_view s) { at<M>(r, i).assign(s); };
    f.take_text = [](R& r, std::size_t i, std::string&& s) { at<M>(r, i) = std::move(s); };
  } else if constexpr (std::is_same_v<V, double>) {
    f.real = [](const R& r, std::size_t i) { return at<M>(r, i); };
    f.set_real = [](R& r, std::size_t i, double x) { at<M>(r, i) = x; };
  } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
    f.list = [](const R& r, std::size_t i) -> const std::vector<std::string>& {
      return at<M>(r, i);
    };
    f.set_list = [](R& r, std::size_t i, std::vector<std::string> v) {
      at<M>(r, i) = std::move(v);
    };
  } else if constexpr (IsOptional<V>::value) {  // an optional enum: -1 when unset
    using E = typename V::value_type;
    f.whole = [](const R& r, std::size_t i) -> int64_t {
      const V& v = at<M>(r, i);
      return v ? static_cast<int64_t>(*v) : -1;
    };
    f.set_whole = [](R& r, std::size_t i, int64_t x) {
      at<M>(r, i) = x < 0 ? V() : V(static_cast<E>(x));
    };
  } else {
    static_assert(std::is_integral_v<V> || std::is_enum_v<V>, "no accessor for this field type");
    f.whole = [](const R& r, std::size_t i) { return static_cast<int64_t>(at<M>(r, i)); };
    f.set_whole = [](R& r, std::size_t i, int64_t x) { at<M>(r, i) = static_cast<V>(x); };
  }
  return f;
}

// Columns by kind.

template <auto M>
Column<RecordOf<M>> column(const char* name, Need need, Kind kind) {
  Column<RecordOf<M>> c;
  c.name = name;
  c.need = need;
  c.kind = kind;
  c.field = field<M>();
  return c;
}
template <auto M>
Column<RecordOf<M>> key(const char* name) {
  return column<M>(name, Need::kRequired, Kind::kKey);
}
template <auto M>
Column<RecordOf<M>> id(const char* name, Need need) {
  return column<M>(name, need, Kind::kId);
}
template <auto M>
Column<RecordOf<M>> text(const char* name, Need need = Need::kOptional) {
  return column<M>(name, need, Kind::kText);
}
template <auto M>
Column<RecordOf<M>> id_number(const char* name) {
  return column<M>(name, Need::kOptional, Kind::kIdNumber);
}
template <auto M>
Column<RecordOf<M>> phone(const char* name) {
  return column<M>(name, Need::kOptional, Kind::kPhone);
}
template <auto M>
Column<RecordOf<M>> whole(const char* name, Need need, const Range& range) {
  auto c = column<M>(name, need, Kind::kWhole);
  c.range = &range;
  return c;
}
template <auto M>
Column<RecordOf<M>> number(const char* name, Need need, const Range& range) {
  auto c = column<M>(name, need, Kind::kNumber);
  c.range = &range;
  return c;
}
/// A probability that, when empty, defers to the configuration (NaN).
template <auto M>
Column<RecordOf<M>> probability(const char* name) {
  return number<M>(name, Need::kOptional, kProbability).empty_is_nan();
}
template <auto M>
Column<RecordOf<M>> boolean(const char* name, Need need) {
  return column<M>(name, need, Kind::kBool);
}
template <auto M>
Column<RecordOf<M>> choice(const char* name, Need need, const std::vector<std::string_view>& names,
                           int64_t first = 0) {
  auto c = column<M>(name, need, Kind::kEnum);
  c.names = &names;
  c.first = first;
  return c;
}
template <auto M>
Column<RecordOf<M>> flags(const char* name, const std::vector<std::string_view>& names) {
  auto c = column<M>(name, Need::kOptional, Kind::kFlags);
  c.names = &names;
  return c;
}
template <auto M>
Column<RecordOf<M>> language(const char* name) {
  return column<M>(name, Need::kOptional, Kind::kLanguage);
}
template <auto M>
Column<RecordOf<M>> languages(const char* name) {
  return column<M>(name, Need::kOptional, Kind::kLanguages);
}
template <auto M>
Column<RecordOf<M>> list(const char* name) {
  return column<M>(name, Need::kOptional, Kind::kList);
}

// ---------------------------------------------------------------------------------------
// Rules across columns, and what loading fills in beyond single cells.

/// An exited household says when it exited. Runs after exit_year, and only when its cell
/// is valid, so that a bad year is one message.
void require_exit_year(const Households& h, std::size_t i, RowScope& row) {
  static const int kExitYear = household_table().index("exit_year");
  static const int kStatus = household_table().index("status");
  if (!row.ok(kExitYear)) return;
  if (h.status[i] == Status::kExited && h.exit_year[i] == 0)
    row.error(row.present(kExitYear) ? kExitYear : kStatus,
              row.text(msg::kCellExitYear, msg::kDescYear.text(row.lang())));
}

/// Only an unverified household (verified = 0) may leave its income empty: nobody has seen
/// it. Runs after verified, and only when that cell is valid.
void require_income(const Households& h, std::size_t i, RowScope& row) {
  static const int kIncome = household_table().index("income");
  static const int kVerified = household_table().index("verified");
  if (row.ok(kVerified) && row.empty(kIncome) && h.verified[i] != 0)
    row.error(kIncome, row.text(msg::kCellIncome));
}

/// Non-registered households are not in the national system: their income_system is left
/// at its default (= income) in the file.
bool income_system_is_default(const Households& h, std::size_t i) {
  return !is_registered(h.status[i]) && h.income_system[i] == h.income[i];
}

bool speaks_default_language(const Households& h, std::size_t i) {
  return h.language[i] == "zh";
}

void complete_household(Households& h, std::size_t i, const RowScope& row) {
  static const int kIncomeSystem = household_table().index("income_system");
  h.line[i] = row.line();
  if (!row.given(kIncomeSystem)) h.income_system[i] = h.income[i];
}

void complete_village(Village& v, std::size_t, const RowScope& row) {
  static const int kTier = village_table().index("tier");
  v.line = row.line();
  v.tier_column = row.file_column(kTier);
}

void complete_member(Member& m, std::size_t, const RowScope& row) {
  m.line = row.line();
}

void complete_group(Group& g, std::size_t, const RowScope& row) {
  g.line = row.line();
}

/// A guide works in a village; an interpreter speaks languages. Runs after languages, when
/// the role itself is valid.
void check_staff_role(const Staff& s, std::size_t, RowScope& row) {
  static const int kRole = staff_table().index("role");
  static const int kVillage = staff_table().index("village_id");
  static const int kLanguages = staff_table().index("languages");
  if (!row.given(kRole)) return;
  if (s.role == StaffRole::kGuide && s.village_id.empty() && row.present(kVillage))
    row.error(kVillage, row.text(msg::kCellGuideVillage));
  if (s.role == StaffRole::kInterpreter && s.languages.empty())
    row.error(row.present(kLanguages) ? kLanguages : kRole,
              row.text(msg::kCellInterpreterLanguages));
}

/// A guide with no languages listed speaks the county's Chinese.
void complete_staff(Staff& s, std::size_t, const RowScope& row) {
  static const int kRole = staff_table().index("role");
  if (row.given(kRole) && s.role == StaffRole::kGuide && s.languages.empty())
    s.languages.push_back("zh");
}

// ---------------------------------------------------------------------------------------
// One cell, by kind.

/// What a required cell must hold, for "size is empty; it must be ...".
template <typename R>
std::string expected(const Column<R>& c, Lang lang) {
  switch (c.kind) {
    case Kind::kBool:
      return render(msg::kDescBool, lang);
    case Kind::kEnum:
      return render(msg::kDescOneOf, lang, join(*c.names, ", "));
    default:
      return render(c.range ? c.range->desc : msg::kDescGiven, lang);
  }
}

/// Whole number; "3.0" counts as whole (spreadsheets write a ".000" tail).
bool parse_whole(std::string_view s, long* out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, *out);
  bool ok = ec == std::errc() && p != s.data();
  if (ok && p != end) {
    ok = *p == '.' && p + 1 < end;
    for (const char* q = p + 1; ok && q < end; ++q) ok = *q == '0';
  }
  return ok;
}

// Problems with a cell, in the words of SPEC §1. They are rare, so their messages are built
// out of line: read_cell stays small on the path every cell takes (the default county has
// about 6.5 million cells).

[[gnu::cold, gnu::noinline]] CellState report(RowScope& row, int k, std::string message,
                                              bool name_record = true) {
  row.error(k, std::move(message), name_record);
  return CellState::kBad;
}

/// A required cell left empty. A record without its own id is not named by it.
template <typename R>
[[gnu::cold, gnu::noinline]] CellState report_empty(RowScope& row, int k, const Column<R>& c) {
  if (c.kind == Kind::kKey || c.kind == Kind::kId)
    return report(row, k, row.text(msg::kCellEmptyId, c.name), c.kind != Kind::kKey);
  return report(row, k, row.text(msg::kCellEmpty, c.name, expected(c, row.lang())));
}

template <typename R>
[[gnu::cold, gnu::noinline]] CellState report_value(RowScope& row, int k, const Column<R>& c,
                                                    std::string_view got) {
  const Lang lang = row.lang();
  switch (c.kind) {
    case Kind::kBool:
      return report(row, k, must(c.name, msg::kDescBool, got, lang));
    case Kind::kEnum:
      return report(row, k,
                    must(c.name, render(msg::kDescOneOf, lang, join(*c.names, ", ")), got, lang) +
                        case_hint(got, *c.names, lang));
    case Kind::kFlags:
      return report(row, k,
                    row.text(msg::kCellFlags, c.name, join(*c.names, ", "), got,
                             case_hint(got, *c.names, lang)));
    case Kind::kLanguage:
    case Kind::kLanguages:
      return report(row, k, must(c.name, msg::kDescLanguage, got, lang));
    case Kind::kPhone:
      return report(row, k, must(c.name, msg::kDescPhone, got, lang));
    default:
      return report(row, k, must(c.name, c.range->desc, got, lang));
  }
}

/// An id, ID number or phone number that a spreadsheet showed in exponent form: the digits
/// are gone, and the message says how to keep them next time.
template <typename R>
[[gnu::cold, gnu::noinline]] CellState report_exponent(RowScope& row, int k, const Column<R>& c,
                                                       std::string_view got) {
  return report(row, k, row.text(msg::kCellExponent, c.name, got));
}

[[gnu::cold, gnu::noinline]] CellState report_id_number(RowScope& row, int k, std::string_view id) {
  return report(row, k, id_number_problem(id, row.lang()));
}

bool same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::char_traits<char>::compare(a.data(), b.data(), a.size()) == 0;
}

/// Index of `s` in `names`, or -1.
int find_name(const std::vector<std::string_view>& names, std::string_view s) {
  for (std::size_t n = 0; n < names.size(); ++n)
    if (same(names[n], s)) return static_cast<int>(n);
  return -1;
}

/// An empty cell of a number, boolean, enum or flag column: the field's default, NaN, or a
/// missing value.
template <typename R>
CellState read_empty(const Column<R>& c, int k, R& r, std::size_t i, RowScope& row) {
  if (c.need == Need::kRequired && c.kind != Kind::kFlags) return report_empty(row, k, c);
  // Optional, or a column whose cells may be empty: the default, or NaN for "not given".
  if (c.kind == Kind::kNumber && c.nullable)
    c.field.set_real(r, i, std::numeric_limits<double>::quiet_NaN());
  return CellState::kEmpty;
}

/// An ID number or a phone number that is not empty.
template <typename R>
CellState check_number_text(const Column<R>& c, int k, std::string_view s, RowScope& row) {
  if (c.kind == Kind::kIdNumber ? valid_resident_id(s) : valid_phone(s)) return CellState::kGiven;
  if (spreadsheet_exponent(s)) return report_exponent(row, k, c, s);
  return c.kind == Kind::kIdNumber ? report_id_number(row, k, s) : report_value(row, k, c, s);
}

/// A ';'-separated list (items trimmed, empty ones skipped); languages are checked.
template <typename R>
CellState read_items(const Column<R>& c, int k, std::string_view s, R& r, std::size_t i,
                     RowScope& row) {
  std::vector<std::string> items = split_list(s);
  CellState state = items.empty() ? CellState::kEmpty : CellState::kGiven;
  if (c.kind == Kind::kLanguages)
    for (const std::string& l : items)
      if (!valid_language(l)) state = report_value(row, k, c, l);
  c.field.set_list(r, i, std::move(items));
  return state;
}

/// ';'-separated names of the column's flags (items trimmed, empty ones skipped); the field
/// keeps its default unless every item is known.
template <typename R>
CellState read_flags(const Column<R>& c, int k, std::string_view s, R& r, std::size_t i,
                     RowScope& row) {
  uint32_t bits = 0;
  CellState state = CellState::kGiven;
  for (std::string_view rest = s; !rest.empty();) {
    const std::size_t semi = rest.find(';');
    const std::string_view item = trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    if (item.empty()) continue;
    const int n = find_name(*c.names, item);
    if (n >= 0)
      bits |= 1u << n;
    else
      state = report_value(row, k, c, item);
  }
  if (state == CellState::kGiven) c.field.set_whole(r, i, bits);
  return state;
}

/// Reads the text of one cell into its field, reporting what is wrong with it. Spaces
/// around a value are ignored, except in text and in required ids, which are kept byte for
/// byte: a stray space in an id makes a wrong id, not a silently fixed one.
template <typename R>
CellState read_cell(const Column<R>& c, int k, std::string& cell, R& r, std::size_t i,
                    RowScope& row) {
  const Field<R>& f = c.field;
  const std::string_view s = trim(cell);
  // Stores `text` (the cell or a part of it): the cell itself is moved, not copied. Last, as
  // `s` views the cell.
  const auto store = [&](std::string_view text, CellState state) {
    if (text.size() == cell.size())
      f.take_text(r, i, std::move(cell));
    else
      f.set_text(r, i, text);
    return state;
  };
  switch (c.kind) {
    case Kind::kKey:
    case Kind::kId:
      // An id in exponent form is left empty: its lost digits would make false duplicates
      // and dangling references of every record of the column.
      if (spreadsheet_exponent(s)) {
        f.set_text(r, i, std::string_view());
        return report_exponent(row, k, c, s);
      }
      if (c.kind == Kind::kId && c.need == Need::kOptional)  // trimmed: spaces are no reference
        return store(s, s.empty() ? CellState::kEmpty : CellState::kGiven);
      return store(cell, s.empty() ? report_empty(row, k, c) : CellState::kGiven);
    case Kind::kText:
      return store(cell, s.empty() ? CellState::kEmpty : CellState::kGiven);
    case Kind::kIdNumber:
    case Kind::kPhone:
      return store(s, s.empty() ? CellState::kEmpty : check_number_text(c, k, s, row));
    case Kind::kLanguage:
      if (s.empty()) return CellState::kEmpty;
      if (!valid_language(s)) return report_value(row, k, c, s);
      return store(s, CellState::kGiven);
    case Kind::kLanguages:
    case Kind::kList:
      return read_items(c, k, s, r, i, row);
    case Kind::kWhole: {
      if (s.empty()) return read_empty(c, k, r, i, row);
      long v = 0;
      if (!parse_whole(s, &v) || v < static_cast<long>(c.range->lo) ||
          v > static_cast<long>(c.range->hi))
        return report_value(row, k, c, s);
      f.set_whole(r, i, v);
      return CellState::kGiven;
    }
    case Kind::kNumber: {
      if (s.empty()) return read_empty(c, k, r, i, row);
      double v = 0;
      const char* end = s.data() + s.size();
      auto [p, ec] = std::from_chars(s.data(), end, v, std::chars_format::fixed);
      if (ec != std::errc() || p != end || !std::isfinite(v) || v < c.range->lo || v > c.range->hi)
        return report_value(row, k, c, s);
      f.set_real(r, i, v);
      return CellState::kGiven;
    }
    case Kind::kBool:
      if (s.empty()) return read_empty(c, k, r, i, row);
      if (s.size() != 1 || (s[0] != '0' && s[0] != '1')) return report_value(row, k, c, s);
      f.set_whole(r, i, s[0] == '1');
      return CellState::kGiven;
    case Kind::kEnum: {
      if (s.empty()) return read_empty(c, k, r, i, row);
      const int n = find_name(*c.names, s);
      if (n < 0) return report_value(row, k, c, s);
      f.set_whole(r, i, c.first + n);
      return CellState::kGiven;
    }
    case Kind::kFlags:
      return s.empty() ? read_empty(c, k, r, i, row) : read_flags(c, k, s, r, i, row);
  }
  return CellState::kGiven;  // every kind is handled above
}

/// Checks the value of one field of a record built in memory, as read_cell checks text;
/// the messages quote the value as the writer would write it.
template <typename R>
CellState check_cell(const Column<R>& c, int k, const R& r, std::size_t i, RowScope& row) {
  const Field<R>& f = c.field;
  switch (c.kind) {
    case Kind::kKey:
    case Kind::kId: {
      const std::string& s = f.text(r, i);
      if (spreadsheet_exponent(s)) return report_exponent(row, k, c, s);
      if (!s.empty()) return CellState::kGiven;
      return c.need == Need::kOptional ? CellState::kEmpty : report_empty(row, k, c);
    }
    case Kind::kText:
      return f.text(r, i).empty() ? CellState::kEmpty : CellState::kGiven;
    case Kind::kIdNumber:
    case Kind::kPhone: {
      const std::string& s = f.text(r, i);
      return s.empty() ? CellState::kEmpty : check_number_text(c, k, s, row);
    }
    case Kind::kLanguage: {
      const std::string& s = f.text(r, i);
      return valid_language(s) ? CellState::kGiven : report_value(row, k, c, s);
    }
    case Kind::kLanguages:
    case Kind::kList: {
      const std::vector<std::string>& items = f.list(r, i);
      CellState state = items.empty() ? CellState::kEmpty : CellState::kGiven;
      if (c.kind == Kind::kLanguages)
        for (const std::string& l : items)
          if (!valid_language(l)) state = report_value(row, k, c, l);
      return state;
    }
    case Kind::kNumber: {
      const double v = f.real(r, i);
      if (c.nullable && std::isnan(v)) return CellState::kEmpty;
      if (!(v >= c.range->lo && v <= c.range->hi) || !std::isfinite(v))
        return report_value(row, k, c, format_double(v));
      return CellState::kGiven;
    }
    default:
      break;
  }
  const int64_t v = f.whole(r, i);
  if (c.nullable && v == c.none) return CellState::kEmpty;
  switch (c.kind) {
    case Kind::kWhole:
      if (v < static_cast<int64_t>(c.range->lo) || v > static_cast<int64_t>(c.range->hi))
        return report_value(row, k, c, std::to_string(v));
      return CellState::kGiven;
    case Kind::kBool:
      if (v != 0 && v != 1) return report_value(row, k, c, std::to_string(v));
      return CellState::kGiven;
    case Kind::kFlags:
      return v == 0 ? CellState::kEmpty : CellState::kGiven;
    default:  // enum values come from the enum's own type
      return CellState::kGiven;
  }
}

template <typename R>
std::string write_cell(const Column<R>& c, const R& r, std::size_t i) {
  const Field<R>& f = c.field;
  if (c.blank && c.blank(r, i)) return "";
  switch (c.kind) {
    case Kind::kKey:
    case Kind::kId:
    case Kind::kText:
    case Kind::kIdNumber:
    case Kind::kPhone:
    case Kind::kLanguage:
      return f.text(r, i);
    case Kind::kLanguages:
    case Kind::kList:
      return join(f.list(r, i));
    case Kind::kNumber:
      return format_double(f.real(r, i));  // NaN (an empty cell) is written empty
    default:
      break;
  }
  const int64_t v = f.whole(r, i);
  if (c.nullable && v == c.none) return "";
  switch (c.kind) {
    case Kind::kEnum: {
      const int64_t n = v - c.first;
      return n >= 0 && n < static_cast<int64_t>(c.names->size()) ? std::string((*c.names)[n])
                                                                 : std::to_string(v);
    }
    case Kind::kFlags:
      return flags_to_string(static_cast<uint32_t>(v), *c.names);
    default:
      return std::to_string(v);
  }
}

}  // namespace

std::string id_number_problem(std::string_view id, Lang lang) {
  const bool certificate = id.size() == 20;
  if (id.size() < 18)  // a resident ID cut short
    return render(msg::kIdShort, lang, id.size());
  if (id.size() != 18 && !certificate) return render(msg::kIdLength, lang, id.size());
  const char expected = id_check_char(id);
  if (expected == 0) return render(msg::kIdDigits, lang, mask_id(id));
  const char check = id[17] == 'x' ? 'X' : id[17];
  if (check != expected && !certificate)
    return render(msg::kIdChecksum, lang, mask_id(id), expected);
  if (check != expected) return render(msg::kIdChecksum18, lang, mask_id(id), expected);
  if (certificate && !(is_digit(id[18]) && is_digit(id[19])))
    return render(msg::kIdCertificate, lang, mask_id(id));
  return "";
}

void RowScope::error(int column, std::string message, bool name_record) {
  if (position_) {
    diag_->error({file_, line_, position_[column] + 1}, std::move(message));
    return;
  }
  if (name_record && record_)
    message = render(msg::kWho, lang(), msg::kind_name(record_, lang()), *id_) + message;
  diag_->error({file_, 0, 0}, std::move(message));
}

template <typename R>
void Table<R>::read(std::vector<std::string>& cells, R& out, std::size_t i, RowScope& row) const {
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const Column<R>& c = columns[k];
    // parse_csv keeps only records with a field for every header name.
    const int at = row.position(static_cast<int>(k));
    row.set_state(
        static_cast<int>(k),
        at < 0 ? CellState::kAbsent : read_cell(c, static_cast<int>(k), cells[at], out, i, row));
    if (c.rule) c.rule(out, i, row);
  }
  if (complete) complete(out, i, row);
}

template <typename R>
void Table<R>::check(const R& record, std::size_t i, RowScope& row) const {
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const Column<R>& c = columns[k];
    row.set_state(static_cast<int>(k), check_cell(c, static_cast<int>(k), record, i, row));
    if (c.rule) c.rule(record, i, row);
  }
}

template <typename R>
void Table<R>::write(const R& record, std::size_t i, std::vector<std::string>* cells) const {
  cells->clear();
  for (const Column<R>& c : columns) cells->push_back(write_cell(c, record, i));
}

template struct Table<Township>;
template struct Table<Village>;
template struct Table<Group>;
template struct Table<Households>;
template struct Table<Member>;
template struct Table<Staff>;

// ---------------------------------------------------------------------------------------
// The tables, column for column as SPEC §1 lists them.

const Table<Township>& township_table() {
  static const Table<Township> table{
      "townships.csv",
      "township",
      {
          key<&Township::id>("township_id"),
          text<&Township::name>("name", Need::kRequired),
          number<&Township::travel_minutes>("travel_minutes", Need::kOptional, kMinutes),
      }};
  return table;
}

const Table<Village>& village_table() {
  static const Table<Village> table{
      "villages.csv",
      "village",
      {
          key<&Village::id>("village_id"),
          id<&Village::township_id>("township_id", Need::kRequired),
          text<&Village::name>("name", Need::kRequired),
          number<&Village::natural>("natural", Need::kColumn, kIndicator).empty_is_nan(),
          number<&Village::transport>("transport", Need::kColumn, kIndicator).empty_is_nan(),
          number<&Village::economic>("economic", Need::kColumn, kIndicator).empty_is_nan(),
          choice<&Village::tier>("tier", Need::kOptional, tier_names()).empty_is(-1),
          number<&Village::travel_minutes>("travel_minutes", Need::kOptional, kMinutes),
      },
      complete_village};
  return table;
}

const Table<Group>& group_table() {
  static const Table<Group> table{"groups.csv",
                                  "group",
                                  {
                                      key<&Group::id>("group_id"),
                                      id<&Group::village_id>("village_id", Need::kRequired),
                                      text<&Group::name>("name"),
                                      text<&Group::contact_name>("contact_name"),
                                      phone<&Group::contact_phone>("contact_phone"),
                                  },
                                  complete_group};
  return table;
}

const Table<Households>& household_table() {
  using H = Households;
  static const Table<Households> table{
      "households.csv",
      "household",
      {
          key<&H::id>("household_id"),
          id<&H::village_id>("village_id", Need::kRequired),
          id<&H::group_id>("group_id", Need::kOptional),
          text<&H::head_name>("head_name"),
          id_number<&H::id_number>("id_number"),
          phone<&H::phone>("phone"),
          whole<&H::size>("size", Need::kRequired, kSize),
          choice<&H::status>("status", Need::kRequired, status_names()),
          whole<&H::exit_year>("exit_year", Need::kOptional, kYear)
              .empty_is(0)
              .then(require_exit_year),
          choice<&H::attribute>("attribute", Need::kOptional, attribute_names(), 1).empty_is(0),
          choice<&H::cause>("cause", Need::kOptional, cause_names(), 1).empty_is(0),
          number<&H::income>("income", Need::kColumn, kAmount).empty_is_nan(),
          number<&H::income_system>("income_system", Need::kOptional, kAmount)
              .empty_is_nan()
              .written_empty_when(income_system_is_default),
          boolean<&H::food_secure>("food_secure", Need::kRequired),
          boolean<&H::clothing_secure>("clothing_secure", Need::kRequired),
          boolean<&H::water_safe>("water_safe", Need::kRequired),
          choice<&H::housing>("housing", Need::kRequired, housing_names()),
          boolean<&H::relocated>("relocated", Need::kOptional),
          whole<&H::dropouts>("dropouts", Need::kRequired, kCount),
          whole<&H::uninsured>("uninsured", Need::kRequired, kCount),
          flags<&H::excluded>("excluded", exclusion_names()),
          flags<&H::measures>("measures", measure_names()),
          flags<&H::cards>("cards", card_names()),
          boolean<&H::archive_consistent>("archive_consistent", Need::kOptional),
          language<&H::language>("language").written_empty_when(speaks_default_language),
          probability<&H::presence>("presence"),
          probability<&H::satisfaction>("satisfaction"),
          boolean<&H::verified>("verified", Need::kOptional).then(require_income),
          probability<&H::fault_prior>("fault_prior"),
      },
      complete_household};
  return table;
}

const Table<Member>& member_table() {
  static const Table<Member> table{
      "members.csv",
      nullptr,
      {
          id<&Member::household_id>("household_id", Need::kRequired),
          text<&Member::relation>("relation"),
          text<&Member::gender>("gender"),
          whole<&Member::age>("age", Need::kOptional, kAge).empty_is(-1),
          boolean<&Member::in_school>("in_school", Need::kOptional).empty_is(-1),
          boolean<&Member::dropout>("dropout", Need::kOptional).empty_is(-1),
          boolean<&Member::medical_insured>("medical_insured", Need::kOptional).empty_is(-1),
          boolean<&Member::pension_insured>("pension_insured", Need::kOptional).empty_is(-1),
          text<&Member::health>("health"),
          text<&Member::labor>("labor"),
      },
      complete_member};
  return table;
}

const Table<Staff>& staff_table() {
  static const Table<Staff> table{
      "staff.csv",
      "staff",
      {
          key<&Staff::id>("staff_id"),
          text<&Staff::name>("name", Need::kRequired),
          phone<&Staff::phone>("phone"),
          choice<&Staff::role>("role", Need::kRequired, role_names()),
          id<&Staff::village_id>("village_id", Need::kOptional),
          languages<&Staff::languages>("languages").then(check_staff_role),
          list<&Staff::groups>("groups"),
      },
      complete_staff};
  return table;
}

}  // namespace kaoping::schema
