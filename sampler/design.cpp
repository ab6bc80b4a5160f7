// The fixed part of the sampling design (SPEC §3): village tiers, eligible townships and
// their first-order inclusion probabilities, and the sampling frames of each stage.
#include "sampler/design.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "sampler/inclusion.h"
#include "sampler/messages.h"
#include "sampler/tiers.h"

namespace kaoping {
namespace {

/// Households per township: the pps size measure.
std::vector<int64_t> count_township_households(const Registry& reg) {
  std::vector<int64_t> out(reg.townships.size(), 0);
  const Households& h = reg.households;
  for (std::size_t i = 0; i < h.count(); ++i) {
    const int v = h.village[i];
    if (v < 0) continue;
    const int t = reg.villages[v].township;
    if (t >= 0) ++out[t];
  }
  return out;
}

}  // namespace

bool pps_inclusion_probabilities(const std::vector<int64_t>& size, const std::vector<int>& eligible,
                                 int n, std::vector<double>* pi, std::vector<uint8_t>* certain,
                                 std::string* err) {
  pi->assign(size.size(), 0.0);
  certain->assign(size.size(), 0);
  // Certainty units (n'·size/total' >= 1) are taken out round by round, because removing
  // one raises n'·size/total' of the others, which may then reach 1 in turn.
  for (;;) {
    int remaining = n;
    int64_t total = 0;
    for (int t : eligible) {
      if ((*certain)[t])
        --remaining;
      else
        total += size[t];
    }
    if (remaining <= 0 || total == 0) break;
    bool changed = false;
    for (int t : eligible) {
      // Integer test of remaining·size/total >= 1, free of rounding.
      if (!(*certain)[t] && static_cast<int64_t>(remaining) * size[t] >= total) {
        (*certain)[t] = 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  int n_certain = 0;
  int n_positive = 0;
  int64_t total = 0;
  for (int t : eligible) {
    if ((*certain)[t]) {
      ++n_certain;
    } else if (size[t] > 0) {
      ++n_positive;
      total += size[t];
    }
  }
  const int rest = n - n_certain;
  if (rest < 0 || (rest > 0 && n_positive < rest)) {
    *err = "design.townships is " + std::to_string(n) + " but only " +
           std::to_string(n_certain + n_positive) +
           " eligible townships have households to draw with township_selection: pps";
    return false;
  }
  for (int t : eligible) {
    if ((*certain)[t])
      (*pi)[t] = 1.0;
    else if (rest > 0 && size[t] > 0)
      (*pi)[t] =
          static_cast<double>(rest) * static_cast<double>(size[t]) / static_cast<double>(total);
  }
  return true;
}

bool build_design(const Registry& reg, const DesignConfig& dc, Design* out, Diagnostics* diag) {
  const std::size_t n_villages = reg.villages.size();
  const std::size_t n_townships = reg.townships.size();
  *out = Design{};

  // Stage 2 frames first: tiers decide which townships are eligible.
  std::string err;
  if (!assign_tiers(reg, dc, &out->village_tier, &out->village_index, diag)) return false;

  out->tier_villages.assign(n_townships, {});
  for (std::size_t v = 0; v < n_villages; ++v) {
    const int t = reg.villages[v].township;
    if (t < 0) continue;
    out->tier_villages[t][static_cast<int>(out->village_tier[v])].push_back(static_cast<int>(v));
  }
  for (std::size_t t = 0; t < n_townships; ++t) {
    bool every_tier = true;
    for (Tier tier : dc.tiers)
      if (static_cast<int>(out->tier_villages[t][static_cast<int>(tier)].size()) <
          dc.villages_of(tier))
        every_tier = false;
    if (every_tier) out->eligible_townships.push_back(static_cast<int>(t));
  }

  out->township_households = count_township_households(reg);

  out->pools.assign(n_villages, {});
  const Households& h = reg.households;
  for (std::size_t i = 0; i < h.count(); ++i) {
    const int v = h.village[i];
    if (v < 0) continue;
    out->pools[v][static_cast<int>(category_of(h.status[i]))].push_back(static_cast<int>(i));
  }

  const int n = dc.townships;
  const int n_eligible = static_cast<int>(out->eligible_townships.size());
  if (n < 1) {
    diag->error(dc.locs.at("design.townships"), msg::kSmpAtLeastOne, n);
    return false;
  }
  if (n > n_eligible) {
    if (n_eligible == 1)
      diag->error(dc.locs.at("design.townships"), msg::kSmpTooManyOne, n);
    else
      diag->error(dc.locs.at("design.townships"), msg::kSmpTooMany, n, n_eligible);
    return false;
  }

  out->township_pi.assign(n_townships, 0.0);
  out->township_certain.assign(n_townships, 0);
  if (dc.township_selection == TownshipSelection::kSrs) {
    const double p = static_cast<double>(n) / static_cast<double>(n_eligible);
    for (int t : out->eligible_townships) out->township_pi[t] = p;
  } else if (!pps_inclusion_probabilities(out->township_households, out->eligible_townships, n,
                                          &out->township_pi, &out->township_certain, &err)) {
    int drawable = 0;  // the townships with households (certainty units have some)
    for (int t : out->eligible_townships) drawable += out->township_households[t] > 0;
    diag->error(dc.locs.at("design.townships"), msg::kSmpPps, n, drawable);
    return false;
  }
  return true;
}

}  // namespace kaoping
