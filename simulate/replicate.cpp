// One replicate of the model (simulate/model.h). Where the time goes: a replicate surveys
// about 9 villages × 43 households; per household the loop does one index draw from a
// 32-bit half of the generator (a shuffle of the slots of a pool of up to 256, Floyd's
// algorithm in a larger one, or a partial Fisher–Yates walk when presence differs between
// households, with one presence draw per visit). Only "heavy"
// households (a certain finding, or an income finding more likely than 2^-12) draw their
// own income uniform, compared against precomputed 64-bit cut points (no exp/log/erf in the
// loop); the "light" ones of a segment share one draw that says whether any of them has a
// finding at all. A category whose households share one presence probability settles
// absence with one draw; approval is one table look-up per group of equal probability.
// docs/simulation.md gives the measurements behind each choice.
#include <algorithm>
#include <array>
#include <boost/random/binomial_distribution.hpp>
#include <cmath>
#include <limits>

#include "sampler/sampler.h"
#include "simulate/model.h"
#include "simulate/model_detail.h"
#include "util/sampling.h"

namespace kaoping {

using namespace model_detail;

namespace {

struct SampleCounts {
  uint32_t heavy = 0, light = 0, weights = 0, faults = 0;
};

/// How sample_segment draws: Floyd's algorithm (a pool of more than kShufflePool slots), or
/// the small-pool shuffle, marking the slots it takes in the tags (kShuffleTagged: the pool
/// has a rare slot, which light_findings looks up there) or not (kShuffle: no rare slot, the
/// usual case; 1 to 6 pools in a hundred have one).
enum SampleBy { kFloyd, kShuffleTagged, kShuffle };

/// A simple random sample of k of the n slots of a pool, two index draws per generator
/// output (util/sampling.h: floyd_sample_halves, shuffle_sample_halves). tags[t] == tag marks
/// slot t as taken (the caller gives a fresh tag). The light code of slot t is
/// table[light[t]] (ReplicateModel::light_ and code_table_: a byte per slot, so the random
/// reads touch few cache lines): 1 for a heavy household, its weight << 32 for a light one,
/// | 1 << 16 for a fault-light one. One sum then counts the heavy ones (low word; its low 16
/// bits when kFaults, the pool having fault-light ones), the fault-light ones (bits 16-31)
/// and adds the light ones' weights (high word). Heavy slots go to heavy_out as slots; light
/// ones to light_out as positions (start + slot) when kList; fault-light ones, when kFaults,
/// to fault_out, as slots, or as their index in light_out when kList (each array is written
/// every time and only its count advances: no branch to mispredict). A function of its own,
/// with the generator in a local, so that its state stays in a register. The shuffle never
/// takes a slot twice, so it has no branch on the draw (Floyd's "taken before" is true at
/// random in about one draw in seven in small pools, and mispredicted).
template <bool kList, bool kFaults, SampleBy kBy>
[[gnu::noinline]] SampleCounts sample_segment(WyRand& rng_ref, uint32_t n, uint32_t k,
                                              uint16_t* tags, uint16_t tag, const uint8_t* light,
                                              const uint64_t* table, uint32_t* heavy_out,
                                              uint32_t* light_out, uint32_t* fault_out,
                                              uint32_t start) {
  constexpr uint64_t kHeavyMask = kFaults ? 0xFFFF : 0xFFFFFFFF;
  WyRand rng = rng_ref;  // a local: its state stays in a register
  uint64_t sum = 0;      // heavy count | fault-light count << 16 | light weights << 32
  uint32_t nl = 0;
  const auto take = [&](uint32_t t, uint32_t j) {
    if constexpr (kBy == kFloyd)
      if (tags[t] == tag) t = j;  // taken before: j instead
    if constexpr (kBy != kShuffle) tags[t] = tag;
    const uint64_t c = table[light[t]];
    heavy_out[sum & kHeavyMask] = t;
    if constexpr (kFaults) fault_out[(sum >> 16) & 0xFFFF] = kList ? nl : t;
    if constexpr (kList) {
      light_out[nl] = start + t;
      nl += static_cast<uint32_t>(~c & 1);
    }
    sum += c;
  };
  if constexpr (kBy != kFloyd) {
    alignas(64) uint8_t order[kShufflePool];
    shuffle_sample_halves(n, k, order, rng, [&](uint32_t t) { take(t, 0); });
  } else {
    floyd_sample_halves(n, k, rng, take);
  }
  rng_ref = rng;
  const auto nh = static_cast<uint32_t>(sum & kHeavyMask);
  const uint32_t nf = kFaults ? static_cast<uint32_t>(sum >> 16) & 0xFFFF : 0;
  return {nh, kList ? nl : k - nh, static_cast<uint32_t>(sum >> 32), nf};
}

/// sample_segment by [kList][kFaults][SampleBy].
using Sampler = SampleCounts (*)(WyRand&, uint32_t, uint32_t, uint16_t*, uint16_t, const uint8_t*,
                                 const uint64_t*, uint32_t*, uint32_t*, uint32_t*, uint32_t);
template <bool kList, bool kFaults>
constexpr std::array<Sampler, 3> kSamplersBy = {sample_segment<kList, kFaults, kFloyd>,
                                                sample_segment<kList, kFaults, kShuffleTagged>,
                                                sample_segment<kList, kFaults, kShuffle>};
constexpr std::array<Sampler, 3> kSamplers[2][2] = {
    {kSamplersBy<false, false>, kSamplersBy<false, true>},
    {kSamplersBy<true, false>, kSamplersBy<true, true>}};

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

/// The income uniform X of a pool slot: uniform on [0, 2^64), built from a keyed draw h so
/// that whether X is in the rare region is the slot's rare flag (drawn for the whole pool
/// first): X uniform on the rare region when rare, on the rest otherwise.
inline uint64_t income_uniform(uint64_t h, bool rare) {
  if (rare) {
    const uint64_t y = h >> 12;  // uniform on [0, 2^52): the region's two halves
    return y < kRareLow ? y : y - kRareLow + kRareHigh;
  }
  constexpr uint64_t kRest = kRareHigh - kRareLow;
  return kRareLow + static_cast<uint64_t>((static_cast<unsigned __int128>(h) * kRest) >> 64);
}

// Units under a replicate key.
constexpr uint64_t kTownshipUnit = 0;
constexpr uint64_t kVillageUnit = 1;         // + township · kTierCount + tier
constexpr uint64_t kSegmentUnit = 1u << 20;  // + village · kCategoryCount + category
constexpr uint64_t kFillUnit = 1u << 28;     // + village

}  // namespace

/// One replicate in progress: the thread's buffers, the tallies, the replicate key. Each
/// step is a small inline function over this state, in the order run_replicate calls them:
/// the townships, each village's segments (drawn, and when they can be, settled right away),
/// the visits of the other segments (step 4 with absence and replacement), the verdict.
/// Every draw of a village's households comes from its segment's own stream and keyed
/// draws (SPEC §3), so the answer is the same whatever is asked of the run.
struct ReplicateModel::Replicate {
  Replicate(const ReplicateModel& m, uint64_t seed, uint64_t r, Scratch* scratch)
      : model(m),
        s(scratch),
        key(stream_key(seed, r)),
        hot(m.hot_.data()),
        heavy_hot(m.heavy_hot_.data()),
        light(m.light_.data()),
        heavy_index(m.heavy_index_.data()),
        counts(scratch->counts),
        perm(scratch->perm.data()),
        swaps(scratch->swaps.data()),
        chosen_list(scratch->chosen.data()),
        surveyed(scratch->surveyed.data()),
        light_list(scratch->light.data()),
        grouped(m.grouped_approval_),
        criteria_findings(m.criteria_findings_),
        found_list(scratch->record ? scratch->found.data() : nullptr),
        keep_list(scratch->counts != nullptr || !m.grouped_approval_ || scratch->record),
        any_fixed(m.any_fixed_),
        packed(m.packed_) {
    s->villages.clear();
    s->segments.clear();
    s->light_found.clear();
  }

