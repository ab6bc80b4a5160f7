// report.xlsx: every table of the report model that names a sheet, written whole as one
// worksheet (libxlsxwriter): bold header row, frozen, with an autofilter; number formats by
// column kind (probabilities displayed as percentages but stored as decimals in [0,1]);
// column widths from the content; A4 print setup with the header row repeated.
#pragma once

#include <string>
#include <vector>

#include "reports/document.h"

namespace kaoping {

/// The sheet names the workbook will have, in order: each table's `sheet` with the
/// characters Excel forbids ([]:*?/\) replaced by '_', cut to 31 characters and made unique
/// (case-insensitively, as Excel compares them) by a " (2)", " (3)" ... suffix.
std::vector<std::string> xlsx_sheet_names(const report::Report& report);

/// Writes the workbook to a temporary name beside `path` and renames it, so a failed run
/// leaves no partial file. False and *err on failure.
bool write_xlsx(const report::Report& report, const std::string& path, std::string* err);

}  // namespace kaoping
