#include "util/date.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <string_view>

namespace kaoping {

int64_t Date::days() const {
  namespace c = std::chrono;
  const c::year_month_day ymd{c::year{year}, c::month{static_cast<unsigned>(month)},
                              c::day{static_cast<unsigned>(day)}};
  return c::sys_days{ymd}.time_since_epoch().count();
}

Date Date::from_days(int64_t days) {
  namespace c = std::chrono;
  const c::year_month_day ymd{c::sys_days{c::days{days}}};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string Date::str() const {
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool parse_date(const std::string& text, Date* out) {
  const std::string_view s = text;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2)))
    return false;
  const Date d{digits_value(s.substr(0, 4)), digits_value(s.substr(5, 2)),
               digits_value(s.substr(8, 2))};
  namespace c = std::chrono;
  const c::year_month_day ymd{c::year{d.year}, c::month{static_cast<unsigned>(d.month)},
                              c::day{static_cast<unsigned>(d.day)}};
  if (!ymd.ok()) return false;  // month 1-12, day within that month (leap years included)
  *out = d;
  return true;
}

bool parse_clock(const std::string& text, int* minutes) {
  const std::string_view s = text;
  if (s.size() != 5 || s[2] != ':' || !all_digits(s.substr(0, 2)) || !all_digits(s.substr(3, 2)))
    return false;
  const int h = digits_value(s.substr(0, 2)), m = digits_value(s.substr(3, 2));
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return false;
  *minutes = h * 60 + m;
  return true;
}

namespace {

std::time_t now_or_source_date() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long v = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
  }
  return t;
}

}  // namespace

Date today_in_china() {
  const int64_t seconds = static_cast<int64_t>(now_or_source_date()) + 8 * 3600;
  return Date::from_days(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400);
}

std::string utc_stamp_now() {
  std::time_t t = now_or_source_date();
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &tm);
  return text;
}

}  // namespace kaoping
