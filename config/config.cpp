// Configuration loading (SPEC §2): the compiled-in default, a user file deep-merged over it,
// then --set overrides, then one checking pass that fills the Config structs.
//
// The YAML is first copied into a small tree of our own (Node) that remembers, for every key
// and value, the file and 1-based line:column it came from. Merging happens on that tree, so
// after the merge each value still knows whether it came from the default, the user's file or
// a --set argument, and a problem is reported where the user wrote it.
#include "config/config.h"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <tuple>

#include "config/messages.h"
#include "util/limits.h"
#include "util/text.h"

namespace kaoping {

namespace {

// ---------------------------------------------------------------------------------------------
// The located tree.

constexpr const char* kDefaultFile = "configs/default.yaml";
constexpr const char* kSetFile = "--set";

/// A YAML value with the place it was written. Map entries are children with `key` set, in
/// file order (criteria keep their order, and the resolved YAML follows the user's).
struct Node {
  enum class Kind { kNull, kScalar, kList, kMap };
  Kind kind = Kind::kNull;
  std::string text;  ///< scalar text
  std::vector<Node> children;
  std::string key;  ///< name under its parent map
  FileLoc loc;      ///< where the value is
  FileLoc key_loc;  ///< where its key is (map entries)

  const Node* find(std::string_view k) const {
    for (const Node& c : children)
      if (c.key == k) return &c;
    return nullptr;
  }
  Node* find(std::string_view k) {
    for (Node& c : children)
      if (c.key == k) return &c;
    return nullptr;
  }
};

std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

/// A scalar as shown in a message: quoted, control characters escaped, long text cut short
/// (a binary file or a runaway quoted string should not flood the terminal).
std::string quoted(const std::string& text) {
  constexpr std::size_t kMaxShown = 60;
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == kMaxShown) {
      out += "...";
      break;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c == 0x7f)
      out += fmt::format("\\x{:02x}", c);
    else
      out += static_cast<char>(c);
  }
  return out + "\"";
}

/// Maps yaml-cpp marks (0-based) to what the user sees. A file: line and column + 1. A --set
/// argument: line = its ordinal among the --set arguments, column = 1-based position in
/// "KEY=VALUE" (the value's YAML starts at `column_base`).
struct Source {
  std::string file;
  int set_ordinal = 0;  ///< > 0 for a --set argument
  int column_base = 1;

  FileLoc at(const YAML::Mark& m) const {
    if (set_ordinal > 0)
      return {file, set_ordinal, m.is_null() || m.line != 0 ? column_base : column_base + m.column};
    if (m.is_null()) return {file, 0, 0};
    return {file, m.line + 1, m.column + 1};
  }
};

/// One problem, kept until all are found so they can be reported in file order.
struct Problem {
  Severity severity;
  FileLoc loc;
  std::string message;
};

int source_rank(const FileLoc& loc) {
  if (loc.file == kDefaultFile) return 0;
  if (loc.file == kSetFile) return 2;
  return 1;
}

class Problems {
 public:
  explicit Problems(Lang lang) : lang_(lang) {}
  Lang lang() const { return lang_; }
  template <typename... Args>
  std::string text(const Message& m, const Args&... args) const {
    return render(m, lang_, args...);
  }
  template <typename... Args>
  void error(const FileLoc& loc, const Message& m, const Args&... args) {
    error(loc, text(m, args...));
  }
  void error(const FileLoc& loc, std::string message) {
    items_.push_back({Severity::kError, loc, std::move(message)});
    ++errors_;
  }
  void warning(const FileLoc& loc, std::string message) {
    items_.push_back({Severity::kWarning, loc, std::move(message)});
  }
  std::size_t errors() const { return errors_; }
  /// Hands everything to the caller's Diagnostics: the default first, then the user's file,
  /// then the --set arguments, each by line and column.
  void flush(Diagnostics* diag) {
    std::stable_sort(items_.begin(), items_.end(), [](const Problem& a, const Problem& b) {
      return std::make_tuple(source_rank(a.loc), a.loc.line, a.loc.column) <
             std::make_tuple(source_rank(b.loc), b.loc.line, b.loc.column);
    });
    for (Problem& p : items_) {
      if (p.severity == Severity::kError)
        diag->error(p.loc, std::move(p.message));
      else
        diag->warning(p.loc, std::move(p.message));
    }
    items_.clear();
  }

 private:
  Lang lang_;
  std::vector<Problem> items_;
  std::size_t errors_ = 0;
};

/// Copies a yaml-cpp node into the located tree. Duplicate keys (which yaml-cpp accepts
/// silently, keeping the first) and keys that are not plain scalars are errors.
/// How far convert() has expanded the document: aliases make a small text a huge tree
/// ("billion laughs"), so depth and the count of values are bounded (util/limits.h).
struct Expansion {
  int depth = 0;
  int64_t nodes = 0;
  bool exceeded = false;
};

