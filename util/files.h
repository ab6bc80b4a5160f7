// Files: whole reads, atomic writes, and the SHA-256 that manifests record.
#pragma once

#include <string>
#include <string_view>

namespace kaoping {

/// Reads a whole file; false and *err ("PATH: cannot open: ...") on failure.
bool read_file(const std::string& path, std::string* out, std::string* err);

/// Writes `content` to `path` atomically: a temporary file in the same directory, flushed,
/// then renamed over the target. A failed write leaves no partial file behind.
bool write_file_atomic(const std::string& path, const std::string& content, std::string* err);

/// Lowercase hex SHA-256 of bytes (FIPS 180-4).
std::string sha256_hex(std::string_view bytes);

}  // namespace kaoping
