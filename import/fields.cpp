// The built-in tables of SPEC §6: header aliases and value tables. Each table is written once,
// here; normalize_text makes "人均纯收入（元）" and "人均纯收入 (元)" the same header.
#include "import/fields.h"

#include <array>

#include "import/messages.h"
#include "registry/registry.h"
#include "util/text.h"

namespace kaoping {
namespace {

struct FieldInfo {
  Field field;
  std::string_view name;
  ValueKind kind;
  std::vector<std::string_view> headers;
};

const std::vector<FieldInfo>& field_table() {
  static const std::vector<FieldInfo> kTable = {
      {Field::kHouseholdId, "household_id", ValueKind::kId, {"户编号", "户号"}},
      {Field::kCounty,
       "county",
       ValueKind::kText,
       {"县", "县(市、区、旗)", "县(市、区)", "县(市区)"}},
      {Field::kTownship,
       "township",
       ValueKind::kText,
       {"乡(镇)", "乡镇", "乡(镇、街道)", "乡镇(街道)"}},
      {Field::kVillage, "village", ValueKind::kText, {"行政村", "行政村(社区)", "村(社区)"}},
      {Field::kGroup, "group", ValueKind::kText, {"自然村", "村民小组", "所在组", "自然村(组)"}},
      {Field::kVillageCode,
       "village_code",
       ValueKind::kId,
       {"村代码", "行政区划代码", "村级行政区划代码"}},
      {Field::kSize, "size", ValueKind::kWhole, {"人数", "家庭人口数", "家庭人数"}},
      {Field::kStatus, "status", ValueKind::kChoice, {"脱贫属性", "脱贫状态", "脱贫标志"}},
      {Field::kExitYear, "exit_year", ValueKind::kYear, {"脱贫年度", "脱贫年份"}},
      {Field::kAttribute, "attribute", ValueKind::kChoice, {"贫困户属性"}},
      {Field::kCause, "cause", ValueKind::kChoice, {"主要致贫原因", "致贫原因", "致贫原因1"}},
      {Field::kDangerousHouse, "dangerous_house", ValueKind::kYesNo, {"危房户", "是否危房户"}},
      {Field::kWaterSafe,
       "water_safe",
       ValueKind::kYesNo,
       {"是否解决安全饮用水", "饮水安全", "是否饮水安全"}},
      {Field::kIncomeSystem,
       "income_system",
       ValueKind::kNumber,
       {"人均纯收入", "人均纯收入(元)", "家庭人均纯收入"}},
      {Field::kPhone, "phone", ValueKind::kPhone, {"户联系电话"}},
      {Field::kRelocated,
       "relocated",
       ValueKind::kYesNo,
       {"易地扶贫搬迁户", "是否易地扶贫搬迁", "是否易地扶贫搬迁户"}},
      {Field::kName, "head_name", ValueKind::kText, {"姓名", "户主姓名"}},
      {Field::kIdNumber,
       "id_number",
       ValueKind::kIdNumber,
       {"证件号码", "身份证号码", "身份证号", "户主证件号码", "户主身份证号码", "户主身份证号"}},
      {Field::kRelation, "relation", ValueKind::kText, {"与户主关系"}},
      {Field::kGender, "gender", ValueKind::kChoice, {"性别"}},
      {Field::kEthnicity, "ethnicity", ValueKind::kText, {"民族"}},
      {Field::kSchool, "school", ValueKind::kText, {"在校生状况", "在校生情况"}},
      {Field::kHealth, "health", ValueKind::kText, {"健康状况"}},
      {Field::kLabor, "labor", ValueKind::kText, {"劳动技能", "劳动能力"}},
      {Field::kMedicalInsurance,
       "medical_insurance",
       ValueKind::kYesNo,
       {"是否参加城乡居民基本医疗保险", "参加新型农村合作医疗", "是否参加新型农村合作医疗",
        "是否参加城乡居民医疗保险"}},
      {Field::kSeriousIllnessInsurance,
       "serious_illness_insurance",
       ValueKind::kYesNo,
       {"是否参加大病保险", "参加大病医疗"}},
      {Field::kPensionInsured,
       "pension_insured",
       ValueKind::kYesNo,
       {"是否参加城乡居民基本养老保险"}},
      {Field::kMandarin, "mandarin", ValueKind::kYesNo, {"是否会讲普通话"}},
      {Field::kPersonPhone, "person_phone", ValueKind::kPhone, {"联系电话", "人联系电话"}},
      {Field::kIncome, "income", ValueKind::kNumber, {"核实人均纯收入", "核实人均纯收入(元)"}},
      {Field::kFoodSecure, "food_secure", ValueKind::kYesNo, {"不愁吃"}},
      {Field::kClothingSecure, "clothing_secure", ValueKind::kYesNo, {"不愁穿"}},
      {Field::kHousing, "housing", ValueKind::kChoice, {"住房安全等级"}},
      {Field::kDropouts, "dropouts", ValueKind::kWhole, {"辍学人数"}},
      {Field::kUninsured, "uninsured", ValueKind::kWhole, {"未参保人数"}},
      {Field::kExcluded, "excluded", ValueKind::kList, {"不符合情形"}},
      {Field::kMeasures, "measures", ValueKind::kList, {"帮扶措施"}},
      {Field::kHelpCard, "help_card", ValueKind::kYesNo, {"明白卡"}},
      {Field::kContactCard, "contact_card", ValueKind::kYesNo, {"联系卡"}},
      {Field::kRecordBook, "record_book", ValueKind::kYesNo, {"脱贫记录卡"}},
      {Field::kCards, "cards", ValueKind::kList, {"卡册"}},
      {Field::kArchiveConsistent, "archive_consistent", ValueKind::kYesNo, {"档案一致"}},
      {Field::kNatural, "natural", ValueKind::kNumber, {"自然条件"}},
      {Field::kTransport, "transport", ValueKind::kNumber, {"交通条件"}},
      {Field::kEconomic, "economic", ValueKind::kNumber, {"经济条件"}},
      {Field::kTier, "tier", ValueKind::kChoice, {"类别"}},
      {Field::kVillageTravel, "travel_minutes", ValueKind::kNumber, {"村到乡镇(分钟)"}},
      {Field::kTownshipTravel, "township_travel_minutes", ValueKind::kNumber, {"乡镇到县城(分钟)"}},
      {Field::kRole, "role", ValueKind::kChoice, {"角色"}},
      {Field::kLanguages, "languages", ValueKind::kList, {"语言"}},
  };
  return kTable;
}

const FieldInfo& info(Field f) {
  return field_table()[static_cast<std::size_t>(f)];
}

/// Synonyms a --mapping file may use for a key (the §1 id columns for the name columns).
constexpr std::pair<std::string_view, Field> kSynonyms[] = {
    {"township_id", Field::kTownship}, {"village_id", Field::kVillage},
    {"group_id", Field::kGroup},       {"name", Field::kName},
    {"in_school", Field::kSchool},     {"medical_insured", Field::kMedicalInsurance},
};

ValueTable make_table(std::initializer_list<std::pair<std::string_view, std::string_view>> rows,
                      Message accepted) {
  ValueTable t;
  for (const auto& [label, code] : rows) t.codes.emplace(normalize_text(label), std::string(code));
  t.accepted = accepted;
  return t;
}
/// A table whose accepted values are the labels alone, alike in both languages.
ValueTable make_table(std::initializer_list<std::pair<std::string_view, std::string_view>> rows,
                      std::string_view accepted) {
  return make_table(rows, Message{accepted, accepted});
}

const ValueTable kYesNo = make_table(
    {{"是", "1"},    {"否", "0"},   {"1", "1"},    {"0", "0"},   {"√", "1"},  {"✓", "1"},
     {"✔", "1"},     {"×", "0"},    {"✗", "0"},    {"有", "1"},  {"无", "0"}, {"Y", "1"},
     {"N", "0"},     {"y", "1"},    {"n", "0"},    {"yes", "1"}, {"no", "0"}, {"TRUE", "1"},
     {"FALSE", "0"}, {"true", "1"}, {"false", "0"}},
    "是, 否, 1, 0, √");

const ValueTable kStatusTable = make_table({{"未脱贫", "poor"},
                                            {"返贫", "poor"},
                                            {"0", "poor"},
                                            {"3", "poor"},
                                            {"预脱贫", "planned_exit"},
                                            {"计划脱贫", "planned_exit"},
                                            {"拟脱贫", "planned_exit"},
                                            {"2", "planned_exit"},
                                            {"已脱贫", "exited"},
                                            {"脱贫", "exited"},
                                            {"已脱贫(享受政策)", "exited"},
                                            {"已脱贫(不再享受政策)", "exited"},
                                            {"1", "exited"},
                                            {"4", "exited"}},
                                           msg::kAcceptStatus);

const ValueTable kAttributeTable = make_table(
    {{"一般贫困户", "general"},
     {"一般户", "general"},
     {"低保贫困户", "dibao"},
     {"低保户", "dibao"},
     {"五保贫困户", "tekun"},
     {"五保户", "tekun"},
     {"特困供养贫困户", "tekun"},
     {"特困供养户", "tekun"}},
    "一般贫困户, 一般户, 低保贫困户, 低保户, 五保贫困户, 五保户, 特困供养贫困户, 特困供养户");

const ValueTable kCauseTable =
    make_table({{"因病", "illness"},    {"1", "illness"},
                {"因残", "disability"}, {"2", "disability"},
                {"因学", "education"},  {"3", "education"},
                {"因灾", "disaster"},   {"4", "disaster"},
                {"缺土地", "land"},     {"5", "land"},
                {"缺水", "water"},      {"6", "water"},
                {"缺技术", "skills"},   {"7", "skills"},
                {"缺劳力", "labor"},    {"缺劳动力", "labor"},
                {"8", "labor"},         {"缺资金", "funds"},
                {"9", "funds"},         {"交通条件落后", "transport"},
                {"10", "transport"},    {"自身发展动力不足", "motivation"},
                {"11", "motivation"},   {"其他", "other"},
                {"其它", "other"},      {"99", "other"}},
               msg::kAcceptCause);

const ValueTable kGenderTable = make_table(
    {{"男", "男"}, {"女", "女"}, {"男性", "男"}, {"女性", "女"}, {"1", "男"}, {"2", "女"}},
    msg::kAcceptGender);

const ValueTable kHousingTable = make_table({{"A", "A"},
                                             {"B", "B"},
                                             {"C", "C"},
                                             {"D", "D"},
                                             {"a", "A"},
                                             {"b", "B"},
                                             {"c", "C"},
                                             {"d", "D"},
                                             {"A级", "A"},
                                             {"B级", "B"},
                                             {"C级", "C"},
                                             {"D级", "D"}},
                                            msg::kAcceptHousing);

const ValueTable kExcludedTable =
    make_table({{"公职人员", "official"},
                {"村干部", "cadre"},
                {"有车", "car"},
                {"城镇购房", "town_house"},
                {"开办公司", "company"},
                {"种养大户", "large_farm"},
                {"拆户分户", "split_household"},
                {"户在人不在", "absentee"},
                {"其他", "other"},
                {"其它", "other"}},
               "公职人员, 村干部, 有车, 城镇购房, 开办公司, 种养大户, 拆户分户, 户在人不在, 其他");

const ValueTable kMeasuresTable = make_table(
    {{"产业扶持", "industry"},
     {"转移就业", "employment"},
     {"技能培训", "training"},
     {"教育扶贫", "education"},
     {"健康扶贫", "health"},
     {"危房改造", "housing"},
     {"易地扶贫搬迁", "relocation"},
     {"金融扶贫", "finance"},
     {"小额信贷", "finance"},
     {"社会保障兜底", "social_security"},
     {"安全饮水", "water"},
     {"其他", "other"},
     {"其它", "other"}},
    "产业扶持, 转移就业, 技能培训, 教育扶贫, 健康扶贫, 危房改造, 易地扶贫搬迁, 金融扶贫, 小额信贷, "
    "社会保障兜底, 安全饮水, 其他");

const ValueTable kCardsTable =
    make_table({{"明白卡", "help_card"}, {"联系卡", "contact_card"}, {"脱贫记录卡", "record_book"}},
               "明白卡, 联系卡, 脱贫记录卡");

const ValueTable kTierTable = make_table({{"好", "good"},
                                          {"中", "medium"},
                                          {"差", "poor"},
                                          {"较好", "good"},
                                          {"一般", "medium"},
                                          {"较差", "poor"}},
                                         "好, 中, 差");

const ValueTable kRoleTable = make_table({{"领走人员", "guide"},
                                          {"领路人员", "guide"},
                                          {"带路人员", "guide"},
                                          {"向导", "guide"},
                                          {"翻译", "interpreter"},
                                          {"翻译人员", "interpreter"},
                                          {"翻译员", "interpreter"}},
                                         "领走人员, 领路人员, 带路人员, 向导, 翻译, 翻译人员");

/// The 56 民族 of GB 3304, in its order (code = position + 1), with the pinyin of each name
/// without 族; 汉族 speaks zh.
constexpr std::array<std::pair<std::string_view, std::string_view>, 56> kEthnicities = {{
    {"汉", "zh"},
    {"蒙古", "menggu"},
    {"回", "hui"},
    {"藏", "zang"},
    {"维吾尔", "weiwuer"},
    {"苗", "miao"},
    {"彝", "yi"},
    {"壮", "zhuang"},
    {"布依", "buyi"},
    {"朝鲜", "chaoxian"},
    {"满", "man"},
    {"侗", "dong"},
    {"瑶", "yao"},
    {"白", "bai"},
    {"土家", "tujia"},
    {"哈尼", "hani"},
    {"哈萨克", "hasake"},
    {"傣", "dai"},
    {"黎", "li"},
    {"傈僳", "lisu"},
    {"佤", "wa"},
    {"畲", "she"},
    {"高山", "gaoshan"},
    {"拉祜", "lahu"},
    {"水", "shui"},
    {"东乡", "dongxiang"},
    {"纳西", "naxi"},
    {"景颇", "jingpo"},
    {"柯尔克孜", "keerkezi"},
    {"土", "tu"},
    {"达斡尔", "dawoer"},
    {"仫佬", "mulao"},
    {"羌", "qiang"},
    {"布朗", "bulang"},
    {"撒拉", "sala"},
    {"毛南", "maonan"},
    {"仡佬", "gelao"},
    {"锡伯", "xibo"},
    {"阿昌", "achang"},
    {"普米", "pumi"},
    {"塔吉克", "tajike"},
    {"怒", "nu"},
    {"乌孜别克", "wuzibieke"},
    {"俄罗斯", "eluosi"},
    {"鄂温克", "ewenke"},
    {"德昂", "deang"},
    {"保安", "baoan"},
    {"裕固", "yugu"},
    {"京", "jing"},
    {"塔塔尔", "tataer"},
    {"独龙", "dulong"},
    {"鄂伦春", "elunchun"},
    {"赫哲", "hezhe"},
    {"门巴", "menba"},
    {"珞巴", "luoba"},
    {"基诺", "jinuo"},
}};

}  // namespace

std::string_view field_name(Field f) {
  return info(f).name;
}

std::optional<Field> field_by_name(std::string_view key) {
  for (const FieldInfo& i : field_table())
    if (i.name == key) return i.field;
  for (const auto& [name, f] : kSynonyms)
    if (name == key) return f;
  return std::nullopt;
}

std::vector<std::string_view> field_names() {
  std::vector<std::string_view> out;
  for (const FieldInfo& i : field_table()) out.push_back(i.name);
  return out;
}

const std::vector<std::string_view>& builtin_headers(Field f) {
  return info(f).headers;
}

ValueKind value_kind(Field f) {
  return info(f).kind;
}

std::string normalize_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {  // not UTF-8: kept byte for byte
      out += text[i++];
      continue;
    }
    const uint32_t cp = utf8_code_point(text, i, n);
    i += n;
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0 ||
        cp == 0xFEFF || cp == 0x200B)
      continue;
    if (cp >= 0xFF01 && cp <= 0xFF5E) {  // full-width ASCII forms
      out += static_cast<char>(cp - 0xFF01 + 0x21);
      continue;
    }
    if (cp == 0x3010) {  // 【
      out += '[';
      continue;
    }
    if (cp == 0x3011) {  // 】
      out += ']';
      continue;
    }
    out.append(text.substr(i - n, n));
  }
  return out;
}

