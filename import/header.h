// Finding the header row of a sheet (SPEC §6): under up to 10 title rows, one row or two (group
// titles merged above sub-headers), and which column holds which field.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "import/fields.h"
#include "import/mapping.h"
#include "import/sheet.h"
#include "util/lang.h"

namespace kaoping {

/// What a sheet is for; it decides the key column and the fields read.
enum class SheetRole { kExport, kRoster, kVerification, kVillages, kStaff };

/// "export", "roster", ... as import.json names it.
std::string_view to_string(SheetRole role);

/// The header of a sheet and what it means.
struct Header {
  int row = 0;                 ///< sheet row of the header (the lower one of a two-row header)
  int upper_row = 0;           ///< the upper row of a two-row header; 0 for one row
  std::size_t first_data = 0;  ///< index into Sheet::rows of the first row below the header
  /// Column of each field (-1 when the sheet has none), index = Field.
  std::array<int, kFieldCount> column;
  /// Each column's header as written (the lower row's, else the upper's), by column.
  std::vector<std::string> names;
  /// (header as written, field) for the columns read, in column order.
  std::vector<std::pair<std::string, std::string>> used;
  /// Headers import does not know, and known ones this kind of sheet does not read (a second
  /// column of one field among them), in column order.
  std::vector<std::string> unknown, ignored;

  bool has(Field f) const { return column[static_cast<std::size_t>(f)] >= 0; }
  int col(Field f) const { return column[static_cast<std::size_t>(f)]; }
  /// The header of field f as written in this sheet.
  const std::string& name_of(Field f) const { return names[static_cast<std::size_t>(col(f))]; }
};

/// Finds the header among the first 11 rows: the first row that holds the role's key column
/// (户编号 or 户号; 行政村 for the villages sheet; 姓名 for staff) and at least three other known
/// columns. When the row below it adds known columns and is no data row (its key cell is
/// empty), the two are read as one header. False, with *why saying what was looked for,
/// when there is none (in `lang`).
bool find_header(const Sheet& sheet, SheetRole role, const Mapping& mapping, Header* out,
                 std::string* why, Lang lang = Lang::kEn);

/// The fields a role reads.
bool role_reads(SheetRole role, Field f);

}  // namespace kaoping