  const ReplicateModel& model;
  Scratch* s;
  const uint64_t key;  ///< of the replicate (stream_key)
  const Hot* hot;
  const Hot* heavy_hot;
  const uint8_t* light;
  const uint32_t* heavy_index;
  HouseholdCounts* counts;
  uint32_t* perm;
  uint32_t* swaps;
  uint32_t* chosen_list;
  uint32_t* surveyed;
  uint32_t* light_list;
  uint32_t n_chosen = 0, n_swaps = 0, n_light = 0, n_rare = 0;
  uint32_t n_surveyed = 0;  ///< households surveyed
  uint32_t n_listed = 0;    ///< ... of them in s->surveyed (all of them when keep_list)
  /// Two tallies, alternated between consecutive households of a sample, so that their sums
  /// form two independent chains of additions instead of one (the same few counters are hit
  /// by every household of a category).
  ReplicateTally t, t2;
  /// The packed words of the heavy loop (settle_packed), carried from segment to segment:
  /// numerators, what-if numerators, persons and households per status, and how many more
  /// households they take before a flush.
  struct Packed {
    uint64_t num = 0, num_fixed = 0, den = 0, count = 0;
    uint32_t room = 0;
  } packed_sums;
  const bool grouped;
  const uint8_t criteria_findings;
  uint8_t* const found_list;  ///< per listed household, its findings (Scratch::record), or null
  /// The list of surveyed households is needed for the per-household counts and for
  /// approval drawn household by household; otherwise light households only count.
  const bool keep_list;
  const bool any_fixed;
  const bool packed;

