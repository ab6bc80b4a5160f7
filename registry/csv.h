// CSV reading (RFC 4180, UTF-8 with or without BOM, CRLF, GBK/GB18030 detection) and
// writing, plus atomic file output. Shared by every module that reads or writes tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "registry/diagnostics.h"

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
bool read_csv(const std::string& path, const std::string& display_name, CsvTable* out,
              Diagnostics* diag, std::string* raw = nullptr);

/// Reads a whole file; false and *err on failure.
bool read_file(const std::string& path, std::string* out, std::string* err);

/// Writes `content` to `path` atomically: a temporary file in the same directory, flushed,
/// then renamed over the target. A failed write leaves no partial file behind.
bool write_file_atomic(const std::string& path, const std::string& content, std::string* err);

/// Lowercase hex SHA-256 of bytes (FIPS 180-4).
std::string sha256_hex(std::string_view bytes);

/// Builds CSV text with RFC 4180 quoting, LF line ends, no BOM.
class CsvWriter {
 public:
  explicit CsvWriter(const std::vector<std::string>& header) { row(header); }
  CsvWriter& row(const std::vector<std::string>& fields);
  const std::string& str() const { return text_; }

 private:
  std::string text_;
};

/// Shortest decimal text that reads back as the same double ("0.1", "1", "0.0123").
std::string format_double(double value);

}  // namespace kaoping
