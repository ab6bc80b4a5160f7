// Every word a report shows, in Chinese (the default) and English. Terms follow DOMAIN.md
// (错退率 wrong-exit rate, 漏评率 omission rate, 错评率 mis-inclusion rate, 群众认可度
// satisfaction, ...). Composers look texts up by key; a key without a translation shows as
// "[[key]]" so a gap is visible in the report and caught by the tests.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/rules.h"
#include "audit/standards.h"
#include "registry/registry.h"
#include "util/lang.h"

namespace kaoping {

// Lang, parse_lang() and lang_code() come from util/lang.h (the rooms below share them).

/// The text for `key` in `lang`; "[[key]]" when the key is unknown.
std::string tr(Lang lang, std::string_view key);

/// tr() of a key whose text is a fmt format string, formatted with `args`.
template <typename... Args>
std::string trf(Lang lang, std::string_view key, Args&&... args) {
  return fmt::format(fmt::runtime(tr(lang, key)), std::forward<Args>(args)...);
}

/// Every key of the table (for tests: each has both languages).
std::vector<std::string_view> i18n_keys();
/// The Chinese and English texts of a key ("" when unknown).
std::string_view i18n_text(std::string_view key, Lang lang);

// Names of registry and audit terms, e.g. rate_name(kZh, kWrongExit) = "错退率".
std::string rate_name(Lang lang, Rate r);
std::string finding_name(Lang lang, Finding f);
std::string status_name(Lang lang, Status s);
std::string category_name(Lang lang, Category c);
std::string attribute_name(Lang lang, Attribute a);  ///< kNone → "not recorded"
std::string cause_name(Lang lang, Cause c);          ///< kNone → "not recorded"
std::string housing_name(Lang lang, Housing h);
std::string tier_name(Lang lang, Tier t);
/// Name of an assumption of simulate --sensitivity by its key ("evaluator.presence" → 在家率).
std::string assumption_name(Lang lang, std::string_view key);

/// A proportion in [0,1] as a percentage with `decimals` decimals: 0.6231 → "62.3%".
/// NaN → "–".
std::string format_percent(double p, int decimals = 1);
/// A number with `decimals` decimals and thousands separators ("40,410", "3,335.5").
std::string format_number(double v, int decimals = 0);

}  // namespace kaoping
