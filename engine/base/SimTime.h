#pragma once

#include <cstdint>
#include <limits>

namespace brokerlab {

// Simulated time in integer nanoseconds: never an accumulated double, so runs repeat bit for bit.
using SimTime = std::int64_t;

inline constexpr SimTime kNanosecond = 1;
inline constexpr SimTime kMicrosecond = 1'000;
inline constexpr SimTime kMillisecond = 1'000'000;
inline constexpr SimTime kSecond = 1'000'000'000;
inline constexpr SimTime kMinute = 60 * kSecond;
inline constexpr SimTime kHour = 60 * kMinute;

// The longest simulated time a scenario may ask for (about 292 years is int64's end; we stop
// at 100 years so that time + any sampled delay cannot overflow).
inline constexpr SimTime kMaxSimTime = 100LL * 365 * 24 * kHour;

// "Not scheduled": a time no event ever reaches.
inline constexpr SimTime kNever = INT64_MAX;

// A duration computed in floating point (a time scaled by a fault's factor), saturating at
// kMaxSimTime instead of overflowing.
inline SimTime saturatedTime(double ns) {
  return ns >= static_cast<double>(kMaxSimTime) ? kMaxSimTime : static_cast<SimTime>(ns);
}

inline constexpr double toSeconds(SimTime t) {
  return static_cast<double>(t) / 1e9;
}

}  // namespace brokerlab
