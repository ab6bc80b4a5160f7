// The synthetic county: calibration figures of the default profile (DOMAIN.md §5), structure,
// determinism, staff coverage, members consistency, and the write → load round trip.
#include "registry/generate.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>
#include <string>

#include "registry/load.h"
#include "registry/write.h"
#include "util/files.h"

namespace kaoping {
namespace {

namespace fs = std::filesystem;

/// The default county is built once for the whole suite (about 0.2 s in Release).
const Registry& default_county() {
  static const Registry reg = generate_county(Profile::kDefault, 1);
  return reg;
}

/// A fresh directory under the system temp dir, removed at scope exit.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& tag) {
    path =
        fs::temp_directory_path() / ("kaoping_generate_" + tag + "_" + std::to_string(::getpid()));
    fs::remove_all(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

struct Figures {
  long households = 0, persons = 0;
  long poor_households = 0, poor_persons = 0;  // poor + planned_exit
  long status_households[kStatusCount] = {0, 0, 0, 0};
  std::map<Cause, long> causes;  // over poor + planned_exit households
};

Figures figures(const Registry& reg) {
  Figures f;
  const Households& h = reg.households;
  for (std::size_t i = 0; i < h.count(); ++i) {
    ++f.households;
    f.persons += h.size[i];
    ++f.status_households[static_cast<int>(h.status[i])];
    if (category_of(h.status[i]) == Category::kPoor) {
      ++f.poor_households;
      f.poor_persons += h.size[i];
      ++f.causes[h.cause[i]];
    }
  }
  return f;
}

/// GB 11643 check character, written independently of the generator.
bool id_checksum_ok(const std::string& id) {
  if (id.size() != 18) return false;
  static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
    sum += (id[i] - '0') * w[i];
  }
  return id[17] == "10X98765432"[sum % 11];
}

/// Composite index of SPEC §3 (z-scores summed with unit weights) and the tier it gives
/// each village within its township: 0 good, 1 medium, 2 poor.
std::vector<int> composite_tiers(const Registry& reg) {
  const std::size_t n = reg.villages.size();
  std::vector<double> index(n, 0);
  for (int k = 0; k < 3; ++k) {
    std::vector<double> x(n);
    for (std::size_t v = 0; v < n; ++v) {
      const Village& vi = reg.villages[v];
      x[v] = k == 0 ? vi.natural : k == 1 ? vi.transport : vi.economic;
    }
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
    double ss = 0;
    for (double a : x) ss += (a - mean) * (a - mean);
    const double sd = std::sqrt(ss / (n - 1));
    for (std::size_t v = 0; v < n; ++v) index[v] += (x[v] - mean) / sd;
  }
  std::vector<int> tier(n, 1);
  for (std::size_t t = 0; t < reg.townships.size(); ++t) {
    std::vector<int> vs;
    for (std::size_t v = 0; v < n; ++v)
      if (reg.villages[v].township == static_cast<int>(t)) vs.push_back(static_cast<int>(v));
    std::sort(vs.begin(), vs.end(), [&](int a, int b) {
      return index[a] != index[b] ? index[a] > index[b] : reg.villages[a].id < reg.villages[b].id;
    });
    const int m = static_cast<int>(vs.size());
    const int k = static_cast<int>(std::lround(m / 3.0));
    for (int r = 0; r < m; ++r) tier[vs[r]] = r < k ? 0 : r >= m - k ? 2 : 1;
  }
  return tier;
}

bool meets_guarantees(const Households& h, std::size_t i) {
  return h.food_secure[i] && h.clothing_secure[i] && h.water_safe[i] &&
         (h.housing[i] <= Housing::kB || h.relocated[i]) && h.dropouts[i] == 0 &&
         h.uninsured[i] == 0;
}

TEST(GenerateDefault, ReproducesTheSpeechFigures) {
  const Figures f = figures(default_county());
  EXPECT_NEAR(f.poor_households, 10679, 0.002 * 10679);
  EXPECT_NEAR(f.poor_persons, 40410, 0.002 * 40410);
  EXPECT_NEAR(100.0 * f.poor_persons / f.persons, 11.01, 0.05);
  EXPECT_NEAR(f.persons, 367000, 1000);
  EXPECT_EQ(default_county().groups.size(), 2567u);
  EXPECT_GT(f.status_households[static_cast<int>(Status::kPlannedExit)], 0);
  EXPECT_GT(f.status_households[static_cast<int>(Status::kExited)], 0);
  EXPECT_GT(f.status_households[static_cast<int>(Status::kNonRegistered)], 60000);
}

TEST(GenerateDefault, CausesOfPovertyMatchTheSpeech) {
  const Figures f = figures(default_county());
  auto share = [&](Cause c) {
    auto it = f.causes.find(c);
    return it == f.causes.end() ? 0.0 : 100.0 * it->second / f.poor_households;
  };
  EXPECT_NEAR(share(Cause::kIllness), 26.45, 0.5);
  EXPECT_NEAR(share(Cause::kEducation), 2.55, 0.5);
  EXPECT_NEAR(share(Cause::kSkills), 32.64, 0.5);
  EXPECT_NEAR(share(Cause::kFunds), 2.3, 0.5);
  EXPECT_NEAR(share(Cause::kLabor), 10.89, 0.5);
  EXPECT_NEAR(share(Cause::kMotivation), 15.72, 0.5);
  EXPECT_NEAR(share(Cause::kDisaster), 0.36, 0.5);
  EXPECT_NEAR(share(Cause::kLand) + share(Cause::kOther), 9.0, 0.5);
  EXPECT_EQ(f.causes.count(Cause::kNone), 0u) << "every registered poor household has a cause";
}

TEST(GenerateDefault, PlausibleStructure) {
  const Registry& reg = default_county();
  EXPECT_GE(reg.townships.size(), 15u);
  EXPECT_LE(reg.townships.size(), 20u);
  EXPECT_GE(reg.villages.size(), 180u);
  EXPECT_LE(reg.villages.size(), 220u);
  // At least 3 villages make a township eligible: round(n/3) good and poor villages and
  // n - 2 round(n/3) >= 1 medium for every n >= 3.
  std::map<int, int> villages_of;
  for (const Village& v : reg.villages) ++villages_of[v.township];
  for (std::size_t t = 0; t < reg.townships.size(); ++t) {
    EXPECT_GE(villages_of[static_cast<int>(t)], 3) << reg.townships[t].id;
    const std::string& name = reg.townships[t].name;
    EXPECT_TRUE(name.ends_with("镇") || name.ends_with("乡")) << name;
  }
  const std::vector<int> tier = composite_tiers(reg);
  std::map<int, std::set<int>> tiers_of;
  for (std::size_t v = 0; v < reg.villages.size(); ++v)
    tiers_of[reg.villages[v].township].insert(tier[v]);
  for (const auto& [t, tiers] : tiers_of) EXPECT_EQ(tiers.size(), 3u) << reg.townships[t].id;

  // Every village has groups and enough households in each category for the default quotas.
  std::vector<int> groups_of(reg.villages.size(), 0);
  for (const Group& g : reg.groups) ++groups_of[g.village];
  const Households& h = reg.households;
  std::vector<std::array<int, kCategoryCount>> per(reg.villages.size(), {0, 0, 0});
  double poor_persons = 0, poor_households = 0, nonreg_persons = 0, nonreg_households = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    ASSERT_GE(h.size[i], 1);
    ASSERT_LE(h.size[i], 8);
    ASSERT_GE(h.group[i], 0);
    ++per[h.village[i]][static_cast<int>(category_of(h.status[i]))];
    if (category_of(h.status[i]) == Category::kPoor) poor_persons += h.size[i], ++poor_households;
    if (h.status[i] == Status::kNonRegistered) nonreg_persons += h.size[i], ++nonreg_households;
    if (h.status[i] == Status::kExited) {
      EXPECT_GE(h.exit_year[i], 2014);
      EXPECT_LE(h.exit_year[i], 2016);
    } else {
      EXPECT_EQ(h.exit_year[i], 0);
    }
  }
  for (std::size_t v = 0; v < reg.villages.size(); ++v) {
    EXPECT_GE(groups_of[v], 3) << reg.villages[v].id;
    EXPECT_GE(per[v][0], 15) << reg.villages[v].id;
    EXPECT_GE(per[v][1], 13) << reg.villages[v].id;
    EXPECT_GE(per[v][2], 15) << reg.villages[v].id;
  }
  // Registered poor households are bigger than the others.
  EXPECT_NEAR(poor_persons / poor_households, 3.78, 0.02);
  EXPECT_LT(nonreg_persons / nonreg_households, poor_persons / poor_households);
}

TEST(GenerateDefault, ConditionsAndTravelFollowRemoteness) {
  const Registry& reg = default_county();
  const std::vector<int> tier = composite_tiers(reg);
  double travel[3] = {0, 0, 0}, count[3] = {0, 0, 0};
  for (std::size_t v = 0; v < reg.villages.size(); ++v) {
    travel[tier[v]] += reg.villages[v].travel_minutes;
    ++count[tier[v]];
  }
  // Poor-tier villages are markedly further from the township seat than good-tier ones
  // (about 1.45 times in the default county; tiers are ranked within townships, while
  // remote townships are remote as a whole).
  EXPECT_GT(travel[2] / count[2], 1.3 * travel[0] / count[0]);
  EXPECT_GT(travel[1] / count[1], travel[0] / count[0]);
}

TEST(GenerateDefault, ResidualProblemsAreRareAndSitInPoorVillages) {
  const Registry& reg = default_county();
  const Households& h = reg.households;
  const std::vector<int> tier = composite_tiers(reg);
  const double line = 3335;
  // Households found at fault on their recorded income, per tier and overall.
  long wrong_exit[3] = {0, 0, 0}, exited[3] = {0, 0, 0};
  long omitted = 0, nonreg = 0, mis_included = 0, poor = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    const int t = tier[h.village[i]];
    switch (category_of(h.status[i])) {
      case Category::kExited:
        ++exited[t];
        wrong_exit[t] += !meets_guarantees(h, i) || h.income[i] < line;
        break;
      case Category::kNonRegistered:
        ++nonreg;
        omitted += h.excluded[i] == 0 && (!meets_guarantees(h, i) || h.income[i] < line);
        break;
      case Category::kPoor:
        ++poor;
        mis_included += h.excluded[i] != 0 || h.income[i] >= 2 * line;
        break;
    }
  }
  const double we_all =
      double(wrong_exit[0] + wrong_exit[1] + wrong_exit[2]) / (exited[0] + exited[1] + exited[2]);
  // A real county after the summer clean-up: about one household in a hundred.
  EXPECT_GT(we_all, 0.002);
  EXPECT_LT(we_all, 0.03);
  EXPECT_GT(double(omitted) / nonreg, 0.002);
  EXPECT_LT(double(omitted) / nonreg, 0.03);
  EXPECT_GT(double(mis_included) / poor, 0.002);
  EXPECT_LT(double(mis_included) / poor, 0.03);
  // Concentrated in the poor tier.
  EXPECT_GT(double(wrong_exit[2]) / exited[2], 3.0 * wrong_exit[0] / exited[0]);
}

