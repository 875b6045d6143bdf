#include "model/Http.h"

namespace brokerlab {

std::string_view jobStatusName(JobStatus s) {
  static constexpr std::string_view names[kJobStatusCount] = {
      "none", "Pending", "Running", "Completed", "Failed", "Cancelled", "Expired"};
  const auto i = static_cast<std::size_t>(s);
  return i < kJobStatusCount ? names[i] : "unknown";
}

bool jobTransitionAllowed(JobStatus from, JobStatus to) {
  switch (to) {
    case JobStatus::Pending:
      return from == JobStatus::None;
    case JobStatus::Running:
      return from == JobStatus::Pending;
    case JobStatus::Completed:
    case JobStatus::Failed:
      // A job whose message was never seen by a worker can still fail (the queue refused it).
      return from == JobStatus::Running || (to == JobStatus::Failed && from == JobStatus::Pending);
    case JobStatus::Cancelled:
      return from == JobStatus::Pending || from == JobStatus::Running;
    case JobStatus::Expired:
      return jobFinished(from);
    case JobStatus::None:
      return false;
  }
  return false;
}

std::string_view clientOutcomeName(ClientOutcome o) {
  static constexpr std::string_view names[kClientOutcomeCount] = {
      "submitting", "waiting",     "result",         "failed",   "cancelled",
      "invalid",    "unavailable", "result_expired", "timed_out"};
  const auto i = static_cast<std::size_t>(o);
  return i < kClientOutcomeCount ? names[i] : "unknown";
}

std::string_view jobFailureText(JobFailure f) {
  switch (f) {
    case JobFailure::None:
      return "";
    case JobFailure::Processing:
      return "processing failed";
    case JobFailure::QueueFull:
      return "the job queue refused the job";
  }
  return "";
}

std::string_view httpMethodName(HttpMethod m) {
  switch (m) {
    case HttpMethod::Get:
      return "GET";
    case HttpMethod::Post:
      return "POST";
    case HttpMethod::Delete:
      return "DELETE";
  }
  return "GET";
}

std::string_view httpReason(int status) {
  switch (status) {
    case 101:
      return "Switching Protocols";
    case 200:
      return "OK";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 303:
      return "See Other";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict";
    case 503:
      return "Service Unavailable";
    default:
      return "";
  }
}

std::string routePath(Route r, std::uint64_t jobId) {
  const std::string id = std::to_string(jobId);
  switch (r) {
    case Route::Jobs:
      return "/jobs";
    case Route::JobStatus:
      return std::string("/jobs/").append(id);
    case Route::Result:
      return std::string("/results/").append(id);
    case Route::Callback:
      return "/callback";
    case Route::Events:
      return std::string("/jobs/").append(id).append("/events");
    case Route::Socket:
      return "/ws";
  }
  return "/";
}

std::string location(HttpDetail response, std::uint64_t jobId) {
  if (response.status == 202) return routePath(Route::JobStatus, jobId);
  if (response.status == 303) return routePath(Route::Result, jobId);
  return {};
}

}  // namespace brokerlab
