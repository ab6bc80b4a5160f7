// Loading and validating a registry directory: every rule of SPEC §1, messages word for word.
#include "registry/load.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "util/files.h"

namespace kaoping {
namespace {

namespace fs = std::filesystem;

const char* const kFiles[] = {"townships.csv",  "villages.csv", "groups.csv",
                              "households.csv", "members.csv",  "staff.csv"};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> messages(const Diagnostics& diag) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diag.items()) out.push_back(d.format());
  return out;
}

std::vector<std::string> errors(const Diagnostics& diag) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diag.items())
    if (d.severity == Severity::kError) out.push_back(d.format());
  return out;
}

/// The small registry of tests/data/good/minimal, edited in memory and written to a
/// temporary directory.
class RegistryFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* f : kFiles)
      files_[f] = slurp(fs::path(KAOPING_TEST_DATA) / "good/minimal" / f);
    // A parameterised test's name holds a '/': keep the directory one level deep.
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');
    dir_ = fs::temp_directory_path() /
           ("kaoping_load_test_" + std::to_string(::getpid()) + "_" + name);
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// Replaces the one occurrence of `from` in `file`.
  void edit(const std::string& file, const std::string& from, const std::string& to) {
    std::string& s = files_.at(file);
    std::size_t at = s.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    ASSERT_EQ(s.find(from, at + 1), std::string::npos) << "ambiguous edit " << from;
    s.replace(at, from.size(), to);
  }
  void append(const std::string& file, const std::string& line) { files_.at(file) += line; }

  bool load(Registry* reg, Diagnostics* diag) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const auto& [name, text] : files_)
      if (!dropped_.count(name)) std::ofstream(dir_ / name, std::ios::binary) << text;
    return load_registry(dir_.string(), reg, diag);
  }
  /// Loads and returns the first error ("" when it loads).
  std::string first_error() {
    Registry reg;
    Diagnostics diag;
    bool ok = load(&reg, &diag);
    std::vector<std::string> e = errors(diag);
    EXPECT_EQ(ok, e.empty());
    return e.empty() ? "" : e[0];
  }

  std::map<std::string, std::string> files_;
  std::set<std::string> dropped_;
  fs::path dir_;
};

TEST_F(RegistryFiles, GoodRegistryLoads) {
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag)) << messages(diag).at(0);
  EXPECT_TRUE(diag.items().empty()) << messages(diag).at(0);
  ASSERT_EQ(reg.townships.size(), 2u);
  EXPECT_EQ(reg.townships[0].name, "东城乡");
  EXPECT_EQ(reg.townships[0].travel_minutes, 45);
  EXPECT_EQ(reg.townships[1].travel_minutes, 60);  // default
  ASSERT_EQ(reg.villages.size(), 3u);
  EXPECT_EQ(reg.villages[2].natural, -1);
  EXPECT_EQ(reg.villages[2].economic, 0.25);
  EXPECT_EQ(reg.villages[0].tier, Tier::kGood);
  EXPECT_FALSE(reg.villages[1].tier.has_value());
  EXPECT_EQ(reg.villages[1].travel_minutes, 30);  // default
  EXPECT_EQ(reg.villages[2].township, 1);
  ASSERT_EQ(reg.groups.size(), 2u);
  EXPECT_EQ(reg.groups[1].village, 1);

  const Households& h = reg.households;
  ASSERT_EQ(h.count(), 4u);
  EXPECT_EQ(h.size[0], 3);
  EXPECT_EQ(h.status[0], Status::kPoor);
  EXPECT_EQ(h.attribute[0], Attribute::kDibao);
  EXPECT_EQ(h.cause[0], Cause::kIllness);
  EXPECT_EQ(h.income_system[0], 2600);
  EXPECT_EQ(h.measures[0], kMsIndustry | kMsHealth);
  EXPECT_EQ(h.cards[0], kCardHelp | kCardContact);
  EXPECT_EQ(h.presence[0], 0.9);
  EXPECT_TRUE(std::isnan(h.satisfaction[0]));
  EXPECT_EQ(h.group[0], 0);
  EXPECT_EQ(h.status[1], Status::kExited);
  EXPECT_EQ(h.exit_year[1], 2015);
  EXPECT_EQ(h.income[1], 4200.5);
  EXPECT_EQ(h.income_system[1], 4200.5);  // default = income
  EXPECT_EQ(h.language[1], "zh");         // default
  EXPECT_EQ(h.cards[1], kAllCards);
  EXPECT_EQ(h.group[1], -1);
  EXPECT_EQ(h.head_name[2], "Li, Wei");
  EXPECT_EQ(h.excluded[2], kExCar);
  EXPECT_EQ(h.relocated[2], 0);
  EXPECT_EQ(h.status[3], Status::kPlannedExit);
  EXPECT_EQ(h.water_safe[3], 0);
  EXPECT_EQ(h.housing[3], Housing::kC);
  EXPECT_EQ(h.relocated[3], 1);
  EXPECT_EQ(h.uninsured[3], 1);
  EXPECT_EQ(h.archive_consistent[3], 0);
  EXPECT_EQ(h.language[3], "yi");
  EXPECT_EQ(h.satisfaction[3], 0.8);
  EXPECT_EQ(h.village[3], 2);
  EXPECT_EQ(h.line[3], 5);
  for (uint8_t m : h.members_mismatch) EXPECT_EQ(m, 0);

  EXPECT_TRUE(reg.has_members);
  ASSERT_EQ(reg.members.size(), 10u);
  EXPECT_EQ(reg.members[9].household, 3);
  EXPECT_EQ(reg.members[9].medical_insured, 0);
  EXPECT_EQ(reg.members[9].age, 66);
  EXPECT_TRUE(reg.has_staff);
  ASSERT_EQ(reg.staff.size(), 2u);
  EXPECT_EQ(reg.staff[0].village, 0);
  EXPECT_EQ(reg.staff[1].role, StaffRole::kInterpreter);
  EXPECT_EQ(reg.staff[1].languages, (std::vector<std::string>{"zh", "yi"}));
  EXPECT_EQ(reg.household_index.at("H3"), 2);

  ASSERT_EQ(reg.inputs.size(), 6u);
  for (const InputFile& f : reg.inputs) {
    std::string name = fs::path(f.path).filename().string();
    EXPECT_EQ(f.sha256, sha256_hex(files_.at(name))) << name;
  }
}

