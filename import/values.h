// Reading one cell as the value of a field (SPEC §6 value tables, §1 number rules), and the
// checks of ID numbers and phones that import makes at the cell. Internal to import/.
#pragma once

#include <string>
#include <string_view>

#include "import/fields.h"
#include "import/mapping.h"
#include "import/sheet.h"
#include "util/date.h"
#include "util/diagnostics.h"

namespace kaoping {

/// Reads `cell` as field `f` whose column is headed `header` (as written): into *code the
/// value in §1 form ("exited", "1", "illness", "3335.5", "official;car", text trimmed), ""
/// for a blank cell. A value that is not one of the field's is an error at `loc` naming
/// the accepted ones and the --mapping key that would add it; a number, ID or phone in
/// exponent form is explained as spreadsheet damage. False on an error.
bool read_value(Field f, const std::string& header, const Cell& cell, const FileLoc& loc,
                const Mapping& mapping, std::string* code, Diagnostics* diag);

/// The problem with an ID number (18 characters with a valid GB 11643 check character, or a
/// 20-character disability certificate number: such an ID and two digits), masked; "" when
/// it is valid; in `lang`.
std::string id_number_problem(std::string_view id, Lang lang = Lang::kEn);

/// The birth date an ID number carries (characters 7–14 of an 18- or 20-character one,
/// 7–12 of an old 15-digit one); false when it has none that is a real date.
bool id_birth_date(std::string_view id, Date* out);

/// Whole years between `birth` and `on`.
int age_on(const Date& birth, const Date& on);

/// True for a phone number of SPEC §1: an 11-digit mobile number starting with 1, or a
/// landline of 10–12 digits starting with 0, with at most one '-' after the area code.
bool valid_phone(std::string_view phone);

/// True for text such as "5.32599E+17": a number a spreadsheet wrote in exponent form.
bool exponent_form(std::string_view text);

}  // namespace kaoping
