#include "util/intern.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace kaoping {
namespace {

TEST(InternedTest, EqualTextsAreOneString) {
  const Interned a("户主");
  const Interned b(std::string("户") + "主");
  EXPECT_EQ(&a.str(), &b.str());
  EXPECT_TRUE(a == b);
  EXPECT_TRUE(a == "户主");
  EXPECT_TRUE(a == std::string("户主"));
  EXPECT_FALSE(a == Interned("配偶"));
  EXPECT_EQ(std::string_view(a), "户主");
  EXPECT_EQ(a.size(), std::string("户主").size());
}

TEST(InternedTest, EmptyByDefaultAndAssignable) {
  Interned s;
  EXPECT_TRUE(s.empty());
  EXPECT_TRUE(s == "");
  EXPECT_TRUE(s == Interned(std::string_view()));
  const std::size_t before = interned_count();
  s = "interned-test-new-text";
  EXPECT_EQ(s.str(), "interned-test-new-text");
  EXPECT_EQ(interned_count(), before + 1);
  s = std::string("interned-test-new-text");  // known: nothing added
  EXPECT_EQ(interned_count(), before + 1);
}

TEST(InternedTest, ThreadsInterningTheSameTextsAgree) {
  std::vector<std::vector<const std::string*>> seen(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < 2000; ++i)
        seen[t].push_back(&Interned("interned-test-" + std::to_string(i % 100)).str());
    });
  for (std::thread& th : threads) th.join();
  for (int t = 1; t < 4; ++t) EXPECT_EQ(seen[t], seen[0]);
}

}  // namespace
}  // namespace kaoping