TEST_F(RegistryFiles, OptionalFilesMayBeAbsent) {
  dropped_ = {"groups.csv", "members.csv", "staff.csv"};
  edit("households.csv", "H1,V1,G1,", "H1,V1,,");
  edit("households.csv", "H3,V2,G2,", "H3,V2,,");
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag)) << messages(diag).at(0);
  EXPECT_FALSE(reg.has_members);
  EXPECT_FALSE(reg.has_staff);
  EXPECT_EQ(reg.inputs.size(), 3u);
}

TEST_F(RegistryFiles, UnknownColumnIsOneWarning) {
  edit("townships.csv", "travel_minutes\n", "travel_minutes,remark\n");
  edit("townships.csv", "T1,东城乡,45\n", "T1,东城乡,45,x\n");
  edit("townships.csv", "T2,西山镇,\n", "T2,西山镇,,y\n");
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag));
  EXPECT_EQ(messages(diag),
            (std::vector<std::string>{"townships.csv:1:4: warning: unknown column \"remark\" "
                                      "ignored"}));
}

TEST_F(RegistryFiles, BomAndCrlfLoad) {
  std::string& v = files_.at("villages.csv");
  std::string crlf;
  for (char c : v) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  v = "\xEF\xBB\xBF" + crlf;
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag)) << messages(diag).at(0);
  EXPECT_EQ(reg.villages[0].id, "V1");
  EXPECT_EQ(reg.villages[2].travel_minutes, 90);
}

TEST_F(RegistryFiles, Gb18030FileIsConvertedWithAWarning) {
  files_.at("townships.csv") =
      "township_id,name,travel_minutes\nT1,\xB6\xAB\xB3\xC7\xCF\xE7,45\nT2,x,\n";
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag));
  EXPECT_EQ(reg.townships[0].name, "东城乡");
  EXPECT_EQ(messages(diag), (std::vector<std::string>{"townships.csv: warning: file is "
                                                      "GB18030/GBK encoded; converted to UTF-8"}));
}

TEST_F(RegistryFiles, SizeMustBeWhole) {
  edit("households.csv", "13900000001,3,poor", "13900000001,3.5,poor");
  EXPECT_EQ(first_error(),
            "households.csv:2:7: error: size must be a whole number >= 1, got \"3.5\"");
}

struct EditCase {
  const char* file;
  const char* from;
  const char* to;
  const char* message;
};

class BadValues : public RegistryFiles, public ::testing::WithParamInterface<EditCase> {};

