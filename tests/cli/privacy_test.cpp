// Personal data whatever column it is put in: a small county gets a valid resident ID number
// or a mobile number in every row of one text column of one registry file (ids replaced
// consistently wherever they are referenced, so the county still loads), then every command
// that writes something runs on it, and stdout, stderr and every file written (the workbooks
// unzipped) are searched for the planted values. Only the notification lists of `schedule`
// may show a phone, and only a contact's (SPEC §5); no output shows a full ID number.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "tests/cli/harness.h"
#include "util/csv.h"
#include "util/diagnostics.h"

namespace kaoping::cli_test {
namespace {

/// The k-th planted ID number: region 110105, born in 1950, with its GB 11643 check character.
std::string id_number(int k) {
  const std::string body =
      fmt::format("1101051950{:02}{:02}{:03}", 1 + k / 28000 % 12, 1 + k / 1000 % 28, k % 1000);
  static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (body[i] - '0') * weight[i];
  return body + "10X98765432"[sum % 11];
}
/// The k-th planted mobile number.
std::string phone(int k) {
  return fmt::format("139{:08}", k + 1000);
}

enum class Kind { kMixed, kId, kPhone };

/// One column to plant in: a file, its column, what to plant (ID numbers and phones in
/// turn, or one of them), and whether the county still loads then.
struct Plant {
  const char* file;
  const char* column;
  Kind kind = Kind::kMixed;
  bool loads = true;
};

std::ostream& operator<<(std::ostream& os, const Plant& p) {
  return os << p.file << ":" << p.column;
}

// Where each kind of id is referenced: (file, column); `groups` of staff.csv is a ';' list.
const std::map<std::string, std::vector<std::pair<std::string, std::string>>>& references() {
  static const std::map<std::string, std::vector<std::pair<std::string, std::string>>> refs = {
      {"township_id", {{"townships.csv", "township_id"}, {"villages.csv", "township_id"}}},
      {"village_id",
       {{"villages.csv", "village_id"},
        {"groups.csv", "village_id"},
        {"households.csv", "village_id"},
        {"staff.csv", "village_id"}}},
      {"group_id",
       {{"groups.csv", "group_id"}, {"households.csv", "group_id"}, {"staff.csv", "groups"}}},
      {"household_id", {{"households.csv", "household_id"}, {"members.csv", "household_id"}}},
      {"staff_id", {{"staff.csv", "staff_id"}}}};
  return refs;
}
// The file that defines each kind of id.
const std::map<std::string, std::string> kKeyFile = {{"township_id", "townships.csv"},
                                                     {"village_id", "villages.csv"},
                                                     {"group_id", "groups.csv"},
                                                     {"household_id", "households.csv"},
                                                     {"staff_id", "staff.csv"}};

CsvTable read_table(const fs::path& p) {
  CsvTable t;
  Diagnostics diag;
  EXPECT_TRUE(parse_csv(slurp(p), p.filename().string(), &t, &diag)) << p;
  return t;
}
void write_table(const fs::path& p, const CsvTable& t) {
  CsvWriter w(t.header);
  for (const auto& row : t.rows) w.row(row);
  std::ofstream(p, std::ios::binary | std::ios::trunc) << w.str();
}

class PrivacyCli : public CliTest, public ::testing::WithParamInterface<Plant> {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_EQ(kaoping("generate -q --profile small --seed 4 --out county").exit_code, 0);
  }

  std::string value(Kind kind, int k) {
    const bool id = kind == Kind::kId || (kind == Kind::kMixed && k % 2 == 0);
    std::string v = id ? id_number(k) : phone(k);
    (id ? ids_ : phones_).insert(v);
    return v;
  }

