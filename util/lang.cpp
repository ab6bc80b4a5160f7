#include "util/lang.h"

#include "util/text.h"

namespace kaoping {

Lang parse_lang(std::string_view code) {
  return code == "en" ? Lang::kEn : Lang::kZh;
}

std::string_view lang_code(Lang lang) {
  return lang == Lang::kEn ? "en" : "zh";
}

std::string message_arg_double(double v) {
  return format_double(v);
}

std::string render_message(const Message& m, Lang lang, std::initializer_list<std::string> args) {
  const std::string_view text = m.text(lang);
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t next = 0;  // the argument of the next "{}"
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::size_t close = i + 1;
    while (c == '{' && close < text.size() && text[close] >= '0' && text[close] <= '9') ++close;
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      ++i;
    } else if (c == '{' && close < text.size() && text[close] == '}') {
      // "{}" takes the next argument, "{2}" the third (a translation may reorder them).
      const std::size_t k =
          close == i + 1 ? next++ : std::stoul(std::string(text.substr(i + 1, close - i - 1)));
      if (k < args.size()) out += *(args.begin() + k);
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace kaoping
