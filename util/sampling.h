// The two ways kaoping draws a simple random sample without replacement, stated once for the
// sampler and the Monte Carlo engine: Floyd's algorithm (k draws, no order) and the walk of
// a partial Fisher–Yates shuffle (a random order, taken as far as it is needed).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
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
/// accepted, redrawing from `rng` while the low word is below 2^32 mod n. below32 calls it
/// out of line through below32_redraw.
template <typename Gen = Rng>
inline uint64_t below32_accept(uint64_t m, uint32_t n, Gen& rng) {
  const uint32_t threshold = (0u - n) % n;
  while (static_cast<uint32_t>(m) < threshold) m = uint64_t{static_cast<uint32_t>(rng())} * n;
  return m;
}

/// below32_accept out of line, on a copy of the generator: the accepted product and the
/// generator as the redraws left it.
template <typename Gen>
struct Redrawn {
  uint64_t product;
  Gen rng;
};
template <typename Gen>
[[gnu::noinline, gnu::cold]] Redrawn<Gen> below32_redraw(uint64_t m, uint32_t n, Gen rng) {
  m = below32_accept(m, n, rng);
  return {m, std::move(rng)};
}

/// A uniform integer below n (1 <= n < 2^32) from a uniform 32-bit x, redrawing from `rng`
/// when rejected: Lemire's multiply-and-reject at 32 bits (Lemire 2019), so every value has
/// probability exactly 1/n (a rejection happens with probability below n/2^32). The rare
/// redraw is out of line and takes the generator by value (below32_redraw), so that a caller
/// whose generator is a local (a WyRand: one 64-bit state) keeps it in a register.
template <typename Gen = Rng>
inline uint32_t below32(uint32_t x, uint32_t n, Gen& rng) {
  uint64_t m = uint64_t{x} * n;
  if (static_cast<uint32_t>(m) < n) [[unlikely]] {
    Redrawn<Gen> r = below32_redraw(m, n, rng);
    m = r.product;
    rng = std::move(r.rng);
  }
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

/// The largest pool shuffle_sample_halves samples (its slots are bytes), and the slots in
/// order, copied 64 bytes at a time to start a shuffle.
inline constexpr uint32_t kShufflePool = 256;
alignas(64) inline constexpr std::array<uint8_t, kShufflePool> kShuffleSlots = [] {
  std::array<uint8_t, kShufflePool> a{};
  for (uint32_t i = 0; i < kShufflePool; ++i) a[i] = static_cast<uint8_t>(i);
  return a;
}();

/// order[0, n) = 0..n−1, in blocks of 64 bytes (order holds kShufflePool bytes).
inline void reset_shuffle(uint8_t* order, uint32_t n) {
  const uint32_t end = n < kShufflePool ? n : kShufflePool;  // the compiler then knows the bound
  for (uint32_t b = 0; b < end; b += 64) std::memcpy(order + b, kShuffleSlots.data() + b, 64);
}

/// A simple random sample of k of the n slots 0..n−1 (k <= n <= kShufflePool) by the first k
/// steps of a Fisher–Yates shuffle of `order` (kShufflePool bytes, overwritten): step i takes the
/// slot at a uniform position of order[i, n) and moves order[i] there. The index draws are
/// floyd_sample_halves' (32-bit halves, the low half first); no slot is ever taken twice, so
/// there is no "taken before" test, which in a pool whose sample is a sizeable fraction is
/// true at random and mispredicted. take(slot) is called in sample order.
template <typename Gen, typename Take>
inline void shuffle_sample_halves(uint32_t n, uint32_t k, uint8_t* order, Gen& rng, Take&& take) {
  reset_shuffle(order, n);
  const auto step = [&](uint32_t i, uint32_t x) {
    const uint32_t p = i + below32(x, n - i, rng);
    const uint32_t slot = order[p];
    order[p] = order[i];  // before take: its stores may alias the bytes of order
    take(slot);
  };
  uint32_t i = 0;
  for (; i + 1 < k; i += 2) {
    const uint64_t bits = rng();
    step(i, static_cast<uint32_t>(bits));
    step(i + 1, static_cast<uint32_t>(bits >> 32));
  }
  if (i < k) step(i, static_cast<uint32_t>(rng()));
}

/// The x' of cut_search (below): x, or 2^64 − 2 for x = 2^64 − 1, so that no saturated
/// entry is <= x'.
inline uint64_t cut_key(uint64_t x) {
  return x - (x == ~uint64_t{0} ? 1 : 0);
}

/// Inversion from cut points: for a uniform 64-bit x, Z = min{z : x < cut[z] or cut[z]
/// saturated}, given `count` non-decreasing cut points whose last is saturated (2^64 − 1),
/// as binomial_cut_points (audit/stats.h) writes them. With x' = min(x, 2^64 − 2), Z is the
/// number of cut points <= x'. cut_search finds it by a binary search without a branch on x
/// (a search that branched on the draw mispredicted about once a call).
inline uint32_t cut_search(const uint64_t* cut, uint32_t count, uint64_t x) {
  const uint64_t xs = cut_key(x);
  const uint64_t* base = cut;
  for (uint32_t len = count; len > 1;) {
    const uint32_t half = len / 2;
    base += base[half] <= xs ? half : 0;
    len -= half;
  }
  return static_cast<uint32_t>(base - cut) + (*base <= xs ? 1 : 0);
}

/// A guide to cut_invert for a table of at most kCutGuideMax cut points (as cut_search's):
/// per value b of x's top byte, the number of cut points below b · 2^56, with kCutGuideSearch
/// added when more than one unsaturated cut point lies in that byte's range of x (there the
/// guide does not settle Z; such ranges are rare, in a distribution's far tail).
inline constexpr uint32_t kCutGuideMax = 128;
inline constexpr uint8_t kCutGuideSearch = 0x80;
inline void cut_guide(const uint64_t* cut, uint32_t count, uint8_t guide[256]) {
  uint32_t below = 0;
  for (uint32_t b = 0; b < 256; ++b) {
    const uint64_t lo = uint64_t{b} << 56, hi = lo | ((uint64_t{1} << 56) - 1);
    while (below < count && cut[below] < lo) ++below;
    uint32_t inside = 0;
    for (uint32_t z = below; z < count && cut[z] <= hi && cut[z] != ~uint64_t{0}; ++z) ++inside;
    guide[b] = static_cast<uint8_t>(below | (inside > 1 ? kCutGuideSearch : 0));
  }
}

/// cut_search with a guide (cut_guide): one look-up and one comparison, with no branch on
/// x but whether its byte's range holds more than one cut point.
inline uint32_t cut_invert(const uint64_t* cut, uint32_t count, const uint8_t* guide, uint64_t x) {
  const uint8_t g = guide[x >> 56];
  if (g & kCutGuideSearch) [[unlikely]]
    return cut_search(cut, count, x);
  return g + (cut[g] <= cut_key(x) ? 1u : 0u);
}

}  // namespace kaoping
