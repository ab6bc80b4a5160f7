#include "sampler/draw_io.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "sampler/sampler.h"

namespace kaoping {
namespace {

Registry small_registry() {
  Registry reg;
  reg.townships.push_back({"T1", "T1", 60});
  reg.townships.push_back({"T2", "T2", 60});
  const char* villages[][2] = {{"V1", "T1"}, {"V2", "T1"}, {"V3", "T2"}};
  const Tier tiers[] = {Tier::kGood, Tier::kPoor, Tier::kGood};
  for (int k = 0; k < 3; ++k) {
    Village v;
    v.id = villages[k][0];
    v.township_id = villages[k][1];
    v.tier = tiers[k];
    reg.villages.push_back(v);
  }
  const Status statuses[] = {Status::kPoor, Status::kExited, Status::kNonRegistered};
  for (int k = 0; k < 9; ++k) {
    const std::size_t i = reg.households.add_default();
    reg.households.id[i] = "H" + std::to_string(k + 1);
    reg.households.village_id[i] = villages[k / 3][0];
    reg.households.status[i] = statuses[k % 3];
  }
  std::string err;
  EXPECT_TRUE(reg.build_indexes(&err)) << err;
  return reg;
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::vector<std::string> messages(const Diagnostics& diag) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diag.items()) out.push_back(d.format());
  return out;
}

TEST(DrawIoTest, RoundTrip) {
  Registry reg = small_registry();
  Draw draw;
  draw.townships = {0};
  draw.villages = {0, 1};
  DrawRow a{0, 0, 0, Tier::kGood, Category::kPoor, Role::kSample, 0, 0.1};
  DrawRow b{1, 0, 0, Tier::kGood, Category::kExited, Role::kReserve, 1, 1.0 / 3};
  DrawRow c{5, 1, 0, Tier::kPoor, Category::kNonRegistered, Role::kSample, 0, 0.25};
  draw.rows = {a, b, c};
  const std::string text = draw_to_csv(reg, draw);
  EXPECT_EQ(text,
            "\xEF\xBB\xBF"
            "township_id,village_id,tier,household_id,category,role,reserve_rank,inclusion_prob,"
            "weight\n"
            "T1,V1,good,H1,poor,sample,,0.1,10\n"
            "T1,V1,good,H2,exited,reserve,1,0.3333333333333333,3\n"
            "T1,V2,poor,H6,non_registered,sample,,0.25,4\n");
  const std::string path = write_temp("roundtrip.csv", text);
  Draw back;
  Diagnostics diag;
  ASSERT_TRUE(read_draw_csv(path, reg, &back, &diag)) << messages(diag)[0];
  ASSERT_EQ(back.rows.size(), 3u);
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(back.rows[k].household, draw.rows[k].household);
    EXPECT_EQ(back.rows[k].village, draw.rows[k].village);
    EXPECT_EQ(back.rows[k].tier, draw.rows[k].tier);
    EXPECT_EQ(back.rows[k].role, draw.rows[k].role);
    EXPECT_EQ(back.rows[k].reserve_rank, draw.rows[k].reserve_rank);
    EXPECT_EQ(back.rows[k].inclusion_prob, draw.rows[k].inclusion_prob);
  }
  EXPECT_EQ(back.townships, std::vector<int>{0});
  EXPECT_EQ(back.villages, (std::vector<int>{0, 1}));
}

TEST(DrawIoTest, EvaluatorsListWithOnlyHouseholdIds) {
  Registry reg = small_registry();
  const std::string path = write_temp("list.csv", "household_id\nH9\nH2\n");
  Draw draw;
  Diagnostics diag;
  ASSERT_TRUE(read_draw_csv(path, reg, &draw, &diag));
  ASSERT_EQ(draw.rows.size(), 2u);
  EXPECT_EQ(draw.rows[0].household, 8);
  EXPECT_EQ(draw.rows[0].village, 2);
  EXPECT_EQ(draw.rows[0].township, 1);
  EXPECT_EQ(draw.rows[0].category, Category::kNonRegistered);
  EXPECT_EQ(draw.rows[0].role, Role::kSample);
  EXPECT_EQ(draw.rows[0].inclusion_prob, 0.0);
  EXPECT_EQ(draw.townships, (std::vector<int>{1, 0}));
}

