// simulation (SPEC §2): how many replicates, from which seed, on how many threads.
#pragma once

#include <array>
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

/// sensitivity (SPEC §2, §4): the plausible range [low, high] of each assumption the office
/// cannot know for sure, for `simulate --sensitivity`.
struct SensitivityConfig {
  std::array<double, 2> income_noise{0.05, 0.20};  ///< evaluator.income_noise, each >= 0
  std::array<double, 2> presence{0.85, 0.99};      ///< evaluator.presence, each in [0,1]
  /// Added to every status's evaluator.satisfaction (the sums kept in [0,1]), each in [-1,1].
  std::array<double, 2> satisfaction_shift{-0.03, 0.03};
  /// Multiplies every status's evaluator.unverified_fault (the products kept <= 1), >= 0.
  std::array<double, 2> unverified_fault_factor{0.5, 2.0};
  KeyLocations locs;
};

}  // namespace kaoping
