// .xls (BIFF5/BIFF8 in an OLE2 compound file, Excel 97–2003 and what WPS and the national
// system write) with FreeXL, which returns each cell typed: integers, doubles, text (already
// UTF-8), and dates for cells with a date format.
//
// FreeXL 1.0.6 (Debian 12's) reads past its heap and stack buffers on some damaged
// files (tests/fuzz/workbook_fuzz finds such files within a minute). So FreeXL runs in a
// child process: the child reads the workbook and sends the sheets and its messages back
// through a pipe, and a child that crashes or runs out of time is an error about the file,
// "the .xls workbook is damaged", not a crash of kaoping.
#include <freexl.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/messages.h"
#include "import/readers.h"
#include "util/isolate.h"

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

bool read_here(const std::string& path, const SheetSelector& which, WorkbookFile* out,
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

// What the child sends: the reader's answer, the sheets it read and its messages, as
// little-endian lengths and bytes. The parent checks every length against what is left.
class Encoder {
 public:
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes_.push_back(static_cast<char>(v >> (8 * i)));
  }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    bytes_.append(s);
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : rest_(bytes) {}
  bool u32(uint32_t* v) {
    if (rest_.size() < 4) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i) *v |= uint32_t{static_cast<unsigned char>(rest_[i])} << (8 * i);
    rest_.remove_prefix(4);
    return true;
  }
  bool str(std::string* s) {
    uint32_t n = 0;
    if (!u32(&n) || rest_.size() < n) return false;
    s->assign(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return true;
  }
  bool i32(int* v) {
    uint32_t u = 0;
    if (!u32(&u)) return false;
    *v = static_cast<int>(u);
    return true;
  }
  bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

std::string encode(bool ok, const WorkbookFile& book, const Diagnostics& diag) {
  Encoder e;
  e.u32(ok ? 1 : 0);
  e.u32(static_cast<uint32_t>(book.sheet_names.size()));
  for (const std::string& name : book.sheet_names) e.str(name);
  e.u32(static_cast<uint32_t>(book.sheets.size()));
  for (const Sheet& sheet : book.sheets) {
    e.str(sheet.name);
    e.u32(static_cast<uint32_t>(sheet.rows.size()));
    for (const SheetRow& row : sheet.rows) {
      e.u32(static_cast<uint32_t>(row.number));
      e.u32(static_cast<uint32_t>(row.cells.size()));
      for (const Cell& cell : row.cells) {
        e.str(cell.text);
        e.u32(static_cast<uint32_t>(cell.kind) | (cell.lost_digits ? 0x100u : 0u));
      }
    }
  }
  e.u32(static_cast<uint32_t>(diag.items().size()));
  for (const Diagnostic& d : diag.items()) {
    e.u32(d.severity == Severity::kError ? 1 : 0);
    e.str(d.loc.file);
    e.u32(static_cast<uint32_t>(d.loc.line));
    e.u32(static_cast<uint32_t>(d.loc.column));
    e.str(d.loc.cell);
    e.str(d.message);
  }
  e.u32(static_cast<uint32_t>(diag.suppressed_errors()));
  return e.bytes();
}

/// Reads what the child sent into *out and *diag; false when it is not a whole message.
bool decode(std::string_view bytes, WorkbookFile* out, Diagnostics* diag, bool* ok) {
  Decoder d(bytes);
  uint32_t flag = 0, names = 0, sheets = 0;
  if (!d.u32(&flag) || !d.u32(&names)) return false;
  std::vector<std::string> sheet_names;
  for (uint32_t k = 0; k < names; ++k)
    if (!d.str(&sheet_names.emplace_back())) return false;
  if (!d.u32(&sheets)) return false;
  std::vector<Sheet> read;
  for (uint32_t k = 0; k < sheets; ++k) {
    Sheet& sheet = read.emplace_back();
    sheet.file = out->path;
    uint32_t rows = 0;
    if (!d.str(&sheet.name) || !d.u32(&rows)) return false;
    for (uint32_t r = 0; r < rows; ++r) {
      SheetRow& row = sheet.rows.emplace_back();
      uint32_t cells = 0;
      if (!d.i32(&row.number) || !d.u32(&cells)) return false;
      for (uint32_t c = 0; c < cells; ++c) {
        Cell& cell = row.cells.emplace_back();
        uint32_t kind = 0;
        if (!d.str(&cell.text) || !d.u32(&kind) ||
            (kind & 0xff) > static_cast<uint32_t>(CellKind::kError))
          return false;
        cell.kind = static_cast<CellKind>(kind & 0xff);
        cell.lost_digits = (kind & 0x100) != 0;
      }
    }
  }
  uint32_t items = 0, suppressed = 0;
  if (!d.u32(&items)) return false;
  std::vector<Diagnostic> found;
  for (uint32_t k = 0; k < items; ++k) {
    Diagnostic& item = found.emplace_back();
    uint32_t error = 0;
    if (!d.u32(&error) || !d.str(&item.loc.file) || !d.i32(&item.loc.line) ||
        !d.i32(&item.loc.column) || !d.str(&item.loc.cell) || !d.str(&item.message))
      return false;
    item.severity = error ? Severity::kError : Severity::kWarning;
  }
  if (!d.u32(&suppressed) || !d.done()) return false;
  out->sheet_names = std::move(sheet_names);
  out->sheets = std::move(read);
  for (Diagnostic& item : found) {
    if (item.severity == Severity::kError)
      diag->error(item.loc, std::move(item.message));
    else
      diag->warning(item.loc, std::move(item.message));
  }
  // The child's errors past its limit: the parent, as full by then, counts them too.
  for (uint32_t k = 0; k < suppressed; ++k) diag->error(FileLoc(out->path), std::string());
  *ok = flag == 1;
  return true;
}

// Seconds of CPU the child may take: a sheet of 65,536 rows takes a few.
constexpr unsigned kChildCpuSeconds = 120;

}  // namespace

bool read_xls(const std::string& path, const SheetSelector& which, WorkbookFile* out,
              Diagnostics* diag) {
  const Isolated child = run_isolated(
      [&] {
        WorkbookFile book;
        book.path = out->path;
        Diagnostics found(diag->max_errors(), diag->lang());
        const bool ok = read_here(path, which, &book, &found);
        return encode(ok, book, found);
      },
      kChildCpuSeconds);
  bool ok = false;
  std::string failure = child.failure;
  if (failure.empty() && !decode(child.answer, out, diag, &ok)) failure = "an incomplete answer";
  if (!failure.empty()) {
    diag->error(FileLoc(out->path), msg::kXlsReaderFailed, failure);
    return false;
  }
  return ok;
}

}  // namespace kaoping::import_detail
