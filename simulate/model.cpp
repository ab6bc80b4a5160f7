// Building the replicate model (simulate/model.h) from the audit's classification: the
// households in pool order with their cut points, the light regions, the presence and
// approval tables, and the villages' stages.
#include "simulate/model.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "audit/stats.h"
#include "sampler/inclusion.h"
#include "simulate/model_detail.h"
#include "util/sampling.h"

namespace kaoping {

using namespace model_detail;

namespace {

/// How a probability p of "X/2^64 < p" is decided: never, always, or by comparing a 64-bit
/// draw X with the cut point floor(p·2^64). The cut point quantises p to 2^-64.
enum class Cut { kNever, kAlways, kDraw };
Cut cut_point(double p, uint64_t* cut) {
  *cut = 0;
  if (!(p > 0)) return Cut::kNever;
  const double scaled = std::ldexp(p, 64);
  if (p >= 1 || scaled >= 0x1.0p64) return Cut::kAlways;
  *cut = static_cast<uint64_t>(scaled);
  return *cut == 0 ? Cut::kNever : Cut::kDraw;
}

/// The least keyed draw D whose income uniform X reaches c in a slot that is not rare (X is
/// kRareLow + ⌊D·(kRareHigh − kRareLow)/2^64⌋, non-decreasing in D), so that X < c ⇔ D < it;
/// false when X < c for every D.
bool least_draw_reaching(uint64_t c, uint64_t* d) {
  *d = 0;
  if (c <= kRareLow) return true;
  constexpr uint64_t kRest = kRareHigh - kRareLow;
  const uint64_t y = c - kRareLow;
  if (y >= kRest) return false;
  // X >= c ⇔ ⌊D·kRest/2^64⌋ >= y ⇔ D·kRest >= y·2^64 ⇔ D >= ⌈y·2^64/kRest⌉ (< 2^64 as y < kRest).
  const unsigned __int128 scaled = static_cast<unsigned __int128>(y) << 64;
  *d = static_cast<uint64_t>((scaled + kRest - 1) / kRest);
  return true;
}

}  // namespace

ReplicateModel::Heavy ReplicateModel::packed(const Hot& x) {
  Heavy y;
  uint8_t always = x.always, below = x.below, rich = x.rich;
  if (below && !least_draw_reaching(x.below_cut, &y.below_cut)) always |= below, below = 0;
  if (rich && !least_draw_reaching(x.rich_cut, &y.rich_cut)) rich = 0;  // never rich
  y.always = always;
  y.below = below;
  y.rich = rich;
  y.fault_cut = x.fault_cut;
  // One draw: the income one when an income finding is still random, else the fault one;
  // the fault of a household that needs both takes a second draw (fault2).
  const bool income = below || rich;
  y.family = income || !x.fault ? kIncomeFamily : kFaultFamily;
  y.fault = income ? 0 : x.fault;
  y.fault2 = income ? x.fault : 0;
  y.weight = static_cast<uint8_t>(std::min<uint32_t>(x.weight, 0xFF));
  const int status = x.status & kStatusMask;
  y.den = uint64_t{x.weight} << (kCountLaneBits * status);
  y.count = uint64_t{1} << (kCountLaneBits * status);
  y.group = static_cast<uint8_t>(x.status >> kGroupShift);
  y.fixed = (x.status & kFixed) ? 0xFF : 0;
  return y;
}

struct ReplicateModel::Inputs {
  const Households& h;
  const StandardsConfig& st;
  const EvaluatorConfig& ev;
  const DesignConfig& dc;
  const Design& design;
  std::vector<uint8_t> fixed;  ///< per household: put right in the what-if
};

struct ReplicateModel::Candidate {
  Hot x;
  uint32_t i = 0;  ///< registry household index
  uint64_t approval_cut = 0;
  bool light = false;
  bool fault_light = false;  ///< light but for its fault draw; light when the pool says so
};

bool ReplicateModel::init(const Registry& reg, const EvaluationConfig& config, const Design& design,
                          const std::vector<int>& fixed, std::string* err) {
  const Households& h = reg.households;
  criteria_ = config.standards.criteria;
  county_ = county_totals(h, config.standards.rate_basis);
  criteria_findings_ = 0;
  for (const Criterion& c : criteria_)
    for (int f = 0; f < kRuleFindingCount; ++f)
      if (moves_rate(static_cast<Finding>(f), c.rate)) criteria_findings_ |= 1u << f;
  if (!init_township_stage(config, design, err)) return false;
  init_approval(h, config.evaluator);

  Inputs in{h,
            config.standards,
            config.evaluator,
            config.design,
            design,
            std::vector<uint8_t>(h.count(), 0)};
  for (int i : fixed) {
    if (i < 0 || static_cast<std::size_t>(i) >= h.count()) {
      *err = "fixed household index out of range";
      return false;
    }
    in.fixed[i] = 1;
  }
  any_fixed_ = !fixed.empty();
  any_unverified_ = false;

  // Households in pool order: village by village, category by category, so a village's
  // households are contiguous in memory.
  hot_.clear();
  order_.clear();
  approval_cut_.clear();
  hot_.reserve(h.count());
  order_.reserve(h.count());
  villages_.assign(reg.villages.size(), Village{});
  absent_cut_.clear();
  light_.clear();
  light_.reserve(h.count());
  code_table_.assign(1, 1);  // index 0: heavy
  regions_.assign(reg.villages.size() * kCategoryCount, LightRegion{});
  pool_groups_.assign(reg.villages.size() * kCategoryCount, 0);
  heavy_index_.clear();
  heavy_index_.reserve(h.count());
  heavy_hot_.clear();
  heavy_packed_.clear();
  packed_ = true;
  std::size_t largest = 0;
  for (std::size_t v = 0; v < reg.villages.size(); ++v) {
    for (int c = 0; c < kCategoryCount; ++c) {
      init_pool(in, v, c);
      largest = std::max(largest, design.pools[v][c].size());
    }
    init_village_tables(in, v);
  }
  uint32_t heaviest = 1;
  for (const Hot& x : heavy_hot_) heaviest = std::max(heaviest, x.weight);
  packed_run_ = packed_ ? static_cast<uint32_t>(kLaneMask) / heaviest : 1;
  none_rare_.resize(largest + 1);
  for (std::size_t n = 0; n <= largest; ++n)
    none_rare_[n] = std::exp(static_cast<double>(n) * std::log1p(-kRareProbability));
  none_rare_cut_.resize(largest + 1);
  for (std::size_t n = 0; n <= largest; ++n) {
    // rare_uniform is non-decreasing in y: search for the first y past none_rare_[n].
    uint64_t lo = 0, hi = uint64_t{1} << 53;
    while (lo < hi) {
      const uint64_t mid = lo + (hi - lo) / 2;
      if (rare_uniform(mid) <= none_rare_[n])
        lo = mid + 1;
      else
        hi = mid;
    }
    none_rare_cut_[n] = lo;
  }
  return true;
}

bool ReplicateModel::init_township_stage(const EvaluationConfig& config, const Design& design,
                                         std::string* err) {
  tiers_ = config.design.tiers;
  for (int t = 0; t < kTierCount; ++t) villages_per_tier_[t] = config.design.villages_per_tier[t];
  tier_villages_ = design.tier_villages;
  n_townships_ = config.design.townships;
  eligible_ = design.eligible_townships;
  if (n_townships_ < 1 || n_townships_ > static_cast<int>(eligible_.size())) {
    *err = "design.townships is " + std::to_string(n_townships_) + " but only " +
           std::to_string(eligible_.size()) + " townships have a village in every tier";
    return false;
  }
  pps_ = config.design.township_selection == TownshipSelection::kPps;
  design_ = &design;
  return true;
}

void ReplicateModel::init_approval(const Households& h, const EvaluatorConfig& ev) {
  // Approval groups: one binomial per distinct probability when there are few.
  group_of_.clear();
  for (std::size_t i = 0; i < h.count(); ++i) {
    group_of_.emplace(approval_probability(h, i, ev), 0);
    if (group_of_.size() > kMaxApprovalGroups) break;
  }
  grouped_approval_ = group_of_.size() <= kMaxApprovalGroups;
  group_p_.clear();
  if (grouped_approval_) {
    for (auto& [p, g] : group_of_) {
      g = static_cast<int>(group_p_.size());
      group_p_.push_back(p);
    }
  }
  // Per group and m <= kApprovalTableMax surveyed households, the CDF of the number who
  // disapprove, Binomial(m, 1 − p), as cut points (the upper tail cut where the CDF reaches
  // 1 to 2^-64); the rows of at most kCutGuideMax cut points with a guide (util/sampling.h:
  // cut_guide), 256 bytes each.
  approval_rows_.assign(group_p_.size(), {});
  approval_table_.clear();
  approval_guide_.clear();
  for (std::size_t g = 0; g < group_p_.size(); ++g) {
    const long double q = 1.0L - static_cast<long double>(group_p_[g]);
    for (uint32_t m = 0; m <= kApprovalTableMax; ++m) {
      BinomialRow row;
      row.offset = static_cast<uint32_t>(binomial_cut_points(m, q, true, &approval_table_));
      row.count = static_cast<uint32_t>(approval_table_.size()) - row.offset;
      if (row.count <= kCutGuideMax) {
        row.guide = static_cast<uint32_t>(approval_guide_.size());
        approval_guide_.resize(approval_guide_.size() + 256);
        cut_guide(approval_table_.data() + row.offset, row.count,
                  approval_guide_.data() + row.guide);
      }
      approval_rows_[g].push_back(row);
    }
  }
}

ReplicateModel::Candidate ReplicateModel::candidate(const Inputs& in, int i,
                                                    bool& any_unverified) const {
  const Households& h = in.h;
  Candidate e;
  e.i = static_cast<uint32_t>(i);
  Hot& x = e.x;
  x.weight = in.st.rate_basis == RateBasis::kHousehold ? 1u : static_cast<uint32_t>(h.size[i]);
  // The audit's classification (audit/rules.h) as cut points of one 64-bit uniform X:
  // Z = Φ⁻¹(X/2^64) < z_below ⇔ X < Φ(z_below)·2^64, and likewise for z_rich, so one
  // draw decides every income rule of the household coherently.
  const RuleClass rc = classify(h, i, in.st, in.ev.income_noise);
  uint8_t always = rc.always, below = rc.below, rich = rc.rich;
  switch (cut_point(rc.p_below, &x.below_cut)) {
    case Cut::kNever:
      below = 0;
      break;
    case Cut::kAlways:
      always |= below;
      below = 0;
      break;
    case Cut::kDraw:
      break;
  }
  switch (cut_point(rc.p_not_rich, &x.rich_cut)) {
    case Cut::kNever:  // never "not rich": always rich
      always |= rich;
      rich = 0;
      break;
    case Cut::kAlways:
      rich = 0;
      break;
    case Cut::kDraw:
      break;
  }
  x.always = always;
  x.below = below;
  x.rich = rich;
  if (!below) x.below_cut = 0;
  if (!rich) x.rich_cut = 0;
  // An unverified household's fault, by a draw of its own (counted once with its rules).
  const FaultPrior fault = fault_prior(h, i, in.ev);
  switch (cut_point(fault.p, &x.fault_cut)) {
    case Cut::kNever:
      break;
    case Cut::kAlways:
      x.always |= fault.findings;
      break;
    case Cut::kDraw:
      x.fault = fault.findings;
      break;
  }
  if (x.fault) any_unverified = true;
  uint8_t flags = static_cast<uint8_t>(h.status[i]);
  if (cut_point(presence_probability(h, i, in.ev), &x.present_cut) == Cut::kAlways)
    flags |= kPresentSure;
  if (in.fixed[i]) flags |= kFixed;
  const double approval = approval_probability(h, i, in.ev);
  if (grouped_approval_) {
    flags |= static_cast<uint8_t>(group_of_.at(approval) << kGroupShift);
  } else if (cut_point(approval, &e.approval_cut) == Cut::kAlways) {
    e.approval_cut = std::numeric_limits<uint64_t>::max();
  }
  x.status = flags;
  // Light: no certain finding, a weight that fits a byte, and income findings only in the
  // rare region of the income uniform (see run_replicate).
  e.light = x.always == 0 && x.weight <= 0xFF && (!x.below || x.below_cut <= kRareLow) &&
            (!x.rich || x.rich_cut >= kRareHigh);
  // An unverified one can only be fault-light (choose_light_kind), and not when put right.
  e.fault_light = e.light && x.fault != 0 && !in.fixed[i];
  e.light = e.light && x.fault == 0;
  return e;
}

void ReplicateModel::init_pool(const Inputs& in, std::size_t v, int c) {
  const std::vector<int>& members = in.design.pools[v][c];
  Village& vil = villages_[v];
  vil.start[c] = static_cast<uint32_t>(hot_.size());
  vil.count[c] = static_cast<uint32_t>(members.size());
  std::vector<Candidate> pool;
  pool.reserve(members.size());
  for (int i : members) {
    pool.push_back(candidate(in, i, any_unverified_));
    pool_groups_[v * kCategoryCount + c] |= 1u << (pool.back().x.status >> kGroupShift);
  }
  choose_light_kind(&pool, &regions_[v * kCategoryCount + c]);
  place_pool(pool);
}

void ReplicateModel::choose_light_kind(std::vector<Candidate>* pool, LightRegion* region) const {
  // The light households of a pool share one status and one approval group (those of
  // most light candidates; the other candidates are heavy), so that a segment adds
  // their weights and their count once; the fault-light ones also share one fault cut and
  // mask (those of most of them). Only the engine's speed depends on the choice: every
  // household's draws are keyed by its slot whichever kind it is.
  const auto kind_of = [](const Candidate& e) {
    return static_cast<uint8_t>(e.x.status & ~(kPresentSure | kFixed));  // status | group
  };
  std::map<uint8_t, int> kinds;
  for (const Candidate& e : *pool)
    if (e.light || e.fault_light) ++kinds[kind_of(e)];
  uint8_t kind = 0;
  int most = 0;
  for (const auto& [k, n] : kinds)
    if (n > most) most = n, kind = k;
  region->status = kind & kStatusMask;
  region->group = kind >> kGroupShift;
  // sample_segment counts the heavy and the fault-light households drawn in 16-bit lanes.
  const bool lanes = pool->size() < (std::size_t{1} << 16);
  std::map<std::pair<uint64_t, uint8_t>, int> faults;
  for (const Candidate& e : *pool)
    if (e.fault_light && lanes && kind_of(e) == kind) ++faults[{e.x.fault_cut, e.x.fault}];
  most = 0;
  for (const auto& [f, n] : faults)
    if (n > most) most = n, region->fault_cut = f.first, region->fault = f.second;
  for (Candidate& e : *pool) {
    e.light = e.light && kind_of(e) == kind;
    e.fault_light = e.fault_light && region->fault != 0 && kind_of(e) == kind &&
                    e.x.fault_cut == region->fault_cut && e.x.fault == region->fault;
  }
}

uint8_t ReplicateModel::light_code(const Candidate& e) {
  if (!e.light && !e.fault_light) return 0;
  const uint64_t code = uint64_t{e.x.weight} << 32 | uint64_t{e.fault_light} << 16;
  const auto at = std::find(code_table_.begin(), code_table_.end(), code);
  if (at != code_table_.end()) return static_cast<uint8_t>(at - code_table_.begin());
  if (code_table_.size() > 0xFF) return 0;  // the table is full: heavy
  code_table_.push_back(code);
  return static_cast<uint8_t>(code_table_.size() - 1);
}

void ReplicateModel::place_pool(const std::vector<Candidate>& pool) {
  // In pool order (registry order within the village and category): a household's slot,
  // and so every draw keyed by it, never depends on its own record or anyone else's.
  for (const Candidate& e : pool) {
    const uint8_t code = light_code(e);
    const bool light = code != 0;
    heavy_index_.push_back(light ? 0 : static_cast<uint32_t>(heavy_hot_.size()));
    if (!light) {
      heavy_hot_.push_back(e.x);
      packed_ = packed_ && e.x.weight <= 0xFF;
      heavy_packed_.push_back(packed(e.x));
    }
    light_.push_back(code);
    hot_.push_back(e.x);
    order_.push_back(e.i);
    if (!grouped_approval_) approval_cut_.push_back(e.approval_cut);
  }
}

void ReplicateModel::init_village_tables(const Inputs& in, std::size_t v) {
  Village& vil = villages_[v];
  // Presence shared by the whole pool: the walk's outcome only depends on how many are at
  // home (run_replicate), so keep the distribution of the number absent.
  int count[kCategoryCount];
  for (int c = 0; c < kCategoryCount; ++c) {
    const std::vector<int>& pool = in.design.pools[v][c];
    count[c] = static_cast<int>(pool.size());
    if (pool.empty()) continue;
    const double p = presence_probability(in.h, pool[0], in.ev);
    bool same = true;
    for (int i : pool) same = same && presence_probability(in.h, i, in.ev) == p;
    if (!same || !(p > 0)) continue;
    vil.absent_table[c] = static_cast<uint32_t>(
        binomial_cut_points(static_cast<uint32_t>(pool.size()), 1.0L - static_cast<long double>(p),
                            false, &absent_cut_));
  }
  const HouseholdStage stage = household_stage(count, in.dc.quota, in.dc.households_per_village);
  for (int c = 0; c < kCategoryCount; ++c)
    vil.take[c] = stage.whole ? vil.count[c] : static_cast<uint32_t>(stage.take[c]);
  vil.fill = stage.whole ? 0 : static_cast<uint32_t>(stage.fill);
  for (int c = 0; c < kCategoryCount; ++c)
    if (vil.absent_table[c] != kNoTable && vil.take[c] < vil.count[c])
      vil.take_cut[c] = absent_cut_[vil.absent_table[c] + vil.count[c] - vil.take[c]];
}

uint8_t ReplicateModel::findings_for(int household, uint64_t x) const {
  for (std::size_t pos = 0; pos < order_.size(); ++pos) {
    if (order_[pos] != static_cast<uint32_t>(household)) continue;
    const Hot& h = hot_[pos];
    return static_cast<uint8_t>(h.always | (x < h.below_cut ? h.below : 0) |
                                (x >= h.rich_cut ? h.rich : 0));
  }
  return 0;
}

ReplicateModel::Scratch ReplicateModel::make_scratch() const {
  Scratch s;
  s.perm.resize(hot_.size());
  for (std::size_t i = 0; i < s.perm.size(); ++i) s.perm[i] = static_cast<uint32_t>(i);
  // The villages of one replicate are distinct, so no buffer needs more than one entry per
  // household of the registry.
  s.swaps.resize(hot_.size());
  s.chosen.resize(hot_.size() + 1);
  s.light.resize(hot_.size() + 1);
  uint32_t largest = 0;
  for (const Village& v : villages_)
    for (int c = 0; c < kCategoryCount; ++c) largest = std::max(largest, v.count[c]);
  s.tags.assign(largest + 1, 0);
  s.rare.resize(largest + 1);
  s.faults.resize(largest + 1);
  s.surveyed.resize(hot_.size() + 1);
  s.found.resize(hot_.size() + 1);
  s.segments.reserve(64);
  return s;
}

}  // namespace kaoping
