// Drawing one sample (SPEC §3 steps 1–3) and the field visit that follows it (step 4).
// The sampler knows nothing of audits: a Draw is plain data that the audit engine, the
// Monte Carlo driver and the scheduler consume.
#pragma once

#include <cstdint>
#include <vector>

#include "registry/registry.h"
#include "sampler/design.h"
#include "sampler/design_config.h"
#include "sampler/draw.h"
#include "util/lang.h"
#include "util/rng.h"

namespace kaoping {

/// Stage 1, srs: n of `eligible` with equal probability without replacement (Floyd's
/// algorithm), ascending. Draws from `rng` only.
std::vector<int> select_townships_srs(const std::vector<int>& eligible, int n, Rng& rng);
/// The same draw into `out`, with `taken` as working memory: both keep their capacity, so the
/// Monte Carlo engine draws its townships without allocating.
void select_townships_srs(const std::vector<int>& eligible, int n, Rng& rng, std::vector<int>* out,
                          std::vector<uint8_t>* taken);

/// Stage 2: k villages of one tier of a township with equal probability without replacement
/// (design.villages_per_tier), in the order drawn: one index draw for k = 1, Floyd's
/// algorithm (ascending) otherwise. k <= tier.size() (the township is eligible).
std::vector<int> select_villages(const std::vector<int>& tier, int k, Rng& rng);

/// Stage 1, pps: the certainty units of `design` plus the rest drawn by systematic PPS on a
/// randomly ordered list (Madow's method after a random permutation), in integer arithmetic
/// so that π = n'·size/total' holds exactly. Ascending township indices.
std::vector<int> select_townships_pps(const Design& design, int n, Rng& rng);

/// Stage 3 for one village: appends the sample rows and the reserve rows of village `v`
/// (township `t`, tier `tier`, village-stage probability `pi_village` = π(township) ·
/// π(village | township)) to out->rows, in category order, sample rows by ascending
/// household index then reserve rows by rank. A village smaller than
/// households_per_village is taken whole and a warning (in `lang`) added to out->warnings.
void sample_village(const Registry& reg, const DesignConfig& dc, const Design& design, int v, int t,
                    Tier tier, double pi_village, Rng& rng, Draw* out, Lang lang = Lang::kEn);

/// Draws replicate `replicate` of seed `seed`: townships from Stream::kTownships, villages
/// from Stream::kVillages, households from Stream::kHouseholds. The design must have been
/// built by build_design (so the draw is always possible). Warnings are in `lang`.
void draw_sample(const Registry& reg, const DesignConfig& config, const Design& design,
                 uint64_t seed, uint64_t replicate, Draw* out, Lang lang = Lang::kEn);

/// What happened to a draw row in the field.
enum class Visit : uint8_t {
  kNotVisited = 0,  ///< a reserve household never called on
  kSurveyed,        ///< at home and interviewed
  kAbsent,          ///< visited, not at home: counts in no rate
};

/// The field visit of one draw (SPEC §3 step 4).
struct Fieldwork {
  std::vector<Visit> visit;   ///< per Draw::rows entry
  std::vector<int> surveyed;  ///< Draw::rows indices of surveyed households, in visit order
  /// Per (village, category) group of the draw, in order of first appearance: the village
  /// index, the category and the households short (absent and no reserve left).
  struct Shortfall {
    int village = -1;
    Category category = Category::kPoor;
    int missing = 0;
  };
  std::vector<Shortfall> shortfalls;  ///< only groups with missing > 0
  int absent = 0;                     ///< households visited and not at home
  int short_total = 0;                ///< sum of missing
};

/// Visits the sample of `draw`: each sample household i is at home with probability
/// presence[i] (per household of the registry; the audit layer fills it from
/// presence_probability of audit/rules.h, which the sampler must not include); an absent one
/// is replaced by the next reserve household (by rank) of its village and category, who may
/// be absent too; when the reserve runs out the group is short. One uniform from
/// Stream::kPresence of (seed, replicate) per household visited, in visit order.
void visit_field(const Draw& draw, const std::vector<double>& presence, uint64_t seed,
                 uint64_t replicate, Fieldwork* out);

}  // namespace kaoping
