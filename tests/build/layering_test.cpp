// The dependency arrow of docs/architecture.md, checked on the source tree:
//   util < registry < import, sampler < audit < simulate, schedule < reports < config < cli
// A module may include its own headers and those of modules below it; never one above, never
// a sibling of the same rank, and schedule never the audit (planning a draw needs no verdict).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::map<std::string, int> kRank = {
    {"util", 0},     {"registry", 1}, {"import", 2},  {"sampler", 2}, {"audit", 3},
    {"simulate", 4}, {"schedule", 4}, {"reports", 5}, {"config", 6},  {"cli", 7},
};

struct Include {
  std::string file;  // relative to the source root
  int line;
  std::string from, to;
};

std::vector<Include> project_includes() {
  std::vector<Include> out;
  const fs::path root = KAOPING_SOURCE_DIR;
  const std::regex include_re(R"re(^\s*#\s*include\s*"([a-z_]+)/[^"]+")re");
  for (const auto& [module, rank] : kRank) {
    const fs::path dir = root / module;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".h" && ext != ".cpp" && ext != ".in") continue;
      std::ifstream in(entry.path());
      std::string text;
      int line = 0;
      while (std::getline(in, text)) {
        ++line;
        std::smatch m;
        if (std::regex_search(text, m, include_re))
          out.push_back({fs::relative(entry.path(), root).string(), line, module, m[1]});
      }
    }
  }
  return out;
}

/// Why `from` may not include `to`, or "" when it may.
std::string violation(const std::string& from, const std::string& to) {
  if (from == to) return "";
  const auto f = kRank.find(from), t = kRank.find(to);
  if (t == kRank.end()) return "includes an unknown folder '" + to + "'";
  if (from == "schedule" && to == "audit") return "schedule depends on sampler and registry only";
  if (t->second > f->second) return "'" + to + "' is above '" + from + "'";
  if (t->second == f->second) return "'" + from + "' and '" + to + "' are siblings";
  return "";
}

TEST(Layering, EveryIncludeFollowsTheArrow) {
  const std::vector<Include> includes = project_includes();
  ASSERT_GT(includes.size(), 50u) << "the source tree was not found at " << KAOPING_SOURCE_DIR;
  std::string problems;
  for (const Include& inc : includes) {
    const std::string why = violation(inc.from, inc.to);
    if (!why.empty())
      problems +=
          inc.file + ":" + std::to_string(inc.line) + ": includes " + inc.to + "/: " + why + "\n";
  }
  EXPECT_EQ(problems, "");
}

TEST(Layering, NoTwoFoldersIncludeEachOther) {
  std::set<std::pair<std::string, std::string>> edges;
  for (const Include& inc : project_includes())
    if (inc.from != inc.to) edges.insert({inc.from, inc.to});
  for (const auto& [a, b] : edges) EXPECT_EQ(edges.count({b, a}), 0u) << a << " <-> " << b;
}

TEST(Layering, TheCheckItselfCatchesWrongArrows) {
  EXPECT_NE(violation("registry", "sampler"), "");
  EXPECT_NE(violation("sampler", "audit"), "");
  EXPECT_NE(violation("schedule", "audit"), "");
  EXPECT_NE(violation("sampler", "import"), "");
  EXPECT_NE(violation("reports", "config"), "");
  EXPECT_EQ(violation("reports", "schedule"), "");
  EXPECT_EQ(violation("cli", "config"), "");
  EXPECT_EQ(violation("audit", "sampler"), "");
}

}  // namespace

namespace {

/// cli/ is argument handling: its sources stay under 1,000 lines, each command file short.
TEST(Layering, CliStaysArgumentHandling) {
  std::size_t total = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(KAOPING_SOURCE_DIR) / "cli")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".cpp") continue;
    std::ifstream in(entry.path());
    std::size_t lines = 0;
    for (std::string line; std::getline(in, line);) ++lines;
    total += lines;
    if (entry.path().filename().string().rfind("cmd_", 0) == 0) {
      EXPECT_LT(lines, 200u) << entry.path().filename() << ": move business out of cli/";
    }
  }
  EXPECT_LT(total, 1000u) << "cli/ has " << total << " lines; move business out of cli/";
}

}  // namespace
