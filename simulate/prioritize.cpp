#include "simulate/prioritize.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "audit/rates.h"
#include "audit/stats.h"
#include "simulate/priority.h"

namespace kaoping {
namespace {

constexpr int kInconsistency = static_cast<int>(Finding::kInconsistency);

/// A replicate's rates from its sums, as the engine computes them (audit/rates.h): the one
/// place prioritize turns sums into rates.
std::array<double, kRateCount> rates_from(const RateSums& s, const CountyTotals& county) {
  return rates_of(s, county).value;
}

/// The failing replicates of one block of the rehearsal, as the observer records them.
struct BlockRecord {
  int64_t failing = 0;
  std::vector<RateSums> sums;
  std::vector<uint32_t> first;  ///< per kept replicate, its first entry in household/mask
  std::vector<uint32_t> household;
  std::vector<uint8_t> mask;
};

/// Every kept failing replicate: its rate sums and the households found at fault in it
/// (entries first[r] .. first[r + 1]) with their findings.
struct Recorded {
  CountyTotals county;  ///< the totals poverty_incidence applies the rates to
  int64_t failing = 0;
  std::vector<RateSums> sums;
  std::vector<uint64_t> first{0};
  std::vector<uint32_t> household;
  std::vector<uint8_t> mask;
  std::size_t size() const { return sums.size(); }
  std::size_t bytes() const {
    return sums.size() * sizeof(RateSums) + first.size() * sizeof(uint64_t) +
           household.size() * (sizeof(uint32_t) + sizeof(uint8_t));
  }
};

Recorded flatten(std::vector<BlockRecord>* blocks) {
  Recorded rec;
  std::size_t entries = 0, kept = 0;
  for (const BlockRecord& b : *blocks) entries += b.household.size(), kept += b.sums.size();
  rec.sums.reserve(kept);
  rec.first.reserve(kept + 1);
  rec.household.reserve(entries);
  rec.mask.reserve(entries);
  for (BlockRecord& b : *blocks) {
    rec.failing += b.failing;
    for (std::size_t r = 0; r < b.sums.size(); ++r) {
      const uint32_t end =
          r + 1 < b.first.size() ? b.first[r + 1] : static_cast<uint32_t>(b.household.size());
      rec.sums.push_back(b.sums[r]);
      rec.household.insert(rec.household.end(), b.household.begin() + b.first[r],
                           b.household.begin() + end);
      rec.mask.insert(rec.mask.end(), b.mask.begin() + b.first[r], b.mask.begin() + end);
      rec.first.push_back(rec.household.size());
    }
    b = BlockRecord{};
  }
  return rec;
}

/// The kept failing replicates under a growing set of actions: their rate sums with the
/// findings of the households acted on removed, and which still fail.
class Replay {
 public:
  Replay(const Recorded& rec, const std::vector<double>& weight,
         const std::vector<Criterion>& criteria, const CountyTotals& county)
      : rec_(rec), weight_(weight), criteria_(criteria), county_(county), sums_(rec.sums) {
    active_.resize(rec.size());
    need_.resize(rec.size());
    for (std::size_t r = 0; r < active_.size(); ++r) {
      active_[r] = static_cast<uint32_t>(r);
      need_[r] = need(sums_[r]);
    }
  }

  /// For every household not yet acted on: in how many still-failing replicates acting on
  /// it alone (on top of the actions taken) makes the replicate pass, and in how many it is
  /// found at fault. `touched` lists the households whose counts were raised.
  void count(const std::vector<char>& taken, std::vector<int32_t>* gain,
             std::vector<int32_t>* at_fault, std::vector<uint32_t>* touched) const {
    for (uint32_t r : active_) {
      for (uint64_t e = rec_.first[r]; e < rec_.first[r + 1]; ++e) {
        const uint32_t h = rec_.household[e];
        if (taken[h]) continue;
        if ((*at_fault)[h]++ == 0) touched->push_back(h);
        if (need_[r] & ~rec_.mask[e]) continue;  // a failing criterion it has no part in
        RateSums s = sums_[r];
        remove(&s, h, rec_.mask[e]);
        (*gain)[h] += passes(s);
      }
    }
  }

