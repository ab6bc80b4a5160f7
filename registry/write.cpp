// The registry's files, cell by cell as the schema writes them (registry/write.h).
#include "registry/write.h"

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "registry/schema.h"
#include "util/csv.h"
#include "util/files.h"

namespace kaoping {
namespace {

template <typename R>
CsvWriter with_header(const schema::Table<R>& table) {
  std::vector<std::string> header;
  for (const schema::Column<R>& c : table.columns) header.emplace_back(c.name);
  return CsvWriter(header);
}

template <typename R>
std::string csv_text(const schema::Table<R>& table, const std::vector<R>& records) {
  CsvWriter out = with_header(table);
  std::vector<std::string> cells;
  for (const R& r : records) {
    table.write(r, 0, &cells);
    out.row(cells);
  }
  return out.str();
}

std::string csv_text(const schema::Table<Households>& table, const Households& h) {
  CsvWriter out = with_header(table);
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < h.count(); ++i) {
    table.write(h, i, &cells);
    out.row(cells);
  }
  return out.str();
}

}  // namespace

bool write_registry(const Registry& reg, const std::string& dir, std::string* err) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    *err = dir + ": cannot create directory: " + ec.message();
    return false;
  }
  const auto write = [&](const char* name, const std::string& text) {
    return write_file_atomic((std::filesystem::path(dir) / name).string(), text, err);
  };
  // members.csv and staff.csv only when the registry has them: an empty members.csv would
  // make every household disagree with it when read back.
  return write(schema::township_table().file, csv_text(schema::township_table(), reg.townships)) &&
         write(schema::village_table().file, csv_text(schema::village_table(), reg.villages)) &&
         write(schema::group_table().file, csv_text(schema::group_table(), reg.groups)) &&
         write(schema::household_table().file,
               csv_text(schema::household_table(), reg.households)) &&
         (!reg.has_members ||
          write(schema::member_table().file, csv_text(schema::member_table(), reg.members))) &&
         (!reg.has_staff ||
          write(schema::staff_table().file, csv_text(schema::staff_table(), reg.staff)));
}

}  // namespace kaoping
