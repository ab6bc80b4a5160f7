// Internals shared by the model's construction (model.cpp) and the replicate
// (replicate.cpp): the bits of a household's packed flags, the packed sums' lanes, the
// light bound, and a replicate's integer tallies.
#pragma once

#include <array>
#include <cstdint>

#include "audit/rules.h"
#include "registry/registry.h"

namespace kaoping::model_detail {

inline constexpr int kMaxApprovalGroups = 16;
inline constexpr uint8_t kStatusMask = 0x03;
inline constexpr uint8_t kPresentSure = 0x04;
inline constexpr uint8_t kFixed = 0x08;
inline constexpr int kGroupShift = 4;
inline constexpr int kInconsistencyBit = static_cast<int>(Finding::kInconsistency);
/// Packed sums of the heavy loop: numerator lanes of 12 bits (a run of households of at
/// most 255 persons each flushed before 4095 could be passed: ReplicateModel::packed_run_),
/// persons and households per status in lanes of 16 bits.
inline constexpr int kLaneBits = 12;
inline constexpr int kCountLaneBits = 16;
inline constexpr uint64_t kLaneMask = (uint64_t{1} << kLaneBits) - 1;

/// The rare region of the income uniform X: [0, kRareLow) ∪ [kRareHigh, 2^64), probability
/// 2^-12. A household whose income findings all lie in it is light.
inline constexpr uint64_t kRareLow = uint64_t{1} << 51;
inline constexpr uint64_t kRareHigh = 0 - (uint64_t{1} << 51);
inline constexpr double kRareProbability = 0x1.0p-12;

/// The uniform in (0, 1) of 53 random bits y, as the rare slots' geometric gaps use it.
inline double rare_uniform(uint64_t y) {
  return (static_cast<double>(y) + 0.5) * 0x1.0p-53;
}

/// The keyed draw families of a segment (XORed into the segment key).
inline constexpr uint64_t kIncomeFamily = 0x5851f42d4c957f2dULL;
inline constexpr uint64_t kPresenceFamily = 0x14057b7ef767814fULL;
inline constexpr uint64_t kApprovalFamily = 0xda942042e4dd58b5ULL;
inline constexpr uint64_t kFaultFamily = 0x9fb21c651e98df25ULL;

/// kSpread[m]: one in the 12-bit lane of each finding of the mask m (bits 1 << Finding), so a
/// household's findings add weight · kSpread[m without 三统一] + kSpread[m & 三统一] to
/// the packed numerators (三统一 counts households whatever the basis).
inline constexpr auto kSpread = [] {
  std::array<uint64_t, 1 << kRuleFindingCount> t{};
  for (unsigned m = 0; m < t.size(); ++m)
    for (int b = 0; b < kRuleFindingCount; ++b)
      if (m >> b & 1) t[m] += uint64_t{1} << (kLaneBits * b);
  return t;
}();
inline constexpr uint8_t kInconsistencyMask = 1u << kInconsistencyBit;

/// Per-replicate sums of the surveyed households.
struct ReplicateTally {
  int64_t persons[kStatusCount] = {0, 0, 0, 0};  ///< weights (persons or households)
  int32_t households[kStatusCount] = {0, 0, 0, 0};
  int64_t num[kRuleFindingCount] = {0, 0, 0, 0, 0};
  int64_t num_fixed[kRuleFindingCount] = {0, 0, 0, 0, 0};  ///< part of num from fixed ones
  int32_t approvals = 0;
};

}  // namespace kaoping::model_detail
