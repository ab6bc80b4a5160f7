// Checks that need more than one cell: unique ids, references between files, members.csv
// against households.csv, the staff roster against the registry; and the checks of a
// registry built in memory. Internal to registry/: the entry points for other modules are
// in registry/load.h (load_registry, load_staff, validate_registry).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "registry/registry.h"
#include "util/diagnostics.h"

namespace kaoping {

/// Where the records of one file came from, so that a check can point at file, line and
/// column, or name the record when it was built in memory.
struct Source {
  std::string file;
  bool present = false;  ///< the file was read (references into it can be checked)
  bool failed = false;   ///< the file had structural errors: skip references into it
  /// References into this file can be checked: it was read and no record was dropped.
  bool checkable() const { return present && !failed; }
  std::vector<int> line;                        ///< per record; empty when built in memory
  std::unordered_map<std::string, int> column;  ///< 1-based column of each header name

  FileLoc at(std::size_t record, std::string_view name) const;
  /// "household "H1": " when there are no line numbers to say which record is meant.
  std::string who(std::size_t record, std::string_view kind, std::string_view id,
                  Lang lang = Lang::kEn) const;
  /// Where the first of two duplicates is.
  std::string first(std::size_t record, Lang lang = Lang::kEn) const;
};

/// The six files of a registry, named as the schema names them.
struct Sources {
  Source townships, villages, groups, households, members, staff;
  Sources();
};

/// Ids, references, empty units and members.csv of a registry, wherever it came from, and
/// the staff roster when it has one; fills the Registry's id maps and index fields on the
/// way. `field_checks` adds the schema's per-record checks, which the loader makes on the
/// text: for a registry built in memory.
void cross_check(Registry* reg, const Sources& src, bool field_checks, Diagnostics* diag);

/// The staff roster against the registry: unique ids, villages, groups (and, with
/// `field_checks`, each record against the schema).
void check_staff(Registry& reg, const Source& src, const Sources& all, bool field_checks,
                 Diagnostics* diag);

}  // namespace kaoping