  /// Stage 1 is the sampler's own (Floyd's algorithm, or systematic PPS on a random order
  /// after the certainty units), so simulate draws townships exactly as `sample` does.
  void draw_townships() {
    if (!model.given_townships_.empty()) {  // announced (SPEC §4, conditions)
      s->townships = model.given_townships_;
      return;
    }
    Rng rng = Rng::keyed(unit_key(key, kTownshipUnit));
    if (model.pps_)
      s->townships = select_townships_pps(*model.design_, model.n_townships_, rng);
    else
      select_townships_srs(model.eligible_, model.n_townships_, rng, &s->townships,
                           &s->township_taken);
  }

  /// One Fisher–Yates step of a segment's walk: the position it reaches.
  uint32_t step(Segment& g, uint32_t j) {
    const uint32_t to = g.start + static_cast<uint32_t>(walk_step(perm + g.start, j, g.n, g.rng));
    swaps[g.swaps + j] = to;
    return perm[g.start + j];
  }

  /// Whether slot `pos` of segment g is one of its rare slots (almost always none).
  bool is_rare(const Segment& g, uint32_t pos) const {
    const uint32_t* rare = s->rare.data() + g.rare;
    for (uint32_t i = 0; i < g.n_rare; ++i)
      if (rare[i] == pos) return true;
    return false;
  }

  /// The income uniform of the household at `pos`.
  uint64_t income_of(const Segment& g, uint32_t pos) const {
    const uint64_t h = keyed_draw(g.key ^ kIncomeFamily, pos - g.start);
    return income_uniform(h, g.n_rare != 0 && is_rare(g, pos));
  }

  /// Adds a household's findings to the numerators; 1 when one of them is a fault.
  /// Branch-free: whether a heavy household has a finding is close to a coin toss.
  uint32_t add_findings(const Hot& x, uint8_t found, ReplicateTally& tally) const {
    int64_t w[kRuleFindingCount];
    for (int b = 0; b < kRuleFindingCount; ++b) {
      w[b] = (b == kInconsistencyBit ? 1 : int64_t{x.weight}) &
             -static_cast<int64_t>((found >> b) & 1);
      tally.num[b] += w[b];
    }
    if (any_fixed) {
      const int64_t fixed = -static_cast<int64_t>((x.status & kFixed) != 0);
      for (int b = 0; b < kRuleFindingCount; ++b) tally.num_fixed[b] += w[b] & fixed;
    }
    return (found & criteria_findings) ? 1 : 0;
  }

  static uint8_t findings_at(const Hot& x, uint64_t u) {
    return static_cast<uint8_t>(x.always | (x.below & -static_cast<uint8_t>(u < x.below_cut)) |
                                (x.rich & -static_cast<uint8_t>(u >= x.rich_cut)));
  }

  /// The fault draw of the household at `pos` (an unverified one is found at fault when it
  /// is below its fault cut); every household has it, whatever its record.
  uint64_t fault_of(const Segment& g, uint32_t pos) const {
    // Not drawn when no household of the county is unverified (a predicted branch): a fault
    // cut of 0 is never reached by any draw.
    return model.any_unverified_ ? keyed_draw(g.key ^ kFaultFamily, pos - g.start) : ~uint64_t{0};
  }

  /// The findings of the household at `pos` found at fault by its fault draw (0 when it is
  /// verified: its fault mask is empty).
  uint8_t fault_findings(const Segment& g, uint32_t pos, const Hot& x) const {
    return x.fault & -static_cast<uint8_t>(fault_of(g, pos) < x.fault_cut);
  }

  /// Approval of one household drawn on its own (more approval probabilities than groups).
  void approve_one(const Segment& g, uint32_t pos) {
    t.approvals +=
        keyed_draw(g.key ^ kApprovalFamily, pos - g.start) < model.approval_cut_[pos] ? 1 : 0;
  }

  /// Visits one household: at home (unless `decided`, its keyed presence draw), its income
  /// uniform, its findings, its counts. False when it is not at home.
  bool visit(Segment& g, uint32_t pos, const Hot& x, bool decided, ReplicateTally& tally) {
    if (!decided && !(x.status & kPresentSure) &&
        keyed_draw(g.key ^ kPresenceFamily, pos - g.start) >= x.present_cut)
      return false;
    const uint8_t found = findings_at(x, income_of(g, pos)) | fault_findings(g, pos, x);
    const int status = x.status & kStatusMask;
    tally.persons[status] += x.weight;
    tally.households[status] += 1;
    if (grouped)
      ++g.group_count[x.status >> kGroupShift];
    else
      approve_one(g, pos);
    const uint32_t fault = add_findings(x, found, tally);
    if (found_list) found_list[n_listed] = found;
    surveyed[n_listed++] = pos | fault << 31;
    ++n_surveyed;
    return true;
  }

