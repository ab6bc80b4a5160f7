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
#include "util/rng.h"

namespace kaoping {

struct ReplicateTally;

/// Replicates per block: the unit of work of one thread, and of deterministic reduction.
inline constexpr int64_t kBlockSize = 4096;
/// Blocks per round: the early-stop rule is checked after each round, i.e. every
/// kBlockSize·kRoundBlocks replicates, in index order, whatever the thread count.
inline constexpr int64_t kRoundBlocks = 8;
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
  /// Keep the per-household counts (inclusion, pass when sampled, findings, priority) of
  /// SimulationResult::households. They are needed for the risk tables and --fix-top, and
  /// cost about a fifth of the replicate loop; without them households[] is all zeros.
  bool household_attribution = true;
  /// Called after each round with (replicates done, replicates asked); from one thread at
  /// a time. May be empty.
  std::function<void(int64_t, int64_t)> progress;
};

/// Distribution over replicates of one criterion's rate.
struct CriterionStats {
  Criterion criterion;
  int64_t fail_count = 0;            ///< replicates in which the criterion does not hold
  double fail_probability = 0;       ///< fail_count / runs, in [0, 1]
  double mean = 0;                   ///< mean rate over replicates, in [0, 1]
  double p05 = 0, p50 = 0, p95 = 0;  ///< histogram quantiles (lower bin edge), in [0, 1]
  /// Replicates per rate bin (kHistogramBins bins of width 0.0001), for the report charts.
  std::vector<uint64_t> histogram;
};

/// A township or a village: how often it was drawn and how often the county passed then.
struct UnitRisk {
  int64_t sampled = 0;       ///< replicates in which the unit was drawn
  int64_t sampled_pass = 0;  ///< ... and the county passed
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
};

/// Outcome of one replicate (for tests and benchmarks).
struct ReplicateOutcome {
  bool pass = false;
  bool pass_fixed = false;                ///< with the what-if households put right
  std::array<double, kRateCount> rate{};  ///< every rate of SPEC §3, index = Rate
  int surveyed = 0;                       ///< households surveyed
};

/// The per-replicate model: everything that does not change between replicates,
/// precomputed once (household records in pool order, income thresholds as 64-bit integer
/// cut points of one uniform, presence cut points, approval groups, village stages), and
/// the replicate itself. Thread-safe for concurrent run_replicate calls with separate
/// scratch.
class ReplicateModel {
 public:
  /// One village category of a replicate: its pool, how many to survey, the walk so far.
  struct Segment {
    uint32_t start = 0, n = 0, k = 0;
    uint32_t chosen = 0;   ///< index into Scratch::chosen of its first k positions
    uint32_t swaps = 0;    ///< index into Scratch::swaps of its walk's swap targets
    uint32_t walked = 0;   ///< steps of the walk taken
    bool whole = false;    ///< the whole category is visited (no index draws)
    bool decided = false;  ///< presence already settled: the k drawn are all at home
    /// Decided segments only: of the k drawn, `heavy` are at the front of Scratch::chosen
    /// (from `chosen`) and k − heavy light ones in Scratch::light (from `light`).
    uint32_t heavy = 0;
    uint32_t light = 0;
    uint32_t pool = 0;          ///< village · kCategoryCount + category
    uint32_t light_weight = 0;  ///< sum of the weights of the light ones
  };

