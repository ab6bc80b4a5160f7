#include "reports/xlsx.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

#include "util/privacy.h"

namespace kaoping {
namespace {

using namespace report;

constexpr std::size_t kSheetNameMax = 31;  // Excel's limit, in characters

std::vector<std::string> utf8_chars(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xe  ? 3
                    : (c >> 3) == 0x1e ? 4
                                       : 1;
    n = std::min(n, s.size() - i);
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string join_prefix(const std::vector<std::string>& chars, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < std::min(n, chars.size()); ++i) out += chars[i];
  return out;
}

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Display width of a text in Excel character units: wide (CJK) characters count twice.
double display_width(const std::string& s) {
  double w = 0;
  for (const std::string& ch : utf8_chars(s)) w += ch.size() >= 3 ? 2.0 : 1.0;
  return w;
}

std::string number_format(const Column& c) {
  std::string decimals;
  if (c.decimals > 0) decimals.append(".").append(static_cast<std::size_t>(c.decimals), '0');
  switch (c.kind) {
    case ColumnKind::kInteger:
      return "#,##0";
    case ColumnKind::kDecimal:
      return "#,##0" + decimals;
    case ColumnKind::kProbability:
      return "0" + decimals + "%";
    case ColumnKind::kDate:
      return "yyyy-mm-dd";
    case ColumnKind::kTime:
      return "hh:mm";
    case ColumnKind::kDateTime:
      return "yyyy-mm-dd hh:mm";
    default:
      return "@";
  }
}

// "YYYY-MM-DD", "HH:MM" or "YYYY-MM-DD HH:MM" (as `kind` says) as a workbook date-time;
// false for any other text.
bool parse_datetime(const std::string& text, ColumnKind kind, lxw_datetime* out) {
  auto digits = [&](std::size_t at, std::size_t n, int* v) {
    if (at + n > text.size()) return false;
    int x = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (text[k] < '0' || text[k] > '9') return false;
      x = x * 10 + (text[k] - '0');
    }
    *v = x;
    return true;
  };
  *out = {};
  std::size_t at = 0;
  if (kind == ColumnKind::kDate || kind == ColumnKind::kDateTime) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4, &out->year) ||
        !digits(5, 2, &out->month) || !digits(8, 2, &out->day) || out->month < 1 ||
        out->month > 12 || out->day < 1 || out->day > 31)
      return false;
    if (kind == ColumnKind::kDate) return text.size() == 10;
    if (text.size() != 16 || text[10] != ' ') return false;
    at = 11;
  }
  int minute = 0;
  if (text.size() != at + 5 || text[at + 2] != ':' || !digits(at, 2, &out->hour) ||
      !digits(at + 3, 2, &minute) || out->hour > 23 || minute > 59)
    return false;
  out->min = minute;
  return true;
}

// Excel header/footer codes use '&' as an escape; a literal one is written "&&".
std::string header_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

// The printed page's header: the table's title in the centre, the county and date right.
std::string page_header(const std::string& title, const std::string& stamp) {
  std::string out;
  if (!title.empty()) out += "&C" + header_escape(title);
  if (!stamp.empty()) out += "&R" + header_escape(stamp);
  return out;
}

}  // namespace

std::vector<std::string> xlsx_sheet_names(const Report& report) {
  std::vector<std::string> names;
  std::map<std::string, int> used;  // lowercased name → count
  for (const Section& sec : report.sections) {
    for (const Block& block : sec.blocks) {
      const auto* t = std::get_if<Table>(&block);
      if (!t || t->sheet.empty()) continue;
      std::string clean;
      for (char c : scrub_personal_data(t->sheet))
        clean += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
      // Excel refuses a name that starts or ends with an apostrophe.
      if (!clean.empty() && clean.front() == '\'') clean.front() = '_';
      if (!clean.empty() && clean.back() == '\'') clean.back() = '_';
      const std::vector<std::string> chars = utf8_chars(clean);
      std::string name = join_prefix(chars, kSheetNameMax);
      for (int k = 2; used.count(ascii_lower(name)); ++k) {
        const std::string suffix = fmt::format(" ({})", k);
        name = join_prefix(chars, kSheetNameMax - suffix.size()) + suffix;
      }
      used[ascii_lower(name)] = 1;
      names.push_back(name);
    }
  }
  return names;
}