TEST_P(BadValues, MessageWordForWord) {
  const EditCase& c = GetParam();
  edit(c.file, c.from, c.to);
  EXPECT_EQ(first_error(), c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Households, BadValues,
    ::testing::Values(
        EditCase{"households.csv", "13900000001,3,", "13900000001,0,",
                 "households.csv:2:7: error: size must be a whole number >= 1, got \"0\""},
        EditCase{"households.csv", "13900000001,3,", "13900000001,,",
                 "households.csv:2:7: error: size is empty; it must be a whole number >= 1"},
        EditCase{"households.csv", ",poor,", ",Poor,",
                 "households.csv:2:8: error: status must be one of poor, planned_exit, exited, "
                 "non_registered, got \"Poor\" (did you mean \"poor\"?)"},
        EditCase{"households.csv", ",2,exited,2015,", ",2,exited,,",
                 "households.csv:3:9: error: exit_year is required for status exited: a year "
                 "from 2000 to 2100"},
        EditCase{"households.csv", ",2,exited,2015,", ",2,exited,15,",
                 "households.csv:3:9: error: exit_year must be a year from 2000 to 2100, got "
                 "\"15\""},
        EditCase{"households.csv", ",dibao,", ",low,",
                 "households.csv:2:10: error: attribute must be one of general, dibao, tekun, "
                 "got \"low\""},
        EditCase{"households.csv", ",land,", ",drought,",
                 "households.csv:3:11: error: cause must be one of illness, disability, "
                 "education, disaster, land, water, skills, labor, funds, transport, "
                 "motivation, other, got \"drought\""},
        EditCase{"households.csv", ",9000,", ",-9000,",
                 "households.csv:4:12: error: income must be a number >= 0, got \"-9000\""},
        EditCase{"households.csv", ",2500,2600,", ",2500,2,600,",
                 "households.csv:2:28: error: row has 28 fields but the header has 27 (an "
                 "unquoted comma inside a field?)"},
        EditCase{"households.csv", ",2500,2600,", ",2500,n/a,",
                 "households.csv:2:13: error: income_system must be a number >= 0, got \"n/a\""},
        EditCase{"households.csv", "2600,1,1,1,B", "2600,yes,1,1,B",
                 "households.csv:2:14: error: food_secure must be 0 or 1, got \"yes\""},
        EditCase{"households.csv", ",1,1,0,C,", ",1,1,0,c,",
                 "households.csv:5:17: error: housing must be one of A, B, C, D, got \"c\" (did "
                 "you mean \"C\"?)"},
        EditCase{"households.csv", ",C,1,0,1,", ",C,1,0,-1,",
                 "households.csv:5:20: error: uninsured must be a whole number >= 0, got \"-1\""},
        EditCase{"households.csv", ",A,,0,0,car,", ",A,,0,0,car;yacht,",
                 "households.csv:4:21: error: excluded must list values from official, cadre, "
                 "car, town_house, company, large_farm, split_household, absentee, other "
                 "separated by ';', got \"yacht\""},
        EditCase{"households.csv", "industry;health,", "industry;heath,",
                 "households.csv:2:22: error: measures must list values from industry, "
                 "employment, training, education, health, housing, relocation, finance, "
                 "social_security, water, other separated by ';', got \"heath\""},
        EditCase{"households.csv", "help_card;contact_card,1", "help_card;contact,1",
                 "households.csv:2:23: error: cards must list values from help_card, "
                 "contact_card, record_book separated by ';', got \"contact\""},
        EditCase{"households.csv", ",0,yi,", ",0,彝语,",
                 "households.csv:5:25: error: language must be a language code of lowercase "
                 "letters such as zh, yi, hani, got \"彝语\""},
        EditCase{"households.csv", ",1,zh,0.9,", ",1,zh,1.2,",
                 "households.csv:2:26: error: presence must be a number in [0,1], got \"1.2\""},
        EditCase{"households.csv", ",yi,,0.8", ",yi,,80%",
                 "households.csv:5:27: error: satisfaction must be a number in [0,1], got "
                 "\"80%\""},
        EditCase{"households.csv", "11010519491231002X", "110105194912310021",
                 "households.csv:2:5: error: id_number 110105********0021 fails the GB 11643 "
                 "checksum (the last character should be X)"},
        EditCase{"households.csv", "530123198001011239", "53012319800101123",
                 "households.csv:4:5: error: id_number must be an 18-character resident ID "
                 "number, got 17 characters"},
        EditCase{"households.csv", "530123198001011239", "5301231980O1011239",
                 "households.csv:4:5: error: id_number 530123********1239 must have digits in "
                 "its first 17 characters"},
        EditCase{"households.csv", "H2,V1,,", ",V1,,",
                 "households.csv:3:1: error: household_id is empty; every row needs one"}));

INSTANTIATE_TEST_SUITE_P(
    References, BadValues,
    ::testing::Values(
        EditCase{"households.csv", "H4,V3,", "H4,V9,",
                 "households.csv:5:2: error: village_id \"V9\" not found in villages.csv"},
        EditCase{"households.csv", "H1,V1,G1,", "H1,V1,G9,",
                 "households.csv:2:3: error: group_id \"G9\" not found in groups.csv"},
        EditCase{"households.csv", "H1,V1,G1,", "H1,V1,G2,",
                 "households.csv:2:3: error: group_id \"G2\" belongs to village \"V2\", not "
                 "\"V1\""},
        EditCase{"villages.csv", "V3,T2,", "V3,T3,",
                 "villages.csv:4:2: error: township_id \"T3\" not found in townships.csv"},
        EditCase{"groups.csv", "G2,V2,", "G2,V7,",
                 "groups.csv:3:2: error: village_id \"V7\" not found in villages.csv"},
        EditCase{"members.csv", "H4,head", "H5,head",
                 "members.csv:11:1: error: household_id \"H5\" not found in households.csv"},
        EditCase{"staff.csv", "guide,V1,", "guide,V8,",
                 "staff.csv:2:5: error: village_id \"V8\" not found in villages.csv"},
        EditCase{"staff.csv", "zh,G1", "zh,G2",
                 "staff.csv:2:7: error: groups: group \"G2\" belongs to village \"V2\", not "
                 "\"V1\""},
        EditCase{"staff.csv", "guide,V1,", "guide,,",
                 "staff.csv:2:5: error: village_id is empty; a guide must name the village "
                 "they guide in"},
        EditCase{"staff.csv", "interpreter,,zh;yi,", "interpreter,,,",
                 "staff.csv:3:6: error: languages is empty; an interpreter must list the "
                 "languages they speak"},
        EditCase{"staff.csv", "guide,V1", "driver,V1",
                 "staff.csv:2:4: error: role must be one of guide, interpreter, got \"driver\""},
        EditCase{"villages.csv", "V2,T1,乙村,0.5,", "V2,T1,乙村,high,",
                 "villages.csv:3:4: error: natural must be a number, got \"high\""},
        EditCase{"villages.csv", ",good,", ",best,",
                 "villages.csv:2:7: error: tier must be one of good, medium, poor, got \"best\""},
        EditCase{"townships.csv", "T1,东城乡,45", "T1,东城乡,-45",
                 "townships.csv:2:3: error: travel_minutes must be a number >= 0, got \"-45\""},
        EditCase{"members.csv", "H1,head,male,52,", "H1,head,male,fifty,",
                 "members.csv:2:4: error: age must be a whole number from 0 to 150, got "
                 "\"fifty\""}));

TEST_F(RegistryFiles, DuplicateIdReportedAtEachLaterOccurrence) {
  const std::string h1 = "H1,V1,,x,,,1,non_registered,,,,9000,,1,1,1,A,,0,0,,,,,,,\n";
  append("households.csv", h1);
  append("households.csv", h1);
  append("townships.csv", "T1,again,\n");
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load(&reg, &diag));
  EXPECT_EQ(errors(diag), (std::vector<std::string>{
                              "townships.csv:4:1: error: duplicate township_id \"T1\" (first on "
                              "line 2)",
                              "households.csv:6:1: error: duplicate household_id \"H1\" (first "
                              "on line 2)",
                              "households.csv:7:1: error: duplicate household_id \"H1\" (first "
                              "on line 2)"}));
}