const ValueTable* builtin_values(Field f) {
  switch (f) {
    case Field::kStatus:
      return &kStatusTable;
    case Field::kAttribute:
      return &kAttributeTable;
    case Field::kCause:
      return &kCauseTable;
    case Field::kGender:
      return &kGenderTable;
    case Field::kHousing:
      return &kHousingTable;
    case Field::kExcluded:
      return &kExcludedTable;
    case Field::kMeasures:
      return &kMeasuresTable;
    case Field::kCards:
      return &kCardsTable;
    case Field::kTier:
      return &kTierTable;
    case Field::kRole:
      return &kRoleTable;
    default:
      return value_kind(f) == ValueKind::kYesNo ? &kYesNo : nullptr;
  }
}

std::vector<std::string> allowed_codes(Field f) {
  std::vector<std::string> out;
  const auto add = [&](auto names) {
    for (const auto& n : names) out.emplace_back(n);
  };
  switch (f) {
    case Field::kStatus:
      add(std::vector<std::string_view>{"poor", "planned_exit", "exited"});
      break;
    case Field::kAttribute:
      add(std::vector<std::string_view>{"general", "dibao", "tekun"});
      break;
    case Field::kCause:
      for (int c = 1; c < kCauseCount; ++c) out.emplace_back(to_string(static_cast<Cause>(c)));
      break;
    case Field::kGender:
      add(std::vector<std::string_view>{"男", "女"});
      break;
    case Field::kHousing:
      add(std::vector<std::string_view>{"A", "B", "C", "D"});
      break;
    case Field::kExcluded:
      add(exclusion_names());
      break;
    case Field::kMeasures:
      add(measure_names());
      break;
    case Field::kCards:
      add(card_names());
      break;
    case Field::kTier:
      add(std::vector<std::string_view>{"good", "medium", "poor"});
      break;
    case Field::kRole:
      add(std::vector<std::string_view>{"guide", "interpreter"});
      break;
    case Field::kSchool:
      add(std::vector<std::string_view>{"in_school", "not_in_school", "preschool", "dropout"});
      break;
    case Field::kRelation:
      add(std::vector<std::string_view>{"head"});
      break;
    default:
      if (value_kind(f) == ValueKind::kYesNo) add(std::vector<std::string_view>{"1", "0"});
      break;
  }
  return out;
}

