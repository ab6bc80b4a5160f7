#include "config/inputs.h"

#include "audit/oc_curve.h"
#include "config/messages.h"
#include "registry/generate.h"
#include "registry/load.h"

namespace kaoping {

bool load_inputs(unsigned needs, const InputSources& from, RunInputs* out, Diagnostics* diag) {
  if (needs == 0) return true;
  bool ok = load_config(from.config, from.sets, &out->config, diag);
  if (needs & kNeedsRegistry) {
    if (!from.registry.empty()) {
      ok = load_registry(from.registry, &out->registry, diag) && ok;
    } else if (ok) {  // the built-in county is only worth building when the run goes on
      out->registry = generate_county(Profile::kDefault, 1);
      if (needs & kChecksAll) ok = validate_registry(&out->registry, diag);
    }
  }
  ok = ok && !diag->has_errors();
  // validate also warns about what schedule will miss (staff, group contacts).
  if (ok && (needs & kChecksAll)) warn_schedule_gaps(out->registry, diag);
  // validate passes only what simulate --out can do: its OC curves need households.
  if (ok && (needs & kChecksAll)) {
    const std::string problem = oc_curve_problem(out->registry, out->config);
    if (!problem.empty()) diag->error({}, problem);
    ok = problem.empty();
  }
  if (ok && (needs & kNeedsStaff)) {
    if (!from.staff.empty()) {
      ok = load_staff(from.staff, &out->registry, diag);
    } else if (!out->registry.has_staff) {
      diag->error({}, msg::kCfgNoStaffFile,
                  from.registry.empty() ? diag->text(msg::kCfgBuiltInCounty) : from.registry);
      ok = false;
    }
  }
  if (ok && (needs & kNeedsDesign))
    ok = build_design(out->registry, out->config.design, &out->design, diag);
  return ok && !diag->has_errors();
}

}  // namespace kaoping
