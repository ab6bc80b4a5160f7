// read_workbook: the checks every input passes (a regular file within the size cap), the
// sniffing that decides what it is from its bytes, and the CSV reader's table as a Sheet.
#include "import/workbook.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

#include "import/messages.h"
#include "import/readers.h"
#include "util/csv.h"
#include "util/files.h"
#include "util/text.h"

namespace kaoping {

namespace import_detail {

void put_cell(SheetRow* row, std::size_t column, Cell cell) {
  if (row->cells.size() <= column) row->cells.resize(column + 1);
  row->cells[column] = std::move(cell);
}

bool select_sheets(const SheetSelector& which, const std::vector<bool>& hidden,
                   const WorkbookFile& file, std::vector<std::size_t>* picked, Diagnostics* diag) {
  const std::vector<std::string>& names = file.sheet_names;
  switch (which.which) {
    case SheetSelector::Which::kAll:
      for (std::size_t k = 0; k < names.size(); ++k) picked->push_back(k);
      return true;
    case SheetSelector::Which::kFirst: {
      // The first sheet a user sees: hidden sheets (a lookup table, a macro's scratch) are
      // passed over unless there is nothing else.
      for (std::size_t k = 0; k < names.size(); ++k)
        if (!hidden[k]) {
          picked->push_back(k);
          return true;
        }
      picked->push_back(0);
      return true;
    }
    case SheetSelector::Which::kNamed: {
      for (std::size_t k = 0; k < names.size(); ++k)
        if (names[k] == which.name) {
          picked->push_back(k);
          return true;
        }
      std::string list;
      for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
      std::vector<std::string_view> candidates(names.begin(), names.end());
      const std::string hint = did_you_mean(which.name, candidates);
      if (hint.empty())
        diag->error(FileLoc(file.path), msg::kBookNoSheet, which.name, list);
      else
        diag->error(FileLoc(file.path), msg::kBookNoSheetHint, which.name, hint, list);
      return false;
    }
  }
  return false;
}

}  // namespace import_detail

namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string extension_of(const std::string& path) {
  return lower(fs::path(path).extension().string());
}

/// What the first bytes of a file say it is.
enum class Sniffed {
  kZip,
  kOle2,
  kText,
  kHtml,
  kSpreadsheetXml,
  kOtherXml,
  kMhtml,
  kPdf,
  kRtf,
  kBinary
};

Sniffed sniff(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with(std::string_view("PK\x05\x06", 4)))
    return Sniffed::kZip;
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Sniffed::kOle2;
  if (bytes.starts_with("%PDF")) return Sniffed::kPdf;
  if (bytes.starts_with("{\\rtf")) return Sniffed::kRtf;
  const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  const std::string_view head = bytes.substr(0, 8192);
  if (!utf16 && head.find('\0') != std::string_view::npos) return Sniffed::kBinary;
  // Markup, after a BOM and blank space: the national system's "Excel" downloads are often
  // an HTML table, or the XML spreadsheet of Excel 2003, with an .xls name.
  std::string_view t = head;
  if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  const std::string low = lower(std::string(t.substr(0, 4096)));
  if (low.starts_with("mime-version:")) return Sniffed::kMhtml;
  if (low.starts_with("<")) {
    if (low.find("urn:schemas-microsoft-com:office:spreadsheet") != std::string::npos ||
        low.find("<workbook") != std::string::npos)
      return Sniffed::kSpreadsheetXml;
    if (low.find("<html") != std::string::npos || low.find("<table") != std::string::npos ||
        low.starts_with("<!doctype html") || low.find("<body") != std::string::npos ||
        low.find("<meta") != std::string::npos)
      return Sniffed::kHtml;
    if (low.starts_with("<?xml")) return Sniffed::kOtherXml;
  }
  return Sniffed::kText;
}

/// True when the file's first line is separated by tabs rather than commas.
bool tab_separated(std::string_view bytes) {
  const std::string_view line = bytes.substr(0, bytes.find('\n'));
  return line.find('\t') != std::string_view::npos && line.find(',') == std::string_view::npos;
}

/// An OLE2 compound file holding an encrypted OOXML package (a password-protected .xlsx):
/// its directory names the streams EncryptionInfo and EncryptedPackage, in UTF-16LE.
bool encrypted_package(std::string_view bytes) {
  static const std::string kName = [] {
    std::string s;
    for (char c : std::string("EncryptedPackage")) s += c, s += '\0';
    return s;
  }();
  return bytes.find(kName) != std::string_view::npos;
}

/// A CSV file's table as a Sheet: the header record is the first non-blank line.
void csv_to_sheet(const CsvTable& t, std::string_view bytes, Sheet* sheet) {
  // Empty lines above the header are skipped by the CSV reader; count them for its line.
  int header_line = 1;
  std::size_t i = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (;;) {
    const std::size_t nl = bytes.find('\n', i);
    if (nl == std::string_view::npos) break;
    const std::string_view line = bytes.substr(i, nl - i);
    if (!line.empty() && line != "\r") break;
    ++header_line;
    i = nl + 1;
  }
  const auto to_row = [](int number, const std::vector<std::string>& fields) {
    SheetRow row{number, {}};
    for (std::size_t c = 0; c < fields.size(); ++c)
      if (!fields[c].empty()) import_detail::put_cell(&row, c, Cell{fields[c], CellKind::kText});
    return row;
  };
  SheetRow header = to_row(header_line, t.header);
  if (!header.cells.empty()) sheet->rows.push_back(std::move(header));
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    SheetRow row = to_row(t.row_line[r], t.rows[r]);
    if (!row.cells.empty()) sheet->rows.push_back(std::move(row));
  }
}

}  // namespace

