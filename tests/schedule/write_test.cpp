// The files of `schedule`: RFC 5545 details of schedule.ics, personal data kept out.
#include "schedule/write.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "config/config.h"
#include "registry/generate.h"
#include "sampler/design.h"
#include "sampler/sampler.h"
#include "schedule/plan.h"

namespace kaoping {
namespace {

std::vector<std::string> split_crlf(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find("\r\n", pos);
    if (end == std::string::npos) {
      lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

TEST(Ics, EscapesText) {
  EXPECT_EQ(ics_escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  EXPECT_EQ(ics_escape("向导：张三"), "向导：张三");
}

TEST(Ics, FoldsAt75OctetsWithoutSplittingCharacters) {
  EXPECT_EQ(ics_fold("SUMMARY:short"), "SUMMARY:short");
  const std::string ascii = "DESCRIPTION:" + std::string(100, 'x');
  EXPECT_EQ(ics_fold(ascii), ascii.substr(0, 75) + "\r\n " + ascii.substr(75));
  // Three-octet characters: 75 = 12 + 3 * 21, so the first line holds 21 of them.
  std::string chinese = "DESCRIPTION:";
  for (int i = 0; i < 60; ++i) chinese += "村";
  const std::vector<std::string> lines = split_crlf(ics_fold(chinese));
  ASSERT_GE(lines.size(), 3u);
  std::string unfolded = lines[0];
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 75u) << i;
    if (i > 0) {
      ASSERT_EQ(lines[i][0], ' ');
      unfolded += lines[i].substr(1);
      // A continuation starts on a character boundary.
      EXPECT_NE(static_cast<unsigned char>(lines[i][1]) & 0xC0, 0x80);
    }
  }
  EXPECT_EQ(lines[0].size(), 75u);
  EXPECT_EQ(unfolded, chinese);
}

class WriteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    reg_ = new Registry(generate_county(Profile::kSmall, 1));
    Config config;
    Diagnostics diag;
    ASSERT_TRUE(load_config("", {}, &config, &diag));
    config_ = config.schedule;
    Design design;
    ASSERT_TRUE(build_design(*reg_, config.design, &design, &diag));
    Draw draw;
    draw_sample(*reg_, config.design, design, 11, 0, &draw);
    plan_ = new Plan;
    std::string err;
    ASSERT_TRUE(plan_schedule(*reg_, sampled_households(draw), config_, plan_, &err)) << err;
  }
  static void TearDownTestSuite() {
    delete reg_;
    delete plan_;
  }
  static Registry* reg_;
  static Plan* plan_;
  static ScheduleConfig config_;
};
Registry* WriteTest::reg_ = nullptr;
Plan* WriteTest::plan_ = nullptr;
ScheduleConfig WriteTest::config_;

TEST_F(WriteTest, CalendarIsWellFormed) {
  const std::string ics = schedule_ics(*reg_, *plan_, "20170901T000000Z", "zh");
  // Every line ends with CRLF, no bare LF, none longer than 75 octets.
  EXPECT_EQ(ics.substr(ics.size() - 2), "\r\n");
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') {
      ASSERT_TRUE(i > 0 && ics[i - 1] == '\r') << "bare LF at " << i;
    }
  }
  const std::vector<std::string> lines = split_crlf(ics);
  int events = 0, uids = 0, stamps = 0, starts = 0;
  for (const std::string& line : lines) {
    EXPECT_LE(line.size(), 75u) << line;
    events += line == "BEGIN:VEVENT";
    uids += line.rfind("UID:", 0) == 0;
    stamps += line == "DTSTAMP:20170901T000000Z";
    starts += line.rfind("DTSTART;TZID=Asia/Shanghai:2017", 0) == 0;
  }
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  // One event per team, village and day.
  std::set<std::tuple<int64_t, int, int>> days;
  for (const PlannedVisit& v : plan_->visits) days.insert({v.date.days(), v.team, v.village});
  EXPECT_EQ(events, static_cast<int>(days.size()));
  EXPECT_EQ(uids, events);
  EXPECT_EQ(stamps, events);
  EXPECT_EQ(starts, events);
}

