// The synthetic county: calibrated to the county of DOMAIN.md §5 (profile default) or small
// enough for unit tests (profile small). The same (profile, seed) always gives the same data.
#pragma once

#include <cstdint>

#include "registry/registry.h"

namespace kaoping {

enum class Profile { kDefault, kSmall };

/// Builds a county in memory, staff roster and members included, indexes built.
Registry generate_county(Profile profile, uint64_t seed);

}  // namespace kaoping
