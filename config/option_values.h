// The values of command-line options, checked as the configuration checks its keys, with the
// answer in the user's language: cli/ hands CLI11 these checks and says what they return.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "util/lang.h"

namespace kaoping {

/// The language of --lang among the arguments (Chinese by default), for the help and the
/// usage errors that come before the options are parsed.
Lang help_language(int argc, char** argv);

/// The index of the first argument after the leading --lang options of `kaoping --lang en
/// COMMAND ...` (1 when there are none; at most argc).
int skip_leading_lang(int argc, char** argv);

/// "" when *text is a whole number >= `min` ("1e5" and "20.0" are whole numbers, as in the
/// configuration, and are rewritten "100000" and "20") and <= `max`; otherwise what is wrong.
std::string check_whole_option(std::string* text, long long min, Lang lang,
                               long long max = std::numeric_limits<long long>::max());
/// "" when `text` is a seed: digits only, 0 to 18446744073709551615 ("-1" is not wrapped).
std::string check_seed_option(const std::string& text, Lang lang);
/// "" when `text` is a probability in (0, 1]; otherwise what is wrong.
std::string check_probability_option(const std::string& text);
/// "" when `text` is one of `names`; otherwise what is wrong, with the closest name.
std::string check_choice_option(const std::string& text, const std::vector<std::string>& names,
                                Lang lang);
/// "unknown option --sed, did you mean --seed?" for `name` among `options` ("--seed", ...).
std::string unknown_option_message(const std::string& name, const std::vector<std::string>& options,
                                   Lang lang);

}  // namespace kaoping
