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

  // -log(uniformOpen01()), the core of an exponential draw, to the bit. A log is a long chain of
  // dependent floating-point operations (a division, then a polynomial), and what is drawn
  // decides which event comes next: computed on demand, its whole latency would stall the run (a
  // mispredicted branch waits for it). So each draw works out -log for the outputs to come: it
  // finishes the next output's, whose division the draw before started, and starts the division
  // of the output after that. Off the run's path, a chain still holds up the processor's window
  // of instructions in flight until it is done; in two halves, a draw apart, neither is long
  // enough to fill it. An output is a function of s[1] alone, so a value kept is right whenever
  // s[1] is the word it was computed from, whatever was drawn in between: the stream's outputs
  // are the same, in the same order, as without any of this.
  double negLogOpen01() {
    const double r = aheadFor == s[1] ? aheadNegLog : negLogOf(s[1]);
    next();
    aheadNegLog = startedFor == s[1] ? -pmath::logFinish(started) : negLogOf(s[1]);
    aheadFor = s[1];
    startedFor = s[0] ^ s[1] ^ s[2];  // the word the next next() leaves in s[1]
    started = pmath::logStart(open01Of(outputOf(startedFor)));
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
  // negLogOpen01's own: -log of the output that s[1] == aheadFor gives, and the first half of
  // the log of the output that s[1] == startedFor gives (pairs kept consistent from the start, so
  // a match is always right). Public only so that Rng stays an aggregate, {{w0, w1, w2, w3}}.
  std::uint64_t aheadFor = 0;
  double aheadNegLog = negLogOf(0);
  std::uint64_t startedFor = 0;
  pmath::LogStart started = pmath::logStart(open01Of(outputOf(0)));
};

// The stream of one component (or of one consumer instance, named "id#k"). It depends only on
// (scenarioSeed, streamName), so adding a component never changes another component's draws.
Rng makeStream(std::uint64_t scenarioSeed, std::string_view streamName);

}  // namespace brokerlab