InputSpec parse_input_spec(const std::string& arg) {
  InputSpec spec{arg, arg, {}};
  std::error_code ec;
  const std::size_t hash = arg.rfind('#');
  if (hash == std::string::npos || hash == 0 || fs::exists(arg, ec)) return spec;
  spec.path = arg.substr(0, hash);
  const std::string sheet = arg.substr(hash + 1);
  if (sheet == "*") {
    spec.sheets.which = SheetSelector::Which::kAll;
  } else if (!sheet.empty()) {
    spec.sheets.which = SheetSelector::Which::kNamed;
    spec.sheets.name = sheet;
  }
  return spec;
}

bool read_workbook(const InputSpec& spec, const ReadLimits& limits, WorkbookFile* out,
                   Diagnostics* diag) {
  out->path = spec.path;
  const FileLoc at(spec.path);
  std::error_code ec;
  const fs::file_status st = fs::status(spec.path, ec);
  if (ec || !fs::exists(st)) {
    diag->error(at, msg::kImpNoFile);
    return false;
  }
  if (fs::is_directory(st)) {
    diag->error(at, msg::kImpIsDir);
    return false;
  }
  if (!fs::is_regular_file(st)) {
    diag->error(at, msg::kImpNotRegular);
    return false;
  }
  const uintmax_t size = fs::file_size(spec.path, ec);
  if (!ec && size > limits.max_file_bytes) {
    diag->error(at, msg::kBookTooLarge, size >> 20, limits.max_file_bytes >> 20);
    return false;
  }
  std::string bytes, err;
  if (!read_file(spec.path, &bytes, &err, -1, diag->lang())) {
    diag->error(at, err);
    return false;
  }
  if (bytes.empty()) {
    diag->error(at, msg::kImpEmpty);
    return false;
  }
  out->sha256 = sha256_hex(bytes);

  const std::string ext = extension_of(spec.path);
  const bool named_xlsx = ext == ".xlsx" || ext == ".xlsm" || ext == ".xltx";
  const bool named_xls = ext == ".xls" || ext == ".xlt" || ext == ".et";
  const bool named_book = named_xlsx || named_xls;
  const auto misnamed = [&](const Message& what, bool wrong_name) {
    if (wrong_name && !ext.empty()) diag->warning(at, msg::kBookMisnamed, diag->text(what), ext);
  };
  const auto refuse = [&](const Message& what, const Message& todo) {
    if (named_book)
      diag->error(at, msg::kBookRefuseNamed, diag->text(what), ext, diag->text(todo));
    else
      diag->error(at, msg::kBookRefuse, diag->text(what), diag->text(todo));
    return false;
  };

  switch (sniff(bytes)) {
    case Sniffed::kZip: {
      out->format = FileFormat::kXlsx;
      const bool ok = import_detail::read_xlsx(bytes, spec.sheets, out, diag);
      if (ok) misnamed(msg::kBookXlsx, !named_xlsx);
      return ok;
    }
    case Sniffed::kOle2:
      if (encrypted_package(bytes)) {
        diag->error(at, msg::kBookPassword);
        return false;
      }
      out->format = FileFormat::kXls;
      misnamed(msg::kBookXls, !named_xls);
      return import_detail::read_xls(spec.path, spec.sheets, out, diag);
    case Sniffed::kHtml:
      return refuse(msg::kBookHtml, msg::kBookResave);
    case Sniffed::kMhtml:
      return refuse(msg::kBookMhtml, msg::kBookResave);
    case Sniffed::kSpreadsheetXml:
      return refuse(msg::kBookXml2003, msg::kBookResave);
    case Sniffed::kOtherXml:
      return refuse(msg::kBookXml, msg::kBookExportAgain);
    case Sniffed::kPdf:
      return refuse(msg::kBookPdf, msg::kBookExportFromSystem);
    case Sniffed::kRtf:
      return refuse(msg::kBookRtf, msg::kBookExportAgain);
    case Sniffed::kBinary:
      diag->error(at, msg::kBookBinary, hex_byte(static_cast<unsigned char>(bytes[0])),
                  hex_byte(static_cast<unsigned char>(bytes.size() > 1 ? bytes[1] : 0)));
      return false;
    case Sniffed::kText:
      break;
  }
  if (named_book) {
    if (tab_separated(bytes)) return refuse(msg::kBookTsv, msg::kBookResaveOrCsv);
    return refuse(msg::kBookCsv, msg::kBookRenameCsv);
  }
  out->format = FileFormat::kCsv;
  if (spec.sheets.which == SheetSelector::Which::kNamed) {
    diag->error(at, msg::kBookCsvSheet, spec.sheets.name);
    return false;
  }
  CsvTable table;
  if (!read_csv(spec.path, spec.path, &table, diag)) return false;
  Sheet sheet;
  sheet.file = spec.path;
  sheet.csv = true;
  csv_to_sheet(table, bytes, &sheet);
  out->sheet_names.push_back("");
  out->sheets.push_back(std::move(sheet));
  return true;
}

}  // namespace kaoping
