// A county (registry/generate.h, or any registry) exported as the office would get it: the
// national system's person rows with Chinese headers and title rows, in one file per group of
// townships; the households outside the registry as a person-row roster workbook and a
// household-row roster CSV; a verification sheet of every verified household, a villages
// sheet and a staff sheet. Used by the round-trip test (tests/import/roundtrip_test.cpp) and
// by the county-scale benchmark (bench/make_exports.cpp), which write these rows with
// libxlsxwriter.
#pragma once

#include <iconv.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "registry/registry.h"

namespace kaoping::county_export {

/// A cell to write: nothing, text, a number, a date (YYYY-MM-DD with a date format), a
/// boolean, or a formula with its cached number.
struct X {
  enum Kind { kNone, kText, kNumber, kDate, kBool, kFormula } kind = kNone;
  std::string text;
  double number = 0;
  X() = default;
  X(const char* s) : kind(kText), text(s) {}
  X(std::string s) : kind(kText), text(std::move(s)) {}
  X(const Interned& s) : kind(kText), text(s.str()) {}
  X(double v) : kind(kNumber), number(v) {}
  X(int v) : kind(kNumber), number(v) {}
  X(long long v) : kind(kNumber), number(static_cast<double>(v)) {}
  static X date(const std::string& ymd) {
    X x;
    x.kind = kDate;
    x.text = ymd;
    return x;
  }
  static X boolean(bool b) {
    X x;
    x.kind = kBool;
    x.number = b;
    return x;
  }
  static X formula(const std::string& f, double cached) {
    X x;
    x.kind = kFormula;
    x.text = f;
    x.number = cached;
    return x;
  }
};
using Rows = std::vector<std::vector<X>>;

struct SheetSpec {
  std::string name;
  Rows rows;
  bool hidden = false;
};

inline void write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const X& x,
                       lxw_format* date_format) {
  switch (x.kind) {
    case X::kNone:
      break;
    case X::kText:
      worksheet_write_string(ws, row, col, x.text.c_str(), nullptr);
      break;
    case X::kNumber:
      worksheet_write_number(ws, row, col, x.number, nullptr);
      break;
    case X::kBool:
      worksheet_write_boolean(ws, row, col, x.number != 0, nullptr);
      break;
    case X::kFormula:
      worksheet_write_formula_num(ws, row, col, x.text.c_str(), nullptr, x.number);
      break;
    case X::kDate: {
      lxw_datetime dt = {std::stoi(x.text.substr(0, 4)),
                         std::stoi(x.text.substr(5, 2)),
                         std::stoi(x.text.substr(8, 2)),
                         0,
                         0,
                         0};
      worksheet_write_datetime(ws, row, col, &dt, date_format);
      break;
    }
  }
}

/// Writes an .xlsx with libxlsxwriter; `inline_strings` uses its constant_memory mode, which
/// writes every string inline (as WPS and streaming writers do). False when libxlsxwriter
/// fails.
inline bool write_workbook(const std::filesystem::path& path, const std::vector<SheetSpec>& sheets,
                           bool inline_strings = false) {
  lxw_workbook_options options = {};
  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return false;
  lxw_format* date_format = workbook_add_format(wb);
  format_set_num_format(date_format, "yyyy-mm-dd");
  bool activated = false;
  for (const SheetSpec& spec : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, spec.name.c_str());
    // The active sheet cannot be hidden: the first visible one is made active.
    if (spec.hidden) worksheet_hide(ws);
    if (!spec.hidden && !activated) {
      worksheet_activate(ws);
      activated = true;
    }
    for (std::size_t r = 0; r < spec.rows.size(); ++r)
      for (std::size_t c = 0; c < spec.rows[r].size(); ++c)
        write_cell(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), spec.rows[r][c],
                   date_format);
  }
  return workbook_close(wb) == LXW_NO_ERROR;
}

/// UTF-8 text as GB18030 (the system's "GBK" CSV); false when iconv fails.
inline bool to_gbk(const std::string& utf8, std::string* gbk) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* o = out.data();
  const bool ok = iconv(cd, &in, &in_left, &o, &out_left) != static_cast<std::size_t>(-1);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  *gbk = std::move(out);
  return ok;
}