void convert(const YAML::Node& y, const Source& src, const std::string& path, Node* out,
             Problems* problems, Expansion* ex) {
  if (ex->exceeded) return;
  if (++ex->nodes > limits::kMaxYamlNodes || ex->depth >= limits::kMaxYamlDepth) {
    ex->exceeded = true;
    const YAML::Mark m = y.Mark();
    problems->error(
        m.is_null() ? out->loc : src.at(m),
        ex->nodes > limits::kMaxYamlNodes
            ? fmt::format("the configuration expands to more than {} values "
                          "(aliases of aliases?); a configuration has a few hundred",
                          limits::kMaxYamlNodes)
            : fmt::format("the configuration nests deeper than {} levels", limits::kMaxYamlDepth));
    return;
  }
  struct Level {
    int* d;
    explicit Level(int* d) : d(d) { ++*d; }
    ~Level() { --*d; }
  } level(&ex->depth);
  // An empty value is reported at its key: yaml-cpp marks it where the next token starts,
  // often on the following line.
  const YAML::Mark mark = y.Mark();
  if (!mark.is_null() && !y.IsNull()) out->loc = src.at(mark);
  switch (y.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      out->kind = Node::Kind::kNull;
      return;
    case YAML::NodeType::Scalar:
      out->kind = Node::Kind::kScalar;
      out->text = y.Scalar();
      return;
    case YAML::NodeType::Sequence:
      out->kind = Node::Kind::kList;
      for (const YAML::Node& item : y) {
        Node child;
        child.loc = out->loc;
        convert(item, src, path, &child, problems, ex);
        out->children.push_back(std::move(child));
      }
      return;
    case YAML::NodeType::Map:
      out->kind = Node::Kind::kMap;
      for (const auto& kv : y) {
        const FileLoc key_loc = kv.first.Mark().is_null() ? out->loc : src.at(kv.first.Mark());
        if (!kv.first.IsScalar()) {
          if (path.empty())
            problems->error(key_loc, msg::kCfgNotPlainKey);
          else
            problems->error(key_loc, msg::kCfgNotPlainKeyIn, path);
          continue;
        }
        const std::string key = kv.first.Scalar();
        if (const Node* first = out->find(key)) {
          const std::string first_at =
              first->key_loc.line == key_loc.line
                  ? problems->text(msg::kCfgAtColumn, first->key_loc.column)
                  : problems->text(msg::kCfgAtLine, first->key_loc.line);
          if (path.empty())
            problems->error(key_loc, msg::kCfgDuplicateKey, key, first_at);
          else
            problems->error(key_loc, msg::kCfgDuplicateKeyIn, key, path, first_at);
          continue;
        }
        Node child;
        child.key = key;
        child.key_loc = key_loc;
        child.loc = key_loc;
        convert(kv.second, src, join(path, key), &child, problems, ex);
        out->children.push_back(std::move(child));
      }
      return;
  }
}

/// Where a YAML document starts and where its first node is; no other event is kept.
class DocumentStart : public YAML::EventHandler {
 public:
  YAML::Mark start;
  YAML::Mark first_node = YAML::Mark::null_mark();

  void OnDocumentStart(const YAML::Mark& m) override { start = m; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { node(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { node(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    node(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    node(m);
  }
  void OnMapEnd() override {}

 private:
  void node(const YAML::Mark& m) {
    if (first_node.is_null()) first_node = m;
  }
};

/// Parses YAML text into the located tree; syntax errors at the mark of the problem.
bool parse_yaml(const std::string& text, const Source& src, Node* out, Problems* problems) {
  // YAML allows no C0 control character but tab and line breaks: refuse one at its line and
  // column. yaml-cpp 0.7 takes one into a key without a word (and the config fuzz target
  // found one that made its LoadAll loop, see below).
  YAML::Mark at;
  at.line = at.column = 0;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      problems->error(src.at(at), msg::kCfgControlChar, fmt::format("U+{:04X}", c));
      return false;
    }
    if (c == '\n')
      ++at.line, at.column = 0;
    else
      ++at.column;
    ++at.pos;
  }
  // A document whose first token is ',' (it made LoadAll loop, found by the config fuzz
  // target): said so at its place, which is clearer than the stray text the document count
  // below would report.
  bool at_start = true;
  YAML::Mark line_at;
  line_at.line = line_at.column = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t end = std::min(text.find('\n', i), text.size());
    const std::string_view line(text.data() + i, end - i);
    const std::size_t k = line.find_first_not_of(" \t\r");
    if (k != std::string_view::npos && line[k] != '#' && line[k] != '%') {
      if (k == 0 && line.substr(0, 3) == "---") {
        at_start = true;  // a document starts again on the next line
      } else if (at_start && line[k] == ',') {
        line_at.column = static_cast<int>(k);
        problems->error(src.at(line_at), msg::kCfgYamlSyntax, "a document cannot begin with ','");
        return false;
      } else {
        at_start = false;
      }
    }
    i = end + 1;
    ++line_at.line;
  }
  // yaml-cpp 0.7's LoadAll loops for ever when its parser stops advancing, handing out one
  // empty document after another at the same place (found by the config fuzz target; the
  // text was a plain scalar with a line of its own below it). The documents are therefore
  // counted here, two at most, and only a second one that starts with "---" is taken for
  // one: anything else there is text that does not belong to the document above.
  out->loc = src.at(YAML::Mark());  // the start of the text
  YAML::Node doc;
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentStart first;
    DocumentStart second;
    if (!parser.HandleNextDocument(first)) {
      out->kind = Node::Kind::kNull;
      return true;
    }
    if (parser.HandleNextDocument(second)) {
      const auto pos = static_cast<std::size_t>(std::max(second.start.pos, 0));
      if (pos < text.size() && text.compare(pos, 3, "---") == 0)
        problems->error(src.at(second.first_node.is_null() ? second.start : second.first_node),
                        msg::kCfgTwoDocuments);
      else
        problems->error(src.at(second.start), msg::kCfgStrayText);
      return false;
    }
    doc = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    FileLoc loc = src.at(e.mark);
    if (loc.line == 0 && src.set_ordinal == 0) loc.line = 1;
    problems->error(loc, msg::kCfgYamlSyntax, e.msg);
    return false;
  }
  Expansion ex;
  convert(doc, src, "", out, problems, &ex);
  return !ex.exceeded;
}

bool is_criterion_path(const std::string& path) {
  constexpr std::string_view kPrefix = "standards.criteria.";
  return path.size() > kPrefix.size() && path.compare(0, kPrefix.size(), kPrefix) == 0 &&
         path.find('.', kPrefix.size()) == std::string::npos;
}

/// Deep merge (SPEC §2): maps merge key by key, lists and scalars replace. An empty value over
/// a map changes nothing (a section whose keys are all commented out). Two exceptions replace
/// a map as a whole: `standards.criteria` when `replace_criteria` (a user file, or a --set of
/// the whole list), so a criterion can be dropped; and each criterion, so that setting
/// `above` on a criterion that had `below` flips it instead of giving it both.
void merge(Node* base, const Node& over, const std::string& path, bool replace_criteria) {
  if (over.kind == Node::Kind::kNull && base->kind == Node::Kind::kMap) return;
  const bool replace_whole =
      (replace_criteria && path == "standards.criteria") || is_criterion_path(path);
  if (over.kind == Node::Kind::kMap && base->kind == Node::Kind::kMap && !replace_whole) {
    base->loc = over.loc;  // a check of the map as a whole points at the latest writer
    for (const Node& child : over.children) {
      if (Node* b = base->find(child.key)) {
        merge(b, child, join(path, child.key), replace_criteria);
      } else {
        base->children.push_back(child);
      }
    }
    return;
  }
  const std::string key = base->key;
  const FileLoc key_loc = over.key_loc.file.empty() ? base->key_loc : over.key_loc;
  *base = over;
  base->key = key;
  base->key_loc = key_loc;
}

/// Applies one --set KEY=VALUE (the `ordinal`-th, 1-based) to the merged tree.
void apply_set(const std::string& arg, int ordinal, Node* root, Problems* problems) {
  const std::size_t eq = arg.find('=');
  if (eq == std::string::npos || arg.find_first_not_of(' ') >= eq) {
    problems->error({kSetFile, ordinal, 1}, msg::kCfgSetForm, quoted(arg));
    return;
  }
  // Split the key path on '.', remembering where each name starts.
  std::vector<std::pair<std::string, int>> names;
  std::size_t begin = 0;
  while (true) {
    const std::size_t dot = std::min(arg.find('.', begin), eq);
    // Spaces around a name ("design. townships = 4") are not part of it.
    std::size_t first = begin, last = dot;
    while (first < last && arg[first] == ' ') ++first;
    while (last > first && arg[last - 1] == ' ') --last;
    if (first == last) {
      problems->error({kSetFile, ordinal, static_cast<int>(begin) + 1}, msg::kCfgEmptyKeyName,
                      quoted(arg.substr(0, eq)));
      return;
    }
    names.emplace_back(arg.substr(first, last - first), static_cast<int>(first) + 1);
    if (dot == eq) break;
    begin = dot + 1;
  }
  const Source src{kSetFile, ordinal, static_cast<int>(eq) + 2};
  Node value;
  if (!parse_yaml(arg.substr(eq + 1), src, &value, problems)) return;
  std::string path;
  for (const auto& n : names) path = join(path, n.first);
  if (value.kind == Node::Kind::kNull) {
    problems->error(src.at(YAML::Mark()), msg::kCfgNoValue, path);
    return;
  }
  // Build {a: {b: value}} and merge it like a one-line user file.
  Node tree;
  tree.kind = Node::Kind::kMap;
  Node* cur = &tree;
  for (std::size_t i = 0; i < names.size(); ++i) {
    Node child = i + 1 == names.size() ? std::move(value) : Node{};
    if (i + 1 < names.size()) {
      child.kind = Node::Kind::kMap;
      child.loc = {kSetFile, ordinal, names[i].second};
    }
    child.key = names[i].first;
    child.key_loc = {kSetFile, ordinal, names[i].second};
    cur->children.push_back(std::move(child));
    cur = &cur->children.back();
  }
  merge(root, tree, "", /*replace_criteria=*/names.size() <= 2);
}

// ---------------------------------------------------------------------------------------------
// Checking.

std::string join_names(const std::vector<std::string_view>& names, std::string_view sep) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += sep;
    out += n;
  }
  return out;
}

