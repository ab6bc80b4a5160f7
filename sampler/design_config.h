// design: how the evaluators draw the sample (SPEC §2), as the sampler reads it.
#pragma once

#include <vector>

#include "registry/registry.h"
#include "util/diagnostics.h"

namespace kaoping {

enum class TownshipSelection { kSrs, kPps };
enum class TierMethod { kComposite, kPca, kLabel };
/// design: how the evaluators draw the sample. Ranges are those load_config enforces.
struct DesignConfig {
  int townships = 3;  ///< drawn per county, >= 1
  TownshipSelection township_selection = TownshipSelection::kSrs;
  /// One village per listed tier and township; non-empty, no tier twice, in config order.
  std::vector<Tier> tiers = {Tier::kGood, Tier::kMedium, Tier::kPoor};
  TierMethod tier_method = TierMethod::kComposite;
  /// Composite-index weights of the z-scored indicators; each >= 0, not all 0.
  double weight_natural = 1, weight_transport = 1, weight_economic = 1;
  int households_per_village = 43;  ///< minimum per village, >= 1
  /// Quota per Category (poor includes planned_exit), index = Category; each >= 0.
  int quota[kCategoryCount] = {15, 13, 15};
  /// Villages drawn per tier and township, index = Tier, each >= 1 (SPEC §2): equal
  /// probability without replacement; a township with fewer of a design tier is not eligible.
  int villages_per_tier[kTierCount] = {1, 1, 1};
  /// Villages of one tier drawn in each township.
  int villages_of(Tier t) const { return villages_per_tier[static_cast<int>(t)]; }
  /// Villages drawn in all: townships × the villages of every design tier.
  int villages_drawn() const {
    int per_township = 0;
    for (Tier t : tiers) per_township += villages_of(t);
    return townships * per_township;
  }
  /// Where each value was written ("design.townships" -> my.yaml:4:3), for the semantic
  /// errors of the modules that use it.
  KeyLocations locs;
};

}  // namespace kaoping
