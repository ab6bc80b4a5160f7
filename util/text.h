// Text without domain knowledge: the one UTF-8 decoder, the terminal and spreadsheet display
// width, "did you mean", and numbers written so that they read back exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kaoping {

/// Length of the well-formed UTF-8 sequence starting at text[i] (RFC 3629: no overlongs,
/// no surrogates, nothing above U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

/// The code point of the well-formed sequence of length `n` at text[i] (n from
/// utf8_sequence_length, >= 1).
uint32_t utf8_code_point(std::string_view text, std::size_t i, std::size_t n);

/// True when `text` is well-formed UTF-8. Otherwise false, with *line and *column (1-based,
/// columns in characters, counting from the values passed in) at the first bad byte.
bool valid_utf8(std::string_view text, int* line, int* column);

/// Display width in terminal columns and spreadsheet character units: characters of three
/// or four UTF-8 bytes (CJK, wide symbols) take two, the others one.
int display_width(std::string_view text);

/// `text` padded with spaces to `width` display columns; one space after it when wider.
std::string pad_to_width(const std::string& text, int width);

/// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), so
/// that a swapped pair of letters counts as one typo.
std::size_t typo_distance(std::string_view a, std::string_view b);

/// The closest of `candidates` to `word` (compared in lowercase), when it is close enough to
/// be a typo: at most one edit per three letters (at least one edit, at most three); ""
/// otherwise.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// Shortest decimal text that reads back as the same double ("0.1", "1", "0.0123"); never an
/// exponent; "" for NaN.
std::string format_double(double value);

/// "0x3F": one byte in hex, for messages about bytes.
std::string hex_byte(unsigned char b);

}  // namespace kaoping
