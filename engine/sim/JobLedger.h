#pragma once

// Conservation of request-reply jobs: every job a client submitted is in exactly one client
// outcome, and every job an API accepted is in exactly one store state. Recounted from the jobs
// themselves, so a counter that drifted from the truth is caught.

#include <string>

namespace brokerlab {

class Simulator;

// Empty when the counters agree with the jobs; otherwise what differs.
std::string checkJobs(const Simulator& sim);

}  // namespace brokerlab
