// Exact first-order inclusion probabilities of the design's stages (SPEC §3).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kaoping {

/// PPS inclusion probabilities with certainty units. Among `eligible` (indices into
/// `size`), a unit whose n'·size/total' >= 1 (n' = n minus the certainty units so far,
/// total' = size of the others) is a certainty unit, repeatedly until none is left; the
/// others get π = n'·size/total'. *pi and *certain are resized to size.size() (0 for the
/// units not eligible). False and *err when fewer than n units can be drawn.
bool pps_inclusion_probabilities(const std::vector<int64_t>& size, const std::vector<int>& eligible,
                                 int n, std::vector<double>* pi, std::vector<uint8_t>* certain,
                                 std::string* err);

/// The household stage of one village (SPEC §3 step 3): per category c, its count N_c and
/// quota q_c; the fill s = max(0, per_village − Σ min(q_c, N_c)) drawn from the pooled
/// remainder R = Σ (N_c − min(q_c, N_c)). A village of at most `per_village` households is
/// taken whole.
struct HouseholdStage {
  bool whole = false;        ///< village taken whole (π = 1 for all)
  int take[3] = {0, 0, 0};   ///< min(q_c, N_c) per category
  int fill = 0;              ///< s
  int remainder = 0;         ///< R
  double pi[3] = {1, 1, 1};  ///< π(household | village) per category
};

/// Exact π(household | village): 1 for a whole village or a category with N_c <= q_c, else
/// q_c/N_c + (1 − q_c/N_c)·s/R (taken in its own category's SRS, or else in the fill's SRS
/// from the remainder, which holds every household the category stage left).
HouseholdStage household_stage(const int count[3], const int quota[3], int per_village);

/// π(village | township) of the village stage (SPEC §3): k villages of a tier of n_tier drawn
/// with equal probability without replacement, k / n_tier (1 when k >= n_tier; 0 for an
/// empty tier).
double village_stage_pi(int k, int n_tier);

}  // namespace kaoping
