// Reading side of util/csv.h: an RFC 4180 state machine over UTF-8 text, and the
// encoding detection that turns a GBK/GB18030 export of the national system into UTF-8.
#include "util/csv.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>
#include <unordered_map>

#include "util/encoding.h"
#include "util/files.h"
#include "util/messages.h"
#include "util/text.h"

namespace kaoping {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// A field of spaces and tabs only is as empty as an empty one (a line of spaces is blank).
bool blank_field(const std::string& f) {
  return f.find_first_not_of(" \t") == std::string::npos;
}

bool is_formula_lead(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/// One or more apostrophes, then a formula lead.
bool quoted_lead(const std::string& f) {
  const std::size_t k = f.find_first_not_of('\'');
  return k > 0 && k != std::string::npos && is_formula_lead(f[k]);
}

std::string inert_cell(const std::string& field) {
  // A text that already begins with apostrophes before a formula lead ("'=x", "''\tx") gets
  // one more, since the reader takes one off: it reads back as it was (found by the CSV fuzz
  // target).
  if (quoted_lead(field)) return '\'' + field;
  if (field.empty() || !is_formula_lead(field[0])) return field;
  // A number ("-3", "+0.5", "-1e-05") stays a number; any other text that Excel or WPS
  // would take for a formula gets the apostrophe that makes it text (OWASP CSV injection).
  const std::size_t start = field[0] == '-' || field[0] == '+' ? 1 : 0;
  if (start < field.size() &&
      (std::isdigit(static_cast<unsigned char>(field[start])) || field[start] == '.')) {
    double value = 0;
    const char* end = field.data() + field.size();
    const auto [ptr, ec] = std::from_chars(field.data() + start, end, value);
    if (ec == std::errc() && ptr == end) return field;
  }
  std::string text(1, '\'');
  text += field;
  return text;
}

/// A field as read: without the apostrophe that CsvWriter (and Excel) put before a text cell
/// starting like a formula, which is not part of the value.
std::string take_field(std::string* field) {
  if (quoted_lead(*field)) field->erase(0, 1);
  std::string f = std::move(*field);
  field->clear();
  return f;
}

}  // namespace

int CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

bool parse_csv(std::string_view text, const std::string& display_name, CsvTable* out,
               Diagnostics* diag) {
  out->file = display_name;
  out->rows.clear();
  out->row_line.clear();
  const bool ok = parse_csv(
      text, display_name, &out->header,
      [out](std::vector<std::string>& fields, int line) {
        out->rows.push_back(std::move(fields));
        out->row_line.push_back(line);
      },
      diag);
  // A structural error leaves the table empty: what was read before it cannot be trusted.
  if (out->header.empty()) {
    out->rows.clear();
    out->row_line.clear();
  }
  return ok;
}

bool parse_csv(std::string_view text, const std::string& display_name,
               std::vector<std::string>* header, const CsvRecordFn& on_record, Diagnostics* diag) {
  header->clear();
  const auto at = [&](int line, int column) { return FileLoc{display_name, line, column}; };

  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  bool blank = true;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      blank = false;
      break;
    }
  if (blank) {
    diag->error(at(1, 1), msg::kCsvEmpty);
    return false;
  }

  // A structural error empties the header: what was read before it cannot be trusted.
  const auto fatal = [&]() {
    header->clear();
    return false;
  };
  bool ok = true;
  bool have_header = false;
  const Message* separator = nullptr;  // set when the header is split by something else
  std::vector<std::string> record;
  std::string field;
  int line = 1;         // physical line of the cursor
  int record_line = 1;  // physical line where the current record started
  bool in_quotes = false;
  bool was_quoted = false;   // the current field opened with a quote
  bool after_quote = false;  // a quoted field has closed; only ',' or a line end may follow
  int quote_line = 0;        // where the open quote was, for an unterminated one

