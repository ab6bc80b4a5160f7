// The sampling design of SPEC §3 that does not change between draws: village tiers, the
// eligible townships and their inclusion probabilities, the villages of each tier and the
// households of each village by category.
#pragma once

#include <array>
#include <vector>

#include "registry/registry.h"
#include "sampler/design_config.h"
#include "util/diagnostics.h"

namespace kaoping {

struct Design {
  std::vector<Tier> village_tier;     ///< per village: label or computed tier
  std::vector<double> village_index;  ///< per village: composite/PCA index (NaN for label)
  /// Townships with design.villages_per_tier villages (or more) in every design tier.
  std::vector<int> eligible_townships;
  /// Per township: first-order inclusion probability of the township stage (0 if not
  /// eligible). srs: n/N; pps: 1 for certainty units, n'·size/total' for the others.
  std::vector<double> township_pi;
  /// Per township: is a pps certainty unit.
  std::vector<uint8_t> township_certain;
  /// [township][tier]: villages of that tier in that township, ascending village index.
  std::vector<std::array<std::vector<int>, kTierCount>> tier_villages;
  /// [village][category]: household indices, ascending.
  std::vector<std::array<std::vector<int>, kCategoryCount>> pools;
  /// Households per township (the pps size measure).
  std::vector<int64_t> township_households;
};

/// Builds the design. Errors (e.g. more townships asked for than are eligible, a label
/// tier missing under tier_method: label) go to *diag; returns false then.
bool build_design(const Registry& reg, const DesignConfig& config, Design* out, Diagnostics* diag);

}  // namespace kaoping