TEST(GenerateDefault, StaffCoverEveryVillageAndLanguage) {
  const Registry& reg = default_county();
  ASSERT_TRUE(reg.has_staff);
  std::map<std::string, std::set<std::string>> minority_of_village;  // from households
  std::set<std::string> spoken;
  const Households& h = reg.households;
  for (std::size_t i = 0; i < h.count(); ++i)
    if (h.language[i] != "zh") {
      minority_of_village[h.village_id[i]].insert(h.language[i]);
      spoken.insert(h.language[i]);
    }
  EXPECT_GE(spoken.size(), 3u);
  EXPECT_GE(minority_of_village.size(), 20u);
  EXPECT_LE(minority_of_village.size(), reg.villages.size() / 2);

  std::map<std::string, int> guides;
  std::map<std::string, int> interpreters;
  std::map<std::string, std::set<std::string>> groups_known;
  for (const Staff& s : reg.staff) {
    EXPECT_FALSE(s.name.empty());
    EXPECT_EQ(s.phone.size(), 11u);
    if (s.role == StaffRole::kGuide) {
      ASSERT_GE(s.village, 0);
      ++guides[s.village_id];
      for (const std::string& lang : minority_of_village[s.village_id])
        EXPECT_NE(std::find(s.languages.begin(), s.languages.end(), lang), s.languages.end())
            << s.id << " in " << s.village_id << " does not speak " << lang;
      for (const std::string& g : s.groups) {
        ASSERT_TRUE(reg.group_index.count(g)) << g;
        EXPECT_EQ(reg.groups[reg.group_index.at(g)].village_id, s.village_id);
        groups_known[s.village_id].insert(g);
      }
    } else {
      EXPECT_TRUE(s.village_id.empty()) << "interpreters are a county pool";
      for (const std::string& lang : s.languages) ++interpreters[lang];
    }
  }
  std::map<std::string, int> groups_of;
  for (const Group& g : reg.groups) ++groups_of[g.village_id];
  for (const Village& v : reg.villages) {
    EXPECT_GE(guides[v.id], 3) << v.id;
    EXPECT_EQ(static_cast<int>(groups_known[v.id].size()), groups_of[v.id])
        << "every group of " << v.id << " is known by a guide";
  }
  for (const std::string& lang : spoken) EXPECT_GE(interpreters[lang], 2) << lang;
}

