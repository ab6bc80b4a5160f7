#include "reports/i18n.h"

#include <fmt/format.h>

#include <cmath>
#include <unordered_map>

namespace kaoping {
namespace {

struct Entry {
  std::string_view key, zh, en;
};

// Keep keys grouped by where they appear. Terms as DOMAIN.md.
constexpr Entry kTable[] = {
    // Rates (SPEC §3) and criteria.
    {"rate.wrong_exit", "错退率", "wrong-exit rate"},
    {"rate.omission", "漏评率", "omission rate"},
    {"rate.mis_inclusion", "错评率", "mis-inclusion rate"},
    {"rate.planned_exit_shortfall", "预脱贫不达标率", "planned-exit shortfall rate"},
    {"rate.inconsistency", "三统一不一致率", "inconsistency rate (三统一)"},
    {"rate.satisfaction", "群众认可度", "satisfaction"},
    {"rate.poverty_incidence", "综合贫困发生率", "poverty incidence"},
    {"dir.below", "低于", "below"},
    {"dir.above", "高于", "above"},
    // Findings (SPEC §4).
    {"finding.wrong_exit", "错退", "wrong exit"},
    {"finding.omission", "漏评", "omission"},
    {"finding.mis_inclusion", "错评", "mis-inclusion"},
    {"finding.planned_exit_shortfall", "预脱贫不达标", "planned-exit shortfall"},
    {"finding.inconsistency", "三统一不一致", "inconsistency (三统一)"},
    {"finding.few_measures", "帮扶措施少于4项", "fewer than 4 measures"},
    {"finding.measure_mismatch", "措施与致贫原因不对应", "measures do not answer the cause"},
    {"finding.missing_cards", "卡册不全", "cards missing"},
    // Registry vocabulary (DOMAIN.md §4).
    {"status.poor", "建档立卡未脱贫", "registered poor"},
    {"status.planned_exit", "预脱贫", "planned exit"},
    {"status.exited", "已脱贫", "exited"},
    {"status.non_registered", "非建档立卡", "non-registered"},
    {"category.poor", "未脱贫户", "poor"},
    {"category.exited", "已脱贫户", "exited"},
    {"category.non_registered", "非建档立卡户", "non-registered"},
    {"attribute.none", "未填", "not recorded"},
    {"attribute.general", "一般贫困户", "general"},
    {"attribute.dibao", "低保贫困户", "dibao (minimum living allowance)"},
    {"attribute.tekun", "特困供养贫困户", "tekun (destitute support)"},
    {"cause.none", "未填", "not recorded"},
    {"cause.illness", "因病", "illness"},
    {"cause.disability", "因残", "disability"},
    {"cause.education", "因学", "education"},
    {"cause.disaster", "因灾", "disaster"},
    {"cause.land", "缺土地", "lack of land"},
    {"cause.water", "缺水", "lack of water"},
    {"cause.skills", "缺技术", "lack of skills"},
    {"cause.labor", "缺劳力", "lack of labour"},
    {"cause.funds", "缺资金", "lack of funds"},
    {"cause.transport", "交通条件落后", "poor transport"},
    {"cause.motivation", "自身发展动力不足", "lack of motivation"},
    {"cause.other", "其他", "other"},
    {"housing.A", "A级（安全）", "grade A (safe)"},
    {"housing.B", "B级（安全）", "grade B (safe)"},
    {"housing.C", "C级（危房）", "grade C (dangerous)"},
    {"housing.D", "D级（危房）", "grade D (dangerous)"},
    {"tier.good", "好", "good"},
    {"tier.medium", "中", "medium"},
    {"tier.poor", "差", "poor"},
    // Common.
    {"common.dash", "–", "–"},
    {"common.yes", "是", "yes"},
    {"common.no", "否", "no"},
    {"common.total", "合计", "total"},
    {"common.never_sampled", "从未抽中", "never sampled"},
    {"common.cut", "此处仅列前 {} 行，共 {} 行；完整清单见 report.xlsx。",
     "Only the first {} of {} rows are shown here; the full list is in report.xlsx."},
    {"colophon.county", "县", "county"},
    {"colophon.date", "制表日期", "made on"},
    {"common.stamp", "{0} · {1} 制表", "{0} · made on {1}"},
    {"common.default_county", "默认示范县", "the default county"},
    {"colophon.version", "kaoping 版本", "kaoping version"},
    {"colophon.command", "命令", "command line"},
    {"colophon.registry", "数据", "registry"},
    {"colophon.seed", "随机种子", "seed"},
    {"colophon.runs", "模拟次数", "replicates"},
    {"colophon.threads", "线程数", "threads"},
    {"colophon.elapsed", "用时（秒）", "elapsed (seconds)"},
    {"colophon.privacy", "隐私", "privacy"},
    {"colophon.privacy_text", "身份证号只显示前6位和后4位，报告中不含电话号码。",
     "ID numbers show only their first 6 and last 4 characters; reports carry no phone "
     "numbers."},
    {"colophon.default_registry", "内置默认县（generate --profile default --seed 1）",
     "built-in default county (generate --profile default --seed 1)"},
    // Columns.
    {"col.criterion", "指标", "criterion"},
    {"col.standard", "标准", "standard"},
    {"col.mean", "平均值", "mean"},
    {"col.p05", "5%分位", "5th percentile"},
    {"col.p50", "中位数", "median"},
    {"col.p95", "95%分位", "95th percentile"},
    {"col.fail_probability", "不达标概率", "fail probability"},
    {"col.township", "乡镇", "township"},
    {"col.unit_kind", "单位", "unit"},
    {"col.township_id", "乡镇编号", "township id"},
    {"col.village", "行政村", "village"},
    {"col.village_id", "村编号", "village id"},
    {"col.tier", "类型（好/中/差）", "tier"},
    {"col.inclusion_freq", "被抽中频率", "sampled in"},
    {"col.pass_prob_if_sampled", "抽中时通过概率", "pass probability if sampled"},
    {"col.ci_low", "95%区间下限", "95% low"},
    {"col.ci_high", "95%区间上限", "95% high"},
    {"col.household_id", "户编号", "household id"},
    {"col.head_name", "户主", "head of household"},
    {"col.id_number", "身份证号（已遮蔽）", "ID number (masked)"},
    {"col.status", "户类别", "status"},
    {"col.finding_freq", "查出问题频率", "found at fault in"},
    {"col.priority", "优先级", "priority"},
    {"col.findings", "问题", "findings"},
    {"col.households", "户数", "households"},
    {"col.persons", "人数", "persons"},
    {"col.share", "占比", "share"},
    {"col.count", "数量", "count"},
    {"col.rate", "比率", "rate"},
    {"col.fixed", "整改户数", "households fixed"},
    {"col.pass_probability", "通过概率", "pass probability"},
    {"col.gain", "提高", "gain"},
    {"sim.points", "{} 个百分点", "{} points"},
    {"col.true_rate", "全县真实比率", "county's true rate"},
    {"col.sample_size", "样本户数", "sampled households"},
    {"col.detail", "说明", "detail"},
    {"col.date", "日期", "date"},
    {"col.start", "开始", "start"},
    {"col.end", "结束", "end"},
    {"col.team", "评估组", "team"},
    {"col.enumerator", "调查员", "enumerator"},
    {"col.group", "村民小组", "group"},
    {"col.guide", "向导", "guide"},
    {"col.interpreter", "翻译", "interpreter"},
    {"col.visits", "入户数", "visits"},
    {"col.villages", "村数", "villages"},
    {"col.gap", "缺口", "gap"},
    {"col.age_band", "年龄段", "age band"},
    {"col.labor", "劳动能力", "labour"},
    {"col.housing", "住房", "housing"},
    {"col.cause", "主要致贫原因", "main cause"},
    {"col.attribute", "贫困户属性", "attribute"},
    {"col.item", "项目", "item"},
    {"col.rank", "排名", "rank"},
    {"col.county", "县", "county"},
    {"col.registry", "登记数据目录", "registry folder"},
    {"col.error", "错误", "error"},
    {"col.riskiest_township", "风险最高的乡镇", "riskiest township"},
    // Sheet names of report.xlsx (at most 31 characters).
    {"sheet.criteria", "指标", "Criteria"},
    {"sheet.townships", "乡镇", "Townships"},
    {"sheet.villages", "行政村", "Villages"},
    {"sheet.households", "优先整改的农户", "Households to fix"},
    {"sheet.rates", "比率", "Rates"},
    {"sheet.findings", "问题", "Findings"},
    {"sheet.counties", "各县", "Counties"},
    {"sheet.not_loaded", "未能读入的县", "Not loaded"},
    // The commands (kaoping --help and each command's --help).
    {"cmd.generate.summary", "生成模拟县的登记数据（默认或小型）",
     "write a synthetic county registry (default or small profile)"},
    {"cmd.generate.help", "生成模拟县的登记数据（docs/registry.md 所列的全部文件，含 staff.csv）",
     "write a synthetic county registry (every file of docs/registry.md, staff.csv included)"},
    {"cmd.validate.summary", "检查登记数据和配置，列出全部问题",
     "check a registry and a configuration, report every problem"},
    {"cmd.validate.help", "检查登记数据和配置，列出全部问题",
     "check a registry and a configuration, report every problem"},
    {"cmd.sample.summary", "按评估组的方法抽取一次样本",
     "draw one sample exactly as the evaluators will"},
    {"cmd.sample.help",
     "按评估组的方法抽取一次样本（CSV：township_id、village_id、tier、household_id、category、"
     "role、reserve_rank、inclusion_prob、weight）",
     "draw one sample exactly as the evaluators will (CSV: township_id, village_id, tier, "
     "household_id, category, role, reserve_rank, inclusion_prob, weight)"},
    {"cmd.audit.summary", "按标准核查样本（或用 --all 核查全部农户）",
     "audit a sample (or every household with --all) against the standards"},
    {"cmd.audit.help",
     "像评估组一样核查一次样本（--sample FILE），或按登记收入核查全部农户（--all，全县自查）",
     "audit a sample as the evaluators would (--sample FILE), or every household with its "
     "recorded income (--all, the county's self-check)"},
    {"cmd.simulate.summary", "蒙特卡洛模拟：通过概率与风险所在",
     "Monte Carlo rehearsal: pass probability and where the risk sits"},
    {"cmd.simulate.help", "蒙特卡洛模拟：全县通过评估的概率、各项指标在各次模拟中的分布、风险所在",
     "Monte Carlo rehearsal: the probability that the county passes, each criterion's rate over "
     "replicates, and where the risk sits"},
    {"cmd.schedule.summary", "安排入户日程、向导、翻译和通知",
     "plan the visits, guides, interpreters and notifications"},
    {"cmd.schedule.help",
     "为一次样本安排入户：各组每天去哪里、每次入户由哪位向导带路、为不讲普通话的农户安排翻译、"
     "前一晚由谁通知农户在家、人员名单覆盖不了什么。在 --out 中写出 schedule.csv、"
     "notifications.csv、itineraries.csv、gaps.csv 和 schedule.ics。不给 --registry 时使用内置"
     "默认县及其人员名单，可以不给 --staff；登记数据目录中有 staff.csv 时也可以不给。",
     "plan the visits of a draw: teams and days, the guide who leads each visit, interpreters "
     "for households that do not speak zh, who notifies each household the evening before, and "
     "what the roster cannot cover. Writes schedule.csv, notifications.csv, itineraries.csv, "
     "gaps.csv and schedule.ics into --out. Without --registry the embedded default county and "
     "its own roster are used; --staff may then be left out, and so may it when the registry "
     "directory has a staff.csv."},
    {"cmd.import.summary", "把扶贫开发信息系统的导出表、花名册和核实表转成登记数据",
     "turn the national system's exports, rosters and verification sheets into a registry"},
    {"cmd.batch.summary", "多县模拟：每个县的通过概率和预计不通过的县数",
     "rehearse many counties: each one's pass probability, the expected number failing"},
    {"cmd.batch.help",
     "用同一配置模拟多个县（一个地区或一个省的登记数据目录）：每个县与单独运行 simulate 的结果"
     "完全相同（同一随机种子），写出 counties.csv、预计不通过的县数及其区间、报告和 "
     "manifest.json。读不进的县单列其错误，其他县照常模拟，退出码为 1。",
     "rehearse many counties (a prefecture's or a province's registry folders) with one "
     "configuration: each county exactly as 'simulate' alone (same seed); writes counties.csv, "
     "the expected number of counties failing with its interval, a report and manifest.json. "
     "A county that does not load is listed with its error while the others run; the exit "
     "code is then 1."},
    {"cmd.import.help",
     "把全国扶贫开发信息系统导出的工作簿（.xlsx、.xls 或 CSV，每人一行）、村花名册、入户核实表、"
     "行政村条件表和领走人员/翻译名单转成登记数据目录（见 docs/registry.md），并写出 "
     "import.json（每个输入的 "
     "SHA-"
     "256、表头所在行、各列的对应字段、按状态的户数、未核实户数和全部警告）。有任何错误时不写出任何"
     "文件。",
     "turn the national poverty information system's workbooks (.xlsx, .xls or CSV, one row "
     "per person), the village rosters, the verification sheets, the villages sheet and the "
     "staff list into a registry directory (docs/registry.md), with import.json (each input's "
     "SHA-256, "
     "the header row found, which column became which field, counts by status, unverified "
     "households, every warning). Nothing is written when there is any error."},
    // Help of the commands' options: opt.<option> for the common ones, opt.<command>.<option>.
    {"opt.help", "显示本帮助并退出", "print this help message and exit"},
    {"opt.version", "显示版本号并退出", "print the version and exit"},
    {"opt.registry", "登记数据目录（默认：内置默认县）",
     "registry directory (default: the embedded default county)"},
    {"opt.config", "在内置默认配置之上使用的 YAML 配置文件",
     "YAML configuration over the built-in default"},
    {"opt.set", "改写一个配置项，例如 design.townships=4",
     "override one configuration key, e.g. design.townships=4"},
    {"opt.lang", "报告和提示的语言", "language of reports and messages"},
    {"opt.quiet", "只显示错误", "print only errors"},
    {"opt.staff",
     "工作人员名单（staff.csv：向导和翻译；默认：登记数据目录中的 staff.csv，或默认县的名单）",
     "staff roster (staff.csv: guides and interpreters; default: the registry's own staff.csv, "
     "or the default county's roster)"},
    {"opt.force", "--out 目录中已有文件时也写入",
     "write into --out even when it already holds files"},
    {"opt.generate.out", "写入登记数据的目录（不存在则创建）",
     "directory to write the registry into (created if missing)"},
    {"opt.generate.profile", "default：讲话中的县（367,030 人）；small：供单元测试用",
     "default: the county of the speech (367,030 persons); small: for unit tests"},
    {"opt.generate.seed", "随机种子；同一种子总是生成同样的文件",
     "random seed; the same seed always gives the same files"},
    {"opt.sample.seed", "随机种子（默认：配置中的 simulation.seed）",
     "random seed (default: simulation.seed of the configuration)"},
    {"opt.sample.out", "写入的 CSV 文件（默认：标准输出）",
     "CSV file to write (default: standard output)"},
    {"opt.audit.sample", "要核查的样本：kaoping sample 的 CSV，或含 household_id 的名单",
     "draw to audit: the CSV of 'kaoping sample' or a list with household_id"},
    {"opt.audit.all", "全县自查：全部农户、按登记收入、含迎检准备问题",
     "self-check: every household, recorded income, readiness findings"},
    {"opt.audit.seed", "入户、收入误差和认可度的随机种子（默认：simulation.seed）；仅用于 --sample",
     "seed of the field visit, income error and satisfaction (default: simulation.seed); "
     "--sample only"},
    {"opt.audit.out",
     "写入 findings.csv、rates.csv 和汇总表的目录（不存在则创建）；不给时汇总显示在标准输出",
     "directory for findings.csv, rates.csv and the summaries (created if missing); without it "
     "the summary goes to standard output"},
    {"opt.simulate.runs", "模拟次数（默认：simulation.runs）",
     "replicates (default: simulation.runs)"},
    {"opt.simulate.seed", "随机种子（默认：simulation.seed）",
     "random seed (default: simulation.seed)"},
    {"opt.simulate.threads", "工作线程数，0 = 全部核心（默认：simulation.threads）",
     "worker threads, 0 = all cores (default: simulation.threads)"},
    {"opt.simulate.out",
     "写入 summary.json、risk_*.csv、report.html、report.xlsx、report.txt 和 manifest.json 的目录",
     "directory for summary.json, risk_*.csv, report.html, report.xlsx, report.txt and "
     "manifest.json"},
    {"opt.simulate.json", "只在标准输出显示汇总 JSON",
     "print only the summary JSON on standard output"},
    {"opt.batch.registries", "各县的登记数据目录（一个或多个）",
     "the counties' registry directories (one or more)"},
    {"opt.batch.runs", "每县模拟次数（默认：simulation.runs）",
     "replicates per county (default: simulation.runs)"},
    {"opt.batch.seed", "随机种子，各县相同（默认：simulation.seed）",
     "random seed, the same for every county (default: simulation.seed)"},
    {"opt.batch.out",
     "写入 counties.csv、batch.json、report.html、report.xlsx 和 manifest.json 的目录",
     "directory for counties.csv, batch.json, report.html, report.xlsx and manifest.json"},
    {"opt.batch.json", "只在标准输出显示汇总 JSON",
     "print only the summary JSON on standard output"},
    {"opt.simulate.fix-top", "假设整改：把优先度最高的 K 户整改到位，用同一批随机数重新模拟",
     "what-if: put right the K households of highest priority and re-run the same replicates"},
    {"opt.simulate.fix",
     "假设整改：把 FILE 中列出的农户整改到位（含 household_id 的 CSV，或每行一个户编号）",
     "what-if: put right the households listed in FILE (CSV with household_id, or one id per "
     "line)"},
    {"opt.simulate.townships", "条件: 评估组已公布的抽中乡镇（逗号分隔，个数为 design.townships）",
     "condition: the announced townships (comma-separated, design.townships of them)"},
    {"opt.simulate.villages", "条件: 评估组已公布的抽中行政村（每个抽中乡镇每档一个，逗号分隔）",
     "condition: the announced villages (one per tier in each township, comma-separated)"},
    {"opt.simulate.sample",
     "条件: 评估组的入户名单（kaoping sample 的 CSV，或含 household_id 的名单；备选行用于替补）",
     "condition: the evaluators' list (a sample CSV, or a list with household_id; its reserve "
     "rows replace the absent)"},
    {"opt.prioritize.townships",
     "条件: 评估组已公布的抽中乡镇（逗号分隔，个数为 design.townships）",
     "condition: the announced townships (comma-separated, design.townships of them)"},
    {"opt.prioritize.villages", "条件: 评估组已公布的抽中行政村（每个抽中乡镇每档一个，逗号分隔）",
     "condition: the announced villages (one per tier in each township, comma-separated)"},
    {"opt.prioritize.sample",
     "条件: 评估组的入户名单（kaoping sample 的 CSV，或含 household_id 的名单；备选行用于替补）",
     "condition: the evaluators' list (a sample CSV, or a list with household_id; its reserve "
     "rows replace the absent)"},
    {"opt.simulate.sensitivity",
     "敏感性分析：各项假设取合理范围（sensitivity: 配置）的两端，用同一批随机数重新模拟",
     "sensitivity: re-run the same replicates with each assumption at both ends of its range "
     "(sensitivity: in the config)"},
    {"opt.schedule.sample", "样本：kaoping sample 的 CSV，或评估组的名单（至少含 household_id）",
     "the draw: CSV of 'kaoping sample', or the evaluators' list with at least household_id"},
    {"opt.schedule.out", "写入日程文件的目录（默认：schedule-out）",
     "directory for the schedule files (default: schedule-out)"},
    {"opt.import.export", "系统导出的建档立卡数据（FILE、FILE#工作表 或 FILE#*）",
     "the system's export (FILE, FILE#SHEET or FILE#*)"},
    {"opt.import.roster", "其他农户的花名册", "rosters of the other households"},
    {"opt.import.verification", "入户核实表", "verification sheets"},
    {"opt.import.villages", "行政村表，每村一行", "one row per village"},
    {"opt.import.staff", "向导和翻译名单", "guides and interpreters"},
    {"opt.import.mapping", "YAML：更多表头名称和取值", "YAML: more header names and values"},
    {"opt.import.out", "写入登记数据的目录（不存在则创建）",
     "directory to write the registry into (created if missing)"},
    {"cli.audit.one_of", "--sample FILE 和 --all 只能且必须给一个",
     "give exactly one of --sample FILE or --all"},
    {"cli.audit.seed", "--seed 只用于 --sample；全县自查（--all）没有评估误差可抽",
     "--seed goes with --sample; the self-check (--all) has no evaluator error to draw"},
    {"cli.usage", "kaoping {} — 第三方评估迎检演练\n\n用法：kaoping 命令 [选项]\n\n命令：\n",
     "kaoping {} — rehearse the third-party evaluation (第三方评估) of a county's poverty "
     "registry\n\nusage: kaoping COMMAND [options]\n\ncommands:\n"},
    {"cli.usage_end",
     "\n通用选项：--registry DIR、--config FILE、--set KEY=VALUE、--lang zh|en、\n"
     "  --quiet、--help、--version。不给 --registry 时使用内置默认县。\n"
     "  用 'kaoping 命令 --help' 查看一个命令的选项。\n"
     "退出码：0 完成，1 输入有误或计划不可行，2 用法错误\n",
     "\ncommon options: --registry DIR, --config FILE, --set KEY=VALUE, --lang zh|en,\n"
     "  --quiet, --help, --version. Without --registry the embedded default county\n"
     "  is used. Run 'kaoping COMMAND --help' for a command's options.\n"
     "exit codes: 0 done, 1 bad input or impossible plan, 2 usage error\n"},
    {"cli.label.usage", "用法", "Usage"},
    {"cli.label.options", "选项", "OPTIONS"},
    {"cli.label.required", "必填", "REQUIRED"},
    {"cli.group.options", "选项", "Options"},
    // Messages of the command line (usage errors, counts of problems, notes).
    {"cli.unknown_command", "未知命令“{}”（见 kaoping --help）",
     "unknown command '{}' (see 'kaoping --help')"},
    {"cli.unknown_command_hint", "未知命令“{}”，是不是“{}”？",
     "unknown command '{}', did you mean '{}'?"},
    {"cli.extra_argument", "多余的参数“{}”", "unexpected argument '{}'"},
    {"cli.required", "缺少必填选项 {}", "{} is required"},
    {"cli.needs_value", "{} 后面要跟一个值", "{} needs a value"},
    {"cli.see_help", "用法见 kaoping {} --help", "see 'kaoping {} --help'"},
    {"cli.threads_capped", "--threads {} 多于本机的 {} 个核心；按 {} 个线程运行",
     "--threads {} is more than the {} cores of this computer; running {} threads"},
    {"cli.validate_errors", "validate：{} 个错误", "validate: {} errors"},
    {"cli.validate_error", "validate：1 个错误", "validate: 1 error"},
    {"cli.more_errors", "还有 {} 个错误未显示", "{} more errors not shown"},
    {"cli.stopped", "已有 {} 个错误，检查到此为止；后面可能还有更多错误未显示",
     "checking stopped after {} errors; more errors may follow, not shown"},
    {"cli.import_errors", "import：{} 个错误；什么也没有写",
     "import: {} errors; nothing was written"},
    {"cli.import_error", "import：1 个错误；什么也没有写", "import: 1 error; nothing was written"},
    {"cli.is_input", "{}：是本命令的输入；请另选 --out 目录",
     "{}: is an input of this command; choose another --out directory"},
    {"cli.no_household", "{}：样本中没有农户", "{}: no household in sample"},
    {"cli.impossible_plan", "无法安排日程：{}", "impossible plan: {}"},
    {"cli.plan_breaks_rule", "内部错误：日程违反规则：{}", "internal: plan breaks a rule: {}"},
    {"cli.gap", "缺口 {}", "gap {}"},
    // Terminal summaries and messages of the commands.
    {"term.county_default", "内置默认县", "default county"},
    {"term.sim_header", "考评模拟: {}, {} 次重复, 种子 {}, {} 个线程",
     "kaoping simulate: {}, {} replicates, seed {}, {} threads"},
    {"term.given_townships", "条件: 评估组已公布抽中乡镇 {}", "given: the announced townships {}"},
    {"term.given_villages", "条件: 评估组已公布抽中行政村 {}", "given: the announced villages {}"},
    {"term.given_sample", "条件: 评估组名单 {} ({} 户样本, {} 户备选)",
     "given: the evaluators' list {} ({} households, {} reserve)"},
    {"term.sensitivity", "敏感性: 通过概率 {:.2f}，在合理假设范围内介于 {:.2f} 与 {:.2f} 之间",
     "sensitivity: {:.2f}, between {:.2f} and {:.2f} over the plausible assumptions"},
    {"term.sensitivity_row", "  {} {} – {}: 通过概率 {:.4f} – {:.4f}",
     "  {} {} – {}: pass probability {:.4f} – {:.4f}"},
    {"assumption.evaluator.income_noise", "收入核算误差 (σ)", "income error (sigma)"},
    {"assumption.evaluator.presence", "在家率", "presence"},
    {"assumption.evaluator.satisfaction", "认可度 (整体平移)", "satisfaction (shift)"},
    {"assumption.evaluator.unverified_fault", "未核实户问题概率 (倍数)",
     "unverified fault (factor)"},
    {"term.sim_stopped", "已达到目标精度，提前停止；计划重复次数 {}",
     "stopped early at the target half-width; replicates asked {}"},
    {"term.sim_pass", "通过概率: {:.4f}  (95% 区间: {:.4f} – {:.4f})",
     "pass probability: {:.4f}  (95% CI: {:.4f} – {:.4f})"},
    {"term.criterion", "指标", "criterion"},
    {"term.standard", "标准", "standard"},
    {"term.mean", "均值", "mean"},
    {"term.fail_prob", "不达标概率", "fail prob."},
    {"term.binding", "  ← 最易失分", "  ← binding"},
    {"term.where", "风险所在（抽中时通过概率最低）:",
     "where the risk sits (lowest pass probability when sampled):"},
    {"term.township_risk", "  乡镇 {} {}: 抽中频率 {:.4f}, 抽中时通过 {:.4f}",
     "  township {} {}: inclusion {:.4f}, pass if sampled {:.4f}"},
    {"term.village_risk", "  村 {} {} ({}): 抽中频率 {:.4f}, 抽中时通过 {:.4f}",
     "  village {} {} ({}): inclusion {:.4f}, pass if sampled {:.4f}"},
    {"term.fix_first", "  优先整改的农户（在未通过的重复中被查出问题的比例）:",
     "  households to fix first (share of failing replicates in which found at fault):"},
    {"term.household_risk", "    {} {} {}: 优先度 {:.4f}, 查出频率 {:.4f}",
     "    {} {} {}: priority {:.4f}, finding freq. {:.4f}"},
    {"term.whatif", "假设整改 ({} 户整改到位):", "what-if ({} households put right):"},
    {"term.whatif_now", "  现状通过概率: {:.4f}  (95% 区间: {:.4f} – {:.4f})",
     "  pass probability as is: {:.4f}  (95% CI: {:.4f} – {:.4f})"},
    {"term.whatif_fixed", "  整改后通过概率: {:.4f}  (95% 区间: {:.4f} – {:.4f})",
     "  pass probability when fixed: {:.4f}  (95% CI: {:.4f} – {:.4f})"},
    {"term.whatif_diff", "  差: {:+.4f}  (95% 区间: {:+.4f} – {:+.4f}; 同一批随机数配对比较)",
     "  difference: {:+.4f}  (95% CI: {:+.4f} – {:+.4f}; paired, common random numbers)"},
    {"term.time", "用时: {:.3f} s, {:.0f} 次重复/秒", "time: {:.3f} s, {:.0f} replicates/s"},
    {"term.nothing_to_fix", "假设整改：没有农户在未通过的重复中被查出问题，无需整改",
     "what-if: no household was found at fault in a failing replicate; nothing to fix"},
    {"term.wrote", "已写入 {}", "wrote {}"},
    {"term.ok", "  达标", "  ok"},
    {"term.fails", "  不达标", "  FAILS"},
    {"term.verdict_pass", "结论：通过", "verdict: PASS"},
    {"term.verdict_fail", "结论：不通过（{}）", "verdict: FAIL ({})"},
    {"term.list_sep", "、", ", "},
    {"term.audit_header",
     "审计样本 {}（种子 {}）：样本 {} 户，入户调查 {} 户，不在家 {} 户，缺 {} 户",
     "audit of {} (seed {}): {} households in sample, {} surveyed, {} absent, {} short"},
    {"term.audit_short", "  村 {} {}：备选户用尽，缺 {} 户",
     "  village {}, {}: {} short (reserve exhausted)"},
    {"term.audit_findings", "问题：{} 条", "findings: {}"},
    {"term.audit_wrote",
     "已写入 {}：findings.csv、rates.csv、households.csv、shortfalls.csv、report.html、"
     "report.xlsx、manifest.json",
     "wrote findings.csv, rates.csv, households.csv, shortfalls.csv, report.html, report.xlsx, "
     "manifest.json to {}"},
    {"term.selfcheck_clean", "自查 {} 户：未发现问题",
     "self-check of {} households: nothing found"},
    {"term.selfcheck_found", "自查 {} 户：{} 户有问题（其中 {} 户违反评估规则）",
     "self-check of {} households: {} with findings ({} breaking a rule)"},
    {"term.selfcheck_unverified",
     "另有 {} 户未经入户核实：无法判断，只能上门核实（用 --out 时逐村列在 unverified.csv 中）",
     "{} more households nobody verified: they cannot be judged, only visited (listed by "
     "village in unverified.csv with --out)"},
    {"term.selfcheck_rates", "全县比率（按登记收入；认可度为期望值）：",
     "county rates (recorded income; satisfaction expected):"},
    {"term.selfcheck_villages", "优先整改的村：", "villages to fix first:"},
    {"term.selfcheck_village", "  {:<10} {:<8} {}：{}/{} 户（{}）",
     "  {:<10} {:<8} {}: {} of {} households ({})"},
    {"term.count_sep", "，", ", "},
    {"term.selfcheck_wrote",
     "已写入 {}：findings.csv、rates.csv、villages.csv、townships.csv、report.html、"
     "report.xlsx、manifest.json",
     "wrote findings.csv, rates.csv, villages.csv, townships.csv, report.html, report.xlsx, "
     "manifest.json to {}"},
    {"term.sample_wrote", "已写入 {}：{} 个乡镇、{} 个村，样本 {} 户，备选 {} 户（种子 {}）",
     "wrote {}: {} townships, {} villages, {} households in sample, {} in reserve (seed {})"},
    {"term.registry_default", "内置默认县（generate --profile default --seed 1）",
     "embedded default county (generate --profile default --seed 1)"},
    {"term.validate_registry", "登记数据：{}", "registry: {}"},
    {"term.validate_units", "乡镇 {} 个（可抽 {} 个），行政村 {} 个，村民小组 {} 个",
     "townships: {} ({} eligible for sampling), villages: {}, groups: {}"},
    {"term.validate_households", "农户 {} 户（未脱贫 {}，预脱贫 {}，已脱贫 {}，非建档立卡 {}）",
     "households: {} (poor {}, planned_exit {}, exited {}, non_registered {})"},
    {"term.validate_persons", "人口 {} 人（建档立卡贫困人口 {} 人，贫困发生率 {:.2f}%）",
     "persons: {} (registered poor {}, poverty incidence {:.2f}%)"},
    {"term.validate_members", "家庭成员表 {} 行；{} 户与农户表不一致",
     "members.csv: {} rows; {} households disagree with it"},
    {"term.validate_staff", "工作人员：向导 {} 人，翻译 {} 人",
     "staff: {} guides, {} interpreters"},
    {"term.validate_ok", "校验通过：0 个错误，{} 个警告", "valid: 0 errors, {} warnings"},
    {"term.import_wrote",
     "已写入 {}：{} 户 {} 人（未脱贫 {}，预脱贫 {}，已脱贫 {}，非建档立卡 {}），未核实 {} 户，"
     "花名册中已在导出数据里的 {} 户未重复添加；导入说明见 import.json",
     "wrote {0}: {1} households, {2} persons (poor {3}, planned_exit {4}, exited {5}, "
     "non_registered {6}), {7} unverified, {8} roster households already in the export not "
     "added twice; import.json says how"},
    {"term.generate_wrote",
     "已写入 {}（{} 个文件）：{} 户 {} 人，建档立卡贫困户 {} 户 {} 人，贫困发生率 {:.2f}%",
     "wrote {1} files to {0}: {2} households, {3} persons, {4} registered poor households ({5} "
     "persons), poverty incidence {6:.2f}%"},
    {"term.gaps", "人员无法覆盖 {} 项，见 {}", "{} gaps the roster cannot cover, listed in {}"},
    {"term.schedule_wrote", "已写入 {}/：{} 次入户，{} 个村，{} 至 {}",
     "wrote {}/: {} visits in {} villages, {} to {}"},
    // Simulate report.
    // Batch (terminal and report).
    {"term.batch_head", "{} 个县，每县 {} 次模拟，随机种子 {}（通过概率由低到高）：",
     "{} counties, {} replicates each, seed {} (lowest pass probability first):"},
    {"term.batch_progress", "第 {}/{} 个县已完成：{}", "batch {}/{} done: {}"},
    {"term.batch_not_loaded", "未能读入（见 counties.csv 的 error 列或上面的错误）",
     "not loaded (see the error column of counties.csv or the errors above)"},
    {"term.batch_expected",
     "预计不通过的县：{}（共 {} 个县；95% 区间 {} 至 {} 个，蒙特卡洛标准误 {}）",
     "expected number of counties failing: {} (of {}; 95% interval {} to {}, Monte Carlo "
     "standard error {})"},
    {"term.batch_failed_load", "{} 个县未能读入，退出码为 1",
     "{} counties did not load: exit code 1"},
    {"batch.title", "多县评估模拟报告", "Rehearsal of many counties"},
    {"batch.subtitle", "{} 个县，每县 {} 次蒙特卡洛模拟，随机种子 {}",
     "{} counties, {} Monte Carlo replicates each, seed {}"},
    {"batch.expected", "预计有几个县不通过", "How many counties are expected to fail"},
    {"batch.expected_failures", "预计不通过的县数", "Expected number failing"},
    {"batch.failures_ci", "95% 区间 {} 至 {} 个县", "95% interval {} to {} counties"},
    {"batch.counties_simulated", "已模拟的县", "Counties simulated"},
    {"batch.not_loaded_note", "另有 {} 个县未能读入", "{} more did not load"},
    {"batch.method",
     "预计数是各县不通过概率之和。各县由不同的评估组独立抽样和入户，所以实际不通过的县数是"
     "各县独立的伯努利变量之和，方差为 Σp(1−p)；各县的概率又是蒙特卡洛估计，其误差使预计数的"
     "标准误为 {}（预计数本身的 95% 区间 {} 至 {}）。上面的区间把两者相加（标准差 {}），按正态"
     "近似取 ±1.96 倍。每个县的模拟与单独运行 simulate 完全相同（{} 次，随机种子 {}）。",
     "The expected number is the sum of the counties' fail probabilities. Each county is drawn "
     "and visited by its own team, so the number that will fail is a sum of independent "
     "Bernoulli variables, of variance Σp(1−p); each probability is itself a Monte Carlo "
     "estimate, whose error gives the expected number a standard error of {} (the expected "
     "number itself lies in {} to {}, 95%). The interval above adds both (standard deviation "
     "{}) and takes ±1.96 of it, a normal approximation. Each county is simulated exactly as "
     "simulate alone would simulate it ({} replicates, seed {})."},
    {"batch.ranking", "各县排名", "The counties ranked"},
    {"batch.ranking_text",
     "通过概率最低的县排在最前；“最可能不达标的指标”是该县不达标概率最高的指标，"
     "“风险最高的乡镇”是被抽中时通过概率最低的乡镇。",
     "Lowest pass probability first; the criterion is the county's most likely to fail, the "
     "township the one with the lowest pass probability when it is drawn."},
    {"batch.chart", "各县的通过概率（95% 区间）", "Pass probability by county (95% interval)"},
    {"batch.table", "各县的通过概率", "Pass probability by county"},
    {"batch.not_loaded", "未能读入的县", "Counties that did not load"},
    {"batch.not_loaded_text", "这些县的数据有错误，没有模拟，也不计入预计数；改正后重新运行。",
     "These registries have errors: they were not simulated and are not in the expected "
     "number. Correct them and run again."},
    {"sim.legend.pass_good", "通过概率 ≥ 95%", "pass probability >= 95%"},
    {"sim.legend.pass_warning", "80%–95%", "80%–95%"},
    {"sim.legend.pass_bad", "低于 80%", "below 80%"},
    {"sim.legend.worse", "抽中时通过概率明显低于全县", "clearly below the county's probability"},
    {"sim.legend.same", "与全县无明显差别", "no clear difference"},
    {"sim.legend.better", "抽中时通过概率明显高于全县", "clearly above the county's probability"},
    {"sim.legend.runs_pass", "该项达标的模拟", "replicates in which it holds"},
    {"sim.legend.runs_fail", "该项不达标的模拟（阴影一侧）",
     "replicates in which it fails (hatched side)"},
    {"audit.legend.rules", "计入考核比率的问题", "findings that count in a rate"},
    {"audit.legend.readiness", "迎检准备问题", "readiness findings"},
    {"sched.legend.visits", "当天入户次数", "visits that day"},
    {"sim.title", "第三方评估模拟报告", "Third-party evaluation rehearsal"},
    {"sim.subtitle", "{} 次蒙特卡洛模拟，随机种子 {}", "{} Monte Carlo replicates, seed {}"},
    {"sim.title_given", "第三方评估模拟报告（已知评估组公布的抽样）",
     "Third-party evaluation rehearsal, given what the evaluators announced"},
    {"sim.sensitivity", "假设的敏感性", "Sensitivity to the assumptions"},
    {"sim.sensitivity_text",
     "通过概率为 {:.2f}，在合理假设范围内介于 {:.2f} 与 {:.2f} 之间。每项假设（配置中的 "
     "sensitivity:）分别取其范围的两端，其余不变，用同一批 {} 次模拟（同一随机种子）重新计算。",
     "The pass probability is {:.2f}, between {:.2f} and {:.2f} over the plausible assumptions: "
     "each assumption (sensitivity: in the config) is set to either end of its range, the others "
     "kept, on the same {} replicates (same seed)."},
    {"sim.sensitivity_chart", "各项假设取范围两端时的通过概率",
     "Pass probability at the two ends of each assumption's range"},
    {"sim.sensitivity_table", "敏感性分析", "Sensitivity"},
    {"sheet.sensitivity", "敏感性", "Sensitivity"},
    {"col.assumption", "假设", "assumption"},
    {"col.key", "配置项", "key"},
    {"col.low", "低端", "low"},
    {"col.high", "高端", "high"},
    {"col.pass_low", "低端通过概率", "pass probability at low"},
    {"col.pass_high", "高端通过概率", "pass probability at high"},
    {"sim.verdict", "结论", "Verdict"},
    {"sim.pass_probability", "通过概率", "Pass probability"},
    {"sim.ci", "95% 置信区间 {} – {}（Wilson）", "95% interval {} – {} (Wilson)"},
    {"sim.weakest", "最可能不达标的指标", "Criterion most likely to fail"},
    {"sim.weakest_note", "{} 的模拟中不达标（标准：{}）",
     "fails in {} of replicates (standard: {})"},
    {"sim.verdict_text",
     "按省第三方评估的抽样方案重复抽样 {} 次：全县在 {} 的模拟中所有指标都达标。最大的风险是{}，"
     "在 {} 的模拟中不达标。",
     "Drawing the evaluators' sample {} times, the county meets every standard in {} of the "
     "replicates. The largest risk is the {}, which fails in {} of them."},
    {"sim.criteria", "各项指标与标准", "Each rate against its standard"},
    {"sim.criteria_text", "每幅图是一项指标在各次模拟中的分布；竖线是标准，阴影一侧为不达标。",
     "Each chart shows how a rate varies from one draw of the sample to the next; the line is "
     "the standard and the shaded side fails."},
    {"sim.histogram_title", "{}：各次模拟的分布", "{}: distribution over replicates"},
    {"sim.threshold_label", "标准：{}{}", "standard: {} {}"},
    {"sim.where", "风险在哪里", "Where the risk sits"},
    {"sim.where_text", "被抽中时通过概率低的乡镇和村，是整改的重点。",
     "Townships and villages with a low pass probability when sampled are where to work first."},
    {"sim.townships_chart", "各乡镇被抽中时的通过概率",
     "Pass probability when each township is sampled"},
    {"sim.villages_chart", "通过概率最低的村（被抽中时）",
     "Villages with the lowest pass probability when sampled"},
    {"sim.townships_table", "乡镇风险", "Risk by township"},
    {"sim.villages_table", "村风险", "Risk by village"},
    {"sim.households_table", "优先整改的农户", "Households to fix first"},
    {"sim.overall_line", "全县通过概率", "county pass probability"},
    {"sim.fix", "优先整改的农户", "Households to fix first"},
    {"sim.fix_text",
     "优先级是失败的模拟中该户被抽中且发现问题的比例。整改这些农户最能提高通过概率。",
     "Priority is the share of failing replicates in which the household was sampled and found "
     "at fault: fixing these households raises the pass probability most."},
    {"sim.whatif", "整改的效果", "What fixing them buys"},
    {"sim.whatif_text", "把优先级最高的农户的问题整改后重新模拟（同一随机种子）得到的通过概率。",
     "The pass probability when the top households' problems are fixed, simulated again with "
     "the same seed."},
    {"sim.whatif_chart", "整改前后的通过概率", "Pass probability before and after fixing"},
    {"sim.whatif_now", "现在", "now"},
    {"sim.whatif_fixed", "整改优先级最高的 {} 户后", "after fixing the top {}"},
    {"sim.whatif_diff_ci", "95% 区间 {} 至 {} 个百分点；{} 次模拟由不通过变为通过，{} 次相反",
     "95% interval {} to {} points; {} replicates turn from fail to pass, {} the other way"},
    {"sim.whatif_hint",
     "用 --fix-top K 重新运行，可以算出整改优先级最高的 K 户后通过概率提高多少（同一随机种子）。",
     "Run again with --fix-top K to measure how much putting right the K households of highest "
     "priority raises the pass probability (same seed)."},
    {"sim.oc", "抽样方案的OC曲线", "OC curve of the design"},
    {"sim.oc_text",
     "横轴是全县的真实比率，纵轴是在这个比率下通过评估的概率（每个样本户以该概率出问题）。"
     "真实比率恰好在标准上时只有约一半的机会通过，所以全县需要在标准以下留出余量。",
     "The x axis is the county's true rate, the y axis the probability of passing at that rate "
     "(each sampled household at fault with that probability). A county exactly at the "
     "standard passes only about half the time, so it needs a margin below it."},
    {"sim.oc_chart", "通过概率与全县真实比率", "Pass probability against the county's true rate"},
    {"sim.oc_x", "全县真实比率", "county's true rate"},
    {"sim.oc_y", "通过概率", "pass probability"},
    {"sim.oc_table", "OC曲线", "OC curve"},
    {"sim.oc_series", "{}（每次约 {} 户）", "{} (about {} households a draw)"},
    {"sim.oc_method_mc", "按人数计算，样本户太多无法精确计算，改用模拟，{} 次/点",
     "person basis, too many households to compute exactly: Monte Carlo, {} replicates per "
     "point"},
    {"sim.oc_method_exact", "按户计算，二项分布精确值", "household basis, exact binomial"},
    {"sim.oc_method_exact_person",
     "按人数计算，精确值（出问题户数按二项分布，各户人口按全县分布卷积）",
     "person basis, exact (binomial number of households at fault, their sizes convolved)"},
    {"sim.oc_method_for", "{}：{}", "{}: {}"},
    {"sim.oc_method_sep", "；", "; "},
    {"sim.rate_axis", "比率", "rate"},
    {"sim.probability_axis", "通过概率", "pass probability"},
    {"sim.config", "抽样方案", "Sampling design"},
    {"sim.design_text",
     "抽 {} 个乡镇，每个乡镇按好、中、差各抽 1 个村，每村至少 {} 户（未脱贫 {}、已脱贫 "
     "{}、非建档立卡 {}）。",
     "{} townships, one good, one medium and one poor village in each, at least {} households "
     "per village (poor {}, exited {}, non-registered {})."},
    // Audit --all report.
    {"audit.title", "全县自查报告", "County self-check"},
    {"audit.subtitle", "全部 {} 户按国家标准逐户核查",
     "All {} households checked against the national standards"},
    {"audit.summary", "自查结论", "Summary"},
    {"audit.profile", "六个清：全县底数", "County profile (六个清)"},
    {"audit.profile_text",
     "建档立卡户（未脱贫、预脱贫、已脱贫）按致贫原因、属性、住房、劳动能力、年龄段和乡镇分列。",
     "Registered households (poor, planned exit, exited) by cause, attribute, housing, labour, "
     "age band and township."},
    {"audit.by_cause", "按主要致贫原因", "By main cause"},
    {"audit.by_attribute", "按贫困户属性", "By attribute"},
    {"audit.by_housing", "按住房安全等级", "By housing grade"},
    {"audit.by_labor", "按劳动能力（人）", "By labour capacity (persons)"},
    {"audit.by_age", "按年龄段（人）", "By age band (persons)"},
    {"audit.by_township", "按乡镇", "By township"},
    {"audit.by_township_cause", "按乡镇和致贫原因（户）",
     "By township and main cause (households)"},
    {"audit.by_status", "按户类别", "By status"},
    {"audit.rates", "各项比率（全部农户）", "Rates over every household"},
    {"audit.todo", "按村整改清单", "To-do list by village"},
    {"audit.todo_text", "每个村需要整改的农户数，按问题分列。",
     "Households to put right in each village, by finding."},
    {"audit.findings_table", "问题农户清单", "Households with findings"},
    {"audit.findings_chart", "各类问题的户数", "Households by finding"},
    {"audit.numerator", "分子", "numerator"},
    {"audit.denominator", "分母", "denominator"},
    {"audit.holds", "是否达标", "meets the standard"},
    {"audit.ok", "达标", "yes"},
    {"audit.fails", "不达标", "no"},
    {"audit.verdict", "按全县数据", "On the county's own data"},
    {"audit.pass", "达标", "meets every standard"},
    {"audit.fail", "不达标", "fails"},
    {"audit.all_hold", "各项指标都达标", "every criterion holds"},
    {"audit.checked", "核查户数", "households checked"},
    {"audit.flagged", "有问题的户", "households with findings"},
    {"audit.rule_flagged", "其中 {} 户涉及错退、漏评、错评、预脱贫或三统一",
     "{} of them with a wrong exit, omission, mis-inclusion, planned-exit or 三统一 finding"},
    {"audit.rule_flagged_col", "涉及考评指标的户", "with a rule finding"},
    {"audit.summary_text",
     "自查用农户自己登记的收入逐户核对国家标准（不含评估组的收入误差），并检查帮扶措施和明白卡等资"
     "料；"
     "群众认可度为预期值。",
     "The self-check judges every household on its recorded income (no evaluator error) and "
     "checks measures and cards; satisfaction is the expected share."},
    {"audit.relocated", "易地扶贫搬迁（安全）", "relocated (safe)"},
    {"audit.registered_persons", "建档立卡人数", "registered persons"},
    {"audit.sample_title", "一次抽样的核查报告", "Audit of one draw"},
    {"audit.sample_subtitle", "一次抽样，入户核查 {} 户，不在家 {} 户，缺额 {} 户（不是全县自查）",
     "One draw: {} households surveyed, {} not at home, {} short (not the county's self-check)"},
    {"audit.sample_verdict", "这一次抽样", "This one draw"},
    {"audit.sample_summary", "这一次抽样的结论", "The verdict on this one draw"},
    {"audit.one_draw_text",
     "这是一次抽样的 {} 户的结果：评估组的另一次抽样会抽到别的乡镇、村和农户，结论可能不同。"
     "全县自查见 kaoping audit --all；通过评估的概率见 kaoping simulate。",
     "This is the result of one draw of {} households: another draw by the evaluators takes "
     "other townships, villages and households and may end otherwise. The county's self-check "
     "is kaoping audit --all; the probability of passing the evaluation is kaoping simulate."},
    {"audit.units_fail", "但 {} 个乡镇、{} 个村单独不达标（见下）",
     "but {} townships and {} villages fail on their own (see below)"},
    {"audit.failing_heading", "单独不达标的乡镇和村",
     "Townships and villages that fail on their own"},
    {"audit.failing_sheet", "单独不达标", "failing units"},
    {"audit.failing_rates", "不达标的指标（标准见上表）", "criteria that fail (standards above)"},
    {"audit.failed_rate", "{0} {1}", "{0} {1}"},
    {"audit.failing_text",
     "按各自的全部农户计算，{0} 个乡镇（共 {1} 个）和 {2} 个村（共 {3} 个）单独不达标。评估组抽中"
     "其中一个，就可能因为它而不通过。",
     "Computed over all their own households, {0} of {1} townships and {2} of {3} villages fail "
     "on their own. If the evaluators draw one of them, the county can fail because of it."},
    {"audit.not_the_evaluation",
     "自查达标不等于通过评估：评估组只抽查几个乡镇、村和农户，并有收入核算误差和不在家的农户。"
     "通过评估的概率由演练给出：kaoping simulate（加 --fix findings.csv "
     "看整改这些农户能提高多少）。",
     "Passing the self-check is not passing the evaluation: the evaluators visit only a few "
     "townships, villages and households, with errors in their income assessment and households "
     "away from home. The rehearsal gives the probability of passing: kaoping simulate (with "
     "--fix findings.csv to see what putting these households right buys)."},
    {"audit.sample_rates", "样本各项比率", "Rates of the sample"},
    {"audit.shortfalls", "样本缺额", "Shortfalls"},
    {"audit.missing", "缺额户数", "households short"},
    {"audit.no_findings", "样本中没有发现问题。", "No finding in the sample."},
    {"audit.members_missing", "无成员数据（members.csv）", "no member data (members.csv)"},
    // Audit: the detail of each finding (audit/findings.h FindingDetail; the English text is
    // findings.csv's `detail`, SPEC §4, and must not change). Arguments by position, so that
    // each language takes the ones it needs. In English the codes of exclusions, measures and
    // cards are the registry's own spellings, as households.csv writes them.
    {"audit.detail.sep", "；", "; "},
    {"risk.unverified", "未入户核实", "unverified"},
    {"risk.unverified_detail", "未入户核实：评估组查出问题的概率按 {0} 计",
     "not verified: found at fault with probability {0}"},
    {"risk.may_be_below", "收入 {0} 接近标准线 {1}：评估核算时低于标准线的概率 {2}",
     "income {0} near line {1}: assessed below it with probability {2}"},
    {"risk.may_be_rich", "收入 {0} 接近 {1}：评估核算时达到该收入的概率 {2}",
     "income {0} near {1}: assessed at or above it with probability {2}"},
    {"audit.detail.code_sep", "、", ";"},
    {"audit.detail.income_below", "收入 {0} 低于标准线 {1}", "income {0} < line {1}"},
    {"audit.detail.assessed_income_below", "评估收入 {0} 低于标准线 {1}",
     "assessed income {0} < line {1}"},
    {"audit.detail.income_rich", "收入 {0} 达到标准线 {2} 的 {1} 倍",
     "income {0} >= {1} × line {2}"},
    {"audit.detail.assessed_income_rich", "评估收入 {0} 达到标准线 {2} 的 {1} 倍",
     "assessed income {0} >= {1} × line {2}"},
    {"audit.detail.food_insecure", "吃不愁未达标", "food insecure"},
    {"audit.detail.clothing_insecure", "穿不愁未达标", "clothing insecure"},
    {"audit.detail.water_unsafe", "饮水不安全", "water unsafe"},
    {"audit.detail.housing_unsafe", "住房{0}级（危房）", "housing {0}"},
    {"audit.detail.dropouts", "义务教育阶段辍学 {0} 人", "dropouts {0}"},
    {"audit.detail.uninsured", "未参加基本医保 {0} 人", "uninsured {0}"},
    {"audit.detail.excluded", "不符合识别条件：{0}", "excluded {0}"},
    {"audit.detail.archive_disagrees", "纸质档案与系统不一致", "archive disagrees with the system"},
    {"audit.detail.system_income", "系统收入 {0}，核实收入 {1}", "system income {0} vs field {1}"},
    {"audit.detail.members_disagree", "家庭成员信息与户表不一致", "members.csv disagrees"},
    {"audit.detail.few_measures", "帮扶措施 {0} 项，少于4项", "{0} measures, fewer than 4"},
    {"audit.detail.few_measures_one", "帮扶措施 {0} 项，少于4项", "{0} measure, fewer than 4"},
    // {0} the cause's code, {1} its name, {2} the measures.
    {"audit.detail.measure_mismatch", "致贫原因{1}；措施：{2}", "cause {0}; measures {2}"},
    {"audit.detail.no_measures", "无", "none"},
    {"audit.detail.missing_cards", "缺{0}", "missing {0}"},
    {"audit.detail.exclusion.official", "公职人员", "official"},
    {"audit.detail.exclusion.cadre", "村干部", "cadre"},
    {"audit.detail.exclusion.car", "有车辆或大型机械", "car"},
    {"audit.detail.exclusion.town_house", "城镇有房产", "town_house"},
    {"audit.detail.exclusion.company", "开办企业", "company"},
    {"audit.detail.exclusion.large_farm", "种养大户", "large_farm"},
    {"audit.detail.exclusion.split_household", "拆户分户", "split_household"},
    {"audit.detail.exclusion.absentee", "空挂户", "absentee"},
    {"audit.detail.exclusion.other", "其他", "other"},
    {"audit.detail.measure.industry", "产业", "industry"},
    {"audit.detail.measure.employment", "就业", "employment"},
    {"audit.detail.measure.training", "培训", "training"},
    {"audit.detail.measure.education", "教育", "education"},
    {"audit.detail.measure.health", "健康", "health"},
    {"audit.detail.measure.housing", "住房", "housing"},
    {"audit.detail.measure.relocation", "搬迁", "relocation"},
    {"audit.detail.measure.finance", "金融", "finance"},
    {"audit.detail.measure.social_security", "社保兜底", "social_security"},
    {"audit.detail.measure.water", "饮水", "water"},
    {"audit.detail.measure.other", "其他", "other"},
    {"audit.detail.card.help_card", "明白卡", "help_card"},
    {"audit.detail.card.contact_card", "联系卡", "contact_card"},
    {"audit.detail.card.record_book", "脱贫记录卡", "record_book"},
    // End of the finding details.
    // Schedule report.
    {"sched.title", "迎检入户日程", "Visit schedule"},
    {"sched.gap_summary", "缺口汇总：每个村还需要什么",
     "Gaps by village: what each village still needs"},
    {"sched.gap_summary_sheet", "缺口汇总", "gaps by village"},
    {"sched.gap_summary_text",
     "同一村、同一需求的缺口合在一起：需要的人数是同一时间缺的最多人数，时间从第一次到最后一次这样"
     "的入户。",
     "Gaps of one village and one need are summed: the people needed are the most missing at one "
     "time, the time runs from the first such visit to the last."},
    {"sched.gaps_each", "逐户缺口", "Gaps visit by visit"},
    {"col.people_needed", "需要人数", "people needed"},
    {"col.from", "从", "from"},
    {"col.to", "到", "to"},
    {"col.to_do", "要做的事", "what to do"},
    {"sched.need.guides_short", "{0}名单上只有 {1} 名向导，需要 {2} 名：再指定 {3} 名",
     "{0} has {1} guides on the roster and needs {2}: name {3} more"},
    {"sched.need.interpreter_kind", "缺{0}翻译", "no {0} interpreter"},
    {"sched.need.interpreter", "{0}需{1}翻译 {2} 人，{3}–{4}（{5} 次入户）",
     "{0} needs {2} {1} interpreter(s), {3} – {4} ({5} visits)"},
    {"sched.need.guide", "{0}需再安排向导 {1} 人，{2}–{3}（{4} 次入户无向导）",
     "{0} needs {1} more guide(s), {2} – {3} ({4} visits without a guide)"},
    {"sched.need.contact", "{0}有 {1} 户没有小组联系人：由向导通知，或为小组指定联系人",
     "{0}: {1} households have no group contact; a guide notifies them, or name a contact"},
    {"sched.notify_title", "入户通知名单", "Notification list"},
    {"sched.notify_sheet", "入户通知", "notifications"},
    {"sched.notify_village", "{} 入户通知名单", "{}: notification list"},
    {"col.notify_at", "通知时间", "notify at"},
    {"col.contact_name", "通知人", "contact"},
    {"col.contact_phone", "通知人电话", "contact phone"},
    {"col.visit_date", "入户日期", "visit date"},
    {"col.visit_start", "入户时间", "visit time"},
    {"col.note", "备注", "note"},
    {"sched.standby_note", "备用户：当天在家待命（有样本户不在家时顶替）",
     "reserve: stand by at home that day (replaces a sample household not at home)"},
    {"sched.guide_notifies", "无小组联系人，由向导通知", "no group contact: a guide notifies"},
    {"sched.itineraries", "人员行程", "itineraries"},
    {"col.staff_id", "人员编号", "staff id"},
    {"col.name", "姓名", "name"},
    {"col.role", "职责", "role"},
    {"col.activity", "安排", "activity"},
    {"sched.activity.travel", "从{}出发", "travel from {}"},
    {"sched.activity.lead", "带路", "lead"},
    {"sched.activity.interpret", "翻译", "interpret"},
    {"sched.activity.lead+interpret", "带路并翻译", "lead and interpret"},
    {"sched.activity.visits", "入户", "visits"},
    {"sched.role.guide", "向导", "guide"},
    {"sched.role.interpreter", "翻译", "interpreter"},
    {"sched.role.team", "评估组", "team"},
    {"sched.team_sheet", "第 {} 组日程", "Team {}: schedule"},
    {"sched.team_visits_title", "第 {} 组的入户（按时间）", "Team {}, hour by hour"},
    {"sched.team_idle", "本组没有入户安排。", "This team has no visits."},
    {"sched.village_sheet", "{}：入户安排", "{}: visits"},
    {"sched.village_visits_title", "入户农户、时间和陪同人员",
     "Households, times and who goes with the team"},
    {"sched.standby_title", "备用户（待命）", "Reserve households (standby)"},
    {"sched.standby_text",
     "备用户在本村每个入户日都在家待命（入户前一晚各通知一次）：样本户不在家时，评估组按顺序抽备用"
     "户"
     "顶替。",
     "Reserve households stay at home on each day the village is visited (told the evening "
     "before each day): when a sample household is not at home, the evaluators take a reserve "
     "in its place."},
    {"sched.subtitle", "{} 至 {}，{} 个评估组，{} 次入户", "{} to {}, {} teams, {} visits"},
    {"sched.overview", "日程概览", "Overview"},
    {"sched.day_count", "入户天数", "days of visits"},
    {"sched.day_heading", "{}", "{}"},
    {"sched.per_day", "每天的入户数", "Visits per day"},
    {"sched.gaps", "人员缺口", "What the roster cannot cover"},
    {"sched.no_gaps", "向导和翻译都已落实。", "Every guide and interpreter is in place."},
    {"sched.days_heading", "每日安排", "Day by day"},
    {"sched.sheet", "入户日程", "Visits"},
    {"sched.villages_note", "{} 个村", "{} villages"},
    {"sched.gaps_note", "见文末“人员缺口”", "see “What the roster cannot cover”"},
    {"sched.team_days", "各评估组每天去的村（入户数）", "Where each team goes each day (visits)"},
    {"sched.team_n", "第 {} 组", "team {}"},
    {"sched.village_visits", "{}（{}户）", "{} ({})"},
    {"sched.day_title", "{}：{} 次入户", "{}: {} visits"},
    {"sched.no_interpreter", "缺{}翻译", "no {} interpreter"},
    {"sched.no_guide", "缺向导", "no guide"},
    {"col.time", "时间", "time"},
    {"col.household", "农户", "household"},
    {"col.language", "语言", "language"},
    {"gap.guides_short", "向导不足", "too few guides"},
    {"gap.no_guide", "无向导带路", "no guide free"},
    {"gap.no_interpreter", "缺翻译", "no interpreter"},
    {"gap.no_contact", "无小组联系人（由向导通知）", "no group contact (a guide notifies)"},
    // Schedule: the detail of each gap (schedule/plan.h Gap; the English text is gaps.csv's
    // `detail`, SPEC §4, and must not change) and the rules a plan breaks (schedule/check.h
    // PlanProblem). Arguments by position, so that each language takes the ones it needs.
    {"sched.gap.guides_short", "名单上只有 {0} 名向导（每村需要 {1} 名）",
     "only {0} guides on the roster (schedule.guides_per_village: {1})"},
    {"sched.gap.guides_short_one", "名单上只有 {0} 名向导（每村需要 {1} 名）",
     "only {0} guide on the roster (schedule.guides_per_village: {1})"},
    {"sched.gap.no_guide_none", "本村名单上没有向导", "the village has no guide on the roster"},
    {"sched.gap.no_guide_busy", "{1} {2} 本村 {0} 名向导都在带其他入户",
     "all {0} guides of the village lead other visits at {1} {2}"},
    {"sched.gap.no_interpreter_none", "本村名单上没有人会{1}",
     "nobody on the roster for this village speaks {0}"},
    {"sched.gap.no_interpreter_busy", "{2} {3} 没有空闲的会{1}的本村向导或县翻译",
     "no guide of the village or county interpreter who speaks {0} is free at {2} {3}"},
    {"sched.gap.no_group_guide", "农户没有所属小组：由向导 {0} 通知",
     "the household has no group: guide {0} notifies instead"},
    {"sched.gap.no_contact_guide", "小组 {1} 没有联系人：由向导 {0} 通知",
     "group {1} has no contact person: guide {0} notifies instead"},
    {"sched.gap.no_group_nobody", "农户没有所属小组，本村也没有向导：无人通知",
     "the household has no group and the village has no guide: nobody notifies"},
    {"sched.gap.no_contact_nobody", "小组 {1} 没有联系人，本村也没有向导：无人通知",
     "group {1} has no contact person and the village has no guide: nobody notifies"},
    {"sched.problem.where", "{1} {2} 对 {0} 的入户", "visit of {0} on {1} at {2}"},
    {"sched.problem.enumerator", "第 {1} 组第 {0} 名调查员", "enumerator {0} of team {1}"},
    {"sched.problem.staff", "工作人员 {0}", "staff {0}"},
    {"sched.problem.team", "第 {0} 组", "team {0}"},
    {"sched.problem.interpreter", "翻译 {0}", "interpreter {0}"},
    {"sched.problem.gap_without_visit", "“{2}”缺口没有对应的入户", "a {1} gap names no visit"},
    {"sched.problem.gap_time", "{0}：“{4}”缺口的时间 {2} {3} 与入户时间不符",
     "{0}: a {1} gap at {2} {3}, not at the visit's time"},
    {"sched.problem.gap_figures", "{0}：“{2}”缺口所列情况与名单、农户或日程不符",
     "{0}: the {1} gap states what the roster, the household or the plan do not say"},
    {"sched.problem.gap_figures_village", "村 {0}：“{2}”缺口所列情况与名单不符",
     "village {0}: the {1} gap states what the roster does not say"},
    {"sched.problem.false_no_guide", "{0}：列为无向导，但向导 {1} 在带路",
     "{0}: a no_guide gap but guide {1} leads it"},
    {"sched.problem.false_no_interpreter", "{0}：列为缺翻译，但 {1} 在翻译",
     "{0}: a no_interpreter gap but {1} interprets"},
    {"sched.problem.visit_count", "农户 {0} 被安排入户 {1} 次，应为 1 次",
     "household {0} is visited {1} times, not once"},
    {"sched.problem.not_sampled", "农户 {0} 不在样本中却被安排入户",
     "household {0} is visited but not in the sample"},
    {"sched.problem.wrong_village", "{0}：农户不属于村 {1}",
     "{0}: the household is not in village {1}"},
    {"sched.problem.duration", "{0}：用时 {1} 分钟，应为 {2} 分钟",
     "{0}: lasts {1} minutes, not {2}"},
    {"sched.problem.outside_day", "{0}：不在工作时间 {1}-{2} 内",
     "{0}: outside the working day {1}-{2}"},
    {"sched.problem.over_lunch", "{0}：与午休时间重叠", "{0}: overlaps lunch"},
    {"sched.problem.outside_window", "{0}：不在 {1} 至 {2} 之内",
     "{0}: outside the days {1} to {2}"},
    {"sched.problem.no_such_team", "{0}：没有第 {1} 组或第 {2} 名调查员",
     "{0}: no such team {1} or enumerator {2}"},
    {"sched.problem.not_village_guide", "{0}：{1} 不是村 {2} 的向导",
     "{0}: {1} is not a guide of village {2}"},
    {"sched.problem.undeclared_no_guide", "{0}：没有向导，缺口中也未列出",
     "{0}: no guide and no gap says so"},
    {"sched.problem.needless_interpreter", "{0}：讲汉语的农户安排了翻译",
     "{0}: an interpreter for a zh household"},
    {"sched.problem.interpreter_language", "{0}：翻译 {1} 不会{3}",
     "{0}: interpreter {1} does not speak {2}"},
    {"sched.problem.interpreter_village", "{0}：翻译 {1} 属于别的村",
     "{0}: interpreter {1} belongs to another village"},
    {"sched.problem.undeclared_no_interpreter", "{0}：农户讲{2}，没有翻译，缺口中也未列出",
     "{0}: speaks {1} but has no interpreter and no gap says so"},
    {"sched.problem.double_booked", "{0} 同时在两处入户：{1}；{2}",
     "{0} is at two visits at once: {1} and {2}"},
    {"sched.problem.no_walk", "{0} 在{1}之后只有 {3} 分钟走到下一户（{2}），应至少 {4} 分钟",
     "{0} has {3} minutes to walk from the {1} to the next household ({2}), not {4}"},
    {"sched.problem.unreachable", "{0} 无法在 {2} {3} 前到达村 {1}（路程 {4} 分钟）",
     "{0} cannot reach village {1} by {2} {3} ({4} minutes of travel)"},
    {"sched.problem.undeclared_guides_short", "村 {0} 只有 {1} 名向导，少于 {2} 名，缺口中也未列出",
     "village {0} has {1} guides, fewer than {2}, and no gap says so"},
    {"sched.problem.guides_not_spread", "村 {0}：入户只由 {1} 名向导带路，至少应为 {2} 名",
     "village {0}: visits led by {1} guides, not at least {2}"},
    {"sched.problem.false_guides_short", "列为向导不足的村有 {0} 名向导",
     "a guides_short gap for a village with {0} guides"},
    {"sched.problem.notification_without_visit", "有一条通知没有对应的入户",
     "a notification names no visit"},
    {"sched.problem.notification_household", "{0}：通知的是另一户",
     "{0}: notification for another household"},
    {"sched.problem.notified_late", "{0}：{1} {2} 才通知，不在入户之前",
     "{0}: notified at {1} {2}, not before the visit"},
    {"sched.problem.not_group_contact", "{0}：不是由小组 {1} 的联系人通知",
     "{0}: not notified by the contact of group {1}"},
    {"sched.problem.undeclared_no_contact", "{0}：农户没有小组联系人，缺口中也未列出",
     "{0}: the household has no group contact and no gap says so"},
    {"sched.problem.notifier_not_guide", "{0}：由 {1} 通知，此人不是本村向导",
     "{0}: notified by {1}, not a guide of the village"},
    {"sched.problem.notification_count", "{0}：通知了 {1} 次，应为 1 次",
     "{0}: notified {1} times, not once"},
    // End of the schedule's gap details and plan problems.
    {"language.zh", "汉语", "Chinese"},
    {"language.yi", "彝语", "Yi"},
    {"language.hani", "哈尼语", "Hani"},
    {"language.dai", "傣语", "Dai"},
    {"language.miao", "苗语", "Miao"},
    {"language.lisu", "傈僳语", "Lisu"},
    {"language.zang", "藏语", "Tibetan"},
    {"language.bai", "白语", "Bai"},
    {"language.naxi", "纳西语", "Naxi"},
    {"language.lahu", "拉祜语", "Lahu"},
    {"language.wa", "佤语", "Wa"},
    {"language.jingpo", "景颇语", "Jingpo"},
    {"language.zhuang", "壮语", "Zhuang"},
    {"language.yao", "瑶语", "Yao"},
    {"sched.notifications_text",
     "通知由村民小组党员在入户前告知农户在家等候；电话号码只在 notifications.csv 中。",
     "The village-group party member tells each household to wait at home before its visit; "
     "phone numbers are only in notifications.csv."},  // prioritize (SPEC §4): help, terminal
                                                       // summary, report.
    {"cmd.prioritize.summary", "整改优先顺序：先核实谁、先整改谁",
     "priorities: whom to verify and whose record to put right first"},
    {"cmd.prioritize.help",
     "在同一批蒙特卡洛模拟上逐步选出最能提高通过概率的行动（整改一户的登记记录，或入户核实一户"
     "未核实户），每一步之后重新估计通过概率；同时衡量 simulate "
     "的优先度排序（--fix-top），保留预算内"
     "通过概率较高的方案。--out 写出 priorities.csv、report.html、report.xlsx 和 manifest.json。",
     "choose, on the same Monte Carlo replicates, the actions (putting a household's record "
     "right, or verifying an unverified household) that raise the pass probability most, one "
     "at a time, re-estimating it after each; also measure simulate's priority ranking "
     "(--fix-top) and keep the plan with the higher pass probability at the budget. --out "
     "writes priorities.csv, report.html, report.xlsx and manifest.json."},
    {"opt.prioritize.budget", "最多几项行动（默认 100）", "most actions (default 100)"},
    {"opt.prioritize.target", "目标通过概率 P（0 < P <= 1）：达到即停，并说明用了几项行动",
     "target pass probability P (0 < P <= 1): stop once reached, and say after how many actions"},
    {"opt.prioritize.runs", "模拟次数（默认：simulation.runs）",
     "replicates (default: simulation.runs)"},
    {"opt.prioritize.seed", "随机种子（默认：simulation.seed）",
     "random seed (default: simulation.seed)"},
    {"opt.prioritize.threads", "工作线程数，0 = 全部核心（默认：simulation.threads）",
     "worker threads, 0 = all cores (default: simulation.threads)"},
    {"opt.prioritize.out",
     "写入 priorities.csv、summary.json、report.html、report.xlsx 和 manifest.json 的目录",
     "directory for priorities.csv, summary.json, report.html, report.xlsx and manifest.json"},
    {"opt.prioritize.json", "只在标准输出显示汇总 JSON",
     "print only the summary JSON on standard output"},
    {"prio.action.fix", "整改", "fix"},
    {"prio.action.verify", "核实", "verify"},
    {"prio.term.title", "整改优先顺序（{} 次模拟，随机种子 {}）\n",
     "Priorities ({} replicates, seed {})\n"},
    {"prio.term.before", "  现状通过概率 {}（95% 区间 {}–{}）\n",
     "  Pass probability as it is {} (95% interval {}–{})\n"},
    {"prio.term.after", "  {} 项行动后通过概率 {}（95% 区间 {}–{}）\n",
     "  After {} actions {} (95% interval {}–{})\n"},
    {"prio.term.plan_greedy", "  采用逐步选择的方案（{}）；simulate 的优先度排序为 {}（{} 项）\n",
     "  Plan kept: chosen step by step ({}); simulate's priority ranking gives {} ({} actions)\n"},
    {"prio.term.plan_ranking", "  采用 simulate 的优先度排序（{}）；逐步选择的方案为 {}（{} 项）\n",
     "  Plan kept: simulate's priority ranking ({}); the step-by-step plan gives {} ({} "
     "actions)\n"},
    {"prio.term.target_reached", "  达到目标 {} 需要 {} 项行动\n",
     "  Target {} reached after {} actions\n"},
    {"prio.term.target_short", "  预算 {} 项不足以达到目标 {}\n",
     "  A budget of {} actions is not enough to reach the target {}\n"},
    {"prio.term.exhausted",
     "  其余未通过的模拟中已没有被查出问题的农户可以处理（原因不在登记，例如群众认可度）\n",
     "  No household is left at fault in the replicates that still fail (their cause is not in "
     "the registry, e.g. satisfaction)\n"},
    {"prio.term.header",
     "  序号  行动     户编号                 行政村          通过概率      增量\n",
     "  rank  action   household              village        pass prob.      gain\n"},
    {"prio.term.more", "  ……另有 {} 项，见 priorities.csv（--out）\n",
     "  ... {} more in priorities.csv (--out)\n"},
    {"prio.term.recorded",
     "  记录：未通过的模拟保留 {} 次（共 {} 次，每 {} 次取一次），被查出问题的农户 {} 户次，{} "
     "MB\n",
     "  Recorded: {} failing replicates kept of {} (subsample stride {}; 1 = all), {} households "
     "at "
     "fault, {} MB\n"},
    {"prio.term.speed", "  用时：模拟 {} 秒，选择行动 {} 秒（{} 项/秒）\n",
     "  Time: rehearsal {} s, choosing the actions {} s ({} actions/s)\n"},
    {"prio.title", "整改优先顺序", "Priorities: what to do first"},
    {"prio.subtitle", "{} 次蒙特卡洛模拟，随机种子 {}，预算 {} 项行动",
     "{} Monte Carlo replicates, seed {}, budget of {} actions"},
    {"prio.summary", "结论", "In short"},
    {"prio.fig.before", "现状通过概率", "Pass probability as it is"},
    {"prio.fig.after", "{} 项行动后", "After {} actions"},
    {"prio.fig.plan", "采用的方案", "Plan kept"},
    {"prio.fig.plan_other", "{}：{}", "{}: {}"},
    {"prio.fig.target", "目标 {}", "Target {}"},
    {"prio.fig.target_reached", "{} 项行动即可达到", "reached after {} actions"},
    {"prio.fig.target_short", "预算 {} 项不够", "a budget of {} is not enough"},
    {"prio.plan.greedy", "逐步选择", "step by step"},
    {"prio.plan.ranking", "优先度排序（--fix-top）", "priority ranking (--fix-top)"},
    {"prio.method",
     "在同一批 {} 次模拟（随机种子 {}）上，每一步选出能使最多未通过的模拟转为通过的行动（都不能时，"
     "选在最多未通过的模拟中被查出问题的农户），再重新估计通过概率；最多 {} 项。整改：使该户的登记"
     "记录不再违反标准；核实：入户核实一户未核实户，去掉评估组认定其有问题的可能，并改正核实中发现"
     "的"
     "问题。每户最多一项行动。同时在同一批模拟上衡量 simulate "
     "的优先度排序，保留预算内通过概率较高的"
     "方案。",
     "On the same {} replicates (seed {}), each step takes the action that turns the most failing "
     "replicates into passing ones (when none does, the household found at fault in the most "
     "failing replicates), then the pass probability is estimated again; at most {} actions. "
     "Fix: the household's record no longer breaks a standard; verify: a visit to an unverified "
     "household removes the chance that the evaluators find it at fault, and puts right what the "
     "visit finds. One action per household at most. simulate's priority ranking is measured on "
     "the same replicates, and the plan with the higher pass probability at the budget is kept."},
    {"prio.subsample",
     "为限制内存，只保留了 {} 次未通过的模拟（共 {} 次，等距抽取）；行动的增益按它们估计。",
     "To bound memory, {} of the {} failing replicates were kept (every n-th); the gains of the "
     "actions are estimated on them."},
    {"prio.exhausted",
     "预算用完之前，其余未通过的模拟中已没有被查出问题的农户：它们未通过的原因不在登记（例如群众认"
     "可度）。",
     "Before the budget ran out, no household was left at fault in the replicates that still "
     "fail: their cause is not in the registry (e.g. satisfaction)."},
    {"prio.curve", "每多一项行动带来什么", "What each further action buys"},
    {"prio.curve_chart", "通过概率与行动数", "Pass probability by number of actions"},
    {"prio.curve_x", "行动数", "actions"},
    {"prio.curve_y", "通过概率", "pass probability"},
    {"prio.curve_text",
     "曲线上每一点是做完这一项及之前各项行动后的通过概率，用的是同一批模拟，所以曲线不会下降。",
     "Each point is the pass probability after this action and all before it, on the same "
     "replicates, so the curve never falls."},
    {"prio.places", "按乡镇和行政村的行动", "Actions by township and village"},
    {"prio.places_table", "采用方案中的行动", "The actions of the plan kept"},
    {"prio.sheet.actions", "行动", "actions"},
    {"prio.none", "没有需要采取的行动。", "No action to take."},
    {"prio.village", "{}（{}，乡镇 {}）入户清单", "{} ({}, township {}): visiting list"},
    {"prio.no_village", "未归属行政村的农户", "Households without a village"},
    {"prio.col.township", "乡镇", "township"},
    {"prio.col.village", "行政村", "village"},
    {"prio.col.rank", "序号", "rank"},
    {"prio.col.action", "行动", "action"},
    {"prio.col.household", "户编号", "household"},
    {"prio.col.status", "状态", "status"},
    {"prio.col.finding", "问题", "finding"},
    {"prio.col.pass", "行动后通过概率", "pass probability after"},
    {"prio.col.gain", "增量", "gain"},
    {"prio.col.head", "户主", "head"},
    {"prio.col.group", "村民小组", "group"},
    {"prio.col.detail", "依据", "why"},
    {"prio.col.done", "已办", "done"},
    {"prio.todo.fix", "整改登记记录", "put the record right"},
    {"prio.todo.verify", "入户核实", "visit and verify"},
    {"prio.unverified", "未核实", "unverified"},
    {"prio.unverified_detail", "未核实：评估组认定其有问题的可能为 {}",
     "not verified: the evaluators find it at fault with probability {}"},
};

const std::unordered_map<std::string_view, const Entry*>& index() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, const Entry*>;
    for (const Entry& e : kTable) m->emplace(e.key, &e);
    return m;
  }();
  return *map;
}

