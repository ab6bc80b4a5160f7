#include "util/isolate.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <string_view>

#include "util/files.h"

namespace kaoping {
namespace {

std::string read_all(int fd) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return bytes;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

std::string how_it_ended(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return sig == SIGXCPU ? "SIGXCPU" : "signal " + std::to_string(sig);
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
    return "exit code " + std::to_string(WEXITSTATUS(status));
  return "";
}

}  // namespace

Isolated run_isolated(const std::function<std::string()>& work, unsigned cpu_seconds) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return {work(), ""};
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return {work(), ""};
  }
  if (child == 0) {
    ::close(fds[0]);
    // SIGXCPU at the soft limit; SIGKILL a second later, should the signal be caught.
    const rlimit cpu{cpu_seconds, cpu_seconds + 1};
    ::setrlimit(RLIMIT_CPU, &cpu);
    // _exit, not exit: the caller's atexit handlers and stdio buffers are the caller's. An
    // exception must not leave the child: it would go on running the caller's code.
    int code = 3;
    try {
      code = write_all(fds[1], work()) ? 0 : 2;
    } catch (...) {
    }
    ::_exit(code);
  }
  ::close(fds[1]);
  Isolated out;
  out.answer = read_all(fds[0]);
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  out.failure = how_it_ended(status);
  if (!out.failure.empty()) out.answer.clear();
  return out;
}

}  // namespace kaoping