  /// The rare slots of a pool, each slot independently with probability 2^-12, from the
  /// segment's stream by geometric gaps (one draw when there is none, the usual case).
  void draw_rare(Segment* g) {
    g->rare = n_rare;
    const auto uniform = [&] { return rare_uniform(g->rng() >> 11); };
    const uint64_t first = g->rng() >> 11;
    if (first < model.none_rare_cut_[g->n]) return;  // u <= P(none), in integers
    double u = rare_uniform(first);
    const double log_keep = std::log1p(-kRareProbability);
    for (uint64_t at = 0;; u = uniform()) {
      at += static_cast<uint64_t>(std::floor(std::log(u) / log_keep));
      if (at >= g->n) break;
      s->rare[n_rare++] = g->start + static_cast<uint32_t>(at);
      ++at;
    }
    g->n_rare = n_rare - g->rare;
  }

  /// The light households of a decided segment that are rare and surveyed: each gets its
  /// income uniform in the rare region and is judged (its findings, if any, counted).
  /// `listed` (the segment's light list, or null) gets the fault bit of those at fault.
  void light_findings(const Segment& g, const uint16_t* tags, uint16_t tag, uint32_t m,
                      uint32_t* listed) {
    const uint32_t* rare = s->rare.data() + g.rare;
    for (uint32_t i = 0; i < g.n_rare; ++i) {
      const uint32_t pos = rare[i];
      if (light[pos] == 0 || tags[pos - g.start] != tag) continue;  // heavy, or not drawn
      const Hot& hx = hot[pos];
      const uint8_t found = findings_at(hx, income_of(g, pos)) | fault_findings(g, pos, hx);
      if (!found) continue;
      const uint32_t fault = add_findings(hx, found, t);
      if (found_list) s->light_found.emplace_back(pos, found);
      if (listed && fault)
        for (uint32_t q = 0; q < m; ++q)
          if (listed[q] == pos) listed[q] |= kFaultBit;
    }
  }

  /// The fault-light households a decided segment drew (`faults`: slots, or indices into
  /// `listed`, the segment's light list, when it is kept): each one's fault draw, keyed by its
  /// slot as every household's is, against the pool's one cut point; those at fault add the
  /// pool's fault findings (weights, or a count for 三统一). A rare one was judged with its
  /// income by light_findings.
  void settle_faults(const Segment& g, const uint32_t* faults, uint32_t nf, uint32_t* listed) {
    const LightRegion& region = model.regions_[g.pool];
    const uint64_t fault_key = g.key ^ kFaultFamily, cut = region.fault_cut;
    const uint8_t* const code = light + g.start;
    const uint64_t* const table = model.code_table_.data();
    const uint32_t criterion = (region.fault & criteria_findings) ? kFaultBit : 0;
    uint64_t weights = 0;
    uint32_t count = 0;
    // The fault draw is a branch: a fault-light household is at fault with its fault prior
    // (0.5-2%), so it is all but always predicted, and the weight is looked up for few.
    const auto at_fault = [&](uint32_t f, uint32_t slot) {
      weights += table[code[slot]] >> 32;
      ++count;
      if (listed) {
        listed[faults[f]] |= criterion;
        if (found_list) s->light_found.emplace_back(g.start + slot, region.fault);
      }
    };
    if (listed == nullptr && g.n_rare == 0) {  // the usual case, in a loop of its own
      for (uint32_t f = 0; f < nf; ++f)
        if (keyed_draw(fault_key, faults[f]) < cut) [[unlikely]]
          at_fault(f, faults[f]);
    } else {
      for (uint32_t f = 0; f < nf; ++f) {
        const uint32_t slot = listed ? (listed[faults[f]] & ~kFaultBit) - g.start : faults[f];
        if (g.n_rare > 0 && is_rare(g, g.start + slot)) continue;
        if (keyed_draw(fault_key, slot) < cut) [[unlikely]]
          at_fault(f, slot);
      }
    }
    for (int b = 0; b < kRuleFindingCount; ++b)
      if (region.fault >> b & 1)
        t.num[b] += b == kInconsistencyBit ? int64_t{count} : static_cast<int64_t>(weights);
  }

  /// The fill of a village: simple random sampling from the pooled remainder of the
  /// categories, from the village's own stream; only how many come from each category
  /// matters (the households themselves are then drawn within the category, which is the
  /// same distribution).
  void draw_fill(int v, const Village& vil, uint32_t k[kCategoryCount]) {
    WyRand rng(unit_key(key, kFillUnit + static_cast<uint64_t>(v)));
    uint32_t rest[kCategoryCount];
    uint32_t pooled = 0;
    for (int c = 0; c < kCategoryCount; ++c) pooled += rest[c] = vil.count[c] - k[c];
    for (uint32_t f = 0; f < vil.fill && pooled > 0; ++f, --pooled) {
      uint32_t x = static_cast<uint32_t>(rng.below(pooled));
      int c = 0;
      while (x >= rest[c]) x -= rest[c++];
      ++k[c];
      --rest[c];
    }
  }

