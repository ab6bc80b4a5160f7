// The county-scale import benchmark's two halves (bench/import_scale.sh runs both):
//
//   make_exports write DIR [--registry REG | --profile default|small] [--seed N] [--single]
//     writes a county (generate_county, default profile, seed 1; or the registry folder REG)
//     as the office would have it (tests/import/export_county.h): one export .xlsx per
//     township of the national system's person rows (shared strings and two title rows in
//     odd townships, inline strings and three in even ones; --single: every township in one
//     export.xlsx, and the same rows with inline strings in export_inline.xlsx), roster.xlsx
//     (person rows) and roster.csv (GBK, household rows) for the other households,
//     verification.xlsx, villages.xlsx, staff.xlsx, and keys.csv: how each county household is
//     keyed in the files.
//
//   make_exports compare DIR IMPORTED [--registry REG | --profile ...] [--seed N]
//     loads the registry `kaoping import` made of DIR's files and compares it, household by
//     household, with the county: the mismatches per field (each must be 0), and per field
//     the households whose county value the files cannot carry (compared with what they
//     carry instead). Exit 1 when any mismatch.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "registry/generate.h"
#include "registry/load.h"
#include "tests/import/export_county.h"

namespace kaoping {
namespace {

namespace ce = county_export;
namespace fs = std::filesystem;

struct Args {
  std::string mode, dir, imported, registry;
  Profile profile = Profile::kDefault;
  uint64_t seed = 1;
  bool single = false;
};

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "make_exports: %s\n"
               "usage: make_exports write DIR [--registry REG | --profile default|small] "
               "[--seed N] [--single]\n"
               "       make_exports compare DIR IMPORTED [--registry REG | --profile ...] "
               "[--seed N]\n",
               why);
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args a;
  std::vector<std::string> positional;
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    const auto value = [&]() -> std::string {
      if (k + 1 >= argc) usage(("missing value after " + arg).c_str());
      return argv[++k];
    };
    if (arg == "--registry") {
      a.registry = value();
    } else if (arg == "--profile") {
      const std::string p = value();
      if (p != "default" && p != "small") usage("--profile is default or small");
      a.profile = p == "small" ? Profile::kSmall : Profile::kDefault;
    } else if (arg == "--seed") {
      a.seed = std::stoull(value());
    } else if (arg == "--single") {
      a.single = true;
    } else if (arg.rfind("--", 0) == 0) {
      usage(("unknown option " + arg).c_str());
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty()) usage("no mode");
  a.mode = positional[0];
  if (a.mode == "write" && positional.size() == 2) {
    a.dir = positional[1];
  } else if (a.mode == "compare" && positional.size() == 3) {
    a.dir = positional[1];
    a.imported = positional[2];
  } else {
    usage("wrong arguments");
  }
  return a;
}

Registry load_county(const Args& a) {
  if (a.registry.empty()) return generate_county(a.profile, a.seed);
  Registry reg;
  Diagnostics diag;
  if (!load_registry(a.registry, &reg, &diag)) {
    for (const Diagnostic& d : diag.items()) std::fprintf(stderr, "%s\n", d.format().c_str());
    std::exit(1);
  }
  return reg;
}

