// CSV reading (RFC 4180, UTF-8 with or without BOM, CRLF, GBK/GB18030 detection) and
// writing. Shared by every module that reads or writes tables.
#pragma once

#include <cstdint>
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
