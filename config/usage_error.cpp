#include "config/usage_error.h"

#include <algorithm>
#include <vector>

#include "config/option_values.h"
#include "reports/i18n.h"

namespace kaoping {

std::string usage_error(const CLI::App& app, const CLI::ParseError& e, Lang lang) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    const std::vector<std::string> extra = app.remaining();
    const auto is_option = [](const std::string& a) { return a.size() > 1 && a[0] == '-'; };
    const auto it = std::find_if(extra.begin(), extra.end(), is_option);
    if (it == extra.end()) return trf(lang, "cli.extra_argument", extra.empty() ? "" : extra[0]);
    std::vector<std::string> names;
    for (const CLI::Option* o : app.get_options())
      for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    return unknown_option_message(it->substr(0, it->find('=')), names, lang);
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr)
    for (const CLI::Option* o : app.get_options())
      if (o->get_required() && o->count() == 0) return trf(lang, "cli.required", o->get_name());
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr && what.rfind("--", 0) == 0)
    return trf(lang, "cli.needs_value", what.substr(0, what.find(':')));
  return what;  // the checks above (ValidationError) already speak `lang`
}

}  // namespace kaoping
