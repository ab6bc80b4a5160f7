#include "sampler/sampler.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <string>
#include <utility>

#include "sampler/inclusion.h"
#include "sampler/messages.h"
#include "util/sampling.h"

namespace kaoping {
namespace {

/// Fisher–Yates (Durstenfeld) shuffle of the first `k` positions: afterwards v[0..k) is a
/// simple random sample without replacement of v, in random order.
void partial_shuffle(std::vector<int>& v, std::size_t k, Rng& rng) {
  const std::size_t n = v.size();
  k = std::min(k, n == 0 ? 0 : n - 1);
  for (std::size_t i = 0; i < k; ++i) walk_step(v.data(), i, n, rng);
}

}  // namespace

std::vector<int> select_townships_srs(const std::vector<int>& eligible, int n, Rng& rng) {
  std::vector<int> out;
  std::vector<uint8_t> taken;
  select_townships_srs(eligible, n, rng, &out, &taken);
  return out;
}

void select_townships_srs(const std::vector<int>& eligible, int n, Rng& rng, std::vector<int>* out,
                          std::vector<uint8_t>* taken) {
  // Floyd's algorithm, 64-bit index draws.
  const int big_n = static_cast<int>(eligible.size());
  n = std::clamp(n, 0, big_n);
  taken->assign(eligible.size(), 0);
  uint8_t* const mark = taken->data();
  floyd_sample(
      static_cast<uint32_t>(big_n), static_cast<uint32_t>(n),
      [&](uint32_t m) { return static_cast<uint32_t>(rng.below(m)); },
      [&](uint32_t t, uint32_t j) { mark[mark[t] ? j : t] = 1; });
  out->clear();
  for (int i = 0; i < big_n; ++i)
    if (mark[i]) out->push_back(eligible[i]);
  std::sort(out->begin(), out->end());
}

std::vector<int> select_villages(const std::vector<int>& tier, int k, Rng& rng) {
  // One village: one index draw, as the design of one village per tier has always drawn.
  if (k == 1) return {tier[rng.below(tier.size())]};
  return select_townships_srs(tier, k, rng);  // Floyd's algorithm, ascending
}

std::vector<int> select_townships_pps(const Design& design, int n, Rng& rng) {
  std::vector<int> out;
  std::vector<int> rest;
  for (int t : design.eligible_townships) {
    if (design.township_certain[t])
      out.push_back(t);
    else if (design.township_households[t] > 0)
      rest.push_back(t);
  }
  const int64_t n_rest = n - static_cast<int64_t>(out.size());
  if (n_rest > 0 && !rest.empty()) {
    // Random order first (Fisher–Yates), so that the systematic draw's joint inclusion
    // probabilities do not depend on the registry's order.
    partial_shuffle(rest, rest.size(), rng);
    int64_t total = 0;
    for (int t : rest) total += design.township_households[t];
    // Systematic PPS in integers: unit i covers [C_{i−1}, C_i) with C_i − C_{i−1} =
    // n'·size_i; the points r, r + total, ..., r + (n'−1)·total with r uniform in
    // [0, total) hit it with probability n'·size_i/total exactly (its length is < total,
    // as it is not a certainty unit, so at most one point falls in it).
    const int64_t r = static_cast<int64_t>(rng.below(static_cast<uint64_t>(total)));
    int64_t next_point = r;
    int64_t cumulative = 0;
    int64_t hits = 0;
    for (int t : rest) {
      cumulative += n_rest * design.township_households[t];
      if (hits < n_rest && next_point < cumulative) {
        out.push_back(t);
        ++hits;
        next_point += total;
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void sample_village(const Registry& reg, const DesignConfig& dc, const Design& design, int v, int t,
                    Tier tier, double pi_village, Rng& rng, Draw* out, Lang lang) {
  const auto& pools = design.pools[v];
  int count[kCategoryCount];
  for (int c = 0; c < kCategoryCount; ++c) count[c] = static_cast<int>(pools[c].size());
  const HouseholdStage stage = household_stage(count, dc.quota, dc.households_per_village);
  const int total = count[0] + count[1] + count[2];
  if (stage.whole && total < dc.households_per_village)
    out->warnings.push_back(
        render(msg::kSmpTakenWhole, lang, reg.villages[v].id, total, dc.households_per_village));

  // Each category shuffled whole: its first take[c] are the category's SRS, the rest (in
  // that random order) what the fill draws from and then the reserve list.
  std::array<std::vector<int>, kCategoryCount> perm;
  for (int c = 0; c < kCategoryCount; ++c) {
    perm[c] = pools[c];
    partial_shuffle(perm[c], perm[c].size(), rng);
  }
  // The fill: SRS of `fill` from the pooled remainder of every category.
  std::vector<int> remainder;
  remainder.reserve(stage.remainder);
  for (int c = 0; c < kCategoryCount; ++c)
    remainder.insert(remainder.end(), perm[c].begin() + stage.take[c], perm[c].end());
  std::vector<int> filled;
  if (!stage.whole && stage.fill > 0) {
    partial_shuffle(remainder, static_cast<std::size_t>(stage.fill), rng);
    filled.assign(remainder.begin(), remainder.begin() + stage.fill);
    std::sort(filled.begin(), filled.end());
  }
  auto is_filled = [&](int hh) { return std::binary_search(filled.begin(), filled.end(), hh); };

  for (int c = 0; c < kCategoryCount; ++c) {
    const double pi = pi_village * stage.pi[c];
    std::vector<int> sample(perm[c].begin(), perm[c].begin() + stage.take[c]);
    std::vector<int> reserve;
    for (std::size_t k = stage.take[c]; k < perm[c].size(); ++k) {
      if (stage.whole || is_filled(perm[c][k]))
        sample.push_back(perm[c][k]);
      else
        reserve.push_back(perm[c][k]);
    }
    std::sort(sample.begin(), sample.end());
    DrawRow row;
    row.village = v;
    row.township = t;
    row.tier = tier;
    row.category = static_cast<Category>(c);
    row.inclusion_prob = pi;
    for (int hh : sample) {
      row.household = hh;
      row.role = Role::kSample;
      row.reserve_rank = 0;
      out->rows.push_back(row);
    }
    int rank = 0;
    for (int hh : reserve) {
      row.household = hh;
      row.role = Role::kReserve;
      row.reserve_rank = ++rank;
      out->rows.push_back(row);
    }
  }
}

void draw_sample(const Registry& reg, const DesignConfig& dc, const Design& design, uint64_t seed,
                 uint64_t replicate, Draw* out, Lang lang) {
  *out = Draw{};
  Rng township_rng(seed, replicate, Stream::kTownships);
  Rng village_rng(seed, replicate, Stream::kVillages);
  Rng household_rng(seed, replicate, Stream::kHouseholds);
  out->townships =
      dc.township_selection == TownshipSelection::kPps
          ? select_townships_pps(design, dc.townships, township_rng)
          : select_townships_srs(design.eligible_townships, dc.townships, township_rng);
  for (int t : out->townships) {
    for (Tier tier : dc.tiers) {
      const std::vector<int>& candidates = design.tier_villages[t][static_cast<int>(tier)];
      const int k = dc.villages_of(tier);
      const double pi_village =
          design.township_pi[t] * village_stage_pi(k, static_cast<int>(candidates.size()));
      for (int v : select_villages(candidates, k, village_rng)) {
        out->villages.push_back(v);
        sample_village(reg, dc, design, v, t, tier, pi_village, household_rng, out, lang);
      }
    }
  }
}

void visit_field(const Draw& draw, const std::vector<double>& presence, uint64_t seed,
                 uint64_t replicate, Fieldwork* out) {
  *out = Fieldwork{};
  out->visit.assign(draw.rows.size(), Visit::kNotVisited);
  // Group the rows by (village, category), in order of first appearance, so that a draw
  // read from a file in any row order is visited the same way.
  struct Group {
    int village;
    Category category;
    std::vector<int> sample;
    std::vector<std::pair<int, int>> reserve;  // (rank, row)
  };
  std::vector<Group> groups;
  std::map<std::pair<int, int>, std::size_t> group_of;
  for (std::size_t r = 0; r < draw.rows.size(); ++r) {
    const DrawRow& row = draw.rows[r];
    const auto key = std::make_pair(row.village, static_cast<int>(row.category));
    auto it = group_of.find(key);
    if (it == group_of.end()) {
      it = group_of.emplace(key, groups.size()).first;
      groups.push_back({row.village, row.category, {}, {}});
    }
    Group& g = groups[it->second];
    if (row.role == Role::kSample)
      g.sample.push_back(static_cast<int>(r));
    else
      g.reserve.emplace_back(row.reserve_rank, static_cast<int>(r));
  }
  Rng rng(seed, replicate, Stream::kPresence);
  for (Group& g : groups) {
    std::sort(g.reserve.begin(), g.reserve.end());
    std::size_t next_reserve = 0;
    int missing = 0;
    auto at_home = [&](int r) { return rng.uniform() < presence[draw.rows[r].household]; };
    for (int r : g.sample) {
      if (at_home(r)) {
        out->visit[r] = Visit::kSurveyed;
        out->surveyed.push_back(r);
        continue;
      }
      out->visit[r] = Visit::kAbsent;
      ++out->absent;
      bool replaced = false;
      while (next_reserve < g.reserve.size()) {
        const int sub = g.reserve[next_reserve++].second;
        if (at_home(sub)) {
          out->visit[sub] = Visit::kSurveyed;
          out->surveyed.push_back(sub);
          replaced = true;
          break;
        }
        out->visit[sub] = Visit::kAbsent;
        ++out->absent;
      }
      if (!replaced) ++missing;
    }
    if (missing > 0) {
      out->shortfalls.push_back({g.village, g.category, missing});
      out->short_total += missing;
    }
  }
}

}  // namespace kaoping