std::string describe(const Node& n, Lang lang) {
  switch (n.kind) {
    case Node::Kind::kNull:
      return render(msg::kCfgNothing, lang);
    case Node::Kind::kScalar:
      return quoted(n.text);
    case Node::Kind::kList:
      return render(n.children.empty() ? msg::kCfgEmptyList : msg::kCfgList, lang);
    case Node::Kind::kMap:
      return render(msg::kCfgMap, lang);
  }
  return "";
}

/// Parses a whole number: digits with an optional sign, or a decimal/exponent form that is
/// exactly an integer ("1e5", "3.0"). Leading '+' is allowed as in YAML.
bool parse_whole(std::string_view s, int64_t* out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec == std::errc() && r.ptr == s.data() + s.size()) {
    *out = v;
    return true;
  }
  if (r.ec == std::errc::result_out_of_range) {
    *out = s[0] == '-' ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
    return true;
  }
  double d = 0;
  auto rd = std::from_chars(s.data(), s.data() + s.size(), d);
  if (rd.ec != std::errc() || rd.ptr != s.data() + s.size() || !std::isfinite(d) ||
      d != std::floor(d) || std::fabs(d) > 9e15)
    return false;
  *out = static_cast<int64_t>(d);
  return true;
}

/// Parses a finite decimal number (YAML's ".inf" and ".nan" are refused).
bool parse_number(std::string_view s, double* out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  double d = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(d)) return false;
  *out = d;
  return true;
}

/// A range for a number: lower and upper bound, each open or closed or absent.
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false, hi_open = false;
  bool contains(double v) const {
    return (lo_open ? v > lo : v >= lo) && (hi_open ? v < hi : v <= hi);
  }
  std::string text(Lang lang) const {
    if (std::isfinite(lo) && std::isfinite(hi))
      return render(msg::kCfgNumberIn, lang,
                    fmt::format("{}{},{}{}", lo_open ? '(' : '[', format_double(lo),
                                format_double(hi), hi_open ? ')' : ']'));
    if (std::isfinite(lo)) return render(msg::kCfgNumberAbove, lang, lo_open ? ">" : ">=", lo);
    return render(msg::kCfgNumber, lang);
  }
};
const Range kOpenUnit{0, 1, true, true};
const Range kClosedUnit{0, 1, false, false};
const Range kNonNegative{0, std::numeric_limits<double>::infinity(), false, false};
const Range kPositive{0, std::numeric_limits<double>::infinity(), true, false};

/// Walks the merged tree, checking every key and value and filling the Config.
class Checker {
 public:
  explicit Checker(Problems* problems) : problems_(problems) {}

  void run(const Node& root, Config* config) {
    if (!map(root, text(msg::kCfgTheConfiguration))) return;
    keys(root, "",
         {"county", "design", "standards", "evaluator", "simulation", "schedule", "import",
          "sensitivity"});
    if (const Node* n = section(root, "county")) county(*n, &config->county_name);
    if (const Node* n = section(root, "design")) design(*n, &config->design);
    if (const Node* n = section(root, "standards")) standards(*n, &config->standards);
    if (const Node* n = section(root, "evaluator")) evaluator(*n, &config->evaluator);
    if (const Node* n = section(root, "simulation")) simulation(*n, &config->simulation);
    if (const Node* n = section(root, "schedule")) schedule(*n, &config->schedule);
    if (const Node* n = section(root, "import")) import(*n, &config->import);
    if (const Node* n = section(root, "sensitivity")) sensitivity(*n, &config->sensitivity);
  }

