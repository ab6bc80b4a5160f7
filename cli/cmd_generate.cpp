// TEMPORARY during development: replaced by the real command in this session.
#include "cli/commands.h"
namespace kaoping::cli {
int run_generate(int, char**, const std::vector<std::string>&) {
  std::fprintf(stderr, "kaoping: 'generate' is not built yet\n");
  return kExitUsage;
}
}  // namespace kaoping::cli
