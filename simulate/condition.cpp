// Conditions of SPEC §4: the announced townships, villages or household list, checked
// against what the design could have drawn.
#include "simulate/condition.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <map>
#include <tuple>
#include <utility>

#include "sampler/draw_io.h"
#include "simulate/model.h"
#include "util/files.h"
#include "util/text.h"

namespace kaoping {
namespace {

/// The pieces joined (not `"x" + std::string`: GCC 12 warns falsely on it, -Wrestrict).
std::string cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s.append(p);
  return s;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// "unknown township "T9"" with a did-you-mean among the registry's ids of that kind.
template <typename Unit>
std::string unknown(const std::string& what, const std::string& id,
                    const std::vector<Unit>& units) {
  // did_you_mean compares in lower case: the ids are lowered for it and named as written.
  std::vector<std::string> lowered;
  lowered.reserve(units.size());
  for (const Unit& u : units) {
    lowered.push_back(u.id);
    for (char& ch : lowered.back())
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  const std::vector<std::string_view> names(lowered.begin(), lowered.end());
  std::string message = "no " + what + " \"" + id + "\" in the registry";
  const std::string hint = did_you_mean(id, names);
  if (!hint.empty()) {
    const auto at = std::find(lowered.begin(), lowered.end(), hint) - lowered.begin();
    message += cat({"; did you mean \"", units[at].id, "\"?"});
  }
  return message;
}

bool is_eligible(const Design& design, int township) {
  return std::find(design.eligible_townships.begin(), design.eligible_townships.end(), township) !=
         design.eligible_townships.end();
}

/// "T01, T02 and T03" style list of ids.
template <typename Unit>
std::string id_list(const std::vector<int>& units, const std::vector<Unit>& all) {
  std::string s;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i > 0) s += ", ";
    s += all[units[i]].id;
  }
  return s;
}

}  // namespace

bool parse_id_list(std::string_view text, std::vector<std::string>* ids, std::string* err) {
  ids->clear();
  if (trim(text).empty()) {
    *err = "expected a comma-separated list of ids, got an empty value";
    return false;
  }
  std::size_t from = 0;
  for (;;) {
    const std::size_t comma = text.find(',', from);
    const std::string_view item = trim(
        text.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from));
    if (item.empty()) {
      *err = cat({"an empty id in the list \"", text, "\""});
      return false;
    }
    if (std::find(ids->begin(), ids->end(), item) != ids->end()) {
      *err = cat({"\"", item, "\" is given twice"});
      return false;
    }
    ids->emplace_back(item);
    if (comma == std::string_view::npos) break;
    from = comma + 1;
  }
  return true;
}

bool township_condition(const Registry& reg, const DesignConfig& config, const Design& design,
                        const std::vector<std::string>& ids, Condition* out, std::string* err) {
  Condition c;
  c.kind = ConditionKind::kTownships;
  for (const std::string& id : ids) {
    const auto it = reg.township_index.find(id);
    if (it == reg.township_index.end()) {
      *err = unknown("township", id, reg.townships);
      return false;
    }
    if (!is_eligible(design, it->second)) {
      *err = std::string("township \"") + id +
             "\" cannot be drawn: it lacks a village of some tier of design.tiers";
      return false;
    }
    c.townships.push_back(it->second);
  }
  if (static_cast<int>(c.townships.size()) != config.townships) {
    *err = std::string("the design draws ") + std::to_string(config.townships) +
           " townships (design.townships), got " + std::to_string(c.townships.size());
    return false;
  }
  *out = std::move(c);
  return true;
}

bool village_condition(const Registry& reg, const DesignConfig& config, const Design& design,
                       const std::vector<std::string>& ids, Condition* out, std::string* err) {
  Condition c;
  c.kind = ConditionKind::kVillages;
  const std::size_t n_tiers = config.tiers.size();
  for (Tier tier : config.tiers)
    if (config.villages_of(tier) != 1) {
      *err = "--villages needs design.villages_per_tier of 1 for every tier (it is " +
             std::to_string(config.villages_of(tier)) + " for " + std::string(to_string(tier)) +
             "); give the townships with --townships instead";
      return false;
    }
  // Per township (in order of first appearance), the village announced for each tier.
  std::vector<std::vector<int>> by_township;
  for (const std::string& id : ids) {
    const auto it = reg.village_index.find(id);
    if (it == reg.village_index.end()) {
      *err = unknown("village", id, reg.villages);
      return false;
    }
    const int v = it->second;
    const int t = reg.villages[v].township;
    const Tier tier = design.village_tier[v];
    const auto k = std::find(config.tiers.begin(), config.tiers.end(), tier);
    if (k == config.tiers.end()) {
      *err = std::string("village \"") + id + "\" is of tier " + std::string(to_string(tier)) +
             ", which design.tiers does not draw";
      return false;
    }
    auto pos = std::find(c.townships.begin(), c.townships.end(), t);
    if (pos == c.townships.end()) {
      c.townships.push_back(t);
      by_township.emplace_back(n_tiers, -1);
      pos = c.townships.end() - 1;
    }
    int& slot = by_township[pos - c.townships.begin()][k - config.tiers.begin()];
    if (slot >= 0) {
      *err = std::string("villages \"") + reg.villages[slot].id + "\" and \"" + id +
             "\" are both of tier " + std::string(to_string(tier)) + " in township \"" +
             reg.townships[t].id + "\"; the design draws one village per tier per township";
      return false;
    }
    slot = v;
  }
  if (static_cast<int>(c.townships.size()) != config.townships) {
    *err = std::string("the villages are in ") + std::to_string(c.townships.size()) +
           " townships (" + id_list(c.townships, reg.townships) + ") but the design draws " +
           std::to_string(config.townships) + " (design.townships)";
    return false;
  }
  for (std::size_t i = 0; i < c.townships.size(); ++i) {
    const int t = c.townships[i];
    if (!is_eligible(design, t)) {
      *err = std::string("township \"") + reg.townships[t].id +
             "\" cannot be drawn: it lacks a village of some tier of design.tiers";
      return false;
    }
    for (std::size_t k = 0; k < n_tiers; ++k) {
      if (by_township[i][k] < 0) {
        *err = std::string("no village of tier ") + std::string(to_string(config.tiers[k])) +
               " is given in township \"" + reg.townships[t].id +
               "\"; the design draws one of each tier of design.tiers";
        return false;
      }
      c.villages.push_back(by_township[i][k]);
    }
  }
  *out = std::move(c);
  return true;
}

