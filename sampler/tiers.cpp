#include "sampler/tiers.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "sampler/messages.h"

namespace kaoping {

std::vector<std::array<double, 3>> zscore_indicators(const std::vector<Village>& villages) {
  const std::size_t n = villages.size();
  std::vector<std::array<double, 3>> z(n, {0.0, 0.0, 0.0});
  if (n < 2) return z;
  for (int k = 0; k < 3; ++k) {
    auto value = [k](const Village& v) {
      return k == 0 ? v.natural : k == 1 ? v.transport : v.economic;
    };
    double mean = 0;
    for (const Village& v : villages) mean += value(v);
    mean /= static_cast<double>(n);
    double ss = 0;
    for (const Village& v : villages) ss += (value(v) - mean) * (value(v) - mean);
    const double sd = std::sqrt(ss / static_cast<double>(n - 1));
    if (!(sd > 0)) continue;  // no spread: the indicator cannot rank anything
    for (std::size_t i = 0; i < n; ++i) z[i][k] = (value(villages[i]) - mean) / sd;
  }
  return z;
}

std::vector<double> composite_index(const std::vector<Village>& villages, const DesignConfig& d) {
  const auto z = zscore_indicators(villages);
  std::vector<double> index(villages.size());
  for (std::size_t i = 0; i < villages.size(); ++i)
    index[i] =
        d.weight_natural * z[i][0] + d.weight_transport * z[i][1] + d.weight_economic * z[i][2];
  return index;
}

std::vector<double> pca_index(const std::vector<Village>& villages) {
  const auto z = zscore_indicators(villages);
  const Eigen::Index n = static_cast<Eigen::Index>(villages.size());
  std::vector<double> index(villages.size(), 0.0);
  if (n < 2) return index;
  Eigen::MatrixXd m(n, 3);
  for (Eigen::Index i = 0; i < n; ++i)
    for (int k = 0; k < 3; ++k) m(i, k) = z[i][k];
  // Correlation matrix of the indicators (the z-scores' covariance).
  const Eigen::Matrix3d corr = (m.transpose() * m) / static_cast<double>(n - 1);
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> solver(corr);
  Eigen::Vector3d pc = solver.eigenvectors().col(2);  // eigenvalues ascend: last is largest
  // Sign: the score's covariance with the plain sum of z-scores is λ·(sum of the loadings),
  // so a positive loading sum makes the component agree with the plain sum. Should the
  // sum vanish, the first non-zero loading is made positive so the sign is still defined.
  double sum = pc.sum();
  if (std::abs(sum) < 1e-12)
    for (int k = 0; k < 3 && std::abs(sum) < 1e-12; ++k) sum = pc(k);
  if (sum < 0) pc = -pc;
  const Eigen::VectorXd score = m * pc;
  for (Eigen::Index i = 0; i < n; ++i) index[i] = score(i);
  return index;
}

Tier tercile_tier(int rank, int n) {
  // n/3 is never exactly k + 0.5 for whole n, so lround's tie rule never matters.
  const int k = static_cast<int>(std::lround(n / 3.0));
  if (rank < k) return Tier::kGood;
  if (rank >= n - k) return Tier::kPoor;
  return Tier::kMedium;
}

std::vector<Tier> rank_tiers(const Registry& reg, const std::vector<double>& index) {
  std::vector<Tier> tiers(reg.villages.size(), Tier::kMedium);
  std::vector<std::vector<int>> by_township(reg.townships.size());
  for (std::size_t v = 0; v < reg.villages.size(); ++v) {
    const int t = reg.villages[v].township;
    if (t >= 0) by_township[t].push_back(static_cast<int>(v));
  }
  for (std::vector<int>& members : by_township) {
    std::sort(members.begin(), members.end(), [&](int a, int b) {
      if (index[a] != index[b]) return index[a] > index[b];
      return reg.villages[a].id < reg.villages[b].id;  // std::string compares bytes unsigned
    });
    const int n = static_cast<int>(members.size());
    for (int r = 0; r < n; ++r) tiers[members[r]] = tercile_tier(r, n);
  }
  return tiers;
}

bool assign_tiers(const Registry& reg, const DesignConfig& d, std::vector<Tier>* tiers,
                  std::vector<double>* index, Diagnostics* diag) {
  const std::size_t n = reg.villages.size();
  if (d.tier_method == TierMethod::kLabel) {
    index->assign(n, std::numeric_limits<double>::quiet_NaN());
    tiers->assign(n, Tier::kMedium);
    bool ok = true;
    for (std::size_t v = 0; v < n; ++v) {
      const Village& village = reg.villages[v];
      if (village.tier) {
        (*tiers)[v] = *village.tier;
      } else {
        diag->error({"villages.csv", village.line, village.tier_column}, msg::kSmpNoTier,
                    village.id);
        ok = false;
      }
    }
    return ok;
  }
  // The index z-scores every village's indicators: a village without them (an import
  // without a villages sheet) leaves only the labels to go by.
  bool complete = true;
  for (const Village& village : reg.villages) {
    if (!std::isnan(village.natural) && !std::isnan(village.transport) &&
        !std::isnan(village.economic))
      continue;
    diag->error({"villages.csv", village.line}, msg::kSmpNoIndicators, village.id,
                d.tier_method == TierMethod::kPca ? "pca" : "composite");
    complete = false;
  }
  if (!complete) return false;
  *index = d.tier_method == TierMethod::kPca ? pca_index(reg.villages)
                                             : composite_index(reg.villages, d);
  *tiers = rank_tiers(reg, *index);
  for (std::size_t v = 0; v < n; ++v)
    if (reg.villages[v].tier) (*tiers)[v] = *reg.villages[v].tier;
  return true;
}

}  // namespace kaoping
