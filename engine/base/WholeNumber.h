#pragma once

// A decimal integer from 0 to 2^64-1 written as digits only (seeds, job ids, a sweep's range);
// nothing for anything else: a sign, a space, a fraction, an overflow.

#include <cstdint>
#include <optional>
#include <string_view>

namespace brokerlab {

inline std::optional<std::uint64_t> parseWholeNumber(std::string_view text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  std::uint64_t v = 0;
  for (const char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    const auto digit = static_cast<std::uint64_t>(ch - '0');
    if (v > (UINT64_MAX - digit) / 10) return std::nullopt;
    v = v * 10 + digit;
  }
  return v;
}

}  // namespace brokerlab
