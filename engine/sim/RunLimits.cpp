// The message of a reached run limit (sim/RunLimits.h): which count, its limit, when, and what in
// the scenario keeps a run under it.

#include "sim/Simulator.h"

#include <cstdio>

namespace brokerlab {

void Simulator::noteLimit() {
  struct Count {
    std::uint64_t value, limit;
    const char* what;
    const char* remedy;
  };
  const Count counts[] = {
      {pool_.live(), limits_.liveMessages, "messages in the system at once",
       "a producer outpaces its consumers without bound: give the queue a max_length, add "
       "consumers or shorten the run"},
      {retainedRecords_, limits_.retainedRecords, "records retained in streams",
       "give the stream a retention or retention_bytes, or shorten the run"},
      {jobs_.size(), limits_.jobs, "request-reply jobs",
       "lower the clients' rate or shorten the run"},
      {requests_.size() - freeRequests_.size(), limits_.liveRequests, "HTTP requests in flight",
       "the API cannot keep up: give it a max_waiting (503 beyond it) or more concurrency"},
  };
  char when[32];
  std::snprintf(when, sizeof when, "%.3f s", toSeconds(now_));
  for (const Count& c : counts) {
    if (c.value < c.limit) continue;
    limitReached_ = std::string("run limit reached at t = ")
                        .append(when)
                        .append(" (event #")
                        .append(std::to_string(events_))
                        .append("): ")
                        .append(std::to_string(c.value))
                        .append(" ")
                        .append(c.what)
                        .append(", the most a run may hold is ")
                        .append(std::to_string(c.limit))
                        .append("; ")
                        .append(c.remedy);
    return;
  }
}

}  // namespace brokerlab
