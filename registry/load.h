// Loading and validating a registry directory (SPEC §1).
#pragma once

#include <string>

#include "registry/registry.h"
#include "util/diagnostics.h"

namespace kaoping {

/// Reads townships.csv, villages.csv, households.csv and, when present, groups.csv,
/// members.csv and staff.csv from `dir`, validating every rule of SPEC §1 (required
/// columns, types and ranges, enums, unique ids, references, ID-number checksums,
/// exit_year for exited households, members.csv against households.csv). Every problem is
/// reported to *diag at file:line:column; warnings (unknown columns, encoding converted)
/// too. Returns false, with *out unspecified, when there is any error.
bool load_registry(const std::string& dir, Registry* out, Diagnostics* diag);

/// Reads a staff roster (SPEC §1 staff.csv) into reg->staff, checking it against the
/// registry's villages, groups and ids. Returns false on any error.
bool load_staff(const std::string& path, Registry* reg, Diagnostics* diag);

/// Checks a registry built in memory (e.g. by the generator) with the same rules the
/// loader applies; used by tests and by `validate` on the default county.
bool validate_registry(Registry* reg, Diagnostics* diag);

/// True when `id` is an 18-character resident ID number with a valid GB 11643 checksum, or
/// a 20-character disability certificate number (such an ID followed by two digits).
bool valid_id_number(const std::string& id);

/// Warnings, not errors, for what `schedule` will miss in a valid registry: no staff.csv
/// (the guides and interpreters), no groups.csv, or groups without a contact (the party
/// member who notifies the households). For `validate`, which checks a registry before the
/// day; the other commands do not need them.
void warn_schedule_gaps(const Registry& reg, Diagnostics* diag);

}  // namespace kaoping
