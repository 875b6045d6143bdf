#pragma once

#include "metrics/Report.h"
#include "metrics/ReportJson.h"

#include <string>

namespace brokerlab::cli {

// What the CLI measured around the engine (the engine itself never reads the clock).
struct WallClock {
  double seconds = 0;
};

std::string formatReportText(const RunReport& r, const WallClock& wall);
inline std::string formatReportJson(const RunReport& r, const WallClock& wall) {
  return brokerlab::formatReportJson(r, wall.seconds);
}

}  // namespace brokerlab::cli
