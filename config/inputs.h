// What a command runs on, loaded once: the configuration, the registry (the embedded default
// county without --registry), the staff roster and the sampling design, as the command's row
// of the command table says it needs them.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "registry/registry.h"
#include "sampler/design.h"
#include "util/diagnostics.h"

namespace kaoping {

/// What a command needs loaded before it runs (ninja's `when`), as bits of its table row.
enum Needs : unsigned {
  kNeedsConfig = 1u << 0,    ///< the configuration (--config, --set)
  kNeedsRegistry = 1u << 1,  ///< the registry (--registry, else the default county); config too
  kNeedsDesign = 1u << 2,    ///< the sampling design built from both
  kNeedsStaff = 1u << 3,     ///< the staff roster (--staff, else the registry's own)
  /// validate: the default county is checked like a registry from disk.
  kChecksAll = 1u << 4,
};

/// Where the inputs come from (the common options).
struct InputSources {
  std::string registry;           ///< directory; empty = the embedded default county
  std::string config;             ///< YAML file; empty = the built-in default only
  std::vector<std::string> sets;  ///< --set KEY=VALUE, in order
  std::string staff;              ///< roster file; empty = the registry's own
};

struct RunInputs {
  Config config;
  Registry registry;
  Design design;  ///< built when kNeedsDesign
};

/// Loads, in order, what `needs` says: the configuration; the registry (a user's is checked
/// even when the configuration is bad, so one run reports the problems of both); the roster;
/// the design (its errors say what the sampler would refuse on the day). Every problem goes
/// to *diag; false when any is an error.
bool load_inputs(unsigned needs, const InputSources& from, RunInputs* out, Diagnostics* diag);

}  // namespace kaoping
