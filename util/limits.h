// What kaoping accepts at most, in one place (docs/limits.md says why each bound is where it
// is). A value beyond a bound is an input error with its place, never a crash or a hang.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <thread>

namespace kaoping::limits {

/// Replicates of one simulation: the count and every sum over it stay far inside int64, and
/// a billion runs take hours on a laptop already.
inline constexpr int64_t kMaxRuns = 1'000'000'000;

/// Worker threads at most: 8 per core (at least 64). More threads than cores only wait for
/// each other; each costs its own counters (memory grows with the registry times threads).
inline int max_threads() {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<int>(std::max<unsigned>(64, 8 * cores));
}

/// The schedule: a county office fields at most a few dozen teams; the plan's tables are
/// sized by teams x days x enumerators.
inline constexpr int64_t kMaxTeams = 1000;
inline constexpr int64_t kMaxEnumeratorsPerTeam = 100;
inline constexpr int64_t kMaxGuidesPerVillage = 100;
inline constexpr int64_t kMaxVisitMinutes = 24 * 60;

/// The design: townships drawn, households per village and per category — bounded by the
/// largest county a registry can describe, so that every size computed from them (the OC
/// curve's village sizes, the draw's tables) fits comfortably in memory.
inline constexpr int64_t kMaxTownships = 10'000;
inline constexpr int64_t kMaxHouseholdsPerVillage = 100'000;

/// Side lists (--staff, --fix, --sample, --mapping): a list of a county's households or
/// staff is a few megabytes; 64 MiB is far beyond any and far below the memory it costs.
inline constexpr int64_t kMaxSideFileBytes = int64_t{64} << 20;
/// Workbooks and exports of the national system (import) and registry CSV files.
inline constexpr int64_t kMaxInputBytes = int64_t{1} << 30;

/// A bound in MiB from the environment variable `name` (a whole number > 0), else `fallback`:
/// KAOPING_MAX_SIDE_FILE_MIB and KAOPING_MAX_INPUT_MIB raise the two file-size bounds.
inline int64_t bytes_from_env(const char* name, int64_t fallback) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return fallback;
  char* end = nullptr;
  const long long mib = std::strtoll(v, &end, 10);
  if (*end != '\0' || mib <= 0 || mib > (int64_t{1} << 23)) return fallback;  // up to 8 TiB
  return static_cast<int64_t>(mib) << 20;
}
inline int64_t max_side_file_bytes() {
  return bytes_from_env("KAOPING_MAX_SIDE_FILE_MIB", kMaxSideFileBytes);
}
inline int64_t max_input_bytes() {
  return bytes_from_env("KAOPING_MAX_INPUT_MIB", kMaxInputBytes);
}

/// YAML: aliases may nest this deep, and a document may expand to this many nodes at most
/// (a configuration has a few hundred; "billion laughs" has billions).
inline constexpr int kMaxYamlDepth = 64;
inline constexpr int64_t kMaxYamlNodes = 100'000;

}  // namespace kaoping::limits
