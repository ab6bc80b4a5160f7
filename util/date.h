// Calendar dates and clock times, on std::chrono's civil calendar.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace kaoping {

/// A calendar date (proleptic Gregorian).
struct Date {
  int year = 1970, month = 1, day = 1;
  /// Days since 1970-01-01 (negative before it).
  int64_t days() const;
  /// The date `days` days after 1970-01-01.
  static Date from_days(int64_t days);
  /// "YYYY-MM-DD"
  std::string str() const;
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

/// Parses "YYYY-MM-DD" strictly (valid month/day); false otherwise.
bool parse_date(const std::string& text, Date* out);

/// Parses "HH:MM" (00:00..24:00) into minutes after midnight; false otherwise.
bool parse_clock(const std::string& text, int* minutes);

/// The current UTC time as "YYYYMMDDTHHMMSSZ" (an iCalendar DTSTAMP), or the time
/// SOURCE_DATE_EPOCH gives when that is set (reproducible output).
std::string utc_stamp_now();

/// Today's date in China (UTC+8, the office's calendar), from the same clock as
/// utc_stamp_now (SOURCE_DATE_EPOCH when set): the date a report was made.
Date today_in_china();

}  // namespace kaoping
