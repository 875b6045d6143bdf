// The request-reply backend: an API with a fixed number of slots in front of a status/result
// store, turning POSTs into job messages, and the worker's side of the store.

#include "sim/Simulator.h"

#include <algorithm>

namespace brokerlab {

void Simulator::onApiArrive(std::uint32_t request) {
  HttpRequest& r = requests_[request];
  const std::uint32_t api = model_->clients[r.client].api;
  const ApiDef& def = model_->apis[api];
  ApiState& as = apis_[api];
  ++as.requests;
  r.arrivedAt = now_;
  if (as.busySlots < def.concurrency) return startRequest(api, request);
  if (def.maxWaiting != 0 && as.waiting.size() >= def.maxWaiting)  // turned away at the door
    return respond(api, request, 503, JobStatus::None);
  as.waiting.pushBack(request);
  as.waitingDepth.set(now_, as.waiting.size());
}

void Simulator::startRequest(std::uint32_t api, std::uint32_t request) {
  const ApiDef& def = model_->apis[api];
  ApiState& as = apis_[api];
  const HttpRequest& r = requests_[request];
  ++as.busySlots;
  as.busy.set(now_, as.busySlots);
  recordLatency(LatencyOwner::ApiWait, api, now_ - r.arrivedAt);
  recordHttp(TraceKind::Handle, requestId(r), def.component, model_->clients[r.client].component,
             r.arrivedAt, {r.method, r.route, 0, {}});
  const bool needsStore = !(r.route == Route::Socket || r.route == Route::Callback ||
                            (r.route == Route::Jobs && jobs_[r.job].invalid));
  schedule(now_ + def.service.sample(as.rng),
           needsStore ? EventKind::ApiStoreCall : EventKind::ApiRespond, 0, request);
}

void Simulator::onApiStoreCall(std::uint32_t request) {
  const HttpRequest& r = requests_[request];
  const std::uint32_t api = model_->clients[r.client].api;
  const ApiDef& def = model_->apis[api];
  const StoreDef& store = model_->stores[def.store];
  StoreState& ss = stores_[def.store];
  const bool write = r.route == Route::Jobs || r.method == HttpMethod::Delete;
  const SimTime done = now_ + (write ? store.write : store.read).sample(ss.rng);
  ++(write ? ss.writes : ss.reads);
  const JobStatus written = !write                   ? JobStatus::None
                            : r.route == Route::Jobs ? JobStatus::Pending
                                                     : JobStatus::Cancelled;
  recordHttp(write ? TraceKind::StoreWrite : TraceKind::StoreRead, requestId(r), def.component,
             store.component, done, {r.method, r.route, 0, written});
  schedule(done, EventKind::ApiRespond, 0, request);
}

void Simulator::onApiRespond(std::uint32_t request) {
  // A copy: answering can make new requests (a webhook call) and move the request slots.
  const HttpRequest r = requests_[request];
  const std::uint32_t api = model_->clients[r.client].api;
  const ApiDef& def = model_->apis[api];
  ApiState& as = apis_[api];

  if (r.route == Route::Callback) {  // the API's own call to the client's webhook goes out
    ++as.callbacks;
    const ClientDef& client = model_->clients[r.client];
    const SimTime arrival = now_ + def.latency.sample(as.rng);
    recordHttp(TraceKind::Request, jobs_[r.job].id, def.component, client.component, arrival,
               {HttpMethod::Post, Route::Callback, 0, r.reported});
    schedule(arrival, EventKind::ClientNotified, r.job,
             (1u << 8) | static_cast<std::uint32_t>(r.reported));
    freeRequests_.push_back(request);
    return releaseSlot(api);
  }

  int status = 404;
  JobStatus reported = JobStatus::None;
  const JobStatus now = r.job == kNone || r.unknownId ? JobStatus::None : jobs_[r.job].status;
  const bool exists = now != JobStatus::None && now != JobStatus::Expired;
  switch (r.route) {
    case Route::Jobs:
      if (jobs_[r.job].invalid) {
        status = 400;
        break;
      }
      applyJobStatus(r.job, JobStatus::Pending, def.component);
      publishJob(api, r.job);
      ++as.accepted;
      status = 202;
      reported = JobStatus::Pending;
      break;
    case Route::JobStatus:
      if (!exists) break;
      reported = now;
      if (r.method == HttpMethod::Delete) {
        status = jobFinished(now) ? 409 : 204;
        if (status == 204 && applyJobStatus(r.job, JobStatus::Cancelled, def.component))
          reported = JobStatus::Cancelled;
      } else {
        status = now == JobStatus::Completed && def.resultDelivery == ResultDelivery::Redirect
                     ? 303
                     : 200;
      }
      break;
    case Route::Result:
      if (now == JobStatus::Completed) {
        status = 200;
        reported = now;
      }
      break;
    case Route::Events:
      if (!exists) break;
      status = 200;
      reported = now;
      // Held open until the job ends, unless it already has (this 200 says so) or the client has
      // stopped listening.
      if (!jobFinished(now) && (jobs_[r.job].outcome == ClientOutcome::Waiting ||
                                jobs_[r.job].outcome == ClientOutcome::Submitting)) {
        jobs_[r.job].streamOpen = true;
        as.held.set(now_, as.held.value + 1);
      }
      break;
    case Route::Socket:
      status = 101;
      as.held.set(now_, as.held.value + 1);
      break;
    case Route::Callback:
      break;
  }
  respond(api, request, status, reported);
  releaseSlot(api);
}

void Simulator::respond(std::uint32_t api, std::uint32_t request, int status, JobStatus reported) {
  const ApiDef& def = model_->apis[api];
  ApiState& as = apis_[api];
  HttpRequest& r = requests_[request];
  r.status = static_cast<std::uint16_t>(status);
  r.reported = reported;
  ++as.responses[static_cast<std::size_t>(httpStatusSlot(status))];
  const SimTime arrival = now_ + def.latency.sample(as.rng);
  recordHttp(TraceKind::Response, requestId(r), def.component, model_->clients[r.client].component,
             arrival, {r.method, r.route, static_cast<std::uint16_t>(status), reported});
  schedule(arrival, EventKind::ClientResponse, 0, request);
}

void Simulator::releaseSlot(std::uint32_t api) {
  ApiState& as = apis_[api];
  --as.busySlots;
  as.busy.set(now_, as.busySlots);
  if (as.waiting.empty()) return;
  const std::uint32_t next = as.waiting.popFront();
  as.waitingDepth.set(now_, as.waiting.size());
  startRequest(api, next);
}

void Simulator::publishJob(std::uint32_t api, std::uint32_t job) {
  const ApiDef& def = model_->apis[api];
  ApiState& as = apis_[api];
  const std::uint32_t msg = allocateMessage();
  Message& m = pool_[msg];
  m = Message{};
  m.serial = jobs_[job].id;  // the correlation id
  m.publishedAt = now_;
  m.queue = def.queue;
  m.job = job;
  ++ledger_.published;
  setState(msg, MessageState::ToBroker);
  const SimTime arrival = sendOverLink(as.brokerLinkFreeAt, def.latency, as.rng, def.component);
  record(TraceKind::Publish, m, def.component, model_->queues[def.queue].component, kNone, arrival);
  schedule(arrival, EventKind::BrokerReceive, 0, msg);
}

bool Simulator::applyJobStatus(std::uint32_t job, JobStatus to, std::uint32_t writer) {
  Job& j = jobs_[job];
  const std::uint32_t api = apiOfJob(job);
  const std::uint32_t store = model_->apis[api].store;
  const JobStatus from = j.status;
  if (!jobTransitionAllowed(from, to)) {
    ++stores_[store].refusedWrites;
    return false;
  }
  ApiState& as = apis_[api];
  if (from != JobStatus::None) --as.jobs[static_cast<std::size_t>(from)];
  ++as.jobs[static_cast<std::size_t>(to)];
  j.status = to;
  recordHttp(TraceKind::JobState, j.id, model_->stores[store].component, writer,
             static_cast<SimTime>(from), {HttpMethod::Get, Route::JobStatus, 0, to});
  if (jobFinished(to)) {
    schedule(now_ + model_->stores[store].resultTtl, EventKind::ResultExpire, job, 0);
    if (to != JobStatus::Cancelled) notifyJobEnd(job);  // a cancelling client already knows
  }
  return true;
}

void Simulator::notifyJobEnd(std::uint32_t job) {
  Job& j = jobs_[job];
  const ClientDef& client = model_->clients[j.client];
  const std::uint32_t api = client.api;
  const ApiDef& def = model_->apis[api];
  ApiState& as = apis_[api];
  switch (client.notify) {
    case Notify::Poll:
      return;
    case Notify::Webhook: {  // the call takes a slot like any request
      const std::uint32_t request = allocateRequest();
      requests_[request] =
          HttpRequest{job, j.client, now_, HttpMethod::Post, Route::Callback, 0, j.status, false};
      if (as.busySlots < def.concurrency) return startRequest(api, request);
      as.waiting.pushBack(request);
      as.waitingDepth.set(now_, as.waiting.size());
      return;
    }
    case Notify::Sse:
      if (!j.streamOpen) return;  // not open yet: the stream's first answer will say it ended
      closeEventStream(job);
      break;
    case Notify::Websocket:
      break;
  }
  ++as.pushes;
  const SimTime arrival = now_ + def.latency.sample(as.rng);
  recordHttp(
      TraceKind::Notify, j.id, def.component, client.component, arrival,
      {HttpMethod::Get, client.notify == Notify::Sse ? Route::Events : Route::Socket, 0, j.status});
  schedule(arrival, EventKind::ClientNotified, job, static_cast<std::uint32_t>(j.status));
}

void Simulator::onStoreApply(std::uint32_t job, std::uint32_t packed) {
  const auto status = static_cast<JobStatus>(packed & 0xf);
  const ConsumerDef& worker = model_->consumers[packed >> 4];
  if (applyJobStatus(job, status, worker.component) && status == JobStatus::Failed)
    jobs_[job].failure = JobFailure::Processing;
}

// A worker takes a job message: it marks the job Running in the store, or skips a job that has
// already ended (cancelled while it waited). Returns whether to process it.
bool Simulator::workerStartsJob(std::uint32_t instance, std::uint32_t msg) {
  const std::uint32_t consumer = consumerOf(instance);
  const ConsumerDef& def = model_->consumers[consumer];
  const Message& m = pool_[msg];
  if (def.store == kNone || m.job == kNone) return true;
  Job& j = jobs_[m.job];
  if (jobFinished(j.status) || j.status == JobStatus::Expired) return false;
  j.workerStarted = true;
  StoreState& ss = stores_[def.store];
  ++ss.writes;
  const SimTime at =
      std::max(now_ + model_->stores[def.store].write.sample(ss.rng), j.storeWriteFreeAt);
  j.storeWriteFreeAt = at;
  recordHttp(TraceKind::StoreWrite, j.id, def.component, model_->stores[def.store].component, at,
             {HttpMethod::Post, Route::JobStatus, 0, JobStatus::Running}, instance);
  schedule(at, EventKind::StoreApply, m.job,
           (consumer << 4) | static_cast<std::uint32_t>(JobStatus::Running));
  return true;
}

// The worker is done with a job: it stores the result (or the failure) and acks only once that
// write has landed, so a crash in between would redeliver rather than lose the job. Returns when
// the write lands (now, when there is nothing to write).
SimTime Simulator::workerEndsJob(std::uint32_t instance, std::uint32_t msg, bool failed) {
  const std::uint32_t consumer = consumerOf(instance);
  const ConsumerDef& def = model_->consumers[consumer];
  Job& j = jobs_[pool_[msg].job];
  // A job skipped at the start has nothing to write; one cancelled while it ran still gets its
  // worker's write, which the store refuses.
  if (!j.workerStarted) return now_;
  const JobStatus to = failed ? JobStatus::Failed : JobStatus::Completed;
  StoreState& ss = stores_[def.store];
  ++ss.writes;
  const SimTime at =
      std::max(now_ + model_->stores[def.store].write.sample(ss.rng), j.storeWriteFreeAt);
  j.storeWriteFreeAt = at;
  recordHttp(TraceKind::StoreWrite, j.id, def.component, model_->stores[def.store].component, at,
             {HttpMethod::Post, Route::JobStatus, 0, to}, instance);
  schedule(at, EventKind::StoreApply, pool_[msg].job,
           (consumer << 4) | static_cast<std::uint32_t>(to));
  return at;
}

}  // namespace brokerlab
