// The Monte Carlo rehearsal (SPEC §3-§4, `simulate`): many replicates of the evaluators'
// draw → field visit with absence and replacement → income assessment with the evaluator's
// error → audit → verdict, with the pass probability, the distribution of every criterion's
// rate, where the risk sits (townships, villages, households) and a what-if with common
// random numbers.
//
// Reproducibility (STYLE.md randomness): replicate r draws only from Rng(seed, r, concern)
// with one stream per concern (townships, villages, households, income, presence,
// satisfaction). Replicates are cut into fixed blocks of kBlockSize; a block runs on one
// thread, in index order, and keeps its own floating-point partial sums, which are reduced
// in block index order; integer counters are order-free. So every figure is bit-identical
// for any thread count and any scheduling.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "audit/rates.h"
#include "audit/rules.h"
#include "audit/standards.h"
#include "audit/stats.h"
#include "registry/registry.h"
#include "sampler/design.h"
#include "simulate/condition.h"
#include "simulate/model.h"
#include "util/rng.h"

namespace kaoping {

/// Replicates per block: the unit of work of one thread, and of deterministic reduction.
inline constexpr int64_t kBlockSize = 4096;
/// Blocks per round: the early-stop rule is checked after each round, i.e. every
/// kBlockSize·kRoundBlocks replicates, in index order, whatever the thread count.
inline constexpr int64_t kRoundBlocks = 8;
/// Blocks per round when there is no early stop (target_halfwidth = 0): the rounds then
/// change no figure, only how often progress is reported and the threads meet.
inline constexpr int64_t kLongRoundBlocks = 64;
/// Bins of the rate histograms (width 0.0001 over [0, 1], SPEC §4); bin i holds rates in
/// [i/10000, (i+1)/10000), the last bin holds 1.
inline constexpr int kHistogramBins = 10001;

/// What the caller asks of a simulation.
struct SimulationOptions {
  int64_t runs = 100000;  ///< replicates (maximum when target_halfwidth > 0), >= 1
  uint64_t seed = 20170905;
  int threads = 0;  ///< worker threads; 0 = std::thread::hardware_concurrency()
  /// > 0: stop at the first round boundary where the Wilson 95% half-width of the pass
  /// probability is at most this (a probability, e.g. 0.005).
  double target_halfwidth = 0;
  /// What-if: household indices put right (no findings; they still count in the
  /// denominators and still approve or not). Empty = no what-if.
  std::vector<int> fixed_households;
  /// What the evaluators announced (SPEC §4, conditions); none by default. The result is
  /// then the county's given it.
  Condition condition;
  /// Keep the per-household counts (inclusion, pass when sampled, findings, priority) of
  /// SimulationResult::households. They are needed for the risk tables and --fix-top, and
  /// cost about a third of the replicate loop on the default county (docs/simulation.md);
  /// without them households[] is all zeros.
  bool household_attribution = true;
  /// Called after each round with (replicates done, replicates asked); from one thread at
  /// a time. May be empty.
  std::function<void(int64_t, int64_t)> progress;
  /// Called right after each replicate, on the thread that ran it, with the replicate's
  /// index, its verdict, the model and the thread's scratch (what the replicate left there;
  /// with record_findings, Scratch::record). Replicates of one block (kBlockSize) run on one
  /// thread in index order; blocks run concurrently. May be empty. Changes no figure.
  std::function<void(int64_t, bool, const ReplicateModel&, const ReplicateModel::Scratch&)>
      observer;
  /// Sets Scratch::record for the observer (prioritize: each household's findings and the
  /// replicate's rate sums). Changes no figure.
  bool record_findings = false;
};

/// Distribution over replicates of one criterion's rate.
struct CriterionStats {
  Criterion criterion;
  int64_t fail_count = 0;             ///< replicates in which the criterion does not hold
  double fail_probability = 0;        ///< fail_count / runs, in [0, 1]
  std::array<double, 2> fail_ci95{};  ///< Wilson 95% interval of fail_probability
  double mean = 0;                    ///< mean rate over replicates, in [0, 1]
  double mean_se = 0;                 ///< standard error of the mean (sample sd / sqrt(runs)), >= 0
  double p05 = 0, p50 = 0, p95 = 0;   ///< histogram quantiles (lower bin edge), in [0, 1]
  /// Replicates per rate bin (kHistogramBins bins of width 0.0001), for the report charts.
  std::vector<uint64_t> histogram;
};

/// A township or a village: how often it was drawn and how often the county passed then.
struct UnitRisk {
  int64_t sampled = 0;       ///< replicates in which the unit was drawn
  int64_t sampled_pass = 0;  ///< ... and the county passed
  /// Wilson 95% interval of the pass probability when sampled, sampled_pass / sampled
  /// ([0, 1] when never sampled).
  std::array<double, 2> pass_ci95{0.0, 1.0};
};

/// A household. "Sampled" means surveyed: drawn (in sample or from the reserve) and at home,
/// so that it counts in the rates. "Fault" means a finding of a rule whose rate is one of
/// standards.criteria (satisfaction aside: an opinion is not a fault in the registry).
struct HouseholdRisk {
  int64_t sampled = 0;
  int64_t sampled_pass = 0;
  int64_t fault = 0;       ///< sampled and found at fault
  int64_t fault_fail = 0;  ///< found at fault in a replicate where the county failed
};

/// The what-if of SimulationOptions::fixed_households on the same replicates.
struct WhatIf {
  std::vector<int> fixed;             ///< household indices put right
  int64_t passes = 0;                 ///< replicates that pass with them put right
  double pass_probability = 0;        ///< passes / runs
  std::array<double, 2> pass_ci95{};  ///< Wilson 95%
  int64_t gained = 0;                 ///< replicates that fail as they are and pass when fixed
  int64_t lost = 0;                   ///< replicates that pass as they are and fail when fixed
  /// Mean paired difference (fixed − as is) and its 95% normal interval from the paired
  /// differences' standard error; exactly 0 and [0, 0] when no replicate changes.
  double difference = 0;
  std::array<double, 2> difference_ci95{};
};

/// One assumption of `simulate --sensitivity` at the low and the high end of its range, on
/// the same replicates (common random numbers).
struct SensitivityEntry {
  std::string key;  ///< evaluator.income_noise | presence | satisfaction | unverified_fault
  double low = 0, high = 0;  ///< the values (satisfaction: shifts; unverified_fault: factors)
  double pass_low = 0, pass_high = 0;                       ///< pass probability at low and at high
  std::array<double, 2> pass_low_ci95{}, pass_high_ci95{};  ///< Wilson 95%
  double swing() const {
    return pass_high > pass_low ? pass_high - pass_low : pass_low - pass_high;
  }
};

struct SimulationResult {
  int64_t runs = 0;  ///< replicates actually run
  int64_t runs_requested = 0;
  bool stopped_early = false;
  uint64_t seed = 0;
  int threads = 0;
  int64_t passes = 0;
  double pass_probability = 0;
  std::array<double, 2> pass_ci95{};     ///< Wilson 95%
  std::vector<CriterionStats> criteria;  ///< in standards.criteria order
  int binding = -1;            ///< index into criteria of the highest fail probability (-1 if none)
  double elapsed_seconds = 0;  ///< replicate loop only
  double replicates_per_second = 0;
  std::vector<UnitRisk> townships;        ///< per registry township
  std::vector<UnitRisk> villages;         ///< per registry village
  std::vector<HouseholdRisk> households;  ///< per registry household
  bool has_what_if = false;
  WhatIf what_if;
  Condition condition;  ///< what the run was given (SimulationOptions::condition)
  /// simulate --sensitivity: the four assumptions, largest swing first; empty otherwise.
  std::vector<SensitivityEntry> sensitivity;
};

/// Runs the simulation. False and *err on a design that cannot be drawn or bad options.
bool run_simulation(const Registry& reg, const EvaluationConfig& config, const Design& design,
                    const SimulationOptions& options, SimulationResult* out, std::string* err);

}  // namespace kaoping
