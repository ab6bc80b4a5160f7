#include "import/values.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "import/import.h"
#include "import/messages.h"
#include "registry/load.h"
#include "util/text.h"

namespace kaoping {
namespace {

std::string trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  // Ideographic spaces around a value are as accidental as ASCII ones.
  while (s.starts_with("\xE3\x80\x80")) s.remove_prefix(3);
  while (s.ends_with("\xE3\x80\x80")) s.remove_suffix(3);
  return std::string(s);
}

bool parse_whole(std::string_view s, long long* out) {
  if (s.starts_with('+')) s.remove_prefix(1);
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  if (ec == std::errc() && p == s.data() + s.size()) return true;
  // "3.0": a whole number written with decimals.
  double d = 0;
  const auto [q, ec2] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec2 == std::errc() && q == s.data() + s.size() && d == std::floor(d) && std::fabs(d) < 1e15) {
    *out = static_cast<long long>(d);
    return true;
  }
  return false;
}

/// A decimal number; "3,335.50" (thousands separators) and a trailing 元 are accepted.
bool parse_decimal(std::string s, double* out) {
  if (s.ends_with("元")) s.resize(s.size() - std::string_view("元").size());
  if (s.find(',') != std::string::npos) {
    // Commas only as thousands separators: 1–3 digits, then groups of three.
    const std::string whole = s.substr(0, s.find('.'));
    std::vector<std::string> groups(1);
    for (char c : whole) {
      if (c == ',')
        groups.emplace_back();
      else
        groups.back() += c;
    }
    std::string first = groups[0];
    if (first.starts_with('-')) first.erase(0, 1);
    bool grouped = !first.empty() && first.size() <= 3;
    for (std::size_t g = 1; g < groups.size(); ++g) grouped = grouped && groups[g].size() == 3;
    if (!grouped) return false;
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
  }
  if (s.starts_with('+')) s.erase(0, 1);
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(*out) && !s.empty();
}

std::string in_quotes(const std::string& s) {
  return "\"" + s + "\"";
}

/// "a, b or c" (in Chinese "a、b、c").
std::string join_codes(const std::vector<std::string>& codes, Lang lang) {
  std::string out;
  for (std::size_t i = 0; i < codes.size(); ++i)
    out += (i == 0                  ? std::string()
            : i + 1 == codes.size() ? render(msg::kListOrCode, lang)
                                    : render(msg::kListComma, lang)) +
           codes[i];
  return out;
}

/// "; to accept it, add it to the --mapping file: values: {cause: {因婚: CODE}} with CODE ...".
std::string mapping_hint(Field f, const std::string& text, Lang lang) {
  const std::vector<std::string> codes = allowed_codes(f);
  std::string hint = render(msg::kValMappingHint, lang, field_name(f), text);
  if (!codes.empty()) hint += render(msg::kValMappingCodes, lang, join_codes(codes, lang));
  return hint;
}

/// The code of `norm` in the user's table, then the built-in one, then as a §1 code itself.
std::optional<std::string> lookup(Field f, const std::string& norm, const Mapping& mapping) {
  if (auto m = mapping.values.find(f); m != mapping.values.end()) {
    if (auto it = m->second.find(norm); it != m->second.end()) return it->second;
  }
  if (const ValueTable* t = builtin_values(f)) {
    if (auto it = t->codes.find(norm); it != t->codes.end()) return it->second;
  }
  const std::vector<std::string> codes = allowed_codes(f);
  if (std::find(codes.begin(), codes.end(), norm) != codes.end()) return norm;
  return std::nullopt;
}

std::string accepted_of(Field f, Lang lang) {
  const ValueTable* t = builtin_values(f);
  return t ? std::string(t->accepted.text(lang)) : join_codes(allowed_codes(f), lang);
}

/// Splits a list cell on ; ； 、 , ， / and blanks.
std::vector<std::string> split_list(const std::string& text) {
  std::string s = text;
  for (std::string_view sep : {"；", "、", "，", "／"}) {
    for (std::size_t at = s.find(sep); at != std::string::npos; at = s.find(sep, at))
      s.replace(at, sep.size(), 1, ';');
  }
  std::vector<std::string> out;
  std::string item;
  for (char c : s + ";") {
    if (c == ';' || c == ',' || c == '/' || c == ' ') {
      const std::string n = normalize_text(item);
      if (!n.empty()) out.push_back(n);
      item.clear();
    } else {
      item += c;
    }
  }
  return out;
}

}  // namespace