  /// Acts on household h: its findings leave every still-failing replicate; returns how
  /// many of them pass now.
  int64_t apply(uint32_t h) {
    int64_t flipped = 0;
    std::size_t keep = 0;
    for (uint32_t r : active_) {
      bool pass = false;
      for (uint64_t e = rec_.first[r]; e < rec_.first[r + 1]; ++e) {
        if (rec_.household[e] != h) continue;
        remove(&sums_[r], h, rec_.mask[e]);
        pass = passes(sums_[r]);
        break;
      }
      flipped += pass;
      if (!pass) {
        need_[r] = need(sums_[r]);
        active_[keep++] = r;
      }
    }
    active_.resize(keep);
    return flipped;
  }

 private:
  void remove(RateSums* s, uint32_t h, uint8_t mask) const {
    for (int b = 0; b < kRuleFindingCount; ++b)
      if (mask >> b & 1) s->num[b] -= b == kInconsistency ? 1.0 : weight_[h];
  }
  bool passes(const RateSums& s) const { return criteria_hold(criteria_, rates_from(s, county_)); }
  /// The findings a household must have for its removal to make a failing replicate pass:
  /// one of each failing criterion's rate (every criterion on a fault rate is an upper
  /// bound, so removing other findings changes none of them); all bits when satisfaction
  /// fails, which no action changes.
  uint8_t need(const RateSums& s) const {
    const std::array<double, kRateCount> rate = rates_from(s, county_);
    uint8_t bits = 0;
    for (const Criterion& c : criteria_) {
      if (c.holds(rate[static_cast<int>(c.rate)])) continue;
      if (c.rate == Rate::kSatisfaction) return 0xFF;
      // poverty_incidence moves with any of three findings: no single one is needed, so it
      // prunes nothing (passes() decides).
      if (c.rate == Rate::kPovertyIncidence) continue;
      for (int f = 0; f < kRuleFindingCount; ++f)
        if (rate_of(static_cast<Finding>(f)) == c.rate) bits |= 1u << f;
    }
    return bits;
  }

  const Recorded& rec_;
  const std::vector<double>& weight_;
  const std::vector<Criterion>& criteria_;
  const CountyTotals county_;
  std::vector<RateSums> sums_;
  std::vector<uint32_t> active_;  ///< kept replicates that still fail
  std::vector<uint8_t> need_;     ///< per kept replicate, need() of its current sums
};

/// Turns flips on the kept replicates into the pass probability of all of them.
struct Estimator {
  int64_t runs = 0, passes = 0;
  double scale = 1;  ///< failing / failing kept (1 when every replicate is kept)
  PriorityStep step(int household, ActionKind action, int64_t total_flipped, double before) const {
    PriorityStep s;
    s.household = household;
    s.action = action;
    const int64_t successes =
        passes + static_cast<int64_t>(std::llround(static_cast<double>(total_flipped) * scale));
    s.pass_probability = static_cast<double>(successes) / static_cast<double>(runs);
    s.pass_ci95 = wilson_interval(successes, runs);
    s.gain = s.pass_probability - before;
    return s;
  }
};

/// The household of highest `key` among `touched` (ties by household_id); -1 when every
/// key is 0.
int best_of(const std::vector<uint32_t>& touched, const std::vector<int32_t>& key,
            const Households& h) {
  int best = -1;
  for (uint32_t i : touched) {
    if (key[i] == 0) continue;
    if (best < 0 || key[i] > key[best] || (key[i] == key[best] && h.id[i] < h.id[best]))
      best = static_cast<int>(i);
  }
  return best;
}

/// Follows a plan's steps, recording the curve; ends at the target when one is given.
class PlanBuilder {
 public:
  PlanBuilder(const Estimator& est, double target, double p0, PriorityPlan* plan)
      : est_(est), target_(target), plan_(plan) {
    plan_->after = p0;
    if (target_ > 0 && p0 >= target_) plan_->reached = 0;
  }
  bool done() const { return plan_->reached >= 0; }
  void add(const Households& h, int household, int64_t flipped) {
    total_ += flipped;
    PriorityStep s = est_.step(household, action_of(h, household), total_, plan_->after);
    s.flipped = flipped;
    plan_->after = s.pass_probability;
    plan_->steps.push_back(s);
    if (target_ > 0 && plan_->after >= target_)
      plan_->reached = static_cast<int>(plan_->steps.size());
  }

