#include "import/mapping.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "import/messages.h"
#include "util/files.h"
#include "util/limits.h"
#include "util/text.h"

namespace kaoping {
namespace {

/// yaml-cpp's marks are 0-based; messages are 1-based.
FileLoc at(const std::string& file, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  return m.is_null() ? FileLoc(file) : FileLoc(file, m.line + 1, m.column + 1);
}

/// "a, b or c" (in Chinese "a、b、c").
std::string join(const std::vector<std::string>& items, Lang lang) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0                  ? std::string()
            : i + 1 == items.size() ? render(msg::kListOrCode, lang)
                                    : render(msg::kListComma, lang)) +
           items[i];
  return out;
}

/// The field of a key, or an error with a suggestion.
std::optional<Field> key_field(const std::string& file, const YAML::Node& key, Diagnostics* diag) {
  const std::string name = key.Scalar();
  if (auto f = field_by_name(name)) return f;
  const std::string hint = did_you_mean(name, field_names());
  if (hint.empty())
    diag->error(at(file, key), msg::kMapUnknownField, name);
  else
    diag->error(at(file, key), msg::kMapUnknownFieldHint, name, hint);
  return std::nullopt;
}

}  // namespace

bool load_mapping(const std::string& path, Mapping* out, Diagnostics* diag) {
  out->file = path;
  std::string text, err;
  if (!read_file(path, &text, &err, limits::max_side_file_bytes(), diag->lang())) {
    diag->error(FileLoc(path), err);
    return false;
  }
  int line = 1, column = 1;
  if (!valid_utf8(text, &line, &column)) {
    diag->error(FileLoc(path, line, column), msg::kMapNotUtf8);
    return false;
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    diag->error(FileLoc(path, e.mark.line + 1, e.mark.column + 1), msg::kMapNotYaml, e.msg);
    return false;
  }
  if (root.IsNull()) return true;
  if (!root.IsMap()) {
    diag->error(at(path, root), msg::kMapNotMap);
    return false;
  }
  const std::size_t errors = diag->error_count();
  for (const auto& section : root) {
    const std::string name = section.first.Scalar();
    const YAML::Node& body = section.second;
    if (name != "columns" && name != "values") {
      const std::string hint = did_you_mean(name, {"columns", "values"});
      if (hint.empty())
        diag->error(at(path, section.first), msg::kMapUnknownKey, name);
      else
        diag->error(at(path, section.first), msg::kMapUnknownKeyHint, name, hint);
      continue;
    }
    if (body.IsNull()) continue;
    if (!body.IsMap()) {
      diag->error(at(path, body), msg::kMapSectionNotMap, name);
      continue;
    }
    for (const auto& entry : body) {
      const std::optional<Field> f = key_field(path, entry.first, diag);
      if (!f) continue;
      const YAML::Node& v = entry.second;
      if (name == "columns") {
        std::vector<YAML::Node> items;
        if (v.IsScalar()) {
          items.push_back(v);
        } else if (v.IsSequence()) {
          for (const auto& item : v) items.push_back(item);
        }
        if (items.empty() && !v.IsSequence()) {
          diag->error(at(path, v), msg::kMapColumnsValue, entry.first.Scalar());
          continue;
        }
        for (const YAML::Node& item : items) {
          if (!item.IsScalar() || item.Scalar().empty()) {
            diag->error(at(path, item), msg::kMapHeaderText);
            continue;
          }
          out->headers[*f].push_back(normalize_text(item.Scalar()));
          out->headers_as_written[std::string(field_name(*f))].push_back(item.Scalar());
        }
      } else {
        if (!v.IsMap()) {
          diag->error(at(path, v), msg::kMapValuesNotMap, entry.first.Scalar());
          continue;
        }
        const std::vector<std::string> codes = allowed_codes(*f);
        const bool open = *f == Field::kEthnicity || *f == Field::kLanguages;
        if (codes.empty() && !open) {
          diag->error(at(path, entry.first), msg::kMapNoTable, entry.first.Scalar());
          continue;
        }
        for (const auto& pair : v) {
          const std::string code = pair.second.IsScalar() ? pair.second.Scalar() : "";
          bool ok = std::find(codes.begin(), codes.end(), code) != codes.end();
          if (open) ok = language_code(code).has_value() && language_code(code) == code;
          if (!ok) {
            if (open)
              diag->error(at(path, pair.second), msg::kMapBadLanguageCode, entry.first.Scalar(),
                          code, field_name(*f));
            else
              diag->error(at(path, pair.second), msg::kMapBadCode, entry.first.Scalar(), code,
                          field_name(*f), join(codes, diag->lang()));
            continue;
          }
          out->values[*f][normalize_text(pair.first.Scalar())] = code;
        }
      }
    }
  }
  return diag->error_count() == errors;
}

}  // namespace kaoping
