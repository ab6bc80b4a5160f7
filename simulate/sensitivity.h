// `simulate --sensitivity` (SPEC §4): the same replicates (same seed: common random
// numbers) re-run with each assumption the office cannot know for sure at the low and the
// high end of its plausible range (SensitivityConfig), so the pass probability is given
// with how far it moves over the plausible assumptions.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "audit/standards.h"
#include "registry/registry.h"
#include "sampler/design.h"
#include "simulate/simulation.h"
#include "simulate/simulation_config.h"

namespace kaoping {

/// The evaluator's assumptions with one of them moved: `key` is one of
/// evaluator.income_noise, evaluator.presence (set to `value`), evaluator.satisfaction
/// (every status shifted by `value`, kept in [0,1]) or evaluator.unverified_fault (every
/// status multiplied by `value`, kept <= 1).
EvaluatorConfig with_assumption(const EvaluatorConfig& ev, const std::string& key, double value);

/// Runs the eight sensitivity replicate sets (four assumptions × low, high) with `options`
/// (its condition included; no what-if, no per-household counts, no early stop) and
/// result->runs replicates (those of the run itself), and puts the four entries into
/// result->sensitivity, largest swing first (ties in the order above). False and *err as
/// run_simulation.
bool add_sensitivity(const Registry& reg, const EvaluationConfig& config, const Design& design,
                     const SensitivityConfig& ranges, SimulationOptions options,
                     SimulationResult* result, std::string* err);

/// The lowest and the highest pass probability over the run itself and every entry of
/// r.sensitivity ("0.64, between 0.52 and 0.71 over the plausible assumptions").
std::array<double, 2> sensitivity_range(const SimulationResult& r);

/// `simulate`'s rehearsal: run_with_what_if (simulate/priority.h) with `fixed` and fix_top,
/// then, when `ranges` is given, add_sensitivity with them. False and *err as run_simulation.
bool run_rehearsal(const Registry& reg, const EvaluationConfig& config, const Design& design,
                   const SimulationOptions& options, int fix_top, const SensitivityConfig* ranges,
                   std::vector<int>* fixed, SimulationResult* result, std::string* err);

}  // namespace kaoping
