#include "util/intern.h"

#include <functional>
#include <mutex>
#include <ostream>
#include <string_view>
#include <unordered_set>

namespace kaoping {
namespace {

/// Every text interned so far. A node-based set: a text never moves once inserted, so a
/// pointer to it stays valid for the life of the process (the set is never destroyed, so
/// no Interned outlives its text, even in a static destructor).
struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
struct Pool {
  std::mutex mutex;
  std::unordered_set<std::string, Hash, std::equal_to<>> texts;
};

Pool& pool() {
  static Pool* const p = new Pool;
  return *p;
}

}  // namespace

const std::string& Interned::empty_string() {
  static const std::string* const empty = new std::string;
  return *empty;
}

Interned::Interned(std::string_view text) {
  if (text.empty()) {
    s_ = &empty_string();
    return;
  }
  Pool& p = pool();
  const std::lock_guard<std::mutex> lock(p.mutex);
  auto it = p.texts.find(text);  // a lookup by view: no string is made for a known text
  if (it == p.texts.end()) it = p.texts.emplace(text).first;
  s_ = &*it;
}

std::ostream& operator<<(std::ostream& os, const Interned& s) {
  return os << s.str();
}

std::size_t interned_count() {
  Pool& p = pool();
  const std::lock_guard<std::mutex> lock(p.mutex);
  return p.texts.size();
}

}  // namespace kaoping
