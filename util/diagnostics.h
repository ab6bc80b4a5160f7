// Diagnostics: where a problem is and what it is. The library collects them; only cli/ prints.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "util/lang.h"

namespace kaoping {

/// A place in an input file. Lines and columns are 1-based; 0 means "not known". In a
/// workbook the place is a cell instead: `cell` holds "SHEET!CELL" (e.g. "Sheet1!J27") and
/// the message reads "FILE:SHEET!CELL: error: ...".
struct FileLoc {
  FileLoc() = default;
  FileLoc(std::string file_name, int line_number = 0, int column_number = 0)
      : file(std::move(file_name)), line(line_number), column(column_number) {}
  /// A cell of a workbook: FileLoc::in_cell("export.xlsx", "Sheet1!J27").
  static FileLoc in_cell(std::string file_name, std::string sheet_cell) {
    FileLoc loc(std::move(file_name));
    loc.cell = std::move(sheet_cell);
    return loc;
  }

  std::string file;  ///< file name as the user should see it (e.g. "households.csv")
  int line = 0;
  int column = 0;
  std::string cell;  ///< "SHEET!CELL" in a workbook; empty in a text file
};

/// Where each value of a configuration section was written, by dotted key
/// ("design.townships" -> my.yaml:4:3, or --set:1:18), so that a module that finds a value
/// impossible for the data can say where it came from.
class KeyLocations {
 public:
  void set(const std::string& key, const FileLoc& loc) { locs_[key] = loc; }
  /// The place of `key`, or an empty FileLoc when it was never written (a built-in value).
  FileLoc at(const std::string& key) const {
    auto it = locs_.find(key);
    return it == locs_.end() ? FileLoc{} : it->second;
  }
  /// The places of the keys under `section` ("design" keeps "design.townships", ...).
  KeyLocations section(const std::string& section) const {
    KeyLocations out;
    const std::string prefix = section + ".";
    for (auto it = locs_.lower_bound(prefix); it != locs_.end() && it->first.rfind(prefix, 0) == 0;
         ++it)
      out.locs_.insert(*it);
    return out;
  }

 private:
  std::map<std::string, FileLoc> locs_;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  FileLoc loc;
  std::string message;
  /// "file:line:column: error: message" (line/column left out when unknown).
  std::string format() const;
};

/// Collects errors and warnings, up to a limit of errors, in the order found, in the language
/// they are to be read in (the CLI passes that of --lang: Chinese unless --lang en; a library
/// caller that says nothing gets English).
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t max_errors = 100, Lang lang = Lang::kEn)
      : max_errors_(max_errors), lang_(lang) {}
  explicit Diagnostics(Lang lang) : Diagnostics(100, lang) {}
  void error(const FileLoc& loc, std::string message);
  void warning(const FileLoc& loc, std::string message);
  /// An error or warning given as a message of a room's messages.h and its arguments.
  template <typename... Args>
  void error(const FileLoc& loc, const Message& m, const Args&... args) {
    error(loc, render(m, lang_, args...));
  }
  template <typename... Args>
  void warning(const FileLoc& loc, const Message& m, const Args&... args) {
    warning(loc, render(m, lang_, args...));
  }
  /// The text of `m` in the language of these diagnostics (for parts of a message).
  template <typename... Args>
  std::string text(const Message& m, const Args&... args) const {
    return render(m, lang_, args...);
  }
  Lang lang() const { return lang_; }
  std::size_t max_errors() const { return max_errors_; }
  bool has_errors() const { return errors_ > 0; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return items_.size() - errors_stored_; }
  /// True once the error limit has been reached; loaders may stop early then, and cut()
  /// remembers that they were told to (the errors after it are not counted).
  bool full() const {
    if (errors_ >= max_errors_) cut_ = true;
    return cut_;
  }
  /// True when a loader was told to stop: more errors may follow than were counted.
  bool cut() const { return cut_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Errors past the limit are counted, not stored.
  std::size_t suppressed_errors() const { return errors_ - errors_stored_; }

 private:
  std::size_t max_errors_;
  Lang lang_;
  std::size_t errors_ = 0;
  std::size_t errors_stored_ = 0;
  mutable bool cut_ = false;
  std::vector<Diagnostic> items_;
};

}  // namespace kaoping