/// A valid 18-character ID number from its first 17 digits (GB 11643 check character).
inline std::string id_number(const std::string& first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return first17 + "10X98765432"[sum % 11];
}

inline const char* status_label(Status s, int variant) {
  // Labels of 2016–2018 and the system's codes, mixed as several exports would be.
  switch (s) {
    case Status::kPoor:
      return variant % 3 == 0 ? "0" : "未脱贫";
    case Status::kPlannedExit:
      return variant % 3 == 0 ? "2" : variant % 3 == 1 ? "预脱贫" : "计划脱贫";
    case Status::kExited:
      return variant % 3 == 0 ? "1" : variant % 3 == 1 ? "已脱贫" : "已脱贫(享受政策)";
    default:
      return "";
  }
}

inline const char* attribute_label(Attribute a) {
  switch (a) {
    case Attribute::kGeneral:
      return "一般贫困户";
    case Attribute::kDibao:
      return "低保贫困户";
    case Attribute::kTekun:
      return "特困供养贫困户";
    default:
      return "";
  }
}

inline const char* const kCauseLabels[] = {"",       "因病",   "因残",         "因学",
                                           "因灾",   "缺土地", "缺水",         "缺技术",
                                           "缺劳力", "缺资金", "交通条件落后", "自身发展动力不足",
                                           "其他"};
inline const char* const kExclusionLabels[] = {"公职人员", "村干部",     "有车",
                                               "城镇购房", "开办公司",   "种养大户",
                                               "拆户分户", "户在人不在", "其他"};
inline const char* const kMeasureLabels[] = {"产业扶持",     "转移就业", "技能培训",     "教育扶贫",
                                             "健康扶贫",     "危房改造", "易地扶贫搬迁", "金融扶贫",
                                             "社会保障兜底", "安全饮水", "其他"};

inline std::string labels(uint32_t bits, const char* const* names, int n) {
  std::string out;
  for (int b = 0; b < n; ++b)
    if (bits & (1u << b)) out += (out.empty() ? "" : "、") + std::string(names[b]);
  return out;
}

inline std::string ethnicity_of(const std::string& language) {
  static const std::map<std::string, std::string> kNames = {
      {"yi", "彝族"}, {"hani", "哈尼族"}, {"miao", "苗族"}, {"dai", "傣族"}, {"lisu", "傈僳族"}};
  auto it = kNames.find(language);
  return it == kNames.end() ? "汉族" : it->second;
}

/// The county's files, as rows, and how its households are keyed in them.
struct CountyExport {
  /// The registered households' person rows, by file name (title rows and header included).
  std::map<std::string, Rows> exports;
  Rows roster_persons;     ///< person rows of half the other households (workbook)
  std::string roster_csv;  ///< household rows of the other half, UTF-8 (write as GBK)
  Rows verification, villages, staff;
  /// Per county household: its key in the files (户编号 or roster 户号), the head's ID number
  /// as exported ("" for a household without members), and the roster 户号 of a registered
  /// household that is on a village roster too ("" for the others).
  std::vector<std::string> key, head_id, roster_key;
  /// Per county household, which file has its rows: 'e' an export, 'p' the person-row roster
  /// workbook, 'c' the household-row roster CSV.
  std::vector<char> form;
  std::size_t in_both = 0;  ///< registered households also on the roster CSV
};

/// Which export file a registered household's rows go to, and how many title rows it has.
struct ExportLayout {
  std::function<std::string(const Registry&, std::size_t household)> file_of;
  std::function<int(const std::string& file)> title_rows = [](const std::string&) { return 2; };
};

namespace detail {

/// ID numbers whose birth date gives each member's age on 1 September 2017, unique within
/// the county: a running number per (age, gender) gives month 1–8, day 1–28 and the
/// sequence digits.
class PersonIds {
 public:
  std::string next(int age, bool male) {
    int& k = counter_[{age, male}];
    const int n = k++;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%06d%04d%02d%02d%03d", 532501 + n / 112000, 2017 - age,
                  1 + (n / 28) % 8, 1 + n % 28, ((n / 224) % 500) * 2 + (male ? 1 : 0));
    return id_number(buf);
  }