std::string lookup(Lang lang, const std::string& key) {
  return tr(lang, key);
}

}  // namespace

std::string tr(Lang lang, std::string_view key) {
  auto it = index().find(key);
  if (it == index().end()) return "[[" + std::string(key) + "]]";
  return std::string(lang == Lang::kEn ? it->second->en : it->second->zh);
}

std::vector<std::string_view> i18n_keys() {
  std::vector<std::string_view> keys;
  for (const Entry& e : kTable) keys.push_back(e.key);
  return keys;
}

std::string_view i18n_text(std::string_view key, Lang lang) {
  auto it = index().find(key);
  if (it == index().end()) return {};
  return lang == Lang::kEn ? it->second->en : it->second->zh;
}

std::string rate_name(Lang lang, Rate r) {
  return lookup(lang, "rate." + std::string(to_string(r)));
}
std::string finding_name(Lang lang, Finding f) {
  return lookup(lang, "finding." + std::string(to_string(f)));
}
std::string status_name(Lang lang, Status s) {
  return lookup(lang, "status." + std::string(to_string(s)));
}
std::string category_name(Lang lang, Category c) {
  return lookup(lang, "category." + std::string(to_string(c)));
}
std::string attribute_name(Lang lang, Attribute a) {
  return a == Attribute::kNone ? tr(lang, "attribute.none")
                               : lookup(lang, "attribute." + std::string(to_string(a)));
}
std::string cause_name(Lang lang, Cause c) {
  return c == Cause::kNone ? tr(lang, "cause.none")
                           : lookup(lang, "cause." + std::string(to_string(c)));
}
std::string housing_name(Lang lang, Housing h) {
  return lookup(lang, "housing." + std::string(to_string(h)));
}
std::string tier_name(Lang lang, Tier t) {
  return lookup(lang, "tier." + std::string(to_string(t)));
}

std::string assumption_name(Lang lang, std::string_view key) {
  return lookup(lang, "assumption." + std::string(key));
}

std::string format_percent(double p, int decimals) {
  if (std::isnan(p)) return "–";
  return fmt::format("{:.{}f}%", p * 100.0, decimals);
}

std::string format_number(double v, int decimals) {
  if (std::isnan(v)) return "–";
  std::string s = fmt::format("{:.{}f}", std::fabs(v), decimals);
  const std::size_t dot = s.find('.');
  const std::size_t int_end = dot == std::string::npos ? s.size() : dot;
  std::string out;
  for (std::size_t i = 0; i < int_end; ++i) {
    if (i > 0 && (int_end - i) % 3 == 0) out += ',';
    out += s[i];
  }
  out += s.substr(int_end);
  // "-0" would read oddly; a value that rounds to zero is shown unsigned.
  if (v < 0 && out.find_first_not_of("0.,") != std::string::npos) out = "-" + out;
  return out;
}

}  // namespace kaoping
