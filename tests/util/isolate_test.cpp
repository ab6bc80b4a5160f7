// run_isolated: the answer of the child comes back whole, and a child that crashes, aborts or
// spins is a failure the caller can report, not the caller's crash.
#include "util/isolate.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace kaoping {
namespace {

TEST(Isolate, TheAnswerComesBackWhole) {
  // 10 MB: far more than a pipe holds, so the caller reads while the child writes.
  std::string big(10'000'000, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 7919 % 251);
  const Isolated got = run_isolated([&] { return big; }, 60);
  EXPECT_EQ(got.failure, "");
  EXPECT_TRUE(got.answer == big);
  EXPECT_EQ(run_isolated([] { return std::string(); }, 60).failure, "");
}

TEST(Isolate, WhatTheChildDoesStaysInTheChild) {
  int touched = 0;
  const Isolated got = run_isolated(
      [&] {
        touched = 1;
        return std::string("done");
      },
      60);
  EXPECT_EQ(got.answer, "done");
  EXPECT_EQ(touched, 0);
}

TEST(Isolate, ACrashIsAFailureNotTheCallersCrash) {
  const Isolated segv = run_isolated(
      [] {
        std::raise(SIGSEGV);
        return std::string("never");
      },
      60);
  // "signal 11", or under AddressSanitizer (which reports the crash first) its abort or exit.
  EXPECT_NE(segv.failure, "");
  EXPECT_EQ(segv.answer, "");
  const Isolated aborted = run_isolated([]() -> std::string { std::abort(); }, 60);
  EXPECT_NE(aborted.failure, "");
  EXPECT_EQ(aborted.answer, "");
}

TEST(Isolate, AnExceptionEndsTheChildNotTheCallersCode) {
  const Isolated got = run_isolated([]() -> std::string { throw std::runtime_error("x"); }, 60);
  EXPECT_EQ(got.failure, "exit code 3");
  EXPECT_EQ(got.answer, "");
}

TEST(Isolate, AChildThatSpinsIsStoppedByItsCpuLimit) {
  const Isolated got = run_isolated(
      [] {
        volatile unsigned long spin = 0;
        for (;;) spin = spin + 1;
        return std::string("never");
      },
      1);
  EXPECT_EQ(got.failure, "SIGXCPU");
}

}  // namespace
}  // namespace kaoping
