// import_registry: SPEC §6 from the sheets to the registry. Each sheet is read, its header
// found, and its rows turned into household drafts (person rows grouped by 户编号, household
// columns compared across a household's rows) before the next sheet is read, so only the
// drafts stay in memory. Then: rosters merged into the exports by the head's ID, places given
// their ids, the verification sheet laid over the drafts field by field, the villages and
// staff sheets read against the places, and the registry built and checked.
#include "import/import.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "import/header.h"
#include "import/mapping.h"
#include "import/messages.h"
#include "import/values.h"
#include "registry/load.h"
#include "util/date.h"
#include "util/files.h"
#include "util/text.h"

namespace kaoping {
namespace {

/// A cell, compactly: the sheet (index into Importer::sheets_), its row and 0-based column.
struct Ref {
  int32_t sheet = -1;
  int32_t row = 0;
  int32_t col = 0;
};

/// A value read from a cell: its §1 form, the text as written (for messages) and the cell.
struct Val {
  std::string code;
  std::string raw;
  Ref at;
};

/// Household columns of exports and rosters, compared across a household's rows.
constexpr Field kHouseholdFields[] = {
    Field::kCounty,       Field::kTownship, Field::kVillage,        Field::kGroup,
    Field::kVillageCode,  Field::kSize,     Field::kStatus,         Field::kExitYear,
    Field::kAttribute,    Field::kCause,    Field::kDangerousHouse, Field::kWaterSafe,
    Field::kIncomeSystem, Field::kPhone,    Field::kRelocated};
/// The head's columns, which are household columns in a sheet of one row per household.
constexpr Field kHeadFields[] = {Field::kName, Field::kIdNumber, Field::kEthnicity,
                                 Field::kMandarin, Field::kPersonPhone};
/// What a verification row may give.
constexpr Field kVerificationFields[] = {
    Field::kIncome,   Field::kFoodSecure,       Field::kClothingSecure, Field::kWaterSafe,
    Field::kHousing,  Field::kDropouts,         Field::kUninsured,      Field::kExcluded,
    Field::kMeasures, Field::kHelpCard,         Field::kContactCard,    Field::kRecordBook,
    Field::kCards,    Field::kArchiveConsistent};

struct Person {
  Ref row;
  std::string name, id, relation, gender, school, health, labor, ethnicity, phone;
  Ref id_at, ethnicity_at;
  int8_t medical = -1, pension = -1, mandarin = -1;
  bool head = false;
};

/// A household as its sheets give it, before ids and defaults.
struct Draft {
  std::string id;
  SheetRole role = SheetRole::kExport;
  int file = -1;  ///< index of the input file
  Ref key_at;     ///< the 户编号 cell of its first row
  std::vector<std::pair<Field, Val>> fields;
  std::vector<Person> persons;
  bool person_rows = false;
  bool school_known = false, medical_known = false;
  int rows = 0;
  int merged_into = -1;  ///< a roster household that is an export household: that draft
  bool bad = false;      ///< a cell of it could not be read (reported): no further checks
  bool in_verification = false;
  Ref verified_at;  ///< its verification row's 户编号 cell
  std::vector<std::pair<Field, Val>> verified_fields;
  // Resolved places: indices into Importer::villages_ and groups_.
  int village = -1, group = -1;

