// Ids, references, members.csv and the staff roster (registry/validate.h), and
// validate_registry for a registry built in memory (registry/load.h).
#include "registry/validate.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "registry/load.h"
#include "registry/messages.h"
#include "registry/schema.h"

namespace kaoping {
namespace {

/// members.csv disagreements are data, not load failures; past this many the rest are
/// summarised in one warning so a badly kept members.csv does not bury the errors.
constexpr int kMaxMismatchWarnings = 20;

using IdIndex = std::unordered_map<std::string, int>;

/// Fills `index` (one of Registry's id maps) with the first record of each id, reporting
/// each later duplicate at its own place, naming the first.
template <typename GetId>
void index_ids(std::size_t n, GetId get_id, const Source& src, const char* column, const char* kind,
               IdIndex* index, Diagnostics* diag) {
  index->clear();
  index->reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& id = get_id(i);
    if (id.empty()) continue;  // reported by the first pass (or the field checks)
    auto [it, fresh] = index->emplace(id, static_cast<int>(i));
    if (!fresh)
      diag->error(src.at(i, column), msg::kRegDuplicate, src.who(i, kind, id, diag->lang()), column,
                  id, src.first(it->second, diag->lang()));
  }
}

std::string not_found(std::string_view column, std::string_view id, const Source& target,
                      const Diagnostics* diag) {
  return diag->text(msg::kRegNotFound, column, id, target.file);
}

/// The schema's per-record checks on the records of one table built in memory.
template <typename R>
void check_records(const schema::Table<R>& table, const std::vector<R>& records, const Source& src,
                   Diagnostics* diag) {
  std::vector<schema::CellState> state(table.columns.size());
  for (std::size_t i = 0; i < records.size() && !diag->full(); ++i) {
    schema::RowScope row(src.file, table.record, &table.columns[0].field.text(records[i], 0),
                         state.data(), diag);
    table.check(records[i], 0, row);
  }
}

void check_records(const schema::Table<Households>& table, const Households& h, const Source& src,
                   Diagnostics* diag) {
  std::vector<schema::CellState> state(table.columns.size());
  for (std::size_t i = 0; i < h.count() && !diag->full(); ++i) {
    schema::RowScope row(src.file, table.record, &h.id[i], state.data(), diag);
    table.check(h, i, row);
  }
}

/// Per-record checks of a registry built in memory; the loader makes them on the text.
void check_fields(const Registry& reg, const Sources& src, Diagnostics* diag) {
  check_records(schema::township_table(), reg.townships, src.townships, diag);
  check_records(schema::village_table(), reg.villages, src.villages, diag);
  check_records(schema::group_table(), reg.groups, src.groups, diag);
  check_records(schema::household_table(), reg.households, src.households, diag);
  check_records(schema::member_table(), reg.members, src.members, diag);
}

}  // namespace

FileLoc Source::at(std::size_t record, std::string_view name) const {
  if (record >= line.size()) return {file, 0, 0};
  auto it = column.find(std::string(name));
  return {file, line[record], it == column.end() ? 0 : it->second};
}

std::string Source::who(std::size_t record, std::string_view kind, std::string_view id,
                        Lang lang) const {
  if (record < line.size()) return "";
  return render(msg::kWho, lang, msg::kind_name(kind, lang), id);
}

std::string Source::first(std::size_t record, Lang lang) const {
  if (record < line.size()) return render(msg::kRegFirstOnLine, lang, line[record]);
  return render(msg::kRegFirstRecord, lang, record + 1);
}

Sources::Sources() {
  townships.file = schema::township_table().file;
  villages.file = schema::village_table().file;
  groups.file = schema::group_table().file;
  households.file = schema::household_table().file;
  members.file = schema::member_table().file;
  staff.file = schema::staff_table().file;
}

