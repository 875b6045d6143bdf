#pragma once

// The vocabulary of the asynchronous request-reply flow: HTTP methods, the API's routes, status
// codes and the job states kept in the status store, and how a trace record carries them.

#include <cstdint>
#include <string>
#include <string_view>

namespace brokerlab {

enum class HttpMethod : std::uint8_t { Get, Post, Delete };

enum class Route : std::uint8_t {
  Jobs,       // POST /jobs: submit a job
  JobStatus,  // GET /jobs/{id}: poll; DELETE /jobs/{id}: cancel
  Result,     // GET /results/{id}: the result a 303 points to
  Callback,   // POST {client callback}: a webhook call from the API to the client
  Events,     // GET /jobs/{id}/events: a Server-Sent Events stream held open for one job
  Socket,     // GET /ws: a WebSocket held open for all of a client's jobs (101)
};

// The job's state in the status store.
//
//            POST /jobs (202)            worker starts          worker ends
//   (none) ------------------> Pending ---------------> Running -----------> Completed
//                                 |                        |   \-----------> Failed (reason)
//                                 |   DELETE /jobs/{id}    |
//                                 +-----------> Cancelled <+
//
//   Completed, Failed, Cancelled --(result_ttl)--> Expired: the store forgot it; GET gives 404.
//
// No other transition exists: a write that would go anywhere else (a worker finishing a job that
// was cancelled while it ran, a late Running after Completed) is refused by the store and counted.
enum class JobStatus : std::uint8_t {
  None,
  Pending,
  Running,
  Completed,
  Failed,
  Cancelled,
  Expired
};
inline constexpr int kJobStatusCount = 7;
std::string_view jobStatusName(JobStatus s);
bool jobTransitionAllowed(JobStatus from, JobStatus to);
inline bool jobFinished(JobStatus s) {
  return s == JobStatus::Completed || s == JobStatus::Failed || s == JobStatus::Cancelled;
}

// How a client's job ended, as the client sees it.
enum class ClientOutcome : std::uint8_t {
  Submitting,     // the POST is on its way or being handled
  Waiting,        // accepted (202); polling or waiting to be told
  Result,         // got the result (200 on /results/{id}, or inline)
  Failed,         // learned the job failed (200 with Failed and a reason)
  Cancelled,      // cancelled it (DELETE answered 204)
  Invalid,        // the POST was refused with 400
  Unavailable,    // the POST was refused with 503 (the API's wait list was full)
  ResultExpired,  // polled after the store forgot the job: 404, the result is lost to it
  TimedOut,       // gave up after its timeout
};
inline constexpr int kClientOutcomeCount = 9;
std::string_view clientOutcomeName(ClientOutcome o);

// The status codes the simulated API answers with, in ascending order; counters are kept per slot.
inline constexpr int kHttpStatuses[] = {101, 200, 202, 204, 303, 400, 404, 409, 503};
inline constexpr int kHttpStatusSlots = 9;
inline int httpStatusSlot(int status) {
  for (int i = 0; i < kHttpStatusSlots; ++i)
    if (kHttpStatuses[i] == status) return i;
  return kHttpStatusSlots - 1;  // unreachable with the codes above
}

// Why a job ended Failed.
enum class JobFailure : std::uint8_t { None, Processing, QueueFull };
std::string_view jobFailureText(JobFailure f);

std::string_view httpMethodName(HttpMethod m);
std::string_view httpReason(int status);  // "Accepted" for 202, ...
// The request's path as a client would see it, with the job id filled in ("/jobs/17").
std::string routePath(Route r, std::uint64_t jobId);

// HTTP and store trace records keep what they carry in the record's `partition` word:
//   bits 0..9 status code (0 on a request), 10..13 route, 14..15 method, 16..19 job state.
struct HttpDetail {
  HttpMethod method = HttpMethod::Get;
  Route route = Route::Jobs;
  std::uint16_t status = 0;
  JobStatus job = JobStatus::None;

  std::uint32_t pack() const {
    return static_cast<std::uint32_t>(status & 0x3ff) | (static_cast<std::uint32_t>(route) << 10) |
           (static_cast<std::uint32_t>(method) << 14) | (static_cast<std::uint32_t>(job) << 16);
  }
  static HttpDetail unpack(std::uint32_t w) {
    return {static_cast<HttpMethod>((w >> 14) & 0x3), static_cast<Route>((w >> 10) & 0xf),
            static_cast<std::uint16_t>(w & 0x3ff), static_cast<JobStatus>((w >> 16) & 0xf)};
  }
  bool operator==(const HttpDetail&) const = default;
};

// The Location header of a response: a 202 points at the job's status URL, a 303 at its result;
// empty for every other response.
std::string location(HttpDetail response, std::uint64_t jobId);

}  // namespace brokerlab
