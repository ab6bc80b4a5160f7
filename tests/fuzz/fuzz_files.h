// Shared by the fuzz targets: a scratch directory of this process, where the readers that
// take a path find the fuzzer's bytes.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace kaoping::fuzz {

/// The scratch directory, created once and removed at exit.
inline const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    const auto d =
        std::filesystem::temp_directory_path() / ("kaoping_fuzz_" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(
          std::filesystem::temp_directory_path() / ("kaoping_fuzz_" + std::to_string(::getpid())),
          ec);
    });
    return d;
  }();
  return dir;
}

/// Writes `bytes` to scratch()/name and returns the path.
inline std::string put(const std::string& name, std::string_view bytes) {
  const std::filesystem::path p = scratch() / name;
  std::ofstream(p, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p.string();
}

/// Splits the input at each line "@@@@" into at most `n` parts (missing parts are empty).
inline std::vector<std::string_view> parts(const uint8_t* data, std::size_t size, std::size_t n) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> out;
  while (out.size() + 1 < n) {
    const std::size_t at = all.find("\n@@@@\n");
    if (at == std::string_view::npos) break;
    out.push_back(all.substr(0, at));
    all.remove_prefix(at + 6);
  }
  out.push_back(all);
  out.resize(n);
  return out;
}

}  // namespace kaoping::fuzz
