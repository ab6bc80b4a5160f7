// .xlsx (ECMA-376 SpreadsheetML): a zip archive of XML parts, read with libzip and expat.
// Every part is streamed: expat is fed zip_fread chunks and keeps no tree, so a 100 MB sheet
// costs its cells' text, not its XML. Parts are found through the relationships, as Excel,
// WPS, LibreOffice and openpyxl write them (relative or absolute part names, shared or inline
// strings, cells with or without an `r` reference).
#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "import/messages.h"
#include "import/readers.h"

namespace kaoping::import_detail {
namespace {

constexpr char kNsSep = '\x01';  // expat's separator between a namespace URI and a local name

/// The local part of an expat element or attribute name ("uri\x01sheet" → "sheet").
std::string_view local_name(const char* name) {
  const char* sep = std::strrchr(name, kNsSep);
  return sep ? std::string_view(sep + 1) : std::string_view(name);
}
bool has_namespace(const char* name) {
  return std::strchr(name, kNsSep) != nullptr;
}

/// The value of the attribute with local name `key` (and, when `namespaced`, in some
/// namespace, as r:id is), or nullptr.
const char* attribute(const char** atts, std::string_view key, bool namespaced = false) {
  for (int i = 0; atts[i]; i += 2)
    if (local_name(atts[i]) == key && has_namespace(atts[i]) == namespaced) return atts[i + 1];
  return nullptr;
}

/// Receives the events of one XML part.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** atts) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
  /// Set by a handler that has seen what it needs, or found a problem: parsing stops.
  bool stop = false;
};

/// The zip archive of a workbook held in memory.
class Archive {
 public:
  explicit Archive(Lang lang) : lang_(lang) {}
  ~Archive() {
    if (zip_) zip_discard(zip_);
  }
  bool open(std::string_view bytes, std::string* err) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
    if (src) {
      zip_ = zip_open_from_source(src, ZIP_RDONLY, &ze);
      if (!zip_) zip_source_free(src);
    }
    if (!zip_) *err = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return zip_ != nullptr;
  }
  /// The index of a part by name: exactly, else ignoring letter case, else with backslashes
  /// (some writers use them); -1 when absent.
  zip_int64_t find(const std::string& name) const {
    zip_int64_t i = zip_name_locate(zip_, name.c_str(), 0);
    if (i < 0) i = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
    if (i < 0) {
      std::string back = name;
      std::replace(back.begin(), back.end(), '/', '\\');
      i = zip_name_locate(zip_, back.c_str(), ZIP_FL_NOCASE);
    }
    return i;
  }
  bool has(const std::string& name) const { return find(name) >= 0; }

  /// Reads a small part whole (for sniffing), up to `cap` bytes.
  std::string read_small(const std::string& name, std::size_t cap) const {
    std::string out;
    const zip_int64_t i = find(name);
    if (i < 0) return out;
    zip_file_t* f = zip_fopen_index(zip_, static_cast<zip_uint64_t>(i), 0);
    if (!f) return out;
    out.resize(cap);
    const zip_int64_t n = zip_fread(f, out.data(), cap);
    zip_fclose(f);
    out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return out;
  }

  /// Streams part `name` through expat into `h`. False with *err on a missing part, a zip
  /// error or malformed XML.
  bool parse(const std::string& name, XmlHandler* h, std::string* err) const {
    const zip_int64_t index = find(name);
    if (index < 0) {
      *err = render(msg::kXlsxPartMissing, lang_, name);
      return false;
    }
    zip_file_t* f = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
    if (!f) {
      *err = render(msg::kXlsxPartOpen, lang_, name, zip_strerror(zip_));
      return false;
    }
    XML_Parser p = XML_ParserCreateNS(nullptr, kNsSep);
    XML_SetUserData(p, h);
    XML_SetElementHandler(
        p,
        [](void* ud, const char* el, const char** atts) {
          static_cast<XmlHandler*>(ud)->start(local_name(el), atts);
        },
        [](void* ud, const char* el) { static_cast<XmlHandler*>(ud)->end(local_name(el)); });
    XML_SetCharacterDataHandler(p, [](void* ud, const char* s, int len) {
      static_cast<XmlHandler*>(ud)->text(std::string_view(s, static_cast<std::size_t>(len)));
    });
    std::vector<char> buf(1 << 16);
    bool ok = true;
    for (;;) {
      const zip_int64_t n = zip_fread(f, buf.data(), buf.size());
      if (n < 0) {
        *err = render(msg::kXlsxPartRead, lang_, name, zip_file_strerror(f));
        ok = false;
        break;
      }
      if (XML_Parse(p, buf.data(), static_cast<int>(n), n == 0) == XML_STATUS_ERROR) {
        *err = render(msg::kXlsxPartXml, lang_, name, XML_GetCurrentLineNumber(p),
                      XML_ErrorString(XML_GetErrorCode(p)));
        ok = false;
        break;
      }
      if (h->stop || n == 0) break;
      // A handler may ask to stop between chunks; expat's own stop would need the suspend
      // protocol, and one 64 KiB chunk more is harmless.
    }
    XML_ParserFree(p);
    zip_fclose(f);
    return ok;
  }

