// The language of what kaoping says (Chinese by default, English with --lang en), and the
// messages of the rooms below reports/: each room keeps its messages in its own
// `<room>/messages.h`, one `Message` per text with both languages side by side, so that a
// text without its translation does not compile. reports/i18n.h re-exports Lang.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

#include "util/intern.h"

namespace kaoping {

enum class Lang { kZh, kEn };

/// "en" → English; anything else (the default "zh") → Chinese.
Lang parse_lang(std::string_view code);
/// "zh" or "en".
std::string_view lang_code(Lang lang);

/// One message in Chinese and English; "{}" marks where its arguments go, in order, "{1}" the
/// second argument wherever it stands ("{{" and "}}" are braces). Terms are the office's own
/// (DOMAIN.md).
struct Message {
  std::string_view zh, en;
  std::string_view text(Lang lang) const { return lang == Lang::kEn ? en : zh; }
};

/// The text of `m` in `lang` with each "{}" replaced by the next of `args`.
std::string render_message(const Message& m, Lang lang, std::initializer_list<std::string> args);

/// An argument of a message as text: strings as they are, whole numbers in decimal, other
/// numbers as the shortest text that reads back exactly.
inline std::string message_arg(std::string_view s) {
  return std::string(s);
}
inline std::string message_arg(const std::string& s) {
  return s;
}
inline std::string message_arg(const char* s) {
  return s;
}
inline std::string message_arg(const Interned& s) {
  return s.str();
}
std::string message_arg_double(double v);
template <typename T, typename = std::enable_if_t<std::is_arithmetic_v<T>>>
std::string message_arg(T v) {
  if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
  if constexpr (std::is_same_v<T, char>) return std::string(1, v);
  if constexpr (std::is_integral_v<T>) return std::to_string(v);
  return message_arg_double(static_cast<double>(v));
}

/// render_message() with arguments of any kind message_arg() takes.
template <typename... Args>
std::string render(const Message& m, Lang lang, const Args&... args) {
  return render_message(m, lang, {message_arg(args)...});
}

}  // namespace kaoping