TEST_F(WriteTest, NoIdNumbersAndPhonesOnlyInNotifications) {
  // gaps.csv is made in reports/ and checked the same way in
  // tests/reports/schedule_report_test.cpp.
  const std::string files[] = {schedule_csv(*reg_, *plan_), itineraries_csv(*reg_, *plan_, config_),
                               schedule_ics(*reg_, *plan_, "20170901T000000Z", "en")};
  const std::string notes = notifications_csv(*reg_, *plan_);
  for (const PlannedVisit& v : plan_->visits) {
    const std::string& id_number = reg_->households.id_number[v.household];
    const std::string& phone = reg_->households.phone[v.household];
    ASSERT_FALSE(id_number.empty());  // the generator gives every head an ID number
    for (const std::string& text : files) {
      ASSERT_EQ(text.find(id_number), std::string::npos);
      if (!phone.empty()) {
        ASSERT_EQ(text.find(phone), std::string::npos);
      }
    }
    ASSERT_EQ(notes.find(id_number), std::string::npos);
    if (v.guide >= 0) {
      for (const std::string& text : files)
        ASSERT_EQ(text.find(reg_->staff[v.guide].phone), std::string::npos);
    }
  }
}

TEST_F(WriteTest, ScheduleAndNotificationRows) {
  const std::string csv = schedule_csv(*reg_, *plan_);
  std::istringstream in(csv);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header,
            "\xEF\xBB\xBF"
            "date,start,end,team,enumerator,township_id,village_id,group_id,household_id,"
            "guide_id,interpreter_id,township_name,village_name,group_name,head_name,language,"
            "guide_name,interpreter_name");
  std::size_t rows = 0;
  for (std::string line; std::getline(in, line);) ++rows;
  EXPECT_EQ(rows, plan_->visits.size());
  const std::string notes = notifications_csv(*reg_, *plan_);
  EXPECT_EQ(notes.substr(0, notes.find('\n')),
            "\xEF\xBB\xBF"
            "notify_at,contact_name,contact_phone,household_id,visit_date,visit_start,"
            "village_id,group_id,head_name,notifier,standby");
  // The first visit's household is told at 19:00 the evening before.
  const PlannedVisit& first = plan_->visits.front();
  const std::string expected = Date::from_days(first.date.days() - 1).str() + " 19:00";
  EXPECT_EQ(notes.substr(notes.find('\n') + 1, expected.size()), expected);
}

TEST_F(WriteTest, ItinerariesFollowTheVisits) {
  const std::string csv = itineraries_csv(*reg_, *plan_, config_);
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "\xEF\xBB\xBFstaff_id,name,role,date,start,end,village_id,household_id,activity");
  int leads = 0, team_days = 0;
  std::set<std::string> first_seen;
  while (std::getline(in, line)) {
    const std::string staff_id = line.substr(0, line.find(','));
    if (line.find(",lead") != std::string::npos) ++leads;
    if (line.find(",visits") != std::string::npos) ++team_days;
    // Each team's first row: it leaves the county seat at the day start.
    if (staff_id.rfind("team-", 0) == 0 && first_seen.insert(staff_id).second) {
      EXPECT_NE(line.find(",08:30,"), std::string::npos) << line;
      EXPECT_NE(line.find(",travel from county seat"), std::string::npos) << line;
    }
  }
  int guided = 0;
  std::set<std::tuple<int64_t, int, int>> days;
  for (const PlannedVisit& v : plan_->visits) {
    guided += v.guide >= 0;
    days.insert({v.date.days(), v.team, v.village});
  }
  EXPECT_EQ(leads, guided);
  EXPECT_EQ(team_days, static_cast<int>(days.size()));
  EXPECT_EQ(first_seen.size(), 3u);
}

}  // namespace
}  // namespace kaoping
