// Checks shared by the report tests: a tiny HTML well-formedness checker and a counter.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace kaoping::testing {

// A tiny well-formedness checker: every element opened is closed in order, void elements
// (meta, br, ...) and self-closed ones ("/>") aside; text inside <style> is skipped.
// Returns "" when balanced, else what went wrong.
inline std::string check_balanced(const std::string& html) {
  const std::vector<std::string> kVoid = {"meta", "br", "hr", "img", "link", "input"};
  std::vector<std::string> stack;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 9, "<!DOCTYPE") == 0) {
      i = html.find('>', i);
      continue;
    }
    const std::size_t end = html.find('>', i);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(i);
    std::string tag = html.substr(i + 1, end - i - 1);
    const bool closing = !tag.empty() && tag[0] == '/';
    const bool self_closed = !tag.empty() && tag.back() == '/';
    if (closing) tag = tag.substr(1);
    const std::string name = tag.substr(0, tag.find_first_of(" \t\n/"));
    if (closing) {
      if (stack.empty() || stack.back() != name)
        return "</" + name + "> closes " + (stack.empty() ? "nothing" : "<" + stack.back() + ">");
      stack.pop_back();
    } else if (!self_closed && std::find(kVoid.begin(), kVoid.end(), name) == kVoid.end()) {
      stack.push_back(name);
      if (name == "style") {  // raw text up to </style>
        const std::size_t close = html.find("</style>", end);
        if (close == std::string::npos) return "unterminated <style>";
        i = close;
        continue;
      }
    }
    i = end + 1;
  }
  if (!stack.empty()) return "<" + stack.back() + "> never closed";
  return "";
}

inline std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}

}  // namespace kaoping::testing
