// prioritize (SPEC §4): the greedy plan on common random numbers against brute force, the
// plain rehearsal and simulate's --fix / --fix-top on the same replicates.
#include "simulate/prioritize.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "config/config.h"
#include "registry/generate.h"
#include "sampler/sampler.h"
#include "simulate/priority.h"

namespace kaoping {
namespace {

constexpr int64_t kRuns = 3000;
constexpr uint64_t kSeed = 11;

struct Fixture {
  Registry reg = generate_county(Profile::kSmall, 1);
  Config config;
  Design design;
  Fixture() {
    Diagnostics diag;
    EXPECT_TRUE(load_config("", {}, &config, &diag));
    EXPECT_TRUE(build_design(reg, config.design, &design, &diag));
  }
  SimulationOptions options(int threads = 2) const {
    SimulationOptions so;
    so.runs = kRuns;
    so.seed = kSeed;
    so.threads = threads;
    return so;
  }
  PrioritizeResult prioritize(int budget, double target = 0, int threads = 2) const {
    PrioritizeOptions po;
    po.simulation = options(threads);
    po.budget = budget;
    po.target = target;
    PrioritizeResult res;
    std::string err;
    EXPECT_TRUE(run_prioritize(reg, config, design, po, &res, &err)) << err;
    return res;
  }
  SimulationResult simulate(std::vector<int> fixed, bool attribution = false) const {
    SimulationOptions so = options();
    so.fixed_households = std::move(fixed);
    so.household_attribution = attribution;
    SimulationResult res;
    std::string err;
    EXPECT_TRUE(run_simulation(reg, config, design, so, &res, &err)) << err;
    return res;
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

std::vector<int> households_of(const PriorityPlan& plan) {
  std::vector<int> out;
  for (const PriorityStep& s : plan.steps) out.push_back(s.household);
  return out;
}

TEST(Prioritize, RankZeroIsSimulatesPassProbability) {
  const Fixture& f = fixture();
  const PrioritizeResult p = f.prioritize(5);
  const SimulationResult s = f.simulate({});
  EXPECT_EQ(p.simulation.runs, s.runs);
  EXPECT_EQ(p.simulation.passes, s.passes);
  EXPECT_EQ(p.simulation.pass_probability, s.pass_probability);
  ASSERT_GT(p.failing, 0);  // the small county fails often enough to have something to do
  EXPECT_EQ(p.failing, s.runs - s.passes);
  EXPECT_EQ(p.failing_recorded, p.failing);  // every replicate kept below kMaxRecordedRuns
  EXPECT_EQ(p.stride, 1);
}

TEST(Prioritize, CurvesNeverFall) {
  const PrioritizeResult p = fixture().prioritize(25);
  for (const PriorityPlan* plan : {&p.greedy, &p.ranking}) {
    double before = p.simulation.pass_probability;
    ASSERT_FALSE(plan->steps.empty());
    for (const PriorityStep& s : plan->steps) {
      EXPECT_GE(s.pass_probability, before);
      EXPECT_GE(s.gain, 0);
      EXPECT_DOUBLE_EQ(s.gain, s.pass_probability - before);
      EXPECT_LE(s.pass_ci95[0], s.pass_probability);
      EXPECT_GE(s.pass_ci95[1], s.pass_probability);
      before = s.pass_probability;
    }
    EXPECT_EQ(plan->after, before);
  }
}

TEST(Prioritize, FirstStepIsTheBestSingleActionByBruteForce) {
  const Fixture& f = fixture();
  const PrioritizeResult p = f.prioritize(1);
  ASSERT_EQ(p.greedy.steps.size(), 1u);
  // Every household found at fault in a failing replicate, put right alone on the same
  // replicates (simulate --fix): the one that gains the most, ties by household_id.
  int best = -1;
  int64_t best_gained = -1;
  int candidates = 0;
  for (std::size_t i = 0; i < f.reg.households.count(); ++i) {
    if (p.simulation.households[i].fault_fail == 0) continue;
    ++candidates;
    const SimulationResult s = f.simulate({static_cast<int>(i)});
    EXPECT_EQ(s.what_if.lost, 0);
    const int64_t g = s.what_if.gained;
    if (g > best_gained || (g == best_gained && f.reg.households.id[i] < f.reg.households.id[best]))
      best = static_cast<int>(i), best_gained = g;
  }
  ASSERT_GT(candidates, 1);
  ASSERT_GT(best_gained, 0);
  EXPECT_EQ(p.greedy.steps[0].household, best);
  EXPECT_EQ(p.greedy.steps[0].flipped, best_gained);
}

TEST(Prioritize, EachPlanIsSimulatesWhatIfOnTheSameReplicates) {
  const Fixture& f = fixture();
  const int budget = 12;
  const PrioritizeResult p = f.prioritize(budget);
  // The greedy's last point is --fix of its households.
  const SimulationResult g = f.simulate(households_of(p.greedy));
  EXPECT_EQ(p.greedy.after, g.what_if.pass_probability);
  // The ranking plan is --fix-top budget.
  std::vector<int> fixed;
  SimulationResult top;
  std::string err;
  ASSERT_TRUE(run_with_what_if(f.reg, f.config, f.design, f.options(), budget, &fixed, &top, &err));
  EXPECT_EQ(households_of(p.ranking), fixed);
  EXPECT_EQ(p.ranking.after, top.what_if.pass_probability);
  // The plan kept is at least as good as --fix-top at the budget.
  EXPECT_GE(p.chosen().after, top.what_if.pass_probability);
  EXPECT_EQ(p.chose_greedy, p.greedy.after >= p.ranking.after);
  // A household is one action at most.
  std::vector<int> seen = households_of(p.greedy);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
}

TEST(Prioritize, ActionsAreVerifyForUnverifiedHouseholds) {
  const Fixture& f = fixture();
  const PrioritizeResult p = f.prioritize(25);
  for (const PriorityPlan* plan : {&p.greedy, &p.ranking})
    for (const PriorityStep& s : plan->steps)
      EXPECT_EQ(s.action,
                f.reg.households.verified[s.household] ? ActionKind::kFix : ActionKind::kVerify);
}

TEST(Prioritize, TargetStopsAtTheFirstActionThatReachesIt) {
  const Fixture& f = fixture();
  const PrioritizeResult full = f.prioritize(20);
  ASSERT_GE(full.greedy.steps.size(), 4u);
  // A target between the third and the fourth point of the greedy curve.
  const double target = full.greedy.steps[3].pass_probability;
  const PrioritizeResult p = f.prioritize(20, target);
  EXPECT_TRUE(p.target_reached);
  EXPECT_GE(p.greedy.reached, 1);
  EXPECT_LE(p.greedy.reached, 4);
  EXPECT_EQ(static_cast<int>(p.greedy.steps.size()), p.greedy.reached);
  EXPECT_GE(p.greedy.after, target);
  if (p.greedy.reached > 1) {
    EXPECT_LT(p.greedy.steps[p.greedy.reached - 2].pass_probability, target);
  }
  // Reached already as it is: no action.
  const PrioritizeResult none = f.prioritize(20, full.simulation.pass_probability);
  EXPECT_TRUE(none.target_reached);
  EXPECT_EQ(none.chosen().reached, 0);
  EXPECT_TRUE(none.chosen().steps.empty());
  // Out of reach with a budget of 2.
  const PrioritizeResult short_of = f.prioritize(2, 1.0);
  EXPECT_FALSE(short_of.target_reached);
  EXPECT_EQ(short_of.greedy.steps.size(), 2u);
  EXPECT_EQ(short_of.greedy.reached, -1);
}

TEST(Prioritize, VerifyingAnUnverifiedHouseholdRemovesItsFaultPrior) {
  // The small county with one exited household in each of its first villages that nobody
  // verified and whom the evaluators would find at fault (a wrong exit) nine times in ten.
  Fixture f;
  Households& h = f.reg.households;
  std::vector<char> village_done(f.reg.villages.size(), 0);
  int unverified = 0;
  for (std::size_t i = 0; i < h.count() && unverified < 10; ++i) {
    if (h.status[i] != Status::kExited || village_done[h.village[i]]) continue;
    village_done[h.village[i]] = 1;
    h.verified[i] = 0;
    h.fault_prior[i] = 0.9;
    ++unverified;
  }
  const PrioritizeResult p = f.prioritize(15);
  int verify = 0;
  for (const PriorityStep& s : p.greedy.steps) {
    EXPECT_EQ(s.action, h.verified[s.household] ? ActionKind::kFix : ActionKind::kVerify);
    verify += s.action == ActionKind::kVerify;
  }
  EXPECT_GT(verify, 0);
  // A verify puts right what the visit finds and removes the fault term: the same as --fix.
  EXPECT_EQ(p.greedy.after, f.simulate(households_of(p.greedy)).what_if.pass_probability);
}

TEST(Prioritize, SubsampleOfFailingReplicatesEstimatesTheSameGains) {
  // Memory bound: with at most 1000 replicates recorded, every third is kept; rank 0 stays
  // exact and the ranking plan's end agrees with --fix-top on all replicates within 4.5
  // standard errors of the thinning (the kept flips are Binomial(flips, 1/3), scaled by 3).
  const Fixture& f = fixture();
  const int budget = 8;
  PrioritizeOptions po;
  po.simulation = f.options();
  po.budget = budget;
  po.max_recorded_runs = 1000;
  PrioritizeResult p;
  std::string err;
  ASSERT_TRUE(run_prioritize(f.reg, f.config, f.design, po, &p, &err)) << err;
  EXPECT_EQ(p.stride, 3);
  EXPECT_EQ(p.simulation.pass_probability, f.simulate({}).pass_probability);
  const double third = static_cast<double>(p.failing) / 3.0;
  EXPECT_NEAR(static_cast<double>(p.failing_recorded), third, 4.5 * std::sqrt(third * 2.0 / 3.0));
  std::vector<int> fixed;
  SimulationResult top;
  ASSERT_TRUE(run_with_what_if(f.reg, f.config, f.design, f.options(), budget, &fixed, &top, &err));
  EXPECT_EQ(households_of(p.ranking), fixed);
  const double flips = static_cast<double>(top.what_if.gained);
  const double se = std::sqrt(flips * 2.0) / static_cast<double>(p.simulation.runs);
  EXPECT_NEAR(p.ranking.after, top.what_if.pass_probability, 4.5 * se);
}

TEST(Prioritize, SameAnswerOnOneAndTwoThreads) {
  const PrioritizeResult a = fixture().prioritize(10, 0, 1);
  const PrioritizeResult b = fixture().prioritize(10, 0, 2);
  EXPECT_EQ(households_of(a.greedy), households_of(b.greedy));
  EXPECT_EQ(households_of(a.ranking), households_of(b.ranking));
  EXPECT_EQ(a.greedy.after, b.greedy.after);
  EXPECT_EQ(a.fault_entries, b.fault_entries);
}

TEST(Prioritize, RejectsBadOptions) {
  const Fixture& f = fixture();
  for (const auto& [budget, target] :
       std::vector<std::pair<int, double>>{{0, 0}, {-3, 0}, {5, -0.1}, {5, 1.5}}) {
    PrioritizeOptions po;
    po.simulation = f.options();
    po.budget = budget;
    po.target = target;
    PrioritizeResult res;
    std::string err;
    EXPECT_FALSE(run_prioritize(f.reg, f.config, f.design, po, &res, &err));
    EXPECT_FALSE(err.empty());
  }
}

}  // namespace
}  // namespace kaoping