  /// Every household of the pool is at home with the same probability p. Walking a random
  /// order and taking the first k present gives a uniformly random subset of the present
  /// ones, which are themselves a uniformly random subset of size n − Z, Z ~ Binomial(n,
  /// 1 − p): so the surveyed households are a simple random sample of min(k, n − Z) — one
  /// presence draw for the category instead of one per household and its replacements.
  /// Sets g.k to that number.
  void settle_absence(const Village& vil, int c, uint32_t k_c, Segment* g) {
    const uint64_t* cut = model.absent_cut_.data() + vil.absent_table[c];
    constexpr uint64_t kSure = std::numeric_limits<uint64_t>::max();
    // Z = min{z : X < cut[z]}; a saturated cut point (P(Z <= z) = 1) always holds, and then
    // no draw is needed: in a large pool k are at home but with probability below 2^-64
    // (the cut point for the usual k is kept in the village).
    uint32_t absent = g->n - g->k;  // the largest count that still leaves k at home
    const uint64_t cut_k = k_c == vil.take[c] ? vil.take_cut[c] : cut[absent];
    if (cut_k == kSure) return;
    const uint64_t x = g->rng();
    if (x < cut_k) return;
    ++absent;
    while (absent < g->n && !(x < cut[absent] || cut[absent] == kSure)) ++absent;
    g->k = g->n - absent;
  }

  /// A decided segment's k households: exactly k index draws (sample_segment: a shuffle of
  /// the slots of a small pool, Floyd's algorithm in a large one), remembering who is taken in the
  /// thread's small tag array (one tag per segment: nothing to undo, and the array of a pool's size
  /// stays in L1). Heavy households go to chosen_list; light ones, when listed, straight to the
  /// surveyed list when the segment is settled here, else to light_list; the rare light ones drawn
  /// are judged now, while the tags say who was drawn. Returns true when the segment was settled
  /// outright (grouped approval and the packed sums: the usual case).
  bool draw_decided(Segment* g) {
    g->decided = true;
    const uint32_t n = g->n, start = g->start;
    // Recording findings (prioritize) takes the visit path, which lists each one's findings.
    const bool settle = packed && grouped && !found_list;
    uint32_t* const heavy_out = chosen_list + n_chosen;
    uint32_t* const light_out = settle ? surveyed + n_listed : light_list + n_light;
    if (++s->tag == 0) {
      std::fill(s->tags.begin(), s->tags.end(), uint16_t{0});
      s->tag = 1;
    }
    const uint16_t tag = s->tag;
    uint16_t* const tags = s->tags.data();
    uint32_t* const faults = s->faults.data();
    const bool with_faults = model.regions_[g->pool].fault != 0;
    const SampleBy by = n > kShufflePool ? kFloyd : g->n_rare > 0 ? kShuffleTagged : kShuffle;
    const SampleCounts drawn = kSamplers[keep_list][with_faults][by](
        g->rng, n, g->k, tags, tag, light + start, model.code_table_.data(), heavy_out, light_out,
        faults, start);
    const uint32_t nh = drawn.heavy;
    g->heavy = nh;
    g->light = n_light;
    g->light_weight = drawn.weights;
    n_chosen += nh;
    const uint32_t m = g->k - nh;
    if (m > 0 && g->n_rare > 0) light_findings(*g, tags, tag, m, keep_list ? light_out : nullptr);
    if (drawn.faults > 0) settle_faults(*g, faults, drawn.faults, keep_list ? light_out : nullptr);
    if (!settle) {
      n_light += drawn.light;
      for (uint32_t i = 0; i < nh; ++i) heavy_out[i] += start;  // positions, for step 4
      return false;
    }
    if (keep_list) n_listed += drawn.light;
    if (g->n_rare > 0) {
      // A rare slot: the heavy households map their income draws as visit() does.
      for (uint32_t i = 0; i < nh; ++i) {
        const uint32_t pos = start + heavy_out[i];
        visit(*g, pos, heavy_hot[heavy_index[pos]], true, i & 1 ? t2 : t);
      }
    } else if (keep_list) {
      settle_packed<true>(g, heavy_out);
    } else {
      settle_packed<false>(g, heavy_out);
    }
    add_light(g, m, g->light_weight);
    draw_approvals(g);
    return true;
  }