 private:
  const Estimator& est_;
  double target_;
  PriorityPlan* plan_;
  int64_t total_ = 0;
};

/// The greedy plan (SPEC §4): each step the action that turns the most still-failing
/// replicates into passing ones; when none turns any, the one found at fault in the most of
/// them; ties by household_id. Returns false when it stopped because no household is left
/// at fault in any failing replicate.
bool greedy_plan(const Registry& reg, const Recorded& rec, const std::vector<double>& weight,
                 const std::vector<Criterion>& criteria, const Estimator& est, int budget,
                 double target, double p0, PriorityPlan* plan) {
  const Households& h = reg.households;
  Replay replay(rec, weight, criteria, rec.county);
  PlanBuilder builder(est, target, p0, plan);
  std::vector<char> taken(h.count(), 0);
  std::vector<int32_t> gain(h.count(), 0), at_fault(h.count(), 0);
  std::vector<uint32_t> touched;
  while (static_cast<int>(plan->steps.size()) < budget && !builder.done()) {
    touched.clear();
    replay.count(taken, &gain, &at_fault, &touched);
    int best = best_of(touched, gain, h);
    if (best < 0) best = best_of(touched, at_fault, h);
    for (uint32_t i : touched) gain[i] = at_fault[i] = 0;
    if (best < 0) return false;
    taken[best] = 1;
    builder.add(h, best, replay.apply(static_cast<uint32_t>(best)));
  }
  return true;
}

/// simulate's priority ranking (--fix-top budget) measured on the same replicates.
void ranking_plan(const Registry& reg, const Recorded& rec, const std::vector<double>& weight,
                  const std::vector<Criterion>& criteria, const Estimator& est, int budget,
                  double target, double p0, const SimulationResult& sim, PriorityPlan* plan) {
  Replay replay(rec, weight, criteria, rec.county);
  PlanBuilder builder(est, target, p0, plan);
  for (int i : top_priority_households(sim, budget)) {
    if (builder.done()) break;
    builder.add(reg.households, i, replay.apply(static_cast<uint32_t>(i)));
  }
}

/// The plan kept (SPEC §4): with a target, the one that reaches it in fewer actions; else
/// (or when neither reaches it) the higher pass probability at the end; ties the greedy.
bool prefer_greedy(const PriorityPlan& g, const PriorityPlan& r) {
  if (g.reached >= 0 || r.reached >= 0) {
    if (g.reached < 0) return false;
    if (r.reached < 0) return true;
    return g.reached <= r.reached;
  }
  return g.after >= r.after;
}

bool check_options(const PrioritizeOptions& o, const std::vector<Criterion>& criteria,
                   std::string* err) {
  if (o.budget < 1) {
    *err = "budget must be at least 1, got " + std::to_string(o.budget);
    return false;
  }
  if (!(o.target == 0 || (o.target > 0 && o.target <= 1))) {
    *err = "target must be a probability in (0, 1], got " + std::to_string(o.target);
    return false;
  }
  for (const Criterion& c : criteria) {
    if (!c.below && c.rate != Rate::kSatisfaction) {
      *err = "prioritize needs every fault rate's criterion to be an upper bound; " +
             std::string(to_string(c.rate)) + " has a lower one";
      return false;
    }
  }
  return true;
}

}  // namespace

ActionKind action_of(const Households& h, std::size_t i) {
  return h.verified[i] ? ActionKind::kFix : ActionKind::kVerify;
}

bool run_prioritize(const Registry& reg, const EvaluationConfig& config, const Design& design,
                    const PrioritizeOptions& options, PrioritizeResult* out, std::string* err) {
  const std::vector<Criterion>& criteria = config.standards.criteria;
  if (!check_options(options, criteria, err)) return false;
  PrioritizeResult& res = *out;
  res = PrioritizeResult{};
  res.budget = options.budget;
  res.target = options.target;
  SimulationOptions so = options.simulation;
  const int64_t most = std::max<int64_t>(1, options.max_recorded_runs);
  res.stride = std::max<int64_t>(1, (so.runs + most - 1) / most);
  std::vector<BlockRecord> blocks(
      static_cast<std::size_t>((so.runs + kBlockSize - 1) / kBlockSize));
  const int64_t stride = res.stride;
  so.household_attribution = true;  // simulate's ranking, for the second plan
  so.record_findings = true;
  so.observer = [&blocks, stride](int64_t r, bool pass, const ReplicateModel& m,
                                  const ReplicateModel::Scratch& s) {
    if (pass) return;
    BlockRecord& b = blocks[static_cast<std::size_t>(r / kBlockSize)];
    ++b.failing;
    if (r % stride != 0) return;
    b.first.push_back(static_cast<uint32_t>(b.household.size()));
    b.sums.push_back(s.sums);
    for (std::size_t i = 0; i < s.surveyed_count; ++i) {
      if (s.found[i] == 0) continue;
      b.household.push_back(
          static_cast<uint32_t>(m.household_of(s.surveyed[i] & ~ReplicateModel::kFaultBit)));
      b.mask.push_back(s.found[i]);
    }
    for (const auto& [pos, found] : s.light_found) {
      b.household.push_back(static_cast<uint32_t>(m.household_of(pos)));
      b.mask.push_back(found);
    }
  };
  if (!run_simulation(reg, config, design, so, &res.simulation, err)) return false;
  res.simulate_seconds = res.simulation.elapsed_seconds;

  Recorded rec = flatten(&blocks);
  rec.county = county_totals(reg.households, config.standards.rate_basis);
  res.failing = rec.failing;
  res.failing_recorded = static_cast<int64_t>(rec.size());
  res.fault_entries = static_cast<int64_t>(rec.household.size());
  res.memory_bytes = rec.bytes();
  const Households& h = reg.households;
  std::vector<double> weight(h.count(), 1.0);
  if (config.standards.rate_basis == RateBasis::kPerson)
    for (std::size_t i = 0; i < h.count(); ++i) weight[i] = h.size[i];
  Estimator est;
  est.runs = res.simulation.runs;
  est.passes = res.simulation.passes;
  if (res.failing_recorded > 0)
    est.scale = static_cast<double>(res.failing) / static_cast<double>(res.failing_recorded);
  const double p0 = res.simulation.pass_probability;

  const auto t0 = std::chrono::steady_clock::now();
  res.exhausted = !greedy_plan(reg, rec, weight, criteria, est, options.budget, options.target, p0,
                               &res.greedy);
  const auto t1 = std::chrono::steady_clock::now();
  ranking_plan(reg, rec, weight, criteria, est, options.budget, options.target, p0, res.simulation,
               &res.ranking);
  const auto t2 = std::chrono::steady_clock::now();
  const double greedy_seconds = std::chrono::duration<double>(t1 - t0).count();
  res.plan_seconds = std::chrono::duration<double>(t2 - t0).count();
  res.actions_per_second =
      greedy_seconds > 0 ? static_cast<double>(res.greedy.steps.size()) / greedy_seconds : 0;
  res.chose_greedy = prefer_greedy(res.greedy, res.ranking);
  res.target_reached = options.target > 0 && res.chosen().reached >= 0;
  return true;
}

}  // namespace kaoping