TEST(GenerateDefault, PeopleAndDocumentsLookReal) {
  const Registry& reg = default_county();
  const Households& h = reg.households;
  std::set<std::string> ids;
  long with_phone = 0, few_measures = 0, missing_cards = 0, inconsistent = 0, registered = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    ASSERT_TRUE(id_checksum_ok(h.id_number[i])) << h.id[i] << " " << h.id_number[i];
    EXPECT_TRUE(ids.insert(h.id_number[i]).second) << "duplicate ID number " << h.id_number[i];
    EXPECT_GE(h.head_name[i].size(), 6u);  // two or three CJK characters
    if (!h.phone[i].empty()) {
      ++with_phone;
      EXPECT_EQ(h.phone[i].size(), 11u);
      EXPECT_EQ(h.phone[i][0], '1');
    }
    if (!is_registered(h.status[i])) {
      EXPECT_EQ(h.cause[i], Cause::kNone);
      EXPECT_EQ(h.measures[i], 0);
      continue;
    }
    ++registered;
    EXPECT_NE(h.attribute[i], Attribute::kNone);
    few_measures += popcount16(h.measures[i]) < 4;
    missing_cards += h.cards[i] != kAllCards;
    inconsistent +=
        !h.archive_consistent[i] || std::abs(h.income_system[i] - h.income[i]) > 0.2 * h.income[i];
  }
  EXPECT_GT(with_phone, static_cast<long>(h.count() * 0.8));
  // Most registered households are ready; a few are not, so the self-check finds something.
  for (long n : {few_measures, missing_cards, inconsistent}) {
    EXPECT_GT(n, 0);
    EXPECT_LT(n, registered / 20);
  }
}

