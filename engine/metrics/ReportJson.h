#pragma once

// The run's report as JSON, the vocabulary of `brokerlab-cli run --json` (docs/cli.md): the CLI
// prints it and the window exports it, so the two never differ.

#include "metrics/Report.h"

#include <cstdint>
#include <string>

namespace brokerlab {

// `wallSeconds`: what the caller measured around the engine (the engine never reads the clock);
// 0 when nobody did.
std::string formatReportJson(const RunReport& r, double wallSeconds);
std::string hex64(std::uint64_t v);  // "00000000deadbeef"

}  // namespace brokerlab
