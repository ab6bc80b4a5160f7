// The one ranking of households by priority, and of units by their risk when sampled.
#include "simulate/priority.h"

#include <gtest/gtest.h>

namespace kaoping {
namespace {

SimulationResult result_with(const std::vector<std::pair<int64_t, int64_t>>& fault_fail_and_fault) {
  SimulationResult r;
  for (const auto& [fault_fail, fault] : fault_fail_and_fault) {
    HouseholdRisk x;
    x.fault_fail = fault_fail;
    x.fault = fault;
    r.households.push_back(x);
  }
  return r;
}

TEST(Ranking, HouseholdsByFailingThenAllFindingsThenRegistryOrder) {
  // index:                        0       1       2       3       4       5
  const SimulationResult r = result_with({{0, 0}, {5, 9}, {0, 7}, {5, 12}, {5, 9}, {1, 1}});
  EXPECT_EQ(households_by_priority(r), (std::vector<int>{3, 1, 4, 5, 2, 0}));
  // Only households found at fault in a failing replicate are candidates to fix.
  EXPECT_EQ(top_priority_households(r, -1), (std::vector<int>{3, 1, 4, 5}));
  EXPECT_EQ(top_priority_households(r, 2), (std::vector<int>{3, 1}));
  EXPECT_EQ(top_priority_households(r, 100).size(), 4u);
  EXPECT_TRUE(top_priority_households(result_with({{0, 3}}), 5).empty());
}

TEST(Ranking, UnitsByPassProbabilityWhenSampledComparedExactly) {
  std::vector<UnitRisk> units(4);
  units[0].sampled = 0;                                 // never sampled: not ranked
  units[1].sampled = 3, units[1].sampled_pass = 1;      // 1/3
  units[2].sampled = 10, units[2].sampled_pass = 5;     // 1/2
  units[3].sampled = 300, units[3].sampled_pass = 100;  // 1/3, ties keep registry order
  EXPECT_EQ(units_by_risk(units), (std::vector<int>{1, 3, 2}));
  EXPECT_EQ(units_by_risk(units, 1), (std::vector<int>{1}));
}

}  // namespace
}  // namespace kaoping