 private:
  std::map<std::pair<int, bool>, int> counter_;
};

inline const std::vector<X>& export_header() {
  static const std::vector<X> kHeader = {"县",
                                         "乡(镇)",
                                         "行政村",
                                         "自然村",
                                         "户编号",
                                         "人数",
                                         "脱贫属性",
                                         "脱贫年度",
                                         "贫困户属性",
                                         "主要致贫原因",
                                         "危房户",
                                         "是否解决安全饮用水",
                                         "人均纯收入（元）",
                                         "户联系电话",
                                         "易地扶贫搬迁户",
                                         "姓名",
                                         "证件号码",
                                         "与户主关系",
                                         "性别",
                                         "民族",
                                         "在校生状况",
                                         "是否参加城乡居民基本医疗保险",
                                         "是否参加城乡居民基本养老保险",
                                         "是否会讲普通话",
                                         "健康状况",
                                         "劳动技能"};
  return kHeader;
}

/// The title rows above an export's header: 2 or 3, as the system writes them.
inline Rows export_title(int title_rows) {
  Rows rows = {{"XX县建档立卡贫困人口明细"}, {"导出时间：2017-08-20"}};
  if (title_rows >= 3) rows.push_back({"单位：人、元"});
  rows.push_back(export_header());
  return rows;
}

struct Places {
  const Registry& county;
  const Township& township(std::size_t i) const {
    const Village& v = village(i);
    return county.townships[static_cast<std::size_t>(v.township)];
  }
  const Village& village(std::size_t i) const {
    return county.villages[static_cast<std::size_t>(county.households.village[i])];
  }
  std::string group(std::size_t i) const {
    const int g = county.households.group[i];
    return g < 0 ? std::string() : county.groups[static_cast<std::size_t>(g)].name;
  }
};

/// The person rows of one registered household, as the national system exports them.
inline void export_rows(const Places& at, std::size_t i, const std::vector<int>& members,
                        const std::vector<std::string>& ids, const std::string& key, Rows* rows) {
  const Registry& county = at.county;
  const Households& h = county.households;
  const std::string ethnicity = ethnicity_of(h.language[i]);
  const bool speaks = h.language[i] == "zh";
  const int variant = static_cast<int>(i);
  for (std::size_t k = 0; k < members.size(); ++k) {
    const Member& mb = county.members[static_cast<std::size_t>(members[k])];
    const bool head = k == 0;
    rows->push_back({"XX县", at.township(i).name, at.village(i).name, at.group(i),
                     X(std::stoll(key)), X(h.size[i]), status_label(h.status[i], variant),
                     h.exit_year[i] ? X(static_cast<int>(h.exit_year[i])) : X(),
                     attribute_label(h.attribute[i]),
                     variant % 2                   ? X(kCauseLabels[static_cast<int>(h.cause[i])])
                     : h.cause[i] == Cause::kNone  ? X()
                     : h.cause[i] == Cause::kOther ? X(99)
                                                   : X(static_cast<int>(h.cause[i])),
                     h.housing[i] >= Housing::kC ? "是" : "否", h.water_safe[i] ? "是" : "否",
                     X(h.income_system[i]),
                     // A mobile number stored as a number, a landline with its '-' as text.
                     !head || h.phone[i].empty()                 ? X()
                     : h.phone[i].find('-') == std::string::npos ? X(std::stoll(h.phone[i]))
                                                                 : X(h.phone[i]),
                     h.relocated[i] ? "是" : "否", head ? h.head_name[i] : "某某", ids[k],
                     head ? "户主" : mb.relation, mb.gender, head ? ethnicity : "汉族",
                     mb.dropout == 1               ? "辍学"
                     : mb.in_school == 1           ? "小学"
                     : mb.age >= 6 && mb.age <= 15 ? "学前教育"
                                                   : "非在校生",
                     mb.medical_insured == 0 ? "否" : "是", mb.pension_insured == 1 ? "是" : "否",
                     head ? (speaks ? "是" : "否") : "是", mb.health, mb.labor});
  }
}