TEST_F(RegistryFiles, MissingRequiredColumnAtLineOne) {
  files_.at("townships.csv") = "township_id,travel_minutes\nT1,45\nT2,\n";
  EXPECT_EQ(first_error(), "townships.csv:1:1: error: missing required column \"name\"");
}

TEST_F(RegistryFiles, MissingRequiredFile) {
  dropped_ = {"villages.csv"};
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load(&reg, &diag));
  // Only the missing file is reported: references into it are not checked.
  ASSERT_EQ(errors(diag).size(), 1u);
  EXPECT_EQ(errors(diag)[0], "villages.csv: error: file not found in " + dir_.string() +
                                 " (a registry needs townships.csv, villages.csv and "
                                 "households.csv)");
}

TEST_F(RegistryFiles, MisnamedFileGetsAHint) {
  dropped_ = {"households.csv"};
  files_["Households.csv"] = files_.at("households.csv");
  files_["villages.xlsx"] = "PK";
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load(&reg, &diag));
  const std::string needs = " (a registry needs townships.csv, villages.csv and households.csv)";
  EXPECT_EQ(errors(diag).at(0), "households.csv: error: file not found in " + dir_.string() +
                                    needs +
                                    "; found Households.csv: file names are case-sensitive, "
                                    "rename it to households.csv");
  dropped_ = {"villages.csv"};
  Diagnostics diag2;
  EXPECT_FALSE(load(&reg, &diag2));
  EXPECT_EQ(errors(diag2).at(0), "villages.csv: error: file not found in " + dir_.string() + needs +
                                     "; found villages.xlsx: save it as CSV UTF-8 under the name "
                                     "villages.csv");
}

TEST_F(RegistryFiles, UnitsWithoutHouseholdsAreWarnings) {
  append("villages.csv", "V4,T1,丁村,1,1,1,,\n");
  append("townships.csv", "T3,空乡,\n");
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag));
  EXPECT_EQ(messages(diag),
            (std::vector<std::string>{
                "villages.csv:5:1: warning: village \"V4\" has no households in households.csv",
                "townships.csv:4:1: warning: township \"T3\" has no villages in villages.csv"}));
}

TEST_F(RegistryFiles, MissingDirectory) {
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load_registry("/nonexistent/kaoping", &reg, &diag));
  EXPECT_EQ(errors(diag).at(0),
            "/nonexistent/kaoping: error: registry directory not found (expected a directory "
            "holding townships.csv, villages.csv and households.csv)");
}

TEST_F(RegistryFiles, HeaderOnlyHouseholds) {
  std::string& h = files_.at("households.csv");
  h = h.substr(0, h.find('\n') + 1);
  dropped_ = {"members.csv"};
  EXPECT_EQ(first_error(),
            "households.csv:1:1: error: no records: the file has a header row but no data rows");
}

TEST_F(RegistryFiles, EmptyAndBinaryFiles) {
  files_.at("villages.csv") = "";
  files_.at("groups.csv") = std::string(
      "\x7f"
      "ELF\0\0\0",
      7);
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load(&reg, &diag));
  EXPECT_EQ(errors(diag), (std::vector<std::string>{
                              "villages.csv:1:1: error: file is empty; expected a header row "
                              "naming the columns",
                              "groups.csv:1:1: error: binary file: NUL byte found; expected CSV "
                              "text in UTF-8"}));
}

TEST_F(RegistryFiles, AllProblemsAreCollected) {
  edit("households.csv", "13900000001,3,poor", "13900000001,3.5,poor");
  edit("households.csv", ",9000,", ",lots,");
  edit("households.csv", "H4,V3,", "H4,V9,");
  edit("villages.csv", ",good,", ",best,");
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load(&reg, &diag));
  EXPECT_EQ(errors(diag),
            (std::vector<std::string>{
                "villages.csv:2:7: error: tier must be one of good, medium, poor, got \"best\"",
                "households.csv:2:7: error: size must be a whole number >= 1, got \"3.5\"",
                "households.csv:4:12: error: income must be a number >= 0, got \"lots\"",
                "households.csv:5:2: error: village_id \"V9\" not found in villages.csv"}));
}

