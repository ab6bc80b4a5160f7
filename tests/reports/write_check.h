// Shared by the composer tests: write a report as HTML and XLSX and expect both to succeed.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "reports/html.h"
#include "reports/i18n.h"
#include "reports/xlsx.h"

namespace kaoping::testing {

/// Writes `r` as `<stem>_<lang>.html` and `.xlsx` into $KAOPING_REPORT_DUMP when it is set
/// (kept there to look at), else into a scratch directory that is removed afterwards.
inline void expect_writes(const report::Report& r, const std::string& stem, Lang lang) {
  namespace fs = std::filesystem;
  const char* dump = std::getenv("KAOPING_REPORT_DUMP");
  const fs::path dir = dump ? fs::path(dump)
                            : fs::temp_directory_path() / ("kaoping_" + stem + "_report_test_" +
                                                           std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string name = stem + "_" + std::string(lang_code(lang));
  std::string err;
  EXPECT_TRUE(write_html(r, (dir / (name + ".html")).string(), &err)) << err;
  EXPECT_TRUE(write_xlsx(r, (dir / (name + ".xlsx")).string(), &err)) << err;
  if (!dump) fs::remove_all(dir);
}

}  // namespace kaoping::testing
