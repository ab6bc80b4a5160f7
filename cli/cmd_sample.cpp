// TEMPORARY during development: replaced by the real command in this session.
#include "cli/commands.h"
namespace kaoping::cli {
int run_sample(int, char**, const std::vector<std::string>&) {
  std::fprintf(stderr, "kaoping: 'sample' is not built yet\n");
  return kExitUsage;
}
}  // namespace kaoping::cli