 private:
  void error(const FileLoc& loc, std::string message) { problems_->error(loc, std::move(message)); }
  template <typename... Args>
  void error(const FileLoc& loc, const Message& m, const Args&... args) {
    problems_->error(loc, m, args...);
  }
  template <typename... Args>
  std::string text(const Message& m, const Args&... args) const {
    return problems_->text(m, args...);
  }
  std::string describe(const Node& n) const { return ::kaoping::describe(n, problems_->lang()); }

  /// Reports "<path> must be <want>, got <what>" at the value.
  void wrong(const Node& n, const std::string& path, const std::string& want) {
    error(n.loc, msg::kCfgMustBe, path, want, describe(n));
  }

  bool map(const Node& n, const std::string& name) {
    if (n.kind == Node::Kind::kMap) return true;
    error(n.loc, msg::kCfgMustBeMap, name, describe(n));
    return false;
  }

  /// The child map `key` of `parent` (reported when it is not a map).
  const Node* section(const Node& parent, const std::string& key, const std::string& path = "") {
    const Node* n = parent.find(key);
    if (n == nullptr) return nullptr;
    const std::string full = join(path, key);
    return map(*n, full) ? n : nullptr;
  }

  /// Every key of `n` must be one of `allowed`; others are reported with a suggestion.
  void keys(const Node& n, const std::string& path, const std::vector<std::string_view>& allowed) {
    for (const Node& c : n.children)
      if (std::find(allowed.begin(), allowed.end(), c.key) == allowed.end())
        unknown_key(c, path, allowed);
  }
  void unknown_key(const Node& c, const std::string& path,
                   const std::vector<std::string_view>& allowed) {
    std::string message =
        path.empty() ? text(msg::kCfgUnknownTopKey, c.key) : text(msg::kCfgUnknownKey, c.key, path);
    const std::string hint = did_you_mean(c.key, allowed);
    const std::size_t dot = c.key.find('.');
    if (!hint.empty())
      message += text(msg::kCfgDidYouMean, hint);
    else if (dot != std::string::npos && dot > 0)
      // "design.townships: 4" in a file: the dotted form is for --set only.
      message += text(msg::kCfgNestKeys, c.key.substr(0, dot), c.key.substr(dot + 1));
    else
      message += text(msg::kCfgExpectedOneOf, join_names(allowed, ", "));
    error(c.key_loc, std::move(message));
  }

  /// A whole number in [lo, hi]; false (and reported) otherwise.
  bool whole(const Node& n, const std::string& path, int64_t lo, int64_t hi, int64_t* out) {
    int64_t v = 0;
    const bool parsed = n.kind == Node::Kind::kScalar && parse_whole(n.text, &v);
    if (parsed && v >= lo && v <= hi) {
      *out = v;
      return true;
    }
    if (parsed && v > hi)
      wrong(n, path, text(msg::kCfgWholeFromTo, lo, hi));
    else
      wrong(n, path, text(msg::kCfgWholeAtLeast, lo));
    return false;
  }
  template <typename T>
  void whole_at(const Node& parent, const std::string& path, const std::string& key, int64_t lo,
                T* out, int64_t hi = std::numeric_limits<T>::max()) {
    const Node* n = parent.find(key);
    int64_t v = 0;
    if (n != nullptr &&
        whole(*n, join(path, key), lo, std::min<int64_t>(hi, std::numeric_limits<T>::max()), &v))
      *out = static_cast<T>(v);
  }

  bool number(const Node& n, const std::string& path, const Range& range, double* out) {
    double v = 0;
    if (n.kind == Node::Kind::kScalar && parse_number(n.text, &v) && range.contains(v)) {
      *out = v;
      return true;
    }
    wrong(n, path, range.text(problems_->lang()));
    return false;
  }
  void number_at(const Node& parent, const std::string& path, const std::string& key,
                 const Range& range, double* out) {
    if (const Node* n = parent.find(key)) number(*n, join(path, key), range, out);
  }