bool sample_condition(const std::string& path, const Registry& reg, const Design& design,
                      Condition* out, Diagnostics* diag) {
  Draw draw;
  if (!read_draw_csv(path, reg, &design, &draw, diag)) return false;
  std::string bytes, err;
  if (!read_file(path, &bytes, &err, -1, diag->lang())) {
    diag->error(FileLoc(path), err);
    return false;
  }
  Condition c;
  c.kind = ConditionKind::kSample;
  c.file = path;
  c.sha256 = sha256_hex(bytes);
  c.townships = draw.townships;
  c.villages = draw.villages;
  std::vector<DrawRow> reserve;
  for (DrawRow row : draw.rows) {
    row.category = category_of(reg.households.status[row.household]);
    (row.role == Role::kSample ? c.rows : reserve).push_back(row);
  }
  if (c.rows.empty()) {
    diag->error(FileLoc(path), "the list has no sample rows (role sample): nobody to visit");
    return false;
  }
  // Reserve rows by village and category, in reserve_rank order (file order on ties).
  std::stable_sort(reserve.begin(), reserve.end(), [](const DrawRow& a, const DrawRow& b) {
    return std::tie(a.village, a.category, a.reserve_rank) <
           std::tie(b.village, b.category, b.reserve_rank);
  });
  c.rows.insert(c.rows.end(), reserve.begin(), reserve.end());
  *out = std::move(c);
  return true;
}

ConditionError condition_from_options(const std::optional<std::string>& townships,
                                      const std::optional<std::string>& villages,
                                      const std::optional<std::string>& sample, const Registry& reg,
                                      const DesignConfig& config, const Design& design,
                                      Condition* out, Diagnostics* diag) {
  *out = Condition{};
  if (sample)
    return sample_condition(*sample, reg, design, out, diag) ? ConditionError::kNone
                                                             : ConditionError::kInput;
  if (!townships && !villages) return ConditionError::kNone;
  const FileLoc option(townships ? "--townships" : "--villages");
  std::vector<std::string> ids;
  std::string err;
  if (!parse_id_list(townships ? *townships : *villages, &ids, &err)) {
    diag->error(option, err);
    return ConditionError::kUsage;
  }
  if (townships ? township_condition(reg, config, design, ids, out, &err)
                : village_condition(reg, config, design, ids, out, &err))
    return ConditionError::kNone;
  diag->error(option, err);
  return ConditionError::kInput;
}

bool ReplicateModel::apply_condition(const Condition& condition, std::string* err) {
  given_townships_.clear();
  given_village_.clear();
  listed_.clear();
  given_list_ = false;
  switch (condition.kind) {
    case ConditionKind::kNone:
      return true;
    case ConditionKind::kTownships:
      given_townships_ = condition.townships;
      return true;
    case ConditionKind::kVillages: {
      given_townships_ = condition.townships;
      given_village_.assign(design_->tier_villages.size() * tiers_.size(), -1);
      std::size_t next = 0;
      for (int t : condition.townships)
        for (std::size_t k = 0; k < tiers_.size(); ++k)
          given_village_[static_cast<std::size_t>(t) * tiers_.size() + k] =
              condition.villages[next++];
      return true;
    }
    case ConditionKind::kSample:
      break;
  }
  std::vector<int64_t> of_household;
  std::size_t n_households = 0;
  for (uint32_t h : order_) n_households = std::max<std::size_t>(n_households, h + 1);
  of_household.assign(n_households, -1);
  for (std::size_t p = 0; p < order_.size(); ++p) of_household[order_[p]] = static_cast<int64_t>(p);
  std::map<std::pair<int, int>, std::size_t> segment;  // (village, category) → listed_
  for (const DrawRow& row : condition.rows) {
    const int c = static_cast<int>(row.category);
    const int64_t pos =
        row.household < static_cast<int>(of_household.size()) ? of_household[row.household] : -1;
    const Village& vil = villages_[row.village];
    if (pos < 0 || pos < vil.start[c] || pos >= vil.start[c] + vil.count[c]) {
      *err = condition.file + ": a listed household is in no pool of the design";
      return false;
    }
    auto [it, added] = segment.emplace(std::pair{row.village, c}, listed_.size());
    if (added) {
      listed_.emplace_back();
      listed_.back().village = static_cast<uint32_t>(row.village);
      listed_.back().category = static_cast<uint32_t>(c);
    }
    Listed& l = listed_[it->second];
    (row.role == Role::kSample ? l.sample : l.reserve).push_back(static_cast<uint32_t>(pos));
  }
  // Segments with no sample row visit nobody (their reserve replaces no one).
  std::erase_if(listed_, [](const Listed& l) { return l.sample.empty(); });
  list_townships_ = condition.townships;
  list_villages_ = condition.villages;
  given_list_ = true;
  return true;
}

}  // namespace kaoping
