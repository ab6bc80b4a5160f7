// Loading a registry directory (SPEC §1) in two passes: fill — every cell parsed and
// range-checked against its own text by the schema (registry/schema.h), so a message can
// quote what the file says — then the cross-checks of registry/validate.h — ids, references
// and members.csv, which need every file.
#include "registry/load.h"

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "registry/messages.h"
#include "registry/schema.h"
#include "registry/validate.h"
#include "util/csv.h"
#include "util/files.h"
#include "util/limits.h"
#include "util/privacy.h"

namespace kaoping {
namespace {

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

/// The header of a file against its table: required columns present, unknown columns one
/// warning each. Records where each header name is, for the second pass.
template <typename R>
void check_header(const CsvTable& t, const schema::Table<R>& table, Source* src,
                  Diagnostics* diag) {
  src->present = true;
  for (std::size_t j = 0; j < t.header.size(); ++j)
    src->column.emplace(t.header[j], static_cast<int>(j + 1));
  for (const schema::Column<R>& c : table.columns)
    if (c.need != schema::Need::kOptional && t.column(c.name) < 0)
      diag->error({t.file, 1, 1}, msg::kRegMissingColumn, c.name);
  for (std::size_t j = 0; j < t.header.size(); ++j) {
    const std::string& h = t.header[j];
    if (table.index(h) >= 0) continue;
    if (h.empty())
      diag->warning({t.file, 1, static_cast<int>(j + 1)}, msg::kRegUnnamedColumn);
    else
      diag->warning({t.file, 1, static_cast<int>(j + 1)}, msg::kRegUnknownColumn, h);
  }
}

// Record i of what fill reads into: a plain struct of a vector (whose fields ignore the
// index), or index i of the households' struct of arrays.
template <typename R>
std::pair<R*, std::size_t> record(std::vector<R>* records, std::size_t i) {
  return {&(*records)[i], 0};
}
std::pair<Households*, std::size_t> record(Households* h, std::size_t i) {
  return {h, i};
}
template <typename R>
std::size_t count(const std::vector<R>& records) {
  return records.size();
}
std::size_t count(const Households& h) {
  return h.count();
}

/// First pass over one file: every record, every cell, as the table says. The cells' text
/// moves into the records: the table is spent.
template <typename R, typename Records>
void fill(CsvTable& t, const schema::Table<R>& table, Records* records, Source* src,
          Diagnostics* diag) {
  check_header(t, table, src, diag);
  std::vector<int> position(table.columns.size());
  for (std::size_t k = 0; k < position.size(); ++k) position[k] = t.column(table.columns[k].name);
  std::vector<schema::CellState> state(table.columns.size());
  // Every record at its defaults first (one resize per column, not one append per cell),
  // then cut back to the records read when the error limit stops the reading early.
  const std::size_t first = count(*records);
  records->resize(first + t.rows.size());
  src->line.reserve(t.rows.size());
  std::size_t r = 0;
  for (; r < t.rows.size() && !diag->full(); ++r) {
    auto [out, i] = record(records, first + r);
    src->line.push_back(t.row_line[r]);
    schema::RowScope row(t.file, t.row_line[r], position.data(), state.data(), diag);
    table.read(t.rows[r], *out, i, row);
  }
  records->resize(first + r);
}

/// "; found Households.xlsx: ..." when the directory holds a file that is probably the one
/// meant: the same name in other letter case, or another extension such as a workbook.
std::string near_miss(const std::string& dir, std::string_view name, Lang lang) {
  const std::string_view stem = name.substr(0, name.rfind('.'));
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string found = entry.path().filename().string();
    const std::string_view found_stem = std::string_view(found).substr(0, found.rfind('.'));
    if (!ascii_iequal(found_stem, stem)) continue;
    if (ascii_iequal(found, name)) return render(msg::kRegNearCase, lang, found, name);
    return render(msg::kRegNearOther, lang, found, name);
  }
  return "";
}

bool file_exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The id `value` under its pseudonym, recorded in reg->id_aliases.
std::string pseudonymize(std::string_view value, Registry* reg) {
  const std::string original(trimmed(value));
  std::string alias = pseudonym(original);
  reg->id_aliases.emplace(original, alias);
  return alias;
}

/// Some county exports put the head's resident ID number in household_id, or a phone in a
/// village_id: every output that names the record would carry it. Such ids are replaced by
/// their pseudonym (util/privacy.h) before the cells are read: the same value gets the same
/// pseudonym in every file, so references still hold; the original keeps finding its record
/// (Registry::id_aliases). `columns` are the table's id columns (`groups` a ';' list of
/// them). One warning per column, at its first such row.
void pseudonymize_ids(CsvTable& t, std::initializer_list<std::string_view> columns, Registry* reg,
                      Diagnostics* diag) {
  for (const std::string_view name : columns) {
    const int c = t.column(name);
    if (c < 0) continue;
    std::size_t count = 0, first = 0;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (static_cast<std::size_t>(c) >= t.rows[r].size()) continue;
      std::string& cell = t.rows[r][c];
      if (!contains_personal_number(cell)) continue;
      if (count++ == 0) first = r;
      if (name != "groups") {
        cell = pseudonymize(cell, reg);
        continue;
      }
      std::string list;
      for (std::string_view rest = cell;;) {
        const std::size_t semi = rest.find(';');
        const std::string_view item = rest.substr(0, semi);
        if (!list.empty()) list += ';';
        list += contains_personal_number(item) ? pseudonymize(item, reg) : std::string(item);
        if (semi == std::string_view::npos) break;
        rest.remove_prefix(semi + 1);
      }
      cell = std::move(list);
    }
    if (count > 0)
      diag->warning({t.file, t.row_line[first], c + 1}, msg::kRegPersonalId, name, count);
  }
}