  const auto end_record = [&]() {
    record.push_back(take_field(&field));
    was_quoted = after_quote = false;
    bool all_empty = true;
    for (const std::string& f : record)
      if (!blank_field(f)) {
        all_empty = false;
        break;
      }
    // Blank lines (and rows of bare commas that spreadsheets leave) carry no data.
    if (!(all_empty && (record.size() == 1 || have_header))) {
      if (!have_header) {
        *header = std::move(record);
        for (std::string& h : *header) {
          // Header names are matched exactly; surrounding spaces are a spreadsheet accident.
          std::size_t b = h.find_first_not_of(" \t");
          std::size_t e = h.find_last_not_of(" \t");
          h = b == std::string::npos ? std::string() : h.substr(b, e - b + 1);
        }
        have_header = true;
        if (header->size() == 1) {
          const std::string& h = (*header)[0];
          const Message* sep = h.find('\t') != std::string::npos  ? &msg::kCsvTabs
                               : h.find(';') != std::string::npos ? &msg::kCsvSemicolons
                                                                  : nullptr;
          if (sep) separator = sep;
        }
      } else if (record.size() != header->size()) {
        const bool is_short = record.size() < header->size();
        diag->error(at(record_line, static_cast<int>(std::min(record.size(), header->size()) + 1)),
                    is_short ? msg::kCsvFieldCountShort : msg::kCsvFieldCountLong, record.size(),
                    header->size());
        ok = false;
      } else {
        on_record(record, record_line);
      }
    }
    record.clear();
  };

  // In a binary file the NUL is the clearer diagnosis, even after bytes that are not UTF-8.
  const bool has_nul = text.find('\0') != std::string_view::npos;
  const auto separator_error = [&]() {
    diag->error(at(1, 1), msg::kCsvSeparator, diag->text(*separator));
    return fatal();
  };
  for (std::size_t i = 0; i < text.size();) {
    if (separator) return separator_error();
    const char c = text[i];
    const auto uc = static_cast<unsigned char>(c);
    if (c == '\0') {
      diag->error(at(line, static_cast<int>(record.size() + 1)), msg::kCsvNul);
      return fatal();
    }
    if (uc >= 0x80) {
      std::size_t n = utf8_sequence_length(text, i);
      if (n == 0 && has_nul) {
        ++i;
        continue;
      }
      if (n == 0) {
        diag->error(at(line, static_cast<int>(record.size() + 1)), msg::kCsvNotUtf8, hex_byte(uc));
        return fatal();
      }
      if (after_quote) {
        diag->error(at(line, static_cast<int>(record.size() + 1)), msg::kCsvAfterQuote);
        return fatal();
      }
      field.append(text.substr(i, n));
      i += n;
      continue;
    }
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        in_quotes = false;
        after_quote = true;
        ++i;
        continue;
      }
      if (c == '\n') ++line;
      if (c == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n')) ++line;
      field += c;
      ++i;
      continue;
    }
    if (c == ',') {
      record.push_back(take_field(&field));
      was_quoted = after_quote = false;
      ++i;
      continue;
    }
    if (c == '\n' || c == '\r') {
      // CRLF, LF and a lone CR all end a record.
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      end_record();
      ++line;
      record_line = line;
      continue;
    }
    if (after_quote) {
      diag->error(at(line, static_cast<int>(record.size() + 1)), msg::kCsvAfterQuote);
      return fatal();
    }
    if (c == '"') {
      if (field.empty() && !was_quoted) {
        in_quotes = was_quoted = true;
        quote_line = line;
        ++i;
        continue;
      }
      diag->error(at(line, static_cast<int>(record.size() + 1)), msg::kCsvStrayQuote);
      return fatal();
    }
    // Plain ASCII runs are copied at once: the bulk of a registry is ids and numbers.
    std::size_t j = i + 1;
    while (j < text.size()) {
      const auto b = static_cast<unsigned char>(text[j]);
      if (b >= 0x80 || b == ',' || b == '\n' || b == '\r' || b == '"' || b == 0) break;
      ++j;
    }
    field.append(text.substr(i, j - i));
    i = j;
  }
  if (in_quotes) {
    diag->error(at(quote_line, static_cast<int>(record.size() + 1)), msg::kCsvUnterminated);
    return fatal();
  }
  if (!field.empty() || !record.empty() || was_quoted) end_record();
  if (separator) return separator_error();
  if (!have_header) {
    diag->error(at(1, 1), msg::kCsvEmpty);
    return false;
  }
  // One pass with a hash of the names seen: a header of 100,000 columns stays linear.
  std::unordered_map<std::string_view, std::size_t> first_column;
  first_column.reserve(header->size());
  for (std::size_t j = 0; j < header->size(); ++j) {
    const std::string& name = (*header)[j];
    if (name.empty()) continue;
    const auto [it, fresh] = first_column.emplace(name, j);
    if (fresh) continue;
    diag->error(at(1, static_cast<int>(j + 1)), msg::kCsvDuplicateColumn, name, it->second + 1);
    ok = false;
  }
  return ok;
}

