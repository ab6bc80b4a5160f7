// The per-replicate model of the Monte Carlo rehearsal: everything that does not change
// between replicates, precomputed once from the audit's classification (audit/rules.h), and
// one replicate of the evaluators' draw, field visit, income assessment, audit and verdict.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "audit/rates.h"
#include "audit/rules.h"
#include "audit/standards.h"
#include "registry/registry.h"
#include "sampler/design.h"
#include "simulate/condition.h"
#include "util/rng.h"

namespace kaoping {

/// Outcome of one replicate (for tests and benchmarks).
struct ReplicateOutcome {
  bool pass = false;
  bool pass_fixed = false;                ///< with the what-if households put right
  std::array<double, kRateCount> rate{};  ///< every rate of SPEC §3, index = Rate
  int surveyed = 0;                       ///< households surveyed
};

/// The per-replicate model: everything that does not change between replicates,
/// precomputed once (household records in pool order — a village's households category by
/// category, in registry order, so a household's slot never depends on any record —, income
/// thresholds as 64-bit integer cut points of one uniform, presence cut points, approval groups,
/// village stages), and the replicate itself. Thread-safe for concurrent run_replicate calls with
/// separate scratch.
class ReplicateModel {
 public:
  /// One village category of a replicate: its pool, how many to survey, the walk so far, and
  /// its own random stream (SPEC §3: a village's household draws depend on the seed, the
  /// replicate, the village and the category only).
  struct Segment {
    uint32_t start = 0, n = 0, k = 0;
    uint32_t chosen = 0;   ///< index into Scratch::chosen of its first k positions
    uint32_t swaps = 0;    ///< index into Scratch::swaps of its walk's swap targets
    uint32_t walked = 0;   ///< steps of the walk taken
    bool whole = false;    ///< the whole category is visited (no index draws)
    bool decided = false;  ///< presence already settled: the k drawn are all at home
    bool listed = false;   ///< a household list is given: its k listed, then its reserve
    uint32_t list = 0;     ///< listed segments: index into ReplicateModel::listed_
    /// Decided segments only: of the k drawn, `heavy` are in Scratch::chosen (from
    /// `chosen`) and k − heavy light ones in Scratch::light (from `light`).
    uint32_t heavy = 0;
    uint32_t light = 0;
    uint32_t pool = 0;          ///< village · kCategoryCount + category
    uint32_t light_weight = 0;  ///< sum of the weights of the light ones
    /// The slots of the pool whose income uniform falls in the rare region (Scratch::rare
    /// from `rare`): drawn for the whole pool first, whoever is surveyed.
    uint32_t rare = 0, n_rare = 0;
    uint64_t key = 0;  ///< of the segment's keyed draws (income, presence, approval)
    /// The segment's sequential stream: the rare slots, the absent count, the selection and
    /// the walk, then the approvals, in that order.
    WyRand rng;
    int32_t group_count[16] = {};  ///< surveyed households per approval group
  };

  /// One thread's per-household counts, in position order: 16-bit, so that the two counts
  /// every surveyed household increments take 4 bytes a household and stay in the core's
  /// cache (400 KB on the default county, against 1.6 MB for four 32-bit counters); their
  /// owner adds them into wider totals and clears them before kMaxReplicates replicates
  /// (a household is surveyed at most once a replicate, so no count can wrap before).
  struct HouseholdCounts {
    static constexpr int64_t kMaxReplicates = 65535;
    /// Per position p: surveyed in passing replicates at 2p, in failing ones at 2p + 1.
    std::vector<uint16_t> sampled;
    /// Per position p: found at fault in passing replicates at 2p, in failing ones at 2p + 1
    /// (apart from `sampled`: a fault is rare, and its counts need not share the cache).
    std::vector<uint16_t> fault;
    void assign(std::size_t positions) {
      sampled.assign(2 * positions, 0);
      fault.assign(2 * positions, 0);
    }
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
    std::vector<uint32_t> rare;           ///< rare slots of every segment (Segment::rare)
    std::vector<uint32_t> faults;         ///< fault-light households of the segment being drawn
    std::vector<uint32_t> village_picks;  ///< tier positions drawn (villages_per_tier > 1)
    uint16_t tag = 0;
    /// Positions (pool order) of the households surveyed, bit 31 = at fault; the first
    /// surveyed_count entries are valid (the buffers are sized once, never per replicate).
    /// Complete when `counts` is set or approval is drawn household by household;
    /// otherwise segments settled in the sampling loop are counted, not listed.
    std::vector<uint32_t> surveyed;
    std::size_t surveyed_count = 0;
    std::vector<int> townships;
    std::vector<uint8_t> township_taken;  ///< working memory of the township draw
    std::vector<int> villages;
    /// Optional per-position counts (HouseholdCounts) the replicate increments for every
    /// surveyed household once its verdict is known; null = none (and the list of the
    /// surveyed may be incomplete).
    HouseholdCounts* counts = nullptr;
    /// Set before the first replicate: keep what prioritize needs of each replicate. Then
    /// `found` (parallel to `surveyed`) holds each listed household's findings (bits
    /// 1 << Finding, rule and fault-prior findings together; 0 for a light household),
    /// `light_found` the light households found at fault (position, findings), and `sums`
    /// the replicate's rate sums as they are.
    bool record = false;
    std::vector<uint8_t> found;
    std::vector<std::pair<uint32_t, uint8_t>> light_found;
    RateSums sums;
  };

