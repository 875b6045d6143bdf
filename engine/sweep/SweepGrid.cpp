#include "sweep/SweepGrid.h"

#include "base/WholeNumber.h"

#include <algorithm>
#include <cstdint>

namespace brokerlab {

namespace {

// "a..b": every integer from a to b; an error for anything else around the "..".
bool expandRange(const std::string& text, std::size_t dots, std::vector<std::string>& values,
                 std::string* error) {
  const auto from = parseWholeNumber(text.substr(0, dots));
  const auto to = parseWholeNumber(text.substr(dots + 2));
  if (!from || !to) {
    *error = "a range is two whole numbers a..b (got \"" + text + "\")";
    return false;
  }
  if (*from > *to) {
    *error = "the range " + text + " is empty: its first value is above its last";
    return false;
  }
  if (*to - *from >= kMaxSweepRuns) {
    *error = "the range " + text + " has more than " + std::to_string(kMaxSweepRuns) + " values";
    return false;
  }
  for (std::uint64_t v = *from;; ++v) {
    values.push_back(std::to_string(v));
    if (v == *to) return true;
  }
}

}  // namespace

std::optional<SweepAxis> parseAxis(const std::string& text, std::string* error) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    *error = "expects ID.PARAM=VALUES, such as workers.instances=1..8 or orders-api.rate=10,20";
    return std::nullopt;
  }
  SweepAxis axis{text.substr(0, eq), {}};
  const std::string values = text.substr(eq + 1);
  if (const std::size_t dots = values.find(".."); dots != std::string::npos) {
    if (!expandRange(values, dots, axis.values, error)) return std::nullopt;
    return axis;
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = values.find(',', start);
    axis.values.push_back(values.substr(start, comma - start));
    if (axis.values.back().empty()) {
      *error = "an empty value in \"" + values + "\"";
      return std::nullopt;
    }
    if (comma == std::string::npos) return axis;
    start = comma + 1;
  }
}

std::size_t gridSize(const std::vector<SweepAxis>& axes) {
  std::size_t n = 1;
  for (const SweepAxis& a : axes) n = std::min(n * a.values.size(), kMaxSweepRuns + 1);
  return n;
}

std::vector<std::vector<std::string>> expandGrid(const std::vector<SweepAxis>& axes) {
  std::vector<std::vector<std::string>> points{{}};
  for (const SweepAxis& axis : axes) {
    std::vector<std::vector<std::string>> next;
    for (const std::vector<std::string>& point : points) {
      for (const std::string& v : axis.values) {
        next.push_back(point);
        next.back().push_back(axis.key + "=" + v);
      }
    }
    points = std::move(next);
  }
  return points;
}

}  // namespace brokerlab