void check_staff(Registry& reg, const Source& src, const Sources& all, bool field_checks,
                 Diagnostics* diag) {
  std::unordered_map<std::string_view, int> villages, groups;
  for (std::size_t i = 0; i < reg.villages.size(); ++i)
    villages.emplace(reg.villages[i].id, static_cast<int>(i));
  for (std::size_t i = 0; i < reg.groups.size(); ++i)
    groups.emplace(reg.groups[i].id, static_cast<int>(i));
  IdIndex staff;
  std::vector<schema::CellState> state(schema::staff_table().columns.size());
  index_ids(
      reg.staff.size(), [&](std::size_t i) -> const std::string& { return reg.staff[i].id; }, src,
      "staff_id", "staff", &staff, diag);
  for (std::size_t i = 0; i < reg.staff.size() && !diag->full(); ++i) {
    Staff& s = reg.staff[i];
    const std::string who = src.who(i, "staff", s.id, diag->lang());
    auto village = villages.find(s.village_id);
    s.village = village == villages.end() ? -1 : village->second;
    if (field_checks) {
      schema::RowScope row(src.file, schema::staff_table().record, &s.id, state.data(), diag);
      schema::staff_table().check(s, 0, row);
    }
    if (all.villages.checkable() && !s.village_id.empty() && village == villages.end())
      diag->error(src.at(i, "village_id"),
                  who + not_found("village_id", s.village_id, all.villages, diag));
    for (const std::string& g : s.groups) {
      if (all.groups.failed) break;
      auto it = groups.find(g);
      if (it == groups.end()) {
        diag->error(src.at(i, "groups"),
                    who + not_found(diag->text(msg::kRegGroupsGroup), g, all.groups, diag));
      } else if (!s.village_id.empty() && reg.groups[it->second].village_id != s.village_id) {
        diag->error(src.at(i, "groups"),
                    who + diag->text(msg::kRegStaffGroupVillage, g,
                                     reg.groups[it->second].village_id, s.village_id));
      }
    }
  }
}

