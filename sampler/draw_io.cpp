#include "sampler/draw_io.h"

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "sampler/messages.h"
#include "util/csv.h"
#include "util/files.h"
#include "util/limits.h"
#include "util/text.h"

namespace kaoping {
namespace {

bool parse_whole(const std::string& s, int* out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && p == end;
}

bool parse_real(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

}  // namespace

std::string draw_to_csv(const Registry& reg, const Draw& draw) {
  CsvWriter w({"township_id", "village_id", "tier", "household_id", "category", "role",
               "reserve_rank", "inclusion_prob", "weight"});
  for (const DrawRow& r : draw.rows) {
    w.row({reg.townships[r.township].id, reg.villages[r.village].id, std::string(to_string(r.tier)),
           reg.households.id[r.household], std::string(to_string(r.category)),
           r.role == Role::kSample ? "sample" : "reserve",
           r.role == Role::kReserve ? std::to_string(r.reserve_rank) : std::string(),
           r.inclusion_prob > 0 ? format_double(r.inclusion_prob) : std::string(),
           r.inclusion_prob > 0 ? format_double(r.weight()) : std::string()});
  }
  return w.str();
}

namespace {

/// A draw made from another registry — most of its households unknown here, or in other
/// villages or categories — is one diagnosis rather than an error per row.
bool from_another_registry(const CsvTable& table, const Registry& reg, const std::string& path,
                           int c_hh, int c_vil, int c_cat, Diagnostics* diag) {
  std::size_t listed = 0, unknown = 0, first_unknown = 0;
  for (std::size_t k = 0; k < table.rows.size(); ++k) {
    const std::vector<std::string>& rec = table.rows[k];
    if (rec[c_hh].empty()) continue;
    ++listed;
    const auto it = reg.household_index.find(rec[c_hh]);
    const int at = it == reg.household_index.end() ? -1 : it->second;
    const bool elsewhere =
        at >= 0 &&
        ((c_vil >= 0 && reg.villages[reg.households.village[at]].id != rec[c_vil]) ||
         (c_cat >= 0 && to_string(category_of(reg.households.status[at])) != rec[c_cat]));
    if ((at < 0 || elsewhere) && unknown++ == 0) first_unknown = k;
  }
  if (unknown < 2 || 2 * unknown <= listed) return false;
  diag->error({path, table.row_line[first_unknown], c_hh + 1}, msg::kDrawOtherRegistry, listed,
              unknown, table.rows[first_unknown][c_hh]);
  return true;
}

}  // namespace

bool read_draw_csv(const std::string& path, const Registry& reg, Draw* out, Diagnostics* diag) {
  return read_draw_csv(path, reg, nullptr, out, diag);
}

bool read_draw_csv(const std::string& path, const Registry& reg, const Design* design, Draw* out,
                   Diagnostics* diag) {
  *out = Draw{};
  CsvTable table;
  const std::size_t errors_before = diag->error_count();
  if (!read_csv(path, path, &table, diag, nullptr, limits::max_side_file_bytes())) return false;
  const int c_hh = table.column("household_id");
  if (c_hh < 0) {
    diag->error({path, 1, 1}, msg::kDrawMissingColumn);
    return false;
  }
  const int c_vil = table.column("village_id");
  const int c_cat = table.column("category");
  if (from_another_registry(table, reg, path, c_hh, c_vil, c_cat, diag)) return false;
  const int c_town = table.column("township_id");
  const int c_tier = table.column("tier");
  const int c_role = table.column("role");
  const int c_rank = table.column("reserve_rank");
  const int c_pi = table.column("inclusion_prob");
  const Households& h = reg.households;

  std::unordered_map<std::string, int> first_line;
  std::unordered_map<int, bool> seen_township, seen_village;
  // (village, category, rank) → line of the reserve row that holds the rank.
  std::map<std::tuple<int, int, int>, int> rank_line;
  for (std::size_t k = 0; k < table.rows.size(); ++k) {
    const std::vector<std::string>& rec = table.rows[k];
    const int line = table.row_line[k];
    auto cell = [&](int c) -> const std::string& {
      static const std::string kEmpty;
      return c >= 0 && static_cast<std::size_t>(c) < rec.size() ? rec[c] : kEmpty;
    };
    auto error = [&](int c, const Message& m, const auto&... args) {
      diag->error({path, line, c + 1}, m, args...);
    };
    const std::string& id = cell(c_hh);
    if (id.empty()) {
      error(c_hh, msg::kDrawEmptyId);
      continue;
    }
    auto [first, fresh] = first_line.emplace(id, line);
    if (!fresh) {
      error(c_hh, msg::kDrawDuplicate, id, first->second);
      continue;
    }
    auto it = reg.household_index.find(id);
    if (it == reg.household_index.end()) {
      error(c_hh, msg::kDrawUnknown, id);
      continue;
    }
    DrawRow row;
    row.household = it->second;
    row.village = h.village[row.household];
    row.township = reg.villages[row.village].township;
    row.category = category_of(h.status[row.household]);
    bool ok = true;
    const std::string& vid = cell(c_vil);
    if (c_vil >= 0 && vid != reg.villages[row.village].id) {
      error(c_vil, msg::kDrawVillage, vid, id, reg.villages[row.village].id);
      ok = false;
    }
    const std::string& tid = cell(c_town);
    if (c_town >= 0 && tid != reg.townships[row.township].id) {
      error(c_town, msg::kDrawTownship, tid, id, reg.townships[row.township].id);
      ok = false;
    }
    const std::string& cat = cell(c_cat);
    if (c_cat >= 0 && cat != to_string(row.category)) {
      error(c_cat, msg::kDrawCategory, cat, id, to_string(h.status[row.household]),
            to_string(row.category));
      ok = false;
    }
    if (c_tier >= 0) {
      const auto tier = parse_tier(cell(c_tier));
      if (!tier) {
        error(c_tier, msg::kDrawTier, cell(c_tier));
        ok = false;
      } else {
        row.tier = *tier;
      }
    } else if (design) {
      row.tier = design->village_tier[row.village];
    } else {
      row.tier = reg.villages[row.village].tier.value_or(Tier::kMedium);
    }
    const std::string& role = cell(c_role);
    if (c_role < 0 || role == "sample") {
      row.role = Role::kSample;
    } else if (role == "reserve") {
      row.role = Role::kReserve;
    } else {
      error(c_role, msg::kDrawRole, role);
      ok = false;
    }
    const std::string& rank = cell(c_rank);
    if (row.role == Role::kReserve) {
      if (!parse_whole(rank, &row.reserve_rank) || row.reserve_rank < 1) {
        error(c_rank >= 0 ? c_rank : c_role, msg::kDrawRank, rank);
        ok = false;
      }
    } else if (!rank.empty()) {
      error(c_rank, msg::kDrawRankOnSample, rank);
      ok = false;
    }
    const std::string& pi = cell(c_pi);
    if (!pi.empty()) {
      if (!parse_real(pi, &row.inclusion_prob) || !(row.inclusion_prob > 0) ||
          row.inclusion_prob > 1) {
        error(c_pi, msg::kDrawPi, pi);
        ok = false;
      }
    }
    if (ok && row.role == Role::kReserve) {
      const auto key =
          std::make_tuple(row.village, static_cast<int>(row.category), row.reserve_rank);
      auto [at, fresh_rank] = rank_line.emplace(key, line);
      if (!fresh_rank) {
        error(c_rank, msg::kDrawRankTwice, reg.villages[row.village].id, to_string(row.category),
              row.reserve_rank, at->second);
        ok = false;
      }
    }
    if (!ok) continue;
    if (!seen_township.count(row.township)) {
      seen_township[row.township] = true;
      out->townships.push_back(row.township);
    }
    if (!seen_village.count(row.village)) {
      seen_village[row.village] = true;
      out->villages.push_back(row.village);
    }
    out->rows.push_back(row);
  }
  if (table.rows.empty()) diag->error({path, 1, 0}, msg::kDrawEmpty);
  return diag->error_count() == errors_before;
}

bool read_household_list(const std::string& path, const Registry& reg, std::vector<int>* out,
                         Diagnostics* diag) {
  const std::string name = std::filesystem::path(path).filename().string();
  std::string text, err;
  if (!read_file(path, &text, &err, limits::max_side_file_bytes(), diag->lang())) {
    diag->error({}, err);  // err already names the file
    return false;
  }
  std::set<int> seen;
  auto add = [&](const std::string& id, int line, int column) {
    auto it = reg.household_index.find(id);
    if (it == reg.household_index.end()) {
      diag->error({name, line, column}, msg::kDrawUnknownId, id);
      return;
    }
    if (seen.insert(it->second).second) out->push_back(it->second);
  };
  const bool csv =
      text.rfind("household_id", 0) == 0 || text.rfind("\xEF\xBB\xBFhousehold_id", 0) == 0;
  if (csv) {
    CsvTable table;
    if (!parse_csv(text, name, &table, diag)) return false;
    // A first line such as `household_idH0003` reads as a CSV header without the column.
    const int col = table.column("household_id");
    if (col < 0) {
      diag->error({name, 1, 1}, msg::kDrawMissingColumn);
      return false;
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (col >= static_cast<int>(table.rows[r].size())) continue;
      const std::string& id = table.rows[r][col];
      if (id.empty()) continue;
      add(id, table.row_line[r], col + 1);
    }
  } else {
    int line = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      std::string s = text.substr(pos, end - pos);
      ++line;
      pos = end + 1;
      if (!s.empty() && s.back() == '\r') s.pop_back();
      const std::size_t first = s.find_first_not_of(" \t");
      if (first == std::string::npos || s[first] == '#') continue;
      const std::size_t last = s.find_last_not_of(" \t");
      add(s.substr(first, last - first + 1), line, static_cast<int>(first) + 1);
    }
  }
  return !diag->has_errors();
}

bool read_draw_csv_with_design(const std::string& path, const Registry& reg,
                               const DesignConfig& config, Draw* out, Diagnostics* diag) {
  Design design;
  Diagnostics design_diag;
  const bool have_design = build_design(reg, config, &design, &design_diag);
  return read_draw_csv(path, reg, have_design ? &design : nullptr, out, diag);
}

}  // namespace kaoping
