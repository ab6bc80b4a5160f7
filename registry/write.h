// Writing a registry as the directory of CSV files that load_registry reads (SPEC §1).
#pragma once

#include <string>

#include "registry/registry.h"

namespace kaoping {

/// Writes every file of SPEC §1 (townships, villages, groups, households, and members and
/// staff when the registry has them) into `dir` (created if missing), every column of the
/// schema in its order, UTF-8 without BOM, each file atomically. False with *err set when a
/// directory or file cannot be written.
bool write_registry(const Registry& reg, const std::string& dir, std::string* err);

}  // namespace kaoping
