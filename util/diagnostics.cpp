#include "util/diagnostics.h"

namespace kaoping {

std::string Diagnostic::format() const {
  std::string out = loc.file.empty() ? std::string("kaoping") : loc.file;
  if (!loc.cell.empty()) {
    out += ':' + loc.cell;
  } else if (loc.line > 0) {
    out += ':' + std::to_string(loc.line);
    if (loc.column > 0) out += ':' + std::to_string(loc.column);
  }
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

void Diagnostics::error(const FileLoc& loc, std::string message) {
  ++errors_;
  if (errors_ > max_errors_) return;
  ++errors_stored_;
  items_.push_back({Severity::kError, loc, std::move(message)});
}

void Diagnostics::warning(const FileLoc& loc, std::string message) {
  items_.push_back({Severity::kWarning, loc, std::move(message)});
}

}  // namespace kaoping