/// True when something, whatever it is (a dangling link too), has the name `path`.
bool name_taken(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::symlink_status(path, ec));
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
  return schema::id_number_problem(id).empty();
}

bool load_registry(const std::string& dir, Registry* out, Diagnostics* diag) {
  *out = Registry{};
  out->source = dir;
  const std::size_t errors_before = diag->error_count();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    diag->error({dir, 0, 0}, msg::kRegNoDir);
    return false;
  }
  Sources src;
  CsvTable table;
  // A file that cannot be read at all leaves its Source absent, so references into it
  // are not reported a second time as dangling.
  const auto read = [&](bool optional, Source* s) {
    const std::string& name = s->file;
    const std::string path = (std::filesystem::path(dir) / name).string();
    if (!file_exists(path) && name_taken(path)) {
      // A directory, FIFO, device or dangling link under a registry file's name is a mistake
      // to report, not an absent optional file.
      s->failed = true;
      diag->error({name, 0, 0}, "exists in " + dir +
                                    " but is not a regular file (a directory, a FIFO, a device "
                                    "or a dangling link); put the CSV file there or remove it");
      return false;
    }
    if (!file_exists(path)) {
      if (!optional) {
        s->failed = true;
        diag->error({name, 0, 0}, msg::kRegFileNotFound, dir, near_miss(dir, name, diag->lang()));
      }
      return false;
    }
    s->failed = !read_table(dir, name, &table, out, diag);
    return !table.header.empty();
  };
  if (read(false, &src.townships)) {
    pseudonymize_ids(table, {"township_id"}, out, diag);
    fill(table, schema::township_table(), &out->townships, &src.townships, diag);
  }
  if (read(false, &src.villages)) {
    pseudonymize_ids(table, {"village_id", "township_id"}, out, diag);
    fill(table, schema::village_table(), &out->villages, &src.villages, diag);
  }
  if (read(true, &src.groups)) {
    pseudonymize_ids(table, {"group_id", "village_id"}, out, diag);
    fill(table, schema::group_table(), &out->groups, &src.groups, diag);
  }
  if (read(false, &src.households)) {
    pseudonymize_ids(table, {"household_id", "village_id", "group_id"}, out, diag);
    fill(table, schema::household_table(), &out->households, &src.households, diag);
  }
  if (read(true, &src.members)) {
    out->has_members = true;
    pseudonymize_ids(table, {"household_id"}, out, diag);
    fill(table, schema::member_table(), &out->members, &src.members, diag);
  }
  if (read(true, &src.staff)) {
    out->has_staff = true;
    pseudonymize_ids(table, {"staff_id", "village_id", "groups"}, out, diag);
    fill(table, schema::staff_table(), &out->staff, &src.staff, diag);
  }

  const std::pair<const Source*, std::size_t> required[] = {
      {&src.townships, out->townships.size()},
      {&src.villages, out->villages.size()},
      {&src.households, out->households.count()}};
  for (auto [s, n] : required)
    if (s->checkable() && n == 0 && !diag->full()) diag->error({s->file, 1, 1}, msg::kRegNoRecords);

  cross_check(out, src, false, diag);
  out->index_id_aliases();
  return diag->error_count() == errors_before;
}

bool load_staff(const std::string& path, Registry* reg, Diagnostics* diag) {
  const std::size_t errors_before = diag->error_count();
  const std::string name = std::filesystem::path(path).filename().string();
  CsvTable table;
  std::string raw;
  read_csv(path, name, &table, diag, &raw, limits::max_side_file_bytes());
  reg->inputs.push_back({path, sha256_hex(raw)});
  if (table.header.empty()) return false;  // unreadable; malformed rows alone are dropped
  Sources src;
  src.staff.file = name;
  src.villages.present = src.groups.present = true;
  reg->has_staff = true;
  reg->staff.clear();
  pseudonymize_ids(table, {"staff_id", "village_id", "groups"}, reg, diag);
  fill(table, schema::staff_table(), &reg->staff, &src.staff, diag);
  check_staff(*reg, src.staff, src, false, diag);
  return diag->error_count() == errors_before;
}

}  // namespace kaoping