  /// Plants a value in every row of p.column (a new column when the file has none); an id
  /// column's new values replace the old ones in every file that references them.
  void plant(const Plant& p) {
    const fs::path reg = dir_ / "county";
    CsvTable t = read_table(reg / p.file);
    const auto key = kKeyFile.find(p.column);
    if (key != kKeyFile.end() && key->second == p.file) {
      const int c = t.column(p.column);
      std::map<std::string, std::string> renamed;
      for (std::size_t r = 0; r < t.rows.size(); ++r)
        renamed[t.rows[r][c]] = value(p.kind, static_cast<int>(r));
      for (const auto& [file, column] : references().at(p.column)) {
        CsvTable ref = read_table(reg / file);
        const int rc = ref.column(column);
        for (auto& row : ref.rows) {
          std::string out;
          for (std::size_t a = 0, b; a <= row[rc].size() && !row[rc].empty(); a = b + 1) {
            b = std::min(row[rc].find(';', a), row[rc].size());
            const std::string item = row[rc].substr(a, b - a);
            const auto it = renamed.find(item);
            out += (out.empty() ? "" : ";") + (it == renamed.end() ? item : it->second);
          }
          row[rc] = out;
        }
        write_table(reg / file, ref);
      }
      return;
    }
    int c = t.column(p.column);
    if (c < 0) {
      t.header.push_back(p.column);
      for (auto& row : t.rows) row.emplace_back();
      c = static_cast<int>(t.header.size()) - 1;
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      t.rows[r][c] = value(p.kind, static_cast<int>(r));
    write_table(reg / p.file, t);
  }

  /// The planted values found in `text` (each ID number and phone that begins there).
  std::set<std::string> found(const std::string& text) const {
    std::set<std::string> hits;
    for (const auto& [prefix, set, length] :
         {std::tuple{"110105", &ids_, 18}, std::tuple{"139", &phones_, 11}})
      for (std::size_t at = 0; (at = text.find(prefix, at)) != std::string::npos; ++at)
        if (set->count(text.substr(at, length))) hits.insert(text.substr(at, length));
    return hits;
  }

  /// Checks one output: no planted ID number at all, and a planted phone only where
  /// `phones_allowed`.
  void scan(const std::string& what, const std::string& text, bool phones_allowed) {
    for (const std::string& v : found(text)) {
      if (phones_allowed && phones_.count(v)) continue;
      ADD_FAILURE() << what << " shows the planted " << (ids_.count(v) ? "ID number " : "phone ")
                    << v;
      return;  // one failure an output is enough to read
    }
  }

  /// Runs one command and scans what it prints.
  CliResult run(const std::string& args) {
    const CliResult r = kaoping(args);
    scan("stdout of kaoping " + args, r.out, false);
    scan("stderr of kaoping " + args, r.err, false);
    return r;
  }

  /// Scans every file under the scratch directory but the county itself.
  void scan_outputs(bool contact_phones) {
    for (const auto& e : fs::recursive_directory_iterator(dir_)) {
      if (!e.is_regular_file()) continue;
      const fs::path rel = fs::relative(e.path(), dir_);
      if (*rel.begin() == "county" || rel == "stdout.txt" || rel == "stderr.txt") continue;
      std::string text = slurp(e.path());
      if (e.path().extension() == ".xlsx") {
        // Every member of the workbook, decompressed: sheets, shared strings, sheet names.
        const std::string cmd = "unzip -p '" + e.path().string() + "'";
        std::FILE* pipe = ::popen(cmd.c_str(), "r");
        ASSERT_NE(pipe, nullptr);
        text.clear();
        char buf[65536];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) text.append(buf, n);
        ASSERT_EQ(::pclose(pipe), 0) << rel;
      }
      // The notification lists, and the schedule's workbook with its notifications sheet.
      const bool notifications = rel.filename().string().rfind("notifications", 0) == 0 ||
                                 rel == fs::path("sched") / "report.xlsx";
      scan(rel.string(), text, contact_phones && notifications);
    }
  }

  std::set<std::string> ids_, phones_;
};

TEST_P(PrivacyCli, NoOutputShowsAPlantedIdNumberOrPhone) {
  const Plant& p = GetParam();
  plant(p);
  ASSERT_FALSE(ids_.empty() && phones_.empty());
  const CliResult v = run("validate --registry county");
  if (!p.loads) {
    EXPECT_EQ(v.exit_code, 1) << v.err;
    return;
  }
  ASSERT_EQ(v.exit_code, 0) << v.err;
  const std::string reg = "--registry county ";
  EXPECT_EQ(run("sample " + reg + "--out draw.csv").exit_code, 0);
  EXPECT_EQ(run("sample " + reg).exit_code, 0);
  EXPECT_EQ(run("audit --all " + reg + "--out self").exit_code, 0);
  EXPECT_EQ(run("audit --all " + reg).exit_code, 0);
  EXPECT_EQ(run("audit --sample draw.csv " + reg + "--out one").exit_code, 0);
  EXPECT_EQ(run("audit --sample draw.csv " + reg).exit_code, 0);
  EXPECT_EQ(run("simulate " + reg + "--runs 200 --fix-top 3 --out sim").exit_code, 0);
  EXPECT_EQ(run("simulate " + reg + "--runs 200 --fix-top 3").exit_code, 0);
  EXPECT_EQ(run("simulate " + reg + "--runs 100 --json").exit_code, 0);
  EXPECT_EQ(run("simulate " + reg + "--runs 100 --sensitivity --out sens").exit_code, 0);
  EXPECT_EQ(run("simulate " + reg + "--runs 100 --sample draw.csv --out given").exit_code, 0);
  EXPECT_EQ(run("prioritize " + reg + "--runs 100 --budget 5 --out prio").exit_code, 0);
  EXPECT_EQ(run("prioritize " + reg + "--runs 100 --budget 5").exit_code, 0);
  EXPECT_EQ(run("schedule " + reg + "--sample draw.csv --out sched").exit_code, 0);
  EXPECT_EQ(run("batch --registries county --runs 100 --out batch").exit_code, 0);
  EXPECT_EQ(run("batch --registries county --runs 100").exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "sched" / "notifications.csv"));
  // A contact's phone is what the notification lists are for; a household's never is.
  const std::string column = p.column;
  scan_outputs((std::string(p.file) == "groups.csv" && column == "contact_phone") ||
               (std::string(p.file) == "staff.csv" && column == "phone"));
}

