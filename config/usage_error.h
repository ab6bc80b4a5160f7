// The usage errors of the command line: a CLI11 parse error said in the user's language.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "util/lang.h"

namespace kaoping {

/// A CLI11 parse error of `app` said in `lang`, with did-you-mean for a misspelt option.
std::string usage_error(const CLI::App& app, const CLI::ParseError& e, Lang lang);

}  // namespace kaoping
