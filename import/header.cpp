#include "import/header.h"

#include <unordered_map>

#include "import/messages.h"

namespace kaoping {
namespace {

constexpr std::size_t kMaxTitleRows = 10;
constexpr int kMinOtherKnown = 3;

struct Known {
  Field field;
  int priority;  ///< lower wins when two columns are one field
};

using Lookup = std::unordered_map<std::string, Known>;

Lookup make_lookup(const Mapping& mapping) {
  Lookup lookup;
  // The user's names first: a --mapping header may take a built-in name for another field.
  for (const auto& [f, names] : mapping.headers)
    for (std::size_t k = 0; k < names.size(); ++k)
      lookup.emplace(names[k], Known{f, static_cast<int>(k)});
  for (int i = 0; i < kFieldCount; ++i) {
    const Field f = static_cast<Field>(i);
    const auto& names = builtin_headers(f);
    for (std::size_t k = 0; k < names.size(); ++k)
      lookup.emplace(normalize_text(names[k]), Known{f, 1000 + static_cast<int>(k)});
  }
  return lookup;
}

Field key_of(SheetRole role) {
  switch (role) {
    case SheetRole::kVillages:
      return Field::kVillage;
    case SheetRole::kStaff:
      return Field::kName;
    default:
      return Field::kHouseholdId;
  }
}

/// The fields a row's cells name (or nothing), by column.
std::vector<const Known*> classify(const std::vector<std::string>& names, const Lookup& lookup) {
  std::vector<const Known*> out(names.size(), nullptr);
  for (std::size_t c = 0; c < names.size(); ++c) {
    auto it = lookup.find(normalize_text(names[c]));
    if (it != lookup.end()) out[c] = &it->second;
  }
  return out;
}

std::vector<std::string> texts(const SheetRow& row) {
  std::vector<std::string> out;
  for (const Cell& c : row.cells) out.push_back(c.text);
  return out;
}

/// Known columns of a candidate header besides the key; -1 when the key is missing.
int score(const std::vector<const Known*>& known, Field key) {
  int others = 0;
  bool has_key = false;
  for (const Known* k : known) {
    if (!k) continue;
    if (k->field == key)
      has_key = true;
    else
      ++others;
  }
  return has_key ? others : -1;
}

}  // namespace

std::string_view to_string(SheetRole role) {
  switch (role) {
    case SheetRole::kExport:
      return "export";
    case SheetRole::kRoster:
      return "roster";
    case SheetRole::kVerification:
      return "verification";
    case SheetRole::kVillages:
      return "villages";
    case SheetRole::kStaff:
      return "staff";
  }
  return "";
}

bool role_reads(SheetRole role, Field f) {
  const int i = static_cast<int>(f);
  const auto in = [&](Field a, Field b) {
    return i >= static_cast<int>(a) && i <= static_cast<int>(b);
  };
  switch (role) {
    case SheetRole::kExport:
      return in(Field::kHouseholdId, Field::kPersonPhone);
    case SheetRole::kRoster:
      return in(Field::kHouseholdId, Field::kPersonPhone) && f != Field::kStatus &&
             f != Field::kExitYear && f != Field::kAttribute && f != Field::kCause &&
             f != Field::kIncomeSystem;
    case SheetRole::kVerification:
      return f == Field::kHouseholdId || f == Field::kWaterSafe ||
             in(Field::kIncome, Field::kArchiveConsistent);
    case SheetRole::kVillages:
      return f == Field::kCounty || f == Field::kTownship || f == Field::kVillage ||
             f == Field::kVillageCode || in(Field::kNatural, Field::kTownshipTravel);
    case SheetRole::kStaff:
      return f == Field::kName || f == Field::kPersonPhone || f == Field::kPhone ||
             f == Field::kRole || f == Field::kTownship || f == Field::kVillage ||
             f == Field::kLanguages || f == Field::kGroup;
  }
  return false;
}

bool find_header(const Sheet& sheet, SheetRole role, const Mapping& mapping, Header* out,
                 std::string* why, Lang lang) {
  const Lookup lookup = make_lookup(mapping);
  const Field key = key_of(role);
  const std::size_t scan = std::min(sheet.rows.size(), kMaxTitleRows + 1);
  for (std::size_t r = 0; r < scan; ++r) {
    std::vector<std::string> names = texts(sheet.rows[r]);
    std::vector<const Known*> known = classify(names, lookup);
    int best = score(known, key);
    bool two_rows = false;
    // A two-row header: the row below adds names where this one has none (or a group title),
    // and its key cell is empty, as under a merged cell, so it is no data row.
    if (r + 1 < sheet.rows.size() && sheet.rows[r + 1].number == sheet.rows[r].number + 1) {
      std::vector<std::string> lower = texts(sheet.rows[r + 1]);
      std::vector<std::string> merged = lower;
      if (merged.size() < names.size()) merged.resize(names.size());
      for (std::size_t c = 0; c < merged.size(); ++c)
        if (merged[c].empty() && c < names.size()) merged[c] = names[c];
      std::vector<const Known*> merged_known = classify(merged, lookup);
      const int merged_score = score(merged_known, key);
      bool key_cell_empty = true;
      for (std::size_t c = 0; c < merged_known.size(); ++c)
        if (merged_known[c] && merged_known[c]->field == key && c < lower.size() &&
            !lower[c].empty() && classify({lower[c]}, lookup)[0] == nullptr)
          key_cell_empty = false;
      // Both rows must give names: the lower its sub-headers, the upper a known name where
      // the lower is empty (a title row above a complete header is no part of it).
      int lower_adds = 0, upper_adds = 0;
      for (std::size_t c = 0; c < merged.size(); ++c) {
        if (!merged_known[c]) continue;
        const bool from_lower = c < lower.size() && !lower[c].empty();
        if (from_lower && (c >= known.size() || !known[c])) ++lower_adds;
        if (!from_lower) ++upper_adds;
      }
      if (merged_score >= kMinOtherKnown && merged_score > best && key_cell_empty &&
          lower_adds > 0 && upper_adds > 0) {
        names = std::move(merged);
        known = std::move(merged_known);
        best = merged_score;
        two_rows = true;
      }
    }
    if (best < kMinOtherKnown) continue;

    out->row = sheet.rows[r + (two_rows ? 1 : 0)].number;
    out->upper_row = two_rows ? sheet.rows[r].number : 0;
    out->first_data = r + (two_rows ? 2 : 1);
    out->column.fill(-1);
    out->names = names;
    std::array<int, kFieldCount> priority;
    priority.fill(1 << 30);
    for (std::size_t c = 0; c < names.size(); ++c) {
      if (names[c].empty()) continue;
      const Known* k = known[c];
      if (!k) {
        out->unknown.push_back(names[c]);
        continue;
      }
      const std::size_t f = static_cast<std::size_t>(k->field);
      if (!role_reads(role, k->field)) {
        out->ignored.push_back(names[c]);
      } else if (k->priority < priority[f]) {
        if (out->column[f] >= 0) out->ignored.push_back(names[out->column[f]]);
        out->column[f] = static_cast<int>(c);
        priority[f] = k->priority;
      } else {
        out->ignored.push_back(names[c]);
      }
    }
    for (std::size_t c = 0; c < names.size(); ++c)
      for (int f = 0; f < kFieldCount; ++f)
        if (out->column[f] == static_cast<int>(c))
          out->used.emplace_back(names[c], std::string(field_name(static_cast<Field>(f))));
    return true;
  }
  std::string key_names;
  for (std::string_view n : builtin_headers(key))
    key_names += (key_names.empty() ? "" : render(msg::kListOr, lang)) + std::string(n);
  *why = render(msg::kImpNoHeaderRow, lang, kMaxTitleRows + 1, key_names, kMinOtherKnown);
  return false;
}

}  // namespace kaoping
