// Diagnostics: where a problem is and what it is. The library collects them; only cli/ prints.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kaoping {

/// A place in an input file. Lines and columns are 1-based; 0 means "not known".
struct FileLoc {
  std::string file;  ///< file name as the user should see it (e.g. "households.csv")
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  FileLoc loc;
  std::string message;
  /// "file:line:column: error: message" (line/column left out when unknown).
  std::string format() const;
};

/// Collects errors and warnings, up to a limit of errors, in the order found.
class Diagnostics {
 public:
  explicit Diagnostics(std::size_t max_errors = 100) : max_errors_(max_errors) {}
  void error(const FileLoc& loc, std::string message);
  void warning(const FileLoc& loc, std::string message);
  bool has_errors() const { return errors_ > 0; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return items_.size() - errors_stored_; }
  /// True once the error limit has been reached; loaders may stop early then.
  bool full() const { return errors_ >= max_errors_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Errors past the limit are counted, not stored.
  std::size_t suppressed_errors() const { return errors_ - errors_stored_; }

 private:
  std::size_t max_errors_;
  std::size_t errors_ = 0;
  std::size_t errors_stored_ = 0;
  std::vector<Diagnostic> items_;
};

}  // namespace kaoping
