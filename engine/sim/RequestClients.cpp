// Request-reply clients: submit jobs, poll (or wait for a push), follow the redirect to the result,
// cancel, and give up after their timeout.

#include "sim/Simulator.h"

#include <algorithm>

namespace brokerlab {

namespace {
bool waitingFor(ClientOutcome o) {
  return o == ClientOutcome::Submitting || o == ClientOutcome::Waiting;
}
}  // namespace

std::uint32_t Simulator::allocateRequest() {
  mayBeAtLimit_ = true;
  if (!freeRequests_.empty()) {
    const std::uint32_t r = freeRequests_.back();
    freeRequests_.pop_back();
    return r;
  }
  requests_.emplace_back();
  return static_cast<std::uint32_t>(requests_.size() - 1);
}

void Simulator::recordHttp(TraceKind kind, std::uint64_t id, std::uint32_t component,
                           std::uint32_t peer, SimTime aux, HttpDetail detail,
                           std::uint32_t instance) {
  const auto number = static_cast<std::uint16_t>(model_->instanceNumber(instance));
  emitRecord({now_, aux, id, component, peer, detail.pack(), number, kind, 0});
}

std::uint32_t Simulator::sendRequest(std::uint32_t client, std::uint32_t job, HttpMethod method,
                                     Route route, bool unknownId) {
  const std::uint32_t request = allocateRequest();
  requests_[request] = HttpRequest{job, client, 0, method, route, 0, JobStatus::None, unknownId};
  const ClientDef& def = model_->clients[client];
  ClientState& cs = clients_[client];
  ++cs.requests;
  const SimTime arrival = now_ + def.latency.sample(cs.rng);
  recordHttp(TraceKind::Request, requestId(requests_[request]), def.component,
             model_->apis[def.api].component, arrival, {method, route, 0, JobStatus::None});
  schedule(arrival, EventKind::ApiArrive, 0, request);
  return request;
}

void Simulator::onClientConnect(std::uint32_t client) {
  sendRequest(client, kNone, HttpMethod::Get, Route::Socket, false);
}

void Simulator::scheduleNextSubmit(std::uint32_t client) {
  const ClientDef& def = model_->clients[client];
  ClientState& cs = clients_[client];
  if (def.count != 0 && cs.submitted >= def.count) return;
  SimTime gap = def.interarrival.sample(cs.rng);
  if (cs.rateFactor != 1.0) gap = saturatedTime(static_cast<double>(gap) / cs.rateFactor);
  const SimTime next = now_ + gap;
  if (next < def.stop) schedule(next, EventKind::ClientSubmit, client, 0);
}

void Simulator::onClientSubmit(std::uint32_t client) {
  const ClientDef& def = model_->clients[client];
  ClientState& cs = clients_[client];
  const auto job = static_cast<std::uint32_t>(jobs_.size());
  Job j;
  j.id = nextSerial_++;  // one numbering with message serials: the job message carries this id
  j.submittedAt = now_;
  j.pollDelay = cs.pollInterval;
  j.client = client;
  // Draw only when the fraction is set, so that adding a zero fraction changes no other draw.
  j.invalid = def.invalidFraction > 0 && cs.rng.uniform01() < def.invalidFraction;
  const bool cancel =
      !j.invalid && def.cancelFraction > 0 && cs.rng.uniform01() < def.cancelFraction;
  jobs_.push_back(j);
  mayBeAtLimit_ = true;
  ++cs.submitted;
  ++cs.outcomes[static_cast<std::size_t>(ClientOutcome::Submitting)];
  sendRequest(client, job, HttpMethod::Post, Route::Jobs, false);
  if (cancel) schedule(now_ + def.cancelAfter, EventKind::ClientCancel, job, 0);
  schedule(now_ + def.timeout, EventKind::ClientTimeout, job, 0);
  scheduleNextSubmit(client);
}

void Simulator::onClientPoll(std::uint32_t job) {
  Job& j = jobs_[job];
  if (!waitingFor(j.outcome)) return;
  const ClientDef& def = model_->clients[j.client];
  ClientState& cs = clients_[j.client];
  if (def.notify == Notify::Sse) {  // the events stream failed (503): open it again
    sendRequest(j.client, job, HttpMethod::Get, Route::Events, false);
    return;
  }
  ++j.polls;
  ++cs.polls;
  const bool unknown = def.unknownPollFraction > 0 && cs.rng.uniform01() < def.unknownPollFraction;
  sendRequest(j.client, job, HttpMethod::Get, Route::JobStatus, unknown);
}

void Simulator::onClientCancel(std::uint32_t job) {
  if (jobs_[job].outcome != ClientOutcome::Waiting) return;
  sendRequest(jobs_[job].client, job, HttpMethod::Delete, Route::JobStatus, false);
}

void Simulator::onClientTimeout(std::uint32_t job) {
  const Job& j = jobs_[job];
  if (!waitingFor(j.outcome)) return;
  const ClientDef& def = model_->clients[j.client];
  recordHttp(TraceKind::GiveUp, j.id, def.component, model_->apis[def.api].component, 0, {});
  finishJob(job, ClientOutcome::TimedOut);
}

void Simulator::schedulePoll(std::uint32_t job) {
  Job& j = jobs_[job];
  const ClientDef& def = model_->clients[j.client];
  // Never sooner than the API's Retry-After.
  schedule(now_ + std::max(j.pollDelay, model_->apis[def.api].retryAfter), EventKind::ClientPoll,
           job, 0);
  if (def.pollBackoff > 1) {
    const SimTime ceiling = clients_[j.client].maxPollInterval;
    const double next = static_cast<double>(j.pollDelay) * def.pollBackoff;
    j.pollDelay = next >= static_cast<double>(ceiling) ? ceiling : static_cast<SimTime>(next);
  }
}

// A poll fault: the client polls at `interval` from now on. A poll already scheduled still
// happens when it was due (the client's timer is running); every poll scheduled after the change,
// for its waiting jobs and for the jobs it submits later, waits the new interval, and a backoff
// grows from it again (up to max_poll_interval, or the new interval if that is longer). Rare, so
// a scan of the jobs is affordable.
void Simulator::setPollInterval(std::uint32_t client, SimTime interval) {
  ClientState& cs = clients_[client];
  cs.pollInterval = interval;
  cs.maxPollInterval = std::max(model_->clients[client].maxPollInterval, interval);
  for (Job& j : jobs_)
    if (j.client == client && waitingFor(j.outcome)) j.pollDelay = interval;
}

void Simulator::setOutcome(std::uint32_t job, ClientOutcome outcome) {
  Job& j = jobs_[job];
  ClientState& cs = clients_[j.client];
  --cs.outcomes[static_cast<std::size_t>(j.outcome)];
  ++cs.outcomes[static_cast<std::size_t>(outcome)];
  j.outcome = outcome;
}

void Simulator::finishJob(std::uint32_t job, ClientOutcome outcome) {
  setOutcome(job, outcome);
  closeEventStream(job);
  const Job& j = jobs_[job];
  ClientState& cs = clients_[j.client];
  if (outcome == ClientOutcome::Result) {
    recordLatency(LatencyOwner::ClientResult, j.client, now_ - j.submittedAt);
    // Counted here, not through the latency log: a client's mean needs no histogram.
    ++cs.series.results;
    cs.series.resultNs += static_cast<std::uint64_t>(now_ - j.submittedAt);
  }
  if (outcome == ClientOutcome::Invalid || outcome == ClientOutcome::Unavailable) return;
  const std::size_t polls = std::min<std::size_t>(j.polls, kPollsPerJobCap);
  if (cs.pollsPerJob.size() <= polls) cs.pollsPerJob.resize(polls + 1);
  ++cs.pollsPerJob[polls];
  ++cs.series.jobsEnded;
  cs.series.pollsOfJobsEnded += polls;
}

void Simulator::closeEventStream(std::uint32_t job) {
  Job& j = jobs_[job];
  if (!j.streamOpen) return;
  j.streamOpen = false;
  ApiState& as = apis_[apiOfJob(job)];
  as.held.set(now_, as.held.value - 1);
}

void Simulator::onClientResponse(std::uint32_t request) {
  const HttpRequest r = requests_[request];
  freeRequests_.push_back(request);
  ClientState& cs = clients_[r.client];
  cs.lastHeard = HttpDetail{r.method, r.route, r.status, r.reported}.pack();
  if (r.route == Route::Socket) {  // 101: the websocket is open; jobs can start
    cs.socketOpen = true;
    scheduleNextSubmit(r.client);
    return;
  }
  if (!waitingFor(jobs_[r.job].outcome)) {
    ++cs.lateResponses;
    return;
  }
  switch (r.route) {
    case Route::Jobs:
      onJobPostAnswered(r.job, r);
      break;
    case Route::JobStatus:
      onStatusAnswered(r.job, r);
      break;
    case Route::Result:
      if (r.status == 200) finishJob(r.job, ClientOutcome::Result);
      if (r.status == 404) finishJob(r.job, ClientOutcome::ResultExpired);
      if (r.status == 503) schedulePoll(r.job);
      break;
    case Route::Events:
      if (r.status == 200 && jobFinished(r.reported)) learnJobEnd(r.job, r.reported);
      if (r.status == 404) finishJob(r.job, ClientOutcome::ResultExpired);
      if (r.status == 503) schedulePoll(r.job);
      break;
    case Route::Callback:
    case Route::Socket:
      break;
  }
}

void Simulator::onJobPostAnswered(std::uint32_t job, const HttpRequest& r) {
  if (r.status == 400) return finishJob(job, ClientOutcome::Invalid);
  if (r.status == 503) return finishJob(job, ClientOutcome::Unavailable);
  setOutcome(job, ClientOutcome::Waiting);
  switch (model_->clients[r.client].notify) {
    case Notify::Poll:
      schedulePoll(job);
      break;
    case Notify::Sse:
      sendRequest(r.client, job, HttpMethod::Get, Route::Events, false);
      break;
    case Notify::Webhook:
    case Notify::Websocket:
      break;  // the API will tell it
  }
}

void Simulator::onStatusAnswered(std::uint32_t job, const HttpRequest& r) {
  if (r.method == HttpMethod::Delete) {
    if (r.status == 204) finishJob(job, ClientOutcome::Cancelled);
    if (r.status == 404) finishJob(job, ClientOutcome::ResultExpired);
    return;  // 409: it finished first; the client learns how as usual
  }
  // A poll sent to a wrong id was wasted, whatever it got back: poll again.
  if (r.unknownId || r.status == 503) return schedulePoll(job);
  if (r.status == 303) {
    sendRequest(r.client, job, HttpMethod::Get, Route::Result, false);
    return;
  }
  if (r.status == 404) return finishJob(job, ClientOutcome::ResultExpired);
  switch (r.reported) {
    case JobStatus::Completed:  // inline delivery: the result is in this 200
      return finishJob(job, ClientOutcome::Result);
    case JobStatus::Failed:
      return finishJob(job, ClientOutcome::Failed);
    case JobStatus::Cancelled:
      return finishJob(job, ClientOutcome::Cancelled);
    default:
      return schedulePoll(job);
  }
}

void Simulator::learnJobEnd(std::uint32_t job, JobStatus status) {
  const Job& j = jobs_[job];
  ++clients_[j.client].notifications;
  if (status == JobStatus::Failed) return finishJob(job, ClientOutcome::Failed);
  if (status == JobStatus::Cancelled) return finishJob(job, ClientOutcome::Cancelled);
  if (model_->apis[apiOfJob(job)].resultDelivery == ResultDelivery::Inline)
    return finishJob(job, ClientOutcome::Result);
  sendRequest(j.client, job, HttpMethod::Get, Route::Result, false);
}

void Simulator::onClientNotified(std::uint32_t job, JobStatus status, bool webhook) {
  const Job& j = jobs_[job];
  const ClientDef& def = model_->clients[j.client];
  ClientState& cs = clients_[j.client];
  const Route route = webhook                     ? Route::Callback
                      : def.notify == Notify::Sse ? Route::Events
                                                  : Route::Socket;
  cs.lastHeard = HttpDetail{webhook ? HttpMethod::Post : HttpMethod::Get, route, 0, status}.pack();
  if (webhook) {  // the client answers the API's call
    const SimTime arrival = now_ + def.latency.sample(cs.rng);
    recordHttp(TraceKind::Response, j.id, def.component, model_->apis[def.api].component, arrival,
               {HttpMethod::Post, Route::Callback, 200, status});
  }
  if (!waitingFor(j.outcome)) {
    ++cs.lateResponses;
    return;
  }
  learnJobEnd(job, status);
}

}  // namespace brokerlab
