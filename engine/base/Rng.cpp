#include "base/Rng.h"

namespace brokerlab {

std::uint64_t splitmix64(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Mixing: x = seed ^ rotl(fnv1a64(name), 32); s[0..3] = four successive splitmix64(x) outputs.
// FNV's low bits are its weakest (the low k bits of the hash depend only on the low k bits of each
// byte), so the rotation puts its well-mixed high half where small seeds (1, 2, 3...) differ.
// splitmix64's output is a bijection of its counter and the four counters are distinct, so at most
// one word can be zero: the state is never all zero.
Rng makeStream(std::uint64_t scenarioSeed, std::string_view streamName) {
  std::uint64_t x = scenarioSeed ^ Rng::rotl(fnv1a64(streamName), 32);
  Rng rng;
  for (std::uint64_t& word : rng.s) word = splitmix64(x);
  return rng;
}

}  // namespace brokerlab