  /// Per-thread working memory.
  struct Scratch {
    /// A permutation of all positions that each walk shuffles in place (partial
    /// Fisher–Yates) and that is restored from `swaps` at the end of the replicate, so
    /// every replicate starts from the identity whatever ran before on this thread.
    std::vector<uint32_t> perm;
    std::vector<uint32_t> swaps;  ///< per segment, the position step j swapped with
    std::vector<Segment> segments;
    std::vector<uint32_t> chosen;
    std::vector<uint32_t> light;  ///< light households drawn by decided segments
    /// Floyd's sampling: tags[t] == tag when position t of the current pool is taken (one
    /// tag per segment, so nothing needs clearing but once every 65535 segments).
    std::vector<uint16_t> tags;
    std::vector<uint32_t> rare;  ///< light households of a segment with a possible finding
    uint16_t tag = 0;
    /// Positions (pool order) of the households surveyed, bit 31 = at fault; the first
    /// surveyed_count entries are valid (the buffers are sized once, never per replicate).
    /// Complete when `counters` is set or approval is drawn household by household;
    /// otherwise segments settled in the sampling loop are counted, not listed.
    std::vector<uint32_t> surveyed;
    std::size_t surveyed_count = 0;
    std::vector<int> townships;
    std::vector<int> villages;
    /// Optional per-position counters {sampled, fault, ...} (4 × uint32 per position) the
    /// replicate increments for every surveyed household; null = none.
    uint32_t* counters = nullptr;
  };

  /// Builds the model; `design` must outlive it. `fixed` (household indices) are put right
  /// in the what-if verdict. False and *err when the design cannot be drawn.
  bool init(const Registry& reg, const EvaluationConfig& config, const Design& design,
            const std::vector<int>& fixed, std::string* err);
  Scratch make_scratch() const;

  /// Runs replicate r of `seed`. On return scratch->surveyed lists the surveyed households
  /// (positions; see household_of; complete only as Scratch::surveyed says) and
  /// scratch->townships / villages the units drawn.
  ReplicateOutcome run_replicate(uint64_t seed, uint64_t r, Scratch* scratch) const;

  /// The rule findings (bits 1 << Finding) the engine's tables give registry household
  /// `household` when its 64-bit income uniform is `x` (Z = Φ⁻¹(x/2^64)); 0 for a household
  /// in no pool. For the equivalence test of the engine's tables against the audit's rules.
  uint8_t findings_for(int household, uint64_t x) const;

  /// Registry household index of a position in pool order.
  int household_of(uint32_t position) const { return static_cast<int>(order_[position]); }
  static constexpr uint32_t kFaultBit = 0x80000000u;
  const std::vector<Criterion>& criteria() const { return criteria_; }
  std::size_t household_count() const { return order_.size(); }

 private:
  static constexpr uint32_t kNoTable = 0xFFFFFFFFu;
  /// One household as the hot loop reads it (32 bytes).
  struct Hot {
    uint64_t below_cut = 0;    ///< income draw X < below_cut: assessed below the line
    uint64_t rich_cut = 0;     ///< X >= rich_cut: assessed at or above m·L
    uint64_t present_cut = 0;  ///< presence draw < present_cut: at home (ignored if certain)
    uint32_t weight = 1;       ///< persons (person basis) or 1
    uint8_t status = 0;
    uint8_t always = 0;  ///< findings (bit = Finding) that fire whatever the income draw
    uint8_t below = 0;   ///< findings that fire when assessed below the line
    uint8_t rich = 0;    ///< findings that fire when assessed rich
  };
  /// A pool's light households (see init): their income findings can only happen when the
  /// income draw X falls in the rare region [0, low) ∪ [2^64 − high, 2^64), of probability
  /// b = (low + high)/2^64, the same for every light household of the pool.
  struct LightRegion {
    uint64_t low = 0;
    uint64_t high = 0;
    double b = 0;
    /// Offset into none_cut_ of ⌊(1 − b)^m·2^64⌋ for m = 0, 1, ...: X below it means none of
    /// m light households is in the region; kNoTable when b = 0.
    uint32_t none_table = kNoTable;
    uint32_t heavy = 0;       ///< heavy households at the front of the pool
    uint32_t heavy_base = 0;  ///< index in heavy_hot_ of the pool's first heavy household
    uint8_t status = 0;       ///< status of every light household of the pool
    uint8_t group = 0;        ///< approval group of every light household of the pool
  };
  struct Village {
    uint32_t start[kCategoryCount] = {0, 0, 0};  ///< first position of each pool
    uint32_t count[kCategoryCount] = {0, 0, 0};
    uint32_t take[kCategoryCount] = {0, 0, 0};  ///< households per category before the fill
    uint32_t fill = 0;                          ///< drawn from the pooled remainder
    /// Per category: offset into absent_cut_ of the cut points of the number of absent
    /// households, Binomial(count, 1 − p), when every household of the pool has the same
    /// presence probability p; kNoTable otherwise (each household draws its own).
    uint32_t absent_table[kCategoryCount] = {kNoTable, kNoTable, kNoTable};
    /// The cut point of absent_table at count − take: P(at least take at home).
    uint64_t take_cut[kCategoryCount] = {0, 0, 0};
  };
  /// Cut points of the absent-count distributions: entry z of a pool's table is
  /// ⌊P(Z <= z)·2^64⌋ (saturated), so a 64-bit draw X gives Z = min{z : X < cut[z]}.
  std::vector<uint64_t> absent_cut_;