  /// One of `names`; returns its index or -1 (reported, with a suggestion when close).
  int choice(const Node& n, const std::string& path, const std::vector<std::string_view>& names) {
    if (n.kind == Node::Kind::kScalar) {
      for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == n.text) return static_cast<int>(i);
    }
    std::string message = text(msg::kCfgMustBeOneOf, path, join_names(names, "|"), describe(n));
    if (n.kind == Node::Kind::kScalar) {
      const std::string hint = did_you_mean(n.text, names);
      if (!hint.empty()) message += text(msg::kCfgDidYouMean, hint);
    }
    error(n.loc, std::move(message));
    return -1;
  }
  template <typename E>
  void choice_at(const Node& parent, const std::string& path, const std::string& key,
                 const std::vector<std::string_view>& names, E* out) {
    const Node* n = parent.find(key);
    if (n == nullptr) return;
    const int i = choice(*n, join(path, key), names);
    if (i >= 0) *out = static_cast<E>(i);
  }

  bool date(const Node& n, const std::string& path, Date* out) {
    if (n.kind == Node::Kind::kScalar && parse_date(n.text, out)) return true;
    wrong(n, path, text(msg::kCfgDate));
    return false;
  }

  /// A list of exactly two items (a [start, end] pair); null when it is not.
  const Node* pair(const Node& n, const std::string& path, const std::string& what) {
    if (n.kind == Node::Kind::kList && n.children.size() == 2) return &n;
    if (n.kind == Node::Kind::kList && !n.children.empty())
      error(n.loc, msg::kCfgPairCount, path, what, n.children.size());
    else
      wrong(n, path, text(msg::kCfgPair, what));
    return nullptr;
  }

  bool clock_pair(const Node& parent, const std::string& key, int* start, int* end) {
    const Node* n = parent.find(key);
    if (n == nullptr) return false;
    const std::string path = join("schedule", key);
    if (pair(*n, path, text(msg::kCfgTimes)) == nullptr) return false;
    bool ok = true;
    int* outs[2] = {start, end};
    for (int i = 0; i < 2; ++i) {
      const Node& item = n->children[i];
      int minutes = 0;
      if (item.kind == Node::Kind::kScalar && parse_clock(item.text, &minutes)) {
        *outs[i] = minutes;
      } else {
        wrong(item, text(i == 0 ? msg::kCfgStartOf : msg::kCfgEndOf, path), text(msg::kCfgTime));
        ok = false;
      }
    }
    return ok;
  }

  /// Of two places involved in a cross-check, the one the user wrote (not the default), so
  /// that "start is outside the window" points at what was changed.
  static const FileLoc& blame(const FileLoc& preferred, const FileLoc& other) {
    if (source_rank(preferred) == 0 && source_rank(other) > 0) return other;
    return preferred;
  }

  void design(const Node& s, DesignConfig* d) {
    const std::string p = "design";
    keys(s, p,
         {"townships", "township_selection", "tiers", "tier_method", "tier_weights",
          "households_per_village", "household_quota", "villages_per_tier"});
    whole_at(s, p, "townships", 1, &d->townships, limits::kMaxTownships);
    choice_at(s, p, "township_selection", {"srs", "pps"}, &d->township_selection);
    if (const Node* n = s.find("tiers")) {
      const std::string path = "design.tiers";
      if (n->kind != Node::Kind::kList || n->children.empty()) {
        wrong(*n, path, text(msg::kCfgTiers));
      } else {
        std::vector<Tier> tiers;
        bool ok = true;
        for (const Node& item : n->children) {
          const int t = choice(item, text(msg::kCfgEachTier), {"good", "medium", "poor"});
          if (t < 0) {
            ok = false;
          } else if (std::find(tiers.begin(), tiers.end(), static_cast<Tier>(t)) != tiers.end()) {
            error(item.loc, msg::kCfgTierTwice, item.text);
            ok = false;
          } else {
            tiers.push_back(static_cast<Tier>(t));
          }
        }
        if (ok) d->tiers = tiers;
      }
    }
    choice_at(s, p, "tier_method", {"composite", "pca", "label"}, &d->tier_method);
    if (const Node* w = section(s, "tier_weights", p)) {
      const std::string wp = "design.tier_weights";
      keys(*w, wp, {"natural", "transport", "economic"});
      number_at(*w, wp, "natural", kNonNegative, &d->weight_natural);
      number_at(*w, wp, "transport", kNonNegative, &d->weight_transport);
      number_at(*w, wp, "economic", kNonNegative, &d->weight_economic);
      if (d->weight_natural + d->weight_transport + d->weight_economic == 0)
        error(w->loc, msg::kCfgWeights);
    }
    whole_at(s, p, "households_per_village", 1, &d->households_per_village,
             limits::kMaxHouseholdsPerVillage);
    if (const Node* q = section(s, "household_quota", p)) {
      const std::string qp = "design.household_quota";
      keys(*q, qp, {"poor", "exited", "non_registered"});
      for (int c = 0; c < kCategoryCount; ++c)
        whole_at(*q, qp, std::string(to_string(static_cast<Category>(c))), 0, &d->quota[c],
                 limits::kMaxHouseholdsPerVillage);
    }
    if (const Node* q = section(s, "villages_per_tier", p)) {
      const std::string qp = "design.villages_per_tier";
      keys(*q, qp, {"good", "medium", "poor"});
      for (int t = 0; t < kTierCount; ++t)
        whole_at(*q, qp, std::string(to_string(static_cast<Tier>(t))), 1, &d->villages_per_tier[t]);
    }
  }

  void standards(const Node& s, StandardsConfig* st) {
    const std::string p = "standards";
    keys(s, p,
         {"assess_year", "poverty_line", "rate_basis", "identification",
          "mis_inclusion_income_multiple", "income_tolerance", "criteria"});
    const Node* year_node = s.find("assess_year");
    bool year_ok = false;
    if (year_node != nullptr) {
      int64_t y = 0;
      year_ok = whole(*year_node, "standards.assess_year", 1900, 2100, &y);
      if (year_ok) st->assess_year = static_cast<int>(y);
    }
    const Node* lines = section(s, "poverty_line", p);
    if (lines != nullptr) {
      std::map<int, double> parsed;
      bool ok = true;
      for (const Node& c : lines->children) {
        int64_t y = 0;
        if (!parse_whole(c.key, &y) || y < 1900 || y > 2100) {
          error(c.key_loc, msg::kCfgLineYears, quoted(c.key));
          ok = false;
          continue;
        }
        if (parsed.count(static_cast<int>(y))) {  // "2017" and "2017.0" are one year
          error(c.key_loc, msg::kCfgLineTwice, y);
          ok = false;
          continue;
        }
        double v = 0;
        if (number(c, fmt::format("standards.poverty_line.{}", c.key), kPositive, &v))
          parsed[static_cast<int>(y)] = v;
        else
          ok = false;
      }
      if (ok) {
        st->poverty_line = parsed;
        if (year_ok && !parsed.count(st->assess_year))
          error(blame(year_node->loc, lines->loc), msg::kCfgNoLine, st->assess_year);
      }
    }
    choice_at(s, p, "rate_basis", {"person", "household"}, &st->rate_basis);
    choice_at(s, p, "identification", {"income", "income_or_guarantees"}, &st->identification);
    number_at(s, p, "mis_inclusion_income_multiple", Range{1, INFINITY, false, false},
              &st->mis_inclusion_income_multiple);
    number_at(s, p, "income_tolerance", kNonNegative, &st->income_tolerance);
    if (const Node* c = s.find("criteria")) criteria(*c, st);
  }

  void criteria(const Node& n, StandardsConfig* st) {
    const std::string p = "standards.criteria";
    if (n.kind != Node::Kind::kMap) {
      wrong(n, p, text(msg::kCfgCriteriaMap));
      return;
    }
    if (n.children.empty()) problems_->warning(n.loc, text(msg::kCfgCriteriaEmpty));
    std::vector<std::string_view> rates;
    for (int k = 0; k < kRateCount; ++k) rates.push_back(to_string(static_cast<Rate>(k)));
    st->criteria.clear();
    for (const Node& c : n.children) {
      const std::optional<Rate> rate = parse_rate(c.key);
      if (!rate) {
        unknown_key(c, p, rates);
        continue;
      }
      const std::string cp = join(p, c.key);
      if (c.kind != Node::Kind::kMap) {
        wrong(c, cp, text(msg::kCfgBelowAbove));
        continue;
      }
      keys(c, cp, {"below", "above"});
      const Node* below = c.find("below");
      const Node* above = c.find("above");
      if ((below == nullptr) == (above == nullptr)) {
        error(c.loc, msg::kCfgExactlyOne, cp);
        continue;
      }
      Criterion crit;
      crit.rate = *rate;
      crit.below = below != nullptr;
      const Node& t = below != nullptr ? *below : *above;
      if (number(t, join(cp, t.key), kOpenUnit, &crit.threshold)) st->criteria.push_back(crit);
    }
  }

  void evaluator(const Node& s, EvaluatorConfig* e) {
    const std::string p = "evaluator";
    keys(s, p, {"income_noise", "presence", "satisfaction", "unverified_fault"});
    number_at(s, p, "income_noise", kNonNegative, &e->income_noise);
    number_at(s, p, "presence", kClosedUnit, &e->presence);
    for (const auto& [key, values] : {std::pair{"satisfaction", e->satisfaction},
                                      std::pair{"unverified_fault", e->unverified_fault}}) {
      const Node* by_status = section(s, key, p);
      if (!by_status) continue;
      const std::string sp = join(p, key);
      keys(*by_status, sp, {"poor", "planned_exit", "exited", "non_registered"});
      for (int i = 0; i < kStatusCount; ++i)
        number_at(*by_status, sp, std::string(to_string(static_cast<Status>(i))), kClosedUnit,
                  &values[i]);
    }
  }

  void simulation(const Node& s, SimulationConfig* sim) {
    const std::string p = "simulation";
    keys(s, p, {"runs", "seed", "threads", "target_halfwidth"});
    whole_at(s, p, "runs", 1, &sim->runs, limits::kMaxRuns);
    if (const Node* n = s.find("seed")) {
      // The full unsigned 64-bit range, parsed as digits (a double would lose the low bits).
      std::string_view text = n->text;
      if (!text.empty() && text[0] == '+') text.remove_prefix(1);
      uint64_t v = 0;
      auto r = std::from_chars(text.data(), text.data() + text.size(), v);
      const bool digits = !text.empty() && std::all_of(text.begin(), text.end(),
                                                       [](char c) { return c >= '0' && c <= '9'; });
      if (n->kind == Node::Kind::kScalar && digits && r.ec == std::errc())
        sim->seed = v;
      else
        wrong(*n, "simulation.seed", this->text(msg::kCfgSeed));
    }
    // Threads beyond a few per core only wait for each other (util/limits.h).
    whole_at(s, p, "threads", 0, &sim->threads, limits::max_threads());
    number_at(s, p, "target_halfwidth", kNonNegative, &sim->target_halfwidth);
  }

  /// A [low, high] pair of numbers in `range`, low <= high.
  void range_at(const Node& parent, const std::string& path, const std::string& key,
                const Range& range, std::array<double, 2>* out) {
    const Node* n = parent.find(key);
    const std::string kp = join(path, key);
    if (n == nullptr || pair(*n, kp, "numbers") == nullptr) return;
    double lo = 0, hi = 0;
    const bool lo_ok = number(n->children[0], "the low end of " + kp, range, &lo);
    const bool hi_ok = number(n->children[1], "the high end of " + kp, range, &hi);
    if (!lo_ok || !hi_ok) return;
    if (hi < lo) {
      error(n->loc, fmt::format("{} is [low, high], got a low end {} above the high end {}", kp,
                                format_double(lo), format_double(hi)));
      return;
    }
    *out = {lo, hi};
  }

  void sensitivity(const Node& s, SensitivityConfig* se) {
    const std::string p = "sensitivity";
    keys(s, p, {"income_noise", "presence", "satisfaction_shift", "unverified_fault_factor"});
    range_at(s, p, "income_noise", kNonNegative, &se->income_noise);
    range_at(s, p, "presence", kClosedUnit, &se->presence);
    range_at(s, p, "satisfaction_shift", Range{-1, 1, false, false}, &se->satisfaction_shift);
    range_at(s, p, "unverified_fault_factor", kNonNegative, &se->unverified_fault_factor);
  }

  void schedule(const Node& s, ScheduleConfig* sc) {
    const std::string p = "schedule";
    keys(s, p,
         {"window", "teams", "day", "lunch", "visit_minutes", "start", "enumerators_per_team",
          "guides_per_village", "walk_minutes"});
    const Node* window = s.find("window");
    bool window_ok = false;
    if (window != nullptr && pair(*window, "schedule.window", text(msg::kCfgDates)) != nullptr) {
      Date a, b;
      const bool a_ok = date(window->children[0], text(msg::kCfgStartOf, "schedule.window"), &a);
      const bool b_ok = date(window->children[1], text(msg::kCfgEndOf, "schedule.window"), &b);
      if (a_ok && b_ok) {
        if (b < a) {
          error(window->loc, msg::kCfgWindowOrder, a.str(), b.str());
        } else {
          sc->window_start = a, sc->window_end = b;
          window_ok = true;
        }
      }
    }
    whole_at(s, p, "teams", 1, &sc->teams, limits::kMaxTeams);
    int day_start = 0, day_end = 0, lunch_start = 0, lunch_end = 0;
    const bool day_ok = clock_pair(s, "day", &day_start, &day_end);
    const bool lunch_ok = clock_pair(s, "lunch", &lunch_start, &lunch_end);
    if (day_ok && lunch_ok) {
      if (day_start < lunch_start && lunch_start < lunch_end && lunch_end < day_end) {
        sc->day_start = day_start, sc->day_end = day_end;
        sc->lunch_start = lunch_start, sc->lunch_end = lunch_end;
      } else {
        const Node* day = s.find("day");
        const Node* lunch = s.find("lunch");
        error(blame(lunch->loc, day->loc), msg::kCfgDayOrder, day->children[0].text,
              day->children[1].text, lunch->children[0].text, lunch->children[1].text);
      }
    }
    whole_at(s, p, "visit_minutes", 1, &sc->visit_minutes, limits::kMaxVisitMinutes);
    if (const Node* n = s.find("start")) {
      Date d;
      if (date(*n, "schedule.start", &d)) {
        const bool outside = window_ok && (d < sc->window_start || sc->window_end < d);
        if (outside && source_rank(n->loc) == 0) {
          // The user moved the window but left the arrival day at its default: the evaluators
          // arrive on the window's first day, as in the default.
          sc->start = sc->window_start;
        } else if (outside) {
          error(n->loc, msg::kCfgStartOutside, d.str(), sc->window_start.str(),
                sc->window_end.str());
        } else {
          sc->start = d;
        }
      }
    }
    whole_at(s, p, "enumerators_per_team", 1, &sc->enumerators_per_team,
             limits::kMaxEnumeratorsPerTeam);
    whole_at(s, p, "guides_per_village", 1, &sc->guides_per_village, limits::kMaxGuidesPerVillage);
    whole_at(s, p, "walk_minutes", 0, &sc->walk_minutes, limits::kMaxVisitMinutes);
  }

  void county(const Node& s, std::string* name) {
    keys(s, "county", {"name"});
    if (const Node* n = s.find("name")) {
      if (n->kind == Node::Kind::kScalar || n->kind == Node::Kind::kNull)
        *name = n->text;
      else
        wrong(*n, "county.name", "a name (text)");
    }
  }

  void import(const Node& s, ImportConfig* ic) {
    keys(s, "import", {"registered_verified"});
    if (const Node* n = s.find("registered_verified")) {
      if (n->kind == Node::Kind::kScalar && (n->text == "true" || n->text == "false"))
        ic->registered_verified = n->text == "true";
      else
        wrong(*n, "import.registered_verified", text(msg::kCfgTrueFalse));
    }
  }

  Problems* problems_;
};

