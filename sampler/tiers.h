// Village tiers (SPEC §3 step 2): a condition index per village — the weighted sum of the
// z-scored indicators, or their first principal component — and the tercile rule within
// each township. A user `tier` label always overrides the computed tier.
#pragma once

#include <array>
#include <vector>

#include "registry/registry.h"
#include "sampler/design_config.h"
#include "util/diagnostics.h"

namespace kaoping {

/// Indicators (natural, transport, economic) of every village standardised over ALL the
/// county's villages: (x - mean) / sd with the sample standard deviation (n - 1), as R's
/// sd() does. An indicator with no spread (or fewer than 2 villages) gives z = 0.
/// Result is n_villages × 3, column order natural, transport, economic.
std::vector<std::array<double, 3>> zscore_indicators(const std::vector<Village>& villages);

/// Composite index: w_natural·z_natural + w_transport·z_transport + w_economic·z_economic.
std::vector<double> composite_index(const std::vector<Village>& villages, const DesignConfig& d);

/// First principal component score of the z-scored indicators (eigenvector of their
/// correlation matrix with the largest eigenvalue, Eigen's SelfAdjointEigenSolver), signed
/// so that it agrees with the plain sum of the z-scores (non-negative covariance with it).
std::vector<double> pca_index(const std::vector<Village>& villages);

/// Tercile rule for the village ranked `rank` (0 = highest index) of `n` in its township:
/// the first round(n/3) are good, the last round(n/3) poor, the rest medium.
Tier tercile_tier(int rank, int n);

/// Computed tiers: within each township villages ranked by `index`, highest first, ties by
/// village_id (byte order), then tercile_tier. Villages without a township get kMedium.
std::vector<Tier> rank_tiers(const Registry& reg, const std::vector<double>& index);

/// Tiers under design.tier_method: `label` takes Village::tier (a village without one is an
/// error); `composite`/`pca` compute them, and a user label still overrides. *index gets the
/// index per village (NaN under `label`). False with errors in *diag.
bool assign_tiers(const Registry& reg, const DesignConfig& d, std::vector<Tier>* tiers,
                  std::vector<double>* index, Diagnostics* diag);

}  // namespace kaoping
