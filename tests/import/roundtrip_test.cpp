// End to end: the small county exported as the office would get it — the national system's
// person rows in two township files (one with shared strings, one with inline strings), a
// person-row roster workbook and a household-row roster in GBK, a verification sheet, a
// villages sheet and a staff sheet — imported, written, loaded back, and compared household by
// household with the county it came from.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "import/import.h"
#include "registry/generate.h"
#include "registry/load.h"
#include "test_workbooks.h"

namespace kaoping {
namespace {

using import_test::messages;
using import_test::ScratchTest;
using import_test::write_text;
using import_test::write_xlsx;

using RoundTrip = ScratchTest;

TEST_F(RoundTrip, SmallCountyComesBackAsItWas) {
  const Registry county = generate_county(Profile::kSmall, 1);
  const Households& h = county.households;
  const auto township_of = [&](std::size_t i) {
    const Village& v = county.villages[static_cast<std::size_t>(h.village[i])];
    return county.townships[static_cast<std::size_t>(v.township)];
  };
  const auto village_of = [&](std::size_t i) {
    return county.villages[static_cast<std::size_t>(h.village[i])];
  };
  const auto group_name = [&](std::size_t i) {
    return h.group[i] < 0 ? std::string()
                          : county.groups[static_cast<std::size_t>(h.group[i])].name;
  };

  // Townships T01–T02 in one file with shared strings and two title rows, the others in one
  // with inline strings and three.
  county_export::ExportLayout layout;
  layout.file_of = [&](const Registry&, std::size_t i) {
    return std::string(township_of(i).id <= "T02" ? "export_a.xlsx" : "export_b.xlsx");
  };
  layout.title_rows = [](const std::string& file) { return file == "export_a.xlsx" ? 2 : 3; };
  const county_export::CountyExport files = county_export::export_county(county, layout);
  ASSERT_EQ(files.exports.size(), 2u);
  write_xlsx("export_a.xlsx", {{"Sheet1", files.exports.at("export_a.xlsx")}});
  write_xlsx("export_b.xlsx", {{"Sheet1", files.exports.at("export_b.xlsx")}},
             /*inline_strings=*/true);
  write_xlsx("roster.xlsx", {{"花名册", files.roster_persons}});
  std::string gbk;
  ASSERT_TRUE(county_export::to_gbk(files.roster_csv, &gbk));
  write_text("roster.csv", gbk);
  write_xlsx("verification.xlsx", {{"核实", files.verification}});
  write_xlsx("villages.xlsx", {{"Sheet1", files.villages}});
  write_xlsx("staff.xlsx", {{"Sheet1", files.staff}});

  ImportInputs in;
  in.exports = {"export_a.xlsx", "export_b.xlsx"};
  in.rosters = {"roster.xlsx", "roster.csv"};
  in.verifications = {"verification.xlsx"};
  in.villages = "villages.xlsx";
  in.staff = "staff.xlsx";
  ImportResult result;
  Diagnostics diag;
  ASSERT_TRUE(import_registry(in, ImportOptions{}, &result, &diag)) << messages(diag);
  EXPECT_EQ(result.roster_merged, files.in_both);
  std::string err;
  ASSERT_TRUE(write_import(result, "registry", false, {}, &err)) << err;
  Registry back;
  Diagnostics load_diag;
  ASSERT_TRUE(load_registry("registry", &back, &load_diag)) << messages(load_diag);

  // Every household once, with every field it had.
  const Households& b = back.households;
  ASSERT_EQ(b.count(), h.count());
  std::map<std::string, std::size_t> at;
  for (std::size_t j = 0; j < b.count(); ++j) at[b.id[j]] = j;
  for (std::size_t i = 0; i < h.count(); ++i) {
    SCOPED_TRACE(h.id[i]);
    ASSERT_TRUE(at.count(files.key[i]));
    const std::size_t j = at[files.key[i]];
    const Village& bv = back.villages[static_cast<std::size_t>(b.village[j])];
    EXPECT_EQ(bv.name, village_of(i).name);
    EXPECT_EQ(back.townships[static_cast<std::size_t>(bv.township)].name, township_of(i).name);
    EXPECT_EQ(b.group[j] < 0 ? "" : back.groups[static_cast<std::size_t>(b.group[j])].name,
              group_name(i));
    EXPECT_EQ(b.status[j], h.status[i]);
    EXPECT_EQ(b.size[j], h.size[i]);
    EXPECT_EQ(b.exit_year[j], h.exit_year[i]);
    EXPECT_EQ(b.cause[j], is_registered(h.status[i]) ? h.cause[i] : Cause::kNone);
    EXPECT_EQ(b.attribute[j], is_registered(h.status[i]) ? h.attribute[i] : Attribute::kNone);
    EXPECT_EQ(b.income[j], h.income[i]);
    if (is_registered(h.status[i])) {
      EXPECT_EQ(b.income_system[j], h.income_system[i]);
    }
    EXPECT_EQ(b.food_secure[j], h.food_secure[i]);
    EXPECT_EQ(b.clothing_secure[j], h.clothing_secure[i]);
    EXPECT_EQ(b.water_safe[j], h.water_safe[i]);
    EXPECT_EQ(b.housing[j], h.housing[i]);
    EXPECT_EQ(b.relocated[j], h.relocated[i]);
    EXPECT_EQ(b.dropouts[j], h.dropouts[i]);
    EXPECT_EQ(b.uninsured[j], h.uninsured[i]);
    EXPECT_EQ(b.excluded[j], h.excluded[i]);
    EXPECT_EQ(b.measures[j], h.measures[i]);
    EXPECT_EQ(b.cards[j], h.cards[i]);
    EXPECT_EQ(b.archive_consistent[j], h.archive_consistent[i]);
    EXPECT_EQ(b.language[j], h.language[i]);
    EXPECT_EQ(b.head_name[j], h.head_name[i]);
    if (!files.head_id[i].empty()) {
      EXPECT_EQ(b.id_number[j], files.head_id[i]);
    }
    EXPECT_EQ(result.registry.households.verified[j], h.verified[i]);
  }
  EXPECT_EQ(back.townships.size(), county.townships.size());
  EXPECT_EQ(back.villages.size(), county.villages.size());
  EXPECT_EQ(back.groups.size(), county.groups.size());
  for (const Village& v : back.villages) {
    const auto it = std::find_if(county.villages.begin(), county.villages.end(),
                                 [&](const Village& c) { return c.name == v.name; });
    ASSERT_NE(it, county.villages.end());
    EXPECT_EQ(v.natural, it->natural);
    EXPECT_EQ(v.tier, it->tier);
    EXPECT_EQ(v.travel_minutes, it->travel_minutes);
  }
  ASSERT_EQ(back.staff.size(), county.staff.size());
  for (std::size_t s = 0; s < back.staff.size(); ++s) {
    EXPECT_EQ(back.staff[s].name, county.staff[s].name);
    EXPECT_EQ(back.staff[s].role, county.staff[s].role);
    EXPECT_EQ(back.staff[s].languages, county.staff[s].languages);
    EXPECT_EQ(back.staff[s].groups.size(), county.staff[s].groups.size());
  }
  // Members: one per person row of the export and of the person-row roster.
  std::size_t person_rows = 0;
  for (const auto& [file, rows] : files.exports)
    person_rows += rows.size() - (file == "export_a.xlsx" ? 3 : 4);
  person_rows += files.roster_persons.size() - 3;
  EXPECT_EQ(back.members.size(), person_rows);
  // import.json names every input with its hash.
  const std::string json = import_test::slurp("registry/import.json");
  for (const char* f : {"export_a.xlsx", "export_b.xlsx", "roster.xlsx", "roster.csv",
                        "verification.xlsx", "villages.xlsx", "staff.xlsx"})
    EXPECT_NE(json.find(std::string("\"file\": \"") + f + "\""), std::string::npos) << f;
  EXPECT_NE(json.find("\"header_row\": 3"), std::string::npos);
  EXPECT_NE(json.find("\"header_row\": 4"), std::string::npos);
}

}  // namespace
}  // namespace kaoping