  /// A decided segment without a rare slot is settled in the sampling loop (packed words for
  /// the heavy households, one keyed draw each, and the surveyed list when kList; the light
  /// ones add their weights and count) and needs no second pass.
  template <bool kList>
  void settle_packed(Segment* g, const uint32_t* heavy_out) {
    const Heavy* heavy = model.heavy_packed_.data();
    const uint32_t nh = g->heavy, start = g->start;
    const uint32_t* const index = heavy_index + start;
    const uint64_t key = g->key;
    int32_t* const group_count = g->group_count;
    uint32_t* const listed = surveyed + n_listed;
    Packed p = packed_sums;
    uint32_t i = 0;
    while (i < nh) {
      if (p.room == 0) flush(&p);
      const uint32_t end = std::min(nh, i + p.room);
      p.room -= end - i;
      for (; i < end; ++i) {
        const uint32_t slot = heavy_out[i];
        const Heavy& x = heavy[index[slot]];
        const uint64_t d = keyed_draw(key ^ x.family, slot);
        uint8_t m =
            static_cast<uint8_t>(x.always | (x.below & -static_cast<uint8_t>(d < x.below_cut)) |
                                 (x.rich & -static_cast<uint8_t>(d >= x.rich_cut)) |
                                 (x.fault & -static_cast<uint8_t>(d < x.fault_cut)));
        if (x.fault2) [[unlikely]]
          m |= x.fault2 & -static_cast<uint8_t>(keyed_draw(key ^ kFaultFamily, slot) < x.fault_cut);
        const uint64_t add =
            x.weight * kSpread[m & ~kInconsistencyMask] + kSpread[m & kInconsistencyMask];
        p.num += add;
        if (any_fixed) p.num_fixed += add & -uint64_t{x.fixed != 0};
        p.den += x.den;
        p.count += x.count;
        ++group_count[x.group];
        if constexpr (kList)
          listed[i] = (start + slot) | uint32_t{(m & criteria_findings) != 0} << 31;
      }
    }
    packed_sums = p;
    n_surveyed += nh;
    if constexpr (kList) n_listed += nh;
  }

  /// The packed words into the tallies, and room for another packed_run_ households.
  void flush(Packed* p) {
    for (int b = 0; b < kRuleFindingCount; ++b) {
      t.num[b] += static_cast<int64_t>(p->num >> (kLaneBits * b) & kLaneMask);
      if (any_fixed)
        t.num_fixed[b] += static_cast<int64_t>(p->num_fixed >> (kLaneBits * b) & kLaneMask);
    }
    for (int st = 0; st < kStatusCount; ++st) {
      t.persons[st] += static_cast<int64_t>(p->den >> (kCountLaneBits * st) & 0xFFFF);
      t.households[st] += static_cast<int32_t>(p->count >> (kCountLaneBits * st) & 0xFFFF);
    }
    *p = Packed{0, 0, 0, 0, model.packed_run_};
  }

  /// The light households of a decided segment in the denominators: their weights and count.
  void add_light(Segment* g, uint32_t m, uint32_t weights) {
    const LightRegion& region = model.regions_[g->pool];
    t.persons[region.status] += weights;
    t.households[region.status] += static_cast<int32_t>(m);
    g->group_count[region.group] += static_cast<int32_t>(m);
    n_surveyed += m;
  }

  /// The first k steps of a walk: they do not depend on who is at home, so they are all
  /// drawn first and their records prefetched; the memory latency of the random households
  /// overlaps instead of adding up.
  void draw_walk(Segment& g) {
    for (uint32_t j = 0; j < g.k; ++j) {
      const uint32_t pos = step(g, j);
      chosen_list[n_chosen++] = pos;
      __builtin_prefetch(hot + pos);
      if (counts) __builtin_prefetch(counts->sampled.data() + 2 * std::size_t{pos}, 1);
    }
  }

  /// Stages 2-3 for one township and tier: the village(s) (from the stream of the township and
  /// tier), then for each category the households of its sample from the segment's own
  /// stream. A decided segment without per-household counts is settled right here; the
  /// others are stored for step 4.
  void draw_village(int township, int tier_index, Tier tier) {
    const std::vector<int>& list = model.tier_villages_[township][static_cast<int>(tier)];
    WyRand village_rng(
        unit_key(key, kVillageUnit + static_cast<uint64_t>(township) * kTierCount + tier_index));
    const int given =
        model.given_village_.empty()
            ? -1
            : model.given_village_[static_cast<std::size_t>(township) * model.tiers_.size() +
                                   static_cast<std::size_t>(tier_index)];
    if (given >= 0) return survey_village(given);
    const uint32_t want = static_cast<uint32_t>(model.villages_per_tier_[static_cast<int>(tier)]);
    if (want == 1) return survey_village(list[village_rng.below(list.size())]);
    // design.villages_per_tier: Floyd's sample of `want` of the tier (eligibility: enough).
    std::vector<uint32_t>& picks = s->village_picks;
    picks.clear();
    const uint32_t n = static_cast<uint32_t>(list.size());
    floyd_sample(
        n, want, [&](uint32_t m) { return static_cast<uint32_t>(village_rng.below(m)); },
        [&](uint32_t t, uint32_t j) {
          picks.push_back(std::find(picks.begin(), picks.end(), t) == picks.end() ? t : j);
        });
    for (uint32_t i : picks) survey_village(list[i]);
  }

