#include "simulate/priority.h"

#include <algorithm>
#include <numeric>

namespace kaoping {

std::vector<int> households_by_priority(const SimulationResult& result) {
  std::vector<int> order(result.households.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const HouseholdRisk& x = result.households[a];
    const HouseholdRisk& y = result.households[b];
    if (x.fault_fail != y.fault_fail) return x.fault_fail > y.fault_fail;
    return x.fault > y.fault;
  });
  return order;
}

std::vector<int> top_priority_households(const SimulationResult& result, int k) {
  std::vector<int> top;
  for (int i : households_by_priority(result)) {
    if (result.households[i].fault_fail == 0 || (k >= 0 && static_cast<int>(top.size()) >= k))
      break;
    top.push_back(i);
  }
  return top;
}

std::vector<int> units_by_risk(const std::vector<UnitRisk>& units, int k) {
  std::vector<int> idx;
  for (std::size_t i = 0; i < units.size(); ++i)
    if (units[i].sampled > 0) idx.push_back(static_cast<int>(i));
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) {
    return units[a].sampled_pass * units[b].sampled < units[b].sampled_pass * units[a].sampled;
  });
  if (k >= 0 && idx.size() > static_cast<std::size_t>(k)) idx.resize(k);
  return idx;
}

bool run_with_what_if(const Registry& reg, const EvaluationConfig& config, const Design& design,
                      SimulationOptions options, int fix_top, std::vector<int>* fixed,
                      SimulationResult* out, std::string* err) {
  if (fix_top > 0) {
    SimulationOptions ranking = options;
    ranking.household_attribution = true;
    if (!run_simulation(reg, config, design, ranking, out, err)) return false;
    for (int i : top_priority_households(*out, fix_top))
      if (std::find(fixed->begin(), fixed->end(), i) == fixed->end()) fixed->push_back(i);
  }
  options.fixed_households = *fixed;
  return run_simulation(reg, config, design, options, out, err);
}

}  // namespace kaoping
