// simulate --sensitivity: each assumption at the ends of its range, on the same replicates.
#include "simulate/sensitivity.h"

#include <algorithm>
#include <array>
#include <utility>

#include "simulate/priority.h"

namespace kaoping {

EvaluatorConfig with_assumption(const EvaluatorConfig& ev, const std::string& key, double value) {
  EvaluatorConfig e = ev;
  if (key == "evaluator.income_noise") {
    e.income_noise = value;
  } else if (key == "evaluator.presence") {
    e.presence = value;
  } else if (key == "evaluator.satisfaction") {
    for (double& p : e.satisfaction) p = std::clamp(p + value, 0.0, 1.0);
  } else if (key == "evaluator.unverified_fault") {
    for (double& p : e.unverified_fault) p = std::min(1.0, p * value);
  }
  return e;
}

bool add_sensitivity(const Registry& reg, const EvaluationConfig& config, const Design& design,
                     const SensitivityConfig& ranges, SimulationOptions options,
                     SimulationResult* result, std::string* err) {
  options.runs = result->runs;  // the same replicates, early stop or not
  options.target_halfwidth = 0;
  options.fixed_households.clear();
  options.household_attribution = false;
  const std::array<std::pair<const char*, std::array<double, 2>>, 4> assumptions{{
      {"evaluator.income_noise", ranges.income_noise},
      {"evaluator.presence", ranges.presence},
      {"evaluator.satisfaction", ranges.satisfaction_shift},
      {"evaluator.unverified_fault", ranges.unverified_fault_factor},
  }};
  std::vector<SensitivityEntry> entries;
  for (const auto& [key, range] : assumptions) {
    SensitivityEntry e;
    e.key = key;
    e.low = range[0];
    e.high = range[1];
    for (int end = 0; end < 2; ++end) {
      EvaluationConfig moved = config;
      moved.evaluator = with_assumption(config.evaluator, key, range[end]);
      SimulationResult r;
      if (!run_simulation(reg, moved, design, options, &r, err)) return false;
      (end == 0 ? e.pass_low : e.pass_high) = r.pass_probability;
      (end == 0 ? e.pass_low_ci95 : e.pass_high_ci95) = r.pass_ci95;
    }
    entries.push_back(std::move(e));
  }
  std::stable_sort(
      entries.begin(), entries.end(),
      [](const SensitivityEntry& a, const SensitivityEntry& b) { return a.swing() > b.swing(); });
  result->sensitivity = std::move(entries);
  return true;
}

std::array<double, 2> sensitivity_range(const SimulationResult& r) {
  std::array<double, 2> range{r.pass_probability, r.pass_probability};
  for (const SensitivityEntry& e : r.sensitivity) {
    range[0] = std::min({range[0], e.pass_low, e.pass_high});
    range[1] = std::max({range[1], e.pass_low, e.pass_high});
  }
  return range;
}

bool run_rehearsal(const Registry& reg, const EvaluationConfig& config, const Design& design,
                   const SimulationOptions& options, int fix_top, const SensitivityConfig* ranges,
                   std::vector<int>* fixed, SimulationResult* result, std::string* err) {
  if (!run_with_what_if(reg, config, design, options, fix_top, fixed, result, err)) return false;
  return ranges == nullptr || add_sensitivity(reg, config, design, *ranges, options, result, err);
}

}  // namespace kaoping
