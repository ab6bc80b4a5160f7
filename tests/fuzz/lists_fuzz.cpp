// libFuzzer target: the side lists read against a registry — a draw (--sample), a household
// list (--fix) and a staff roster (--staff) — on the small generated county. The first byte
// picks the reader.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "registry/generate.h"
#include "registry/load.h"
#include "registry/registry.h"
#include "sampler/draw_io.h"
#include "tests/fuzz/fuzz_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace kaoping;
  static const Registry county = generate_county(Profile::kSmall, 1);
  if (size == 0) return 0;
  const std::string path =
      fuzz::put("list.csv", std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  Diagnostics diag;
  switch (data[0] % 3) {
    case 0: {
      Draw draw;
      read_draw_csv(path, county, &draw, &diag);
      break;
    }
    case 1: {
      std::vector<int> households;
      read_household_list(path, county, &households, &diag);
      break;
    }
    default: {
      Registry reg = county;
      load_staff(path, &reg, &diag);
      break;
    }
  }
  return 0;
}