/// The person rows of one household outside the registry, as a village roster has them.
inline void roster_rows(const Places& at, std::size_t i, const std::vector<int>& members,
                        const std::vector<std::string>& ids, const std::string& key, Rows* rows) {
  const Registry& county = at.county;
  const Households& h = county.households;
  const std::string ethnicity = ethnicity_of(h.language[i]);
  const bool speaks = h.language[i] == "zh";
  for (std::size_t k = 0; k < members.size(); ++k) {
    const Member& mb = county.members[static_cast<std::size_t>(members[k])];
    const bool head = k == 0;
    rows->push_back({at.township(i).name, at.village(i).name, at.group(i), key,
                     head ? h.head_name[i] : "某某", ids[k], head ? "户主" : mb.relation,
                     head ? ethnicity : "汉族", head ? (speaks ? "是" : "否") : "是",
                     mb.dropout == 1     ? "失学"
                     : mb.in_school == 1 ? "初中"
                                         : "非在校生",
                     mb.medical_insured == 0 ? "否" : "是", h.relocated[i] ? "是" : "否",
                     X(h.size[i])});
  }
}

/// The verification sheet: every household the county verified, keyed by the 户编号 of its
/// file (for the first household that is in both, by its roster 户号).
inline Rows verification_rows(const Registry& county, const CountyExport& out) {
  const Households& h = county.households;
  Rows rows = {{"户编号", "核实人均纯收入", "不愁吃", "不愁穿", "饮水安全", "住房安全等级",
                "辍学人数", "未参保人数", "不符合情形", "帮扶措施", "明白卡", "联系卡",
                "脱贫记录卡", "档案一致"}};
  bool keyed_by_roster = false;
  for (std::size_t i = 0; i < h.count(); ++i) {
    if (!h.verified[i]) continue;
    std::string key = out.key[i];
    if (!out.roster_key[i].empty() && !keyed_by_roster) {
      key = out.roster_key[i];
      keyed_by_roster = true;
    }
    rows.push_back(
        {key, X(h.income[i]), h.food_secure[i] ? "是" : "否", h.clothing_secure[i] ? "是" : "否",
         h.water_safe[i] ? "是" : "否", std::string(to_string(h.housing[i])), X(h.dropouts[i]),
         X(h.uninsured[i]), labels(h.excluded[i], kExclusionLabels, kExclusionCount),
         labels(h.measures[i], kMeasureLabels, kMeasureCount), h.cards[i] & kCardHelp ? "是" : "否",
         h.cards[i] & kCardContact ? "是" : "否", h.cards[i] & kCardRecordBook ? "√" : "",
         h.archive_consistent[i] ? "是" : "否"});
  }
  return rows;
}

inline Rows village_rows(const Registry& county) {
  Rows rows = {{"乡(镇)", "行政村", "自然条件", "交通条件", "经济条件", "类别", "村到乡镇(分钟)",
                "乡镇到县城(分钟)"}};
  for (const Village& v : county.villages) {
    const Township& t = county.townships[static_cast<std::size_t>(v.township)];
    rows.push_back({t.name, v.name, X(v.natural), X(v.transport), X(v.economic),
                    v.tier ? (*v.tier == Tier::kGood     ? "好"
                              : *v.tier == Tier::kMedium ? "中"
                                                         : "差")
                           : "",
                    X(v.travel_minutes), X(t.travel_minutes)});
  }
  return rows;
}

inline Rows staff_rows(const Registry& county) {
  Rows rows = {{"姓名", "联系电话", "角色", "乡(镇)", "行政村", "语言", "村民小组"}};
  for (const Staff& s : county.staff) {
    std::string langs, groups, township, village_name;
    for (const std::string& l : s.languages)
      langs += (langs.empty() ? "" : "、") + std::string(l == "zh" ? "汉语" : l);
    if (s.village >= 0) {
      const Village& v = county.villages[static_cast<std::size_t>(s.village)];
      village_name = v.name;
      township = county.townships[static_cast<std::size_t>(v.township)].name;
    }
    for (const std::string& g : s.groups)
      groups += (groups.empty() ? "" : "、") +
                county.groups[static_cast<std::size_t>(county.group_index.at(g))].name;
    rows.push_back({s.name, s.phone, s.role == StaffRole::kGuide ? "领走人员" : "翻译", township,
                    village_name, langs, groups});
  }
  return rows;
}

}  // namespace detail

