// Random streams. Replicate r of a run with seed s draws each concern (township choice,
// village choice, households, income noise, presence, satisfaction, ...) from its own stream
// derived from (s, r, concern), so an extra draw in one concern never shifts another and a
// result never depends on the thread count or the order replicates run in.
#pragma once

#include <array>
#include <cstdint>
#include <limits>

namespace kaoping {

/// splitmix64's increment, the golden gamma.
inline constexpr uint64_t kSplitMixGamma = 0x9e3779b97f4a7c15ULL;

/// splitmix64 finaliser (Steele, Lea & Flood 2014): a bijective 64-bit mixer.
inline uint64_t splitmix64(uint64_t x) {
  x += kSplitMixGamma;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// Named concerns, each its own stream within a replicate.
enum class Stream : uint64_t {
  kTownships = 1,
  kVillages = 2,
  kHouseholds = 3,
  kIncome = 4,
  kPresence = 5,
  kSatisfaction = 6,
  kSchedule = 7,
  kGenerator = 8,
  kFault = 9,  ///< the unverified households' faults of an audited draw (SPEC §3)
};

/// What every generator of kaoping offers on top of its 64-bit outputs (CRTP: Derived
/// provides operator()).
template <typename Derived>
class UniformDraws {
 public:
  /// Uniform double in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(self()() >> 11) * 0x1.0p-53; }

  /// Uniform integer in [0, n) for n >= 1, unbiased (Lemire 2019, multiply and reject).
  uint64_t below(uint64_t n) {
    unsigned __int128 m = static_cast<unsigned __int128>(self()()) * n;
    uint64_t low = static_cast<uint64_t>(m);
    if (low < n) {
      const uint64_t threshold = -n % n;
      while (low < threshold) {
        m = static_cast<unsigned __int128>(self()()) * n;
        low = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
};

/// xoshiro256++ (Blackman & Vigna 2019): 256-bit state, period 2^256-1, a few cycles per
/// 64-bit output, cheap to seed, so every replicate can have fresh streams. Meets the C++
/// UniformRandomBitGenerator requirements, so Boost.Random and <random> distributions work
/// on it.
class Rng : public UniformDraws<Rng> {
 public:
  using result_type = uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<uint64_t>::max(); }

  /// The stream for (seed, replicate, concern). State words come from splitmix64 of a
  /// hash of the three, so nearby seeds and replicates give unrelated streams.
  Rng(uint64_t seed, uint64_t replicate, Stream concern) {
    uint64_t k = splitmix64(seed);
    k = splitmix64(k ^ replicate);
    k = splitmix64(k ^ (static_cast<uint64_t>(concern) * 0xd1b54a32d192ed03ULL));
    for (uint64_t& w : s_) w = k = splitmix64(k);
  }

  /// The stream of a key (stream_key, unit_key): its four state words are splitmix64 of
  /// key + 1·γ .. key + 4·γ, computed side by side, so a keyed stream costs a few cycles to
  /// set up and every unit of a replicate can have its own.
  static Rng keyed(uint64_t key) {
    Rng r;
    for (uint64_t i = 0; i < 4; ++i) r.s_[i] = splitmix64(key + i * kSplitMixGamma);
    return r;
  }

  /// For tests only: the generator with its four state words set directly (not all zero),
  /// so that the known-answer tests can compare it with the reference xoshiro256plusplus.c
  /// from a published state such as {1, 2, 3, 4}. Every other use takes a stream: the
  /// constructor or keyed() above.
  explicit Rng(const std::array<uint64_t, 4>& state) : s_{state[0], state[1], state[2], state[3]} {}

  result_type operator()() {
    const uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

 private:
  Rng() = default;
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

/// wyrand's increment and the constant its mix multiplies by (Wang Yi's wyhash; the wyrand
/// generator of the PRNG test suites).
inline constexpr uint64_t kWyIncrement = 0xa0761d6478bd642fULL;
inline constexpr uint64_t kWyMix = 0xe7037ed1a0b428dbULL;

/// wyrand's output for the state x (already advanced): the 128-bit product of x and
/// x ^ kWyMix, its two halves xor-ed. One multiplication, where splitmix64 takes two and
/// three shifts: about half the instructions of an output.
inline uint64_t wyrand_mix(uint64_t x) {
  const unsigned __int128 p = static_cast<unsigned __int128>(x) * (x ^ kWyMix);
  return static_cast<uint64_t>(p >> 64) ^ static_cast<uint64_t>(p);
}

/// wyrand as a generator: one word of state that advances by kWyIncrement, each output its
/// wyrand_mix. A stream keyed by a unit (unit_key) costs nothing to set up, which is why the
/// engine gives every village category of every replicate its own; wyrand passes BigCrush
/// and PractRand, and a segment draws a few dozen numbers from it. The keys themselves come
/// from splitmix64, a bijection (unit_key).
class WyRand : public UniformDraws<WyRand> {
 public:
  using result_type = uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<uint64_t>::max(); }
  explicit WyRand(uint64_t key = 0) : s_(key) {}
  result_type operator()() {
    s_ += kWyIncrement;
    return wyrand_mix(s_);
  }
  /// The state: WyRand(state()) continues the stream where this one is.
  uint64_t state() const { return s_; }

 private:
  uint64_t s_;
};

/// The key of replicate `replicate` of a run with `seed`, from which every unit's stream and
/// draws are derived (pbrt's samples depend on pixel, index and dimension the same way).
inline uint64_t stream_key(uint64_t seed, uint64_t replicate) {
  return splitmix64(splitmix64(seed) ^ replicate);
}

/// The key of one unit (a village and category, a township and tier, ...) under a replicate
/// key: unrelated keys for nearby units.
inline uint64_t unit_key(uint64_t key, uint64_t unit) {
  return splitmix64(key ^ (unit * 0xd1b54a32d192ed03ULL));
}

/// Draw `index` of a keyed family (the income uniform of the household at a pool slot, say):
/// a counter-based draw, so it depends on (key, index) only and never on what else was
/// drawn — the basis of common random numbers for the what-ifs.
/// It is output `index` of WyRand(key), computed without the outputs before it.
inline uint64_t keyed_draw(uint64_t key, uint64_t index) {
  return wyrand_mix(key + (index + 1) * kWyIncrement);
}

}  // namespace kaoping
