// The format readers behind read_workbook (import/workbook.h), one per file format. Internal to
// import/: the caller has checked the file (regular, within the size cap) and sniffed it.
#pragma once

#include <string>
#include <string_view>

#include "import/workbook.h"
#include "util/diagnostics.h"

namespace kaoping::import_detail {

/// Reads an .xlsx workbook held in memory (`bytes`, a zip archive) into out->sheet_names and
/// out->sheets, as `which` selects. A zip that is not an .xlsx workbook (an OpenDocument
/// spreadsheet, an .xlsb, a Word document, any other archive) is an error saying what it is.
bool read_xlsx(std::string_view bytes, const SheetSelector& which, WorkbookFile* out,
               Diagnostics* diag);

/// Reads an .xls workbook (BIFF5/BIFF8 in an OLE2 compound file) at `path` with FreeXL.
bool read_xls(const std::string& path, const SheetSelector& which, WorkbookFile* out,
              Diagnostics* diag);

/// Picks the sheets `which` names among out->sheet_names (their indices in workbook order),
/// given which of them are hidden; an error listing the sheets there are when none fits.
bool select_sheets(const SheetSelector& which, const std::vector<bool>& hidden,
                   const WorkbookFile& file, std::vector<std::size_t>* picked, Diagnostics* diag);

/// Adds a cell to `row` at `column`, as text made by the reader.
void put_cell(SheetRow* row, std::size_t column, Cell cell);

}  // namespace kaoping::import_detail
