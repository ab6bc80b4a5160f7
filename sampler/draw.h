// One draw of the evaluators' sample as plain data: what the sampler produces and what the
// audit engine, the Monte Carlo driver and the scheduler consume.
#pragma once

#include <string>
#include <vector>

#include "registry/registry.h"

namespace kaoping {

enum class Role : uint8_t { kSample, kReserve };

/// One household of a draw, in sample or on a village's reserve list.
struct DrawRow {
  int household = -1;  ///< index into Registry::households
  int village = -1;    ///< index into Registry::villages
  int township = -1;   ///< index into Registry::townships
  Tier tier = Tier::kGood;
  Category category = Category::kPoor;
  Role role = Role::kSample;
  int reserve_rank = 0;       ///< 1, 2, ... within village and category; 0 on sample rows
  double inclusion_prob = 0;  ///< first-order π of the design (SPEC §3), in (0, 1]
  double weight() const { return 1.0 / inclusion_prob; }
};

/// A whole draw: the townships, the village drawn for each (township, tier), and the
/// households with their reserve lists. Rows are ordered by township, tier, village,
/// category, then sample rows before reserve rows in rank order.
struct Draw {
  std::vector<int> townships;  ///< indices, in draw order
  std::vector<int> villages;   ///< indices, townships × tiers
  std::vector<DrawRow> rows;
  std::vector<std::string> warnings;  ///< e.g. a village smaller than the per-village minimum
};

}  // namespace kaoping
