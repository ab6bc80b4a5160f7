// The planner on many random draws of the generated counties, every plan proved by the
// checker; rosters cut down until they cannot cover the draw; the evaluators' own list.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"
#include "registry/generate.h"
#include "sampler/design.h"
#include "sampler/draw_io.h"
#include "sampler/sampler.h"
#include "schedule/check.h"
#include "schedule/plan.h"
#include "util/csv.h"
#include "util/files.h"
#include "util/rng.h"

namespace kaoping {
namespace {

Config default_config() {
  Config config;
  Diagnostics diag;
  EXPECT_TRUE(load_config("", {}, &config, &diag));
  return config;
}

/// The first problems by kind and the visit, household and staff they name, for a failure
/// message (the words are made by reports/, which these tests do not link).
std::string join(const std::vector<PlanProblem>& problems) {
  std::string out;
  for (std::size_t i = 0; i < problems.size() && i < 10; ++i)
    out += std::string(to_string(problems[i].kind)) + " visit " +
           std::to_string(problems[i].visit) + " household " +
           std::to_string(problems[i].household) + " staff " + std::to_string(problems[i].staff) +
           "\n";
  return out;
}

int count(const Plan& plan, GapKind kind) {
  int n = 0;
  for (const Gap& g : plan.gaps) n += g.kind == kind;
  return n;
}

/// Draws `replicates` samples of `reg` with the real sampler, plans and checks each.
void plan_many(const Registry& reg, const Config& config, int replicates, bool expect_complete) {
  Design design;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, config.design, &design, &diag));
  for (int r = 0; r < replicates; ++r) {
    Draw draw;
    draw_sample(reg, config.design, design, 20170905, r, &draw);
    const std::vector<int> households = sampled_households(draw);
    ASSERT_FALSE(households.empty());
    Plan plan;
    std::string err;
    ASSERT_TRUE(plan_schedule(reg, households, config.schedule, &plan, &err))
        << "replicate " << r << ": " << err;
    std::vector<PlanProblem> problems;
    EXPECT_TRUE(check_plan(reg, households, config.schedule, plan, &problems))
        << "replicate " << r << ":\n"
        << join(problems);
    EXPECT_LE(plan.last_day, config.schedule.window_end);
    if (expect_complete) {
      EXPECT_EQ(count(plan, GapKind::kNoGuide), 0) << "replicate " << r;
      EXPECT_EQ(count(plan, GapKind::kNoInterpreter), 0) << "replicate " << r;
      EXPECT_EQ(count(plan, GapKind::kGuidesShort), 0) << "replicate " << r;
    }
  }
}

TEST(ScheduleDraws, SmallCountyManyDraws) {
  const Config config = default_config();
  for (uint64_t seed : {1, 2, 3}) {
    const Registry reg = generate_county(Profile::kSmall, seed);
    plan_many(reg, config, 30, true);
  }
}

TEST(ScheduleDraws, DefaultCountyManyDraws) {
  const Config config = default_config();
  const Registry reg = generate_county(Profile::kDefault, 1);
  plan_many(reg, config, 40, true);
}

TEST(ScheduleDraws, OtherSettingsStillKeepEveryRule) {
  const Registry reg = generate_county(Profile::kSmall, 4);
  Config config = default_config();
  config.schedule.teams = 2;
  config.schedule.enumerators_per_team = 2;
  config.schedule.guides_per_village = 4;  // more than a round needs: guides rotate
  config.schedule.visit_minutes = 55;
  plan_many(reg, config, 20, false);
  config = default_config();
  config.schedule.teams = 1;
  config.schedule.enumerators_per_team = 5;  // more than most villages' guides
  plan_many(reg, config, 20, false);
}

// Households drawn at random with kaoping::Rng from anywhere in the county (not the
// design): many villages and townships, languages mixed.
TEST(ScheduleDraws, ScatteredHouseholds) {
  const Registry reg = generate_county(Profile::kSmall, 5);
  const Config config = default_config();
  for (uint64_t r = 0; r < 20; ++r) {
    Rng rng(99, r, Stream::kSchedule);
    std::set<int> chosen;
    while (chosen.size() < 120) chosen.insert(static_cast<int>(rng.below(reg.households.count())));
    const std::vector<int> households(chosen.begin(), chosen.end());
    Plan plan;
    std::string err;
    ASSERT_TRUE(plan_schedule(reg, households, config.schedule, &plan, &err)) << err;
    std::vector<PlanProblem> problems;
    EXPECT_TRUE(check_plan(reg, households, config.schedule, plan, &problems)) << join(problems);
  }
}