  std::vector<Criterion> criteria_;
  uint8_t criteria_findings_ = 0;  ///< findings whose rate is a criterion
  std::vector<Hot> hot_;
  /// A heavy household as the packed loop reads it (56 bytes): what it adds to the finding
  /// numerators as kFindingLanes lanes of 12 bits in one word (always, when assessed below
  /// the line, when assessed rich), and to the denominators (persons per status in four
  /// 12-bit lanes, households per status in four 4-bit lanes). The loop flushes the words
  /// into 64-bit sums every kPackedRun households, before any lane could wrap.
  struct Heavy {
    uint64_t below_cut = 0, rich_cut = 0;
    uint64_t add_always = 0, add_below = 0, add_rich = 0;
    uint64_t den = 0;
    uint8_t group = 0;
    uint8_t fixed = 0;  ///< 0xFF when put right (its findings also go to the what-if sums)
  };
  std::vector<Heavy> heavy_packed_;  ///< the heavy households, as heavy_hot_
  bool packed_ = false;              ///< every heavy weight fits a byte: the packed loop is exact
  /// The records of the heavy households only, pool by pool: a tenth of hot_ on the default
  /// county, so the random reads of a replicate stay in fewer cache lines and pages.
  std::vector<Hot> heavy_hot_;
  std::vector<uint8_t> light_;        ///< per position: weight of a light household, or 0
  std::vector<LightRegion> regions_;  ///< per pool (village · kCategoryCount + category)
  std::vector<uint64_t> none_cut_;
  bool any_fixed_ = false;             ///< some household is put right (the what-if sums are kept)
  std::vector<uint8_t> present_sure_;  ///< per position: presence 1 (no draw)
  std::vector<uint8_t> approval_group_;  ///< per position
  std::vector<uint64_t> approval_cut_;   ///< per position, when not grouped
  std::vector<double> group_p_;          ///< approval probability of each group
  /// Approval of a group of m surveyed households for m up to this: table inversion
  /// (approval_rows_); above it a Boost.Random binomial draw.
  static constexpr uint32_t kApprovalTableMax = 512;
  struct BinomialRow {
    uint32_t offset = 0;  ///< into approval_table_
    uint32_t count = 0;   ///< cut points, the last saturated
    uint32_t median = 0;  ///< where the search starts
  };
  std::vector<std::vector<BinomialRow>> approval_rows_;  ///< per group, per m
  std::vector<uint64_t> approval_table_;
  bool grouped_approval_ = true;
  std::vector<uint32_t> order_;  ///< position → household index
  std::vector<Village> villages_;
  // Township stage (the sampler's functions); the design must outlive the model.
  const Design* design_ = nullptr;
  bool pps_ = false;
  int n_townships_ = 0;
  std::vector<int> eligible_;
  std::vector<Tier> tiers_;
  std::vector<std::array<std::vector<int>, kTierCount>> tier_villages_;
};

/// Runs the simulation. False and *err on a design that cannot be drawn or bad options.
bool run_simulation(const Registry& reg, const EvaluationConfig& config, const Design& design,
                    const SimulationOptions& options, SimulationResult* out, std::string* err);

}  // namespace kaoping
