// TEMPORARY during development: replaced by the real command in this session.
#include "cli/commands.h"
namespace kaoping::cli {
int run_audit(int, char**, const std::vector<std::string>&) {
  std::fprintf(stderr, "kaoping: 'audit' is not built yet\n");
  return kExitUsage;
}
}  // namespace kaoping::cli