// ---------------------------------------------------------------------------------------------
// The resolved configuration as YAML.

std::string resolved_yaml(const Config& c) {
  auto num = [](double v) { return format_double(v); };
  auto clock = [](int minutes) { return fmt::format("{:02d}:{:02d}", minutes / 60, minutes % 60); };
  YAML::Emitter e;
  e << YAML::BeginMap;
  e << YAML::Key << "county" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "name" << YAML::Value << YAML::DoubleQuoted << c.county_name << YAML::EndMap;
  e << YAML::Key << "design" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "townships" << YAML::Value << c.design.townships;
  e << YAML::Key << "township_selection" << YAML::Value
    << (c.design.township_selection == TownshipSelection::kSrs ? "srs" : "pps");
  e << YAML::Key << "tiers" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (Tier t : c.design.tiers) e << std::string(to_string(t));
  e << YAML::EndSeq;
  static constexpr const char* kTierMethods[] = {"composite", "pca", "label"};
  e << YAML::Key << "tier_method" << YAML::Value
    << kTierMethods[static_cast<int>(c.design.tier_method)];
  e << YAML::Key << "tier_weights" << YAML::Value << YAML::Flow << YAML::BeginMap;
  e << YAML::Key << "natural" << YAML::Value << num(c.design.weight_natural);
  e << YAML::Key << "transport" << YAML::Value << num(c.design.weight_transport);
  e << YAML::Key << "economic" << YAML::Value << num(c.design.weight_economic);
  e << YAML::EndMap;
  e << YAML::Key << "households_per_village" << YAML::Value << c.design.households_per_village;
  e << YAML::Key << "household_quota" << YAML::Value << YAML::Flow << YAML::BeginMap;
  for (int i = 0; i < kCategoryCount; ++i)
    e << YAML::Key << std::string(to_string(static_cast<Category>(i))) << YAML::Value
      << c.design.quota[i];
  e << YAML::EndMap;
  e << YAML::Key << "villages_per_tier" << YAML::Value << YAML::Flow << YAML::BeginMap;
  for (int i = 0; i < kTierCount; ++i)
    e << YAML::Key << std::string(to_string(static_cast<Tier>(i))) << YAML::Value
      << c.design.villages_per_tier[i];
  e << YAML::EndMap << YAML::EndMap;

  e << YAML::Key << "standards" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "assess_year" << YAML::Value << c.standards.assess_year;
  e << YAML::Key << "poverty_line" << YAML::Value << YAML::Flow << YAML::BeginMap;
  for (const auto& [year, line] : c.standards.poverty_line)
    e << YAML::Key << year << YAML::Value << num(line);
  e << YAML::EndMap;
  e << YAML::Key << "rate_basis" << YAML::Value
    << (c.standards.rate_basis == RateBasis::kPerson ? "person" : "household");
  e << YAML::Key << "identification" << YAML::Value
    << (c.standards.identification == Identification::kIncome ? "income" : "income_or_guarantees");
  e << YAML::Key << "mis_inclusion_income_multiple" << YAML::Value
    << num(c.standards.mis_inclusion_income_multiple);
  e << YAML::Key << "income_tolerance" << YAML::Value << num(c.standards.income_tolerance);
  e << YAML::Key << "criteria" << YAML::Value << YAML::BeginMap;
  for (const Criterion& cr : c.standards.criteria) {
    e << YAML::Key << std::string(to_string(cr.rate)) << YAML::Value << YAML::Flow << YAML::BeginMap
      << YAML::Key << (cr.below ? "below" : "above") << YAML::Value << num(cr.threshold)
      << YAML::EndMap;
  }
  e << YAML::EndMap << YAML::EndMap;

  e << YAML::Key << "evaluator" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "income_noise" << YAML::Value << num(c.evaluator.income_noise);
  e << YAML::Key << "presence" << YAML::Value << num(c.evaluator.presence);
  for (const auto& [key, values] : {std::pair{"satisfaction", c.evaluator.satisfaction},
                                    std::pair{"unverified_fault", c.evaluator.unverified_fault}}) {
    e << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginMap;
    for (int i = 0; i < kStatusCount; ++i)
      e << YAML::Key << std::string(to_string(static_cast<Status>(i))) << YAML::Value
        << num(values[i]);
    e << YAML::EndMap;
  }
  e << YAML::EndMap;

  e << YAML::Key << "simulation" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "runs" << YAML::Value << c.simulation.runs;
  e << YAML::Key << "seed" << YAML::Value << c.simulation.seed;
  e << YAML::Key << "threads" << YAML::Value << c.simulation.threads;
  e << YAML::Key << "target_halfwidth" << YAML::Value << num(c.simulation.target_halfwidth);
  e << YAML::EndMap;

  e << YAML::Key << "sensitivity" << YAML::Value << YAML::BeginMap;
  for (const auto& [key, range] :
       {std::pair{"income_noise", c.sensitivity.income_noise},
        std::pair{"presence", c.sensitivity.presence},
        std::pair{"satisfaction_shift", c.sensitivity.satisfaction_shift},
        std::pair{"unverified_fault_factor", c.sensitivity.unverified_fault_factor}})
    e << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq << num(range[0])
      << num(range[1]) << YAML::EndSeq;
  e << YAML::EndMap;

  const ScheduleConfig& s = c.schedule;
  e << YAML::Key << "schedule" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "window" << YAML::Value << YAML::Flow << YAML::BeginSeq << s.window_start.str()
    << s.window_end.str() << YAML::EndSeq;
  e << YAML::Key << "teams" << YAML::Value << s.teams;
  e << YAML::Key << "day" << YAML::Value << YAML::Flow << YAML::BeginSeq << YAML::DoubleQuoted
    << clock(s.day_start) << YAML::DoubleQuoted << clock(s.day_end) << YAML::EndSeq;
  e << YAML::Key << "lunch" << YAML::Value << YAML::Flow << YAML::BeginSeq << YAML::DoubleQuoted
    << clock(s.lunch_start) << YAML::DoubleQuoted << clock(s.lunch_end) << YAML::EndSeq;
  e << YAML::Key << "visit_minutes" << YAML::Value << s.visit_minutes;
  e << YAML::Key << "start" << YAML::Value << s.start.str();
  e << YAML::Key << "enumerators_per_team" << YAML::Value << s.enumerators_per_team;
  e << YAML::Key << "guides_per_village" << YAML::Value << s.guides_per_village;
  e << YAML::Key << "walk_minutes" << YAML::Value << s.walk_minutes;
  e << YAML::EndMap;
  e << YAML::Key << "import" << YAML::Value << YAML::BeginMap;
  e << YAML::Key << "registered_verified" << YAML::Value << c.import.registered_verified;
  e << YAML::EndMap << YAML::EndMap;
  return std::string(e.c_str()) + "\n";
}

