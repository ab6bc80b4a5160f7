// Walling off code that cannot be trusted with every input: a third-party reader run in a
// child process, so that a file which makes it crash (or loop) is an error about the file,
// not a crash of kaoping. import's .xls reader runs FreeXL so (import/xls.cpp says why).
#pragma once

#include <functional>
#include <string>

namespace kaoping {

/// What run_isolated got back.
struct Isolated {
  std::string answer;  ///< what `work` returned, when `failure` is empty
  /// "" when `work` returned; otherwise how the child ended: "signal 11", "SIGXCPU" (it
  /// used up its CPU seconds), "exit code 2" (the answer could not be sent), "exit code 3"
  /// (`work` threw).
  std::string failure;
};

/// Runs `work` in a child process (fork) with at most `cpu_seconds` of CPU time and returns
/// the bytes it returned, sent back through a pipe. The child shares nothing with the caller
/// after the fork: whatever `work` does to memory stays in the child, and only its answer
/// comes back. When the system has no process or pipe to spare, `work` runs in the caller.
/// Call it where no other thread is running (the child holds only the calling thread).
Isolated run_isolated(const std::function<std::string()>& work, unsigned cpu_seconds);

}  // namespace kaoping
