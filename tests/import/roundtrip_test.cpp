// End to end: the small county exported as the office would get it — the national system's
// person rows in two township files (one with shared strings, one with inline strings), a
// person-row roster workbook and a household-row roster in GBK, a verification sheet, a
// villages sheet and a staff sheet — imported, written, loaded back, and compared household by
// household with the county it came from.
#include <gtest/gtest.h>
#include <iconv.h>

#include <cmath>
#include <map>

#include "import/import.h"
#include "registry/generate.h"
#include "registry/load.h"
#include "test_workbooks.h"

namespace kaoping {
namespace {

using import_test::id_number;
using import_test::messages;
using import_test::Rows;
using import_test::ScratchTest;
using import_test::write_text;
using import_test::write_xlsx;
using import_test::X;

std::string to_gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* o = out.data();
  EXPECT_NE(iconv(cd, &in, &in_left, &o, &out_left), static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

const char* status_label(Status s, int variant) {
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

const char* attribute_label(Attribute a) {
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

const char* kCauseLabels[] = {"",       "因病",   "因残",         "因学",
                              "因灾",   "缺土地", "缺水",         "缺技术",
                              "缺劳力", "缺资金", "交通条件落后", "自身发展动力不足",
                              "其他"};
const char* kExclusionLabels[] = {"公职人员", "村干部",   "有车",       "城镇购房", "开办公司",
                                  "种养大户", "拆户分户", "户在人不在", "其他"};
const char* kMeasureLabels[] = {"产业扶持",     "转移就业", "技能培训",     "教育扶贫",
                                "健康扶贫",     "危房改造", "易地扶贫搬迁", "金融扶贫",
                                "社会保障兜底", "安全饮水", "其他"};

std::string labels(uint32_t bits, const char* const* names, int n) {
  std::string out;
  for (int b = 0; b < n; ++b)
    if (bits & (1u << b)) out += (out.empty() ? "" : "、") + std::string(names[b]);
  return out;
}

std::string ethnicity_of(const std::string& language) {
  static const std::map<std::string, std::string> kNames = {
      {"yi", "彝族"}, {"hani", "哈尼族"}, {"miao", "苗族"}, {"dai", "傣族"}, {"lisu", "傈僳族"}};
  auto it = kNames.find(language);
  return it == kNames.end() ? "汉族" : it->second;
}

class RoundTrip : public ScratchTest {
 protected:
  /// A person's ID number whose birth date gives `age` on 1 September 2017.
  std::string person_id(int age, bool male) {
    const int k = counter_++;
    char buf[32];
    std::snprintf(buf, sizeof buf, "532501%04d01%02d%03d", 2017 - age, 1 + k % 28,
                  ((k / 28) % 500) * 2 + (male ? 1 : 0));
    return id_number(buf);
  }
  int counter_ = 0;
};

TEST_F(RoundTrip, SmallCountyComesBackAsItWas) {
  const Registry county = generate_county(Profile::kSmall, 1);
  const Households& h = county.households;
  std::vector<std::vector<int>> members_of(h.count());
  for (std::size_t m = 0; m < county.members.size(); ++m)
    members_of[static_cast<std::size_t>(county.members[m].household)].push_back(
        static_cast<int>(m));
  const auto township_of = [&](std::size_t i) {
    const Village& v = county.villages[static_cast<std::size_t>(h.village[i])];
    return county.townships[static_cast<std::size_t>(v.township)];
  };
  const auto village_of = [&](std::size_t i) {
    return county.villages[static_cast<std::size_t>(h.village[i])];
  };
  const auto group_name = [&](std::size_t i) {
    return h.group[i] < 0 ? std::string()
                          : county.groups[static_cast<std::size_t>(h.group[i])].name;
  };

  // The export's 户编号 are numbers stored as numbers; the rosters' 户号 are text.
  std::map<std::string, std::string> imported_id;  // county id → 户编号 in the files
  std::map<std::string, std::string> head_id;      // county id → the head's ID as exported
  const std::vector<X> title = {"XX县建档立卡贫困人口明细"};
  const std::vector<X> header = {"县",
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
  std::map<std::string, Rows> exports;  // by township id: one file per township pair
  Rows roster_persons = {{"村花名册（非建档立卡户）"}, {}, {}};
  roster_persons[2] = {"乡镇",
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
  std::string roster_csv =
      "户号,户主姓名,户主证件号码,人数,乡(镇),行政村,所在组,民族,是否会讲普通话,易地扶贫搬迁户\n";
  long long next_number = 5325011000000;
  int roster_households = 0, in_both = 0;
  for (std::size_t i = 0; i < h.count(); ++i) {
    const bool registered = is_registered(h.status[i]);
    imported_id[h.id[i]] = registered ? std::to_string(next_number++) : "R" + h.id[i];
    const std::string ethnicity = ethnicity_of(h.language[i]);
    const bool speaks = h.language[i] == "zh";
    std::vector<std::string> ids;
    for (int m : members_of[i]) {
      const Member& mb = county.members[static_cast<std::size_t>(m)];
      ids.push_back(person_id(mb.age, mb.gender == "男"));
    }
    if (!ids.empty()) head_id[h.id[i]] = ids[0];
    if (registered) {
      Rows& rows = exports[township_of(i).id <= "T02" ? "a" : "b"];
      if (rows.empty()) rows = {title, {"导出时间：2017-08-20"}, header};
      for (std::size_t k = 0; k < members_of[i].size(); ++k) {
        const Member& mb = county.members[static_cast<std::size_t>(members_of[i][k])];
        const bool head = k == 0;
        const int variant = static_cast<int>(i);
        rows.push_back(
            {"XX县", township_of(i).name, village_of(i).name, group_name(i),
             X(std::stoll(imported_id[h.id[i]])), X(h.size[i]), status_label(h.status[i], variant),
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
    } else if (roster_households++ % 2 == 0) {
      for (std::size_t k = 0; k < members_of[i].size(); ++k) {
        const Member& mb = county.members[static_cast<std::size_t>(members_of[i][k])];
        const bool head = k == 0;
        roster_persons.push_back(
            {township_of(i).name, village_of(i).name, group_name(i), imported_id[h.id[i]],
             head ? h.head_name[i] : "某某", ids[k], head ? "户主" : mb.relation,
             head ? ethnicity : "汉族", head ? (speaks ? "是" : "否") : "是",
             mb.dropout == 1     ? "失学"
             : mb.in_school == 1 ? "初中"
                                 : "非在校生",
             mb.medical_insured == 0 ? "否" : "是", h.relocated[i] ? "是" : "否", X(h.size[i])});
      }
    } else {
      roster_csv += imported_id[h.id[i]] + "," + h.head_name[i] + "," +
                    (ids.empty() ? "" : ids[0]) + "," + std::to_string(h.size[i]) + "," +
                    township_of(i).name + "," + village_of(i).name + "," + group_name(i) + "," +
                    ethnicity + "," + (speaks ? "是" : "否") + "," +
                    (h.relocated[i] ? "是" : "否") + "\n";
    }
    // A few registered households are on a village roster too, under the roster's own 户号.
    if (registered && i % 97 == 0 && !ids.empty()) {
      roster_csv += "D" + h.id[i] + "," + h.head_name[i] + "," + ids[0] + "," +
                    std::to_string(h.size[i]) + "," + township_of(i).name + "," +
                    village_of(i).name + "," + group_name(i) + ",汉族,是,否\n";
      ++in_both;
    }
  }
  write_xlsx("export_a.xlsx", {{"Sheet1", exports["a"]}});
  write_xlsx("export_b.xlsx", {{"Sheet1", exports["b"]}}, /*inline_strings=*/true);
  write_xlsx("roster.xlsx", {{"花名册", roster_persons}});
  write_text("roster.csv", to_gbk(roster_csv));

  // The verification sheet: every household the county verified, keyed by the 户编号 of its
  // file (for one household in both, by its roster 户号).
  Rows verification = {{"户编号", "核实人均纯收入", "不愁吃", "不愁穿", "饮水安全", "住房安全等级",
                        "辍学人数", "未参保人数", "不符合情形", "帮扶措施", "明白卡", "联系卡",
                        "脱贫记录卡", "档案一致"}};
  bool keyed_by_roster = false;
  for (std::size_t i = 0; i < h.count(); ++i) {
    if (!h.verified[i]) continue;
    std::string key = imported_id[h.id[i]];
    if (is_registered(h.status[i]) && i % 97 == 0 && !keyed_by_roster) {
      key = "D" + h.id[i];
      keyed_by_roster = true;
    }
    verification.push_back(
        {key, X(h.income[i]), h.food_secure[i] ? "是" : "否", h.clothing_secure[i] ? "是" : "否",
         h.water_safe[i] ? "是" : "否", std::string(to_string(h.housing[i])), X(h.dropouts[i]),
         X(h.uninsured[i]), labels(h.excluded[i], kExclusionLabels, kExclusionCount),
         labels(h.measures[i], kMeasureLabels, kMeasureCount), h.cards[i] & kCardHelp ? "是" : "否",
         h.cards[i] & kCardContact ? "是" : "否", h.cards[i] & kCardRecordBook ? "√" : "",
         h.archive_consistent[i] ? "是" : "否"});
  }
  write_xlsx("verification.xlsx", {{"核实", verification}});

  Rows villages = {{"乡(镇)", "行政村", "自然条件", "交通条件", "经济条件", "类别",
                    "村到乡镇(分钟)", "乡镇到县城(分钟)"}};
  for (const Village& v : county.villages) {
    const Township& t = county.townships[static_cast<std::size_t>(v.township)];
    villages.push_back({t.name, v.name, X(v.natural), X(v.transport), X(v.economic),
                        v.tier ? (*v.tier == Tier::kGood     ? "好"
                                  : *v.tier == Tier::kMedium ? "中"
                                                             : "差")
                               : "",
                        X(v.travel_minutes), X(t.travel_minutes)});
  }
  write_xlsx("villages.xlsx", {{"Sheet1", villages}});

  Rows staff = {{"姓名", "联系电话", "角色", "乡(镇)", "行政村", "语言", "村民小组"}};
  for (const Staff& s : county.staff) {
    std::string langs, groups, township;
    for (const std::string& l : s.languages)
      langs += (langs.empty() ? "" : "、") + std::string(l == "zh" ? "汉语" : l);
    std::string village_name;
    if (s.village >= 0) {
      const Village& v = county.villages[static_cast<std::size_t>(s.village)];
      village_name = v.name;
      township = county.townships[static_cast<std::size_t>(v.township)].name;
    }
    for (const std::string& g : s.groups)
      groups += (groups.empty() ? "" : "、") +
                county.groups[static_cast<std::size_t>(county.group_index.at(g))].name;
    staff.push_back({s.name, s.phone, s.role == StaffRole::kGuide ? "领走人员" : "翻译", township,
                     village_name, langs, groups});
  }
  write_xlsx("staff.xlsx", {{"Sheet1", staff}});

  ImportInputs in;
  in.exports = {"export_a.xlsx", "export_b.xlsx"};
  in.rosters = {"roster.xlsx", "roster.csv"};
  in.verifications = {"verification.xlsx"};
  in.villages = "villages.xlsx";
  in.staff = "staff.xlsx";
  ImportResult result;
  Diagnostics diag;
  ASSERT_TRUE(import_registry(in, ImportOptions{}, &result, &diag)) << messages(diag);
  EXPECT_EQ(result.roster_merged, static_cast<std::size_t>(in_both));
  std::string err;
  ASSERT_TRUE(write_import(result, "registry", false, {}, &err)) << err;
  Registry back;
  Diagnostics load_diag;
  ASSERT_TRUE(load_registry("registry", &back, &load_diag)) << messages(load_diag);

  // Every household once, with every field it had.
  const Households& b = back.households;
  ASSERT_EQ(b.count(), h.count());
  std::map<std::string, std::size_t> at;
  for (std::size_t j = 0; j < b.count(); ++j) at[b.id[j]] = j;
  for (std::size_t i = 0; i < h.count(); ++i) {
    SCOPED_TRACE(h.id[i]);
    ASSERT_TRUE(at.count(imported_id[h.id[i]]));
    const std::size_t j = at[imported_id[h.id[i]]];
    const Village& bv = back.villages[static_cast<std::size_t>(b.village[j])];
    EXPECT_EQ(bv.name, village_of(i).name);
    EXPECT_EQ(back.townships[static_cast<std::size_t>(bv.township)].name, township_of(i).name);
    EXPECT_EQ(b.group[j] < 0 ? "" : back.groups[static_cast<std::size_t>(b.group[j])].name,
              group_name(i));
    EXPECT_EQ(b.status[j], h.status[i]);
    EXPECT_EQ(b.size[j], h.size[i]);
    EXPECT_EQ(b.exit_year[j], h.exit_year[i]);
    EXPECT_EQ(b.cause[j], is_registered(h.status[i]) ? h.cause[i] : Cause::kNone);
    EXPECT_EQ(b.attribute[j], is_registered(h.status[i]) ? h.attribute[i] : Attribute::kNone);
    EXPECT_EQ(b.income[j], h.income[i]);
    if (is_registered(h.status[i])) EXPECT_EQ(b.income_system[j], h.income_system[i]);
    EXPECT_EQ(b.food_secure[j], h.food_secure[i]);
    EXPECT_EQ(b.clothing_secure[j], h.clothing_secure[i]);
    EXPECT_EQ(b.water_safe[j], h.water_safe[i]);
    EXPECT_EQ(b.housing[j], h.housing[i]);
    EXPECT_EQ(b.relocated[j], h.relocated[i]);
    EXPECT_EQ(b.dropouts[j], h.dropouts[i]);
    EXPECT_EQ(b.uninsured[j], h.uninsured[i]);
    EXPECT_EQ(b.excluded[j], h.excluded[i]);
    EXPECT_EQ(b.measures[j], h.measures[i]);
    EXPECT_EQ(b.cards[j], h.cards[i]);
    EXPECT_EQ(b.archive_consistent[j], h.archive_consistent[i]);
    EXPECT_EQ(b.language[j], h.language[i]);
    EXPECT_EQ(b.head_name[j], h.head_name[i]);
    if (head_id.count(h.id[i])) EXPECT_EQ(b.id_number[j], head_id[h.id[i]]);
    EXPECT_EQ(result.registry.households.verified[j], h.verified[i]);
  }
  EXPECT_EQ(back.townships.size(), county.townships.size());
  EXPECT_EQ(back.villages.size(), county.villages.size());
  EXPECT_EQ(back.groups.size(), county.groups.size());
  for (const Village& v : back.villages) {
    const auto it = std::find_if(county.villages.begin(), county.villages.end(),
                                 [&](const Village& c) { return c.name == v.name; });
    ASSERT_NE(it, county.villages.end());
    EXPECT_EQ(v.natural, it->natural);
    EXPECT_EQ(v.tier, it->tier);
    EXPECT_EQ(v.travel_minutes, it->travel_minutes);
  }
  ASSERT_EQ(back.staff.size(), county.staff.size());
  for (std::size_t s = 0; s < back.staff.size(); ++s) {
    EXPECT_EQ(back.staff[s].name, county.staff[s].name);
    EXPECT_EQ(back.staff[s].role, county.staff[s].role);
    EXPECT_EQ(back.staff[s].languages, county.staff[s].languages);
    EXPECT_EQ(back.staff[s].groups.size(), county.staff[s].groups.size());
  }
  // Members: one per person row of the export and of the person-row roster.
  std::size_t person_rows = 0;
  for (const auto& [k, rows] : exports) person_rows += rows.size() - 3;
  person_rows += roster_persons.size() - 3;
  EXPECT_EQ(back.members.size(), person_rows);
  // import.json names every input with its hash.
  const std::string json = import_test::slurp("registry/import.json");
  for (const char* f : {"export_a.xlsx", "export_b.xlsx", "roster.xlsx", "roster.csv",
                        "verification.xlsx", "villages.xlsx", "staff.xlsx"})
    EXPECT_NE(json.find(std::string("\"file\": \"") + f + "\""), std::string::npos) << f;
  EXPECT_NE(json.find("\"header_row\": 3"), std::string::npos);
}

}  // namespace
}  // namespace kaoping
