#pragma once

// Durations as people write them in scenario files ("250ms", "1.5us", "2m") and as the canonical
// writer prints them. Conversion is exact decimal arithmetic on the text, never via a double, so
// "0.1s" is exactly 100'000'000 ns and a value survives any number of load/save cycles.

#include "base/SimTime.h"

#include <optional>
#include <string>
#include <string_view>

namespace brokerlab {

// Either a value or a message saying why the text is not a valid duration.
struct DurationParse {
  std::optional<SimTime> value;
  std::string error;
};

// A non-negative decimal number followed directly by a unit: ns, us, ms, s, m or h ("1.5us").
DurationParse parseDurationText(std::string_view text);

// A JSON number (its exact source text, exponent allowed) meaning seconds: "0.25", "2e-3".
DurationParse parseDurationSeconds(std::string_view numberText);

// The canonical spelling: whole hours or minutes as "h"/"m"; otherwise the largest of s, ms, us
// that is at least 1 and needs at most 3 decimals; otherwise whole ns. Zero is "0s".
// Requires t >= 0.
std::string formatDuration(SimTime t);

}  // namespace brokerlab
