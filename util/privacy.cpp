#include "util/privacy.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "util/files.h"

namespace kaoping {
namespace {

// Byte length of the UTF-8 sequence starting with lead byte c (1 for stray bytes, so a
// malformed string is still walked to its end).
std::size_t utf8_length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xe) return 3;
  if ((c >> 3) == 0x1e) return 4;
  return 1;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Length of the ID number starting at text[i] (18) or 0. The run must not continue a
// longer number on either side.
std::size_t id_number_at(std::string_view text, std::size_t i) {
  // Not the decimals of a number either ("0.000123456789012345678" in a CSV).
  if (i > 0 && (is_alnum(text[i - 1]) || text[i - 1] == '.')) return 0;
  if (i + 18 > text.size()) return 0;
  for (std::size_t k = 0; k < 17; ++k)
    if (!is_digit(text[i + k])) return 0;
  const char last = text[i + 17];
  if (!is_digit(last) && last != 'X' && last != 'x') return 0;
  if (i + 18 < text.size() && is_alnum(text[i + 18])) return 0;
  return 18;
}

// Length of a phone number starting at text[i] or 0: 1XXXXXXXXXX (11 digits) or a
// landline 0AA(A)-NNNNNNN(N).
std::size_t phone_at(std::string_view text, std::size_t i) {
  if (i > 0 && (is_alnum(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '-')) return 0;
  auto digits_from = [&](std::size_t j) {
    std::size_t n = 0;
    while (j + n < text.size() && is_digit(text[j + n])) ++n;
    return n;
  };
  auto ends_cleanly = [&](std::size_t end) {
    return end >= text.size() || !(is_alnum(text[end]) || text[end] == '.');
  };
  const std::size_t run = digits_from(i);
  if (run == 11 && text[i] == '1' && ends_cleanly(i + 11)) return 11;
  if ((run == 3 || run == 4) && text[i] == '0' && i + run < text.size() && text[i + run] == '-') {
    const std::size_t local = digits_from(i + run + 1);
    const std::size_t end = i + run + 1 + local;
    if ((local == 7 || local == 8) && ends_cleanly(end)) return end - i;
  }
  return 0;
}

}  // namespace

std::string mask_id_number(std::string_view id) {
  std::vector<std::string_view> chars;
  for (std::size_t i = 0; i < id.size();) {
    std::size_t n = std::min(utf8_length(static_cast<unsigned char>(id[i])), id.size() - i);
    chars.push_back(id.substr(i, n));
    i += n;
  }
  std::string out;
  const bool keep_ends = chars.size() > 10;
  for (std::size_t k = 0; k < chars.size(); ++k) {
    const bool keep = keep_ends && (k < 6 || k + 4 >= chars.size());
    if (keep)
      out += chars[k];
    else
      out += '*';
  }
  return out;
}

std::string scrub_personal_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (is_digit(text[i])) {
      if (std::size_t n = id_number_at(text, i)) {
        out += mask_id_number(text.substr(i, n));
        i += n;
        continue;
      }
      if (std::size_t n = phone_at(text, i)) {
        out += "***";
        i += n;
        continue;
      }
      // Copy the whole digit run so a match is only tried at the start of a number.
      while (i < text.size() && is_digit(text[i])) out += text[i++];
      continue;
    }
    out += text[i++];
  }
  return out;
}

std::string scrub_json_strings(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size();) {
    if (json[i] != '"') {
      out += json[i++];
      continue;
    }
    std::size_t end = i + 1;  // the closing quote, skipping escaped characters
    while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
    end = std::min(end, json.size());
    out += '"';
    out += scrub_personal_data(json.substr(i + 1, end - i - 1));
    if (end < json.size()) out += '"';
    i = end + 1;
  }
  return out;
}

bool contains_full_id_number(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (is_digit(text[i]) && id_number_at(text, i)) return true;
  return false;
}

bool contains_personal_number(std::string_view text) {
  // A match only begins a run of digits (the loader calls this on every id cell).
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_digit(text[i])) continue;
    if (id_number_at(text, i) || phone_at(text, i)) return true;
    while (i + 1 < text.size() && is_digit(text[i + 1])) ++i;
  }
  return false;
}

std::string pseudonym(std::string_view id) {
  std::string hex = sha256_hex(id).substr(0, 16);
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "P-" + hex;
}

}  // namespace kaoping
