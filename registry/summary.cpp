#include "registry/summary.h"

namespace kaoping {

RegistrySummary summarise(const Registry& reg) {
  RegistrySummary s;
  const Households& h = reg.households;
  s.households = h.count();
  for (std::size_t i = 0; i < h.count(); ++i) {
    ++s.households_by_status[static_cast<int>(h.status[i])];
    s.persons += h.size[i];
    if (category_of(h.status[i]) == Category::kPoor) {
      ++s.poor_households;
      s.poor_persons += h.size[i];
    }
    s.mismatched += h.members_mismatch[i] != 0;
  }
  for (const Staff& st : reg.staff) (st.role == StaffRole::kGuide ? s.guides : s.interpreters)++;
  return s;
}

}  // namespace kaoping