TEST(GenerateDefault, MembersAgreeWithHouseholdsExceptAHandful) {
  const Registry& reg = default_county();
  ASSERT_TRUE(reg.has_members);
  const Households& h = reg.households;
  std::vector<int> members(h.count(), 0), dropouts(h.count(), 0), uninsured(h.count(), 0);
  for (const Member& m : reg.members) {
    ASSERT_GE(m.household, 0);
    ASSERT_EQ(h.id[m.household], m.household_id);
    ++members[m.household];
    dropouts[m.household] += m.dropout == 1 && m.age >= 6 && m.age <= 15;
    uninsured[m.household] += m.medical_insured == 0;
  }
  long disagree = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    const bool agrees =
        members[i] == h.size[i] && dropouts[i] == h.dropouts[i] && uninsured[i] == h.uninsured[i];
    EXPECT_EQ(!agrees, h.members_mismatch[i] == 1) << h.id[i];
    disagree += !agrees;
  }
  EXPECT_GE(disagree, 10);
  EXPECT_LE(disagree, 60);
}

TEST(GenerateDefault, ValidatesWithoutErrors) {
  Registry reg = generate_county(Profile::kDefault, 1);
  Diagnostics diag;
  EXPECT_TRUE(validate_registry(&reg, &diag));
  EXPECT_EQ(diag.error_count(), 0u);
  for (const Diagnostic& d : diag.items()) EXPECT_EQ(d.severity, Severity::kWarning) << d.format();
}

