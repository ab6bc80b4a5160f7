// The synthetic county: calibrated to the county of DOMAIN.md §5 (profile default) or small
// enough for unit tests (profile small). The same (profile, seed) always gives the same data.
#pragma once

#include <cstdint>
#include <string>

#include "registry/registry.h"

namespace kaoping {

enum class Profile { kDefault, kSmall };

/// Builds a county in memory, staff roster and members included, indexes built.
Registry generate_county(Profile profile, uint64_t seed);

/// Writes every file of SPEC §1 (townships, villages, groups, households, members, staff)
/// into `dir` (created if missing), UTF-8 without BOM, each file atomically.
bool write_registry(const Registry& reg, const std::string& dir, std::string* err);

}  // namespace kaoping
