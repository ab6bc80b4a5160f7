// The registry files column by column (SPEC §1). One table per file names each column, says
// whether the file must have it, what kind of value a cell holds (with its range or its
// names) and which field of the registry structs keeps it. Loading (load.cpp), the checks of
// a registry built in memory (validate.cpp) and writing (write.cpp) all go through these
// tables: a new column is one row of a table and one field of a struct.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "registry/registry.h"
#include "util/diagnostics.h"

namespace kaoping::schema {

/// What a cell holds, and so how it is read, checked and written.
enum class Kind : uint8_t {
  kKey,        ///< the record's own id: never empty, kept exactly as written (ids are bytes)
  kId,         ///< an id of another record: kept as written when required, trimmed if not
  kText,       ///< free text, kept as written
  kIdNumber,   ///< resident ID (GB 11643) or disability certificate number, trimmed
  kPhone,      ///< mobile or landline number, trimmed (SPEC §1)
  kWhole,      ///< whole number in the column's range ("3.0" counts as whole)
  kNumber,     ///< finite plain decimal in the column's range (no exponent, no %)
  kBool,       ///< 0 or 1
  kEnum,       ///< one of the column's names
  kFlags,      ///< ';'-separated names of the column's list; bit i = names[i]
  kLanguage,   ///< a language code of lowercase letters (zh, yi, hani, ...)
  kLanguages,  ///< ';'-separated language codes
  kList,       ///< ';'-separated free items (group ids)
};

/// Whether a file must have the column. A required column's cells must not be empty either
/// (free text excepted); an optional column's empty cell keeps the struct's default.
enum class Need : uint8_t {
  kOptional,
  kColumn,  ///< the file must have the column, but a cell may be empty (a rule says when)
  kRequired,
};

/// The values a number column accepts, and how messages name them.
struct Range {
  double lo, hi;
  Message desc;  ///< "a whole number >= 1": the words after "must be"
};

/// How one cell of the row being read or checked came out; rules read it.
enum class CellState : uint8_t {
  kAbsent,  ///< the file has no such column
  kEmpty,   ///< empty cell: the field keeps its default
  kGiven,   ///< a valid value was stored
  kBad,     ///< the cell was reported; the field keeps its default
};

/// What a column rule sees of the row being read (a CSV record) or checked (a record built
/// in memory), and where it reports: at file:line:column for a file, and naming the record
/// (`household "H1": `) for a record built in memory, which has no line.
class RowScope {
 public:
  /// A record of a file; position[k] is the 0-based field of column k, -1 when absent.
  RowScope(const std::string& file, int line, const int* position, CellState* state,
           Diagnostics* diag)
      : file_(file), line_(line), position_(position), state_(state), diag_(diag) {}
  /// A record built in memory; `record` names its kind ("household"), nullptr for none.
  RowScope(const std::string& file, const char* record, const std::string* id, CellState* state,
           Diagnostics* diag)
      : file_(file), record_(record), id_(id), state_(state), diag_(diag) {}

  /// The language of the messages, and a message of registry/messages.h in it.
  Lang lang() const { return diag_->lang(); }
  template <typename... Args>
  std::string text(const Message& m, const Args&... args) const {
    return diag_->text(m, args...);
  }

  bool present(int column) const { return !position_ || position_[column] >= 0; }
  bool ok(int column) const { return state_[column] != CellState::kBad; }
  bool given(int column) const { return state_[column] == CellState::kGiven; }
  bool empty(int column) const { return state_[column] == CellState::kEmpty; }
  /// The record's line in its file, 0 in memory.
  int line() const { return line_; }
  /// 1-based position of column k in the file, 0 when absent or in memory.
  int file_column(int column) const { return position_ ? position_[column] + 1 : 0; }
  /// 0-based field of column k in the file's record, -1 when absent or in memory.
  int position(int column) const { return position_ ? position_[column] : -1; }
  void set_state(int column, CellState s) { state_[column] = s; }
  /// Reports a problem with column k's cell. `name_record` false leaves out the record's
  /// name in memory, for a problem with the record's own id.
  void error(int column, std::string message, bool name_record = true);

