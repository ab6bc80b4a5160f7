// libFuzzer target: the registry loader (registry/registry.h load_registry) on a directory
// whose files are the parts of the input, split at lines "@@@@": townships, villages,
// groups, households, members, staff.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "registry/load.h"
#include "registry/registry.h"
#include "tests/fuzz/fuzz_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace kaoping;
  static const char* kNames[] = {"townships.csv",  "villages.csv", "groups.csv",
                                 "households.csv", "members.csv",  "staff.csv"};
  const auto p = fuzz::parts(data, size, 6);
  const std::filesystem::path dir = fuzz::scratch() / "registry";
  std::filesystem::create_directories(dir);
  for (int i = 0; i < 6; ++i) {
    const std::filesystem::path f = dir / kNames[i];
    std::error_code ec;
    std::filesystem::remove(f, ec);
    // An empty part of an optional file leaves the file out.
    if (!p[i].empty() || i == 0 || i == 1 || i == 3)
      fuzz::put("registry/" + std::string(kNames[i]), p[i]);
  }
  Registry reg;
  Diagnostics diag;
  load_registry(dir.string(), &reg, &diag);
  return 0;
}
