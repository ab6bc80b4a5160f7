// The registry schema: one table per file, read, checked and written alike. Each column must
// read back what it writes, and a registry built in memory gets the loader's messages.
#include "registry/schema.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "registry/generate.h"
#include "registry/load.h"

namespace kaoping::schema {
namespace {

std::vector<std::string> errors(const Diagnostics& diag) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diag.items())
    if (d.severity == Severity::kError) out.push_back(d.format());
  return out;
}

template <typename R>
void expect_well_formed(const Table<R>& table) {
  std::set<std::string> names;
  for (const Column<R>& c : table.columns) {
    EXPECT_TRUE(names.insert(c.name).second) << table.file << ": " << c.name << " twice";
    EXPECT_EQ(table.index(c.name), static_cast<int>(names.size()) - 1) << c.name;
    const bool is_number = c.kind == Kind::kWhole || c.kind == Kind::kNumber;
    EXPECT_EQ(c.range != nullptr, is_number) << c.name;
    EXPECT_EQ(c.names != nullptr, c.kind == Kind::kEnum || c.kind == Kind::kFlags) << c.name;
  }
  // A table whose records have a kind names them by their key, its first column.
  if (table.record) {
    EXPECT_EQ(table.columns.at(0).kind, Kind::kKey) << table.file;
  }
  EXPECT_EQ(table.index("no such column"), -1);
}

TEST(Schema, TablesAreWellFormed) {
  expect_well_formed(township_table());
  expect_well_formed(village_table());
  expect_well_formed(group_table());
  expect_well_formed(household_table());
  expect_well_formed(member_table());
  expect_well_formed(staff_table());
}

/// Every record written as cells, read back into a fresh record without a problem, and
/// written again gives the same cells: reader and writer of each column agree.
template <typename R>
void expect_round_trip(const Table<R>& table, const std::vector<R>& records) {
  std::vector<int> position(table.columns.size());
  for (std::size_t k = 0; k < position.size(); ++k) position[k] = static_cast<int>(k);
  std::vector<CellState> state(table.columns.size());
  std::vector<std::string> cells, again;
  const std::string file = table.file;
  for (const R& r : records) {
    table.write(r, 0, &cells);
    R back{};
    Diagnostics diag;
    RowScope row(file, 2, position.data(), state.data(), &diag);
    std::vector<std::string> read = cells;  // read takes the cells' text
    table.read(read, back, 0, row);
    ASSERT_TRUE(errors(diag).empty()) << errors(diag).at(0);
    table.write(back, 0, &again);
    ASSERT_EQ(cells, again) << table.file;
  }
}

TEST(Schema, EveryColumnReadsBackWhatItWrites) {
  Registry reg = generate_county(Profile::kSmall, 1);
  // Besides the generated county: an unverified household without an income, and one with a
  // fault probability of its own and a disability certificate number.
  reg.households.verified[0] = 0;
  reg.households.income[0] = reg.households.income_system[0] = std::nan("");
  reg.households.verified[1] = 0;
  reg.households.fault_prior[1] = 0.125;
  reg.households.id_number[1] += "42";
  expect_round_trip(township_table(), reg.townships);
  expect_round_trip(village_table(), reg.villages);
  expect_round_trip(group_table(), reg.groups);
  expect_round_trip(member_table(), reg.members);
  expect_round_trip(staff_table(), reg.staff);

  const Table<Households>& table = household_table();
  const Households& h = reg.households;
  std::vector<int> position(table.columns.size());
  for (std::size_t k = 0; k < position.size(); ++k) position[k] = static_cast<int>(k);
  std::vector<CellState> state(table.columns.size());
  std::vector<std::string> cells, again;
  const std::string file = table.file;
  Households back;
  back.resize(h.count());
  for (std::size_t i = 0; i < h.count(); ++i) {
    table.write(h, i, &cells);
    Diagnostics diag;
    RowScope row(file, 2, position.data(), state.data(), &diag);
    std::vector<std::string> read = cells;  // read takes the cells' text
    table.read(read, back, i, row);
    ASSERT_TRUE(errors(diag).empty()) << errors(diag).at(0);
    table.write(back, i, &again);
    ASSERT_EQ(cells, again) << h.id[i];
    if (!std::isnan(h.income_system[i])) {
      EXPECT_EQ(back.income_system[i], h.income_system[i]) << h.id[i];
    }
    EXPECT_EQ(back.verified[i], h.verified[i]) << h.id[i];
    EXPECT_EQ(back.language[i], h.language[i]) << h.id[i];
  }
}

