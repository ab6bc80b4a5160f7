// Conditions (SPEC §4): once the evaluators announce their townships, their villages or their
// household list, the rehearsal is re-run on what was announced. A Condition says which
// units every replicate takes; the rest is drawn as usual (villages and households under
// given townships, households in given villages), or, given a list, only presence, the
// income error, the unverified faults and approval are random. `simulate` and `prioritize`
// carry it in SimulationOptions; the tiers are still those of the whole county (Design).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/registry.h"
#include "sampler/design.h"
#include "sampler/design_config.h"
#include "sampler/draw.h"
#include "util/diagnostics.h"

namespace kaoping {

enum class ConditionKind : uint8_t { kNone, kTownships, kVillages, kSample };

struct Condition {
  ConditionKind kind = ConditionKind::kNone;
  /// kTownships: the announced townships (registry indices, as given); kVillages: the
  /// townships of the announced villages; kSample: the townships of the listed households
  /// (both in order of first appearance).
  std::vector<int> townships;
  /// kVillages: the announced villages, township by township in the order of `townships`
  /// and within a township in the order of design.tiers; kSample: the villages of the list.
  std::vector<int> villages;
  /// kSample: the sample rows (in file order) and the reserve rows (in reserve_rank order
  /// within village and category) of the list; category is the household's own.
  std::vector<DrawRow> rows;
  std::string file;    ///< kSample: the file as given on the command line
  std::string sha256;  ///< kSample: lowercase hex SHA-256 of its raw bytes

  bool active() const { return kind != ConditionKind::kNone; }
};

/// Splits "ID,ID,..." (spaces around an id ignored). False and *err on an empty list, an
/// empty item or an id given twice.
bool parse_id_list(std::string_view text, std::vector<std::string>* ids, std::string* err);

/// The announced townships: as many as design.townships, each known and eligible (a
/// village in every tier). False and *err (with a did-you-mean for an unknown id) otherwise.
bool township_condition(const Registry& reg, const DesignConfig& config, const Design& design,
                        const std::vector<std::string>& ids, Condition* out, std::string* err);

/// The announced villages: one of each tier of design.tiers (by the county's tiers) in each
/// of design.townships eligible townships; the townships follow from the villages. False
/// and *err on an unknown id, two villages of one tier in a township, a township lacking a
/// tier, or villages of more (or fewer) townships than the design draws.
bool village_condition(const Registry& reg, const DesignConfig& config, const Design& design,
                       const std::vector<std::string>& ids, Condition* out, std::string* err);

/// The evaluators' list (a `sample` CSV, or a list with at least household_id; read by
/// read_draw_csv): its rows, the file's SHA-256. Errors at file:line:column go to *diag.
bool sample_condition(const std::string& path, const Registry& reg, const Design& design,
                      Condition* out, Diagnostics* diag);

/// What is wrong with the condition options of a command line; the values are the exit
/// codes of SPEC §4.
enum class ConditionError : uint8_t {
  kNone = 0,
  kInput = 1,  ///< a set the design could not have drawn, an unknown id, a bad list file
  kUsage = 2,  ///< a malformed list
};

/// The condition of a command line's --townships, --villages or --sample (at most one is
/// given). Every problem goes to *diag: a list's at "--townships: error: ..." (or
/// "--villages"), a list file's at file:line:column.
ConditionError condition_from_options(const std::optional<std::string>& townships,
                                      const std::optional<std::string>& villages,
                                      const std::optional<std::string>& sample, const Registry& reg,
                                      const DesignConfig& config, const Design& design,
                                      Condition* out, Diagnostics* diag);

}  // namespace kaoping