std::string masked_id(std::string_view id) {
  // By characters, not bytes: an ID typed with a full-width digit must not be cut mid-way.
  std::vector<std::string_view> chars;
  for (std::size_t i = 0; i < id.size();) {
    std::size_t n = utf8_sequence_length(id, i);
    if (n == 0) n = 1;
    chars.push_back(id.substr(i, n));
    i += n;
  }
  if (chars.size() <= 10) return std::string(chars.size(), '*');
  std::string out;
  for (std::size_t i = 0; i < chars.size(); ++i)
    out += i < 6 || i + 4 >= chars.size() ? std::string(chars[i]) : std::string("*");
  return out;
}

bool exponent_form(std::string_view t) {
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  const std::size_t digits = i;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i == digits) return false;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  }
  if (i >= t.size() || (t[i] != 'e' && t[i] != 'E')) return false;
  ++i;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  const std::size_t exp = i;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  return i > exp && i == t.size();
}

std::string id_number_problem(std::string_view id, Lang lang) {
  if (id.size() == 18) {
    if (valid_id_number(std::string(id))) return "";
    return render(msg::kValBadId, lang, masked_id(id));
  }
  if (id.size() == 20) {
    const bool digits = std::isdigit(static_cast<unsigned char>(id[18])) &&
                        std::isdigit(static_cast<unsigned char>(id[19]));
    if (digits && valid_id_number(std::string(id.substr(0, 18)))) return "";
    return render(msg::kValBadDisabilityId, lang, masked_id(id));
  }
  return render(msg::kValIdLength, lang, masked_id(id), id.size());
}

bool id_birth_date(std::string_view id, Date* out) {
  std::string text;
  if (id.size() == 18 || id.size() == 20)
    text = std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" +
           std::string(id.substr(12, 2));
  else if (id.size() == 15)
    text = "19" + std::string(id.substr(6, 2)) + "-" + std::string(id.substr(8, 2)) + "-" +
           std::string(id.substr(10, 2));
  else
    return false;
  return parse_date(text, out) && out->year >= 1880;
}

int age_on(const Date& birth, const Date& on) {
  int age = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  return age;
}

bool valid_phone(std::string_view p) {
  std::string digits;
  int dashes = 0;
  std::size_t dash_at = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '-') {
      ++dashes;
      dash_at = digits.size();
    } else if (std::isdigit(static_cast<unsigned char>(p[i]))) {
      digits += p[i];
    } else {
      return false;
    }
  }
  if (dashes == 0 && digits.size() == 11 && digits[0] == '1') return true;
  if (digits.empty() || digits[0] != '0' || digits.size() < 10 || digits.size() > 12) return false;
  if (dashes == 0) return true;
  // One '-' after the area code: 0 and 2–3 digits, then 7–8 digits.
  return dashes == 1 && dash_at >= 3 && dash_at <= 4 && digits.size() - dash_at >= 7 &&
         digits.size() - dash_at <= 8;
}

