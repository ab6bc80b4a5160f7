#include "audit/standards.h"

#include <array>

namespace kaoping {

namespace {
constexpr std::array<std::string_view, kRateCount> kRateNames = {
    "wrong_exit",    "omission",     "mis_inclusion",    "planned_exit_shortfall",
    "inconsistency", "satisfaction", "poverty_incidence"};
}  // namespace

std::string_view to_string(Rate r) {
  return kRateNames[static_cast<int>(r)];
}

std::optional<Rate> parse_rate(std::string_view s) {
  for (int i = 0; i < kRateCount; ++i)
    if (kRateNames[i] == s) return static_cast<Rate>(i);
  return std::nullopt;
}

}  // namespace kaoping