TEST_F(RegistryFiles, ShortRowDoesNotHideTheOtherRowsProblems) {
  // The short row (H2) is dropped; references to it are not reported as dangling, and the
  // other rows are still checked.
  edit("households.csv", "H2,V1,,赵六,,,2,", "H2,V1,,赵六,");
  edit("households.csv", ",9000,", ",lots,");
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load(&reg, &diag));
  EXPECT_EQ(
      errors(diag),
      (std::vector<std::string>{
          "households.csv:3:25: error: row has 24 fields but the header has 27 (missing fields "
          "or a line break inside an unquoted field)",
          "households.csv:4:12: error: income must be a number >= 0, got \"lots\""}));
}

TEST_F(RegistryFiles, QuotedLineBreakKeepsLineNumbersPhysical) {
  // H3's head_name spans two lines, so H4 starts on physical line 6, not 5.
  edit("households.csv", "\"Li, Wei\"", "\"Li,\r\nWei\"");
  edit("households.csv", "H4,V3,", "H4,V9,");
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load(&reg, &diag));
  EXPECT_EQ(errors(diag), (std::vector<std::string>{"households.csv:6:2: error: village_id \"V9\" "
                                                    "not found in villages.csv"}));
  EXPECT_EQ(reg.households.head_name[2], "Li,\r\nWei");
}

TEST_F(RegistryFiles, ErrorsPastTheLimitAreCountedNotStored) {
  for (int k = 0; k < 150; ++k)
    append("households.csv",
           "X" + std::to_string(k) + ",V1,,x,,,0,non_registered,,,,9000,,1,1,1,A,,0,0,,,,,,,\n");
  Registry reg;
  Diagnostics diag(100);
  EXPECT_FALSE(load(&reg, &diag));
  EXPECT_EQ(errors(diag).size(), 100u);
  EXPECT_GE(diag.error_count(), 100u);
  EXPECT_EQ(errors(diag)[99],
            "households.csv:105:7: error: size must be a whole number >= 1, got \"0\"");
}

TEST_F(RegistryFiles, MembersDisagreementIsAWarningAndMarksTheHousehold) {
  edit("households.csv", ",4,non_registered,", ",5,non_registered,");
  edit("members.csv", "H1,child,male,12,1,0,1,0", "H1,child,male,12,0,1,1,0");
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag)) << errors(diag).at(0);
  EXPECT_EQ(messages(diag),
            (std::vector<std::string>{
                "households.csv:2:19: warning: household \"H1\" disagrees with members.csv: "
                "dropouts is 0 but members.csv has 1 members with dropout=1",
                "households.csv:4:7: warning: household \"H3\" disagrees with members.csv: size "
                "is 5 but members.csv lists 4 members"}));
  EXPECT_EQ(reg.households.members_mismatch, (std::vector<uint8_t>{1, 0, 1, 0}));
}

TEST_F(RegistryFiles, TruncatedAndGarbledFilesNeverCrash) {
  // Every file cut at many points and with bytes overwritten: the loader must report
  // errors (or load), never crash or hang.
  const std::map<std::string, std::string> original = files_;
  for (const char* f : kFiles) {
    const std::string text = original.at(f);
    for (std::size_t cut = 0; cut < text.size(); cut += 23) {
      for (int mode = 0; mode < 2; ++mode) {
        files_ = original;
        std::string t = text.substr(0, cut);
        if (mode == 1) {
          t = text;
          t[cut] = "\",\n\xE5\x00"[cut % 5];
        }
        files_[f] = t;
        Registry reg;
        Diagnostics diag;
        bool ok = load(&reg, &diag);
        EXPECT_EQ(ok, !diag.has_errors()) << f << " " << cut;
        for (const Diagnostic& d : diag.items())
          if (d.severity == Severity::kError) {
            EXPECT_FALSE(d.message.empty());
          }
      }
    }
  }
}

// --- validate_registry on a registry built in memory --------------------------------------

Registry tiny_registry() {
  Registry reg;
  reg.source = "memory";
  reg.townships.push_back({"T1", "t", 10});
  Village v;
  v.id = "V1";
  v.township_id = "T1";
  reg.villages.push_back(v);
  for (const char* id : {"H1", "H2"}) {
    std::size_t i = reg.households.add_default();
    reg.households.id[i] = id;
    reg.households.village_id[i] = "V1";
    reg.households.size[i] = 2;
    reg.households.income[i] = reg.households.income_system[i] = 5000;
  }
  return reg;
}

TEST(ValidateRegistry, CleanRegistryPassesAndIsIndexed) {
  Registry reg = tiny_registry();
  Diagnostics diag;
  ASSERT_TRUE(validate_registry(&reg, &diag));
  EXPECT_EQ(reg.households.village[1], 0);
  EXPECT_EQ(reg.village_index.at("V1"), 0);
}