// Rosters too small for the draw: the plan stays valid and every shortfall is a gap.
TEST(ScheduleDraws, RostersTooSmallGiveGaps) {
  Registry reg = generate_county(Profile::kDefault, 1);
  const std::vector<Staff> roster = reg.staff;
  const Config config = default_config();
  Design design;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, config.design, &design, &diag));
  int guides_short = 0, no_guide = 0, no_interpreter = 0;
  for (uint64_t r = 0; r < 12; ++r) {
    // Keep each guide with probability 1/2, drop minority languages from a third of them,
    // keep no county interpreter in half the replicates.
    Rng rng(7, r, Stream::kSchedule);
    std::vector<Staff> kept;
    for (Staff s : roster) {
      if (s.role == StaffRole::kGuide) {
        if (rng.below(2) == 0) continue;
        if (rng.below(3) == 0) s.languages = {"zh"};
      } else if (r % 2 == 0) {
        continue;
      }
      kept.push_back(s);
    }
    reg.staff = kept;  // village indices stay valid: the villages do not change
    std::string err;
    Draw draw;
    draw_sample(reg, config.design, design, 1, r, &draw);
    const std::vector<int> households = sampled_households(draw);
    Plan plan;
    ASSERT_TRUE(plan_schedule(reg, households, config.schedule, &plan, &err)) << err;
    std::vector<PlanProblem> problems;
    EXPECT_TRUE(check_plan(reg, households, config.schedule, plan, &problems)) << join(problems);
    guides_short += count(plan, GapKind::kGuidesShort);
    no_guide += count(plan, GapKind::kNoGuide);
    no_interpreter += count(plan, GapKind::kNoInterpreter);
    // Exactly the visits without a guide are gaps, and no more.
    int without_guide = 0, without_interpreter = 0;
    for (const PlannedVisit& v : plan.visits) {
      without_guide += v.guide < 0;
      const std::string& l = reg.households.language[v.household];
      without_interpreter += l != "zh" && !l.empty() && v.interpreter < 0;
    }
    EXPECT_EQ(count(plan, GapKind::kNoGuide), without_guide);
    EXPECT_EQ(count(plan, GapKind::kNoInterpreter), without_interpreter);
  }
  // With half the guides gone, some villages must be short and some rounds uncovered.
  EXPECT_GT(guides_short, 0);
  EXPECT_GT(no_guide, 0);
  EXPECT_GT(no_interpreter, 0);
}

// The evaluators' own list, only household_id, read back by read_draw_csv.
TEST(ScheduleDraws, EvaluatorsHouseholdIdList) {
  const Registry reg = generate_county(Profile::kSmall, 1);
  const Config config = default_config();
  Design design;
  Diagnostics diag;
  ASSERT_TRUE(build_design(reg, config.design, &design, &diag));
  Draw draw;
  draw_sample(reg, config.design, design, 3, 0, &draw);
  const std::vector<int> expected = sampled_households(draw);
  CsvWriter list({"household_id"});
  for (int h : expected) list.row({reg.households.id[h]});
  const std::string path =
      (std::filesystem::temp_directory_path() / "kaoping_schedule_ids_test.csv").string();
  std::string err;
  ASSERT_TRUE(write_file_atomic(path, list.str(), &err)) << err;
  Draw read;
  ASSERT_TRUE(read_draw_csv(path, reg, &read, &diag));
  std::remove(path.c_str());
  const std::vector<int> households = sampled_households(read);
  EXPECT_EQ(std::set<int>(households.begin(), households.end()),
            std::set<int>(expected.begin(), expected.end()));
  Plan plan;
  ASSERT_TRUE(plan_schedule(reg, households, config.schedule, &plan, &err)) << err;
  std::vector<PlanProblem> problems;
  EXPECT_TRUE(check_plan(reg, households, config.schedule, plan, &problems)) << join(problems);
  EXPECT_EQ(plan.visits.size(), expected.size());
}

}  // namespace
}  // namespace kaoping
