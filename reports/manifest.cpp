#include "reports/manifest.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "util/files.h"

namespace kaoping {

std::string manifest_json(const Manifest& m) {
  nlohmann::ordered_json j;
  j["command"] = m.command;
  j["version"] = m.version;
  j["command_line"] = m.argv;
  j["registry"] = m.registry;
  nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
  for (const InputFile& f : m.inputs) {
    nlohmann::ordered_json x;
    x["path"] = f.path;
    x["sha256"] = f.sha256;
    inputs.push_back(std::move(x));
  }
  j["inputs"] = std::move(inputs);
  j["config"] = m.config_yaml;
  if (m.has_seed) j["seed"] = m.seed;
  if (m.runs >= 0) j["runs"] = m.runs;
  if (m.threads >= 0) j["threads"] = m.threads;
  // Invalid UTF-8 in a path or argument is replaced rather than thrown on.
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void add_manifest_inputs(const std::vector<std::string>& paths, Manifest* m) {
  for (const std::string& path : paths) {
    if (path.empty()) continue;
    const bool listed = std::any_of(m->inputs.begin(), m->inputs.end(),
                                    [&](const InputFile& f) { return f.path == path; });
    std::string bytes, err;
    if (!listed && read_file(path, &bytes, &err)) m->inputs.push_back({path, sha256_hex(bytes)});
  }
}

Manifest make_manifest(const std::string& command, const std::vector<std::string>& argv,
                       const std::string& config_yaml, const std::string& registry_dir,
                       const Registry& reg, const std::string& config_file,
                       const std::vector<std::string>& extra) {
  Manifest m;
  m.command = command;
  m.version = KAOPING_VERSION;
  m.argv = argv;
  m.config_yaml = config_yaml;
  m.registry = registry_dir.empty() ? reg.source : registry_dir;
  m.inputs = reg.inputs;
  std::vector<std::string> more = {config_file};
  more.insert(more.end(), extra.begin(), extra.end());
  add_manifest_inputs(more, &m);
  return m;
}

}  // namespace kaoping