INSTANTIATE_TEST_SUITE_P(
    EveryTextColumn, PrivacyCli,
    ::testing::Values(
        Plant{"townships.csv", "township_id"}, Plant{"townships.csv", "name"},
        Plant{"townships.csv", "notes"}, Plant{"villages.csv", "village_id"},
        Plant{"villages.csv", "name"}, Plant{"groups.csv", "group_id"}, Plant{"groups.csv", "name"},
        Plant{"groups.csv", "contact_name"}, Plant{"groups.csv", "contact_phone", Kind::kPhone},
        Plant{"groups.csv", "contact_phone", Kind::kId, false},
        Plant{"households.csv", "household_id"}, Plant{"households.csv", "head_name"},
        Plant{"households.csv", "id_number", Kind::kId},
        Plant{"households.csv", "id_number", Kind::kPhone, false},
        Plant{"households.csv", "phone", Kind::kPhone},
        Plant{"households.csv", "phone", Kind::kId, false},
        Plant{"households.csv", "size", Kind::kMixed, false}, Plant{"households.csv", "notes"},
        Plant{"members.csv", "relation"}, Plant{"members.csv", "gender"},
        Plant{"members.csv", "health"}, Plant{"members.csv", "labor"},
        Plant{"members.csv", "age", Kind::kMixed, false}, Plant{"staff.csv", "staff_id"},
        Plant{"staff.csv", "name"}, Plant{"staff.csv", "phone", Kind::kPhone},
        Plant{"staff.csv", "phone", Kind::kId, false},
        Plant{"staff.csv", "languages", Kind::kMixed, false}),
    [](const ::testing::TestParamInfo<Plant>& info) {
      std::string name =
          std::string(info.param.file) + "_" + info.param.column + "_" + std::to_string(info.index);
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

// A draw that names a household by the ID number its household_id held still finds it: the
// original is an alias of the pseudonym.
class PseudonymCli : public CliTest {};

TEST_F(PseudonymCli, AnIdNumberAsHouseholdIdIsAPseudonymTheOriginalStillFinds) {
  ASSERT_EQ(kaoping("generate -q --profile small --seed 4 --out county").exit_code, 0);
  const std::string id = "110105194912310021";
  CsvTable h = read_table(dir_ / "county" / "households.csv");
  const std::string old = h.rows[0][0];
  for (const char* f : {"households.csv", "members.csv"}) {
    CsvTable t = read_table(dir_ / "county" / f);
    for (auto& row : t.rows)
      if (row[0] == old) row[0] = id;
    write_table(dir_ / "county" / f, t);
  }
  CliResult r = kaoping("validate --lang en --registry county");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("households.csv:2:1: warning: household_id holds a resident ID number or "
                       "a phone number (1 rows)"),
            std::string::npos)
      << r.err;
  std::ofstream(dir_ / "list.csv") << "household_id\n" << id << "\n";
  r = kaoping("audit --lang en --sample list.csv --registry county --out one");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find(id), std::string::npos);
  const std::string households = slurp(dir_ / "one" / "households.csv");
  EXPECT_EQ(households.find(id), std::string::npos);
  EXPECT_NE(households.find("P-"), std::string::npos) << households;
  r = kaoping("simulate --lang en --registry county --runs 100 --fix list.csv");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// A seed that looks like a mobile number is a number, not a phone: the summary, the manifest
// and the terminal keep it (they showed "***", and the JSON files were no longer JSON).
TEST_F(PseudonymCli, ASeedThatLooksLikeAPhoneIsKept) {
  ASSERT_EQ(kaoping("generate -q --profile small --seed 4 --out county").exit_code, 0);
  const CliResult r = kaoping("simulate --registry county --runs 50 --seed 13912345678 --out s");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("13912345678"), std::string::npos) << r.out;
  for (const char* f : {"summary.json", "manifest.json"})
    EXPECT_NE(slurp(dir_ / "s" / f).find("\"seed\": 13912345678,"), std::string::npos) << f;
  EXPECT_NE(slurp(dir_ / "s" / "report.txt").find("13912345678"), std::string::npos);
}

}  // namespace
}  // namespace kaoping::cli_test
