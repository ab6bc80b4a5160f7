// Personal data in reports (SPEC §5): resident ID numbers are masked, keeping the first 6
// (the region code) and the last 4 characters, and phone numbers are left out. Composers
// mask the fields they show; the writers scrub every text they emit as a second line of
// defence, so no full ID number reaches a report even from a free-text field. An id (a
// household_id, a village_id, ...) that holds an ID number or a phone is replaced at load by
// a pseudonym, so that outputs keep naming the record by something unique.
#pragma once

#include <string>
#include <string_view>

namespace kaoping {

/// Masks an ID number: first 6 and last 4 characters (UTF-8 code points) kept, each one
/// between them replaced by '*'. A value of 10 characters or fewer cannot be masked that
/// way without showing all of it, so every character is replaced. "" stays "".
std::string mask_id_number(std::string_view id);

/// Replaces every full resident ID number inside `text` (18 characters: 17 digits then a
/// digit or X/x, not part of a longer run of digits) by its masked form, and every phone
/// number (a mainland mobile number, 11 digits starting with 1, or a landline written
/// 0AAA-NNNNNNN) by "***". Other text is unchanged.
std::string scrub_personal_data(std::string_view text);

/// scrub_personal_data applied to the string values of a JSON text only, so that a number
/// (a seed such as 13912345678) stays a number and the text stays JSON.
std::string scrub_json_strings(std::string_view json);

/// True when `text` holds a full 18-character ID number (as scrub_personal_data finds them).
bool contains_full_id_number(std::string_view text);

/// True when `text` holds anything scrub_personal_data would change: a full ID number or a
/// phone number.
bool contains_personal_number(std::string_view text);

/// The stable pseudonym of an id that holds personal data: "P-" and the first 16 hex digits
/// (upper case) of the SHA-256 of the id. The same id always gets the same pseudonym, in
/// every run and every registry; it holds no run of digits that looks like an ID number or a
/// phone. It hides the number from whoever reads a page, not from whoever can try candidate
/// numbers (docs/registry.md).
std::string pseudonym(std::string_view id);

}  // namespace kaoping
