#include "import/sheet.h"

#include <cmath>
#include <cstdio>

#include "util/date.h"
#include "util/text.h"

namespace kaoping {

const Cell& SheetRow::at(std::size_t column) const {
  static const Cell kEmptyCell;
  return column < cells.size() ? cells[column] : kEmptyCell;
}

FileLoc Sheet::loc(int row, std::size_t column) const {
  if (csv) return FileLoc(file, row, static_cast<int>(column) + 1);
  return FileLoc::in_cell(
      file, quoted_sheet_name(name) + "!" + column_name(column) + std::to_string(row));
}

std::string Sheet::label() const {
  return csv ? file : file + "#" + name;
}

std::string column_name(std::size_t column) {
  std::string out;
  std::size_t n = column + 1;
  while (n > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return out;
}

bool parse_cell_ref(std::string_view ref, std::size_t* column, int* row) {
  std::size_t i = 0, col = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  const std::size_t letters_start = i;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    col = col * 26 + static_cast<std::size_t>((ref[i] | 0x20) - 'a' + 1);
    if (col > 16384) return false;
    ++i;
  }
  if (i == letters_start) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  const std::size_t digits_start = i;
  long r = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    r = r * 10 + (ref[i] - '0');
    if (r > 1048576) return false;
    ++i;
  }
  if (i == digits_start || i != ref.size() || r < 1) return false;
  *column = col - 1;
  *row = static_cast<int>(r);
  return true;
}

std::string quoted_sheet_name(std::string_view name) {
  bool plain = !name.empty();
  for (std::size_t i = 0; i < name.size() && plain; ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    // Bytes of multi-byte UTF-8 (CJK names such as 花名册) need no quotes, as in Excel.
    plain = c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
            (c >= 'a' && c <= 'z');
  }
  if (plain) return std::string(name);
  std::string out = "'";
  for (char c : name) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string number_text(double value, bool* lost_digits) {
  *lost_digits = false;
  if (!std::isfinite(value)) return value != value ? "NaN" : (value > 0 ? "INF" : "-INF");
  if (value == std::floor(value) && std::fabs(value) < 9.2e18) {
    // %.0f of a whole double is exact: 5.325011234567e12 → "5325011234567".
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", value == 0 ? 0.0 : value);
    *lost_digits = std::fabs(value) >= 1e15;
    return buf;
  }
  if (value == std::floor(value)) {
    // Beyond int64 a whole double prints its full expansion; it has lost digits for sure.
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.0f", value);
    *lost_digits = true;
    return buf;
  }
  return format_double(value);
}

std::string serial_date_text(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0) return "";
  const double whole = std::floor(serial);
  if (whole > 2958465) return "";  // 9999-12-31
  // 1900 system: serial 1 is 1900-01-01 and 60 is the phantom 1900-02-29 that Lotus 1-2-3
  // had and Excel kept; from 61 on, day 0 is 1899-12-30. 1904 system: day 0 is 1904-01-01.
  const Date epoch = date1904 ? Date{1904, 1, 1} : Date{1899, 12, 30};
  int64_t days = static_cast<int64_t>(whole);
  if (!date1904) {
    if (whole < 1) return "";
    if (whole == 60) return "1900-02-29";
    if (whole < 60) ++days;
  }
  return Date::from_days(epoch.days() + days).str();
}

bool is_date_format_code(std::string_view code) {
  // A format has up to four sections (positive;negative;zero;text); the first decides. "m"
  // is minutes beside h or s, so a format with m alone among them is a time, not a date.
  bool in_quotes = false, year_or_day = false, month = false, hour_or_second = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (in_quotes) {
      if (c == '"') in_quotes = false;
      continue;
    }
    if (c == '"') {
      in_quotes = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped or padding character, shown as is
    } else if (c == '[') {
      const std::size_t end = code.find(']', i);
      if (end == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, end - i - 1);
      // [h], [mm], [ss]: elapsed time, a duration rather than a date.
      if (!inside.empty() && std::string_view("hHmMsS").find(inside[0]) != std::string_view::npos)
        return false;
      i = end;
    } else if (c == ';') {
      break;
    } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
      year_or_day = true;
    } else if (c == 'm' || c == 'M') {
      month = true;
    } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
      hour_or_second = true;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // 年 月 日 typed without quotes (WPS writes yyyy年m月d日 so).
      const std::string_view rest = code.substr(i);
      if (rest.starts_with("\xE5\xB9\xB4") || rest.starts_with("\xE6\x9C\x88") ||
          rest.starts_with("\xE6\x97\xA5"))
        year_or_day = true;
    }
  }
  return year_or_day || (month && !hour_or_second);
}

bool is_builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

}  // namespace kaoping