TEST(ValidateRegistry, ReportsEachProblemNamingTheRecord) {
  Registry reg = tiny_registry();
  Households& h = reg.households;
  h.id[1] = "H1";
  h.size[0] = 0;
  h.status[0] = Status::kExited;
  h.presence[0] = 1.5;
  h.id_number[0] = "110105194912310021";
  h.village_id[1] = "V2";
  Diagnostics diag;
  EXPECT_FALSE(validate_registry(&reg, &diag));
  // A record's problems come in the file's column order, as the loader reports them.
  EXPECT_EQ(errors(diag),
            (std::vector<std::string>{
                "households.csv: error: household \"H1\": id_number 110105********0021 fails "
                "the GB 11643 checksum (the last character should be X)",
                "households.csv: error: household \"H1\": size must be a whole number >= 1, got "
                "\"0\"",
                "households.csv: error: household \"H1\": exit_year is required for status "
                "exited: a year from 2000 to 2100",
                "households.csv: error: household \"H1\": presence must be a number in [0,1], "
                "got \"1.5\"",
                "households.csv: error: household \"H1\": duplicate household_id \"H1\" (first "
                "is record 1)",
                "households.csv: error: household \"H1\": village_id \"V2\" not found in "
                "villages.csv"}));
}

TEST(ValidateRegistry, MembersMismatchIsMarked) {
  Registry reg = tiny_registry();
  reg.has_members = true;
  for (const char* id : {"H1", "H1", "H2"}) {
    Member m;
    m.household_id = id;
    reg.members.push_back(m);
  }
  Diagnostics diag;
  ASSERT_TRUE(validate_registry(&reg, &diag));
  EXPECT_EQ(reg.households.members_mismatch, (std::vector<uint8_t>{0, 1}));
  EXPECT_EQ(messages(diag),
            (std::vector<std::string>{"households.csv: warning: household \"H2\" disagrees with "
                                      "members.csv: size is 2 but members.csv lists 1 members"}));
}

TEST(ValidIdNumber, Gb11643Checksum) {
  EXPECT_TRUE(valid_id_number("11010519491231002X"));
  EXPECT_TRUE(valid_id_number("11010519491231002x"));
  EXPECT_TRUE(valid_id_number("530123198001011239"));
  EXPECT_FALSE(valid_id_number("530123198001011238"));
  EXPECT_FALSE(valid_id_number("53012319800101123"));
  EXPECT_FALSE(valid_id_number("5301231980010112390"));
  EXPECT_FALSE(valid_id_number("A30123198001011239"));
  EXPECT_FALSE(valid_id_number(""));
}

TEST_F(RegistryFiles, LoadStaffAgainstALoadedRegistry) {
  dropped_ = {"staff.csv"};
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag));
  EXPECT_FALSE(reg.has_staff);
  fs::path roster = dir_ / "roster.csv";
  std::ofstream(roster) << "staff_id,name,phone,role,village_id,languages,groups\n"
                           "S1,a,13700000011,guide,V2,,G2\n"
                           "S1,b,13700000012,guide,V3,,\n"
                           "S3,c,0871-6543210,interpreter,,yi;hani,\n";
  EXPECT_FALSE(load_staff(roster.string(), &reg, &diag));
  EXPECT_EQ(errors(diag), (std::vector<std::string>{"roster.csv:3:1: error: duplicate staff_id "
                                                    "\"S1\" (first on line 2)"}));
  std::ofstream(roster) << "staff_id,name,phone,role,village_id,languages,groups\n"
                           "S1,a,13700000011,guide,V2,,G2\n"
                           "S3,c,0871-6543210,interpreter,,yi;hani,\n";
  Diagnostics diag2;
  ASSERT_TRUE(load_staff(roster.string(), &reg, &diag2)) << errors(diag2).at(0);
  ASSERT_EQ(reg.staff.size(), 2u);
  EXPECT_EQ(reg.staff[0].village, 1);
  EXPECT_EQ(reg.staff[0].languages, (std::vector<std::string>{"zh"}));
  EXPECT_EQ(reg.staff[1].village, -1);
}

// --- SPEC §1: verified, fault_prior, certificate numbers, phone numbers, spreadsheet damage ---

/// The minimal registry with the two columns of verification: `rows` holds the verified and
/// fault_prior cells of H1..H4.
class VerificationColumns : public RegistryFiles {
 protected:
  void with_verification(const std::vector<std::string>& rows) {
    std::string& h = files_.at("households.csv");
    std::string out;
    std::size_t start = 0, line = 0;
    while (start < h.size()) {
      const std::size_t end = h.find('\n', start);
      out += h.substr(start, end - start);
      out += line == 0 ? ",verified,fault_prior" : "," + rows.at(line - 1);
      out += '\n';
      start = end + 1;
      ++line;
    }
    h = out;
  }
};

TEST_F(VerificationColumns, AnUnverifiedHouseholdMayLeaveItsIncomeEmpty) {
  edit("households.csv", ",9000,", ",,");
  with_verification({"1,", ",", "0,0.25", "1,0"});
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag)) << errors(diag).at(0);
  const Households& h = reg.households;
  EXPECT_EQ(h.verified, (std::vector<uint8_t>{1, 1, 0, 1}));  // empty = 1
  EXPECT_TRUE(std::isnan(h.income[2]));
  EXPECT_TRUE(std::isnan(h.income_system[2]));  // = income
  EXPECT_TRUE(std::isnan(h.fault_prior[0]));    // empty = the configuration's
  EXPECT_EQ(h.fault_prior[2], 0.25);
  EXPECT_EQ(h.fault_prior[3], 0);
}

