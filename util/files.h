// Files: whole reads, atomic writes, and the SHA-256 that manifests record.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/lang.h"

namespace kaoping {

/// Reads a whole regular file of at most `max_bytes` (negative: limits::max_input_bytes(),
/// 1 GiB); false and *err ("PATH: cannot open: ...", "PATH: is not a regular file ...",
/// "PATH: is larger than ...") otherwise. A FIFO or a device is refused without blocking.
/// *err is in `lang` (English unless the caller says otherwise).
bool read_file(const std::string& path, std::string* out, std::string* err, int64_t max_bytes = -1,
               Lang lang = Lang::kEn);

/// Writes `content` to `path` atomically: a temporary file of an unguessable name created
/// beside the target with O_EXCL|O_NOFOLLOW (a planted link is never followed), written,
/// fsynced, renamed over the target, and the directory fsynced. Only a regular file is ever
/// replaced (not a link, device, FIFO or directory). A failed write leaves no partial file.
bool write_file_atomic(const std::string& path, const std::string& content, std::string* err,
                       Lang lang = Lang::kEn);

/// Writes all of `bytes` to the descriptor `fd`, again after an interrupted or partial
/// write; false (errno saying why) when a write fails.
bool write_all(int fd, std::string_view bytes);

/// True when `path` is missing or a regular file (not a link, device, FIFO or directory);
/// false and *err ("PATH: exists and is not a regular file; ...") otherwise.
bool check_replaceable_file(const std::string& path, std::string* err);

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

/// A run's output directory, put in place whole or not at all. open() checks the directory
/// (an existing non-empty one only with `force`, and only when it is an earlier kaoping
/// output; never when it is or holds one of `inputs`) and creates a fresh staging directory
/// beside it; the run writes into path(); commit() swaps the finished set into place with one
/// renameat2(RENAME_EXCHANGE) (RENAME_NOREPLACE when the directory is new) and removes the
/// old set. Without commit() (an error, a crash) the directory keeps its earlier content; the
/// staging directory is removed on destruction.
class OutputDir {
 public:
  OutputDir() = default;
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;
  ~OutputDir();

  bool open(const std::string& dir, bool force, const std::vector<std::string>& inputs,
            std::string* err);
  /// Where the run writes its files (empty before open()).
  const std::string& path() const { return stage_; }
  bool is_open() const { return !stage_.empty(); }
  /// Moves the finished set into place; false and *err when it cannot (nothing changed).
  bool commit(std::string* err);
  /// Removes the staging directory and what was written into it.
  void discard();

 private:
  std::string target_, stage_, shown_;
  bool force_ = false;
};

}  // namespace kaoping
