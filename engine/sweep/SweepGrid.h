#pragma once

// The grid of a sweep (`brokerlab-cli sweep`, the window's Simulation > Sweep): each
// `--set ID.PARAM=VALUES` is an axis (a range of integers a..b, or a comma list of values as the
// scenario format writes them), and the grid is their cartesian product, the first axis varying
// slowest, as nested loops would.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace brokerlab {

// A limit on the grid: points x seeds. A sweep that reaches it is refused before it starts.
inline constexpr std::size_t kMaxSweepRuns = 100000;

struct SweepAxis {
  std::string key;  // "workers.instances"
  std::vector<std::string> values;
};

// "ID.PARAM=1..8" or "ID.PARAM=50,100,200" (one value is a one-point axis). Nothing, with
// `*error` set, when it is malformed.
std::optional<SweepAxis> parseAxis(const std::string& text, std::string* error);

// Every point as its assignments, "KEY=VALUE" per axis, in grid order.
std::vector<std::vector<std::string>> expandGrid(const std::vector<SweepAxis>& axes);

// Points in the grid (the product of the axes' sizes), saturating at kMaxSweepRuns + 1.
std::size_t gridSize(const std::vector<SweepAxis>& axes);

}  // namespace brokerlab
