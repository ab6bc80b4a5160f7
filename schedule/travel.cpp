#include "schedule/travel.h"

#include <algorithm>
#include <cmath>

namespace kaoping {

int travel_minutes(const Registry& reg, int from, int to) {
  if (from == to) return 0;
  auto village_leg = [&](int v) { return std::max(0.0, reg.villages[v].travel_minutes); };
  auto township_leg = [&](int v) {
    const int t = reg.villages[v].township;
    return t < 0 ? 0.0 : std::max(0.0, reg.townships[t].travel_minutes);
  };
  double total = 0;
  if (from < 0) {
    total = township_leg(to) + village_leg(to);
  } else if (to < 0) {
    total = village_leg(from) + township_leg(from);
  } else if (reg.villages[from].township == reg.villages[to].township) {
    total = village_leg(from) + village_leg(to);
  } else {
    total = village_leg(from) + township_leg(from) + township_leg(to) + village_leg(to);
  }
  // The small epsilon keeps 30.000000001 (a sum of decimal fractions) at 30 minutes.
  return static_cast<int>(std::ceil(total - 1e-9));
}

}  // namespace kaoping
