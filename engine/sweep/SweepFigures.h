#pragma once

// The key figures of one run, read from its JSON report (`run --json`), so that a local sweep and
// a sweep collected from reports written elsewhere (`sweep --plan`, then `--collect` or `--merge`)
// read the same numbers the same way and give the same CSV, byte for byte.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brokerlab {

struct RunFigures {
  std::string scenario;  // the scenario's name
  std::uint64_t seed = 0;
  // Named as the report names them, "<component>.<json key>" ("orders.wait_p99_s"), plus
  // "acked_per_s"; nothing where the report has null (nothing measured).
  std::vector<std::string> names;
  std::vector<std::optional<double>> values;
};

// Nothing, with `*error` saying why, when the text is not a complete report (a run stopped early
// is not one).
std::optional<RunFigures> keyFigures(std::string_view reportJson, std::string* error);

}  // namespace brokerlab