  /// Stage 3 for one drawn village: for each category the households of its sample.
  void survey_village(int v) {
    s->villages.push_back(v);
    const Village& vil = model.villages_[v];
    uint32_t k[kCategoryCount] = {vil.take[0], vil.take[1], vil.take[2]};
    if (vil.fill) draw_fill(v, vil, k);
    for (int c = 0; c < kCategoryCount; ++c) {
      if (k[c] == 0 || vil.count[c] == 0) continue;
      Segment g;
      g.start = vil.start[c];
      g.n = vil.count[c];
      g.k = std::min(k[c], g.n);
      g.whole = k[c] >= g.n;
      g.chosen = n_chosen;
      g.pool = static_cast<uint32_t>(v * kCategoryCount + c);
      g.key = unit_key(key, kSegmentUnit + g.pool);
      g.rng = WyRand(g.key);
      draw_rare(&g);
      if (!g.whole) {
        g.swaps = n_swaps;
        n_swaps += g.n;
        if (vil.absent_table[c] != kNoTable) {
          settle_absence(vil, c, k[c], &g);
          if (draw_decided(&g)) continue;
        } else {
          draw_walk(g);
        }
      }
      s->segments.push_back(g);
    }
  }

  /// A given household list (SPEC §4, conditions): one segment per village category of the
  /// list, on the streams and keyed draws of the unconditional run, visited in step 4.
  void draw_listed() {
    s->townships = model.list_townships_;
    s->villages = model.list_villages_;
    for (std::size_t i = 0; i < model.listed_.size(); ++i) {
      const Listed& l = model.listed_[i];
      const Village& vil = model.villages_[l.village];
      Segment g;
      g.start = vil.start[l.category];
      g.n = vil.count[l.category];
      g.k = static_cast<uint32_t>(l.sample.size());
      g.listed = true;
      g.list = static_cast<uint32_t>(i);
      g.pool = l.village * kCategoryCount + l.category;
      g.key = unit_key(key, kSegmentUnit + g.pool);
      g.rng = WyRand(g.key);
      draw_rare(&g);
      s->segments.push_back(g);
    }
  }

  /// Step 4 for a listed segment: its households, then the absent replaced from its reserve
  /// in order (none when the list has no reserve rows).
  void visit_listed(Segment& g) {
    const Listed& l = model.listed_[g.list];
    uint32_t taken = 0;
    for (uint32_t pos : l.sample) taken += visit(g, pos, hot[pos], false, t);
    for (std::size_t j = 0; taken < g.k && j < l.reserve.size(); ++j)
      taken += visit(g, l.reserve[j], hot[l.reserve[j]], false, t);
  }

  /// Step 4 for a decided segment: the heavy households from the compact copy of their
  /// records, then the light ones (no income of their own: the rare ones were judged when
  /// drawn), only their weights and count in the denominators.
  void visit_decided(Segment& g) {
    const uint32_t* chosen = chosen_list + g.chosen;
    uint32_t i = 0;
    for (; i + 1 < g.heavy; i += 2) {
      visit(g, chosen[i], heavy_hot[heavy_index[chosen[i]]], true, t);
      visit(g, chosen[i + 1], heavy_hot[heavy_index[chosen[i + 1]]], true, t2);
    }
    if (i < g.heavy) visit(g, chosen[i], heavy_hot[heavy_index[chosen[i]]], true, t);
    const uint32_t* lights = light_list + g.light;
    const uint32_t m = g.k - g.heavy;
    add_light(&g, m, g.light_weight);
    if (keep_list) {
      for (i = 0; i < m; ++i) {
        const uint32_t pos = lights[i] & ~kFaultBit;
        if (found_list) found_list[n_listed] = 0;  // a rare one found is in light_found
        surveyed[n_listed++] = lights[i];
        if (!grouped) approve_one(g, pos);
      }
    }
    g.walked = 0;  // no swaps to undo
  }

  /// Step 4 and the audit: visit each stored segment's sample, replacing absent households
  /// from the rest of the walk (its reserve list, in order), then its approvals.
  void visit_segments() {
    for (Segment& g : s->segments) {
      if (g.listed) {
        visit_listed(g);
      } else if (g.whole) {
        for (uint32_t pos = g.start; pos < g.start + g.n; ++pos) visit(g, pos, hot[pos], false, t);
      } else if (g.decided) {
        visit_decided(g);
      } else {
        const uint32_t* chosen = chosen_list + g.chosen;
        uint32_t taken = 0;
        for (uint32_t i = 0; i < g.k; ++i) taken += visit(g, chosen[i], hot[chosen[i]], false, t);
        uint32_t j = g.k;
        for (; taken < g.k && j < g.n; ++j) {
          const uint32_t pos = step(g, j);
          taken += visit(g, pos, hot[pos], false, t);
        }
        g.walked = j;
      }
      draw_approvals(&g);
    }
    s->surveyed_count = n_listed;
  }

