// manifest.json (SPEC §4): what a run was made from, so that it can be repeated and its
// inputs recognised — the version, the command line, the configuration as resolved, the
// SHA-256 of the raw bytes of every input file, the seed, the runs and the threads.
// Plain struct in, JSON text out; any command that writes a directory can use it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "registry/registry.h"

namespace kaoping {

struct Manifest {
  std::string command;            ///< e.g. "simulate"
  std::string version;            ///< kaoping version
  std::vector<std::string> argv;  ///< the whole command line as given
  std::string config_yaml;        ///< Config::resolved_yaml
  std::string registry;           ///< registry directory, or "default county"
  std::vector<InputFile> inputs;  ///< every input file read, with its SHA-256 (lowercase hex)
  bool has_seed = false;
  uint64_t seed = 0;
  int64_t runs = -1;  ///< replicates run; -1 = not applicable (left out)
  int threads = -1;   ///< worker threads; -1 = not applicable (left out)
};

/// The manifest as pretty-printed JSON with keys, in order: command, version, command_line
/// (array of arguments), registry, inputs (array of {path, sha256}), config (YAML text),
/// then seed, runs, threads when set.
std::string manifest_json(const Manifest& m);

/// Adds to m->inputs every file of `paths` that is not listed yet, with the SHA-256 of its raw
/// bytes (empty paths and unreadable files are skipped).
void add_manifest_inputs(const std::vector<std::string>& paths, Manifest* m);

/// A manifest for `command` with this version, the command line, the resolved configuration,
/// the registry (`registry_dir`, else reg.source) and its inputs, then `config_file` and
/// `extra`; the caller adds seed, runs and threads where they apply.
Manifest make_manifest(const std::string& command, const std::vector<std::string>& argv,
                       const std::string& config_yaml, const std::string& registry_dir,
                       const Registry& reg, const std::string& config_file,
                       const std::vector<std::string>& extra);

}  // namespace kaoping
