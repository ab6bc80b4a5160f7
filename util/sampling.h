// The two ways kaoping draws a simple random sample without replacement, stated once for the
// sampler and the Monte Carlo engine: Floyd's algorithm (k draws, no order) and the walk of
// a partial Fisher–Yates shuffle (a random order, taken as far as it is needed).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "util/rng.h"

namespace kaoping {

/// Floyd's algorithm (Bentley & Floyd 1987): a simple random sample of k of the positions
/// [0, n) with exactly k draws. For j = n − k .. n − 1 it draws t uniform in [0, j] with
/// `draw(j + 1)` and calls `take(t, j)`: the caller takes t, or j when t is taken already
/// (every k-subset is then equally likely). The caller keeps what is taken, so that it can
/// use whatever marks suit it (a byte vector, tags that need no clearing).
template <typename Draw, typename Take>
inline void floyd_sample(uint32_t n, uint32_t k, Draw&& draw, Take&& take) {
  for (uint32_t j = n - k; j < n; ++j) take(draw(j + 1), j);
}

/// One step of the walk of a Fisher–Yates (Durstenfeld) shuffle over v[0, n): swaps v[i]
/// with v[j], j uniform in [i, n), and returns j. After steps 0 .. k − 1, v[0, k) is a simple
/// random sample of v in random order, and the rest of the walk its reserve list.
template <typename T, typename Gen = Rng>
inline std::size_t walk_step(T* v, std::size_t i, std::size_t n, Gen& rng) {
  const std::size_t j = i + static_cast<std::size_t>(rng.below(n - i));
  std::swap(v[i], v[j]);
  return j;
}

/// below32's rejection step, for a product m = x · n whose low word is below n: the product
/// accepted, redrawing from `rng` while the low word is below 2^32 mod n. On its own so that
/// a caller with the generator's state in a register can take it out of line.
template <typename Gen = Rng>
inline uint64_t below32_accept(uint64_t m, uint32_t n, Gen& rng) {
  const uint32_t threshold = (0u - n) % n;
  while (static_cast<uint32_t>(m) < threshold) m = uint64_t{static_cast<uint32_t>(rng())} * n;
  return m;
}

/// A uniform integer below n (1 <= n < 2^32) from a uniform 32-bit x, redrawing from `rng`
/// when rejected: Lemire's multiply-and-reject at 32 bits (Lemire 2019), so every value has
/// probability exactly 1/n (a rejection happens with probability below n/2^32).
template <typename Gen = Rng>
inline uint32_t below32(uint32_t x, uint32_t n, Gen& rng) {
  uint64_t m = uint64_t{x} * n;
  if (static_cast<uint32_t>(m) < n) [[unlikely]]
    m = below32_accept(m, n, rng);
  return static_cast<uint32_t>(m >> 32);
}

/// Floyd's algorithm as floyd_sample, with its index draws (all below 2^32) taken two per
/// generator output from its 32-bit halves, the low half first: half the generator calls,
/// for the Monte Carlo engine's household stage.
template <typename Gen, typename Take>
inline void floyd_sample_halves(uint32_t n, uint32_t k, Gen& rng, Take&& take) {
  uint32_t j = n - k;
  for (; j + 1 < n; j += 2) {
    const uint64_t bits = rng();
    take(below32(static_cast<uint32_t>(bits), j + 1, rng), j);
    take(below32(static_cast<uint32_t>(bits >> 32), j + 2, rng), j + 1);
  }
  if (j < n) take(below32(static_cast<uint32_t>(rng()), j + 1, rng), j);
}

}  // namespace kaoping
