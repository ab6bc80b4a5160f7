// Files: whole reads, atomic writes, and the SHA-256 that manifests record.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/lang.h"

namespace kaoping {

// *err is in `lang` (English unless the caller says otherwise).

/// Reads a whole file; false and *err ("PATH: cannot open: ...") on failure.
bool read_file(const std::string& path, std::string* out, std::string* err, Lang lang = Lang::kEn);

/// Writes `content` to `path` atomically: a temporary file in the same directory, flushed,
/// then renamed over the target. A failed write leaves no partial file behind.
bool write_file_atomic(const std::string& path, const std::string& content, std::string* err,
                       Lang lang = Lang::kEn);

/// Lowercase hex SHA-256 of bytes (FIPS 180-4).
std::string sha256_hex(std::string_view bytes);

/// True when `target` exists and is the same file (or directory) as one of `paths` (empty
/// paths are skipped): an output must never replace an input.
bool is_one_of(const std::string& target, const std::vector<std::string>& paths);

/// Makes `dir` ready to receive a run's outputs: created when missing; an existing non-empty
/// directory is refused unless `force`, and so is a directory that is one of `inputs` or
/// a path that is not a directory. False and *err ("DIR: ...") otherwise.
bool prepare_output_dir(const std::string& dir, bool force, const std::vector<std::string>& inputs,
                        std::string* err, Lang lang = Lang::kEn);

/// Writes each (name, content) of `files` into `dir`, atomically, after checking that none of
/// them would replace one of `inputs` (then nothing is written). False and *err otherwise.
bool write_files_into(const std::string& dir,
                      const std::vector<std::pair<std::string, std::string>>& files,
                      const std::vector<std::string>& inputs, std::string* err,
                      Lang lang = Lang::kEn);

/// Writes one output file atomically, creating its directory when missing. A path that is
/// one of `inputs` is refused, and so is an existing file unless `force`. False and *err.
bool write_output_file(const std::string& path, const std::string& content,
                       const std::vector<std::string>& inputs, bool force, std::string* err,
                       Lang lang = Lang::kEn);

}  // namespace kaoping
