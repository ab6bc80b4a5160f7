// Strings of small vocabularies — codes such as a member's relation or health, village and
// group ids, language codes — kept once per process: a field holds a pointer to the one
// copy of its text, 8 bytes instead of a std::string's 32, and a million members who are
// all "户主" share one string. Not for ids that are unique to a record (household ids, names,
// ID numbers): each distinct text is kept until the process ends.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace kaoping {

/// A text, interned: equal texts are one object, so copying and comparing two Interned is
/// a pointer's work. Reads like a const std::string (it converts to one, and to a
/// std::string_view); assigning a text interns it. Safe to create from several threads.
class Interned {
 public:
  Interned() : s_(&empty_string()) {}
  Interned(std::string_view text);  // NOLINT: a text is an Interned, implicitly
  Interned(const std::string& text) : Interned(std::string_view(text)) {}  // NOLINT
  Interned(const char* text) : Interned(std::string_view(text)) {}         // NOLINT

  const std::string& str() const { return *s_; }
  operator const std::string&() const { return *s_; }  // NOLINT
  operator std::string_view() const { return *s_; }    // NOLINT
  bool empty() const { return s_->empty(); }
  std::size_t size() const { return s_->size(); }
  const char* data() const { return s_->data(); }
  const char* c_str() const { return s_->c_str(); }

  friend bool operator==(const Interned& a, const Interned& b) { return a.s_ == b.s_; }
  friend bool operator==(const Interned& a, const std::string& b) { return *a.s_ == b; }
  friend bool operator==(const Interned& a, std::string_view b) { return *a.s_ == b; }
  friend bool operator==(const Interned& a, const char* b) { return *a.s_ == b; }
  friend bool operator<(const Interned& a, const Interned& b) { return *a.s_ < *b.s_; }

 private:
  static const std::string& empty_string();
  const std::string* s_;
};

std::ostream& operator<<(std::ostream& os, const Interned& s);

/// How many distinct texts have been interned (for tests and memory figures).
std::size_t interned_count();

}  // namespace kaoping

template <>
struct std::hash<kaoping::Interned> {
  std::size_t operator()(const kaoping::Interned& s) const {
    return std::hash<std::string_view>()(s);
  }
};