namespace {

/// Fills the Registry's id maps, which double as the duplicate check.
void index_all(Registry* reg, const Sources& src, Diagnostics* diag) {
  const Households& h = reg->households;
  index_ids(
      reg->townships.size(),
      [&](std::size_t i) -> const std::string& { return reg->townships[i].id; }, src.townships,
      "township_id", "township", &reg->township_index, diag);
  index_ids(
      reg->villages.size(),
      [&](std::size_t i) -> const std::string& { return reg->villages[i].id; }, src.villages,
      "village_id", "village", &reg->village_index, diag);
  index_ids(
      reg->groups.size(), [&](std::size_t i) -> const std::string& { return reg->groups[i].id; },
      src.groups, "group_id", "group", &reg->group_index, diag);
  index_ids(
      h.count(), [&](std::size_t i) -> const std::string& { return h.id[i]; }, src.households,
      "household_id", "household", &reg->household_index, diag);
}

/// Villages into townships and groups into villages.
void resolve_units(Registry* reg, const Sources& src, Diagnostics* diag) {
  const IdIndex& townships = reg->township_index;
  const IdIndex& villages = reg->village_index;
  for (std::size_t i = 0; i < reg->villages.size(); ++i) {
    Village& v = reg->villages[i];
    auto it = townships.find(v.township_id);
    v.township = it == townships.end() ? -1 : it->second;
    if (src.townships.checkable() && !v.township_id.empty() && it == townships.end())
      diag->error(src.villages.at(i, "township_id"),
                  src.villages.who(i, "village", v.id, diag->lang()) +
                      not_found("township_id", v.township_id, src.townships, diag));
  }
  for (std::size_t i = 0; i < reg->groups.size(); ++i) {
    Group& g = reg->groups[i];
    auto it = villages.find(g.village_id);
    g.village = it == villages.end() ? -1 : it->second;
    if (src.villages.checkable() && !g.village_id.empty() && it == villages.end())
      diag->error(src.groups.at(i, "village_id"),
                  src.groups.who(i, "group", g.id, diag->lang()) +
                      not_found("village_id", g.village_id, src.villages, diag));
  }
}

/// Each household into its village and, when it names one, its group of that village.
void resolve_households(Registry* reg, const Sources& src, Diagnostics* diag) {
  Households& h = reg->households;
  const IdIndex& villages = reg->village_index;
  const IdIndex& groups = reg->group_index;
  for (std::size_t i = 0; i < h.count() && !diag->full(); ++i) {
    auto v = villages.find(h.village_id[i]);
    h.village[i] = v == villages.end() ? -1 : v->second;
    h.group[i] = -1;
    if (src.villages.checkable() && !h.village_id[i].empty() && v == villages.end())
      diag->error(src.households.at(i, "village_id"),
                  src.households.who(i, "household", h.id[i], diag->lang()) +
                      not_found("village_id", h.village_id[i], src.villages, diag));
    if (h.group_id[i].empty() || src.groups.failed) continue;
    const std::string who = src.households.who(i, "household", h.id[i], diag->lang());
    if (!src.groups.present) {
      diag->error(src.households.at(i, "group_id"),
                  who + diag->text(msg::kRegGroupNoFile, h.group_id[i]));
      continue;
    }
    auto g = groups.find(h.group_id[i]);
    if (g != groups.end()) h.group[i] = g->second;
    if (g == groups.end()) {
      diag->error(src.households.at(i, "group_id"),
                  who + not_found("group_id", h.group_id[i], src.groups, diag));
    } else if (reg->groups[g->second].village_id != h.village_id[i]) {
      diag->error(src.households.at(i, "group_id"),
                  who + diag->text(msg::kRegGroupVillage, h.group_id[i],
                                   reg->groups[g->second].village_id, h.village_id[i]));
    }
  }
}

/// Units no sample can reach: legal, but usually a sign of a partial export.
void warn_empty_units(const Registry& reg, const Sources& src, Diagnostics* diag) {
  if (!src.households.checkable() || !src.villages.checkable()) return;
  const Households& h = reg.households;
  std::vector<int32_t> per_village(reg.villages.size(), 0), per_township(reg.townships.size(), 0);
  for (std::size_t i = 0; i < h.count(); ++i)
    if (h.village[i] >= 0) ++per_village[h.village[i]];
  for (std::size_t v = 0; v < reg.villages.size(); ++v) {
    if (reg.villages[v].township >= 0) ++per_township[reg.villages[v].township];
    if (per_village[v] == 0 && !diag->full())
      diag->warning(src.villages.at(v, "village_id"),
                    src.villages.who(v, "village", reg.villages[v].id, diag->lang()) +
                        diag->text(msg::kRegVillageEmpty, reg.villages[v].id));
  }
  for (std::size_t t = 0; t < reg.townships.size(); ++t)
    if (per_township[t] == 0 && src.townships.checkable())
      diag->warning(src.townships.at(t, "township_id"),
                    src.townships.who(t, "township", reg.townships[t].id, diag->lang()) +
                        diag->text(msg::kRegTownshipEmpty, reg.townships[t].id));
}

/// What members.csv says of each household: members, dropouts, uninsured.
struct MemberCounts {
  std::vector<int32_t> count, dropouts, uninsured;
  bool dropout_known = false, insured_known = false;  ///< the column has values at all
};

/// Each member into its household, counted.
MemberCounts count_members(Registry* reg, const Sources& src, Diagnostics* diag) {
  const std::size_t n = reg->households.count();
  MemberCounts c{std::vector<int32_t>(n, 0), std::vector<int32_t>(n, 0),
                 std::vector<int32_t>(n, 0)};
  for (std::size_t i = 0; i < reg->members.size() && !diag->full(); ++i) {
    Member& m = reg->members[i];
    if (m.household_id.empty()) continue;
    auto it = reg->household_index.find(m.household_id);
    if (it == reg->household_index.end()) {
      if (src.households.checkable())
        diag->error(src.members.at(i, "household_id"),
                    not_found("household_id", m.household_id, src.households, diag));
      continue;
    }
    const int k = it->second;
    m.household = k;
    ++c.count[k];
    if (m.dropout >= 0) c.dropout_known = true;
    if (m.medical_insured >= 0) c.insured_known = true;
    c.dropouts[k] += m.dropout == 1;
    c.uninsured[k] += m.medical_insured == 0;
  }
  return c;
}

/// members.csv against households.csv: a disagreement is a data inconsistency (三统一) the
/// audit counts, not a reason to refuse the registry. Marks the households that disagree.
void compare_members(Registry* reg, const Sources& src, Diagnostics* diag) {
  Households& h = reg->households;
  std::fill(h.members_mismatch.begin(), h.members_mismatch.end(), 0);
  if (!reg->has_members) return;
  const MemberCounts m = count_members(reg, src, diag);
  int shown = 0, total = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    std::string what;
    const char* column = "size";
    if (m.count[i] != h.size[i]) what = diag->text(msg::kRegSizeMismatch, h.size[i], m.count[i]);
    if (m.dropout_known && m.dropouts[i] != h.dropouts[i]) {
      if (what.empty()) column = "dropouts";
      what += (what.empty() ? "" : diag->text(msg::kRegSeparator)) +
              diag->text(msg::kRegDropoutMismatch, h.dropouts[i], m.dropouts[i]);
    }
    if (m.insured_known && m.uninsured[i] != h.uninsured[i]) {
      if (what.empty()) column = "uninsured";
      what += (what.empty() ? "" : diag->text(msg::kRegSeparator)) +
              diag->text(msg::kRegUninsuredMismatch, h.uninsured[i], m.uninsured[i]);
    }
    if (what.empty()) continue;
    h.members_mismatch[i] = 1;
    ++total;
    if (shown < kMaxMismatchWarnings) {
      ++shown;
      diag->warning(src.households.at(i, column), msg::kRegMembersDisagree, h.id[i], what);
    }
  }
  if (total > shown) diag->warning({src.members.file, 0, 0}, msg::kRegMembersMore, total, shown);
}

}  // namespace

