// The county in a few figures: households by status, persons, the registered poor, staff.
// What validate, generate and the reports print about a registry.
#pragma once

#include <cstddef>
#include <cstdint>

#include "registry/registry.h"

namespace kaoping {

struct RegistrySummary {
  std::size_t households = 0;
  std::size_t households_by_status[kStatusCount] = {};
  int64_t persons = 0;
  std::size_t poor_households = 0;  ///< poor + planned_exit
  int64_t poor_persons = 0;         ///< persons of poor + planned_exit households
  std::size_t guides = 0, interpreters = 0;
  std::size_t mismatched = 0;  ///< households whose members.csv disagrees
  /// Registered poor persons per hundred persons (the poverty incidence in percent); 0 for an
  /// empty registry.
  double poverty_incidence_percent() const {
    return persons > 0 ? 100.0 * static_cast<double>(poor_persons) / static_cast<double>(persons)
                       : 0.0;
  }
};

RegistrySummary summarise(const Registry& reg);

}  // namespace kaoping
