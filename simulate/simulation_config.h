// simulation (SPEC §2): how many replicates, from which seed, on how many threads.
#pragma once

#include <cstdint>

#include "util/diagnostics.h"

namespace kaoping {

struct SimulationConfig {
  int64_t runs = 100000;        ///< replicates, >= 1
  uint64_t seed = 20170905;     ///< any 64-bit value
  int threads = 0;              ///< 0 = all cores
  double target_halfwidth = 0;  ///< > 0: stop once the 95% CI half-width is reached
  /// Where each value was written ("design.townships" -> my.yaml:4:3), for the semantic
  /// errors of the modules that use it.
  KeyLocations locs;
};

}  // namespace kaoping