TEST_F(VerificationColumns, WithoutTheColumnsEveryHouseholdIsVerified) {
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag));
  EXPECT_EQ(reg.households.verified, (std::vector<uint8_t>{1, 1, 1, 1}));
  for (double p : reg.households.fault_prior) EXPECT_TRUE(std::isnan(p));
}

TEST_F(VerificationColumns, AnEmptyIncomeOfAVerifiedHouseholdIsAnErrorAtItsCell) {
  edit("households.csv", ",9000,", ",,");
  with_verification({"1,", "1,", "1,", "1,"});
  EXPECT_EQ(first_error(),
            "households.csv:4:12: error: income is empty; it must be a number >= 0 (only an "
            "unverified household, verified = 0, may leave it empty)");
}

TEST_F(VerificationColumns, AnEmptyIncomeWithoutTheVerifiedColumnIsAnError) {
  edit("households.csv", ",9000,", ",,");
  EXPECT_EQ(first_error(),
            "households.csv:4:12: error: income is empty; it must be a number >= 0 (only an "
            "unverified household, verified = 0, may leave it empty)");
}

TEST_F(VerificationColumns, BadVerificationCells) {
  with_verification({"yes,", "1,1.5", "0,-0.1", "1,"});
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load(&reg, &diag));
  EXPECT_EQ(errors(diag),
            (std::vector<std::string>{
                "households.csv:2:28: error: verified must be 0 or 1, got \"yes\"",
                "households.csv:3:29: error: fault_prior must be a number in [0,1], got \"1.5\"",
                "households.csv:4:29: error: fault_prior must be a number in [0,1], got "
                "\"-0.1\""}));
}

TEST_F(VerificationColumns, ABadVerifiedCellDoesNotAlsoReportTheIncome) {
  edit("households.csv", ",9000,", ",,");
  with_verification({"1,", "1,", "maybe,", "1,"});
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load(&reg, &diag));
  EXPECT_EQ(errors(diag), (std::vector<std::string>{"households.csv:4:28: error: verified must "
                                                    "be 0 or 1, got \"maybe\""}));
}

TEST_F(RegistryFiles, DisabilityCertificateNumbersAreAccepted) {
  // 残疾人证号: the head's resident ID followed by two digits (disability kind and grade).
  edit("households.csv", "11010519491231002X", "11010519491231002X41");
  edit("households.csv", "530123198001011239", "53012319800101123972");
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag)) << errors(diag).at(0);
  EXPECT_EQ(reg.households.id_number[0], "11010519491231002X41");
  EXPECT_TRUE(valid_id_number("11010519491231002X41"));
  EXPECT_TRUE(valid_id_number("53012319800101123972"));
  EXPECT_FALSE(valid_id_number("53012319800101123872"));  // its ID fails the checksum
  EXPECT_FALSE(valid_id_number("5301231980010112397X"));
}

INSTANTIATE_TEST_SUITE_P(
    NumbersAsText, BadValues,
    ::testing::Values(
        EditCase{"households.csv", "530123198001011239", "5301231980010112397A",
                 "households.csv:4:5: error: id_number 530123**********397A must end in two "
                 "digits: a 20-character disability certificate number is an 18-character "
                 "resident ID number followed by two digits"},
        EditCase{"households.csv", "530123198001011239", "53012319800101123872",
                 "households.csv:4:5: error: id_number 530123**********3872 fails the GB 11643 "
                 "checksum (the 18th character should be 9)"},
        EditCase{"households.csv", "530123198001011239", "5301231980010112391",
                 "households.csv:4:5: error: id_number must be an 18-character resident ID "
                 "number or a 20-character disability certificate number, got 19 characters"},
        EditCase{"households.csv", "530123198001011239", "5.30123E+17",
                 "households.csv:4:5: error: id_number \"5.30123E+17\" is a number a spreadsheet "
                 "turned into exponent form and lost digits; keep the column as text (Format "
                 "Cells → Text before pasting, or import the column as text)"},
        EditCase{"households.csv", ",13900000001,", ",1.39E+10,",
                 "households.csv:2:6: error: phone \"1.39E+10\" is a number a spreadsheet turned "
                 "into exponent form and lost digits; keep the column as text (Format Cells → "
                 "Text before pasting, or import the column as text)"},
        EditCase{"households.csv", ",13900000001,", ",1390000000,",
                 "households.csv:2:6: error: phone must be an 11-digit mobile number starting "
                 "with 1, or a landline number: 0, a 2-3 digit area code and a 7-8 digit "
                 "number, one '-' allowed after the area code, got \"1390000000\""},
        EditCase{"households.csv", ",13900000001,", ",0871-654321,",
                 "households.csv:2:6: error: phone must be an 11-digit mobile number starting "
                 "with 1, or a landline number: 0, a 2-3 digit area code and a 7-8 digit "
                 "number, one '-' allowed after the area code, got \"0871-654321\""},
        EditCase{"groups.csv", ",13800000002", ",+86 138 0000 0002",
                 "groups.csv:3:5: error: contact_phone must be an 11-digit mobile number "
                 "starting with 1, or a landline number: 0, a 2-3 digit area code and a 7-8 "
                 "digit number, one '-' allowed after the area code, got \"+86 138 0000 "
                 "0002\""},
        EditCase{"staff.csv", ",13700000002,", ",1.37E+10,",
                 "staff.csv:3:3: error: phone \"1.37E+10\" is a number a spreadsheet turned into "
                 "exponent form and lost digits; keep the column as text (Format Cells → Text "
                 "before pasting, or import the column as text)"},
        EditCase{"villages.csv", "V3,T2,", "3E+2,T2,",
                 "villages.csv:4:1: error: village_id \"3E+2\" is a number a spreadsheet turned "
                 "into exponent form and lost digits; keep the column as text (Format Cells → "
                 "Text before pasting, or import the column as text)"}));

