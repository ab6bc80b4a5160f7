#include "config/option_values.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "config/messages.h"
#include "util/text.h"

namespace kaoping {

Lang help_language(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--lang" && i + 1 < argc) return parse_lang(argv[i + 1]);
    if (a.rfind("--lang=", 0) == 0) return parse_lang(a.substr(7));
  }
  return Lang::kZh;
}

int skip_leading_lang(int argc, char** argv) {
  int lead = 1;
  while (lead < argc && std::string_view(argv[lead]).rfind("--lang", 0) == 0)
    lead += std::string_view(argv[lead]) == "--lang" ? 2 : 1;
  return std::min(lead, argc);
}

std::string check_whole_option(std::string* text, long long min, Lang lang, long long max) {
  const char* begin = text->data();
  const char* end = begin + text->size();
  long long value = 0;
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  const bool whole = ec == std::errc() && ptr == end;
  double d = 0;
  const auto [dptr, dec] = std::from_chars(begin, end, d);
  if (!whole && dec == std::errc() && dptr == end && d == std::floor(d) && std::fabs(d) <= 9e15) {
    *text = std::to_string(static_cast<long long>(d));
    value = static_cast<long long>(d);
    if (value >= min && value <= max) return {};
  } else if (whole && value >= min && value <= max) {
    return {};
  }
  if ((whole || dec == std::errc()) && value > max)  // a whole number, only too large
    return render(msg::kOptWholeRange, lang, min, max, *text);
  return render(msg::kOptWholeAtLeast, lang, min, *text);
}

std::string check_probability_option(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec == std::errc() && ptr == end && value > 0 && value <= 1) return {};
  return "must be a probability in (0, 1], got \"" + text + "\"";
}

std::string check_seed_option(const std::string& text, Lang lang) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec == std::errc() && ptr == end && !text.empty() && text[0] != '-') return {};
  return render(msg::kOptSeed, lang, text);
}

std::string check_choice_option(const std::string& text, const std::vector<std::string>& names,
                                Lang lang) {
  if (std::find(names.begin(), names.end(), text) != names.end()) return {};
  std::string all;
  for (const std::string& n : names) all += (all.empty() ? "" : "|") + n;
  const std::string hint = did_you_mean(text, {names.begin(), names.end()});
  return render(msg::kOptOneOf, lang, all, text) +
         (hint.empty() ? "" : render(msg::kOptDidYouMean, lang, hint));
}

std::string unknown_option_message(const std::string& name, const std::vector<std::string>& options,
                                   Lang lang) {
  const std::string hint = did_you_mean(name, {options.begin(), options.end()});
  return hint.empty() ? render(msg::kOptUnknown, lang, name)
                      : render(msg::kOptUnknownHint, lang, name, hint);
}

}  // namespace kaoping
