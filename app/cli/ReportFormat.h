#pragma once

#include "metrics/Report.h"

#include <string>

namespace brokerlab::cli {

// What the CLI measured around the engine (the engine itself never reads the clock).
struct WallClock {
  double seconds = 0;
};

std::string formatReportText(const RunReport& r, const WallClock& wall);
std::string formatReportJson(const RunReport& r, const WallClock& wall);
std::string hex64(std::uint64_t v);

}  // namespace brokerlab::cli
