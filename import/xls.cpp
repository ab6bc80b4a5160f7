// .xls (BIFF5/BIFF8 in an OLE2 compound file, Excel 97–2003 and what WPS and the national
// system write) with FreeXL, which returns each cell typed: integers, doubles, text (already
// UTF-8), and dates for cells with a date format.
#include <freexl.h>

#include <string>
#include <vector>

#include "import/messages.h"
#include "import/readers.h"

namespace kaoping::import_detail {
namespace {

/// Closes a FreeXL handle when it goes out of scope.
struct XlsHandle {
  const void* h = nullptr;
  ~XlsHandle() {
    if (h) freexl_close(h);
  }
};

std::string freexl_problem(int code, Lang lang) {
  switch (code) {
    case FREEXL_INSUFFICIENT_MEMORY:
      return render(msg::kXlsMemory, lang);
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return render(msg::kXlsNoWorkbook, lang);
    case FREEXL_CRAFTED_FILE:
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR:
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_CFBF_INVALID_SECTOR_SIZE:
    case FREEXL_CFBF_EMPTY_FAT_CHAIN:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
    case FREEXL_INVALID_MINI_STREAM:
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
    case FREEXL_INVALID_CFBF_HEADER:
      return render(msg::kXlsDamagedStructure, lang);
    case FREEXL_BIFF_INVALID_BOF:
    case FREEXL_BIFF_INVALID_SST:
    case FREEXL_BIFF_ILLEGAL_SST_INDEX:
      return render(msg::kXlsDamagedRecords, lang);
    case FREEXL_UNSUPPORTED_CHARSET:
    case FREEXL_INVALID_CHARACTER:
      return render(msg::kXlsCharset, lang);
    default:
      return render(msg::kXlsOther, lang, code);
  }
}

}  // namespace

bool read_xls(const std::string& path, const SheetSelector& which, WorkbookFile* out,
              Diagnostics* diag) {
  const FileLoc at(out->path);
  XlsHandle xls;
  if (const int rc = freexl_open(path.c_str(), &xls.h); rc != FREEXL_OK) {
    diag->error(at, freexl_problem(rc, diag->lang()));
    return false;
  }
  unsigned int info = 0;
  if (freexl_get_info(xls.h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
      info == FREEXL_BIFF_OBFUSCATED) {
    diag->error(at, msg::kBookPassword);
    return false;
  }
  unsigned int count = 0;
  if (freexl_get_info(xls.h, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK || count == 0) {
    diag->error(at, msg::kBookNoWorksheets);
    return false;
  }
  for (unsigned short k = 0; k < count; ++k) {
    const char* name = nullptr;
    if (freexl_get_worksheet_name(xls.h, k, &name) != FREEXL_OK || name == nullptr) name = "";
    out->sheet_names.emplace_back(name);
  }
  std::vector<std::size_t> picked;
  if (!select_sheets(which, std::vector<bool>(count, false), *out, &picked, diag)) return false;

  bool ok = true;
  for (std::size_t k : picked) {
    Sheet sheet;
    sheet.file = out->path;
    sheet.name = out->sheet_names[k];
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(xls.h, static_cast<unsigned short>(k)) != FREEXL_OK ||
        freexl_worksheet_dimensions(xls.h, &rows, &columns) != FREEXL_OK) {
      diag->error(at, msg::kXlsSheetUnreadable, sheet.name);
      ok = false;
      continue;
    }
    // 65,536 rows is all a BIFF8 sheet holds: a longer export saved as .xls lost its tail.
    if (rows >= 65536) diag->warning(at, msg::kXlsRowLimit, sheet.name);
    for (unsigned int r = 0; r < rows; ++r) {
      SheetRow row{static_cast<int>(r) + 1, {}};
      for (unsigned short c = 0; c < columns; ++c) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(xls.h, r, c, &v) != FREEXL_OK) {
          diag->error(sheet.loc(row.number, c), msg::kXlsCellUnreadable);
          ok = false;
          continue;
        }
        Cell cell;
        switch (v.type) {
          case FREEXL_CELL_INT:
            cell.text = number_text(v.value.int_value, &cell.lost_digits);
            cell.kind = CellKind::kNumber;
            break;
          case FREEXL_CELL_DOUBLE:
            cell.text = number_text(v.value.double_value, &cell.lost_digits);
            cell.kind = CellKind::kNumber;
            break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
            cell.text = v.value.text_value ? v.value.text_value : "";
            cell.kind = CellKind::kText;
            break;
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
            // "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS": the date is what a registry needs.
            cell.text = std::string(v.value.text_value ? v.value.text_value : "").substr(0, 10);
            cell.kind = CellKind::kDate;
            break;
          case FREEXL_CELL_TIME:
            cell.text = v.value.text_value ? v.value.text_value : "";
            cell.kind = CellKind::kText;
            break;
          default:
            break;
        }
        if (!cell.text.empty()) put_cell(&row, c, std::move(cell));
      }
      if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
    }
    out->sheets.push_back(std::move(sheet));
  }
  return ok;
}

}  // namespace kaoping::import_detail
