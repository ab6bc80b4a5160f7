// The messages of import/ (workbooks, headers, values, person rows into households), in
// Chinese and English (util/lang.h). Header names and values stay as the workbook writes them.
#pragma once

#include "util/lang.h"

namespace kaoping::msg {

inline constexpr Message kImpOutIsFile{"{}：--out 必须是目录，这是一个文件",
                                       "{}: --out must be a directory, and this is a file"};
inline constexpr Message kImpOutIsInput{"{}：--out 是输入之一", "{}: --out is one of the inputs"};
inline constexpr Message kImpOutNotEmpty{
    "{}：--out 不是空目录；要把登记数据写入其中请加 --force",
    "{}: --out is not empty; give --force to write the registry into it"};
inline constexpr Message kImpWouldReplace{"{} 是本次导入的输入，会被替换",
                                          "{} is an input of this import and would be replaced"};

inline constexpr Message kImpFailsChecks{
    "导入的登记数据没有通过检查（见 docs/registry.md）：{}",
    "the imported registry fails the checks of docs/registry.md: {}"};
inline constexpr Message kImpInconsistent{"导入的登记数据前后不一致：{}",
                                          "the imported registry is inconsistent: {}"};

inline constexpr Message kImpNoFile{"无法读取：没有这个文件", "cannot read: no such file"};
inline constexpr Message kImpIsDir{"无法读取：这是目录，不是文件",
                                   "cannot read: it is a directory, not a file"};
inline constexpr Message kImpNotRegular{
    "无法读取：不是普通文件（是设备、管道或套接字）",
    "cannot read: not a regular file (a device, a pipe or a socket)"};
inline constexpr Message kImpEmpty{"文件是空的", "the file is empty"};

// The roles of the inputs, as the office calls the sheets.
inline constexpr Message kRoleExport{"导出表", "export"};
inline constexpr Message kRoleRoster{"花名册", "roster"};
inline constexpr Message kRoleVerification{"核实表", "verification"};
inline constexpr Message kRoleVillages{"行政村表", "villages"};
inline constexpr Message kRoleStaff{"人员名单", "staff"};
/// Between the items of a list of alternatives ("a, b or c"): header names read "户编号或户号"
/// in Chinese, codes "poor、planned_exit、exited" (kListOrCode; the message says "one of").
inline constexpr Message kListOr{"或", " or "};
inline constexpr Message kListOrCode{"、", " or "};
inline constexpr Message kListComma{"、", ", "};

// Finding the sheets and their headers.
inline constexpr Message kImpSheetEmpty{"工作表是空的", "the sheet is empty"};
inline constexpr Message kImpNoSheetHeader{"没有一个工作表有表头：", "no sheet has the header: "};
inline constexpr Message kImpSheetLabel{"工作表 {}：", "sheet {}: "};
inline constexpr Message kImpOtherSheets{
    "；工作簿中的工作表有 {}：用 FILE#工作表 指定其中一个，或用 FILE#* 全部读取",
    "; the workbook's sheets are {}: name one with FILE#SHEET, or read every one with FILE#*"};
inline constexpr Message kImpNoHeaderRow{
    "前 {} 行中找不到表头行：应有一行含 {}，另有至少 {} 个已知列（见 docs/import.md；--mapping "
    "可增加表头名）",
    "no header row found in the first {} rows: expected a row with {} and at least {} other "
    "known columns (see docs/import.md; --mapping adds header names)"};
inline constexpr Message kImpNoColumn{
    "{}没有 {} 列{}；可在 --mapping 中用 columns: {{{}: [表头]}} 指定别的表头名",
    "the {} sheet has no column {}{}; --mapping columns: {{{}: [HEADER]}} names another header"};
inline constexpr Message kImpNoColumnRoster{
    "（没有“与户主关系”列的花名册每户一行，必须有“人数”）",
    " (a roster without 与户主关系 has one row per household and must give 人数)"};
inline constexpr Message kImpNoColumnIncome{"（入户核实的就是收入）",
                                            " (the income is what a visit is for)"};

// Rows of households.
inline constexpr Message kImpRowSkipped{
    "这一行没有{}，已跳过（是备注或合计行？）",
    "the row has no {} and is skipped (a note or a total line?)"};
inline constexpr Message kImpCellEmpty{"{}为空", "{} is empty"};
inline constexpr Message kImpInTwoFiles{
    "{} {} 也在 {}（{}）中；一户只能在一个{}文件里",
    "{} {} is also in {} ({}); a household must be in one {} file"};
inline constexpr Message kImpTwoRows{
    "{} {} 在每户一行的工作表中出现了两行（另一行在 {}）",
    "{} {} is on two rows (also {}) of a sheet of one row per household"};
inline constexpr Message kImpRowsDisagree{
    "{0}在这里是“{1}”，在 {3} 却是“{2}”（{4} {5}）：同一户的各行必须一致",
    "{} is \"{}\" here but \"{}\" at {} ({} {}): the rows of one household must agree"};
inline constexpr Message kImpSecondHead{"{} {} 有第二个户主（第一个在 {}）",
                                        "a second 户主 of {} {} (the first is at {})"};
inline constexpr Message kImpNoIncome{
    "{}为空：核实表的每一行都必须填入户核实到的收入",
    "{} is empty: a verification row must give the income the visit found"};
inline constexpr Message kImpStatusEmpty{"{1} 的{0}为空", "{} is empty for {}"};
inline constexpr Message kImpNoExitYearColumn{
    "导出表没有“脱贫年度”列，而{} 已脱贫（{}），需要这一列",
    "the export has no column 脱贫年度, which {} needs: it has exited ({})"};
inline constexpr Message kImpExitYearEmpty{
    "{1} 已脱贫（{2}），但{0}为空：必须填脱贫年度",
    "{} is empty for {}, which has exited ({}): the year of exit is required"};
inline constexpr Message kImpNoHead{
    "{} 没有户主行（与户主关系）：户主的姓名、证件号码、电话和语言留空",
    "{} has no 户主 row (与户主关系): its head's name, ID, phone and language are left empty"};
inline constexpr Message kImpHeadId{"{}（{} 的户主）", "{} (the head of {})"};
inline constexpr Message kImpSizeRows{
    "{0}：{1}为 {2}，但这户有 {3} 行家庭成员；members.csv 按实际的行列出成员，评估组看来就是三统一"
    "不一致",
    "{}: {} is {} but the household has {} rows of persons; members.csv lists them as they are, "
    "a 三统一 inconsistency as the evaluators would see it"};
inline constexpr Message kImpRosterSameId{
    "{0} {1} 也是导出表中另一户的{2}（{3}）：两个来源把同一个编号给了不同的户",
    "{} {} is also the {} of another household of the export ({}): two sources give one id to "
    "different households"};
inline constexpr Message kImpRosterMergedOne{
    "花名册中有 {} 户已在导出表中（户主证件号码相同），未重复添加；就是这一户",
    "{} roster household is in the export already (the same head's ID) and not added twice; "
    "this is the first"};
inline constexpr Message kImpRosterMergedMany{
    "花名册中有 {} 户已在导出表中（户主证件号码相同），未重复添加；这是第一户",
    "{} roster households are in the export already (the same head's ID) and not added twice; "
    "this is the first"};

// Places.
inline constexpr Message kImpCodeOfOther{
    "{0}“{1}”的行政区划代码是 {2}，但其他行把这个代码给了“{3}”",
    "{} \"{}\" has the village code {}, which other rows give to \"{}\""};
inline constexpr Message kImpTwoCodes{
    "“{1}”的行政村“{0}”在这里的行政区划代码是 {2}，其他行却是 {3}",
    "the village \"{}\" of \"{}\" has the village code {} here but {} on other rows"};
inline constexpr Message kImpNoMatch{"{} {} 在导出表和花名册中都找不到对应的户",
                                     "{} {} matches no household of the exports or rosters"};
inline constexpr Message kImpSecondVerification{
    "{} {} 有第二行核实记录（第一行在 {}）",
    "a second verification row for {} {} (the first is at {})"};
inline constexpr Message kImpNoVillagesSheet{
    "没有 --villages 行政村表：villages.csv 没有条件指标，村的类别只能来自 design.tier_method: "
    "label，并且每个村都要填类别",
    "no --villages sheet: villages.csv has no condition indicators, so tiers can only come from "
    "design.tier_method: label, with a tier for each village"};
inline constexpr Message kImpVillageTwoRows{
    "行政村“{}”在行政村表中有两行（另一行在 {}）",
    "the village \"{}\" is on two rows of the villages sheet (also {})"};
inline constexpr Message kImpTownshipTravel{"{0}在这里是 {1}，在 {3} 却是 {2}（乡镇“{4}”）",
                                            "{} is {} here but {} at {} (township \"{}\")"};
inline constexpr Message kImpVillagesMissingOne{
    "有 {} 个有农户的行政村不在行政村表中（{}）；它的条件指标为空",
    "{} village of the households is not in the villages sheet (the first: {}); their "
    "condition indicators are empty"};
inline constexpr Message kImpVillagesMissingMany{
    "有 {} 个有农户的行政村不在行政村表中（第一个：{}）；这些村的条件指标为空",
    "{} villages of the households are not in the villages sheet (the first: {}); their "
    "condition indicators are empty"};

// The households built.
inline constexpr Message kImpIncomeEmpty{
    "{1} 的{0}为空，核实表中也没有它的核实人均纯收入",
    "{} is empty for {}, and no verification row gives its 核实人均纯收入"};
inline constexpr Message kImpMemberNoId{
    "{} 的一名成员没有证件号码：无法得知其年龄（也不计为辍学）",
    "a member of {} has no ID number: the person has no age (and is not counted as a dropout)"};
inline constexpr Message kImpMemberNoBirth{
    "{1} 的一名成员的证件号码 {0} 中没有出生日期：无法得知其年龄（也不计为辍学）",
    "the ID number {} of a member of {} has no birth date: the person has no age (and is not "
    "counted as a dropout)"};
inline constexpr Message kImpUnknownEthnicity{
    "{0}“{1}”不是 56 个民族之一（汉族、彝族、哈尼族、傣族……），而 {2} 的户主不会讲普通话，需要知道"
    "这户的语言；要接受它，请在 --mapping 文件中加上 values: {{ethnicity: {{{1}: CODE}}}}，CODE "
    "为其语言代码（小写字母，例如 yi）",
    "{0} \"{1}\" is not one of the 56 民族 (汉族, 彝族, 哈尼族, 傣族, ...), and the head of {2} "
    "does not speak 普通话, so the household's language is needed; to accept it, add it to the "
    "--mapping file: values: {{ethnicity: {{{1}: CODE}}}} with CODE its language (lowercase "
    "letters, e.g. yi)"};
inline constexpr Message kImpNoEthnicity{
    "{} 的户主不会讲普通话，但没有填民族：语言按汉语（zh）处理",
    "the head of {} does not speak 普通话 but has no 民族: the language is left as zh"};

// The staff sheet.
inline constexpr Message kImpRoleEmpty{"{}为空：应为“领走人员”或“翻译”",
                                       "{} is empty: expected 领走人员 or 翻译"};
inline constexpr Message kImpNamesakeVillages{
    "有 {} 个行政村叫“{}”：请同时填乡(镇)",
    "there are {} villages named \"{}\": give the 乡(镇) too"};
inline constexpr Message kImpStaffNoVillage{
    "{}“{}”不是导出表、花名册或行政村表中的行政村",
    "{} \"{}\" is not a village of the exports, rosters or villages sheet"};
inline constexpr Message kImpStaffNoVillageOf{
    "{}“{}”（{}）不是导出表、花名册或行政村表中的行政村",
    "{} \"{}\" of \"{}\" is not a village of the exports, rosters or villages sheet"};
inline constexpr Message kImpGuideNoVillage{
    "向导（领走人员）必须填所带路的行政村",
    "a guide (领走人员) must name the village (行政村) they guide in"};
inline constexpr Message kImpStaffNoGroup{
    "{}“{}”不是导出表或花名册中行政村“{}”的村民小组",
    "{} \"{}\" is not a group (村民小组) of the village \"{}\" in the exports or rosters"};

inline constexpr Message kImpMoreWarnings{"还有 {} 条与上面同类（{}）的警告未显示",
                                          "{} more warnings like the ones above ({}) not shown"};
inline constexpr Message kImpNoExport{"import 至少需要一个 --export 文件",
                                      "import needs at least one --export file"};

// Values of cells.
inline constexpr Message kValKeepAsText{
    "请把该列设为文本（粘贴前 设置单元格格式 → 文本，或以文本导入该列）后重新导出",
    "keep the column as text (设置单元格格式 → 文本 before pasting, or import the column as "
    "text) and export it again"};
inline constexpr Message kValExponent{
    "{}“{}”是科学计数法：电子表格已把数字变成了近似值，末尾几位已丢失；{}",
    "{} \"{}\" is in exponent form: a spreadsheet has turned the number into a rounded figure "
    "and its last digits are lost; {}"};
inline constexpr Message kValFormulaError{"{}是公式错误 {}；请改正公式或直接填写数值",
                                          "{} holds the formula error {}; correct the formula or "
                                          "type the value"};
inline constexpr Message kValLostDigits{
    "{} {} 是以超过 15 位的数字保存的，电子表格已把末尾几位换成了 0；{}",
    "{} {} was stored as a number of more than 15 digits, so a spreadsheet has already replaced "
    "its last digits with zeros; {}"};
inline constexpr Message kValMayLoseDigits{
    "{}“{}”是超过 15 位有效数字的数：电子表格只保留 15 位，末尾几位可能已丢失",
    "{} \"{}\" is a number of more than 15 significant digits: a spreadsheet keeps only 15, so "
    "its last digits may be lost"};
inline constexpr Message kValVillageCode{
    "{}应为 12 位的行政区划代码，实际是“{}”",
    "{} must be the 12-digit village code (行政区划代码), got \"{}\""};
inline constexpr Message kValPhone{
    "{}“{}”不是电话号码：应为以 1 开头的 11 位手机号，或带区号的固定电话（以 0 开头，共 10 至 12 "
    "位数字，区号后可有一个 -）",
    "{} \"{}\" is not a phone number: expected an 11-digit mobile number starting with 1, or a "
    "landline with its area code (0 and 10 to 12 digits, one - after the area code allowed)"};
inline constexpr Message kValWhole{"{}应为不小于 {} 的整数，实际是“{}”",
                                   "{} must be a whole number >= {}, got \"{}\""};
inline constexpr Message kValNumber{"{}应为数字，实际是“{}”", "{} must be a number, got \"{}\""};
inline constexpr Message kValNumberNonNegative{"{}应为不小于 0 的数，实际是“{}”",
                                               "{} must be a number >= 0, got \"{}\""};
inline constexpr Message kValYear{"{}应为年份（如 2016），实际是“{}”",
                                  "{} must be a year such as 2016, got \"{}\""};
inline constexpr Message kValNotOneOf{"{}“{}”不是可用的值（{}）{}", "{} \"{}\" is not one of {}{}"};
inline constexpr Message kValUnknownLanguage{
    "{}“{}”不是 kaoping 认识的语言（汉语、彝语、哈尼语……或 yi 这样的代码）{}",
    "{} \"{}\" is not a language kaoping knows (汉语, 彝语, 哈尼语, ... or a code such as yi){}"};
inline constexpr Message kValMappingHint{
    "；要接受它，请在 --mapping 文件中加上 values: {{{}: {{{}: CODE}}}}",
    "; to accept it, add it to the --mapping file: values: {{{}: {{{}: CODE}}}}"};
inline constexpr Message kValMappingCodes{"，CODE 为 {} 之一", " with CODE {}"};
inline constexpr Message kValBadId{
    "证件号码 {} 不是有效的身份证号（校验位不符合 GB 11643，或前 17 位中有字母）",
    "证件号码 {} is not a valid ID number (its check character fails GB 11643, or it has "
    "letters among its first 17 characters)"};
inline constexpr Message kValBadDisabilityId{
    "证件号码 {} 不是有效的残疾人证号（应为有效的身份证号加两位数字）",
    "证件号码 {} is not a valid disability certificate number (残疾人证号: a valid ID number and "
    "two digits)"};
inline constexpr Message kValIdLength{
    "证件号码 {} 有 {} 个字符；应为 18 位身份证号或 20 位残疾人证号",
    "证件号码 {} has {} characters; expected an 18-character ID number or a 20-character "
    "disability certificate number"};
// The accepted values of the tables whose list has words besides the values themselves.
inline constexpr Message kAcceptStatus{
    "未脱贫, 返贫, 预脱贫, 计划脱贫, 拟脱贫, 已脱贫, 脱贫, 已脱贫(享受政策), 已脱贫(不再享受政策), "
    "或系统代码 0–4",
    "未脱贫, 返贫, 预脱贫, 计划脱贫, 拟脱贫, 已脱贫, 脱贫, 已脱贫(享受政策), 已脱贫(不再享受政策), "
    "or the system's codes 0–4"};
inline constexpr Message kAcceptCause{
    "因病, 因残, 因学, 因灾, 缺土地, 缺水, 缺技术, 缺劳力, 缺劳动力, 缺资金, 交通条件落后, "
    "自身发展动力不足, 其他, 其它, 或系统代码 1–11 和 99",
    "因病, 因残, 因学, 因灾, 缺土地, 缺水, 缺技术, 缺劳力, 缺劳动力, 缺资金, 交通条件落后, "
    "自身发展动力不足, 其他, 其它, or the system's codes 1–11 and 99"};
inline constexpr Message kAcceptGender{"男, 女（或代码 1, 2）", "男, 女 (or the codes 1, 2)"};
inline constexpr Message kAcceptHousing{"A, B, C, D（或 A级……D级）", "A, B, C, D (or A级 ... D级)"};

// The mapping file.
inline constexpr Message kMapUnknownField{
    "未知的字段“{}”（字段是 households.csv 和 members.csv 的列名，以及 ethnicity、mandarin、"
    "school、medical_insurance；见 docs/import.md）",
    "unknown field \"{}\" (the fields are the column names of households.csv and members.csv, "
    "and ethnicity, mandarin, school, medical_insurance; see docs/import.md)"};
inline constexpr Message kMapUnknownFieldHint{"未知的字段“{}”，是不是“{}”？",
                                              "unknown field \"{}\", did you mean \"{}\"?"};
inline constexpr Message kMapNotUtf8{"映射文件不是 UTF-8 编码（是 GBK？）；请另存为 UTF-8",
                                     "the mapping file is not UTF-8 (GBK?); save it as UTF-8"};
inline constexpr Message kMapNotYaml{"不是 YAML：{}", "not YAML: {}"};
inline constexpr Message kMapNotMap{
    "映射文件必须是含 columns 和 values 两个键的映射",
    "the mapping file must be a map with the keys columns and values"};
inline constexpr Message kMapUnknownKey{"未知的键“{}”（应为 columns 或 values）",
                                        "unknown key \"{}\" (expected columns or values)"};
inline constexpr Message kMapUnknownKeyHint{"未知的键“{}”，是不是“{}”？",
                                            "unknown key \"{}\", did you mean \"{}\"?"};
inline constexpr Message kMapSectionNotMap{"{} 必须是以字段名为键的映射",
                                           "{} must be a map of field names"};
inline constexpr Message kMapColumnsValue{"columns: {} 必须是一个表头名或表头名的列表",
                                          "columns: {} must be a header name or a list of them"};
inline constexpr Message kMapHeaderText{"表头名必须是文本", "a header name must be text"};
inline constexpr Message kMapValuesNotMap{"values: {} 必须是“文本: 代码”的映射",
                                          "values: {} must be a map of text: code"};
inline constexpr Message kMapNoTable{
    "values: {} 没有取值表（其单元格按原样读取）",
    "values: {} takes no value table (its cells are read as they are)"};
inline constexpr Message kMapBadLanguageCode{
    "values: {}：“{}”不是 {} 的代码（语言代码：2 至 12 个小写字母，例如 yi）",
    "values: {}: \"{}\" is not a code of {} (a language code: lowercase letters, 2 to 12, e.g. "
    "yi)"};
inline constexpr Message kMapBadCode{"values: {}：“{}”不是 {} 的代码（应为 {} 之一）",
                                     "values: {}: \"{}\" is not a code of {} (expected one of {})"};

// Workbooks.
inline constexpr Message kBookNoSheet{"工作簿中没有名为“{}”的工作表（其中的工作表：{}）",
                                      "the workbook has no sheet named \"{}\" (its sheets: {})"};
inline constexpr Message kBookNoSheetHint{
    "工作簿中没有名为“{}”的工作表，是不是“{}”？（其中的工作表：{}）",
    "the workbook has no sheet named \"{}\", did you mean \"{}\"? (its sheets: {})"};
inline constexpr Message kBookTooLarge{
    "文件有 {} MiB，超过了输入文件的上限 {} MiB；一个县的导出表只有几 MB：是不是选错了文件？",
    "the file is {} MiB, larger than the {} MiB an input may have; a county's export is a few "
    "MB: is it the right file?"};
inline constexpr Message kBookMisnamed{
    "这是{0}，却以 {1} 扩展名保存；按其实际格式读取",
    "this is {} saved with an {} name; it is read as what it is"};
inline constexpr Message kBookRefuse{"这是{}，不是工作簿；{}", "this is {}, not a workbook; {}"};
inline constexpr Message kBookRefuseNamed{"这是{0}，却以 {1} 扩展名保存，不是工作簿；{2}",
                                          "this is {} saved with an {} name, not a workbook; {}"};
inline constexpr Message kBookXlsx{"一个 .xlsx 工作簿", "an .xlsx workbook"};
inline constexpr Message kBookXls{"一个 .xls 工作簿（Excel 97–2003）",
                                  "an .xls workbook (Excel 97–2003)"};
inline constexpr Message kBookHtml{"一个网页（HTML）", "an HTML page"};
inline constexpr Message kBookMhtml{"一个网页存档（MHTML）", "a web archive (MHTML)"};
inline constexpr Message kBookXml2003{"一个 Excel 2003 XML 电子表格",
                                      "an Excel 2003 XML spreadsheet"};
inline constexpr Message kBookXml{"一个 XML 文件", "an XML file"};
inline constexpr Message kBookPdf{"一份 PDF 文档", "a PDF document"};
inline constexpr Message kBookRtf{"一份 RTF 文档", "an RTF document"};
inline constexpr Message kBookTsv{"一个制表符分隔的文本文件", "tab-separated text"};
inline constexpr Message kBookCsv{"一个 CSV 文本文件", "CSV text"};
inline constexpr Message kBookResave{"请用 Excel 或 WPS 打开并另存为 .xlsx",
                                     "open it in Excel or WPS and save it as .xlsx"};
inline constexpr Message kBookExportAgain{"请把数据导出为 .xlsx 或 .csv",
                                          "export the data as .xlsx or .csv"};
inline constexpr Message kBookExportFromSystem{"请从系统中把数据导出为 .xlsx 或 .csv",
                                               "export the data from the system as .xlsx or .csv"};
inline constexpr Message kBookResaveOrCsv{
    "请用 Excel 或 WPS 打开并另存为 .xlsx，或另存为 CSV 再导入",
    "open it in Excel or WPS and save it as .xlsx, or as CSV and import that"};
inline constexpr Message kBookRenameCsv{
    "请改名为 .csv，或用 Excel 或 WPS 打开并另存为 .xlsx",
    "rename it to .csv, or open it in Excel or WPS and save it as .xlsx"};
inline constexpr Message kBookPassword{
    "工作簿有密码保护；请用 Excel 或 WPS 打开，去掉密码（文件 → 信息 → 保护工作簿）后另存为 .xlsx",
    "the workbook is protected by a password; open it in Excel or WPS, remove the password (文件 "
    "→ 信息 → 保护工作簿) and save it as .xlsx"};
inline constexpr Message kBookBinary{
    "这既不是工作簿（.xlsx、.xls），也不是 CSV 文件（文件以字节 {} {} 开头）",
    "this is neither a workbook (.xlsx, .xls) nor a CSV file (it starts with the bytes {} {})"};
inline constexpr Message kBookCsvSheet{"CSV 文件没有工作表；请去掉 #{}",
                                       "a CSV file has no sheets; name it without #{}"};
inline constexpr Message kBookNoWorksheets{"工作簿中没有工作表", "the workbook has no worksheets"};

// .xls workbooks (FreeXL).
inline constexpr Message kXlsMemory{"内存不足，无法读取", "there is not enough memory to read it"};
inline constexpr Message kXlsNoWorkbook{
    "这是不含工作簿的 OLE2 复合文档（Word 文档，或加密的工作簿？）；请用 Excel 或 WPS 打开并另存为 "
    ".xlsx",
    "this is an OLE2 compound document that holds no workbook (a Word document, or an encrypted "
    "workbook?); open it in Excel or WPS and save it as .xlsx"};
inline constexpr Message kXlsDamagedStructure{
    ".xls 工作簿已损坏（无法读取其复合文档结构）；请用 Excel 或 WPS 打开并另存为 .xlsx",
    "the .xls workbook is damaged (its compound-file structure cannot be read); open it in "
    "Excel or WPS and save it as .xlsx"};
inline constexpr Message kXlsDamagedRecords{
    ".xls 工作簿已损坏（无法读取其记录）；请用 Excel 或 WPS 打开并另存为 .xlsx",
    "the .xls workbook is damaged (its records cannot be read); open it in Excel or WPS and "
    "save it as .xlsx"};
inline constexpr Message kXlsCharset{
    ".xls 工作簿的文字使用了无法转换的字符集；请用 Excel 或 WPS 打开并另存为 .xlsx",
    "the .xls workbook's text is in a character set that cannot be converted; open it in Excel "
    "or WPS and save it as .xlsx"};
inline constexpr Message kXlsOther{
    ".xls 工作簿无法读取（FreeXL 错误 {}）；请用 Excel 或 WPS 打开并另存为 .xlsx",
    "the .xls workbook cannot be read (FreeXL error {}); open it in Excel or WPS and save it as "
    ".xlsx"};
inline constexpr Message kXlsReaderFailed{
    ".xls 工作簿已损坏（读取它的 FreeXL 在其中出错：{}）；请用 Excel 或 WPS 打开并另存为 .xlsx",
    "the .xls workbook is damaged (FreeXL, which reads it, failed on it: {}); open it in Excel "
    "or WPS and save it as .xlsx"};
inline constexpr Message kXlsSheetUnreadable{
    "工作表 {} 无法读取（工作簿已损坏）", "the sheet {} cannot be read (the workbook is damaged)"};
inline constexpr Message kXlsRowLimit{
    "工作表 {} 有 65536 行，已达 .xls 工作表的上限：保存时超出的行已被截掉；请导出为 .xlsx，或每个"
    "乡镇一个文件",
    "the sheet {} has 65536 rows, the most an .xls sheet can hold: rows past them were cut off "
    "when it was saved; export it as .xlsx, or one file per township"};
inline constexpr Message kXlsCellUnreadable{"单元格无法读取（工作簿已损坏）",
                                            "the cell cannot be read (the workbook is damaged)"};

// .xlsx workbooks (a zip archive of XML parts).
inline constexpr Message kXlsxPartMissing{"缺少部件 {}", "the part {} is missing"};
inline constexpr Message kXlsxPartOpen{"无法打开部件 {}：{}", "cannot open the part {}: {}"};
inline constexpr Message kXlsxPartRead{"无法读取部件 {}（压缩包已损坏：{}）",
                                       "cannot read the part {} (the archive is damaged: {})"};
inline constexpr Message kXlsxPartXml{"部件 {} 不是格式正确的 XML（第 {} 行：{}）",
                                      "the part {} is not well-formed XML (line {}: {})"};
inline constexpr Message kXlsxSheetDamaged{"工作表 {} 已损坏：{}", "the sheet {} is damaged: {}"};
inline constexpr Message kXlsxTooManyRows{"工作表超过 1048576 行",
                                          "the sheet has more than 1048576 rows"};
inline constexpr Message kXlsxPastXfd{"有单元格在最后一列 XFD 之后",
                                      "a cell lies past the last column XFD"};
inline constexpr Message kXlsxCellTooLarge{"有单元格超过 1 MiB", "a cell holds more than 1 MiB"};
inline constexpr Message kXlsxNoSharedString{
    "单元格引用了共享字符串 {}，但工作簿中没有它（文件已损坏）",
    "the cell refers to shared string {}, which the workbook does not have (the file is damaged)"};
inline constexpr Message kXlsxBadNumber{"单元格以数字保存，内容却是“{}”（文件已损坏）",
                                        "the cell is stored as a number but holds \"{}\" (the file "
                                        "is damaged)"};
inline constexpr Message kXlsxOds{
    "一个 OpenDocument 电子表格（.ods），不是 .xlsx 工作簿；请用 WPS、Excel 或 LibreOffice "
    "打开并另存为 "
    ".xlsx",
    "an OpenDocument spreadsheet (.ods), not an .xlsx workbook; open it in WPS, Excel or "
    "LibreOffice and save it as .xlsx"};
inline constexpr Message kXlsxOdf{"一个 OpenDocument 文件，不是工作簿",
                                  "an OpenDocument file, not a workbook"};
inline constexpr Message kXlsxXlsb{
    "一个 Excel 二进制工作簿（.xlsb），kaoping 不读这种格式；请用 Excel 或 WPS 打开并另存为 .xlsx",
    "an Excel binary workbook (.xlsb), which kaoping does not read; open it in Excel or WPS and "
    "save it as .xlsx"};
inline constexpr Message kXlsxDocx{"一份 Word 文档（.docx），不是工作簿",
                                   "a Word document (.docx), not a workbook"};
inline constexpr Message kXlsxPptx{"一份 PowerPoint 演示文稿（.pptx），不是工作簿",
                                   "a PowerPoint presentation (.pptx), not a workbook"};
inline constexpr Message kXlsxOtherZip{
    "一个不是工作簿的 zip 压缩包（没有 "
    "xl/workbook.xml）；如果里面是导出表，请解压后导入其中的工作簿",
    "a zip archive that is not a workbook (it has no xl/workbook.xml); if it holds the export, "
    "unpack it and import the workbook inside"};
inline constexpr Message kXlsxThisIs{"这是{}", "this is {}"};
inline constexpr Message kXlsxBadZip{
    "这是损坏的 zip 压缩包，不是可读的工作簿（{}）；请用 Excel 或 WPS 打开后重新保存",
    "this is a damaged zip archive, not a readable workbook ({}); open it in Excel or WPS and "
    "save it again"};
inline constexpr Message kXlsxDamaged{"工作簿已损坏：{}；请用 Excel 或 WPS 打开后重新保存",
                                      "the workbook is damaged: {}; open it in Excel or WPS and "
                                      "save it again"};

}  // namespace kaoping::msg