TEST(GenerateDeterminism, SameSeedSameCountyOtherSeedDiffers) {
  const Registry& a = default_county();
  const Registry b = generate_county(Profile::kDefault, 1);
  EXPECT_EQ(a.households.id, b.households.id);
  EXPECT_EQ(a.households.income, b.households.income);
  EXPECT_EQ(a.households.size, b.households.size);
  EXPECT_EQ(a.households.head_name, b.households.head_name);
  EXPECT_EQ(a.members.size(), b.members.size());

  TempDir d1("same1"), d2("same2"), d3("other");
  std::string err;
  ASSERT_TRUE(write_registry(generate_county(Profile::kSmall, 7), d1.path, &err)) << err;
  ASSERT_TRUE(write_registry(generate_county(Profile::kSmall, 7), d2.path, &err)) << err;
  ASSERT_TRUE(write_registry(generate_county(Profile::kSmall, 8), d3.path, &err)) << err;
  for (const char* name : {"townships.csv", "villages.csv", "groups.csv", "households.csv",
                           "members.csv", "staff.csv"}) {
    std::string x, y, z;
    ASSERT_TRUE(read_file((d1.path / name).string(), &x, &err)) << err;
    ASSERT_TRUE(read_file((d2.path / name).string(), &y, &err)) << err;
    ASSERT_TRUE(read_file((d3.path / name).string(), &z, &err)) << err;
    EXPECT_EQ(sha256_hex(x), sha256_hex(y)) << name;
    if (std::string(name) != "townships.csv") {
      EXPECT_NE(sha256_hex(x), sha256_hex(z)) << name;
    }
  }
}

TEST(GenerateSmall, SmallButComplete) {
  const Registry reg = generate_county(Profile::kSmall, 1);
  EXPECT_EQ(reg.townships.size(), 4u);
  std::map<int, int> villages_of;
  for (const Village& v : reg.villages) ++villages_of[v.township];
  for (const auto& [t, n] : villages_of) {
    EXPECT_GE(n, 4);
    EXPECT_LE(n, 5);
  }
  const Households& h = reg.households;
  EXPECT_GE(h.count(), 800u);
  EXPECT_LE(h.count(), 2000u);
  std::vector<std::array<int, kCategoryCount>> per(reg.villages.size(), {0, 0, 0});
  std::set<std::string> spoken;
  for (std::size_t i = 0; i < h.count(); ++i) {
    ++per[h.village[i]][static_cast<int>(category_of(h.status[i]))];
    if (h.language[i] != "zh") spoken.insert(h.language[i]);
    EXPECT_TRUE(id_checksum_ok(h.id_number[i]));
  }
  for (const auto& c : per) {
    EXPECT_GE(c[0], 15);
    EXPECT_GE(c[1], 13);
    EXPECT_GE(c[2], 15);
  }
  EXPECT_EQ(spoken.size(), 1u);
  std::map<std::string, int> guides;
  int interpreters = 0;
  for (const Staff& s : reg.staff) {
    if (s.role == StaffRole::kGuide) ++guides[s.village_id];
    if (s.role == StaffRole::kInterpreter) ++interpreters;
  }
  for (const Village& v : reg.villages) EXPECT_GE(guides[v.id], 3) << v.id;
  EXPECT_GE(interpreters, 2);
  EXPECT_FALSE(reg.groups.empty());
}