  const Val* get(Field f) const {
    for (const auto& [g, v] : fields)
      if (g == f) return &v;
    return nullptr;
  }
  const Val* verified(Field f) const {
    for (const auto& [g, v] : verified_fields)
      if (g == f) return &v;
    return nullptr;
  }
  const Person* head() const {
    for (const Person& p : persons)
      if (p.head) return &p;
    return nullptr;
  }
};

struct VillageRec {
  std::string id, township_id, name;
  double natural = std::numeric_limits<double>::quiet_NaN();
  double transport = std::numeric_limits<double>::quiet_NaN();
  double economic = std::numeric_limits<double>::quiet_NaN();
  std::optional<Tier> tier;
  double travel = 30;
  Ref sheet_row;  ///< its row in the villages sheet; sheet -1 when it has none
  bool has_households = false;
};

struct TownshipRec {
  std::string id, name;
  double travel = 60;
  Ref travel_at;  ///< where travel was given; sheet -1 when not
};

struct GroupRec {
  std::string id, village_id, name;
};

/// What import.json says about one input file.
struct InputRecord {
  SheetRole role;
  std::string arg;
  WorkbookFile file;  ///< sheets emptied once read
  struct SheetInfo {
    std::string name;
    bool read = false;
    std::string why_not;
    Header header;
    std::size_t data_rows = 0;
  };
  std::vector<SheetInfo> sheets;
};

/// The name of a role as the office calls the sheet (导出表, 花名册, ...).
const Message& role_message(SheetRole role) {
  switch (role) {
    case SheetRole::kExport:
      return msg::kRoleExport;
    case SheetRole::kRoster:
      return msg::kRoleRoster;
    case SheetRole::kVerification:
      return msg::kRoleVerification;
    case SheetRole::kVillages:
      return msg::kRoleVillages;
    case SheetRole::kStaff:
      break;
  }
  return msg::kRoleStaff;
}

std::string trim_copy(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

class Importer {
 public:
  Importer(const ImportInputs& in, const ImportOptions& opt, Diagnostics* diag)
      : in_(in), opt_(opt), diag_(diag) {}

  bool run(ImportResult* out);

 private:
  // ---- places of messages
  FileLoc loc(const Ref& r) const {
    if (r.sheet < 0) return FileLoc();
    return sheets_[static_cast<std::size_t>(r.sheet)].loc(r.row, static_cast<std::size_t>(r.col));
  }
  std::string where(const Ref& r) const {
    const FileLoc l = loc(r);
    Diagnostic d{Severity::kError, l, ""};
    std::string s = d.format();
    return s.substr(0, s.find(": error: "));
  }
  Ref ref_in(const Ref& row, Field f) const {
    const Header& h = headers_[static_cast<std::size_t>(row.sheet)];
    return Ref{row.sheet, row.row, std::max(h.col(f), 0)};
  }
  const Header& header_of(const Ref& r) const {
    return headers_[static_cast<std::size_t>(r.sheet)];
  }
  std::string header_name(const Ref& r, Field f) const {
    const Header& h = header_of(r);
    return h.has(f) ? h.name_of(f) : std::string(builtin_headers(f).front());
  }

  /// A warning of a kind that may repeat thousands of times: shown up to the limit, counted.
  template <typename... Args>
  void repeated_warning(const std::string& kind, const FileLoc& at, const Message& m,
                        const Args&... args) {
    if (++repeated_[kind] <= opt_.warnings_per_kind) diag_->warning(at, m, args...);
  }

  // ---- reading
  void read_inputs(const std::vector<std::string>& args, SheetRole role);
  void read_sheet(InputRecord* rec, std::size_t file_index, Sheet sheet, SheetRole role);
  bool required_columns(const Sheet& sheet, const Header& h, SheetRole role, int sheet_index);
  void household_row(const SheetRow& row, int sheet_index, int file_index, SheetRole role);
  void verification_row(const SheetRow& row, int sheet_index);
  void table_row(const SheetRow& row, int sheet_index, SheetRole role);
  bool read(const SheetRow& row, int sheet_index, Field f, Val* out);

  // ---- building
  void check_drafts();
  void merge_rosters();
  void resolve_places();
  int village_for(const Val* township, const Val* village, const Val* code, const Ref& at,
                  bool create);
  void apply_verification();
  void apply_villages_sheet();
  void build_registry(Registry* reg);
  // The steps of build_registry, per household.
  void build_places(Registry* reg);
  void household_identity(const Draft& d, std::size_t i, bool registered, Households* h);
  bool household_income(const Draft& d, std::size_t i, bool registered, Households* h);
  void household_guarantees(const Draft& d, std::size_t i, Households* h);
  void household_members(const Draft& d, std::size_t i, Registry* reg);
  void household_readiness(const Draft& d, std::size_t i, Households* h);
  void household_language(const Draft& d, std::size_t i, Households* h);
  void build_staff(Registry* reg);
  std::string json(const ImportResult& r) const;

  const ImportInputs& in_;
  const ImportOptions& opt_;
  Diagnostics* diag_;
  Mapping mapping_;

  std::vector<Sheet> sheets_;  ///< every sheet read, rows dropped once read (for loc())
  std::vector<Header> headers_;
  std::vector<InputRecord> inputs_;
  std::vector<Draft> drafts_;
  std::unordered_map<std::string, int> export_index_, roster_index_;
  std::vector<std::vector<std::pair<Field, Val>>> verification_rows_;
  std::vector<Ref> verification_at_;
  std::vector<std::vector<std::pair<Field, Val>>> village_rows_, staff_rows_;
  std::vector<Ref> village_rows_at_, staff_rows_at_;

  std::vector<VillageRec> villages_;
  std::unordered_map<std::string, int> village_by_id_;
  std::map<std::pair<std::string, std::string>, int> village_by_names_;
  std::map<std::string, TownshipRec> townships_;
  std::map<std::string, std::string> township_code_by_name_;
  std::vector<GroupRec> groups_;
  std::unordered_map<std::string, int> group_by_id_;

  std::map<std::string, std::size_t> repeated_;
  std::map<std::string, std::size_t> defaults_;
  std::set<std::string> counties_;
  std::size_t roster_merged_ = 0;
  std::size_t skipped_rows_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Reading

bool Importer::read(const SheetRow& row, int sheet_index, Field f, Val* out) {
  const Header& h = headers_[static_cast<std::size_t>(sheet_index)];
  out->code.clear();
  out->raw.clear();
  if (!h.has(f)) return true;
  const std::size_t col = static_cast<std::size_t>(h.col(f));
  out->at = Ref{sheet_index, row.number, h.col(f)};
  const Cell& cell = row.at(col);
  out->raw = cell.text;
  return read_value(f, h.name_of(f), cell, loc(out->at), mapping_, &out->code, diag_);
}

void Importer::read_inputs(const std::vector<std::string>& args, SheetRole role) {
  for (const std::string& arg : args) {
    if (diag_->full()) return;
    InputRecord rec{role, arg, {}, {}};
    const InputSpec spec = parse_input_spec(arg);
    if (!read_workbook(spec, opt_.limits, &rec.file, diag_)) {
      inputs_.push_back(std::move(rec));
      continue;
    }
    const std::size_t file_index = inputs_.size();
    std::vector<Sheet> sheets = std::move(rec.file.sheets);
    rec.file.sheets.clear();
    inputs_.push_back(std::move(rec));
    const bool all = spec.sheets.which == SheetSelector::Which::kAll;
    std::size_t with_header = 0;
    std::vector<std::string> reasons;
    for (Sheet& sheet : sheets) {
      InputRecord& r = inputs_[file_index];
      const std::size_t before = r.sheets.size();
      read_sheet(&r, file_index, std::move(sheet), role);
      if (r.sheets.size() > before && r.sheets.back().read) ++with_header;
    }
    InputRecord& r = inputs_[file_index];
    if (with_header == 0) {
      // No sheet had a header: one error for the file (for FILE#* each sheet was looked at).
      const std::string why =
          r.sheets.empty() ? diag_->text(msg::kImpSheetEmpty) : r.sheets.front().why_not;
      std::string others;
      if (!all && r.file.format != FileFormat::kCsv && r.file.sheet_names.size() > 1) {
        for (const std::string& n : r.file.sheet_names) others += (others.empty() ? "" : ", ") + n;
        others = diag_->text(msg::kImpOtherSheets, others);
      }
      const std::string sheet_label = r.file.format == FileFormat::kCsv || r.sheets.empty()
                                          ? ""
                                          : diag_->text(msg::kImpSheetLabel, r.sheets.front().name);
      diag_->error(FileLoc(spec.path),
                   (all ? diag_->text(msg::kImpNoSheetHeader) : sheet_label) + why + others);
    }
  }
}

bool Importer::required_columns(const Sheet& sheet, const Header& h, SheetRole role,
                                int sheet_index) {
  (void)sheet_index;
  std::vector<Field> missing;
  const bool place =
      h.has(Field::kVillageCode) || (h.has(Field::kTownship) && h.has(Field::kVillage));
  switch (role) {
    case SheetRole::kExport:
      if (!place) {
        if (!h.has(Field::kTownship)) missing.push_back(Field::kTownship);
        if (!h.has(Field::kVillage)) missing.push_back(Field::kVillage);
      }
      if (!h.has(Field::kStatus)) missing.push_back(Field::kStatus);
      break;
    case SheetRole::kRoster:
      if (!place) {
        if (!h.has(Field::kTownship)) missing.push_back(Field::kTownship);
        if (!h.has(Field::kVillage)) missing.push_back(Field::kVillage);
      }
      if (!h.has(Field::kRelation) && !h.has(Field::kSize)) missing.push_back(Field::kSize);
      break;
    case SheetRole::kVerification:
      if (!h.has(Field::kIncome)) missing.push_back(Field::kIncome);
      break;
    case SheetRole::kVillages:
      if (!h.has(Field::kVillageCode) && !h.has(Field::kTownship))
        missing.push_back(Field::kTownship);
      break;
    case SheetRole::kStaff:
      if (!h.has(Field::kRole)) missing.push_back(Field::kRole);
      break;
  }
  for (Field f : missing) {
    std::string names;
    for (std::string_view n : builtin_headers(f))
      names += (names.empty() ? "" : diag_->text(msg::kListComma)) + std::string(n);
    std::string why;
    if (role == SheetRole::kRoster && f == Field::kSize) why = diag_->text(msg::kImpNoColumnRoster);
    if (role == SheetRole::kVerification && f == Field::kIncome)
      why = diag_->text(msg::kImpNoColumnIncome);
    diag_->error(sheet.loc(h.row, 0), msg::kImpNoColumn, diag_->text(role_message(role)), names,
                 why, field_name(f));
  }
  return missing.empty();
}

void Importer::read_sheet(InputRecord* rec, std::size_t file_index, Sheet sheet, SheetRole role) {
  InputRecord::SheetInfo info;
  info.name = sheet.name;
  Header h;
  std::string why;
  if (!find_header(sheet, role, mapping_, &h, &why, diag_->lang())) {
    info.why_not = sheet.rows.empty() ? diag_->text(msg::kImpSheetEmpty) : why;
    rec->sheets.push_back(std::move(info));
    return;
  }
  info.read = true;
  const int sheet_index = static_cast<int>(sheets_.size());
  std::vector<SheetRow> rows = std::move(sheet.rows);
  sheet.rows.clear();
  sheets_.push_back(sheet);
  headers_.push_back(h);
  const bool ok = required_columns(sheets_.back(), h, role, sheet_index);
  info.header = h;
  if (ok) {
    const Field key = role == SheetRole::kVillages ? Field::kVillage
                      : role == SheetRole::kStaff  ? Field::kName
                                                   : Field::kHouseholdId;
    const std::string key_header = normalize_text(h.name_of(key));
    for (std::size_t r = h.first_data; r < rows.size() && !diag_->full(); ++r) {
      const SheetRow& row = rows[r];
      // A header repeated further down (an export printed page by page) is no data.
      if (normalize_text(row.at(static_cast<std::size_t>(h.col(key))).text) == key_header) continue;
      ++info.data_rows;
      switch (role) {
        case SheetRole::kExport:
        case SheetRole::kRoster:
          household_row(row, sheet_index, static_cast<int>(file_index), role);
          break;
        case SheetRole::kVerification:
          verification_row(row, sheet_index);
          break;
        default:
          table_row(row, sheet_index, role);
          break;
      }
    }
  }
  rec->sheets.push_back(std::move(info));
}

/// A row with its key cell empty: a note or a total line when it has little else, else an error.
bool blank_key(const SheetRow& row, const Header& h, Field key) {
  (void)h;
  (void)key;
  std::size_t filled = 0;
  for (const Cell& c : row.cells) filled += !c.text.empty();
  return filled <= 2;
}

void Importer::household_row(const SheetRow& row, int sheet_index, int file_index, SheetRole role) {
  const Header& h = headers_[static_cast<std::size_t>(sheet_index)];
  Val key;
  if (!read(row, sheet_index, Field::kHouseholdId, &key)) return;
  if (key.code.empty()) {
    if (blank_key(row, h, Field::kHouseholdId)) {
      ++skipped_rows_;
      repeated_warning("skipped", loc(key.at), msg::kImpRowSkipped, h.name_of(Field::kHouseholdId));
    } else {
      diag_->error(loc(key.at), msg::kImpCellEmpty, h.name_of(Field::kHouseholdId));
    }
    return;
  }
  auto& index = role == SheetRole::kExport ? export_index_ : roster_index_;
  auto [it, added] = index.emplace(key.code, static_cast<int>(drafts_.size()));
  if (added) {
    Draft d;
    d.id = key.code;
    d.role = role;
    d.file = file_index;
    d.key_at = key.at;
    d.person_rows = h.has(Field::kRelation);
    d.school_known = h.has(Field::kSchool);
    d.medical_known = h.has(Field::kMedicalInsurance) || h.has(Field::kSeriousIllnessInsurance);
    drafts_.push_back(std::move(d));
  }
  Draft& d = drafts_[static_cast<std::size_t>(it->second)];
  if (d.file != file_index) {
    diag_->error(loc(key.at), msg::kImpInTwoFiles, h.name_of(Field::kHouseholdId), key.code,
                 inputs_[static_cast<std::size_t>(d.file)].arg, where(d.key_at),
                 diag_->text(role_message(role)));
    return;
  }
  const bool person_rows = h.has(Field::kRelation);
  if (!added && (!person_rows || !d.person_rows)) {
    diag_->error(loc(key.at), msg::kImpTwoRows, h.name_of(Field::kHouseholdId), key.code,
                 where(d.key_at));
    return;
  }
  ++d.rows;
  const auto rd = [&](Field f, Val* v) {
    if (read(row, sheet_index, f, v)) return true;
    d.bad = true;
    return false;
  };
  // Household columns: the first non-blank value stands; a later one must agree with it.
  const auto take = [&](Field f) {
    if (!role_reads(role, f)) return;
    Val v;
    if (!rd(f, &v) || v.code.empty()) return;
    if (const Val* first = d.get(f)) {
      if (first->code != v.code)
        diag_->error(loc(v.at), msg::kImpRowsDisagree, header_name(v.at, f), v.raw, first->raw,
                     where(first->at), h.name_of(Field::kHouseholdId), d.id);
      return;
    }
    d.fields.emplace_back(f, std::move(v));
  };
  for (Field f : kHouseholdFields) take(f);
  if (!person_rows) {
    for (Field f : kHeadFields) take(f);
    return;
  }
  Person p;
  p.row = Ref{sheet_index, row.number, 0};
  Val v;
  if (rd(Field::kName, &v)) p.name = v.code;
  if (rd(Field::kIdNumber, &v)) p.id = v.code, p.id_at = v.at;
  if (rd(Field::kRelation, &v)) {
    p.head = v.code == "head";
    p.relation = p.head ? trim_copy(v.raw) : v.code;
  }
  if (rd(Field::kGender, &v)) p.gender = v.code;
  if (rd(Field::kEthnicity, &v)) p.ethnicity = v.code, p.ethnicity_at = v.at;
  if (rd(Field::kSchool, &v)) p.school = v.code;
  if (rd(Field::kHealth, &v)) p.health = v.code;
  if (rd(Field::kLabor, &v)) p.labor = v.code;
  if (rd(Field::kPersonPhone, &v)) p.phone = v.code;
  const auto flag = [](const std::string& c) -> int8_t {
    return c.empty() ? -1 : c == "1" ? 1 : 0;
  };
  // The basic medical insurance column decides when the sheet has both (SPEC §6).
  if (h.has(Field::kMedicalInsurance)) {
    if (rd(Field::kMedicalInsurance, &v)) p.medical = flag(v.code);
  } else if (rd(Field::kSeriousIllnessInsurance, &v)) {
    p.medical = flag(v.code);
  }
  if (rd(Field::kPensionInsured, &v)) p.pension = flag(v.code);
  if (rd(Field::kMandarin, &v)) p.mandarin = flag(v.code);
  if (p.head) {
    for (const Person& other : d.persons)
      if (other.head)
        diag_->error(loc(ref_in(p.row, Field::kRelation)), msg::kImpSecondHead,
                     h.name_of(Field::kHouseholdId), d.id,
                     where(ref_in(other.row, Field::kRelation)));
  }
  d.persons.push_back(std::move(p));
}

void Importer::verification_row(const SheetRow& row, int sheet_index) {
  const Header& h = headers_[static_cast<std::size_t>(sheet_index)];
  Val key;
  if (!read(row, sheet_index, Field::kHouseholdId, &key)) return;
  if (key.code.empty()) {
    if (blank_key(row, h, Field::kHouseholdId)) {
      ++skipped_rows_;
      repeated_warning("skipped", loc(key.at), msg::kImpRowSkipped, h.name_of(Field::kHouseholdId));
    } else {
      diag_->error(loc(key.at), msg::kImpCellEmpty, h.name_of(Field::kHouseholdId));
    }
    return;
  }
  std::vector<std::pair<Field, Val>> fields;
  fields.emplace_back(Field::kHouseholdId, key);
  bool ok = true;
  for (Field f : kVerificationFields) {
    Val v;
    if (!read(row, sheet_index, f, &v)) {
      ok = false;
      continue;
    }
    if (f == Field::kIncome && v.code.empty() && h.has(f)) {
      diag_->error(loc(v.at), msg::kImpNoIncome, h.name_of(f));
      ok = false;
      continue;
    }
    if (!v.code.empty()) fields.emplace_back(f, std::move(v));
  }
  if (!ok) return;
  verification_rows_.push_back(std::move(fields));
  verification_at_.push_back(key.at);
}

void Importer::table_row(const SheetRow& row, int sheet_index, SheetRole role) {
  std::vector<std::pair<Field, Val>> fields;
  bool ok = true;
  for (int i = 0; i < kFieldCount; ++i) {
    const Field f = static_cast<Field>(i);
    if (!role_reads(role, f)) continue;
    Val v;
    if (!read(row, sheet_index, f, &v)) {
      ok = false;
      continue;
    }
    if (!v.code.empty()) fields.emplace_back(f, std::move(v));
  }
  if (!ok || fields.empty()) return;
  if (role == SheetRole::kVillages) {
    village_rows_.push_back(std::move(fields));
    village_rows_at_.push_back(Ref{sheet_index, row.number, 0});
  } else {
    staff_rows_.push_back(std::move(fields));
    staff_rows_at_.push_back(Ref{sheet_index, row.number, 0});
  }
}

// ---------------------------------------------------------------------------------------------
// Building

void Importer::check_drafts() {
  for (Draft& d : drafts_) {
    if (d.bad) continue;
    const std::string key = header_name(d.key_at, Field::kHouseholdId) + " " + d.id;
    if (d.role == SheetRole::kExport) {
      const Val* status = d.get(Field::kStatus);
      if (!status) {
        diag_->error(loc(ref_in(d.key_at, Field::kStatus)), msg::kImpStatusEmpty,
                     header_name(d.key_at, Field::kStatus), key);
        d.bad = true;
      } else if (status->code == "exited" && !header_of(d.key_at).has(Field::kExitYear)) {
        diag_->error(loc(d.key_at), msg::kImpNoExitYearColumn, key, trim_copy(status->raw));
        d.bad = true;
      } else if (status->code == "exited" && !d.get(Field::kExitYear)) {
        diag_->error(loc(ref_in(d.key_at, Field::kExitYear)), msg::kImpExitYearEmpty,
                     header_name(d.key_at, Field::kExitYear), key, trim_copy(status->raw));
        d.bad = true;
      }
    }
    std::string head_id;
    Ref head_id_at;
    if (d.person_rows) {
      const Person* head = d.head();
      if (!head) {
        repeated_warning("no_head", loc(d.key_at), msg::kImpNoHead, key);
      } else {
        head_id = head->id;
        head_id_at = head->id_at;
      }
    } else if (const Val* id = d.get(Field::kIdNumber)) {
      head_id = id->code;
      head_id_at = id->at;
    }
    if (!head_id.empty()) {
      const std::string problem = id_number_problem(head_id, diag_->lang());
      if (!problem.empty()) {
        diag_->error(loc(head_id_at), msg::kImpHeadId, problem, key);
        d.bad = true;
      }
    }
    if (const Val* size = d.get(Field::kSize); size && d.person_rows) {
      const std::size_t n = d.persons.size();
      if (std::to_string(n) != size->code)
        repeated_warning("size", loc(size->at), msg::kImpSizeRows, key,
                         header_name(size->at, Field::kSize), size->code, n);
    }
  }
}

/// The first 18 characters of an ID (a disability certificate number is an ID and 2 digits).
std::string id18(const std::string& id) {
  return id.size() >= 18 ? id.substr(0, 18) : std::string();
}

void Importer::merge_rosters() {
  std::unordered_map<std::string, int> by_person;
  for (std::size_t i = 0; i < drafts_.size(); ++i) {
    const Draft& d = drafts_[i];
    if (d.role != SheetRole::kExport) continue;
    for (const Person& p : d.persons)
      if (!id18(p.id).empty()) by_person.emplace(id18(p.id), static_cast<int>(i));
    if (const Val* id = d.get(Field::kIdNumber); id && !id18(id->code).empty())
      by_person.emplace(id18(id->code), static_cast<int>(i));
  }
  Ref first_merged;
  for (std::size_t i = 0; i < drafts_.size(); ++i) {
    Draft& d = drafts_[i];
    if (d.role != SheetRole::kRoster) continue;
    std::string head_id;
    if (const Person* head = d.head()) head_id = head->id;
    if (const Val* id = d.get(Field::kIdNumber); id && head_id.empty()) head_id = id->code;
    if (auto it = by_person.find(id18(head_id)); !id18(head_id).empty() && it != by_person.end()) {
      d.merged_into = it->second;
      if (roster_merged_++ == 0) first_merged = d.key_at;
    }
    const auto same_id = export_index_.find(d.id);
    if (same_id != export_index_.end() && same_id->second != d.merged_into)
      diag_->error(loc(d.key_at), msg::kImpRosterSameId, header_name(d.key_at, Field::kHouseholdId),
                   d.id,
                   header_name(drafts_[static_cast<std::size_t>(same_id->second)].key_at,
                               Field::kHouseholdId),
                   where(drafts_[static_cast<std::size_t>(same_id->second)].key_at));
  }
  if (roster_merged_ > 0)
    diag_->warning(loc(first_merged),
                   roster_merged_ == 1 ? msg::kImpRosterMergedOne : msg::kImpRosterMergedMany,
                   roster_merged_);
}

int Importer::village_for(const Val* township, const Val* village, const Val* code, const Ref& at,
                          bool create) {
  const std::string tname = township ? township->code : std::string();
  const std::string vname = village ? village->code : std::string();
  if (code) {
    const std::string& vid = code->code;
    const std::string tid = vid.substr(0, 9);
    auto [it, added] = village_by_id_.emplace(vid, static_cast<int>(villages_.size()));
    if (added) {
      VillageRec v;
      v.id = vid;
      v.township_id = tid;
      v.name = vname.empty() ? vid : vname;
      villages_.push_back(std::move(v));
      TownshipRec& t = townships_[tid];
      if (t.id.empty()) t = TownshipRec{tid, tname.empty() ? tid : tname, 60, Ref{}};
      if (!tname.empty()) township_code_by_name_.emplace(normalize_text(tname), tid);
    } else if (village && !vname.empty()) {
      VillageRec& v = villages_[static_cast<std::size_t>(it->second)];
      if (v.name == vid) {
        v.name = vname;
      } else if (normalize_text(v.name) != normalize_text(vname)) {
        diag_->error(loc(village->at), msg::kImpCodeOfOther,
                     header_name(village->at, Field::kVillage), vname, vid, v.name);
        return -1;
      }
    }
    if (!tname.empty() && !vname.empty()) {
      const auto names = std::make_pair(normalize_text(tname), normalize_text(vname));
      auto [n, fresh] = village_by_names_.emplace(names, it->second);
      if (!fresh && n->second != it->second) {
        diag_->error(loc(code->at), msg::kImpTwoCodes, vname, tname, vid,
                     villages_[static_cast<std::size_t>(n->second)].id);
        return -1;
      }
    }
    return it->second;
  }
  if (tname.empty() || vname.empty()) {
    const Field missing = tname.empty() ? Field::kTownship : Field::kVillage;
    diag_->error(loc(ref_in(at, missing)), msg::kImpCellEmpty, header_name(at, missing));
    return -1;
  }
  const auto names = std::make_pair(normalize_text(tname), normalize_text(vname));
  if (auto it = village_by_names_.find(names); it != village_by_names_.end()) return it->second;
  if (!create) return -1;
  // Ids made from the names themselves, so that a re-import after villages were added keeps
  // every earlier id; a township known by its code (from another village) keeps the code.
  std::string tid = tname;
  if (auto c = township_code_by_name_.find(names.first); c != township_code_by_name_.end())
    tid = c->second;
  TownshipRec& t = townships_[tid];
  if (t.id.empty()) t = TownshipRec{tid, tname, 60, Ref{}};
  VillageRec v;
  v.id = tid + "/" + vname;
  v.township_id = tid;
  v.name = vname;
  const int index = static_cast<int>(villages_.size());
  village_by_id_.emplace(v.id, index);
  village_by_names_.emplace(names, index);
  villages_.push_back(std::move(v));
  return index;
}

void Importer::resolve_places() {
  // Coded rows first, so that a row without the code finds its village by name.
  for (int pass = 0; pass < 2; ++pass) {
    for (Draft& d : drafts_) {
      if (d.bad || d.merged_into >= 0) continue;
      const Val* code = d.get(Field::kVillageCode);
      if ((pass == 0) != (code != nullptr)) continue;
      d.village =
          village_for(d.get(Field::kTownship), d.get(Field::kVillage), code, d.key_at, true);
      if (d.village < 0) {
        d.bad = true;
        continue;
      }
      villages_[static_cast<std::size_t>(d.village)].has_households = true;
      if (const Val* county = d.get(Field::kCounty)) counties_.insert(county->code);
      if (const Val* g = d.get(Field::kGroup)) {
        const std::string gid = villages_[static_cast<std::size_t>(d.village)].id + "/" + g->code;
        auto [it, added] = group_by_id_.emplace(gid, static_cast<int>(groups_.size()));
        if (added)
          groups_.push_back({gid, villages_[static_cast<std::size_t>(d.village)].id, g->code});
        d.group = it->second;
      }
    }
  }
}

void Importer::apply_verification() {
  for (std::size_t k = 0; k < verification_rows_.size(); ++k) {
    auto& fields = verification_rows_[k];
    const std::string& id = fields.front().second.code;
    const Ref& at = verification_at_[k];
    int index = -1;
    if (auto it = export_index_.find(id); it != export_index_.end()) {
      index = it->second;
    } else if (auto r = roster_index_.find(id); r != roster_index_.end()) {
      index = r->second;
      if (drafts_[static_cast<std::size_t>(index)].merged_into >= 0)
        index = drafts_[static_cast<std::size_t>(index)].merged_into;
    }
    if (index < 0) {
      diag_->error(loc(at), msg::kImpNoMatch, header_name(at, Field::kHouseholdId), id);
      continue;
    }
    Draft& d = drafts_[static_cast<std::size_t>(index)];
    if (d.in_verification) {
      diag_->error(loc(at), msg::kImpSecondVerification, header_name(at, Field::kHouseholdId), id,
                   where(d.verified_at));
      continue;
    }
    d.in_verification = true;
    d.verified_at = at;
    d.verified_fields.assign(fields.begin() + 1, fields.end());
  }
}

void Importer::apply_villages_sheet() {
  if (in_.villages.empty()) {
    // Only worth saying when the import can go through.
    if (!diag_->has_errors()) diag_->warning(FileLoc(), msg::kImpNoVillagesSheet);
    return;
  }
  for (std::size_t k = 0; k < village_rows_.size(); ++k) {
    const auto& fields = village_rows_[k];
    const auto get = [&](Field f) -> const Val* {
      for (const auto& [g, v] : fields)
        if (g == f) return &v;
      return nullptr;
    };
    const int index = village_for(get(Field::kTownship), get(Field::kVillage),
                                  get(Field::kVillageCode), village_rows_at_[k], true);
    if (index < 0) continue;
    VillageRec& v = villages_[static_cast<std::size_t>(index)];
    if (v.sheet_row.sheet >= 0) {
      diag_->error(loc(ref_in(village_rows_at_[k], Field::kVillage)), msg::kImpVillageTwoRows,
                   v.name, where(ref_in(v.sheet_row, Field::kVillage)));
      continue;
    }
    v.sheet_row = village_rows_at_[k];
    const auto number = [&](Field f, double* out) {
      if (const Val* x = get(f)) *out = std::stod(x->code);
    };
    number(Field::kNatural, &v.natural);
    number(Field::kTransport, &v.transport);
    number(Field::kEconomic, &v.economic);
    number(Field::kVillageTravel, &v.travel);
    if (const Val* t = get(Field::kTier)) v.tier = parse_tier(t->code);
    if (const Val* t = get(Field::kTownshipTravel)) {
      TownshipRec& town = townships_[v.township_id];
      const double minutes = std::stod(t->code);
      if (town.travel_at.sheet >= 0 && town.travel != minutes) {
        diag_->error(loc(t->at), msg::kImpTownshipTravel,
                     header_name(t->at, Field::kTownshipTravel), t->code,
                     format_double(town.travel), where(town.travel_at), town.name);
      } else {
        town.travel = minutes;
        town.travel_at = t->at;
      }
    }
  }
  std::size_t missing = 0;
  std::string first;
  for (const VillageRec& v : villages_)
    if (v.has_households && v.sheet_row.sheet < 0 && missing++ == 0) first = v.name;
  if (missing > 0)
    diag_->warning(FileLoc(in_.villages),
                   missing == 1 ? msg::kImpVillagesMissingOne : msg::kImpVillagesMissingMany,
                   missing, first);
}

/// The flag bits of a ';'-separated list of names (index in `names` = bit).
uint32_t flags_of(const std::string& list, const std::vector<std::string_view>& names) {
  uint32_t bits = 0;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(';', start);
    if (end == std::string::npos) end = list.size();
    const std::string_view item(list.data() + start, end - start);
    for (std::size_t b = 0; b < names.size(); ++b)
      if (names[b] == item) bits |= 1u << b;
    start = end + 1;
  }
  return bits;
}

void Importer::build_registry(Registry* reg) {
  build_places(reg);
  Households& h = reg->households;
  for (const Draft& d : drafts_) {
    if (d.bad || d.merged_into >= 0 || d.village < 0) continue;
    const std::size_t i = h.add_default();
    const bool registered = d.role == SheetRole::kExport;
    household_identity(d, i, registered, &h);
    if (!household_income(d, i, registered, &h)) continue;
    household_guarantees(d, i, &h);
    household_members(d, i, reg);
    household_readiness(d, i, &h);
    household_language(d, i, &h);
    h.verified[i] = d.in_verification ? 1 : registered && opt_.registered_verified ? 1 : 0;
  }
  reg->has_members = !reg->members.empty();
}

/// The townships, villages (by id) and groups (by id) of the registry.
void Importer::build_places(Registry* reg) {
  reg->source = "import";
  for (const auto& [id, t] : townships_) reg->townships.push_back({t.id, t.name, t.travel});
  std::vector<std::size_t> order(villages_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return villages_[a].id < villages_[b].id; });
  for (std::size_t i : order) {
    const VillageRec& v = villages_[i];
    Village out;
    out.id = v.id;
    out.township_id = v.township_id;
    out.name = v.name;
    out.natural = v.natural;
    out.transport = v.transport;
    out.economic = v.economic;
    out.tier = v.tier;
    out.travel_minutes = v.travel;
    reg->villages.push_back(std::move(out));
  }
  std::vector<GroupRec> groups = groups_;
  std::sort(groups.begin(), groups.end(),
            [](const GroupRec& a, const GroupRec& b) { return a.id < b.id; });
  for (const GroupRec& g : groups) {
    Group out;
    out.id = g.id;
    out.village_id = g.village_id;
    out.name = g.name;
    reg->groups.push_back(std::move(out));
  }
}

/// Id, place, head, phone, size, status, exit year, attribute and cause of household i.
void Importer::household_identity(const Draft& d, std::size_t i, bool registered, Households* hh) {
  Households& h = *hh;
  const Person* head = d.head();
  const auto defaulted = [&](const char* field) { ++defaults_[field]; };
  h.id[i] = d.id;
  h.village_id[i] = villages_[static_cast<std::size_t>(d.village)].id;
  if (d.group >= 0) h.group_id[i] = groups_[static_cast<std::size_t>(d.group)].id;
  const Val* name = d.get(Field::kName);
  const Val* idn = d.get(Field::kIdNumber);
  h.head_name[i] = head ? head->name : name ? name->code : "";
  h.id_number[i] = head ? head->id : idn ? idn->code : "";
  if (const Val* phone = d.get(Field::kPhone)) {
    h.phone[i] = phone->code;
  } else if (head) {
    h.phone[i] = head->phone;
  } else if (const Val* pp = d.get(Field::kPersonPhone)) {
    h.phone[i] = pp->code;
  }
  if (const Val* size = d.get(Field::kSize)) {
    h.size[i] = std::stoi(size->code);
  } else {
    h.size[i] = static_cast<int32_t>(std::max<std::size_t>(d.persons.size(), 1));
    defaulted("size (from the person rows)");
  }
  h.status[i] = registered ? *parse_status(d.get(Field::kStatus)->code) : Status::kNonRegistered;
  if (h.status[i] == Status::kExited)
    h.exit_year[i] = static_cast<int16_t>(std::stoi(d.get(Field::kExitYear)->code));
  if (const Val* a = d.get(Field::kAttribute)) h.attribute[i] = *parse_attribute(a->code);
  if (const Val* c = d.get(Field::kCause)) h.cause[i] = *parse_cause(c->code);
}

/// The incomes: the verification's, else the system's (registered); false (an error at the
/// cell) when a registered household has neither.
bool Importer::household_income(const Draft& d, std::size_t i, bool registered, Households* hh) {
  Households& h = *hh;
  const auto defaulted = [&](const char* field) { ++defaults_[field]; };
  const std::string key = header_name(d.key_at, Field::kHouseholdId) + " " + d.id;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Val* system_income = registered ? d.get(Field::kIncomeSystem) : nullptr;
  h.income_system[i] = system_income ? std::stod(system_income->code) : nan;
  if (const Val* v = d.verified(Field::kIncome)) {
    h.income[i] = std::stod(v->code);
  } else {
    h.income[i] = h.income_system[i];
  }
  if (registered && std::isnan(h.income[i])) {
    diag_->error(loc(ref_in(d.key_at, Field::kIncomeSystem)), msg::kImpIncomeEmpty,
                 header_name(d.key_at, Field::kIncomeSystem), key);
    return false;
  }
  if (!registered) h.income_system[i] = h.income[i];  // not in the national system
  if (std::isnan(h.income[i])) defaulted("income (empty: unverified)");
  return true;
}

/// 两不愁三保障 fields from the verification, else the export, else the value that raises
/// no finding (counted in import.json).
void Importer::household_guarantees(const Draft& d, std::size_t i, Households* hh) {
  Households& h = *hh;
  const auto defaulted = [&](const char* field) { ++defaults_[field]; };
  const auto yes = [](const Val* v) { return v->code == "1" ? uint8_t{1} : uint8_t{0}; };
  const auto yes_no = [&](Field verified, Field system, const char* name, uint8_t* out) {
    if (const Val* v = d.verified(verified)) {
      *out = yes(v);
    } else if (const Val* s = system == verified ? nullptr : d.get(system)) {
      *out = yes(s);
    } else {
      *out = 1;
      defaulted(name);
    }
  };
  yes_no(Field::kFoodSecure, Field::kFoodSecure, "food_secure", &h.food_secure[i]);
  yes_no(Field::kClothingSecure, Field::kClothingSecure, "clothing_secure", &h.clothing_secure[i]);
  if (const Val* v = d.verified(Field::kWaterSafe)) {
    h.water_safe[i] = yes(v);
  } else if (const Val* s = d.get(Field::kWaterSafe)) {
    h.water_safe[i] = yes(s);
  } else {
    defaulted("water_safe");
  }
  if (const Val* v = d.verified(Field::kHousing)) {
    h.housing[i] = *parse_housing(v->code);
  } else if (const Val* s = d.get(Field::kDangerousHouse)) {
    h.housing[i] = s->code == "1" ? Housing::kC : Housing::kB;
  } else {
    h.housing[i] = Housing::kB;
    defaulted("housing");
  }
  if (const Val* r = d.get(Field::kRelocated)) {
    h.relocated[i] = yes(r);
  } else {
    defaulted("relocated");
  }
}

/// members.csv from the person rows, and the dropouts and uninsured counted from them.
void Importer::household_members(const Draft& d, std::size_t i, Registry* reg) {
  Households& h = reg->households;
  const Date sept1{opt_.assess_year, 9, 1};
  const auto defaulted = [&](const char* field) { ++defaults_[field]; };
  const std::string key = header_name(d.key_at, Field::kHouseholdId) + " " + d.id;
  // Members: one per person row; dropouts and uninsured counted from them.
  int dropouts = 0, uninsured = 0;
  for (const Person& p : d.persons) {
    Member m;
    m.household_id = d.id;
    m.relation = p.relation;
    m.gender = p.gender;
    if (m.gender.empty() && (p.id.size() == 18 || p.id.size() == 20 || p.id.size() == 15)) {
      const char g = p.id[p.id.size() == 15 ? 14 : 16];
      if (g >= '0' && g <= '9') m.gender = (g - '0') % 2 == 1 ? "男" : "女";
    }
    Date birth;
    if (id_birth_date(p.id, &birth) && age_on(birth, sept1) >= 0) {
      m.age = age_on(birth, sept1);
    } else {
      const Ref at = p.id_at.sheet >= 0 ? p.id_at : p.row;
      if (p.id.empty())
        repeated_warning("no_age", loc(at), msg::kImpMemberNoId, key);
      else
        repeated_warning("no_age", loc(at), msg::kImpMemberNoBirth, masked_id(p.id), key);
    }
    if (!p.school.empty()) m.in_school = p.school == "in_school" ? 1 : 0;
    if (d.school_known)
      m.dropout =
          m.age >= 6 && m.age <= 15 && (p.school == "not_in_school" || p.school == "dropout") ? 1
                                                                                              : 0;
    m.medical_insured = p.medical;
    m.pension_insured = p.pension;
    m.health = p.health;
    m.labor = p.labor;
    dropouts += m.dropout == 1;
    uninsured += m.medical_insured == 0;
    reg->members.push_back(std::move(m));
  }
  if (const Val* v = d.verified(Field::kDropouts)) {
    h.dropouts[i] = std::stoi(v->code);
  } else if (d.person_rows && d.school_known) {
    h.dropouts[i] = dropouts;
  } else {
    defaulted("dropouts");
  }
  if (const Val* v = d.verified(Field::kUninsured)) {
    h.uninsured[i] = std::stoi(v->code);
  } else if (d.person_rows && d.medical_known) {
    h.uninsured[i] = uninsured;
  } else {
    defaulted("uninsured");
  }
}

/// Exclusion codes, measures, cards and the archive from the verification sheet.
void Importer::household_readiness(const Draft& d, std::size_t i, Households* hh) {
  Households& h = *hh;
  const auto defaulted = [&](const char* field) { ++defaults_[field]; };
  const auto yes = [](const Val* v) { return v->code == "1" ? uint8_t{1} : uint8_t{0}; };
  if (const Val* v = d.verified(Field::kExcluded))
    h.excluded[i] = static_cast<uint16_t>(flags_of(v->code, exclusion_names()));
  if (const Val* v = d.verified(Field::kMeasures))
    h.measures[i] = static_cast<uint16_t>(flags_of(v->code, measure_names()));
  uint32_t cards = 0;
  if (const Val* v = d.verified(Field::kCards)) cards = flags_of(v->code, card_names());
  const std::pair<Field, Card> card_columns[] = {{Field::kHelpCard, kCardHelp},
                                                 {Field::kContactCard, kCardContact},
                                                 {Field::kRecordBook, kCardRecordBook}};
  for (const auto& [f, bit] : card_columns)
    if (const Val* v = d.verified(f)) cards = v->code == "1" ? cards | bit : cards & ~uint32_t{bit};
  h.cards[i] = static_cast<uint8_t>(cards);
  if (const Val* v = d.verified(Field::kArchiveConsistent)) {
    h.archive_consistent[i] = yes(v);
  } else {
    defaulted("archive_consistent");
  }
}

/// The language: the head's 民族 when the head does not speak 普通话.
void Importer::household_language(const Draft& d, std::size_t i, Households* hh) {
  Households& h = *hh;
  const Person* head = d.head();
  const std::string key = header_name(d.key_at, Field::kHouseholdId) + " " + d.id;
  std::string ethnicity = head ? head->ethnicity : "";
  Ref ethnicity_at = head ? head->ethnicity_at : Ref{};
  int mandarin = head ? head->mandarin : -1;
  if (!head) {
    if (const Val* e = d.get(Field::kEthnicity)) ethnicity = e->code, ethnicity_at = e->at;
    if (const Val* m = d.get(Field::kMandarin)) mandarin = m->code == "1" ? 1 : 0;
  }
  if (mandarin == 0 && !ethnicity.empty()) {
    std::optional<std::string> code;
    if (auto m = mapping_.values.find(Field::kEthnicity); m != mapping_.values.end())
      if (auto it = m->second.find(ethnicity); it != m->second.end()) code = it->second;
    if (!code) code = ethnicity_language(ethnicity);
    if (!code) {
      diag_->error(loc(ethnicity_at), msg::kImpUnknownEthnicity,
                   header_name(ethnicity_at, Field::kEthnicity), ethnicity, key);
    } else {
      h.language[i] = *code;
    }
  } else if (mandarin == 0) {
    repeated_warning("no_ethnicity", loc(d.key_at), msg::kImpNoEthnicity, key);
  }
}

void Importer::build_staff(Registry* reg) {
  if (in_.staff.empty()) return;
  reg->has_staff = true;
  std::set<std::string> ids;
  for (std::size_t k = 0; k < staff_rows_.size(); ++k) {
    const auto& fields = staff_rows_[k];
    const Ref& row = staff_rows_at_[k];
    const auto get = [&](Field f) -> const Val* {
      for (const auto& [g, v] : fields)
        if (g == f) return &v;
      return nullptr;
    };
    const Val* name = get(Field::kName);
    const Val* role = get(Field::kRole);
    if (!name) {
      diag_->error(loc(ref_in(row, Field::kName)), msg::kImpCellEmpty,
                   header_name(row, Field::kName));
      continue;
    }
    if (!role) {
      diag_->error(loc(ref_in(row, Field::kRole)), msg::kImpRoleEmpty,
                   header_name(row, Field::kRole));
      continue;
    }
    Staff s;
    s.name = name->code;
    s.role = role->code == "guide" ? StaffRole::kGuide : StaffRole::kInterpreter;
    if (const Val* p = get(Field::kPersonPhone)) {
      s.phone = p->code;
    } else if (const Val* q = get(Field::kPhone)) {
      s.phone = q->code;
    }
    const Val* township = get(Field::kTownship);
    const Val* village = get(Field::kVillage);
    std::string base = "county";
    if (village) {
      int index = -1;
      if (township) {
        auto it =
            village_by_names_.find({normalize_text(township->code), normalize_text(village->code)});
        if (it != village_by_names_.end()) index = it->second;
      } else {
        int found = 0;
        for (std::size_t v = 0; v < villages_.size(); ++v)
          if (normalize_text(villages_[v].name) == normalize_text(village->code))
            index = static_cast<int>(v), ++found;
        if (found > 1) {
          diag_->error(loc(village->at), msg::kImpNamesakeVillages, found, village->code);
          continue;
        }
      }
      if (index < 0) {
        if (township)
          diag_->error(loc(village->at), msg::kImpStaffNoVillageOf,
                       header_name(village->at, Field::kVillage), village->code, township->code);
        else
          diag_->error(loc(village->at), msg::kImpStaffNoVillage,
                       header_name(village->at, Field::kVillage), village->code);
        continue;
      }
      s.village_id = villages_[static_cast<std::size_t>(index)].id;
      base = s.village_id;
    } else if (s.role == StaffRole::kGuide) {
      diag_->error(loc(ref_in(row, Field::kVillage)), msg::kImpGuideNoVillage);
      continue;
    } else if (township) {
      auto it = township_code_by_name_.find(normalize_text(township->code));
      base = it != township_code_by_name_.end() ? it->second : township->code;
    }
    if (const Val* l = get(Field::kLanguages)) {
      std::size_t start = 0;
      const std::string& list = l->code;
      while (start < list.size()) {
        std::size_t end = list.find(';', start);
        if (end == std::string::npos) end = list.size();
        s.languages.push_back(list.substr(start, end - start));
        start = end + 1;
      }
    }
    if (const Val* g = get(Field::kGroup); g && !s.village_id.empty()) {
      std::string list = g->code;
      for (std::string_view sep : {"；", "、", "，"})
        for (std::size_t at = list.find(sep); at != std::string::npos; at = list.find(sep, at))
          list.replace(at, sep.size(), ";");
      std::replace(list.begin(), list.end(), ',', ';');
      std::size_t start = 0;
      while (start <= list.size()) {
        std::size_t end = list.find(';', start);
        if (end == std::string::npos) end = list.size();
        const std::string group = trim_copy(list.substr(start, end - start));
        start = end + 1;
        if (group.empty()) continue;
        const std::string gid = s.village_id + "/" + group;
        if (!group_by_id_.count(gid)) {
          diag_->error(loc(g->at), msg::kImpStaffNoGroup, header_name(g->at, Field::kGroup), group,
                       villages_[static_cast<std::size_t>(village_by_id_[s.village_id])].name);
          continue;
        }
        s.groups.push_back(gid);
      }
    }
    // Ids from the place and the name, so a re-import keeps them; namesakes get -2, -3, ...
    s.id = base + "/" + s.name;
    for (int n = 2; !ids.insert(s.id).second; ++n)
      s.id = base + "/" + s.name + "-" + std::to_string(n);
    reg->staff.push_back(std::move(s));
  }
}

std::string Importer::json(const ImportResult& r) const {
  using nlohmann::ordered_json;
  ordered_json j;
  j["kaoping"] = KAOPING_VERSION;
  j["assess_year"] = opt_.assess_year;
  j["registered_verified"] = opt_.registered_verified;
  ordered_json inputs = ordered_json::array();
  for (const InputRecord& rec : inputs_) {
    ordered_json f;
    f["role"] = std::string(to_string(rec.role));
    f["file"] = rec.arg;
    f["path"] = rec.file.path;
    f["format"] = rec.file.format == FileFormat::kXlsx  ? "xlsx"
                  : rec.file.format == FileFormat::kXls ? "xls"
                                                        : "csv";
    f["sha256"] = rec.file.sha256;
    ordered_json sheets = ordered_json::array();
    for (const InputRecord::SheetInfo& s : rec.sheets) {
      ordered_json o;
      if (rec.file.format != FileFormat::kCsv) o["sheet"] = s.name;
      o["read"] = s.read;
      if (!s.read) {
        o["why_not"] = s.why_not;
      } else {
        o["header_row"] = s.header.row;
        if (s.header.upper_row > 0) o["header_upper_row"] = s.header.upper_row;
        o["data_rows"] = s.data_rows;
        ordered_json cols = ordered_json::object();
        for (const auto& [header, field] : s.header.used) cols[header] = field;
        o["columns"] = cols;
        o["unknown_columns"] = s.header.unknown;
        o["ignored_columns"] = s.header.ignored;
      }
      sheets.push_back(o);
    }
    f["sheets"] = sheets;
    inputs.push_back(f);
  }
  j["inputs"] = inputs;
  if (!mapping_.file.empty()) {
    std::string bytes, err;
    ordered_json m;
    m["file"] = mapping_.file;
    m["sha256"] = read_file(mapping_.file, &bytes, &err) ? sha256_hex(bytes) : "";
    m["columns"] = mapping_.headers_as_written;
    j["mapping"] = m;
  }
  j["counties"] = counties_;
  ordered_json counts;
  counts["households"] = r.households;
  ordered_json by_status;
  for (int s = 0; s < kStatusCount; ++s)
    by_status[std::string(to_string(static_cast<Status>(s)))] = r.by_status[s];
  counts["by_status"] = by_status;
  counts["persons"] = r.persons;
  counts["members"] = r.members;
  counts["unverified"] = r.unverified;
  counts["roster_households_in_export"] = r.roster_merged;
  counts["townships"] = r.registry.townships.size();
  counts["villages"] = r.registry.villages.size();
  counts["groups"] = r.registry.groups.size();
  counts["staff"] = r.registry.staff.size();
  counts["rows_skipped"] = skipped_rows_;
  j["counts"] = counts;
  j["defaults"] = defaults_;
  ordered_json warnings = ordered_json::array();
  for (const Diagnostic& d : diag_->items())
    if (d.severity == Severity::kWarning) warnings.push_back(d.format());
  j["warnings"] = warnings;
  return j.dump(2) + "\n";
}

bool Importer::run(ImportResult* out) {
  if (!in_.mapping.empty() && !load_mapping(in_.mapping, &mapping_, diag_)) return false;
  read_inputs(in_.exports, SheetRole::kExport);
  read_inputs(in_.rosters, SheetRole::kRoster);
  read_inputs(in_.verifications, SheetRole::kVerification);
  if (!in_.villages.empty()) read_inputs({in_.villages}, SheetRole::kVillages);
  if (!in_.staff.empty()) read_inputs({in_.staff}, SheetRole::kStaff);
  for (const InputRecord& rec : inputs_) out->input_paths.push_back(rec.file.path);
  if (!in_.mapping.empty()) out->input_paths.push_back(in_.mapping);
  if (diag_->full()) return false;

  check_drafts();
  merge_rosters();
  resolve_places();
  apply_verification();
  apply_villages_sheet();
  Registry& reg = out->registry;
  build_registry(&reg);
  build_staff(&reg);
  for (const auto& [kind, count] : repeated_)
    if (count > opt_.warnings_per_kind)
      diag_->warning(FileLoc(), msg::kImpMoreWarnings, count - opt_.warnings_per_kind, kind);
  if (diag_->has_errors()) return false;

  // What import wrote must be a registry every command reads (SPEC §1).
  std::string err;
  if (!reg.build_indexes(&err, diag_->lang())) {
    diag_->error(FileLoc(), msg::kImpInconsistent, err);
    return false;
  }
  Diagnostics check(diag_->full() ? 1 : 100, diag_->lang());
  if (!validate_registry(&reg, &check)) {
    for (const Diagnostic& d : check.items())
      if (d.severity == Severity::kError) diag_->error(FileLoc(), msg::kImpFailsChecks, d.format());
    return false;
  }
  const Households& h = reg.households;
  out->households = h.count();
  for (std::size_t i = 0; i < h.count(); ++i) {
    out->persons += static_cast<std::size_t>(h.size[i]);
    ++out->by_status[static_cast<int>(h.status[i])];
    out->unverified += h.verified[i] == 0;
  }
  out->members = reg.members.size();
  out->roster_merged = roster_merged_;
  out->warnings = diag_->warning_count();
  out->import_json = json(*out);
  return true;
}

}  // namespace

bool import_registry(const ImportInputs& inputs, const ImportOptions& options, ImportResult* out,
                     Diagnostics* diag) {
  if (inputs.exports.empty()) {
    diag->error(FileLoc(), msg::kImpNoExport);
    return false;
  }
  Importer importer(inputs, options, diag);
  return importer.run(out);
}

}  // namespace kaoping