/// Reads the user's file, with a message that says why when it cannot.
bool read_user_file(const std::string& path, const std::string& shown, std::string* text,
                    Problems* problems) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    problems->error({shown, 0, 0}, msg::kCfgFileIsDir);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems->error({shown, 0, 0}, msg::kCfgFileCannotRead, std::strerror(errno));
    return false;
  }
  // Read in chunks up to a cap: a pipe (--config <(...)) is fine, /dev/zero must not hang.
  constexpr std::size_t kMaxBytes = std::size_t{16} << 20;
  text->clear();
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text->append(buf, static_cast<std::size_t>(in.gcount()));
    if (text->size() > kMaxBytes) {
      problems->error({shown, 0, 0}, msg::kCfgFileTooLarge);
      return false;
    }
  }
  if (in.bad()) {
    problems->error({shown, 0, 0}, msg::kCfgFileReadError);
    return false;
  }
  const std::string_view t = *text;
  if (t.substr(0, 2) == "\xff\xfe" || t.substr(0, 2) == "\xfe\xff") {
    problems->error({shown, 0, 0}, msg::kCfgFileUtf16);
    return false;
  }
  if (t.find('\0') != std::string_view::npos) {
    problems->error({shown, 0, 0}, msg::kCfgFileNul);
    return false;
  }
  int line = 1, column = 1;
  if (!valid_utf8(t, &line, &column)) {
    // Editors on Chinese Windows often save as GBK; the bytes would reach messages as mojibake.
    problems->error({shown, line, column}, msg::kCfgFileNotUtf8, shown);
    return false;
  }
  return true;
}

