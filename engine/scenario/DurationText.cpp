#include "scenario/DurationText.h"

#include <array>
#include <cstdint>

namespace brokerlab {

namespace {

// GCC and Clang both provide 128-bit integers; they let D * unit be formed without overflow.
__extension__ using u128 = unsigned __int128;

// The longest significand we convert; no meaningful duration needs more (ns resolution over
// 100 years is 19 digits).
constexpr int kMaxSignificantDigits = 19;

struct Decimal {
  std::string digits;  // significand without leading zeros ("" is zero)
  long exponent = 0;   // value = digits * 10^exponent
};

DurationParse failure(std::string message) {
  return {std::nullopt, std::move(message)};
}

std::string limitText() {
  return formatDuration(kMaxSimTime);
}

// digits * unitNs * 10^exponent, exactly, or an error when it is not a whole number of ns or is
// beyond kMaxSimTime.
DurationParse scale(Decimal d, SimTime unitNs) {
  while (!d.digits.empty() && d.digits.back() == '0') {
    d.digits.pop_back();
    ++d.exponent;
  }
  if (d.digits.empty()) return {0, {}};
  if (d.digits.size() > static_cast<std::size_t>(kMaxSignificantDigits)) {
    return failure("has more than " + std::to_string(kMaxSignificantDigits) +
                   " significant digits");
  }
  u128 n = 0;
  for (char c : d.digits) n = n * 10 + static_cast<unsigned>(c - '0');
  n *= static_cast<u128>(unitNs);  // < 10^19 * 3.6e12 < 2^128
  const u128 limit = static_cast<u128>(kMaxSimTime);
  const std::string tooLong = "is longer than the limit of " + limitText() + " (100 years)";
  for (long e = d.exponent; e > 0; --e) {
    if (n > limit) return failure(tooLong);
    n *= 10;
  }
  for (long e = d.exponent; e < 0; ++e) {
    if (n % 10 != 0) return failure("is not a whole number of nanoseconds");
    n /= 10;
  }
  if (n > limit) return failure(tooLong);
  return {static_cast<SimTime>(n), {}};
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// Reads digits[.digits] at `text[i]`, accumulating the significand; false if malformed.
bool readDecimal(std::string_view text, std::size_t& i, Decimal& d) {
  const std::size_t start = i;
  for (; i < text.size() && isDigit(text[i]); ++i) {
    if (!d.digits.empty() || text[i] != '0') d.digits += text[i];
  }
  if (i == start) return false;
  if (i < text.size() && text[i] == '.') {
    const std::size_t fraction = ++i;
    for (; i < text.size() && isDigit(text[i]); ++i) {
      if (!d.digits.empty() || text[i] != '0') d.digits += text[i];
      --d.exponent;
    }
    if (i == fraction) return false;
  }
  return true;
}

std::optional<SimTime> unitOf(std::string_view unit) {
  static constexpr std::array<std::pair<std::string_view, SimTime>, 6> kUnits{{
      {"ns", kNanosecond},
      {"us", kMicrosecond},
      {"ms", kMillisecond},
      {"s", kSecond},
      {"m", kMinute},
      {"h", kHour},
  }};
  for (const auto& [name, ns] : kUnits) {
    if (name == unit) return ns;
  }
  return std::nullopt;
}

// "1.500" for (1500, 3): value / 10^decimals with trailing zeros dropped.
std::string fixed(SimTime t, SimTime unit) {
  std::string text = std::to_string(t / unit);
  const SimTime rest = t % unit;
  if (rest == 0) return text;
  std::string fraction = std::to_string(rest + unit).substr(1);  // zero-padded to unit's digits
  while (fraction.back() == '0') fraction.pop_back();
  return text + "." + fraction;
}

}  // namespace

DurationParse parseDurationText(std::string_view text) {
  const std::string expected =
      "expected a number and a unit (ns, us, ms, s, m or h), like \"250ms\"";
  if (text.empty()) return failure("is empty: " + expected);
  if (text[0] == '-') return failure("must not be negative");
  std::size_t i = 0;
  Decimal d;
  if (!readDecimal(text, i, d)) return failure("is not a duration: " + expected);
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E') && i + 1 < text.size() &&
      (isDigit(text[i + 1]) || text[i + 1] == '-' || text[i + 1] == '+')) {
    return failure("must not use an exponent in a duration string: " + expected);
  }
  const std::string_view unit = text.substr(i);
  if (unit.empty()) return failure("has no unit: " + expected);
  const std::optional<SimTime> unitNs = unitOf(unit);
  if (!unitNs) return failure("has an unknown unit \"" + std::string(unit) + "\": " + expected);
  return scale(std::move(d), *unitNs);
}

DurationParse parseDurationSeconds(std::string_view numberText) {
  const bool negative = !numberText.empty() && numberText[0] == '-';
  std::size_t i = negative ? 1 : 0;
  Decimal d;
  if (!readDecimal(numberText, i, d)) return failure("is not a number");
  if (i < numberText.size() && (numberText[i] == 'e' || numberText[i] == 'E')) {
    ++i;
    const bool negativeExponent = i < numberText.size() && numberText[i] == '-';
    if (i < numberText.size() && (numberText[i] == '-' || numberText[i] == '+')) ++i;
    long exponent = 0;
    for (; i < numberText.size() && isDigit(numberText[i]); ++i) {
      // Saturate: any exponent this large already overflows or underflows every duration.
      if (exponent < 100000) exponent = exponent * 10 + (numberText[i] - '0');
    }
    d.exponent += negativeExponent ? -exponent : exponent;
  }
  if (i != numberText.size()) return failure("is not a number");
  if (negative && !d.digits.empty()) return failure("must not be negative");  // -0 is zero
  return scale(std::move(d), kSecond);
}

std::string formatDuration(SimTime t) {
  if (t == 0) return "0s";
  if (t % kHour == 0) return std::to_string(t / kHour) + "h";
  if (t % kMinute == 0) return std::to_string(t / kMinute) + "m";
  static constexpr std::array<std::pair<SimTime, const char*>, 3> kUnits{{
      {kSecond, "s"},
      {kMillisecond, "ms"},
      {kMicrosecond, "us"},
  }};
  for (const auto& [unit, name] : kUnits) {
    if (t >= unit && t % (unit / 1000) == 0) return fixed(t, unit) + name;
  }
  return std::to_string(t) + "ns";
}

}  // namespace brokerlab
