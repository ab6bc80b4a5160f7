// One sheet of an input as import reads it: rows of cells already turned into text as SPEC §6
// says (whole numbers in full, fractions with round-trip precision, dates as YYYY-MM-DD), each
// cell with the place a message should point at. The same model holds a worksheet of an
// .xlsx or .xls workbook and a CSV file, so nothing after the readers knows which it was.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.h"

namespace kaoping {

/// What a cell held in its file, before it became text.
enum class CellKind : uint8_t {
  kEmpty,    ///< no cell, or an empty one
  kText,     ///< a string (shared, inline, a formula's string result, any CSV field)
  kNumber,   ///< a number stored as a number
  kDate,     ///< a number with a date format, written as YYYY-MM-DD
  kBoolean,  ///< TRUE/FALSE, written as 1/0
  kError,    ///< a formula error such as #N/A, written as Excel shows it
};

struct Cell {
  std::string text;  ///< the value as text (see CellKind); "" when empty
  CellKind kind = CellKind::kEmpty;
  /// A number stored with more than 15 significant digits: a spreadsheet keeps only 15, so
  /// the digits after them are already lost (an 18-digit ID typed into a number cell).
  bool lost_digits = false;
};

/// One row of a sheet, with its own row number (a workbook's row as Excel numbers it, title
/// rows counted; a CSV record's physical line). Cells by 0-based column; trailing empty cells
/// may be left out.
struct SheetRow {
  int number = 0;
  std::vector<Cell> cells;
  /// The cell at `column`, or an empty one past the end.
  const Cell& at(std::size_t column) const;
};

/// A sheet of a workbook or a whole CSV file.
struct Sheet {
  std::string file;            ///< the file as named on the command line (without #SHEET)
  std::string name;            ///< the sheet's name; "" for a CSV file
  bool csv = false;            ///< places are file:line:column, not FILE:SHEET!CELL
  std::vector<SheetRow> rows;  ///< in row order, blank rows left out

  /// Where the cell of `row` (a SheetRow::number) and 0-based `column` is:
  /// FileLoc::in_cell(file, "Sheet1!J27") in a workbook, {file, line, column + 1} in a CSV.
  FileLoc loc(int row, std::size_t column) const;
  /// The sheet as a message names it: "export.xlsx#Sheet1", or the file for a CSV.
  std::string label() const;
};

/// Excel's name of a 0-based column: 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD".
std::string column_name(std::size_t column);

/// The 0-based column and 1-based row of a cell reference such as "J27" or "$J$27"; false
/// when `ref` is not one (or lies past XFD1048576).
bool parse_cell_ref(std::string_view ref, std::size_t* column, int* row);

/// A sheet name as it stands before "!" in a cell reference: quoted ('My sheet'!A1, with '
/// doubled) when it holds anything but letters, digits, CJK and '_', as Excel writes it.
std::string quoted_sheet_name(std::string_view name);

/// The text of a number stored as a number (SPEC §6): a whole number in full, without
/// decimals or exponent (5325011234567 → "5325011234567"), otherwise the shortest text that
/// reads back as the same double. *lost_digits is set when the number has more than 15
/// significant digits (whole numbers of 16 digits or more).
std::string number_text(double value, bool* lost_digits);

/// The calendar date of an Excel serial day number (fraction = time of day, ignored), in the
/// 1900 date system (with Lotus's phantom 1900-02-29 as serial 60) or the 1904 one; "" when
/// the serial lies outside 1900-01-01..9999-12-31.
std::string serial_date_text(double serial, bool date1904);

/// True when a number format code shows a date: it has y, m or d (or 年/月/日) outside
/// quoted text, escapes and [...] sections, and is not an elapsed-time format ([h]:mm).
bool is_date_format_code(std::string_view code);

/// True for the built-in number format ids that show dates or times (14–22, 45–47, and the
/// Chinese-locale ids 27–36 and 50–58 that Excel and WPS write for 年月日 formats).
bool is_builtin_date_format(int id);

}  // namespace kaoping