 private:
  const std::string& file_;
  int line_ = 0;
  const int* position_ = nullptr;
  const char* record_ = nullptr;
  const std::string* id_ = nullptr;
  CellState* state_;
  Diagnostics* diag_;
};

/// How a column reaches its field in a record of type R: a plain struct (Township, Village,
/// ...), whose index argument is ignored, or Households, a struct of arrays indexed by it.
/// Values travel as the kind's own type: text, double, a whole number (ints, booleans, enum
/// values, flag bits) or a list.
template <typename R>
struct Field {
  const std::string& (*text)(const R&, std::size_t) = nullptr;
  void (*set_text)(R&, std::size_t, std::string_view) = nullptr;
  void (*take_text)(R&, std::size_t, std::string&&) = nullptr;
  double (*real)(const R&, std::size_t) = nullptr;
  void (*set_real)(R&, std::size_t, double) = nullptr;
  int64_t (*whole)(const R&, std::size_t) = nullptr;
  void (*set_whole)(R&, std::size_t, int64_t) = nullptr;
  const std::vector<std::string>& (*list)(const R&, std::size_t) = nullptr;
  void (*set_list)(R&, std::size_t, std::vector<std::string>) = nullptr;
};

/// One column of a file.
template <typename R>
struct Column {
  const char* name = nullptr;
  Need need = Need::kOptional;
  Kind kind = Kind::kText;
  Field<R> field;
  const Range* range = nullptr;                          ///< kWhole, kNumber
  const std::vector<std::string_view>* names = nullptr;  ///< kEnum, kFlags
  int64_t first = 0;                                     ///< kEnum: the value stored for names[0]
  bool nullable = false;  ///< an empty cell is a value of its own: NaN (kNumber) or `none`
  int64_t none = 0;       ///< kWhole, kBool, kEnum: the value of an empty cell
  /// Written as an empty cell when true (a default the reader restores).
  bool (*blank)(const R&, std::size_t) = nullptr;
  /// Checks that involve other columns, run once this column's cell is read or checked
  /// (whether or not the file has the column).
  void (*rule)(const R&, std::size_t, RowScope&) = nullptr;

  /// This column with an empty cell meaning `value` (kWhole, kBool, kEnum).
  Column empty_is(int64_t value) const {
    Column c = *this;
    c.nullable = true;
    c.none = value;
    return c;
  }
  /// This number column with an empty cell meaning NaN ("not given": a default elsewhere).
  Column empty_is_nan() const {
    Column c = *this;
    c.nullable = true;
    return c;
  }
  Column then(void (*check)(const R&, std::size_t, RowScope&)) const {
    Column c = *this;
    c.rule = check;
    return c;
  }
  Column written_empty_when(bool (*when)(const R&, std::size_t)) const {
    Column c = *this;
    c.blank = when;
    return c;
  }
};

/// The columns of one file, in the order kaoping writes them.
template <typename R>
struct Table {
  const char* file;    ///< "households.csv"
  const char* record;  ///< "household", as messages name a record; nullptr for members
  std::vector<Column<R>> columns;
  /// Loading only, after a row's cells: what they imply beyond one field (the line, a
  /// default taken from another column).
  void (*complete)(R&, std::size_t, const RowScope&) = nullptr;

  /// Index of the column called `name`, or -1.
  int index(std::string_view name) const {
    for (std::size_t k = 0; k < columns.size(); ++k)
      if (columns[k].name == name) return static_cast<int>(k);
    return -1;
  }

  /// Reads one CSV record (`cells`, fields in file order) into record i of `out`: each cell
  /// against its own text, then the column rules, then `complete`. Problems go to `row`,
  /// which also says where each column is. A record is read once: the text of a cell may be
  /// moved into its field, leaving the cell unspecified.
  void read(std::vector<std::string>& cells, R& out, std::size_t i, RowScope& row) const;
  /// Checks record i of a registry built in memory with the rules `read` applies to text.
  void check(const R& record, std::size_t i, RowScope& row) const;
  /// The cells of record i in column order, as `read` reads them back.
  void write(const R& record, std::size_t i, std::vector<std::string>* cells) const;
};

const Table<Township>& township_table();
const Table<Village>& village_table();
const Table<Group>& group_table();
const Table<Households>& household_table();
const Table<Member>& member_table();
const Table<Staff>& staff_table();

/// A cell without its leading and trailing spaces and tabs, as every cell is read. Called for
/// every cell: inline, so that a cell without spaces costs two comparisons.
[[gnu::always_inline]] inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The problem with an ID number — an 18-character resident ID, or a 20-character
/// disability certificate number (残疾人证号: a valid resident ID followed by two digits) —
/// (its length, its digits, its GB 11643 check character), or "" when it is valid. The
/// number is masked in the message.
std::string id_number_problem(std::string_view id, Lang lang = Lang::kEn);

}  // namespace kaoping::schema
