// The Monte Carlo engine of audit/montecarlo.h. Where the time goes: a replicate surveys
// about 9 villages × 43 households; per household the loop does one index draw (Floyd's
// algorithm from 32-bit halves of the generator, or a partial Fisher–Yates walk when
// presence differs between households, with one presence draw per visit). Only "heavy"
// households (a certain finding, or an income finding more likely than 2^-12) draw their
// own income uniform, compared against precomputed 64-bit cut points (no exp/log/erf in the
// loop); the "light" ones of a segment share one draw that says whether any of them has a
// finding at all. A category whose households share one presence probability settles
// absence with one draw; approval is one table look-up per group of equal probability.
// docs/simulation.md gives the measurements behind each choice.
#include "audit/montecarlo.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <boost/random/binomial_distribution.hpp>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <thread>

#include "audit/stats.h"
#include "sampler/inclusion.h"
#include "sampler/sampler.h"
#include "util/sampling.h"

namespace kaoping {
namespace {

constexpr double kZ95 = 1.959963984540054;
constexpr int kMaxApprovalGroups = 16;
constexpr uint8_t kStatusMask = 0x03;
constexpr uint8_t kPresentSure = 0x04;
constexpr uint8_t kFixed = 0x08;
constexpr int kGroupShift = 4;
constexpr int kInconsistencyBit = static_cast<int>(Finding::kInconsistency);
/// A household whose income findings have at most this probability (and no certain one) is
/// light: in a decided segment it draws no income uniform of its own (run_replicate).
constexpr long double kLightBound = 0x1.0p-12L;
/// Packed sums of the heavy loop: lanes of 12 bits, flushed every kPackedRun households
/// (15 · 255 < 2^12 for the weights, 15 < 2^4 for the household counts).
constexpr int kLaneBits = 12;
constexpr uint32_t kPackedRun = 15;
constexpr uint64_t kLaneMask = (uint64_t{1} << kLaneBits) - 1;

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

struct SampleCounts {
  uint32_t heavy = 0, light = 0, weights = 0;
};

/// Floyd's algorithm (util/sampling.h) for a simple random sample of k of the n positions
/// [start, start + n), two index draws per generator output (its 32-bit halves). tags[t] == tag
/// marks position start + t as taken (the caller gives a fresh tag). Heavy positions (below
/// heavy_end) go to heavy_out; light ones to light_out when kList (both are written and one count
/// advances: no branch to mispredict); the weights of the light ones are summed. A function
/// of its own so that its few variables and the generator state stay in registers.
template <bool kList>
[[gnu::noinline]] SampleCounts sample_segment(Rng& rng_ref, uint32_t n, uint32_t k, uint32_t start,
                                              uint32_t heavy_end, uint16_t* tags, uint16_t tag,
                                              const uint8_t* light_weight, uint32_t* heavy_out,
                                              uint32_t* light_out) {
  Rng rng = rng_ref;
  uint32_t nh = 0, nl = 0, weights = 0;
  auto take = [&](uint32_t t, uint32_t j) {
    if (tags[t] == tag) t = j;  // taken before: j instead (rare, a predicted branch)
    tags[t] = tag;
    const uint32_t pos = start + t;
    const bool is_heavy = pos < heavy_end;
    heavy_out[nh] = pos;
    nh += is_heavy;
    if constexpr (kList) {
      light_out[nl] = pos;
      nl += !is_heavy;
    }
    weights += light_weight[pos];  // 0 for a heavy household
  };
  floyd_sample_halves(n, k, rng, take);
  rng_ref = rng;
  return {nh, kList ? nl : k - nh, weights};
}

}  // namespace

/// Per-replicate sums of the surveyed households.
struct ReplicateTally {
  int64_t persons[kStatusCount] = {0, 0, 0, 0};  ///< weights (persons or households)
  int32_t households[kStatusCount] = {0, 0, 0, 0};
  int64_t num[kRuleFindingCount] = {0, 0, 0, 0, 0};
  int64_t num_fixed[kRuleFindingCount] = {0, 0, 0, 0, 0};  ///< part of num from fixed ones
  int32_t group_count[kMaxApprovalGroups] = {};
  int32_t approvals = 0;
};

namespace {

/// A replicate's integer tallies as the rate sums every engine shares (audit/rates.h); `num`
/// are the finding numerators (the what-if passes its own).
RateSums sums_of(const ReplicateTally& t, const int64_t* num, int32_t approvals) {
  RateSums s;
  for (int f = 0; f < kRuleFindingCount; ++f) s.num[f] = static_cast<double>(num[f]);
  for (int st = 0; st < kStatusCount; ++st) {
    s.weight[st] = static_cast<double>(t.persons[st]);
    s.households[st] = static_cast<double>(t.households[st]);
  }
  s.approvals = static_cast<double>(approvals);
  return s;
}

int histogram_bin(double rate) {
  // The small offset keeps a rate such as 0.02 (not exact in binary) in its own bin.
  const double x = rate * 10000.0 + 1e-9;
  if (!(x > 0)) return 0;
  return x >= kHistogramBins - 1 ? kHistogramBins - 1 : static_cast<int>(x);
}

}  // namespace

bool ReplicateModel::init(const Registry& reg, const EvaluationConfig& config, const Design& design,
                          const std::vector<int>& fixed, std::string* err) {
  const Households& h = reg.households;
  const StandardsConfig& st = config.standards;
  const EvaluatorConfig& ev = config.evaluator;
  criteria_ = st.criteria;
  criteria_findings_ = 0;
  for (const Criterion& c : criteria_)
    for (int f = 0; f < kRuleFindingCount; ++f)
      if (rate_of(static_cast<Finding>(f)) == c.rate) criteria_findings_ |= 1u << f;

  tiers_ = config.design.tiers;
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

  // Approval groups: one binomial per distinct probability when there are few.
  std::map<double, int> groups;
  for (std::size_t i = 0; i < h.count(); ++i) {
    groups.emplace(approval_probability(h, i, ev), 0);
    if (groups.size() > kMaxApprovalGroups) break;
  }
  grouped_approval_ = groups.size() <= kMaxApprovalGroups;
  group_p_.clear();
  if (grouped_approval_) {
    for (auto& [p, g] : groups) {
      g = static_cast<int>(group_p_.size());
      group_p_.push_back(p);
    }
  }
  // Per group and m <= kApprovalTableMax surveyed households, the CDF of the number who
  // disapprove, Binomial(m, 1 − p), as cut points (the upper tail cut where the CDF reaches
  // 1 to 2^-64), and its median where the search starts.
  approval_rows_.assign(group_p_.size(), {});
  approval_table_.clear();
  for (std::size_t g = 0; g < group_p_.size(); ++g) {
    const long double q = 1.0L - static_cast<long double>(group_p_[g]);
    for (uint32_t m = 0; m <= kApprovalTableMax; ++m) {
      BinomialRow row;
      row.offset = static_cast<uint32_t>(binomial_cut_points(m, q, true, &approval_table_));
      row.count = static_cast<uint32_t>(approval_table_.size()) - row.offset;
      // The median (first d with P(D <= d) >= 1/2), where the search starts.
      const uint64_t* cut = approval_table_.data() + row.offset;
      while (row.median + 1 < row.count && cut[row.median] < (uint64_t{1} << 63)) ++row.median;
      approval_rows_[g].push_back(row);
    }
  }

  std::vector<uint8_t> fixed_household(h.count(), 0);
  for (int i : fixed) {
    if (i < 0 || static_cast<std::size_t>(i) >= h.count()) {
      *err = "fixed household index out of range";
      return false;
    }
    fixed_household[i] = 1;
  }
  any_fixed_ = !fixed.empty();

  // Households in pool order: village by village, category by category, so a village's
  // households are contiguous in memory.
  const double sigma = ev.income_noise;
  const bool household_basis = st.rate_basis == RateBasis::kHousehold;
  hot_.clear();
  order_.clear();
  approval_cut_.clear();
  hot_.reserve(h.count());
  order_.reserve(h.count());
  villages_.assign(reg.villages.size(), Village{});
  absent_cut_.clear();
  light_.clear();
  light_.reserve(h.count());
  regions_.assign(reg.villages.size() * kCategoryCount, LightRegion{});
  none_cut_.clear();
  heavy_hot_.clear();
  heavy_packed_.clear();
  packed_ = true;
  const int quota[kCategoryCount] = {config.design.quota[0], config.design.quota[1],
                                     config.design.quota[2]};
  for (std::size_t v = 0; v < reg.villages.size(); ++v) {
    Village& vil = villages_[v];
    int count[kCategoryCount];
    for (int c = 0; c < kCategoryCount; ++c) {
      const std::vector<int>& pool = design.pools[v][c];
      count[c] = static_cast<int>(pool.size());
      vil.start[c] = static_cast<uint32_t>(hot_.size());
      vil.count[c] = static_cast<uint32_t>(pool.size());
      struct Pending {
        Hot x;
        uint32_t i;
        uint64_t approval_cut;
        bool light;
      };
      std::vector<Pending> pending;
      pending.reserve(pool.size());
      for (int i : pool) {
        Hot x;
        const Status status = h.status[i];
        x.status = static_cast<uint8_t>(status);
        x.weight = household_basis ? 1u : static_cast<uint32_t>(h.size[i]);
        // The audit's classification (audit/rules.h) as cut points of one 64-bit uniform X:
        // Z = Φ⁻¹(X/2^64) < z_below ⇔ X < Φ(z_below)·2^64, and likewise for z_rich, so one
        // draw decides every income rule of the household coherently.
        const RuleClass rc = classify(h, i, st, sigma);
        uint8_t always = rc.always, below = rc.below, rich = rc.rich;
        const double p_below = rc.p_below, p_not_rich = rc.p_not_rich;
        switch (cut_point(p_below, &x.below_cut)) {
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
        switch (cut_point(p_not_rich, &x.rich_cut)) {
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
        uint8_t flags = x.status;
        if (cut_point(presence_probability(h, i, ev), &x.present_cut) == Cut::kAlways)
          flags |= kPresentSure;
        if (fixed_household[i]) flags |= kFixed;
        const double approval = approval_probability(h, i, ev);
        uint64_t approval_cut = 0;
        if (grouped_approval_) {
          flags |= static_cast<uint8_t>(groups.at(approval) << kGroupShift);
        } else {
          const Cut mode = cut_point(approval, &approval_cut);
          if (mode == Cut::kAlways) approval_cut = std::numeric_limits<uint64_t>::max();
        }
        x.status = flags;
        // Light: no certain finding, a weight that fits a byte, and income findings of
        // probability at most kLightBound (see run_replicate).
        const long double q = (static_cast<long double>(x.below ? x.below_cut : 0) +
                               (x.rich ? 0x1.0p64L - static_cast<long double>(x.rich_cut) : 0.0L)) *
                              0x1.0p-64L;
        const bool light = x.always == 0 && x.weight <= 0xFF && q <= kLightBound;
        pending.push_back({x, static_cast<uint32_t>(i), approval_cut, light});
      }
      // The light households of a pool share one status and one approval group (those of
      // most light candidates; the other candidates are heavy), so that a segment adds
      // their weights and their count once.
      LightRegion& region = regions_[v * kCategoryCount + c];
      region.heavy_base = static_cast<uint32_t>(heavy_hot_.size());
      {
        std::map<uint8_t, int> kinds;  // status | group << kGroupShift
        for (const Pending& e : pending)
          if (e.light) ++kinds[static_cast<uint8_t>(e.x.status & ~(kPresentSure | kFixed))];
        uint8_t kind = 0;
        int most = 0;
        for (const auto& [k, n] : kinds)
          if (n > most) most = n, kind = k;
        region.status = kind & kStatusMask;
        region.group = kind >> kGroupShift;
        for (Pending& e : pending)
          e.light = e.light && static_cast<uint8_t>(e.x.status & ~(kPresentSure | kFixed)) == kind;
      }
      // Heavy households first, then the light ones: the order within a pool does not
      // matter (every stage draws uniformly within it).
      for (int pass = 0; pass < 2; ++pass) {
        for (const Pending& e : pending) {
          if (e.light != (pass == 1)) continue;
          if (e.light) {
            if (e.x.below) region.low = std::max(region.low, e.x.below_cut);
            if (e.x.rich) region.high = std::max(region.high, 0 - e.x.rich_cut);
          } else {
            ++region.heavy;
            heavy_hot_.push_back(e.x);
            packed_ = packed_ && e.x.weight <= 0xFF;
            Heavy y;
            y.below_cut = e.x.below_cut;
            y.rich_cut = e.x.rich_cut;
            auto lanes = [&](uint8_t mask) {
              uint64_t add = 0;
              for (int b = 0; b < kRuleFindingCount; ++b)
                if (mask >> b & 1)
                  add += uint64_t{b == kInconsistencyBit ? 1u : e.x.weight} << (kLaneBits * b);
              return add;
            };
            y.add_always = lanes(e.x.always);
            y.add_below = lanes(e.x.below);
            y.add_rich = lanes(e.x.rich);
            const int status = e.x.status & kStatusMask;
            y.den = uint64_t{e.x.weight} << (kLaneBits * status) | uint64_t{1} << (48 + 4 * status);
            y.group = static_cast<uint8_t>(e.x.status >> kGroupShift);
            y.fixed = (e.x.status & kFixed) ? 0xFF : 0;
            heavy_packed_.push_back(y);
          }
          light_.push_back(static_cast<uint8_t>(e.light ? e.x.weight : 0));
          hot_.push_back(e.x);
          order_.push_back(e.i);
          if (!grouped_approval_) approval_cut_.push_back(e.approval_cut);
        }
      }
    }
    // Presence shared by the whole pool: the walk's outcome only depends on how many are at
    // home (below), so keep the distribution of the number absent.
    for (int c = 0; c < kCategoryCount; ++c) {
      const std::vector<int>& pool = design.pools[v][c];
      if (pool.empty()) continue;
      const double p = presence_probability(h, pool[0], ev);
      bool same = true;
      for (int i : pool) same = same && presence_probability(h, i, ev) == p;
      if (!same || !(p > 0)) continue;
      vil.absent_table[c] = static_cast<uint32_t>(
          binomial_cut_points(static_cast<uint32_t>(pool.size()),
                              1.0L - static_cast<long double>(p), false, &absent_cut_));
    }
    const HouseholdStage stage =
        household_stage(count, quota, config.design.households_per_village);
    for (int c = 0; c < kCategoryCount; ++c)
      vil.take[c] = stage.whole ? vil.count[c] : static_cast<uint32_t>(stage.take[c]);
    vil.fill = stage.whole ? 0 : static_cast<uint32_t>(stage.fill);
    for (int c = 0; c < kCategoryCount; ++c)
      if (vil.absent_table[c] != kNoTable && vil.take[c] < vil.count[c])
        vil.take_cut[c] = absent_cut_[vil.absent_table[c] + vil.count[c] - vil.take[c]];
    // P(none of m light households in the region) = (1 − b)^m, for every m a decided
    // segment of the pool can survey.
    for (int c = 0; c < kCategoryCount; ++c) {
      LightRegion& region = regions_[v * kCategoryCount + c];
      if (region.low == 0 && region.high == 0) continue;
      const long double b =
          (static_cast<long double>(region.low) + static_cast<long double>(region.high)) *
          0x1.0p-64L;
      region.b = static_cast<double>(b);
      region.none_table = static_cast<uint32_t>(none_cut_.size());
      const uint32_t m_max = std::min(vil.count[c], vil.take[c] + vil.fill);
      for (uint32_t m = 0; m <= m_max; ++m) {
        const long double none = std::exp(static_cast<long double>(m) * std::log1p(-b));
        const long double scaled = std::ldexp(none, 64);
        none_cut_.push_back(scaled >= 0x1.0p64L ? std::numeric_limits<uint64_t>::max()
                                                : static_cast<uint64_t>(scaled));
      }
    }
  }
  return true;
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
  s.surveyed.resize(hot_.size());
  s.segments.reserve(64);
  return s;
}

ReplicateOutcome ReplicateModel::run_replicate(uint64_t seed, uint64_t r, Scratch* s) const {
  Rng township_rng(seed, r, Stream::kTownships);
  Rng village_rng(seed, r, Stream::kVillages);
  Rng households(seed, r, Stream::kHouseholds);
  Rng presence(seed, r, Stream::kPresence);
  s->villages.clear();
  s->segments.clear();
  // Stage 1 is the sampler's own (Floyd's algorithm, or systematic PPS on a random order
  // after the certainty units), so simulate draws townships exactly as `sample` does.
  s->townships = pps_ ? select_townships_pps(*design_, n_townships_, township_rng)
                      : select_townships_srs(eligible_, n_townships_, township_rng);
  const Hot* hot = hot_.data();
  uint32_t* counters = s->counters;
  uint32_t* perm = s->perm.data();
  uint32_t* swaps = s->swaps.data();
  uint32_t* chosen_list = s->chosen.data();
  uint32_t* surveyed = s->surveyed.data();
  uint32_t* light_list = s->light.data();
  const uint8_t* light = light_.data();
  const Hot* heavy_hot = heavy_hot_.data();
  uint32_t n_chosen = 0, n_swaps = 0, n_light = 0;
  uint32_t n_surveyed = 0;  // households surveyed
  uint32_t n_listed = 0;    // ... of them in s->surveyed (all of them when keep_list)
  // One Fisher–Yates step of a segment's walk: the position it reaches.
  auto step = [&](const Segment& g, uint32_t j) {
    const uint32_t to =
        g.start + static_cast<uint32_t>(walk_step(perm + g.start, j, g.n, households));
    swaps[g.swaps + j] = to;
    return perm[g.start + j];
  };

  Rng income(seed, r, Stream::kIncome);
  // Two tallies, alternated between consecutive households of a sample, so that their sums
  // form two independent chains of additions instead of one (the same few counters are hit
  // by every household of a category).
  ReplicateTally t, t2;
  const bool grouped = grouped_approval_;
  const uint8_t criteria_findings = criteria_findings_;
  // The list of surveyed households is needed for the per-household counts and for
  // approval drawn household by household; otherwise light households only count.
  const bool keep_list = counters != nullptr || !grouped_approval_;
  const bool any_fixed = any_fixed_;
  const bool packed = packed_;
  // Adds a household's findings to the numerators; 1 when one of them is a fault.
  // Branch-free: whether a heavy household has a finding is close to a coin toss.
  auto add_findings = [&](const Hot& x, uint8_t found, ReplicateTally& t) -> uint32_t {
    int64_t w[kRuleFindingCount];
    for (int b = 0; b < kRuleFindingCount; ++b) {
      w[b] = (b == kInconsistencyBit ? 1 : int64_t{x.weight}) &
             -static_cast<int64_t>((found >> b) & 1);
      t.num[b] += w[b];
    }
    if (any_fixed) {
      const int64_t fixed = -static_cast<int64_t>((x.status & kFixed) != 0);
      for (int b = 0; b < kRuleFindingCount; ++b) t.num_fixed[b] += w[b] & fixed;
    }
    return (found & criteria_findings) ? 1 : 0;
  };
  auto visit = [&](uint32_t pos, const Hot& x, bool decided, ReplicateTally& t) -> bool {
    if (!decided && !(x.status & kPresentSure) && presence() >= x.present_cut) return false;
    uint8_t found = x.always;
    {
      // Every surveyed household draws its income uniform, even when its income tests are
      // certain (cut points 0): whether a draw is needed is a coin toss for the branch
      // predictor, and a mispredicted branch costs more than the draw (measured: 5.0 µs →
      // 3.7 µs per replicate on the default county).
      const uint64_t u = income();
      found |= static_cast<uint8_t>(x.below & -static_cast<uint8_t>(u < x.below_cut));
      found |= static_cast<uint8_t>(x.rich & -static_cast<uint8_t>(u >= x.rich_cut));
    }
    const int status = x.status & kStatusMask;
    t.persons[status] += x.weight;
    t.households[status] += 1;
    // Ungrouped approval is drawn later, in survey order, from the satisfaction stream.
    if (grouped) ++t.group_count[x.status >> kGroupShift];
    const uint32_t fault = add_findings(x, found, t);
    const uint32_t record = pos | fault << 31;
    if (counters) {
      counters[4 * static_cast<std::size_t>(pos)] += 1;
      counters[4 * static_cast<std::size_t>(pos) + 1] += fault;
    }
    surveyed[n_listed++] = record;
    ++n_surveyed;
    return true;
  };

  // The m light households of a decided segment, given that at least one of them drew its
  // income in the pool's rare region (probability b each, independently): the indicators
  // are drawn one by one conditionally on that (the first of r remaining is in the region
  // with probability b / (1 − (1 − b)^r) until one is, then b), and each household in the
  // region gets X uniform on the region, which is X conditioned on the region. Runs for a
  // small share of segments (about m·b). The households are taken in pool order (the
  // indicators are exchangeable), found from the tags of the segment's Floyd draws; `listed`
  // (the segment's light list, or null) gets the fault bit of those found at fault.
  auto light_findings = [&](const LightRegion& region, uint32_t start, uint32_t n,
                            const uint16_t* tags, uint16_t tag, uint32_t m, uint32_t* listed,
                            ReplicateTally& t) {
    uint32_t* lights = s->rare.data();
    uint32_t count = 0;
    for (uint32_t u = region.heavy; u < n; ++u)
      if (tags[u] == tag) lights[count++] = start + u;
    const double log_none = std::log1p(-region.b);
    bool any = false;
    for (uint32_t j = 0; j < count; ++j) {
      const double p =
          any ? region.b : region.b / -std::expm1(static_cast<double>(count - j) * log_none);
      if (!(income.uniform() < p)) continue;
      any = true;
      const uint64_t y = income.below(region.low + region.high);
      const uint64_t x = y < region.low ? y : y - region.low + (0 - region.high);
      const uint32_t pos = lights[j];
      const Hot& hx = hot[pos];
      const uint8_t found =
          static_cast<uint8_t>((hx.below & -static_cast<uint8_t>(x < hx.below_cut)) |
                               (hx.rich & -static_cast<uint8_t>(x >= hx.rich_cut)));
      if (!found) continue;
      const uint32_t fault = add_findings(hx, found, t);
      if (counters) counters[4 * static_cast<std::size_t>(pos) + 1] += fault;
      if (listed && fault)
        for (uint32_t q = 0; q < m; ++q)
          if (listed[q] == pos) listed[q] |= kFaultBit;
    }
  };

  // Stages 2-3: the villages, then for each category the households of its sample. The
  // first k steps of every walk do not depend on who is at home, so they are all drawn
  // first and their records prefetched: the memory latency of the random households
  // overlaps instead of adding up. A decided segment without per-household counts is
  // settled right here (below); the others are stored for step 4.
  for (int township : s->townships) {
    for (Tier tier : tiers_) {
      const std::vector<int>& list = tier_villages_[township][static_cast<int>(tier)];
      const int v = list[village_rng.below(list.size())];
      s->villages.push_back(v);
      const Village& vil = villages_[v];
      uint32_t k[kCategoryCount] = {vil.take[0], vil.take[1], vil.take[2]};
      if (vil.fill) {
        // The fill: simple random sampling from the pooled remainder of the categories;
        // only how many come from each category matters (the households themselves are
        // then drawn within the category, which is the same distribution).
        uint32_t rest[kCategoryCount];
        uint32_t pooled = 0;
        for (int c = 0; c < kCategoryCount; ++c) pooled += rest[c] = vil.count[c] - k[c];
        for (uint32_t f = 0; f < vil.fill && pooled > 0; ++f, --pooled) {
          uint32_t x = static_cast<uint32_t>(households.below(pooled));
          int c = 0;
          while (x >= rest[c]) x -= rest[c++];
          ++k[c];
          --rest[c];
        }
      }
      for (int c = 0; c < kCategoryCount; ++c) {
        if (k[c] == 0 || vil.count[c] == 0) continue;
        Segment g;
        g.start = vil.start[c];
        g.n = vil.count[c];
        g.k = std::min(k[c], g.n);
        g.whole = k[c] >= g.n;
        g.chosen = n_chosen;
        g.pool = static_cast<uint32_t>(v * kCategoryCount + c);
        if (!g.whole) {
          g.swaps = n_swaps;
          n_swaps += g.n;
          if (vil.absent_table[c] != kNoTable) {
            // Every household of the pool is at home with the same probability p. Walking a
            // random order and taking the first k present gives a uniformly random subset of
            // the present ones, which are themselves a uniformly random subset of size
            // n − Z, Z ~ Binomial(n, 1 − p): so the surveyed households are a simple random
            // sample of min(k, n − Z) — one presence draw for the category instead of one
            // per household and its replacements.
            const uint64_t* cut = absent_cut_.data() + vil.absent_table[c];
            constexpr uint64_t kSure = std::numeric_limits<uint64_t>::max();
            // Z = min{z : X < cut[z]}; a saturated cut point (P(Z <= z) = 1) always holds, and
            // then no draw is needed: in a large pool k are at home but with probability
            // below 2^-64 (the cut point for the usual k is kept in the village).
            uint32_t absent = g.n - g.k;  // the largest count that still leaves k at home
            const uint64_t cut_k = k[c] == vil.take[c] ? vil.take_cut[c] : cut[absent];
            if (cut_k != kSure) {
              const uint64_t x = presence();
              if (!(x < cut_k)) {
                ++absent;
                while (absent < g.n && !(x < cut[absent] || cut[absent] == kSure)) ++absent;
                g.k = g.n - absent;
              }
            }
            g.decided = true;
            // The order no longer matters: Floyd's algorithm draws the k households with
            // exactly k index draws (sample_segment), remembering who is taken in the thread's
            // small tag array (one tag per segment: nothing to undo, and the array of a
            // pool's size stays in L1). Heavy households (at the front of the pool) go to
            // chosen_list, light ones (when listed) to light_list.
            const LightRegion& region = regions_[g.pool];
            const uint32_t n = g.n, start = g.start;
            const uint32_t heavy_end = start + region.heavy;
            uint32_t* const heavy_out = chosen_list + n_chosen;
            uint32_t* const light_out = light_list + n_light;
            const uint8_t* const light_weight = light;
            uint32_t nh = 0, nl = 0, weights = 0;
            if (++s->tag == 0) {
              std::fill(s->tags.begin(), s->tags.end(), uint16_t{0});
              s->tag = 1;
            }
            const uint16_t tag = s->tag;
            uint16_t* const tags = s->tags.data();
            const SampleCounts drawn =
                keep_list ? sample_segment<true>(households, n, g.k, start, heavy_end, tags, tag,
                                                 light_weight, heavy_out, light_out)
                          : sample_segment<false>(households, n, g.k, start, heavy_end, tags, tag,
                                                  light_weight, heavy_out, light_out);
            nh = drawn.heavy;
            nl = drawn.light;
            weights = drawn.weights;
            if (counters)
              for (uint32_t i = 0; i < g.k; ++i)
                __builtin_prefetch(counters + 4 * static_cast<std::size_t>(
                                                      i < nh ? heavy_out[i] : light_out[i - nh]),
                                   1);
            g.heavy = nh;
            g.light = n_light;
            g.light_weight = weights;
            n_chosen += nh;
            n_light += nl;
            // One draw says whether any of the m light households has an income finding at
            // all (probability 1 − (1 − b)^m, small); settled now, while the tags say who
            // was drawn.
            const uint32_t m = g.k - nh;
            if (m > 0 && region.none_table != kNoTable &&
                income() >= none_cut_[region.none_table + m])
              light_findings(region, start, n, tags, tag, m, keep_list ? light_out : nullptr, t);
            if (packed && !keep_list) {
              // No per-household list or counts wanted: the segment is settled here and
              // now (packed words for the heavy households, one income draw each; the
              // light ones add their weights and count), and needs no second pass.
              const Heavy* heavy = heavy_packed_.data();
              const uint32_t delta = start - region.heavy_base;
              uint32_t i = 0;
              while (i < nh) {
                const uint32_t end = std::min(nh, i + kPackedRun);
                uint64_t num = 0, num_fixed = 0, den = 0;
                for (; i < end; ++i) {
                  const Heavy& x = heavy[heavy_out[i] - delta];
                  const uint64_t u = income();
                  const uint64_t add = x.add_always + (x.add_below & -uint64_t{u < x.below_cut}) +
                                       (x.add_rich & -uint64_t{u >= x.rich_cut});
                  num += add;
                  if (any_fixed) num_fixed += add & -uint64_t{x.fixed != 0};
                  den += x.den;
                  ++t.group_count[x.group];
                }
                for (int b = 0; b < kRuleFindingCount; ++b) {
                  t.num[b] += static_cast<int64_t>(num >> (kLaneBits * b) & kLaneMask);
                  t.num_fixed[b] += static_cast<int64_t>(num_fixed >> (kLaneBits * b) & kLaneMask);
                }
                for (int st = 0; st < kStatusCount; ++st) {
                  t.persons[st] += static_cast<int64_t>(den >> (kLaneBits * st) & kLaneMask);
                  t.households[st] += static_cast<int32_t>(den >> (48 + 4 * st) & 0xF);
                }
              }
              t.persons[region.status] += weights;
              t.households[region.status] += static_cast<int32_t>(m);
              t.group_count[region.group] += static_cast<int32_t>(m);
              n_surveyed += g.k;
              continue;
            }
          } else {
            for (uint32_t j = 0; j < g.k; ++j) {
              const uint32_t pos = step(g, j);
              chosen_list[n_chosen++] = pos;
              __builtin_prefetch(hot + pos);
              if (counters) __builtin_prefetch(counters + 4 * static_cast<std::size_t>(pos), 1);
            }
          }
        }
        s->segments.push_back(g);
      }
    }
  }

  // Step 4 and the audit: visit each segment's sample, replacing absent households from
  // the rest of the walk (its reserve list, in order).
  for (Segment& g : s->segments) {
    if (g.whole) {
      for (uint32_t pos = g.start; pos < g.start + g.n; ++pos) visit(pos, hot[pos], false, t);
      continue;
    }
    uint32_t taken = 0;
    const uint32_t* chosen = chosen_list + g.chosen;
    if (g.decided) {
      const LightRegion& region = regions_[g.pool];
      // The heavy households of the segment, from the compact copy of the heavy records.
      const uint32_t delta = g.start - region.heavy_base;
      uint32_t i = 0;
      for (; i + 1 < g.heavy; i += 2) {
        visit(chosen[i], heavy_hot[chosen[i] - delta], true, t);
        visit(chosen[i + 1], heavy_hot[chosen[i + 1] - delta], true, t2);
      }
      if (i < g.heavy) visit(chosen[i], heavy_hot[chosen[i] - delta], true, t);
      // The light households: no income draw (their findings, if any, are settled for the
      // whole segment at once below), only their weights and count in the denominators.
      const uint32_t* lights = light_list + g.light;
      const uint32_t m = g.k - g.heavy;
      t.persons[region.status] += g.light_weight;
      t.households[region.status] += static_cast<int32_t>(m);
      t.group_count[region.group] += static_cast<int32_t>(m);
      n_surveyed += m;
      if (keep_list) {
        for (i = 0; i < m; ++i) {
          surveyed[n_listed++] = lights[i];
          if (counters) counters[4 * static_cast<std::size_t>(lights[i] & ~kFaultBit)] += 1;
        }
      }
      g.walked = 0;  // no swaps to undo
      continue;
    }
    for (uint32_t i = 0; i < g.k; ++i) taken += visit(chosen[i], hot[chosen[i]], false, t);
    uint32_t j = g.k;
    for (; taken < g.k && j < g.n; ++j) {
      const uint32_t pos = step(g, j);
      taken += visit(pos, hot[pos], false, t);
    }
    g.walked = j;
  }
  s->surveyed_count = n_listed;
  for (int i = 0; i < kStatusCount; ++i) {
    t.persons[i] += t2.persons[i];
    t.households[i] += t2.households[i];
  }
  for (int f = 0; f < kRuleFindingCount; ++f) {
    t.num[f] += t2.num[f];
    t.num_fixed[f] += t2.num_fixed[f];
  }
  for (int g = 0; g < kMaxApprovalGroups; ++g) t.group_count[g] += t2.group_count[g];

  // Restore the identity permutation, undoing each walk's swaps in reverse order.
  for (const Segment& g : s->segments) {
    if (g.whole) continue;
    for (uint32_t j = g.walked; j-- > 0;) std::swap(perm[g.start + j], perm[swaps[g.swaps + j]]);
  }

  Rng satisfaction(seed, r, Stream::kSatisfaction);
  int32_t approvals = 0;
  if (grouped) {
    for (std::size_t g = 0; g < group_p_.size(); ++g) {
      const int m = t.group_count[g];
      if (m == 0) continue;
      if (m > static_cast<int>(kApprovalTableMax)) {
        boost::random::binomial_distribution<int, double> dist(m, group_p_[g]);
        approvals += dist(satisfaction);
        continue;
      }
      // Inversion from the table: D = min{d : X < cut[d]}, searched from the median, so a
      // couple of comparisons (exact to the 2^-64 of the cut points).
      const BinomialRow& row = approval_rows_[g][m];
      const uint64_t* cut = approval_table_.data() + row.offset;
      const uint64_t x = satisfaction();
      uint32_t d = row.median;
      if (x < cut[d]) {
        while (d > 0 && x < cut[d - 1]) --d;
      } else {
        while (!(x < cut[d]) && cut[d] != std::numeric_limits<uint64_t>::max()) ++d;
      }
      approvals += m - static_cast<int>(d);
    }
  } else {
    for (uint32_t i = 0; i < n_listed; ++i)
      approvals += satisfaction() < approval_cut_[surveyed[i] & ~kFaultBit] ? 1 : 0;
  }
  ReplicateOutcome out;
  out.surveyed = static_cast<int>(n_surveyed);
  out.rate = rates_of(sums_of(t, t.num, approvals)).value;
  out.pass = criteria_hold(criteria_, out.rate);
  out.pass_fixed = out.pass;
  bool fixed_found = false;
  for (int f = 0; f < kRuleFindingCount; ++f) fixed_found |= t.num_fixed[f] != 0;
  if (fixed_found) {
    int64_t num[kRuleFindingCount];
    for (int f = 0; f < kRuleFindingCount; ++f) num[f] = t.num[f] - t.num_fixed[f];
    out.pass_fixed = criteria_hold(criteria_, rates_of(sums_of(t, num, approvals)).value);
  }
  return out;
}

namespace {

/// Floating-point partial sums of one block (reduced in block order) and its counts.
struct BlockSums {
  int64_t runs = 0;
  int64_t passes = 0;
  int64_t passes_fixed = 0;
  int64_t gained = 0, lost = 0;
  std::vector<int64_t> fails;
  std::vector<double> rate_sum;
};

/// Order-free integer counters of one thread.
struct ThreadCounts {
  /// Per position, 4 counters: sampled, fault, sampled_fail, fault_fail (32-bit, flushed
  /// into 64-bit totals long before they could wrap).
  std::vector<uint32_t> households;
  std::vector<int64_t> township_sampled, township_pass, village_sampled, village_pass;
  std::vector<uint64_t> histogram;  ///< criteria × kHistogramBins
  int64_t since_flush = 0;
};

}  // namespace

bool run_simulation(const Registry& reg, const EvaluationConfig& config, const Design& design,
                    const SimulationOptions& options, SimulationResult* out, std::string* err) {
  if (options.runs < 1) {
    *err = "runs must be at least 1, got " + std::to_string(options.runs);
    return false;
  }
  ReplicateModel model;
  if (!model.init(reg, config, design, options.fixed_households, err)) return false;
  const std::vector<Criterion>& criteria = model.criteria();
  const int n_criteria = static_cast<int>(criteria.size());
  int threads = options.threads;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int64_t total_blocks = (options.runs + kBlockSize - 1) / kBlockSize;
  threads = static_cast<int>(std::min<int64_t>(threads, std::max<int64_t>(1, total_blocks)));

  const std::size_t n_positions = model.household_count();
  std::vector<ThreadCounts> counts(threads);
  for (ThreadCounts& c : counts) {
    if (options.household_attribution) c.households.assign(4 * n_positions, 0);
    c.township_sampled.assign(reg.townships.size(), 0);
    c.township_pass.assign(reg.townships.size(), 0);
    c.village_sampled.assign(reg.villages.size(), 0);
    c.village_pass.assign(reg.villages.size(), 0);
    c.histogram.assign(static_cast<std::size_t>(n_criteria) * kHistogramBins, 0);
  }
  // 64-bit totals the 32-bit household counters are flushed into before they could wrap.
  std::vector<HouseholdRisk> household_totals(n_positions);
  auto flush = [&](ThreadCounts& c) {
    if (c.households.empty()) {
      c.since_flush = 0;
      return;
    }
    for (std::size_t p = 0; p < n_positions; ++p) {
      uint32_t* x = c.households.data() + 4 * p;
      HouseholdRisk& t = household_totals[p];
      t.sampled += x[0];
      t.sampled_pass += static_cast<int64_t>(x[0]) - x[2];
      t.fault += x[1];
      t.fault_fail += x[3];
      x[0] = x[1] = x[2] = x[3] = 0;
    }
    c.since_flush = 0;
  };

  std::vector<BlockSums> round(kRoundBlocks);
  BlockSums total;
  total.fails.assign(n_criteria, 0);
  total.rate_sum.assign(n_criteria, 0.0);
  std::atomic<int64_t> next_block{0};
  int64_t round_first = 0;
  int64_t round_end = std::min<int64_t>(kRoundBlocks, total_blocks);
  bool stop = false;

  auto run_block = [&](int64_t b, ReplicateModel::Scratch* scratch, ThreadCounts* c) {
    BlockSums& sums = round[b - round_first];
    sums = BlockSums{};
    sums.fails.assign(n_criteria, 0);
    sums.rate_sum.assign(n_criteria, 0.0);
    const int64_t first = b * kBlockSize;
    const int64_t last = std::min(options.runs, first + kBlockSize);
    for (int64_t r = first; r < last; ++r) {
      const ReplicateOutcome o =
          model.run_replicate(options.seed, static_cast<uint64_t>(r), scratch);
      ++sums.runs;
      sums.passes += o.pass;
      sums.passes_fixed += o.pass_fixed;
      sums.gained += !o.pass && o.pass_fixed;
      sums.lost += o.pass && !o.pass_fixed;
      for (int k = 0; k < n_criteria; ++k) {
        const double rate = o.rate[static_cast<int>(criteria[k].rate)];
        sums.rate_sum[k] += rate;
        sums.fails[k] += !criteria[k].holds(rate);
        ++c->histogram[static_cast<std::size_t>(k) * kHistogramBins + histogram_bin(rate)];
      }
      for (int t : scratch->townships) {
        ++c->township_sampled[t];
        c->township_pass[t] += o.pass;
      }
      for (int v : scratch->villages) {
        ++c->village_sampled[v];
        c->village_pass[v] += o.pass;
      }
      // Sampled and fault counts were kept by the replicate itself; the failing ones here.
      if (!o.pass && options.household_attribution) {
        uint32_t* hh = c->households.data();
        for (std::size_t i = 0; i < scratch->surveyed_count; ++i) {
          const uint32_t rec = scratch->surveyed[i];
          uint32_t* x = hh + 4 * static_cast<std::size_t>(rec & ~ReplicateModel::kFaultBit);
          x[2] += 1;
          x[3] += rec >> 31;
        }
      }
    }
    c->since_flush += sums.runs;
  };

  // Runs after every round, on one thread, while the others wait: reduce the round's
  // blocks in index order, report progress, decide whether to go on.
  auto on_round_end = [&]() noexcept {
    for (int64_t b = round_first; b < round_end; ++b) {
      const BlockSums& s = round[b - round_first];
      total.runs += s.runs;
      total.passes += s.passes;
      total.passes_fixed += s.passes_fixed;
      total.gained += s.gained;
      total.lost += s.lost;
      for (int k = 0; k < n_criteria; ++k) {
        total.fails[k] += s.fails[k];
        total.rate_sum[k] += s.rate_sum[k];
      }
    }
    for (ThreadCounts& c : counts)
      if (c.since_flush > (int64_t{1} << 31)) flush(c);
    if (options.progress) options.progress(total.runs, options.runs);
    if (round_end >= total_blocks ||
        (options.target_halfwidth > 0 &&
         wilson_halfwidth(total.passes, total.runs) <= options.target_halfwidth)) {
      stop = true;
      return;
    }
    round_first = round_end;
    round_end = std::min(round_end + kRoundBlocks, total_blocks);
    next_block.store(round_first);
  };
  std::barrier sync(threads, on_round_end);

  auto worker = [&](int tid) {
    ReplicateModel::Scratch scratch = model.make_scratch();
    if (options.household_attribution) scratch.counters = counts[tid].households.data();
    for (;;) {
      for (int64_t b = next_block.fetch_add(1); b < round_end; b = next_block.fetch_add(1))
        run_block(b, &scratch, &counts[tid]);
      sync.arrive_and_wait();
      if (stop) break;
    }
  };

  const auto t0 = std::chrono::steady_clock::now();
  {
    std::vector<std::jthread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker, t);
    worker(0);
  }
  const auto t1 = std::chrono::steady_clock::now();

  for (ThreadCounts& c : counts) flush(c);

  SimulationResult& res = *out;
  res = SimulationResult{};
  res.runs = total.runs;
  res.runs_requested = options.runs;
  res.stopped_early = total.runs < options.runs;
  res.seed = options.seed;
  res.threads = threads;
  res.passes = total.passes;
  const double n = static_cast<double>(total.runs);
  res.pass_probability = static_cast<double>(total.passes) / n;
  res.pass_ci95 = wilson_interval(total.passes, total.runs);
  res.elapsed_seconds = std::chrono::duration<double>(t1 - t0).count();
  res.replicates_per_second =
      res.elapsed_seconds > 0 ? n / res.elapsed_seconds : std::numeric_limits<double>::infinity();
  for (int k = 0; k < n_criteria; ++k) {
    CriterionStats cs;
    cs.criterion = criteria[k];
    cs.fail_count = total.fails[k];
    cs.fail_probability = static_cast<double>(total.fails[k]) / n;
    cs.mean = total.rate_sum[k] / n;
    std::vector<uint64_t> hist(kHistogramBins, 0);
    for (const ThreadCounts& c : counts)
      for (int i = 0; i < kHistogramBins; ++i)
        hist[i] += c.histogram[static_cast<std::size_t>(k) * kHistogramBins + i];
    auto quantile = [&](double q) {
      // Lower edge of the first bin whose cumulative count reaches q·n.
      const double need = std::max(1.0, std::ceil(q * n - 1e-9));
      uint64_t cum = 0;
      for (int i = 0; i < kHistogramBins; ++i) {
        cum += hist[i];
        if (static_cast<double>(cum) >= need) return i / 10000.0;
      }
      return 1.0;
    };
    cs.p05 = quantile(0.05);
    cs.p50 = quantile(0.50);
    cs.p95 = quantile(0.95);
    cs.histogram = std::move(hist);
    res.criteria.push_back(cs);
    if (res.binding < 0 || cs.fail_count > res.criteria[res.binding].fail_count) res.binding = k;
  }
  res.townships.assign(reg.townships.size(), {});
  res.villages.assign(reg.villages.size(), {});
  for (const ThreadCounts& c : counts) {
    for (std::size_t t = 0; t < res.townships.size(); ++t) {
      res.townships[t].sampled += c.township_sampled[t];
      res.townships[t].sampled_pass += c.township_pass[t];
    }
    for (std::size_t v = 0; v < res.villages.size(); ++v) {
      res.villages[v].sampled += c.village_sampled[v];
      res.villages[v].sampled_pass += c.village_pass[v];
    }
  }
  res.households.assign(reg.households.count(), {});
  for (std::size_t p = 0; p < n_positions; ++p)
    res.households[model.household_of(static_cast<uint32_t>(p))] = household_totals[p];

  if (!options.fixed_households.empty()) {
    res.has_what_if = true;
    WhatIf& w = res.what_if;
    w.fixed = options.fixed_households;
    w.passes = total.passes_fixed;
    w.pass_probability = static_cast<double>(total.passes_fixed) / n;
    w.pass_ci95 = wilson_interval(total.passes_fixed, total.runs);
    w.gained = total.gained;
    w.lost = total.lost;
    // Paired differences d_r in {-1, 0, 1}: mean (gained − lost)/n, sample variance from
    // the sum of squares (gained + lost).
    const double mean = static_cast<double>(total.gained - total.lost) / n;
    w.difference = mean;
    if (total.gained == 0 && total.lost == 0) {
      w.difference_ci95 = {0.0, 0.0};
    } else {
      const double ss = static_cast<double>(total.gained + total.lost) - n * mean * mean;
      const double var = total.runs > 1 ? ss / (n - 1) : 0.0;
      const double se = std::sqrt(std::max(0.0, var) / n);
      w.difference_ci95 = {mean - kZ95 * se, mean + kZ95 * se};
    }
  }
  return true;
}

}  // namespace kaoping
