#include "util/rng.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <set>
#include <vector>

#include "util/sampling.h"

namespace kaoping {
namespace {

// Independent oracles: the reference generators as published at prng.di.unimi.it
// (splitmix64.c by Vigna; xoshiro256plusplus.c by Blackman & Vigna) and wyrand (Wang Yi's
// wyhash), transcribed with their own state handling rather than through kaoping's functions.
struct SplitMix64Reference {
  uint64_t x;  // the state; any value
  uint64_t next() {
    uint64_t z = (x += 0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
  }
};

// wyrand as the PRNG test suites carry it (wyrand_stateless, from Wang Yi's wyhash).
struct WyRandReference {
  uint64_t s;  // the state; any value
  uint64_t next() {
    s += 0xa0761d6478bd642fULL;
    const unsigned __int128 t = static_cast<unsigned __int128>(s) * (s ^ 0xe7037ed1a0b428dbULL);
    return static_cast<uint64_t>(t >> 64) ^ static_cast<uint64_t>(t);
  }
};

struct Xoshiro256PlusPlusReference {
  uint64_t s[4];
  static uint64_t rotl(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t next() {
    const uint64_t result = rotl(s[0] + s[3], 23) + s[0];
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
};

// splitmix64.c from state 0: its first outputs, as the reference code prints them (the first
// is the widely quoted 0xe220a8397b1dcdaf). kaoping's splitmix64(x) is the reference's step
// from state x, so the i-th output is splitmix64(i · golden gamma).
constexpr uint64_t kSplitMix64FromZero[] = {
    0xe220a8397b1dcdafULL, 0x6e789e6aa1b965f4ULL, 0x06c45d188009454fULL, 0xf88bb8a8724c81ecULL,
    0x1b39896a51a8749bULL, 0x53cb9f0c747ea2eaULL, 0x2c829abe1f4532e1ULL, 0xc584133ac916ab3cULL,
};

// xoshiro256plusplus.c from state {1, 2, 3, 4}: the ten outputs other ports (rand_xoshiro's
// reference test among them) check against; the first is (5 << 23) + 1 = 41943041.
constexpr uint64_t kXoshiroFrom1234[] = {
    41943041ULL,
    58720359ULL,
    3588806011781223ULL,
    3591011842654386ULL,
    9228616714210784205ULL,
    9973669472204895162ULL,
    14011001112246962877ULL,
    12406186145184390807ULL,
    15849039046786891736ULL,
    10450023813501588000ULL,
};

TEST(RngTest, SplitMix64MatchesTheReferenceOutputs) {
  uint64_t state = 0;
  for (uint64_t expected : kSplitMix64FromZero) {
    EXPECT_EQ(splitmix64(state), expected);
    state += 0x9e3779b97f4a7c15ULL;
  }
  // Seed 1234567: the first outputs of the reference (also Rosetta Code's test vector).
  EXPECT_EQ(splitmix64(1234567), 6457827717110365317ULL);
  EXPECT_EQ(splitmix64(1234567 + 0x9e3779b97f4a7c15ULL), 3203168211198807973ULL);
  EXPECT_EQ(splitmix64(1234567 + 2 * 0x9e3779b97f4a7c15ULL), 9817491932198370423ULL);
}

// wyrand from state 0 and from 1234567: its first outputs, computed from the reference
// formula with exact integers (Python: s += 0xa0761d6478bd642f; p = s * (s ^
// 0xe7037ed1a0b428db); output (p >> 64) ^ p, all mod 2^64), not with kaoping's code.
constexpr uint64_t kWyRandFromZero[] = {0x111cb3a78f59a58eULL, 0xceabd938ff4e856dULL,
                                        0x61fb51318f47d2a4ULL, 0x78bd03c491909760ULL,
                                        0x7c003d7fb14820deULL, 0x8769964729356b1fULL};
constexpr uint64_t kWyRandFrom1234567[] = {0x0e6c0d75670e37ccULL, 0x6c97c0b827352c64ULL,
                                           0xd0cd28cec7470d39ULL};

TEST(RngTest, WyRandMatchesTheReferenceOutputs) {
  WyRand from_zero(0);
  for (uint64_t expected : kWyRandFromZero) EXPECT_EQ(from_zero(), expected);
  WyRand from_1234567(1234567);
  for (uint64_t expected : kWyRandFrom1234567) EXPECT_EQ(from_1234567(), expected);
}

TEST(RngTest, WyRandOracleReproducesThePinnedValuesAndAgreesFurther) {
  WyRandReference ref{0};
  for (uint64_t expected : kWyRandFromZero) EXPECT_EQ(ref.next(), expected);
  for (uint64_t seed : {1ULL, 42ULL, 20170905ULL, ~0ULL, 0x8000000000000000ULL}) {
    WyRandReference r{seed};
    WyRand g(seed);
    for (int i = 0; i < 1000; ++i) ASSERT_EQ(g(), r.next()) << "seed " << seed << ", output " << i;
  }
}

TEST(RngTest, KeyedDrawIsTheStreamsOutputAtItsIndex) {
  // keyed_draw(key, i) is output i of WyRand(key), so a household's draw by its slot is the
  // one a sequential stream would give it, without drawing the ones before.
  for (uint64_t key :
       {uint64_t{0}, uint64_t{7}, unit_key(stream_key(20170905, 3), 42), ~uint64_t{0}}) {
    WyRand g(key);
    for (uint64_t i = 0; i < 300; ++i) ASSERT_EQ(keyed_draw(key, i), g()) << key << " " << i;
  }
}

TEST(RngTest, SplitMix64OracleReproducesThePinnedValuesAndAgreesFurther) {
  SplitMix64Reference ref{0};
  for (uint64_t expected : kSplitMix64FromZero) EXPECT_EQ(ref.next(), expected);
  // Beyond the pinned values, against the oracle from scattered states.
  for (uint64_t seed : {1ULL, 1234567ULL, 20170905ULL, ~0ULL}) {
    SplitMix64Reference r{seed};
    uint64_t state = seed;
    for (int i = 0; i < 1000; ++i) {
      ASSERT_EQ(splitmix64(state), r.next()) << "seed " << seed << ", output " << i;
      state += 0x9e3779b97f4a7c15ULL;
    }
  }
}

TEST(RngTest, Xoshiro256PlusPlusMatchesTheReferenceOutputs) {
  Rng rng(std::array<uint64_t, 4>{1, 2, 3, 4});
  for (uint64_t expected : kXoshiroFrom1234) EXPECT_EQ(rng(), expected);
  // The 1000th output from {1, 2, 3, 4}, from the reference code.
  Rng far(std::array<uint64_t, 4>{1, 2, 3, 4});
  uint64_t x = 0;
  for (int i = 0; i < 1000; ++i) x = far();
  EXPECT_EQ(x, 0x0e82dbfdabb0d354ULL);
  // Seeded with splitmix64 from 0, as the reference recommends: its first output.
  Rng seeded(std::array<uint64_t, 4>{kSplitMix64FromZero[0], kSplitMix64FromZero[1],
                                     kSplitMix64FromZero[2], kSplitMix64FromZero[3]});
  EXPECT_EQ(seeded(), 0x53175d61490b23dfULL);
}

TEST(RngTest, KeyedStreamIsXoshiroSeededBySplitMix) {
  // Rng::keyed(k) takes the four splitmix64.c outputs from state k as its state words, so
  // keyed(0) starts as the reference's recommended seeding from 0 does.
  Rng zero = Rng::keyed(0);
  EXPECT_EQ(zero(), 0x53175d61490b23dfULL);
  for (uint64_t key : {1ULL, 20170905ULL, ~0ULL}) {
    SplitMix64Reference seeder{key};
    Xoshiro256PlusPlusReference ref{{seeder.next(), seeder.next(), seeder.next(), seeder.next()}};
    Rng rng = Rng::keyed(key);
    for (int i = 0; i < 100; ++i) ASSERT_EQ(rng(), ref.next()) << "key " << key << ", " << i;
  }
}

TEST(RngTest, Xoshiro256PlusPlusOracleReproducesThePinnedValuesAndAgreesFurther) {
  Xoshiro256PlusPlusReference ref{{1, 2, 3, 4}};
  for (uint64_t expected : kXoshiroFrom1234) EXPECT_EQ(ref.next(), expected);
  Xoshiro256PlusPlusReference r{{0x0123456789abcdefULL, 0xfedcba9876543210ULL, 7, ~0ULL}};
  Rng rng(std::array<uint64_t, 4>{0x0123456789abcdefULL, 0xfedcba9876543210ULL, 7, ~0ULL});
  for (int i = 0; i < 10000; ++i) ASSERT_EQ(rng(), r.next()) << "output " << i;
}

TEST(RngTest, UniformAndBelowMapTheRawOutputsAsDocumented) {
  // uniform(): the top 53 bits of an output times 2^-53; below(n): the high word of
  // output · n (Lemire), kept unless the low word falls under 2^64 mod n.
  Rng u(std::array<uint64_t, 4>{1, 2, 3, 4});
  EXPECT_EQ(u.uniform(), 20480 * 0x1.0p-53);  // 41943041 >> 11 = 20480
  // None of these ten outputs is rejected for n = 10 (2^64 mod 10 = 6), so below(10) is
  // floor(output · 10 / 2^64) of each in turn.
  constexpr uint64_t kBelow10[] = {0, 0, 0, 0, 5, 5, 7, 6, 8, 5};
  Rng b(std::array<uint64_t, 4>{1, 2, 3, 4});
  for (std::size_t i = 0; i < std::size(kBelow10); ++i) {
    const unsigned __int128 m = static_cast<unsigned __int128>(kXoshiroFrom1234[i]) * 10;
    ASSERT_EQ(static_cast<uint64_t>(m >> 64), kBelow10[i]);  // the table is right
    EXPECT_EQ(b.below(10), kBelow10[i]) << "draw " << i;
  }
}

TEST(RngTest, StreamsAreReproducibleAndDistinct) {
  Rng a(1, 5, Stream::kIncome), b(1, 5, Stream::kIncome);
  Rng c(1, 6, Stream::kIncome), d(1, 5, Stream::kPresence), e(2, 5, Stream::kIncome);
  uint64_t x = a();
  EXPECT_EQ(x, b());
  EXPECT_NE(x, c());
  EXPECT_NE(x, d());
  EXPECT_NE(x, e());
}

TEST(RngTest, BelowIsUniform) {
  // Chi-square goodness of fit over 7 cells; 0.1% critical value for 6 df is 22.46.
  Rng rng(20170905, 0, Stream::kHouseholds);
  const int n = 70000, k = 7;
  std::vector<int> count(k);
  for (int i = 0; i < n; ++i) ++count[rng.below(k)];
  double chi2 = 0;
  for (int c : count) chi2 += (c - n / k) * double(c - n / k) / (n / k);
  EXPECT_LT(chi2, 22.46);
}

TEST(RngTest, UniformMeanWithinStandardError) {
  Rng rng(3, 1, Stream::kSatisfaction);
  const int n = 100000;
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
}

/// A generator that returns the values it is given, in order, and counts the calls.
struct Scripted {
  std::vector<uint64_t> values;
  std::size_t calls = 0;
  uint64_t operator()() { return values.at(calls++); }
};

/// below32 at n = 2^31 + 1, where 2^32 mod n = 2^31 − 1, so that about half of the products
/// are rejected: an accepted x maps to ⌊x·n / 2^32⌋ with no draw; a rejected one is redrawn
/// from the generator's low words until one is accepted (below32_accept), as Lemire's
/// method says.
TEST(SamplingTest, Below32RedrawsExactlyTheRejectedProducts) {
  const uint32_t n = (1u << 31) + 1;
  const uint32_t threshold = (0u - n) % n;
  ASSERT_EQ(threshold, (1u << 31) - 1);
  const auto low = [&](uint32_t x) { return static_cast<uint32_t>(uint64_t{x} * n); };
  // x = 1: product n, low word n ≥ threshold: accepted, value 0.
  Scripted none;
  EXPECT_EQ(below32(1, n, none), 0u);
  EXPECT_EQ(none.calls, 0u);
  // x = 2: low word 2n mod 2^32 = 2 < threshold: rejected. The redraws: 2 (rejected again),
  // then the low word 1 (accepted: value 0), the high words ignored.
  ASSERT_LT(low(2), threshold);
  Scripted redraws{{uint64_t{7} << 32 | 2, uint64_t{9} << 32 | 1}};
  EXPECT_EQ(below32(2, n, redraws), 0u);
  EXPECT_EQ(redraws.calls, 2u);
  // x = 2^32 − 1: low word 2^32 − n, the threshold itself: accepted, value n − 1.
  EXPECT_EQ(low(0xFFFFFFFFu), threshold);
  EXPECT_EQ(below32(0xFFFFFFFFu, n, none), n - 1);
  // x = 4: low word 4, rejected; the redraw 3 (low word 2^31 + 3) gives ⌊3n / 2^32⌋ = 1.
  ASSERT_LT(low(4), threshold);
  Scripted once{{3}};
  EXPECT_EQ(below32(4, n, once), 1u);
  EXPECT_EQ(once.calls, 1u);
  // A product whose low word is below n but not below the threshold is accepted as it is.
  const uint64_t m = uint64_t{5} << 32 | threshold;
  Scripted unused;
  EXPECT_EQ(below32_accept(m, n, unused), m);
  EXPECT_EQ(unused.calls, 0u);
}

/// Floyd's algorithm from 32-bit halves: k distinct positions below n, and the index draws
/// of two outputs per call (one output for an odd last draw).
TEST(SamplingTest, FloydHalvesDrawsKDistinctPositionsTwoPerOutput) {
  for (uint32_t k : {1u, 2u, 7u, 43u, 100u}) {
    WyRand rng(k);
    std::set<uint32_t> taken;
    floyd_sample_halves(100, k, rng, [&](uint32_t t, uint32_t j) {
      EXPECT_LE(t, j);
      taken.insert(taken.count(t) ? j : t);
    });
    EXPECT_EQ(taken.size(), k);
    EXPECT_LT(*taken.rbegin(), 100u);
    WyRand same(k);
    for (uint32_t i = 0; i < (k + 1) / 2; ++i) same();
    EXPECT_EQ(rng(), same()) << k;  // no rejection at n = 100 with these seeds
  }
}

/// The shuffle's sample: k distinct slots, the draws of floyd_sample_halves (one output per
/// two draws), and every ordered pair of a pool of 5 equally likely, within 4.5 standard
/// errors of 1/20 (the engine's own copy of the shuffle is checked by the engine's exact
/// tests, which fail when its positions are biased).
TEST(SamplingTest, ShuffleHalvesDrawsAUniformSampleTwoPerOutput) {
  alignas(64) uint8_t order[kShufflePool];
  for (uint32_t n : {2u, 5u, 48u, 256u}) {
    for (uint32_t k : {1u, 2u, 15u, 48u, 256u}) {
      if (k > n) continue;
      WyRand rng(n * 1000 + k);
      std::set<uint32_t> taken;
      shuffle_sample_halves(n, k, order, rng, [&](uint32_t t) {
        EXPECT_LT(t, n);
        taken.insert(t);
      });
      EXPECT_EQ(taken.size(), k) << n << " " << k;
      WyRand same(n * 1000 + k);
      for (uint32_t i = 0; i < (k + 1) / 2; ++i) same();
      EXPECT_EQ(rng(), same()) << n << " " << k;  // no rejection with these bounds and seeds
    }
  }
  constexpr int kTrials = 200000;
  int count[5][5] = {};
  WyRand rng(20261203);
  for (int r = 0; r < kTrials; ++r) {
    uint32_t first = 0, seen = 0;
    shuffle_sample_halves(5, 2, order, rng, [&](uint32_t t) {
      if (seen++ == 0)
        first = t;
      else
        ++count[first][t];
    });
  }
  const double p = 1.0 / 20, se = std::sqrt(p * (1 - p) / kTrials);
  for (int a = 0; a < 5; ++a)
    for (int b = 0; b < 5; ++b) {
      if (a == b) {
        EXPECT_EQ(count[a][b], 0);
        continue;
      }
      EXPECT_NEAR(static_cast<double>(count[a][b]) / kTrials, p, 4.5 * se) << a << "," << b;
    }
}

/// Z = min{z : x < cut[z] or cut[z] saturated}, by walking the table.
uint32_t invert_by_walking(const std::vector<uint64_t>& cut, uint64_t x) {
  uint32_t z = 0;
  while (!(x < cut[z]) && cut[z] != ~uint64_t{0}) ++z;
  return z;
}

TEST(SamplingTest, CutSearchAndGuideInvertExactlyAsTheWalk) {
  // Tables of every size up to the guide's limit, their cut points random with clusters
  // (several in one byte range of x, where the guide hands over to the search), repeats (a
  // value of probability 0) and a saturated tail; x at every cut point and its neighbours,
  // at every byte boundary, at 0 and 2^64 − 1, and at random.
  WyRand rng(20261203);
  int guided = 0, searched = 0;
  for (uint32_t count = 1; count <= kCutGuideMax; ++count) {
    std::vector<uint64_t> cut(count);
    for (uint32_t z = 0; z + 1 < count; ++z) {
      const uint64_t r = rng();
      cut[z] = z % 5 == 4 ? cut[z - 1] : (r % 3 == 0 ? r >> 8 | uint64_t{0xF3} << 56 : r);
    }
    std::sort(cut.begin(), cut.end() - 1);
    cut[count - 1] = ~uint64_t{0};
    if (count > 3) cut[count - 2] = ~uint64_t{0};  // saturated before the end too
    std::array<uint8_t, 256> guide{};
    cut_guide(cut.data(), count, guide.data());
    std::vector<uint64_t> xs = {0, 1, ~uint64_t{0}, ~uint64_t{0} - 1};
    for (uint64_t c : cut) xs.insert(xs.end(), {c - 1, c, c + 1});
    for (uint64_t b = 0; b < 256; ++b) xs.insert(xs.end(), {b << 56, (b << 56) - 1});
    for (int i = 0; i < 200; ++i) xs.push_back(rng());
    for (uint64_t x : xs) {
      const uint32_t want = invert_by_walking(cut, x);
      ASSERT_EQ(cut_search(cut.data(), count, x), want) << "count " << count << " x " << x;
      ASSERT_EQ(cut_invert(cut.data(), count, guide.data(), x), want)
          << "count " << count << " x " << x;
      (guide[x >> 56] & kCutGuideSearch ? searched : guided) += 1;
    }
  }
  EXPECT_GT(searched, 0);  // both paths were taken
  EXPECT_GT(guided, searched);
}

}  // namespace
}  // namespace kaoping