std::optional<std::string> ethnicity_language(std::string_view normalized) {
  std::string_view name = normalized;
  if (name.ends_with("族")) name.remove_suffix(std::string_view("族").size());
  for (std::size_t k = 0; k < kEthnicities.size(); ++k) {
    if (kEthnicities[k].first == name) return std::string(kEthnicities[k].second);
    // GB 3304 codes, "07" or "7" (a number cell loses the zero).
    const std::string code = std::to_string(k + 1);
    if (normalized == code || normalized == (k + 1 < 10 ? "0" + code : code))
      return std::string(kEthnicities[k].second);
  }
  return std::nullopt;
}

std::optional<std::string> language_code(std::string_view normalized) {
  if (normalized == "汉语" || normalized == "普通话" || normalized == "汉话" ||
      normalized == "国语" || normalized == "zh")
    return std::string("zh");
  std::string_view name = normalized;
  for (std::string_view suffix : {"语", "话"})
    if (name.ends_with(suffix)) {
      name.remove_suffix(suffix.size());
      break;
    }
  for (const auto& [ethnic, code] : kEthnicities)
    if (ethnic == name) return std::string(code);
  // A code as kaoping writes it: lowercase letters, 2–12.
  const bool code_like =
      normalized.size() >= 2 && normalized.size() <= 12 &&
      normalized.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
  if (code_like) return std::string(normalized);
  return std::nullopt;
}

std::string school_code(std::string_view normalized) {
  if (normalized == "非在校生" || normalized == "not_in_school") return "not_in_school";
  if (normalized == "学前教育" || normalized == "preschool") return "preschool";
  if (normalized == "失学" || normalized == "辍学" || normalized == "dropout") return "dropout";
  return "in_school";
}

}  // namespace kaoping