TEST_F(RegistryFiles, PhoneNumbersOfEveryShapeSpecOneAllows) {
  const char* const good[] = {"13900000001", "0871-6543210",  "08716543210",  "010-12345678",
                              "01012345678", "0755-12345678", "075512345678", " 13900000002 "};
  for (const char* phone : good) {
    files_ = {};
    SetUp();
    edit("households.csv", ",13900000001,", std::string(",") + phone + ",");
    EXPECT_EQ(first_error(), "") << phone;
  }
  const char* const bad[] = {"23900000001", "139000000012",   "0871--6543210",
                             "08-71654321", "0871-123456789", "087165432",
                             "0871654321a", "139 0000 0001",  "087-1-654321"};
  for (const char* phone : bad) {
    files_ = {};
    SetUp();
    edit("households.csv", ",13900000001,", std::string(",") + phone + ",");
    EXPECT_NE(first_error(), "") << phone;
  }
}

TEST_F(RegistryFiles, AKeyInExponentFormIsNotADuplicate) {
  // Every household_id of the column turned into the same "1.10105E+17": one message per
  // cell, and the lost ids are not compared (no "duplicate household_id"); members.csv's
  // references to the ids that were lost cannot resolve.
  for (const char* id : {"H1,V1,", "H2,V1,", "H3,V2,", "H4,V3,"})
    edit("households.csv", id, std::string("1.10105E+17,") + (id + 3));
  Registry reg;
  Diagnostics diag;
  EXPECT_FALSE(load(&reg, &diag));
  const std::vector<std::string> e = errors(diag);
  ASSERT_GE(e.size(), 4u);
  for (std::size_t k = 0; k < 4; ++k)
    EXPECT_EQ(e[k], "households.csv:" + std::to_string(k + 2) +
                        ":1: error: household_id \"1.10105E+17\" is a number a spreadsheet "
                        "turned into exponent form and lost digits; keep the column as text "
                        "(Format Cells → Text before pasting, or import the column as text)");
  for (const std::string& m : e) EXPECT_EQ(m.find("duplicate"), std::string::npos) << m;
}

TEST(ValidateRegistry, VerificationPhonesAndSpreadsheetDamageInMemory) {
  Registry reg = tiny_registry();
  Households& h = reg.households;
  h.income[0] = std::nan("");  // verified: an error
  h.income[1] = h.income_system[1] = std::nan("");
  h.verified[1] = 0;  // unverified: fine
  h.fault_prior[1] = 2;
  h.phone[0] = "1.37027E+10";
  h.phone[1] = "0871-6543210";
  h.id_number[1] = "53012319800101123972";
  Diagnostics diag;
  EXPECT_FALSE(validate_registry(&reg, &diag));
  EXPECT_EQ(errors(diag),
            (std::vector<std::string>{
                "households.csv: error: household \"H1\": phone \"1.37027E+10\" is a number a "
                "spreadsheet turned into exponent form and lost digits; keep the column as text "
                "(Format Cells → Text before pasting, or import the column as text)",
                "households.csv: error: household \"H1\": income is empty; it must be a number "
                ">= 0 (only an unverified household, verified = 0, may leave it empty)",
                "households.csv: error: household \"H2\": fault_prior must be a number in [0,1], "
                "got \"2\""}));
}

TEST(WarnScheduleGaps, StaffAndGroupContactsAreWarnedAboutNotRequired) {
  Registry reg = tiny_registry();
  Diagnostics diag;
  warn_schedule_gaps(reg, &diag);
  EXPECT_EQ(messages(diag),
            (std::vector<std::string>{
                "staff.csv: warning: the registry has no staff.csv; schedule needs the guides "
                "and interpreters (give them in staff.csv, or with schedule --staff FILE)",
                "groups.csv: warning: the registry has no groups; the schedule cannot name the "
                "party member who notifies each group's households (contact_name and "
                "contact_phone in groups.csv)"}));
  EXPECT_FALSE(diag.has_errors());
}

TEST_F(RegistryFiles, GroupsWithoutAContactAreOneWarningAtTheFirst) {
  edit("groups.csv", "G2,V2,二组,李四,13800000002", "G2,V2,二组,李四,");
  Registry reg;
  Diagnostics diag;
  ASSERT_TRUE(load(&reg, &diag));
  warn_schedule_gaps(reg, &diag);
  EXPECT_EQ(messages(diag),
            (std::vector<std::string>{"groups.csv:3: warning: 1 of 2 groups have no contact_name "
                                      "or contact_phone, the first \"G2\"; the schedule cannot "
                                      "say whom to call to notify their households"}));
  Registry complete;
  Diagnostics none;
  dropped_.clear();
  files_.clear();
  SetUp();
  ASSERT_TRUE(load(&complete, &none));
  warn_schedule_gaps(complete, &none);
  EXPECT_TRUE(none.items().empty());
}

}  // namespace
}  // namespace kaoping