TEST(Schema, EmptyOptionalCellsTakeTheStructDefaults) {
  const Table<Households>& table = household_table();
  std::vector<int> position(table.columns.size(), -1);
  std::vector<std::string> cells;
  const auto put = [&](const char* column, const char* value) {
    position[table.index(column)] = static_cast<int>(cells.size());
    cells.push_back(value);
  };
  put("household_id", "H1");
  put("village_id", "V1");
  put("size", "2");
  put("status", "poor");
  put("income", "2500");
  put("income_system", "");
  put("food_secure", "1");
  put("clothing_secure", "1");
  put("water_safe", "1");
  put("housing", "B");
  put("dropouts", "0");
  put("uninsured", "0");
  put("presence", " ");
  std::vector<CellState> state(table.columns.size());
  Households h;
  h.resize(1);
  Diagnostics diag;
  const std::string file = table.file;
  RowScope row(file, 7, position.data(), state.data(), &diag);
  table.read(cells, h, 0, row);
  EXPECT_TRUE(diag.items().empty());
  EXPECT_EQ(h.income_system[0], 2500);  // = income
  EXPECT_EQ(h.language[0], "zh");
  EXPECT_EQ(h.archive_consistent[0], 1);
  EXPECT_TRUE(std::isnan(h.presence[0]));
  EXPECT_EQ(h.line[0], 7);
  EXPECT_EQ(state[table.index("exit_year")], CellState::kAbsent);
  EXPECT_EQ(state[table.index("income_system")], CellState::kEmpty);
  EXPECT_EQ(state[table.index("size")], CellState::kGiven);
}

TEST(Schema, RecordsBuiltInMemoryGetTheLoadersMessages) {
  Registry reg = generate_county(Profile::kSmall, 1);
  Households& h = reg.households;
  h.food_secure[0] = 2;
  h.dropouts[1] = 1'000'001;
  h.language[2] = "Yi";
  h.income[3] = -1;
  reg.members[0].age = 151;
  reg.members[1].in_school = 3;
  reg.villages[0].travel_minutes = -5;
  Staff& guide = reg.staff.at(0);
  ASSERT_EQ(guide.role, StaffRole::kGuide);
  guide.village_id.clear();
  guide.groups.clear();
  Diagnostics diag;
  EXPECT_FALSE(validate_registry(&reg, &diag));
  const std::string h0 = "households.csv: error: household \"" + h.id[0] + "\": ";
  const std::string h1 = "households.csv: error: household \"" + h.id[1] + "\": ";
  const std::string h2 = "households.csv: error: household \"" + h.id[2] + "\": ";
  const std::string h3 = "households.csv: error: household \"" + h.id[3] + "\": ";
  EXPECT_EQ(errors(diag),
            (std::vector<std::string>{
                "villages.csv: error: village \"" + reg.villages[0].id +
                    "\": travel_minutes must be a number >= 0, got \"-5\"",
                h0 + "food_secure must be 0 or 1, got \"2\"",
                h1 + "dropouts must be a whole number >= 0, got \"1000001\"",
                h2 + "language must be a language code of lowercase letters such as zh, yi, "
                     "hani, got \"Yi\"",
                h3 + "income must be a number >= 0, got \"-1\"",
                "members.csv: error: age must be a whole number from 0 to 150, got \"151\"",
                "members.csv: error: in_school must be 0 or 1, got \"3\"",
                "staff.csv: error: staff \"" + guide.id +
                    "\": village_id is empty; a guide must name the village they guide in"}));
}

TEST(Schema, IdNumberProblems) {
  EXPECT_EQ(id_number_problem("11010519491231002X"), "");
  EXPECT_EQ(id_number_problem("11010519491231002x"), "");
  EXPECT_EQ(id_number_problem("110105194912310021"),
            "id_number 110105********0021 fails the GB 11643 checksum (the last character "
            "should be X)");
  EXPECT_EQ(id_number_problem("1101051949"),
            "id_number must be an 18-character resident ID number, got 10 characters");
}

}  // namespace
}  // namespace kaoping::schema
