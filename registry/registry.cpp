#include "registry/registry.h"

#include <array>

#include "registry/messages.h"

namespace kaoping {
namespace {

constexpr std::array<std::string_view, kStatusCount> kStatusNames = {"poor", "planned_exit",
                                                                     "exited", "non_registered"};
constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {"poor", "exited",
                                                                         "non_registered"};
constexpr std::array<std::string_view, 4> kAttributeNames = {"", "general", "dibao", "tekun"};
constexpr std::array<std::string_view, kCauseCount> kCauseNames = {
    "",       "illness", "disability", "education", "disaster",   "land", "water",
    "skills", "labor",   "funds",      "transport", "motivation", "other"};
constexpr std::array<std::string_view, 4> kHousingNames = {"A", "B", "C", "D"};
constexpr std::array<std::string_view, kTierCount> kTierNames = {"good", "medium", "poor"};

template <typename E, std::size_t N>
std::optional<E> parse_in(const std::array<std::string_view, N>& names, std::string_view s,
                          std::size_t first = 0) {
  for (std::size_t i = first; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Status s) {
  return kStatusNames[static_cast<int>(s)];
}
std::string_view to_string(Category c) {
  return kCategoryNames[static_cast<int>(c)];
}
std::string_view to_string(Attribute a) {
  return kAttributeNames[static_cast<int>(a)];
}
std::string_view to_string(Cause c) {
  return kCauseNames[static_cast<int>(c)];
}
std::string_view to_string(Housing h) {
  return kHousingNames[static_cast<int>(h)];
}
std::string_view to_string(Tier t) {
  return kTierNames[static_cast<int>(t)];
}

std::optional<Status> parse_status(std::string_view s) {
  return parse_in<Status>(kStatusNames, s);
}
std::optional<Attribute> parse_attribute(std::string_view s) {
  return parse_in<Attribute>(kAttributeNames, s, 1);
}
std::optional<Cause> parse_cause(std::string_view s) {
  return parse_in<Cause>(kCauseNames, s, 1);
}
std::optional<Housing> parse_housing(std::string_view s) {
  return parse_in<Housing>(kHousingNames, s);
}
std::optional<Tier> parse_tier(std::string_view s) {
  return parse_in<Tier>(kTierNames, s);
}

const std::vector<std::string_view>& exclusion_names() {
  static const std::vector<std::string_view> names = {"official",        "cadre",    "car",
                                                      "town_house",      "company",  "large_farm",
                                                      "split_household", "absentee", "other"};
  return names;
}

const std::vector<std::string_view>& measure_names() {
  static const std::vector<std::string_view> names = {
      "industry",   "employment", "training",        "education", "health", "housing",
      "relocation", "finance",    "social_security", "water",     "other"};
  return names;
}

const std::vector<std::string_view>& card_names() {
  static const std::vector<std::string_view> names = {"help_card", "contact_card", "record_book"};
  return names;
}

std::string flags_to_string(uint32_t flags, const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!(flags & (1u << i))) continue;
    if (!out.empty()) out += ';';
    out += names[i];
  }
  return out;
}

uint16_t measures_answering(Cause c) {
  switch (c) {
    case Cause::kIllness:
      return kMsHealth;
    case Cause::kDisability:
      return kMsHealth | kMsSocialSecurity;
    case Cause::kEducation:
      return kMsEducation;
    case Cause::kDisaster:
      return kMsHousing | kMsRelocation | kMsSocialSecurity;
    case Cause::kLand:
      return kMsIndustry | kMsRelocation | kMsEmployment;
    case Cause::kWater:
      return kMsWater;
    case Cause::kSkills:
      return kMsTraining | kMsEmployment;
    case Cause::kLabor:
      return kMsSocialSecurity | kMsEmployment;
    case Cause::kFunds:
      return kMsFinance;
    case Cause::kTransport:
      return kMsRelocation | kMsIndustry | kMsEmployment;
    case Cause::kMotivation:
      return kMsTraining | kMsEmployment | kMsIndustry;
    default:
      return 0;
  }
}

std::size_t Households::add_default() {
  for_each_column([](auto& column, const auto& value) { column.push_back(value); });
  return id.size() - 1;
}

void Households::reserve(std::size_t n) {
  for_each_column([n](auto& column, const auto&) { column.reserve(n); });
}

void Households::resize(std::size_t n) {
  for_each_column([n](auto& column, const auto& value) { column.resize(n, value); });
}

bool Registry::build_indexes(std::string* err, Lang lang) {
  township_index.clear();
  village_index.clear();
  group_index.clear();
  household_index.clear();
  auto dup = [&](const Message& what, const std::string& id) {
    *err = render(msg::kRegIndexDuplicate, lang, what.text(lang), id);
    return false;
  };
  auto dangling = [&](const Message& what, const std::string& id) {
    *err = render(msg::kRegIndexUnknown, lang, what.text(lang), id);
    return false;
  };
  for (std::size_t i = 0; i < townships.size(); ++i)
    if (!township_index.emplace(townships[i].id, static_cast<int>(i)).second)
      return dup(msg::kKindTownship, townships[i].id);
  for (std::size_t i = 0; i < villages.size(); ++i) {
    Village& v = villages[i];
    if (!village_index.emplace(v.id, static_cast<int>(i)).second)
      return dup(msg::kKindVillage, v.id);
    auto it = township_index.find(v.township_id);
    if (it == township_index.end()) return dangling(msg::kKindTownship, v.township_id);
    v.township = it->second;
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    Group& g = groups[i];
    if (!group_index.emplace(g.id, static_cast<int>(i)).second) return dup(msg::kKindGroup, g.id);
    auto it = village_index.find(g.village_id);
    if (it == village_index.end()) return dangling(msg::kKindVillage, g.village_id);
    g.village = it->second;
  }
  Households& h = households;
  household_index.reserve(h.count());
  for (std::size_t i = 0; i < h.count(); ++i) {
    if (!household_index.emplace(h.id[i], static_cast<int>(i)).second)
      return dup(msg::kKindHousehold, h.id[i]);
    auto v = village_index.find(h.village_id[i]);
    if (v == village_index.end()) return dangling(msg::kKindVillage, h.village_id[i]);
    h.village[i] = v->second;
    h.group[i] = -1;
    if (!h.group_id[i].empty()) {
      auto g = group_index.find(h.group_id[i]);
      if (g == group_index.end()) return dangling(msg::kKindGroup, h.group_id[i]);
      h.group[i] = g->second;
    }
  }
  for (Member& m : members) {
    auto it = household_index.find(m.household_id);
    if (it == household_index.end()) return dangling(msg::kKindHousehold, m.household_id);
    m.household = it->second;
  }
  for (Staff& s : staff) {
    s.village = -1;
    if (s.village_id.empty()) continue;
    auto it = village_index.find(s.village_id);
    if (it == village_index.end()) return dangling(msg::kKindVillage, s.village_id);
    s.village = it->second;
  }
  index_id_aliases();
  return true;
}

void Registry::index_id_aliases() {
  for (const auto& [original, alias] : id_aliases)
    for (auto* index : {&township_index, &village_index, &group_index, &household_index}) {
      const auto it = index->find(alias);
      if (it == index->end()) continue;
      const int at = it->second;
      index->emplace(original, at);
    }
}

}  // namespace kaoping
