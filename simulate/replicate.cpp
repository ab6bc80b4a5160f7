// One replicate of the model (simulate/model.h). Where the time goes: a replicate surveys
// about 9 villages × 43 households; per household the loop does one index draw (Floyd's
// algorithm from 32-bit halves of the generator, or a partial Fisher–Yates walk when
// presence differs between households, with one presence draw per visit). Only "heavy"
// households (a certain finding, or an income finding more likely than 2^-12) draw their
// own income uniform, compared against precomputed 64-bit cut points (no exp/log/erf in the
// loop); the "light" ones of a segment share one draw that says whether any of them has a
// finding at all. A category whose households share one presence probability settles
// absence with one draw; approval is one table look-up per group of equal probability.
// docs/simulation.md gives the measurements behind each choice.
#include <algorithm>
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

}  // namespace

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

}  // namespace kaoping
