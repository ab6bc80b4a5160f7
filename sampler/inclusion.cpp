#include "sampler/inclusion.h"

#include <algorithm>

namespace kaoping {

HouseholdStage household_stage(const int count[3], const int quota[3], int per_village) {
  HouseholdStage st;
  int total = 0;
  for (int c = 0; c < 3; ++c) total += count[c];
  if (total <= per_village) {
    st.whole = true;
    for (int c = 0; c < 3; ++c) st.take[c] = count[c];
    return st;
  }
  int taken = 0;
  for (int c = 0; c < 3; ++c) {
    st.take[c] = std::min(std::max(quota[c], 0), count[c]);
    taken += st.take[c];
    st.remainder += count[c] - st.take[c];
  }
  // The fill tops the village up to per_village, whether a category is short or the
  // quotas sum to less than per_village; total > per_village guarantees fill < remainder.
  st.fill = std::max(0, per_village - taken);
  const double fill_share =
      st.remainder > 0 ? static_cast<double>(st.fill) / static_cast<double>(st.remainder) : 0.0;
  for (int c = 0; c < 3; ++c) {
    if (count[c] <= st.take[c]) {
      st.pi[c] = 1.0;
    } else {
      const double first = static_cast<double>(st.take[c]) / static_cast<double>(count[c]);
      st.pi[c] = first + (1.0 - first) * fill_share;
    }
  }
  return st;
}

double village_stage_pi(int k, int n_tier) {
  if (n_tier <= 0) return 0.0;
  if (k >= n_tier) return 1.0;
  return static_cast<double>(std::max(k, 0)) / static_cast<double>(n_tier);
}

}  // namespace kaoping