TEST(WriteRegistry, WritesEveryColumnInSpecOrderWithoutBom) {
  TempDir dir("columns");
  std::string err;
  ASSERT_TRUE(write_registry(generate_county(Profile::kSmall, 1), dir.path / "sub", &err)) << err;
  const std::map<std::string, std::string> headers = {
      {"townships.csv", "township_id,name,travel_minutes"},
      {"villages.csv",
       "village_id,township_id,name,natural,transport,economic,tier,travel_minutes"},
      {"groups.csv", "group_id,village_id,name,contact_name,contact_phone"},
      {"households.csv",
       "household_id,village_id,group_id,head_name,id_number,phone,size,status,exit_year,"
       "attribute,cause,income,income_system,food_secure,clothing_secure,water_safe,housing,"
       "relocated,dropouts,uninsured,excluded,measures,cards,archive_consistent,language,"
       "presence,satisfaction,verified,fault_prior"},
      {"members.csv",
       "household_id,relation,gender,age,in_school,dropout,medical_insured,pension_insured,"
       "health,labor"},
      {"staff.csv", "staff_id,name,phone,role,village_id,languages,groups"},
  };
  for (const auto& [name, header] : headers) {
    std::string text;
    ASSERT_TRUE(read_file((dir.path / "sub" / name).string(), &text, &err)) << err;
    // Every CSV kaoping writes starts with a UTF-8 BOM (SPEC §4), for Excel and WPS.
    ASSERT_EQ(text.substr(0, 3), "\xEF\xBB\xBF") << name;
    text.erase(0, 3);
    EXPECT_EQ(text.substr(0, text.find('\n')), header) << name;
    EXPECT_EQ(text.find('\r'), std::string::npos) << name;
  }
  // Nothing but the six files: no temporary left behind.
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir.path / "sub")) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 6);
}

TEST(WriteRegistry, FailsCleanlyWhenTheDirectoryCannotBeMade) {
  TempDir dir("blocked");
  fs::create_directories(dir.path);
  std::string err;
  ASSERT_TRUE(write_file_atomic((dir.path / "file").string(), "x", &err)) << err;
  EXPECT_FALSE(
      write_registry(generate_county(Profile::kSmall, 1), dir.path / "file" / "out", &err));
  EXPECT_NE(err.find("cannot create directory"), std::string::npos) << err;
}

/// Loading the written files back gives zero errors and the same county.
void expect_round_trip(Profile profile, const std::string& tag) {
  const Registry generated = generate_county(profile, 1);
  TempDir dir(tag);
  std::string err;
  ASSERT_TRUE(write_registry(generated, dir.path, &err)) << err;
  Registry loaded;
  Diagnostics diag;
  ASSERT_TRUE(load_registry(dir.path.string(), &loaded, &diag));
  EXPECT_EQ(diag.error_count(), 0u);
  for (const Diagnostic& d : diag.items())
    if (d.severity == Severity::kError) ADD_FAILURE() << d.format();

  const Figures a = figures(generated), b = figures(loaded);
  EXPECT_EQ(a.households, b.households);
  EXPECT_EQ(a.persons, b.persons);
  EXPECT_EQ(a.poor_households, b.poor_households);
  EXPECT_EQ(a.poor_persons, b.poor_persons);
  EXPECT_EQ(a.causes, b.causes);
  EXPECT_EQ(loaded.groups.size(), generated.groups.size());
  EXPECT_EQ(loaded.staff.size(), generated.staff.size());
  EXPECT_EQ(loaded.members.size(), generated.members.size());
  const Households& g = generated.households;
  const Households& l = loaded.households;
  ASSERT_EQ(g.count(), l.count());
  for (std::size_t i = 0; i < g.count(); ++i) {
    ASSERT_EQ(g.id[i], l.id[i]);
    EXPECT_EQ(g.status[i], l.status[i]) << g.id[i];
    EXPECT_EQ(g.income[i], l.income[i]) << g.id[i];
    EXPECT_EQ(g.income_system[i], l.income_system[i]) << g.id[i];
    EXPECT_EQ(g.housing[i], l.housing[i]) << g.id[i];
    EXPECT_EQ(g.relocated[i], l.relocated[i]) << g.id[i];
    EXPECT_EQ(g.excluded[i], l.excluded[i]) << g.id[i];
    EXPECT_EQ(g.measures[i], l.measures[i]) << g.id[i];
    EXPECT_EQ(g.cards[i], l.cards[i]) << g.id[i];
    EXPECT_EQ(g.language[i], l.language[i]) << g.id[i];
    EXPECT_EQ(g.members_mismatch[i], l.members_mismatch[i]) << g.id[i];
  }
}

TEST(WriteRegistry, SmallCountyLoadsBackUnchanged) {
  expect_round_trip(Profile::kSmall, "rt_small");
}

TEST(WriteRegistry, DefaultCountyLoadsBackUnchanged) {
  expect_round_trip(Profile::kDefault, "rt_default");
}

}  // namespace
}  // namespace kaoping