TEST(DrawIoTest, BadDrawsAreErrorsAtTheirCell) {
  Registry reg = small_registry();
  const std::string path = write_temp(
      "bad.csv",
      "township_id,village_id,tier,household_id,category,role,reserve_rank,inclusion_prob\n"
      "T1,V1,good,H1,poor,sample,,0.5\n"
      "T1,V1,good,H404,poor,sample,,0.5\n"
      "T1,V1,good,H1,poor,sample,,0.5\n"
      "T1,V9,good,H2,exited,sample,,0.5\n"
      "T9,V3,good,H7,exited,sample,,0.5\n"
      "T1,V1,best,H3,non_registered,spare,0,1.5\n");
  Draw draw;
  Diagnostics diag;
  EXPECT_FALSE(read_draw_csv(path, reg, &draw, &diag));
  const std::string p = path;
  EXPECT_EQ(messages(diag),
            (std::vector<std::string>{
                p + ":3:4: error: household_id \"H404\" not found in the registry",
                p + ":4:4: error: duplicate household_id \"H1\" (first on line 2)",
                p + ":5:2: error: village_id \"V9\" disagrees with the registry: household H2 "
                    "is in village V1",
                p + ":6:1: error: township_id \"T9\" disagrees with the registry: household H7 "
                    "is in township T2",
                p + ":6:5: error: category \"exited\" disagrees with the registry: household H7 "
                    "is poor (category poor)",
                p + ":7:3: error: tier must be one of good, medium, poor, got \"best\"",
                p + ":7:6: error: role must be one of sample, reserve, got \"spare\"",
                p + ":7:7: error: reserve_rank must be empty on a sample row, got \"0\"",
                p + ":7:8: error: inclusion_prob must be a number in (0, 1], got \"1.5\"",
            }));
}

TEST(DrawIoTest, RepeatedReserveRank) {
  Registry reg = small_registry();
  const std::size_t extra = reg.households.add_default();  // a second poor household in V2
  reg.households.id[extra] = "H10";
  reg.households.village_id[extra] = "V2";
  reg.households.status[extra] = Status::kPlannedExit;
  std::string err;
  ASSERT_TRUE(reg.build_indexes(&err)) << err;
  const std::string path = write_temp("ranks.csv",
                                      "household_id,role,reserve_rank\n"
                                      "H1,sample,\n"
                                      "H4,reserve,1\n"
                                      "H2,reserve,1\n"
                                      "H10,reserve,1\n"
                                      "H7,reserve,\n");
  Draw draw;
  Diagnostics diag;
  EXPECT_FALSE(read_draw_csv(path, reg, &draw, &diag));
  // H2 is exited in V1: another group, so rank 1 again is fine there; H10 is planned_exit
  // in V2, the poor category like H4.
  EXPECT_EQ(messages(diag),
            (std::vector<std::string>{
                path + ":5:3: error: reserve_rank 1 of village V2, category poor repeated "
                       "(first on line 3)",
                path + ":6:3: error: reserve_rank must be a whole number >= 1 on a reserve row, "
                       "got \"\"",
            }));
}

TEST(DrawIoTest, MissingHouseholdColumn) {
  Registry reg = small_registry();
  const std::string path = write_temp("nocol.csv", "village_id\nV1\n");
  Draw draw;
  Diagnostics diag;
  EXPECT_FALSE(read_draw_csv(path, reg, &draw, &diag));
  EXPECT_EQ(messages(diag), std::vector<std::string>{
                                path + ":1:1: error: missing required column \"household_id\""});
}

// A list whose first line begins with household_id but names another column read the row at
// column -1 (found by the lists fuzz target under UBSan, kept in its corpus).
TEST(DrawIoTest, HouseholdListWithoutItsColumnIsAnError) {
  Registry reg = small_registry();
  const std::string path = write_temp("fixnocol.csv", "household_idH3\nH1\nH2\n");
  std::vector<int> fixed;
  Diagnostics diag;
  EXPECT_FALSE(read_household_list(path, reg, &fixed, &diag));
  EXPECT_TRUE(fixed.empty());
  EXPECT_EQ(messages(diag),
            std::vector<std::string>{
                "fixnocol.csv:1:1: error: missing required column \"household_id\""});
}

}  // namespace
}  // namespace kaoping
