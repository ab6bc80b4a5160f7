// The default county (generate_county(kDefault, 1)) with the default configuration and its
// design, built once per benchmark executable.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "config/config.h"
#include "registry/generate.h"
#include "sampler/design.h"

namespace kaoping {

struct DefaultCounty {
  Registry reg;
  Config config;
  Design design;
  DefaultCounty() {
    reg = generate_county(Profile::kDefault, 1);
    Diagnostics diag;
    if (!load_config("", {}, &config, &diag) || !build_design(reg, config.design, &design, &diag)) {
      std::fprintf(stderr, "bench: cannot set up the default county\n");
      std::exit(1);
    }
  }
};

/// The shared instance, built on first use.
inline const DefaultCounty& default_county() {
  static const DefaultCounty county;
  return county;
}

}  // namespace kaoping
