// End to end: `kaoping sample` then `kaoping schedule`, on the default county, on the
// evaluators' household_id list, with a roster too small, and with an impossible window.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/harness.h"

namespace {

namespace fs = std::filesystem;

using CliRun = kaoping::cli_test::CliResult;
using kaoping::cli_test::slurp;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// Field `k` (0-based) of a CSV line without quotes.
std::string field(const std::string& line, int k) {
  std::size_t pos = 0;
  for (int i = 0; i < k; ++i) pos = line.find(',', pos) + 1;
  return line.substr(pos, line.find(',', pos) - pos);
}

class ScheduleCli : public kaoping::cli_test::CliTest {
 protected:
  /// household_id of the sample rows of draw.csv.
  std::vector<std::string> sampled(const fs::path& draw) {
    std::vector<std::string> ids;
    for (const std::string& line : lines_of(slurp(draw)))
      if (field(line, 5) == "sample") ids.push_back(field(line, 3));
    return ids;
  }
};

TEST_F(ScheduleCli, DefaultCountyCompletePlan) {
  ASSERT_EQ(kaoping("sample --seed 7 --out draw.csv --quiet").exit_code, 0);
  const std::vector<std::string> ids = sampled(dir_ / "draw.csv");
  ASSERT_EQ(ids.size(), 387u);  // 9 villages of 43
  const CliRun r = kaoping("schedule --sample draw.csv --out plan --lang en");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("wrote plan/: 387 visits in 9 villages, 2017-09-05 to 2017-09-"),
            std::string::npos)
      << r.err;
  for (const char* name :
       {"schedule.csv", "notifications.csv", "itineraries.csv", "gaps.csv", "schedule.ics"})
    EXPECT_TRUE(fs::exists(dir_ / "plan" / name)) << name;
  const std::vector<std::string> rows = lines_of(slurp(dir_ / "plan" / "schedule.csv"));
  ASSERT_EQ(rows.size(), 388u);
  // Every visit has a guide; interpreters only beside non-zh households and always then.
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_FALSE(field(rows[i], 9).empty()) << rows[i];
    EXPECT_EQ(field(rows[i], 15) == "zh", field(rows[i], 10).empty()) << rows[i];
  }
  EXPECT_EQ(slurp(dir_ / "plan" / "notifications.csv").substr(0, 12), "\xEF\xBB\xBFnotify_at");
  const std::string ics = slurp(dir_ / "plan" / "schedule.ics");
  EXPECT_EQ(ics.substr(0, 17), "BEGIN:VCALENDAR\r\n");
  // A second run into the same directory needs --force.
  const CliRun again = kaoping("schedule --lang en --sample draw.csv --out plan");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.err,
            "kaoping: error: plan: directory exists and is not empty; use --force to write "
            "into it\n");
  EXPECT_EQ(kaoping("schedule --sample draw.csv --out plan --force --quiet").exit_code, 0);
}