bool read_csv_text(const std::string& path, const std::string& display_name, std::string* storage,
                   std::string_view* text, Diagnostics* diag, std::string* raw, std::string* sha256,
                   int64_t max_bytes) {
  std::string err;
  storage->clear();
  *text = std::string_view();
  if (!read_file(path, storage, &err, max_bytes, diag->lang())) {
    if (sha256) *sha256 = sha256_hex("");
    diag->error({display_name, 0, 0}, err);
    return false;
  }
  if (raw) *raw = *storage;
  if (sha256) *sha256 = sha256_hex(*storage);
  std::string_view bytes = *storage;
  // UTF-16 with a byte order mark is what Excel's "Unicode text" export writes; the mark
  // makes the encoding certain, so convert it rather than call the file binary.
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    std::string converted;
    if (!iconv_to_utf8(bytes, "UTF-16", &converted)) {
      diag->error({display_name, 1, 1}, msg::kCsvBadUtf16);
      return false;
    }
    diag->warning({display_name, 0, 0}, msg::kCsvUtf16);
    *storage = std::move(converted);
    *text = *storage;
    return true;
  }
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  // Encoding: UTF-8 is parsed as is. Otherwise, unless the file is clearly UTF-8 with a few
  // damaged bytes, try GB18030 (what the national system exports); a clean conversion is
  // loaded with a warning, anything else is left to parse_csv, which reports the first
  // invalid byte with its place and how to convert the file.
  if (bytes.find('\0') == std::string_view::npos) {
    std::size_t valid_multi = 0, invalid = 0;
    utf8_census(bytes, &valid_multi, &invalid);
    if (invalid > 0 && valid_multi < invalid) {
      std::string converted;
      if (gb18030_to_utf8(bytes, &converted)) {
        diag->warning({display_name, 0, 0}, msg::kCsvGbk);
        *storage = std::move(converted);
        *text = *storage;
        return true;
      }
    }
  }
  *text = bytes;
  return true;
}

bool read_csv(const std::string& path, const std::string& display_name, CsvTable* out,
              Diagnostics* diag, std::string* raw, int64_t max_bytes) {
  out->file = display_name;
  std::string storage;
  std::string_view text;
  if (!read_csv_text(path, display_name, &storage, &text, diag, raw, nullptr, max_bytes))
    return false;
  return parse_csv(text, display_name, out, diag);
}

CsvWriter& CsvWriter::row(const std::vector<std::string>& raw_fields) {
  for (std::size_t i = 0; i < raw_fields.size(); ++i) {
    if (i) text_ += ',';
    const std::string f = inert_cell(raw_fields[i]);
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      text_ += f;
      continue;
    }
    text_ += '"';
    for (char c : f) {
      if (c == '"') text_ += '"';
      text_ += c;
    }
    text_ += '"';
  }
  text_ += '\n';
  return *this;
}

}  // namespace kaoping
