// Writing an import: the registry and import.json appear in the output directory together or
// not at all — written into a staging directory beside it, then swapped into place whole
// (util/files.h OutputDir), so no file of an earlier import is left among the new ones.
#include "registry/write.h"

#include <filesystem>
#include <string>

#include "import/import.h"
#include "import/messages.h"
#include "util/files.h"
#include "util/messages.h"

namespace kaoping {
namespace {

namespace fs = std::filesystem;

/// Every file a registry directory may hold (SPEC §1) and import.json.
constexpr const char* kRegistryFiles[] = {"townships.csv",  "villages.csv", "groups.csv",
                                          "households.csv", "members.csv",  "staff.csv",
                                          "import.json"};

}  // namespace

std::vector<std::string> input_paths(const ImportInputs& in) {
  std::vector<std::string> paths = {in.mapping};
  for (const auto* list : {&in.exports, &in.rosters, &in.verifications})
    for (const std::string& arg : *list) paths.push_back(parse_input_spec(arg).path);
  for (const std::string& arg : {in.villages, in.staff})
    if (!arg.empty()) paths.push_back(parse_input_spec(arg).path);
  return paths;
}

bool check_import_dir(const std::string& dir, bool force, const std::vector<std::string>& inputs,
                      std::string* err, Lang lang) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return true;
  if (!fs::is_directory(dir, ec)) {
    *err = render(msg::kImpOutIsFile, lang, dir);
    return false;
  }
  if (is_one_of(dir, inputs)) {
    *err = render(msg::kImpOutIsInput, lang, dir);
    return false;
  }
  if (!force && fs::directory_iterator(dir, ec) != fs::directory_iterator()) {
    *err = render(msg::kImpOutNotEmpty, lang, dir);
    return false;
  }
  for (const char* name : kRegistryFiles)
    if (is_one_of((fs::path(dir) / name).string(), inputs)) {
      *err = render(msg::kImpWouldReplace, lang, (fs::path(dir) / name).string());
      return false;
    }
  return true;
}

bool write_import(const ImportResult& result, const std::string& dir, bool force,
                  const std::vector<std::string>& inputs, std::string* err, Lang lang) {
  if (!check_import_dir(dir, force, inputs, err, lang)) return false;
  OutputDir out;
  if (!out.open(dir, force, inputs, err)) return false;
  if (!write_registry(result.registry, out.path(), err)) return false;
  if (!write_file_atomic((fs::path(out.path()) / "import.json").string(), result.import_json, err))
    return false;
  return out.commit(err);
}

}  // namespace kaoping