TEST_F(ScheduleCli, EvaluatorsHouseholdIdList) {
  ASSERT_EQ(kaoping("sample --seed 8 --out draw.csv --quiet").exit_code, 0);
  const std::vector<std::string> ids = sampled(dir_ / "draw.csv");
  std::ofstream list(dir_ / "list.csv");
  list << "household_id\n";
  for (const std::string& id : ids) list << id << "\n";
  list.close();
  const CliRun r = kaoping("schedule --sample list.csv --out plan --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::vector<std::string> rows = lines_of(slurp(dir_ / "plan" / "schedule.csv"));
  EXPECT_EQ(rows.size(), ids.size() + 1);
}

TEST_F(ScheduleCli, RosterTooSmallGivesGaps) {
  ASSERT_EQ(kaoping("generate --profile small --seed 2 --out reg --quiet").exit_code, 0);
  ASSERT_EQ(kaoping("sample --registry reg --seed 3 --out draw.csv --quiet").exit_code, 0);
  // One guide for the first sampled village, nobody else.
  const std::vector<std::string> draw = lines_of(slurp(dir_ / "draw.csv"));
  const std::string village = field(draw[1], 1);
  std::ofstream staff(dir_ / "few.csv");
  staff << "staff_id,name,phone,role,village_id,languages,groups\n"
        << "X1,Lone Guide,13900000000,guide," << village << ",zh,\n";
  staff.close();
  const CliRun r =
      kaoping("schedule --registry reg --staff few.csv --sample draw.csv --out plan --lang en");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> gaps = lines_of(slurp(dir_ / "plan" / "gaps.csv"));
  ASSERT_GT(gaps.size(), 1u);
  EXPECT_EQ(gaps[0], "\xEF\xBB\xBFkind,village_id,household_id,language,date,start,detail");
  int short_villages = 0, no_guide = 0;
  for (std::size_t i = 1; i < gaps.size(); ++i) {
    short_villages += field(gaps[i], 0) == "guides_short";
    no_guide += field(gaps[i], 0) == "no_guide";
    if (field(gaps[i], 0) == "guides_short" && field(gaps[i], 1) == village) {
      EXPECT_EQ(field(gaps[i], 6), "only 1 guide on the roster (schedule.guides_per_village: 3)");
    }
  }
  EXPECT_EQ(short_villages, 9);
  // The lone guide leads one visit per round of three in their village; all else is a gap.
  const std::vector<std::string> rows = lines_of(slurp(dir_ / "plan" / "schedule.csv"));
  int led = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) led += field(rows[i], 9) == "X1";
  EXPECT_EQ(no_guide, static_cast<int>(rows.size()) - 1 - led);
  EXPECT_NE(r.err.find("kaoping: warning: gap guides_short: "), std::string::npos);
  EXPECT_NE(r.err.find(" gaps the roster cannot cover, listed in plan/gaps.csv\n"),
            std::string::npos)
      << r.err;
}

// gaps.csv is what the office reads: its detail is the same English sentence whatever
// --lang says, while the report follows --lang.
TEST_F(ScheduleCli, GapsCsvIsTheSameInBothLanguages) {
  ASSERT_EQ(kaoping("generate --profile small --seed 2 --out reg --quiet").exit_code, 0);
  ASSERT_EQ(kaoping("sample --registry reg --seed 3 --out draw.csv --quiet").exit_code, 0);
  const std::vector<std::string> draw = lines_of(slurp(dir_ / "draw.csv"));
  std::ofstream staff(dir_ / "few.csv");
  staff << "staff_id,name,phone,role,village_id,languages,groups\n"
        << "X1,Lone Guide,13900000000,guide," << field(draw[1], 1) << ",zh,\n";
  staff.close();
  ASSERT_EQ(kaoping("schedule --registry reg --staff few.csv --sample draw.csv --out zh --quiet")
                .exit_code,
            0);
  ASSERT_EQ(kaoping("schedule --registry reg --staff few.csv --sample draw.csv --out en --quiet "
                    "--lang en")
                .exit_code,
            0);
  const std::string zh = slurp(dir_ / "zh" / "gaps.csv");
  EXPECT_GT(lines_of(zh).size(), 1u);
  EXPECT_EQ(zh, slurp(dir_ / "en" / "gaps.csv"));
  EXPECT_NE(zh.find(",the village has no guide on the roster"), std::string::npos);
  EXPECT_NE(slurp(dir_ / "zh" / "report.html").find("本村名单上没有向导"), std::string::npos);
}

TEST_F(ScheduleCli, ImpossibleWindowWritesNothing) {
  ASSERT_EQ(kaoping("sample --seed 7 --out draw.csv --quiet").exit_code, 0);
  const CliRun r = kaoping(
      "schedule --lang en --sample draw.csv --out plan --set schedule.teams=1 "
      "--set schedule.enumerators_per_team=1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("kaoping: error: impossible plan: the 387 visits need every day from "
                        "2017-09-05 to ",
                        0),
            0u)
      << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "plan"));
}

TEST_F(ScheduleCli, BadListAndUsage) {
  std::ofstream list(dir_ / "list.csv");
  list << "household_id\nNO_SUCH_HOUSEHOLD\n";
  list.close();
  const CliRun bad = kaoping("schedule --sample list.csv --out plan");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err.rfind("list.csv:2:1: error: ", 0), 0u) << bad.err;
  EXPECT_FALSE(fs::exists(dir_ / "plan"));
  EXPECT_EQ(kaoping("schedule --out plan").exit_code, 2);  // --sample is required
  const CliRun help = kaoping("schedule --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("schedule-out"), std::string::npos);
}

}  // namespace
