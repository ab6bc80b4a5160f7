// --mapping FILE (SPEC §6): headers and values the built-in tables do not know, in YAML:
//   columns: {status: [扶贫状态], income: [核实收入]}
//   values:  {status: {已出列: exited}, cause: {因婚: other}}
#pragma once

#include <map>
#include <string>
#include <vector>

#include "import/fields.h"
#include "util/diagnostics.h"

namespace kaoping {

/// What a mapping file adds, normalized (normalize_text) for comparison.
struct Mapping {
  std::string file;  ///< as given; "" when there is none
  std::map<Field, std::vector<std::string>> headers;
  std::map<Field, std::map<std::string, std::string>> values;  ///< text → code
  /// The headers and values as written, per key, for import.json.
  std::map<std::string, std::vector<std::string>> headers_as_written;
};

/// Reads a mapping file. Problems — not YAML, a key that is no field (with "did you mean"), a
/// code the field does not have (naming the ones it has) — are errors at file:line:column.
bool load_mapping(const std::string& path, Mapping* out, Diagnostics* diag);

}  // namespace kaoping
