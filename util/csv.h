// CSV reading (RFC 4180, UTF-8 with or without BOM, CRLF, GBK/GB18030 detection) and
// writing. Shared by every module that reads or writes tables.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.h"

namespace kaoping {

/// A parsed CSV file: header and records, each record with the physical line it starts on.
struct CsvTable {
  std::string file;  ///< name used in diagnostics
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_line;  ///< 1-based physical line where each record starts

  /// Index of a header column, or -1.
  int column(std::string_view name) const;
};

/// Parses CSV text. Accepts a UTF-8 BOM, CRLF or LF, quoted fields with commas, quotes and
/// newlines. Text that is not valid UTF-8 is rejected (GB18030 detected and converted by
/// read_csv, not here). Structural problems (unterminated quote, stray quote, NUL bytes,
/// empty file) are errors at file:line:column. Returns false on any error.
bool parse_csv(std::string_view text, const std::string& display_name, CsvTable* out,
               Diagnostics* diag);

/// Receives each record of a CSV text: its fields (which it may move from) and the physical
/// line where it starts.
using CsvRecordFn = std::function<void(std::vector<std::string>& fields, int line)>;

/// Parses CSV text as the function above does, with the same diagnostics in the same order,
/// but hands each record to `on_record` as soon as it is read instead of keeping it, so that
/// a file of a million rows is never held as a table. `header` receives the header before
/// the first record. After a structural error `header` is emptied: the records already
/// handed over cannot be trusted.
bool parse_csv(std::string_view text, const std::string& display_name,
               std::vector<std::string>* header, const CsvRecordFn& on_record, Diagnostics* diag);

/// Reads a CSV file and brings it to UTF-8 as read_csv does (GBK/GB18030 and UTF-16
/// converted with a warning), without parsing it: `text` views what to give parse_csv,
/// held by `storage`. `raw` receives a copy of the file's bytes and `sha256` their hash (for
/// the manifest, without a copy) when not null. False, with an error in *diag, when the file
/// cannot be read or converted.
bool read_csv_text(const std::string& path, const std::string& display_name, std::string* storage,
                   std::string_view* text, Diagnostics* diag, std::string* raw = nullptr,
                   std::string* sha256 = nullptr, int64_t max_bytes = -1);

/// Reads and parses a CSV file. A file in GBK/GB18030 (as exported by the national system)
/// is detected and converted to UTF-8 with a warning; bytes that are neither are an error
/// naming the encoding problem and how to convert. `raw` receives the file's bytes (for
/// the manifest hash) when not null.
/// At most `max_bytes` are read (negative: the bound of util/files.h read_file).
bool read_csv(const std::string& path, const std::string& display_name, CsvTable* out,
              Diagnostics* diag, std::string* raw = nullptr, int64_t max_bytes = -1);

/// The UTF-8 byte order mark that starts every CSV kaoping writes (SPEC §4), so that Excel and
/// WPS on Chinese Windows open the file as UTF-8.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

/// Builds CSV text: a UTF-8 BOM, then RFC 4180 quoting and LF line ends.
class CsvWriter {
 public:
  explicit CsvWriter(const std::vector<std::string>& header) : text_(kUtf8Bom) { row(header); }
  CsvWriter& row(const std::vector<std::string>& fields);
  const std::string& str() const { return text_; }

 private:
  std::string text_;
};

}  // namespace kaoping
