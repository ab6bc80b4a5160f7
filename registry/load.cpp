// Loading a registry directory (SPEC §1) in two passes: fill — every cell parsed and
// range-checked against its own text by the schema (registry/schema.h), so a message can
// quote what the file says — then the cross-checks of registry/validate.h — ids, references
// and members.csv, which need every file.
#include "registry/load.h"

#include <filesystem>
#include <initializer_list>
#include <optional>
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

/// One file of the registry as read: its UTF-8 text and, after the first pass over it,
/// its header and how many records it has. The records themselves are never held as a table:
/// the second pass (fill) reads them straight into the registry.
struct RegistryFile {
  std::string name;
  std::string storage;
  std::string_view text;
  std::vector<std::string> header;
  std::size_t records = 0;

  int column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  }
};

/// The header of a file against its table: required columns present, unknown columns one
/// warning each. Records where each header name is, for the second pass.
template <typename R>
void check_header(const RegistryFile& f, const schema::Table<R>& table, Source* src,
                  Diagnostics* diag) {
  src->present = true;
  for (std::size_t j = 0; j < f.header.size(); ++j)
    src->column.emplace(f.header[j], static_cast<int>(j + 1));
  for (const schema::Column<R>& c : table.columns)
    if (c.need != schema::Need::kOptional && f.column(c.name) < 0)
      diag->error({f.name, 1, 1}, msg::kRegMissingColumn, c.name);
  for (std::size_t j = 0; j < f.header.size(); ++j) {
    const std::string& h = f.header[j];
    if (table.index(h) >= 0) continue;
    if (h.empty())
      diag->warning({f.name, 1, static_cast<int>(j + 1)}, msg::kRegUnnamedColumn);
    else
      diag->warning({f.name, 1, static_cast<int>(j + 1)}, msg::kRegUnknownColumn, h);
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

/// The id `value` under its pseudonym, recorded in reg->id_aliases.
std::string pseudonymize(std::string_view value, Registry* reg) {
  const std::string original(schema::trim(value));
  std::string alias = pseudonym(original);
  reg->id_aliases.emplace(original, alias);
  return alias;
}

/// A cell of an id column (`groups`: a ';' list of ids) with every id that holds an ID
/// number or a phone under its pseudonym.
std::string pseudonymize_cell(std::string_view name, std::string_view cell, Registry* reg) {
  if (name != "groups") return pseudonymize(cell, reg);
  std::string list;
  for (std::string_view rest = cell;;) {
    const std::size_t semi = rest.find(';');
    const std::string_view item = rest.substr(0, semi);
    if (!list.empty()) list += ';';
    list += contains_personal_number(item) ? pseudonymize(item, reg) : std::string(item);
    if (semi == std::string_view::npos) break;
    rest.remove_prefix(semi + 1);
  }
  return list;
}

/// Some county exports put the head's resident ID number in household_id, or a phone in a
/// village_id: every output that names the record would carry it. fill replaces such ids by
/// their pseudonym (util/privacy.h) before the cells are read: the same value gets the same
/// pseudonym in every file, so references still hold; the original keeps finding its record
/// (Registry::id_aliases). One warning per column, at its first such row.
struct IdColumns {
  std::vector<std::string_view> names;  ///< the table's id columns
  Registry* reg = nullptr;
  std::vector<int> position;  ///< of each in the file, or -1
  std::vector<std::size_t> count;
  std::vector<int> first_line;

  IdColumns(std::initializer_list<std::string_view> n, Registry* r) : names(n), reg(r) {}
  void start(const RegistryFile& f) {
    for (const std::string_view name : names) position.push_back(f.column(name));
    count.assign(names.size(), 0);
    first_line.assign(names.size(), 0);
  }
  void replace(std::vector<std::string>& cells, int line) {
    std::size_t q = 0;
    for (const std::string_view name : names) {
      const int c = position[q];
      if (c >= 0 && static_cast<std::size_t>(c) < cells.size() &&
          contains_personal_number(cells[c])) {
        if (count[q]++ == 0) first_line[q] = line;
        cells[c] = pseudonymize_cell(name, cells[c], reg);
      }
      ++q;
    }
  }
  void warn(const RegistryFile& f, Diagnostics* diag) const {
    std::size_t q = 0;
    for (const std::string_view name : names) {
      if (count[q] > 0)
        diag->warning({f.name, first_line[q], position[q] + 1}, msg::kRegPersonalId, name,
                      count[q]);
      ++q;
    }
  }
};

/// Second pass over one file: every record, every cell, as the table says, parsed again
/// from the text and read into the records as it goes. The parse's own diagnostics were
/// made by the first pass, in the order they have always come.
template <typename R, typename Records>
void fill(const RegistryFile& f, const schema::Table<R>& table, Records* records, Source* src,
          Diagnostics* diag, IdColumns ids) {
  check_header(f, table, src, diag);
  ids.start(f);
  std::vector<int> position(table.columns.size());
  for (std::size_t k = 0; k < position.size(); ++k) position[k] = f.column(table.columns[k].name);
  std::vector<schema::CellState> state(table.columns.size());
  // Every record at its defaults first (one resize per column, not one append per cell),
  // then cut back to the records read when the error limit stops the reading early.
  const std::size_t first = count(*records);
  records->resize(first + f.records);
  src->line.reserve(f.records);
  std::size_t r = 0;
  bool stopped = false;
  Diagnostics again(diag->max_errors(), diag->lang());
  std::vector<std::string> header;
  parse_csv(
      f.text, f.name, &header,
      [&](std::vector<std::string>& cells, int line) {
        if (stopped || r == f.records || (stopped = diag->full())) return;
        auto [out, i] = record(records, first + r);
        src->line.push_back(line);
        ids.replace(cells, line);
        schema::RowScope row(f.name, line, position.data(), state.data(), diag);
        table.read(cells, *out, i, row);
        ++r;
      },
      &again);
  records->resize(first + r);
  ids.warn(f, diag);
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

/// True when something, whatever it is (a dangling link too), has the name `path`.
bool name_taken(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::symlink_status(path, ec));
}

/// Reads one file of the registry, records its hash and makes the first pass over it: the
/// parse's diagnostics, the header, the number of records. False on any error; the records of
/// a file with only some bad rows are still read by fill (a structural error empties the
/// header).
bool read_table(const std::string& dir, RegistryFile* f, Registry* reg, Diagnostics* diag) {
  const std::string path = (std::filesystem::path(dir) / f->name).string();
  const std::size_t before = diag->error_count();
  std::string sha256;
  const bool readable = read_csv_text(path, f->name, &f->storage, &f->text, diag, nullptr, &sha256);
  if (readable || file_exists(path)) reg->inputs.push_back({path, sha256});
  if (readable) {
    parse_csv(
        f->text, f->name, &f->header, [&](std::vector<std::string>&, int) { ++f->records; }, diag);
  }
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
  // One file at a time: its text is let go before the next is read.
  std::optional<RegistryFile> file;
  // A file that cannot be read at all leaves its Source absent, so references into it
  // are not reported a second time as dangling.
  const auto read = [&](bool optional, Source* s) {
    file.reset();
    const std::string& name = s->file;
    const std::string path = (std::filesystem::path(dir) / name).string();
    if (!file_exists(path) && name_taken(path)) {
      // A directory, FIFO, device or dangling link under a registry file's name is a mistake
      // to report, not an absent optional file.
      s->failed = true;
      diag->error({name, 0, 0}, msg::kRegNotRegular, dir);
      return false;
    }
    if (!file_exists(path)) {
      if (!optional) {
        s->failed = true;
        diag->error({name, 0, 0}, msg::kRegFileNotFound, dir, near_miss(dir, name, diag->lang()));
      }
      return false;
    }
    file.emplace();
    file->name = name;
    s->failed = !read_table(dir, &*file, out, diag);
    return !file->header.empty();
  };
  if (read(false, &src.townships))
    fill(*file, schema::township_table(), &out->townships, &src.townships, diag,
         IdColumns({"township_id"}, out));
  if (read(false, &src.villages))
    fill(*file, schema::village_table(), &out->villages, &src.villages, diag,
         IdColumns({"village_id", "township_id"}, out));
  if (read(true, &src.groups))
    fill(*file, schema::group_table(), &out->groups, &src.groups, diag,
         IdColumns({"group_id", "village_id"}, out));
  if (read(false, &src.households))
    fill(*file, schema::household_table(), &out->households, &src.households, diag,
         IdColumns({"household_id", "village_id", "group_id"}, out));
  if (read(true, &src.members)) {
    out->has_members = true;
    fill(*file, schema::member_table(), &out->members, &src.members, diag,
         IdColumns({"household_id"}, out));
  }
  if (read(true, &src.staff)) {
    out->has_staff = true;
    fill(*file, schema::staff_table(), &out->staff, &src.staff, diag,
         IdColumns({"staff_id", "village_id", "groups"}, out));
  }
  file.reset();

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
  RegistryFile file;
  file.name = std::filesystem::path(path).filename().string();
  std::string sha256;
  const bool readable = read_csv_text(path, file.name, &file.storage, &file.text, diag, nullptr,
                                      &sha256, limits::max_side_file_bytes());
  reg->inputs.push_back({path, sha256});
  if (readable)
    parse_csv(
        file.text, file.name, &file.header, [&](std::vector<std::string>&, int) { ++file.records; },
        diag);
  if (file.header.empty()) return false;  // unreadable; malformed rows alone are dropped
  Sources src;
  src.staff.file = file.name;
  src.villages.present = src.groups.present = true;
  reg->has_staff = true;
  reg->staff.clear();
  fill(file, schema::staff_table(), &reg->staff, &src.staff, diag,
       IdColumns({"staff_id", "village_id", "groups"}, reg));
  check_staff(*reg, src.staff, src, false, diag);
  return diag->error_count() == errors_before;
}

}  // namespace kaoping