void write_or_die(const fs::path& path, const std::vector<ce::SheetSpec>& sheets, bool inline_s) {
  if (!ce::write_workbook(path, sheets, inline_s)) {
    std::fprintf(stderr, "make_exports: cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

void write_text(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) {
    std::fprintf(stderr, "make_exports: cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

int write_exports(const Args& a) {
  const Registry county = load_county(a);
  const Households& h = county.households;
  const auto township_of = [&](std::size_t i) {
    return county.villages[static_cast<std::size_t>(h.village[i])].township;
  };
  ce::ExportLayout layout;
  layout.file_of = [&](const Registry& reg, std::size_t i) {
    if (a.single) return std::string("export.xlsx");
    return "export_" + reg.townships[static_cast<std::size_t>(township_of(i))].id + ".xlsx";
  };
  // The townships' files in turn: shared strings and two title rows, inline and three.
  std::map<std::string, int> index_of;  // export file → its township's index
  for (std::size_t t = 0; t < county.townships.size(); ++t)
    index_of["export_" + county.townships[t].id + ".xlsx"] = static_cast<int>(t);
  const auto shared_strings = [&](const std::string& file) {
    const auto it = index_of.find(file);
    return it == index_of.end() || it->second % 2 == 0;
  };
  layout.title_rows = [&](const std::string& file) { return shared_strings(file) ? 2 : 3; };
  const ce::CountyExport files = ce::export_county(county, layout);

  fs::create_directories(a.dir);
  const fs::path dir = a.dir;
  std::size_t person_rows = 0;
  for (const auto& [file, rows] : files.exports) {
    write_or_die(dir / file, {{"Sheet1", rows}}, /*inline_strings=*/!shared_strings(file));
    person_rows += rows.size() - static_cast<std::size_t>(layout.title_rows(file)) - 1;
    // The same rows with every string inline: a larger sheet XML for the same registry.
    if (a.single) write_or_die(dir / "export_inline.xlsx", {{"Sheet1", rows}}, true);
  }
  write_or_die(dir / "roster.xlsx", {{"花名册", files.roster_persons}}, false);
  std::string gbk;
  if (!ce::to_gbk(files.roster_csv, &gbk)) {
    std::fprintf(stderr, "make_exports: the roster CSV cannot be written in GB18030\n");
    return 1;
  }
  write_text(dir / "roster.csv", gbk);
  write_or_die(dir / "verification.xlsx", {{"核实", files.verification}}, false);
  write_or_die(dir / "villages.xlsx", {{"Sheet1", files.villages}}, false);
  write_or_die(dir / "staff.xlsx", {{"Sheet1", files.staff}}, false);
  std::string keys = "household_id,key,roster_key,form\n";
  for (std::size_t i = 0; i < h.count(); ++i)
    keys += h.id[i] + "," + files.key[i] + "," + files.roster_key[i] + "," + files.form[i] + "\n";
  write_text(dir / "keys.csv", keys);
  std::printf(
      "make_exports: %zu households (%zu persons): %zu export files of %zu person rows, "
      "roster.xlsx %zu person rows, roster.csv %zu household rows (%zu of them also in an "
      "export), verification.xlsx %zu rows, villages.xlsx %zu rows\n",
      h.count(), county.members.size(), files.exports.size(), person_rows,
      files.roster_persons.size() - 3,
      static_cast<std::size_t>(std::count(files.roster_csv.begin(), files.roster_csv.end(), '\n')) -
          1,
      files.in_both, files.verification.size() - 1, files.villages.size() - 1);
  return 0;
}

// ---------------------------------------------------------------------------------------
// compare

struct Keys {
  std::vector<std::string> key, roster_key;
  std::vector<char> form;
};

Keys read_keys(const fs::path& path, const Households& h) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::unordered_map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < h.count(); ++i) at[h.id[i]] = i;
  Keys k;
  k.key.resize(h.count());
  k.roster_key.resize(h.count());
  k.form.resize(h.count());
  std::size_t n = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
    if (f.size() != 4 || !at.count(f[0])) {
      std::fprintf(stderr, "make_exports: %s: line \"%s\" names no household of the county\n",
                   path.c_str(), line.c_str());
      std::exit(1);
    }
    const std::size_t i = at[f[0]];
    k.key[i] = f[1];
    k.roster_key[i] = f[2];
    k.form[i] = f[3].empty() ? '?' : f[3][0];
    ++n;
  }
  if (n != h.count()) {
    std::fprintf(stderr, "make_exports: %s has %zu households, the county %zu\n", path.c_str(), n,
                 h.count());
    std::exit(1);
  }
  return k;
}

/// One compared field: how many households differ from what the files carry, and how many
/// have a county value the files cannot carry (those are compared with what they carry).
struct FieldCount {
  std::size_t compared = 0, mismatches = 0, not_carried = 0;
  std::string why_not;  ///< what the files carry instead, when not_carried > 0
};

bool same(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

/// What the files carry of household i's derived person counts: a person-row roster
/// household gives its members' rows (dropouts: aged 6–15 and not at school; uninsured:
/// medical insurance 否), a household-row roster household gives none.
struct PersonCounts {
  int dropouts = 0, uninsured = 0;
};

std::vector<PersonCounts> person_counts(const Registry& county) {
  std::vector<PersonCounts> out(county.households.count());
  for (const Member& m : county.members) {
    PersonCounts& c = out[static_cast<std::size_t>(m.household)];
    if (m.age >= 6 && m.age <= 15 && m.in_school != 1) ++c.dropouts;
    if (m.medical_insured == 0) ++c.uninsured;
  }
  return out;
}

class Comparison {
 public:
  /// Counts one field of one household: `got` against what the files carry, which is
  /// `truth` unless `carried` says otherwise.
  template <class T>
  void check(const char* field, const T& got, const T& truth, const T& carried,
             const char* why_not = "") {
    FieldCount& c = fields_[field];
    if (order_.size() < fields_.size()) order_.push_back(field);
    ++c.compared;
    if (!equal(got, carried)) ++c.mismatches;
    if (!equal(carried, truth)) {
      ++c.not_carried;
      c.why_not = why_not;
    }
  }
  template <class T>
  void check(const char* field, const T& got, const T& truth) {
    check(field, got, truth, truth);
  }
  std::size_t print() const {
    std::size_t total = 0;
    std::printf("%-22s %10s %10s %12s\n", "field", "compared", "mismatches", "not carried");
    for (const std::string& f : order_) {
      const FieldCount& c = fields_.at(f);
      std::printf("%-22s %10zu %10zu %12zu%s%s\n", f.c_str(), c.compared, c.mismatches,
                  c.not_carried, c.not_carried ? "  " : "", c.not_carried ? c.why_not.c_str() : "");
      total += c.mismatches;
    }
    return total;
  }

 private:
  static bool equal(double a, double b) { return same(a, b); }
  template <class T>
  static bool equal(const T& a, const T& b) {
    return a == b;
  }
  std::map<std::string, FieldCount> fields_;
  std::vector<std::string> order_;
};

/// Every field of household i of the county against household j of the import.
void compare_household(const Registry& county, const Registry& back, std::size_t i, std::size_t j,
                       char form, const PersonCounts& rows, Comparison* cmp) {
  const Households& h = county.households;
  const Households& b = back.households;
  const bool reg = is_registered(h.status[i]);
  const bool seen = h.verified[i] != 0;  // in the verification sheet (or registered)
  const Village& cv = county.villages[static_cast<std::size_t>(h.village[i])];
  const Village& bv = back.villages[static_cast<std::size_t>(b.village[j])];
  const auto group = [](const Registry& r, int g) {
    return g < 0 ? std::string() : r.groups[static_cast<std::size_t>(g)].name;
  };
  cmp->check("status", b.status[j], h.status[i]);
  cmp->check("size", b.size[j], h.size[i]);
  cmp->check("township", back.townships[static_cast<std::size_t>(bv.township)].name,
             county.townships[static_cast<std::size_t>(cv.township)].name);
  cmp->check("village", bv.name, cv.name);
  cmp->check("group", group(back, b.group[j]), group(county, h.group[i]));
  cmp->check("cause", b.cause[j], h.cause[i], reg ? h.cause[i] : Cause::kNone,
             "(a roster has no cause: none)");
  cmp->check("attribute", b.attribute[j], h.attribute[i], reg ? h.attribute[i] : Attribute::kNone,
             "(a roster has no attribute: none)");
  cmp->check("exit_year", b.exit_year[j], h.exit_year[i]);
  const double nan = std::nan("");
  cmp->check("income", b.income[j], h.income[i], seen ? h.income[i] : nan,
             "(unverified: no visit, income empty)");
  if (reg) cmp->check("income_system", b.income_system[j], h.income_system[i]);
  // An unverified roster household's guarantees are in no file: the defaults that raise no
  // finding (SPEC §6).
  const auto guarantee = [&](const char* f, uint8_t got, uint8_t truth) {
    cmp->check(f, got, truth, seen ? truth : uint8_t{1}, "(unverified: not in any file, 1)");
  };
  guarantee("food_secure", b.food_secure[j], h.food_secure[i]);
  guarantee("clothing_secure", b.clothing_secure[j], h.clothing_secure[i]);
  guarantee("water_safe", b.water_safe[j], h.water_safe[i]);
  cmp->check("housing", b.housing[j], h.housing[i], seen ? h.housing[i] : Housing::kB,
             "(unverified: not in any file, B)");
  const int dropouts = seen ? h.dropouts[i] : form == 'p' ? rows.dropouts : 0;
  cmp->check("dropouts", b.dropouts[j], h.dropouts[i], dropouts,
             "(unverified: the person rows' count, 0 for a household row)");
  const int uninsured = seen ? h.uninsured[i] : form == 'p' ? rows.uninsured : 0;
  cmp->check("uninsured", b.uninsured[j], h.uninsured[i], uninsured,
             "(unverified: the person rows' count, 0 for a household row)");
  cmp->check("language", b.language[j], h.language[i]);
  cmp->check("verified", b.verified[j], h.verified[i]);
  cmp->check("relocated", b.relocated[j], h.relocated[i]);
  const auto visited = [&](const char* f, uint16_t got, uint16_t truth, uint16_t fallback) {
    cmp->check(f, got, truth, seen ? truth : fallback, "(unverified: not in any file)");
  };
  visited("excluded", b.excluded[j], h.excluded[i], 0);
  visited("measures", b.measures[j], h.measures[i], 0);
  visited("cards", b.cards[j], h.cards[i], 0);
  visited("archive_consistent", b.archive_consistent[j], h.archive_consistent[i], 1);
  cmp->check("head_name", b.head_name[j], h.head_name[i]);
}

int compare_registries(const Args& a) {
  const Registry county = load_county(a);
  Registry back;
  Diagnostics diag;
  if (!load_registry(a.imported, &back, &diag)) {
    for (const Diagnostic& d : diag.items()) std::fprintf(stderr, "%s\n", d.format().c_str());
    return 1;
  }
  const Households& h = county.households;
  const Households& b = back.households;
  const Keys keys = read_keys(fs::path(a.dir) / "keys.csv", h);
  std::unordered_map<std::string, std::size_t> at;
  std::size_t duplicate_ids = 0;
  for (std::size_t j = 0; j < b.count(); ++j)
    if (!at.emplace(b.id[j], j).second) ++duplicate_ids;
  const std::vector<PersonCounts> rows = person_counts(county);
  Comparison cmp;
  std::size_t missing = 0, added_twice = 0, in_both = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    if (!keys.roster_key[i].empty()) {
      ++in_both;
      if (at.count(keys.roster_key[i])) ++added_twice;
    }
    const auto it = at.find(keys.key[i]);
    if (it == at.end()) {
      ++missing;
      continue;
    }
    compare_household(county, back, i, it->second, keys.form[i], rows[i], &cmp);
  }
  std::printf("households: county %zu, imported %zu; missing %zu, ids twice %zu\n", h.count(),
              b.count(), missing, duplicate_ids);
  std::printf("roster households also in an export: %zu, added twice: %zu\n", in_both, added_twice);
  const std::size_t mismatches = cmp.print();
  const bool ok = mismatches == 0 && missing == 0 && duplicate_ids == 0 && added_twice == 0 &&
                  b.count() == h.count();
  std::printf("%s: %zu mismatches\n", ok ? "ok" : "FAILED", mismatches);
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace kaoping

int main(int argc, char** argv) {
  const kaoping::Args a = kaoping::parse_args(argc, argv);
  return a.mode == "write" ? kaoping::write_exports(a) : kaoping::compare_registries(a);
}