/// Records where the user wrote each value (the default's own places are left out: a
/// message about a built-in value names no file). Keys are dotted paths; list items get
/// their parent's path.
void collect_locations(const Node& n, const std::string& path, KeyLocations* out) {
  if (!path.empty() && source_rank(n.loc) > 0) out->set(path, n.loc);
  for (const Node& c : n.children)
    collect_locations(c, c.key.empty() ? path : join(path, c.key), out);
}

}  // namespace

bool load_config(const std::string& user_file, const std::vector<std::string>& overrides,
                 Config* out, Diagnostics* diag) {
  Problems problems(diag->lang());
  Node root;
  parse_yaml(default_config_yaml(), Source{kDefaultFile}, &root, &problems);

  if (!user_file.empty()) {
    // Places are told apart by file name; a user file given as "configs/default.yaml" (an
    // edited copy of the default) must still count as the user's.
    const std::string shown = user_file == kDefaultFile ? "./" + user_file : user_file;
    std::string text;
    Node user;
    if (read_user_file(user_file, shown, &text, &problems) &&
        parse_yaml(text, Source{shown}, &user, &problems)) {
      if (user.kind == Node::Kind::kMap) {
        merge(&root, user, "", /*replace_criteria=*/true);
      } else if (user.kind != Node::Kind::kNull) {  // an empty file changes nothing
        problems.error(user.loc, msg::kCfgNotSections, describe(user, problems.lang()));
      }
    }
  }
  for (std::size_t i = 0; i < overrides.size(); ++i)
    apply_set(overrides[i], static_cast<int>(i) + 1, &root, &problems);

  Config config;
  Checker(&problems).run(root, &config);
  const bool ok = problems.errors() == 0;
  problems.flush(diag);
  if (!ok) return false;
  config.resolved_yaml = resolved_yaml(config);
  KeyLocations locs;
  collect_locations(root, "", &locs);
  config.design.locs = locs.section("design");
  config.standards.locs = locs.section("standards");
  config.evaluator.locs = locs.section("evaluator");
  config.simulation.locs = locs.section("simulation");
  config.schedule.locs = locs.section("schedule");
  config.import.locs = locs.section("import");
  config.sensitivity.locs = locs.section("sensitivity");
  *out = std::move(config);
  return true;
}

}  // namespace kaoping
