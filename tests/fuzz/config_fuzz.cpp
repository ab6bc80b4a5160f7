// libFuzzer target: the configuration loader (config/config.h) on any YAML text, with the
// lines after a line "@@@@" as --set overrides.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "config/config.h"
#include "tests/fuzz/fuzz_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace kaoping;
  const auto p = fuzz::parts(data, size, 2);
  const std::string file = fuzz::put("config.yaml", p[0]);
  std::vector<std::string> sets;
  std::string_view rest = p[1];
  while (!rest.empty() && sets.size() < 8) {
    const std::size_t nl = rest.find('\n');
    sets.emplace_back(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  Config config;
  Diagnostics diag;
  load_config(file, sets, &config, &diag);
  return 0;
}
