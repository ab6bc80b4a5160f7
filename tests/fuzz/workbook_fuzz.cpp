// libFuzzer target: the workbook readers of import (import/workbook.h): .xlsx (zip of XML),
// .xls (BIFF) and .csv, chosen by the first byte, on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "import/workbook.h"
#include "tests/fuzz/fuzz_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace kaoping;
  if (size == 0) return 0;
  static const char* kNames[] = {"book.xlsx", "book.xls", "book.csv"};
  const char* name = kNames[data[0] % 3];
  const std::string path =
      fuzz::put(name, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  InputSpec spec = parse_input_spec(path + (data[0] & 4 ? "#*" : ""));
  WorkbookFile book;
  Diagnostics diag;
  ReadLimits limits;
  limits.max_file_bytes = 16 << 20;
  read_workbook(spec, limits, &book, &diag);
  return 0;
}
