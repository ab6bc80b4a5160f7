// import (SPEC §2): what `kaoping import` takes from the configuration.
#pragma once

#include "util/diagnostics.h"

namespace kaoping {

/// import: how verified flags are set for households that no verification sheet lists.
struct ImportConfig {
  /// Registered households not in a verification sheet count as verified (挂包帮: the cadres
  /// visit every registered household); roster households never do.
  bool registered_verified = true;
  /// Where each value was written ("import.registered_verified" -> my.yaml:4:3).
  KeyLocations locs;
};

}  // namespace kaoping
