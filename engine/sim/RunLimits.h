#pragma once

// What one run may hold at once, so that no scenario can exhaust memory: a producer that outpaces
// its consumers for a simulated century, a stream that keeps everything, a request-reply run with
// millions of jobs. Reaching a limit stops the run with StopReason::LimitReached and a message
// that says which limit, when, and what in the scenario bounds it (docs/scenario-format.md,
// "Limits"). The defaults keep the worst case of each within about 1.5 GB.

#include <cstdint>

namespace brokerlab {

struct RunLimits {
  std::uint64_t liveMessages = std::uint64_t{1} << 24;     // in the system at once: 80 bytes each
  std::uint64_t retainedRecords = std::uint64_t{1} << 24;  // in all streams' logs: 48 bytes each
  std::uint64_t jobs = std::uint64_t{1}
                       << 24;  // request-reply jobs in a run (all kept for the report)
  std::uint64_t liveRequests = std::uint64_t{1} << 22;  // HTTP requests in flight or waiting
  bool operator==(const RunLimits&) const = default;
};

}  // namespace brokerlab