bool write_xlsx(const Report& report, const std::string& path, std::string* err) {
  namespace fs = std::filesystem;
  const std::string temp = path + ".tmp-" + std::to_string(::getpid());
  // Try the temporary file first: libxlsxwriter reports a file it cannot create on stderr,
  // and library code must not print.
  if (FILE* probe = std::fopen(temp.c_str(), "wb")) {
    std::fclose(probe);
  } else {
    *err = path + ": cannot create file: " + std::strerror(errno);
    return false;
  }
  lxw_workbook* wb = workbook_new(temp.c_str());
  if (!wb) {
    *err = path + ": cannot create workbook";
    return false;
  }
  lxw_doc_properties props = {};
  std::string title = scrub_personal_data(report.title);
  props.title = title.data();
  workbook_set_properties(wb, &props);

  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xE4EBF2);
  format_set_bottom(header, LXW_BORDER_MEDIUM);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* text_format = workbook_add_format(wb);
  format_set_num_format(text_format, "@");
  std::map<std::string, lxw_format*> formats;
  auto format_for = [&](const Column& c) {
    const std::string code = number_format(c);
    auto it = formats.find(code);
    if (it != formats.end()) return it->second;
    lxw_format* f = workbook_add_format(wb);
    format_set_num_format(f, code.c_str());
    formats[code] = f;
    return f;
  };

  const std::vector<std::string> names = xlsx_sheet_names(report);
  std::size_t sheet_index = 0;
  bool ok = true;
  for (const Section& sec : report.sections) {
    for (const Block& block : sec.blocks) {
      const auto* t = std::get_if<Table>(&block);
      if (!t || t->sheet.empty()) continue;
      lxw_worksheet* ws = workbook_add_worksheet(wb, names[sheet_index++].c_str());
      if (!ws) {
        *err = path + ": cannot add sheet '" + names[sheet_index - 1] + "'";
        ok = false;
        break;
      }
      const lxw_col_t cols = static_cast<lxw_col_t>(t->columns.size());
      std::vector<double> width(cols, 8);
      for (lxw_col_t c = 0; c < cols; ++c) {
        worksheet_write_string(ws, 0, c, scrub_personal_data(t->columns[c].header).c_str(), header);
        width[c] = std::max(width[c], std::min(24.0, display_width(t->columns[c].header) + 2));
      }
      for (std::size_t r = 0; r < t->rows.size(); ++r) {
        const lxw_row_t row = static_cast<lxw_row_t>(r + 1);
        for (lxw_col_t c = 0; c < cols && c < t->rows[r].size(); ++c) {
          const Cell& cell = t->rows[r][c];
          const Column& col = t->columns[c];
          lxw_datetime when;
          if (!is_text_kind(col.kind) && !std::isnan(cell.number)) {
            worksheet_write_number(ws, row, c, cell.number, format_for(col));
            width[c] = std::max(width[c], 12.0);
          } else if (col.kind != ColumnKind::kText && parse_datetime(cell.text, col.kind, &when)) {
            worksheet_write_datetime(ws, row, c, &when, format_for(col));
            width[c] = std::max(width[c], col.kind == ColumnKind::kDateTime ? 17.0 : 11.0);
          } else if (!cell.text.empty()) {
            // Ids and phones are text cells (format "@"): Excel never turns them into numbers.
            const std::string text = col.personal ? cell.text : scrub_personal_data(cell.text);
            worksheet_write_string(ws, row, c, text.c_str(), text_format);
            width[c] = std::max(width[c], std::min(50.0, display_width(text) + 2));
          }
        }
      }
      for (lxw_col_t c = 0; c < cols; ++c) worksheet_set_column(ws, c, c, width[c], nullptr);
      worksheet_freeze_panes(ws, 1, 0);
      if (cols > 0)
        worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t->rows.size()), cols - 1);
      worksheet_set_paper(ws, 9);  // A4
      if (cols > 6 || t->landscape) worksheet_set_landscape(ws);
      worksheet_fit_to_pages(ws, 1, 0);
      worksheet_repeat_rows(ws, 0, 0);
      worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.6);
      const std::string head = page_header(scrub_personal_data(t->title), report.stamp);
      if (!head.empty()) worksheet_set_header(ws, head.c_str());
      worksheet_set_footer(ws, "&C&P / &N");
    }
    if (!ok) break;
  }
  const lxw_error rc = workbook_close(wb);
  std::error_code ec;
  if (ok && rc != LXW_NO_ERROR) {
    *err = path + ": cannot write workbook: " + lxw_strerror(rc);
    ok = false;
  }
  if (ok) {
    fs::rename(temp, path, ec);
    if (ec) {
      *err = path + ": cannot rename into place: " + ec.message();
      ok = false;
    }
  }
  if (!ok) fs::remove(temp, ec);
  return ok;
}

}  // namespace kaoping