// The index fields (Village::township, Households::village, ...) are set as references
// resolve: one hash lookup per reference, no second pass through build_indexes.
void cross_check(Registry* reg, const Sources& src, bool field_checks, Diagnostics* diag) {
  if (field_checks) check_fields(*reg, src, diag);
  index_all(reg, src, diag);
  resolve_units(reg, src, diag);
  resolve_households(reg, src, diag);
  warn_empty_units(*reg, src, diag);
  compare_members(reg, src, diag);
  if (reg->has_staff) check_staff(*reg, src.staff, src, field_checks, diag);
}

void warn_schedule_gaps(const Registry& reg, Diagnostics* diag) {
  if (!reg.has_staff) diag->warning({schema::staff_table().file}, msg::kRegNoStaff);
  if (reg.groups.empty()) {
    diag->warning({schema::group_table().file}, msg::kRegNoGroups);
    return;
  }
  std::size_t without = 0;
  const Group* first = nullptr;
  for (const Group& g : reg.groups)
    if (g.contact_name.empty() || g.contact_phone.empty()) {
      if (!first) first = &g;
      ++without;
    }
  if (without > 0)
    diag->warning({schema::group_table().file, first->line}, msg::kRegGroupsNoContact,
                  reg.groups.size(), without, first->id);
}

bool validate_registry(Registry* reg, Diagnostics* diag) {
  const std::size_t errors_before = diag->error_count();
  Sources src;
  src.townships.present = src.villages.present = src.households.present = true;
  src.groups.present = !reg->groups.empty();
  src.members.present = reg->has_members;
  src.staff.present = reg->has_staff;
  if (reg->households.members_mismatch.size() != reg->households.count())
    reg->households.members_mismatch.assign(reg->households.count(), 0);
  cross_check(reg, src, true, diag);
  return diag->error_count() == errors_before;
}

}  // namespace kaoping