  /// The second tally into the first, and the identity permutation restored (each walk's
  /// swaps undone in reverse order) for the next replicate on this thread.
  void finish_walks() {
    flush(&packed_sums);
    for (int i = 0; i < kStatusCount; ++i) {
      t.persons[i] += t2.persons[i];
      t.households[i] += t2.households[i];
    }
    for (int f = 0; f < kRuleFindingCount; ++f) {
      t.num[f] += t2.num[f];
      t.num_fixed[f] += t2.num_fixed[f];
    }
    for (const Segment& g : s->segments) {
      if (g.whole) continue;
      for (uint32_t j = g.walked; j-- > 0;) std::swap(perm[g.start + j], perm[swaps[g.swaps + j]]);
    }
  }

  /// Approvals of a group of m: inversion from the table (util/sampling.h: cut_invert with
  /// the row's guide, one look-up and one comparison in all but a few draws; cut_search for
  /// the rows without one), exact to the 2^-64 of the cut points. A search from the median
  /// that branched on the draw mispredicted about once a group, and a replicate draws some
  /// 45 groups (each group of each segment). Above the table a Boost.Random binomial draw.
  int32_t group_approvals(std::size_t g, int m, WyRand& rng) const {
    if (m > static_cast<int>(kApprovalTableMax)) {
      boost::random::binomial_distribution<int, double> dist(m, model.group_p_[g]);
      return dist(rng);
    }
    const BinomialRow& row = model.approval_rows_[g][m];
    const uint64_t* const cut = model.approval_table_.data() + row.offset;
    const uint64_t x = rng();
    const uint32_t d = row.guide != kNoTable
                           ? cut_invert(cut, row.count, model.approval_guide_.data() + row.guide, x)
                           : cut_search(cut, row.count, x);
    return m - static_cast<int32_t>(d);
  }

  /// A segment's approvals, group by group, from the end of its stream.
  void draw_approvals(Segment* g) {
    if (!grouped) return;  // drawn household by household at the visits
    // Only the groups of the pool's households can have been surveyed, in group order.
    for (uint32_t groups = model.pool_groups_[g->pool]; groups != 0; groups &= groups - 1) {
      const auto k = static_cast<std::size_t>(__builtin_ctz(groups));
      if (g->group_count[k] > 0) t.approvals += group_approvals(k, g->group_count[k], g->rng);
    }
  }

  /// The per-household counts of the replicate (HouseholdCounts), from the complete list of
  /// the surveyed; the fault counts are touched only for the few at fault.
  /// Out of line: flattened into run_replicate, the loop kept its pointer on the stack (a
  /// store and a reload every household, in one chain).
  [[gnu::noinline]] void count_households(bool pass) const {
    uint16_t* const sampled = counts->sampled.data() + (pass ? 0 : 1);
    uint16_t* const fault = counts->fault.data() + (pass ? 0 : 1);
    const uint32_t* const list = surveyed;
    for (uint32_t i = 0, n = n_listed; i < n; ++i) {
      const uint32_t rec = list[i];
      const std::size_t p = 2 * std::size_t{rec & ~kFaultBit};
      sampled[p] += 1;
      if (rec & kFaultBit) [[unlikely]]
        fault[p] += 1;
    }
  }

  /// The rates and the verdict, as they are and with the what-if households put right.
  ReplicateOutcome outcome() const {
    ReplicateOutcome out;
    out.surveyed = static_cast<int>(n_surveyed);
    out.rate = rates_of(sums_of(t, t.num, t.approvals), model.county_).value;
    out.pass = criteria_hold(model.criteria_, out.rate);
    if (found_list) s->sums = sums_of(t, t.num, t.approvals);
    out.pass_fixed = out.pass;
    bool fixed_found = false;
    for (int f = 0; f < kRuleFindingCount; ++f) fixed_found |= t.num_fixed[f] != 0;
    if (fixed_found) {
      int64_t num[kRuleFindingCount];
      for (int f = 0; f < kRuleFindingCount; ++f) num[f] = t.num[f] - t.num_fixed[f];
      out.pass_fixed = criteria_hold(model.criteria_,
                                     rates_of(sums_of(t, num, t.approvals), model.county_).value);
    }
    return out;
  }
};

// Flattened: the steps above are one function again for the optimiser (their state stays in
// registers as it did when they were written inline).
[[gnu::flatten]] ReplicateOutcome ReplicateModel::run_replicate(uint64_t seed, uint64_t r,
                                                                Scratch* s) const {
  Replicate rep(*this, seed, r, s);
  if (given_list_) {
    rep.draw_listed();
  } else {
    rep.draw_townships();
    for (int township : s->townships)
      for (std::size_t k = 0; k < tiers_.size(); ++k)
        rep.draw_village(township, static_cast<int>(k), tiers_[k]);
  }
  rep.visit_segments();
  rep.finish_walks();
  const ReplicateOutcome out = rep.outcome();
  if (s->counts) rep.count_households(out.pass);
  return out;
}

}  // namespace kaoping