  /// Builds the model; `design` must outlive it. `fixed` (household indices) are put right
  /// in the what-if verdict. False and *err when the design cannot be drawn.
  bool init(const Registry& reg, const EvaluationConfig& config, const Design& design,
            const std::vector<int>& fixed, std::string* err);
  Scratch make_scratch() const;
  /// Puts the model under a condition (SPEC §4): every replicate takes the given townships,
  /// villages or household list (call after init). False and *err when a listed household
  /// is in no pool of the design.
  bool apply_condition(const Condition& condition, std::string* err);

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
    uint64_t fault_cut = 0;    ///< fault draw < fault_cut: an unverified household at fault
    uint32_t weight = 1;       ///< persons (person basis) or 1
    uint8_t status = 0;
    uint8_t always = 0;  ///< findings (bit = Finding) that fire whatever the income draw
    uint8_t below = 0;   ///< findings that fire when assessed below the line
    uint8_t rich = 0;    ///< findings that fire when assessed rich
    uint8_t fault = 0;   ///< findings of an unverified household found at fault (SPEC §3)
  };
  /// The light households of a pool (see init) share one status and one approval group, so a
  /// segment adds their weights and count once; their income findings can only happen when
  /// their income uniform X falls in the rare region (kRareLow, kRareHigh), of probability
  /// 2^-12 for every household of the county.
  /// Unverified households (SPEC §3) can be light too, when they share the pool's light
  /// kind, one fault cut and one fault mask and are not put right ("fault-light"): their
  /// fault draw is keyed by their slot like every other, so it needs the slot only, no record.
  struct LightRegion {
    uint8_t status = 0;      ///< status of every light household of the pool
    uint8_t group = 0;       ///< approval group of every light household of the pool
    uint8_t fault = 0;       ///< findings of a fault-light household at fault; 0 = none
    uint64_t fault_cut = 0;  ///< fault draw < fault_cut: a fault-light household at fault
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
  CountyTotals county_;            ///< what poverty_incidence applies the rates to
  std::vector<Hot> hot_;
  /// A heavy household as the packed loop reads it (48 bytes), for segments without a rare
  /// slot: one keyed draw D of the family it needs (its income, or an unverified household's
  /// fault), with its income cut points moved from X to D (X is a non-decreasing function of
  /// D there, so X < c ⇔ D < the least D whose X reaches c), so that the loop has no
  /// mapping and no second draw; `fault2` is the fault of a household that needs both
  /// draws (its second draw, from the fault family). What it adds to the denominators:
  /// persons per status in four 16-bit lanes (`den`), households per status in four more
  /// (`count`). Its findings, one mask, are added to the numerators as kRuleFindingCount
  /// lanes of 12 bits in one word (kSpread); the words are carried from segment to segment
  /// and flushed into 64-bit sums every packed_run_ households, before any lane could wrap.
  struct Heavy {
    uint64_t family = 0;  ///< kIncomeFamily or kFaultFamily: the key of its draw D
    uint64_t below_cut = 0, rich_cut = 0, fault_cut = 0;  ///< D < below_cut, D >= rich_cut
    uint64_t den = 0, count = 0;
    uint8_t always = 0, below = 0, rich = 0, fault = 0, fault2 = 0;
    uint8_t weight = 1;  ///< fits a byte, or the packed loop is not used
    uint8_t group = 0;
    uint8_t fixed = 0;  ///< 0xFF when put right (its findings also go to the what-if sums)
  };
  std::vector<Heavy> heavy_packed_;  ///< the heavy households, as heavy_hot_ (same index)
  /// A heavy household's record as the packed loop reads it.
  static Heavy packed(const Hot& x);
  bool packed_ = false;  ///< every heavy weight fits a byte: the packed loop is exact
  /// Heavy households the packed words take before a flush: a 12-bit numerator lane holds
  /// packed_run_ times the largest heavy weight.
  uint32_t packed_run_ = 1;
  /// The records of the heavy households only, in position order: a tenth of hot_ on the
  /// default county, so the random reads of a replicate stay in fewer cache lines and pages.
  std::vector<Hot> heavy_hot_;
  /// Per position, a byte: 0 for a heavy household, else the index in code_table_ of its
  /// light code. A byte, not the code itself, so that the slots Floyd's draws read at random
  /// stay in an eighth of the cache lines.
  std::vector<uint8_t> light_;
  /// The light codes by light_ byte: 1 for a heavy household (index 0), weight << 32 for a
  /// light one, | 1 << 16 when fault-light; at most 256 distinct (beyond, a household is
  /// heavy, which changes no draw).
  std::vector<uint64_t> code_table_;
  std::vector<uint32_t> heavy_index_;  ///< per position: index into heavy_hot_ of a heavy one
  std::vector<LightRegion> regions_;   ///< per pool (village · kCategoryCount + category)
  std::vector<uint32_t> pool_groups_;  ///< per pool: bit g set when a household is in group g
  /// P(no slot of a pool of n is rare) = (1 − 2^-12)^n, by n up to the largest pool.
  std::vector<double> none_rare_;
  /// The least y (53 bits) with rare_uniform(y) > none_rare_[n], by n: "no rare slot" is
  /// y < it, the same test in integers.
  std::vector<uint64_t> none_rare_cut_;
  bool any_unverified_ = false;         ///< some household has a fault draw (SPEC §3, unverified)
  bool any_fixed_ = false;              ///< some household is put right (the what-if sums are kept)
  std::vector<uint64_t> approval_cut_;  ///< per position, when not grouped
  std::vector<double> group_p_;         ///< approval probability of each group
  std::map<double, int> group_of_;      ///< approval probability → group
  /// Approval of a group of m surveyed households for m up to this: table inversion
  /// (approval_rows_); above it a Boost.Random binomial draw.
  static constexpr uint32_t kApprovalTableMax = 512;
  struct BinomialRow {
    uint32_t offset = 0;        ///< into approval_table_
    uint32_t count = 0;         ///< cut points, the last saturated
    uint32_t guide = kNoTable;  ///< into approval_guide_ (rows of at most kCutGuideMax)
  };
  std::vector<std::vector<BinomialRow>> approval_rows_;  ///< per group, per m
  std::vector<uint64_t> approval_table_;
  std::vector<uint8_t> approval_guide_;  ///< 256 bytes per row (util/sampling.h: cut_guide)
  bool grouped_approval_ = true;
  std::vector<uint32_t> order_;  ///< position → household index
  std::vector<Village> villages_;
  // Township stage (the sampler's functions); the design must outlive the model.
  const Design* design_ = nullptr;
  bool pps_ = false;
  int n_townships_ = 0;
  std::vector<int> eligible_;
  std::vector<Tier> tiers_;
  int villages_per_tier_[kTierCount] = {1, 1, 1};  ///< design.villages_per_tier
  std::vector<std::array<std::vector<int>, kTierCount>> tier_villages_;
  // A condition (apply_condition): the given townships (empty = drawn), the given village
  // per township · tiers_.size() + tier (-1 = drawn; empty = none given), the given list.
  std::vector<int> given_townships_;
  std::vector<int> given_village_;
  /// One village category of a given list: positions of its sample, then of its reserve in
  /// order.
  struct Listed {
    uint32_t village = 0, category = 0;
    std::vector<uint32_t> sample, reserve;
  };
  std::vector<Listed> listed_;
  bool given_list_ = false;
  std::vector<int> list_townships_, list_villages_;

  struct Replicate;  ///< one replicate in progress (replicate.cpp)
  struct Inputs;     ///< what init reads (model.cpp)
  struct Candidate;  ///< a household of a pool before it is placed (model.cpp)
  // The steps of init, in order.
  bool init_township_stage(const EvaluationConfig& config, const Design& design, std::string* err);
  void init_approval(const Households& h, const EvaluatorConfig& ev);
  Candidate candidate(const Inputs& in, int i, bool& any_unverified) const;
  void init_pool(const Inputs& in, std::size_t v, int c);
  void choose_light_kind(std::vector<Candidate>* pool, LightRegion* region) const;
  void place_pool(const std::vector<Candidate>& pool);
  /// The light_ byte of a candidate (code_table_ grows by its code when it is new).
  uint8_t light_code(const Candidate& e);
  void init_village_tables(const Inputs& in, std::size_t v);
};

}  // namespace kaoping