/// The county's files. The export's 户编号 are numbers stored as numbers; the rosters' 户号
/// are text. Every other household outside the registry goes to the roster workbook (person
/// rows), the rest to the roster CSV (household rows); every 97th registered household is on
/// the roster CSV too, under a roster 户号 of its own.
inline CountyExport export_county(const Registry& county, const ExportLayout& layout) {
  const Households& h = county.households;
  const detail::Places at{county};
  std::vector<std::vector<int>> members_of(h.count());
  for (std::size_t m = 0; m < county.members.size(); ++m)
    members_of[static_cast<std::size_t>(county.members[m].household)].push_back(
        static_cast<int>(m));
  CountyExport out;
  out.key.resize(h.count());
  out.head_id.resize(h.count());
  out.roster_key.resize(h.count());
  out.form.resize(h.count());
  out.roster_persons = {{"村花名册（非建档立卡户）"}, {}, {}};
  out.roster_persons[2] = {"乡镇",
                           "行政村",
                           "村民小组",
                           "户号",
                           "姓名",
                           "身份证号码",
                           "与户主关系",
                           "民族",
                           "是否会讲普通话",
                           "在校生情况",
                           "参加新型农村合作医疗",
                           "易地扶贫搬迁户",
                           "人数"};
  out.roster_csv =
      "户号,户主姓名,户主证件号码,人数,乡(镇),行政村,所在组,民族,是否会讲普通话,易地扶贫搬迁户\n";
  detail::PersonIds person_ids;
  long long next_number = 5325011000000;
  std::size_t roster_households = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    const bool registered = is_registered(h.status[i]);
    out.key[i] = registered ? std::to_string(next_number++) : "R" + h.id[i];
    std::vector<std::string> ids;
    for (int m : members_of[i]) {
      const Member& mb = county.members[static_cast<std::size_t>(m)];
      ids.push_back(person_ids.next(mb.age, mb.gender == "男"));
    }
    if (!ids.empty()) out.head_id[i] = ids[0];
    if (registered) {
      const std::string file = layout.file_of(county, i);
      Rows& rows = out.exports[file];
      if (rows.empty()) rows = detail::export_title(layout.title_rows(file));
      out.form[i] = 'e';
      detail::export_rows(at, i, members_of[i], ids, out.key[i], &rows);
    } else if (roster_households++ % 2 == 0) {
      out.form[i] = 'p';
      detail::roster_rows(at, i, members_of[i], ids, out.key[i], &out.roster_persons);
    } else {
      out.form[i] = 'c';
      out.roster_csv += out.key[i] + "," + h.head_name[i] + "," + (ids.empty() ? "" : ids[0]) +
                        "," + std::to_string(h.size[i]) + "," + at.township(i).name + "," +
                        at.village(i).name + "," + at.group(i) + "," + ethnicity_of(h.language[i]) +
                        "," + (h.language[i] == "zh" ? "是" : "否") + "," +
                        (h.relocated[i] ? "是" : "否") + "\n";
    }
    // A few registered households are on a village roster too, under the roster's own 户号.
    if (registered && i % 97 == 0 && !ids.empty()) {
      out.roster_key[i] = "D" + h.id[i];
      out.roster_csv += out.roster_key[i] + "," + h.head_name[i] + "," + ids[0] + "," +
                        std::to_string(h.size[i]) + "," + at.township(i).name + "," +
                        at.village(i).name + "," + at.group(i) + ",汉族,是,否\n";
      ++out.in_both;
    }
  }
  out.verification = detail::verification_rows(county, out);
  out.villages = detail::village_rows(county);
  out.staff = detail::staff_rows(county);
  return out;
}

}  // namespace kaoping::county_export