bool read_value(Field f, const std::string& header, const Cell& cell, const FileLoc& loc,
                const Mapping& mapping, std::string* code, Diagnostics* diag) {
  code->clear();
  const std::string raw = trim(cell.text);
  if (raw.empty()) return true;
  const ValueKind kind = value_kind(f);
  const std::string norm = normalize_text(raw);
  const Lang lang = diag->lang();
  const auto fail = [&](const std::string& message) {
    diag->error(loc, message);
    return false;
  };
  const bool number_like = kind == ValueKind::kId || kind == ValueKind::kIdNumber ||
                           kind == ValueKind::kPhone || kind == ValueKind::kWhole ||
                           kind == ValueKind::kNumber || kind == ValueKind::kYear;
  if (number_like && cell.kind == CellKind::kText && exponent_form(norm))
    return fail(diag->text(msg::kValExponent, header, raw, diag->text(msg::kValKeepAsText)));
  if (cell.kind == CellKind::kError) return fail(diag->text(msg::kValFormulaError, header, raw));
  if ((kind == ValueKind::kId || kind == ValueKind::kIdNumber || kind == ValueKind::kPhone) &&
      cell.lost_digits)
    return fail(diag->text(msg::kValLostDigits, header,
                           kind == ValueKind::kIdNumber ? masked_id(norm)
                           : lang == Lang::kEn          ? in_quotes(raw)
                                                        : "“" + raw + "”",
                           diag->text(msg::kValKeepAsText)));
  if (cell.lost_digits) diag->warning(loc, msg::kValMayLoseDigits, header, raw);

  switch (kind) {
    case ValueKind::kText:
      if (f == Field::kSchool) {
        const auto mapped = lookup(f, norm, mapping);
        *code = mapped ? *mapped : school_code(norm);
      } else if (f == Field::kRelation) {
        const auto mapped = lookup(f, norm, mapping);
        const bool head = (mapped && *mapped == "head") || norm == "户主" || norm == "本人" ||
                          norm == "01" || norm == "1";
        *code = head ? "head" : raw;
      } else if (f == Field::kEthnicity) {
        *code = norm;
      } else {
        *code = raw;
      }
      return true;
    case ValueKind::kId:
      *code = norm;
      if (f == Field::kVillageCode &&
          (norm.size() != 12 || norm.find_first_not_of("0123456789") != std::string::npos))
        return fail(diag->text(msg::kValVillageCode, header, raw));
      return true;
    case ValueKind::kIdNumber: {
      std::string id = norm;
      if (!id.empty() && (id.back() == 'x')) id.back() = 'X';
      *code = id;
      return true;  // checked where it matters: the head's is an error, a member's a warning
    }
    case ValueKind::kPhone:
      if (!valid_phone(norm)) return fail(diag->text(msg::kValPhone, header, raw));
      *code = norm;
      return true;
    case ValueKind::kWhole: {
      long long v = 0;
      const long long min = f == Field::kSize ? 1 : 0;
      if (!parse_whole(norm, &v) || v < min || v > 1000000)
        return fail(diag->text(msg::kValWhole, header, min, raw));
      *code = std::to_string(v);
      return true;
    }
    case ValueKind::kNumber: {
      double v = 0;
      const bool signed_ok =
          f == Field::kNatural || f == Field::kTransport || f == Field::kEconomic;
      if (!parse_decimal(norm, &v) || (!signed_ok && v < 0))
        return fail(
            diag->text(signed_ok ? msg::kValNumber : msg::kValNumberNonNegative, header, raw));
      *code = format_double(v);
      return true;
    }
    case ValueKind::kYear: {
      std::string y = norm;
      if (y.ends_with("年")) y.resize(y.size() - std::string_view("年").size());
      if (cell.kind == CellKind::kDate || (y.size() == 10 && y[4] == '-')) y = y.substr(0, 4);
      long long v = 0;
      if (!parse_whole(y, &v) || v < 1949 || v > 2100)
        return fail(diag->text(msg::kValYear, header, raw));
      *code = std::to_string(v);
      return true;
    }
    case ValueKind::kYesNo:
    case ValueKind::kChoice: {
      if (auto c = lookup(f, norm, mapping)) {
        *code = *c;
        return true;
      }
      return fail(diag->text(msg::kValNotOneOf, header, raw, accepted_of(f, lang),
                             mapping_hint(f, raw, lang)));
    }
    case ValueKind::kList: {
      std::set<std::string> seen;
      for (const std::string& item : split_list(raw)) {
        std::optional<std::string> c;
        if (f == Field::kLanguages) {
          if (auto m = mapping.values.find(f); m != mapping.values.end())
            if (auto it = m->second.find(item); it != m->second.end()) c = it->second;
          if (!c) c = language_code(item);
          if (!c)
            return fail(
                diag->text(msg::kValUnknownLanguage, header, item, mapping_hint(f, item, lang)));
        } else {
          c = lookup(f, item, mapping);
          if (!c)
            return fail(diag->text(msg::kValNotOneOf, header, item, accepted_of(f, lang),
                                   mapping_hint(f, item, lang)));
        }
        if (seen.insert(*c).second) *code += (code->empty() ? "" : ";") + *c;
      }
      return true;
    }
  }
  return true;
}

}  // namespace kaoping
