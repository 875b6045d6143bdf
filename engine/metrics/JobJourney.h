#pragma once

// One request-reply job's journey, told from the trace records that carry its correlation id: a
// Mermaid sequence diagram shaped like the pattern's textbook diagram (client, API, queue, worker,
// store) with the run's own times, and a table of every record. `brokerlab-cli trace --job N`
// prints them; the UI can show the same text.

#include "base/SimTime.h"
#include "scenario/Scenario.h"
#include "sim/Trace.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace brokerlab {

struct Model;

// The kinds only request-reply emits (Request ... GiveUp): their `partition` holds an HttpDetail.
bool isRequestReplyKind(TraceKind k);

// The little a journey needs to know of the model, by component index (scenario order).
struct JourneyContext {
  std::vector<std::string> ids;
  std::vector<ComponentKind> kinds;
  std::vector<SimTime> retryAfter;  // an api's Retry-After (0: it sends none); 0 for the others
  std::string title;                // a heading ("" = none)
};
JourneyContext journeyContext(const Model& m, std::string title);

// `records`: every record with message == job, in trace order. A job's message serial is its id,
// so these are its HTTP and store records and its message's broker and worker records.
std::string jobJourneyMermaid(const JourneyContext& c, std::uint64_t job,
                              std::span<const TraceRecord> records);
std::string jobJourneyTable(const JourneyContext& c, std::uint64_t job,
                            std::span<const TraceRecord> records);

// 1234567890 ns -> "1.235": seconds with three decimals, rounded to the nearest millisecond.
std::string secondsText(SimTime t);

}  // namespace brokerlab