 private:
  zip_t* zip_ = nullptr;
  Lang lang_;
};

/// "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; an absolute
/// target ("/xl/worksheets/sheet1.xml", as openpyxl writes) is taken from the root.
std::string resolve_part(const std::string& source_part, const std::string& target) {
  std::string path;
  if (!target.empty() && target[0] == '/') {
    path = target.substr(1);
  } else {
    const std::size_t slash = source_part.rfind('/');
    path = (slash == std::string::npos ? std::string() : source_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    const std::string seg = path.substr(i, j - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (const std::string& s : parts) out += (out.empty() ? "" : "/") + s;
  return out;
}

/// The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
std::string rels_of(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  if (slash == std::string::npos) return "_rels/" + part + ".rels";
  return part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

struct Relationship {
  std::string id, type, target;
};

class RelsHandler : public XmlHandler {
 public:
  std::vector<Relationship> rels;
  void start(std::string_view name, const char** atts) override {
    if (name != "Relationship") return;
    const char* mode = attribute(atts, "TargetMode");
    if (mode && std::string_view(mode) == "External") return;
    const char* id = attribute(atts, "Id");
    const char* type = attribute(atts, "Type");
    const char* target = attribute(atts, "Target");
    if (id && type && target) rels.push_back({id, type, target});
  }
  void end(std::string_view) override {}
  /// The target of the first relationship whose type ends with `/suffix`.
  const Relationship* of_type(std::string_view suffix) const {
    for (const Relationship& r : rels) {
      const std::string_view t = r.type;
      if (t.size() > suffix.size() && t.ends_with(suffix) && t[t.size() - suffix.size() - 1] == '/')
        return &r;
    }
    return nullptr;
  }
};

struct SheetEntry {
  std::string name, rel_id;
  bool hidden = false;
};

class WorkbookHandler : public XmlHandler {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  void start(std::string_view name, const char** atts) override {
    if (name == "sheet") {
      SheetEntry s;
      if (const char* n = attribute(atts, "name")) s.name = n;
      if (const char* id = attribute(atts, "id", /*namespaced=*/true)) s.rel_id = id;
      if (const char* st = attribute(atts, "state"))
        s.hidden = std::string_view(st) == "hidden" || std::string_view(st) == "veryHidden";
      sheets.push_back(std::move(s));
    } else if (name == "workbookPr") {
      if (const char* d = attribute(atts, "date1904"))
        date1904 = std::string_view(d) == "1" || std::string_view(d) == "true";
    }
  }
  void end(std::string_view name) override {
    if (name == "sheets") stop = true;  // nothing after the sheet list is needed
  }
};

/// styles.xml: which cell formats (the `s` index of a cell) show dates.
class StylesHandler : public XmlHandler {
 public:
  std::vector<bool> xf_is_date;
  void start(std::string_view name, const char** atts) override {
    if (name == "numFmt") {
      const char* id = attribute(atts, "numFmtId");
      const char* code = attribute(atts, "formatCode");
      if (id && code) custom_[std::atoi(id)] = is_date_format_code(code);
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = attribute(atts, "numFmtId");
      const int fmt = id ? std::atoi(id) : 0;
      const auto it = custom_.find(fmt);
      xf_is_date.push_back(it != custom_.end() ? it->second : is_builtin_date_format(fmt));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") stop = true;
  }

 private:
  std::map<int, bool> custom_;
  bool in_cell_xfs_ = false;
};

/// sharedStrings.xml: the text of each <si>, rich-text runs joined, phonetic guides (<rPh>)
/// left out.
class SharedStringsHandler : public XmlHandler {
 public:
  std::vector<std::string> strings;
  void start(std::string_view name, const char**) override {
    if (name == "si") {
      strings.emplace_back();
      in_si_ = true;
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_si_ && in_phonetic_ == 0) {
      in_t_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") in_si_ = false;
    if (name == "rPh") --in_phonetic_;
    if (name == "t") in_t_ = false;
  }
  void text(std::string_view s) override {
    if (in_t_) strings.back().append(s);
  }

 private:
  bool in_si_ = false, in_t_ = false;
  int in_phonetic_ = 0;
};

/// A worksheet part, cell by cell, into a Sheet.
class SheetHandler : public XmlHandler {
 public:
  SheetHandler(Sheet* sheet, const std::vector<std::string>& shared,
               const std::vector<bool>& xf_is_date, bool date1904, Diagnostics* diag)
      : sheet_(sheet), shared_(shared), xf_is_date_(xf_is_date), date1904_(date1904), diag_(diag) {}

  void start(std::string_view name, const char** atts) override {
    if (name == "row") {
      const char* r = attribute(atts, "r");
      int number = last_row_ + 1;
      if (r) {
        long v = std::strtol(r, nullptr, 10);
        if (v >= 1 && v <= 1048576) number = static_cast<int>(v);
      }
      if (number > 1048576) return fail(msg::kXlsxTooManyRows);
      row_ = SheetRow{number, {}};
      last_row_ = number;
      last_column_ = -1;
      in_row_ = true;
    } else if (name == "c" && in_row_) {
      std::size_t column = static_cast<std::size_t>(last_column_ + 1);
      if (const char* r = attribute(atts, "r")) {
        // The row of the reference is the row element's; only the column is new.
        std::size_t c = 0;
        int ref_row = 0;
        if (parse_cell_ref(r, &c, &ref_row)) column = c;
      }
      if (column > 16383) return fail(msg::kXlsxPastXfd);
      last_column_ = static_cast<long>(column);
      column_ = column;
      const char* t = attribute(atts, "t");
      type_ = t ? t : "n";
      const char* s = attribute(atts, "s");
      style_ = s ? std::atoi(s) : 0;
      value_.clear();
      in_cell_ = true;
    } else if (in_cell_ && name == "v") {
      in_value_ = true;
    } else if (in_cell_ && name == "is") {
      in_inline_ = true;
    } else if (in_inline_ && name == "rPh") {
      ++in_phonetic_;
    } else if (in_inline_ && name == "t" && in_phonetic_ == 0) {
      in_value_ = true;
    }
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "rPh") {
      if (in_phonetic_ > 0) --in_phonetic_;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      finish_cell();
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      bool any = false;
      for (const Cell& c : row_.cells) any = any || c.kind != CellKind::kEmpty;
      if (any) sheet_->rows.push_back(std::move(row_));
    } else if (name == "sheetData") {
      stop = true;
    }
  }

  void text(std::string_view s) override {
    if (in_value_) {
      if (value_.size() + s.size() > kMaxCellBytes) return fail(msg::kXlsxCellTooLarge);
      value_.append(s);
    }
  }

  bool ok = true;

 private:
  static constexpr std::size_t kMaxCellBytes = std::size_t{1} << 20;

  void fail(const Message& what) {
    if (ok)
      diag_->error({sheet_->file, 0, 0}, msg::kXlsxSheetDamaged, sheet_->name, diag_->text(what));
    ok = false;
    stop = true;
  }

  void finish_cell() {
    Cell cell;
    const FileLoc here = sheet_->loc(row_.number, column_);
    if (type_ == "s") {
      std::size_t index = 0;
      const auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc() || index >= shared_.size()) {
        diag_->error(here, msg::kXlsxNoSharedString, value_);
        ok = false;
        return;
      }
      cell.text = shared_[index];
      cell.kind = CellKind::kText;
    } else if (type_ == "inlineStr" || type_ == "str") {
      cell.text = value_;
      cell.kind = CellKind::kText;
    } else if (type_ == "b") {
      cell.text = value_ == "1" || value_ == "true" ? "1" : "0";
      cell.kind = CellKind::kBoolean;
    } else if (type_ == "e") {
      cell.text = value_;
      cell.kind = CellKind::kError;
    } else if (type_ == "d") {
      // An ISO 8601 date or date-time (strict OOXML, some writers).
      cell.text = value_.substr(0, 10);
      cell.kind = CellKind::kDate;
    } else {  // "n", or absent
      if (value_.empty()) return;
      double v = 0;
      const char* b = value_.data();
      const char* e = b + value_.size();
      const auto [p, ec] = std::from_chars(b, e, v);
      if (ec != std::errc() || p != e) {
        diag_->error(here, msg::kXlsxBadNumber, value_);
        ok = false;
        return;
      }
      const bool date_style = style_ >= 0 &&
                              static_cast<std::size_t>(style_) < xf_is_date_.size() &&
                              xf_is_date_[style_];
      const std::string date = date_style ? serial_date_text(v, date1904_) : std::string();
      if (!date.empty()) {
        cell.text = date;
        cell.kind = CellKind::kDate;
      } else {
        cell.text = number_text(v, &cell.lost_digits);
        cell.kind = CellKind::kNumber;
      }
    }
    if (cell.text.empty()) return;  // an empty inline string is an empty cell
    put_cell(&row_, column_, std::move(cell));
  }

  Sheet* sheet_;
  const std::vector<std::string>& shared_;
  const std::vector<bool>& xf_is_date_;
  bool date1904_;
  Diagnostics* diag_;

  SheetRow row_;
  int last_row_ = 0;
  long last_column_ = -1;
  bool in_row_ = false, in_cell_ = false, in_value_ = false, in_inline_ = false;
  int in_phonetic_ = 0;
  std::size_t column_ = 0;
  std::string type_;
  int style_ = 0;
  std::string value_;
};

/// What a zip archive that holds no xl/workbook.xml is, for the message.
const Message& what_zip_is(const Archive& zip) {
  const std::string mimetype = zip.read_small("mimetype", 200);
  if (mimetype.starts_with("application/vnd.oasis.opendocument.spreadsheet")) return msg::kXlsxOds;
  if (mimetype.starts_with("application/vnd.oasis.opendocument")) return msg::kXlsxOdf;
  if (zip.has("xl/workbook.bin")) return msg::kXlsxXlsb;
  if (zip.has("word/document.xml")) return msg::kXlsxDocx;
  if (zip.has("ppt/presentation.xml")) return msg::kXlsxPptx;
  return msg::kXlsxOtherZip;
}

}  // namespace

bool read_xlsx(std::string_view bytes, const SheetSelector& which, WorkbookFile* out,
               Diagnostics* diag) {
  const FileLoc at(out->path);
  Archive zip(diag->lang());
  std::string err;
  if (!zip.open(bytes, &err)) {
    diag->error(at, msg::kXlsxBadZip, err);
    return false;
  }
  const auto damaged = [&](const std::string& what) {
    diag->error(at, msg::kXlsxDamaged, what);
    return false;
  };

  // The workbook part: from the package relationships, else where every writer puts it.
  std::string workbook_part = "xl/workbook.xml";
  RelsHandler root_rels;
  if (zip.has("_rels/.rels") && zip.parse("_rels/.rels", &root_rels, &err)) {
    if (const Relationship* r = root_rels.of_type("officeDocument"))
      workbook_part = resolve_part("", r->target);
  }
  if (!zip.has(workbook_part)) {
    if (workbook_part != "xl/workbook.xml" && zip.has("xl/workbook.xml")) {
      workbook_part = "xl/workbook.xml";
    } else {
      diag->error(at, msg::kXlsxThisIs, diag->text(what_zip_is(zip)));
      return false;
    }
  }
  WorkbookHandler book;
  if (!zip.parse(workbook_part, &book, &err)) return damaged(err);
  RelsHandler rels;
  if (zip.has(rels_of(workbook_part)) && !zip.parse(rels_of(workbook_part), &rels, &err))
    return damaged(err);

  // Worksheets only: a chart sheet has no cells.
  std::vector<std::string> parts;
  std::vector<bool> hidden;
  for (const SheetEntry& s : book.sheets) {
    const Relationship* rel = nullptr;
    for (const Relationship& r : rels.rels)
      if (r.id == s.rel_id) rel = &r;
    // A chart sheet, a dialog sheet or a macro sheet is left out.
    if (!rel || !rel->type.ends_with("/worksheet")) continue;
    out->sheet_names.push_back(s.name);
    parts.push_back(resolve_part(workbook_part, rel->target));
    hidden.push_back(s.hidden);
  }
  if (out->sheet_names.empty()) {
    diag->error(at, msg::kBookNoWorksheets);
    return false;
  }
  std::vector<std::size_t> picked;
  if (!select_sheets(which, hidden, *out, &picked, diag)) return false;

  std::vector<bool> xf_is_date;
  if (const Relationship* r = rels.of_type("styles")) {
    StylesHandler styles;
    if (!zip.parse(resolve_part(workbook_part, r->target), &styles, &err)) return damaged(err);
    xf_is_date = std::move(styles.xf_is_date);
  }
  std::vector<std::string> shared;
  if (const Relationship* r = rels.of_type("sharedStrings")) {
    SharedStringsHandler sst;
    if (!zip.parse(resolve_part(workbook_part, r->target), &sst, &err)) return damaged(err);
    shared = std::move(sst.strings);
  }

  bool ok = true;
  for (std::size_t k : picked) {
    Sheet sheet;
    sheet.file = out->path;
    sheet.name = out->sheet_names[k];
    SheetHandler handler(&sheet, shared, xf_is_date, book.date1904, diag);
    if (!zip.parse(parts[k], &handler, &err)) {
      damaged(err);
      ok = false;
      continue;
    }
    // Rows out of order (a writer's liberty the format allows) are put in order.
    std::stable_sort(sheet.rows.begin(), sheet.rows.end(),
                     [](const SheetRow& a, const SheetRow& b) { return a.number < b.number; });
    ok = handler.ok && ok;
    out->sheets.push_back(std::move(sheet));
  }
  return ok;
}

}  // namespace kaoping::import_detail
