#pragma once

// Randomness for the engine: one xoshiro256** stream per component, seeded from the scenario
// seed and the stream's name, so a run is a pure function of the scenario.

#include "base/PortableMath.h"

#include <cstdint>
#include <string_view>

namespace brokerlab {

// SplitMix64 (Steele, Lea, Flood 2014): expands one 64-bit seed into well-mixed words.
std::uint64_t splitmix64(std::uint64_t& state);

// FNV-1a, 64-bit: a stable hash of a stream name (std::hash differs between standard libraries).
std::uint64_t fnv1a64(std::string_view bytes);

// xoshiro256** 1.0 (Blackman, Vigna): fast, 256-bit state, plain data so a checkpoint copies it.
// The state is never all zero (that is the generator's one fixed point).
struct Rng {
  // A default Rng is usable, not zero: the first four splitmix64 outputs from state 0.
  std::uint64_t s[4] = {0xe220a8397b1dcdafULL, 0x6e789e6aa1b965f4ULL, 0x06c45d188009454fULL,
                        0xf88bb8a8724c81ecULL};

  std::uint64_t next() {
    const std::uint64_t result = outputOf(s[1]);
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }

  // [0, 1): the top 53 bits, so every value is an exact multiple of 2^-53.
  double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // (0, 1]: never 0, so log() of it is finite.
  double uniformOpen01() { return open01Of(next()); }

  // -log(uniformOpen01()), the core of an exponential draw, to the bit. The -log of the stream's
  // next output is worked out ahead, when one is drawn: a log is a long chain of dependent
  // floating-point operations, and what is drawn decides which event comes next, so computed on
  // demand its whole latency stalls the run (a mispredicted branch waits for it); computed ahead,
  // nothing waits for it. An output is a function of s[1] alone, so the value kept is right
  // whenever s[1] is still the word it was computed from, whatever was drawn in between: the
  // stream's outputs are the same, in the same order, as without it.
  double negLogOpen01() {
    const double r = aheadFor == s[1] ? aheadNegLog : negLogOf(s[1]);
    next();
    aheadFor = s[1];
    aheadNegLog = negLogOf(s[1]);
    return r;
  }

  bool operator==(const Rng&) const = default;

  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

 private:
  static std::uint64_t outputOf(std::uint64_t s1) { return rotl(s1 * 5, 7) * 9; }
  static double open01Of(std::uint64_t output) {
    return static_cast<double>((output >> 11) + 1) * 0x1.0p-53;
  }
  static double negLogOf(std::uint64_t s1) { return -pmath::log(open01Of(outputOf(s1))); }

 public:
  // negLogOpen01's own: the value for the output that s[1] == aheadFor gives (a pair kept
  // consistent from the start, so a match is always right). Public only so that Rng stays an
  // aggregate, {{w0, w1, w2, w3}}.
  std::uint64_t aheadFor = 0;
  double aheadNegLog = negLogOf(0);
};

// The stream of one component (or of one consumer instance, named "id#k"). It depends only on
// (scenarioSeed, streamName), so adding a component never changes another component's draws.
Rng makeStream(std::uint64_t scenarioSeed, std::string_view streamName);

}  // namespace brokerlab
