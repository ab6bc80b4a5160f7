// The outputs of `simulate` (SPEC §4): summary.json and the three risk tables. Plain
// structs in (the engine's SimulationResult and the registry), text out; the CLI writes
// them atomically.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "registry/registry.h"
#include "reports/common_report.h"
#include "reports/manifest.h"
#include "sampler/design.h"
#include "simulate/simulation.h"

namespace kaoping {

/// summary.json: exactly the keys of SPEC §4 (runs, seed, threads, pass_probability,
/// pass_ci95, criteria{name: direction, threshold, mean, p05, p50, p95, fail_probability},
/// elapsed_seconds, replicates_per_second), then the extra keys binding_criterion,
/// runs_requested, stopped_early and, with a what-if, what_if{fixed_households,
/// pass_probability, pass_ci95, difference, difference_ci95, gained, lost}. Numbers with
/// round-trip precision. Households are named by id.
std::string simulation_summary_json(const SimulationResult& result, const Registry& reg);

/// risk_townships.csv: township_id, name, inclusion_freq, pass_prob_if_sampled,
/// sampled_runs, design_pi (the design's inclusion probability), households — one row per
/// township of the registry, in registry order. pass_prob_if_sampled is empty when never
/// sampled.
std::string risk_townships_csv(const SimulationResult& result, const Registry& reg,
                               const std::vector<double>& township_pi);

/// risk_villages.csv: village_id, township_id, name, tier, inclusion_freq,
/// pass_prob_if_sampled, sampled_runs — one row per village, in registry order.
std::string risk_villages_csv(const SimulationResult& result, const Registry& reg,
                              const std::vector<Tier>& village_tier);

/// risk_households.csv: rank, household_id, village_id, status, head_name, id_number
/// (masked: first 6 and last 4 characters kept), size, inclusion_freq,
/// pass_prob_if_sampled, finding_freq, priority, fixed (1 when put right in the what-if) —
/// one row per household, highest priority first (then finding_freq, then registry order).
/// priority = share of the failing replicates in which the household was found at fault
/// (0 when no replicate failed); then finding (the rules it can break, ';'-separated, and
/// `unverified`: reports/risk_findings.h), detail (what they rest on), township_id, group_id.
std::string risk_households_csv(const SimulationResult& result, const Registry& reg,
                                const EvaluationConfig& config);

/// Files of an output directory: (name, content).
using OutputFiles = std::vector<std::pair<std::string, std::string>>;

/// What `simulate --out` writes beside the report and the manifest: summary.json (the given
/// `summary`), the three risk tables and report.txt (the terminal summary `text`, personal
/// data scrubbed).
OutputFiles simulate_files(const SimulationResult& result, const Registry& reg,
                           const EvaluationConfig& config, const Design& design,
                           const std::string& summary, const std::string& text);

/// Writes what `simulate --out` writes into `dir` (which exists): the OC curves of the design
/// first (a failure there comes before any file is written), then simulate_files, manifest.json
/// (`manifest` with the run's seed, runs and threads), report.html and report.xlsx; no file
/// replaces one of `inputs`. False and *err on failure.
bool write_simulate_outputs(const SimulationResult& result, const Registry& reg,
                            const EvaluationConfig& config, const Design& design,
                            const std::string& summary, const std::string& text, Manifest manifest,
                            const ReportContext& ctx, const std::string& dir,
                            const std::vector<std::string>& inputs, std::string* err);

}  // namespace kaoping
