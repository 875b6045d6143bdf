// A job's journey as a Mermaid sequence diagram, in the shape of the asynchronous request-reply
// diagram of the seed document: Client, Backend API, Message Queue, Backend Worker, Status/Result
// Store, with the simulated time of each step in brackets.
//
// Records become steps. An HTTP exchange (request, the API's store reads and writes and publish
// for it, response) is one step, written where its request was sent, so that a worker's update
// landing in the middle of a poll does not cut the poll in two. Consecutive polls share one
// `loop Poll for status` box. Broker records that add nothing to the picture (arrive, enqueue,
// receive) and the store's confirmations of writes (job-state) are left out; the table has them.

#include "metrics/JobJourney.h"

#include "model/Http.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace brokerlab {

namespace {

enum class Role : std::uint8_t { Client, Api, Queue, Worker, Store };
constexpr std::string_view kAliases[] = {"C", "API", "MQ", "W", "DB"};
constexpr std::string_view kRoleNames[] = {"Client", "Backend API", "Message Queue",
                                           "Backend Worker", "Status/Result Store"};

struct Participant {
  Role role;
  std::uint32_t component;
  std::uint16_t instance;
  std::string alias;
};

struct Step {
  std::vector<std::string> lines;
  bool poll = false;  // a GET /jobs/{id} exchange
};

struct OpenExchange {
  HttpMethod method = HttpMethod::Get;
  Route route = Route::Jobs;
  std::size_t step = 0;
  bool handled = false;  // a slot of the API took it: the API's store access belongs to it
  std::vector<std::string> waiting;  // lines drawn before the exchange has its step
  // The store's reply to a read: what it said is known only from the response, so the line is
  // written when the response comes.
  std::size_t replyLine = std::string::npos;
  std::string replyFrom, replyTo;
  SimTime replyAt = 0;
};

// Mermaid reads '#' as the start of a comment and ';' as the end of a statement; its entity codes
// (#35; #59;) are decoded after parsing. Line breaks would end the statement too.
std::string mermaidText(std::string_view s) {
  std::string out;
  for (const char ch : s) {
    if (ch == '#') {
      out.append("#35;");
    } else if (ch == ';') {
      out.append("#59;");
    } else if (ch == '\n' || ch == '\r') {
      out.push_back(' ');
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

// A comment runs to the end of its line: only line breaks matter.
std::string commentText(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  return out;
}

// Retry-After is whole seconds in HTTP; the model may hold any duration.
std::string retryAfterText(SimTime t) {
  return (t % kSecond == 0 ? std::to_string(t / kSecond) : secondsText(t)).append(" s");
}

std::string at(SimTime t) {
  return std::string("[").append(secondsText(t)).append(" s] ");
}

std::string stateText(JobStatus s) {
  return s == JobStatus::None ? "Not found" : std::string(jobStatusName(s));
}

class Diagram {
 public:
  Diagram(const JourneyContext& c, std::uint64_t job, std::span<const TraceRecord> records)
      : c_(c),
        job_(job),
        jobText_(std::string("job ").append(std::to_string(job))),
        records_(records) {
    for (const TraceRecord& r : records)
      if (r.kind == TraceKind::GiveUp) giveUpAt_ = std::min(giveUpAt_, r.time);
    for (std::size_t i = 0; i < records.size(); ++i) add(i);
  }

  std::string render() const {
    std::string out = "sequenceDiagram\n";
    if (!c_.title.empty()) out.append("    %% ").append(commentText(c_.title)).append("\n");
    std::vector<const Participant*> order;
    for (const Participant& p : participants_) order.push_back(&p);
    std::stable_sort(order.begin(), order.end(),
                     [](const Participant* a, const Participant* b) { return a->role < b->role; });
    for (const Participant* p : order) out.append(declaration(*p));
    out.append("\n");
    std::size_t s = 0;
    while (s < steps_.size()) {
      if (!steps_[s].poll) {
        for (const std::string& l : steps_[s++].lines) out.append("    ").append(l).append("\n");
        continue;
      }
      // A run of polls, with nothing drawn between them, goes into one loop box.
      std::size_t end = s, polls = 0;
      for (; end < steps_.size() && (steps_[end].poll || steps_[end].lines.empty()); ++end)
        polls += steps_[end].poll ? 1 : 0;
      out.append("    loop Poll for status (")
          .append(std::to_string(polls))
          .append(polls == 1 ? " poll)\n" : " polls)\n");
      for (; s < end; ++s)
        for (const std::string& l : steps_[s].lines) out.append("        ").append(l).append("\n");
      out.append("    end\n");
    }
    return out;
  }

 private:
  std::string declaration(const Participant& p) const {
    std::string label = p.component < c_.ids.size() ? c_.ids[p.component] : "?";
    if (p.instance != 0) label.append("#").append(std::to_string(p.instance));
    return std::string("    participant ")
        .append(p.alias)
        .append(" as ")
        .append(kRoleNames[static_cast<std::size_t>(p.role)])
        .append(" (")
        .append(mermaidText(label))
        .append(")\n");
  }

  // The alias of a participant, declared on first sight: C, API, MQ, W, DB, then W2, W3, ...
  // A copy: a later call may add a participant and move the others.
  std::string alias(Role role, std::uint32_t component, std::uint16_t instance = 0) {
    std::size_t sameRole = 0;
    for (const Participant& p : participants_) {
      if (p.role != role) continue;
      if (p.component == component && p.instance == instance) return p.alias;
      ++sameRole;
    }
    std::string a(kAliases[static_cast<std::size_t>(role)]);
    if (sameRole > 0) a.append(std::to_string(sameRole + 1));
    participants_.push_back({role, component, instance, std::move(a)});
    return participants_.back().alias;
  }

  std::size_t newStep(bool poll = false) {
    steps_.push_back({{}, poll});
    return steps_.size() - 1;
  }
  void line(std::size_t step, std::string text) { steps_[step].lines.push_back(std::move(text)); }
  static std::string arrow(const std::string& from, const char* kind, const std::string& to,
                           const std::string& text) {
    return std::string(from).append(kind).append(to).append(": ").append(text);
  }
  static std::string note(const std::string& over, const std::string& text) {
    return std::string("Note over ").append(over).append(": ").append(text);
  }

  // The open exchange for this method and route (the oldest), or npos.
  std::size_t findOpen(HttpMethod m, Route r) const {
    for (std::size_t i = 0; i < open_.size(); ++i)
      if (open_[i].method == m && open_[i].route == r) return i;
    return std::string::npos;
  }
  // Opens an exchange and returns its index in open_. Its step is made when it first draws a line,
  // so that a webhook call sits where it is sent, not where the API took a slot for it.
  std::size_t openExchange(HttpMethod m, Route r, bool handled) {
    OpenExchange e;
    e.method = m;
    e.route = r;
    e.step = std::string::npos;
    e.handled = handled;
    open_.push_back(std::move(e));
    return open_.size() - 1;
  }
  std::size_t stepOf(std::size_t exchange) {
    OpenExchange& e = open_[exchange];
    if (e.step == std::string::npos) {
      e.step = newStep(e.method == HttpMethod::Get && e.route == Route::JobStatus);
      for (std::string& l : e.waiting) line(e.step, std::move(l));
      e.waiting.clear();
    }
    return e.step;
  }
  // Where something the API does for a request goes: its exchange when the record names it, else
  // the oldest exchange being handled, else a step of its own.
  std::size_t apiStep(HttpMethod m, Route r) {
    if (const std::size_t i = findOpen(m, r); i != std::string::npos) return stepOf(i);
    for (std::size_t i = 0; i < open_.size(); ++i)
      if (open_[i].handled && open_[i].route != Route::Callback) return stepOf(i);
    return newStep();
  }

  void add(std::size_t i) {
    const TraceRecord& r = records_[i];
    const HttpDetail d = HttpDetail::unpack(r.partition);
    switch (r.kind) {
      case TraceKind::Request:
        return onRequest(r, d);
      case TraceKind::Handle:
        return onHandle(r, d);
      case TraceKind::StoreRead:
        return onStoreRead(r, d);
      case TraceKind::StoreWrite:
        return onStoreWrite(i, d);
      case TraceKind::JobState:
        return onJobState(r, d);
      case TraceKind::Response:
        return onResponse(r, d);
      case TraceKind::Notify:
        return onNotify(r, d);
      case TraceKind::GiveUp:
        line(newStep(), note(alias(Role::Client, r.component),
                             at(r.time) + "Gives up on " + jobText_ + " (timeout)"));
        return;
      default:
        return onBroker(r);
    }
  }

  void onRequest(const TraceRecord& r, const HttpDetail& d) {
    if (d.route == Route::Callback) {  // the API calls the client's webhook
      const std::string api = alias(Role::Api, r.component);
      const std::string client = alias(Role::Client, r.peer);
      std::size_t i = findOpen(HttpMethod::Post, Route::Callback);
      if (i == std::string::npos) i = openExchange(d.method, d.route, true);
      line(stepOf(i), arrow(api, "->>", client,
                            at(r.time) + "POST /callback<br>Job " + std::to_string(job_) + ": " +
                                stateText(d.job)));
      return;
    }
    const std::string client = alias(Role::Client, r.component);
    const std::string api = alias(Role::Api, r.peer);
    line(
        stepOf(openExchange(d.method, d.route, false)),
        arrow(client, "->>", api,
              at(r.time) + std::string(httpMethodName(d.method)) + " " + routePath(d.route, job_)));
  }

  void onHandle(const TraceRecord& r, const HttpDetail& d) {
    const std::string api = alias(Role::Api, r.component);
    alias(Role::Client, r.peer);
    std::size_t i = findOpen(d.method, d.route);
    // A webhook call: the API takes a slot for it before it is sent.
    if (i == std::string::npos) i = openExchange(d.method, d.route, true);
    open_[i].handled = true;
    // Waits under half a millisecond would read "0.000 s".
    if (r.time - r.aux < kMillisecond / 2) return;
    std::string wait =
        note(api, at(r.time) + "Waited " + secondsText(r.time - r.aux) + " s for a free slot");
    if (open_[i].step == std::string::npos) {
      open_[i].waiting.push_back(std::move(wait));
    } else {
      line(open_[i].step, std::move(wait));
    }
  }

  void onStoreRead(const TraceRecord& r, const HttpDetail& d) {
    const std::string api = alias(Role::Api, r.component);
    const std::string db = alias(Role::Store, r.peer);
    const std::size_t step = apiStep(d.method, d.route);
    line(step, arrow(api, "->>", db,
                     at(r.time) + (d.route == Route::Result ? "Read result" : "Read job status")));
    const std::size_t i = findOpen(d.method, d.route);
    if (d.job != JobStatus::None || i == std::string::npos) {
      line(step, arrow(db, "-->>", api, at(r.aux) + storeReply(d.route, 200, d.job)));
      return;
    }
    open_[i].replyLine = steps_[step].lines.size();
    open_[i].replyFrom = db;
    open_[i].replyTo = api;
    open_[i].replyAt = r.aux;
    line(step, arrow(db, "-->>", api, at(r.aux) + "Reply"));  // until the response says what
  }

  static std::string storeReply(Route route, int status, JobStatus job) {
    if (status == 404 || job == JobStatus::None || job == JobStatus::Expired) return "Not found";
    if (route == Route::Result && job == JobStatus::Completed) return "Result";
    return std::string("Status: ").append(jobStatusName(job));
  }

  void onStoreWrite(std::size_t i, const HttpDetail& d) {
    const TraceRecord& r = records_[i];
    const bool worker =
        r.component < c_.kinds.size() && c_.kinds[r.component] == ComponentKind::Consumer;
    const std::string writer =
        worker ? alias(Role::Worker, r.component, r.instance) : alias(Role::Api, r.component);
    const std::string db = alias(Role::Store, r.peer);
    const std::size_t step = worker ? newStep() : apiStep(d.method, d.route);
    std::string text = at(r.time);
    if (d.job == JobStatus::Pending) {
      text.append("Create ").append(jobText_).append(": Pending");
    } else {
      text.append("Update status: ").append(stateText(d.job));
      if (d.job == JobStatus::Completed) text.append("<br>Store result");
      if (d.job == JobStatus::Failed) text.append("<br>Store reason");
    }
    line(step, arrow(writer, "->>", db, text));
    if (const auto refused = refusedBecause(i))
      line(step, note(db, at(r.aux) + "Write refused: the job is " + stateText(*refused)));
  }

  // A write the store's state machine did not apply: no job-state record at its time with its
  // state. Returns the state that stood in its way; nothing when it was applied or the run ended
  // first.
  std::optional<JobStatus> refusedBecause(std::size_t i) const {
    const TraceRecord& w = records_[i];
    const JobStatus wanted = HttpDetail::unpack(w.partition).job;
    JobStatus state = JobStatus::None;
    bool seenLater = false;
    for (std::size_t j = 0; j < records_.size(); ++j) {
      const TraceRecord& r = records_[j];
      if (r.time > w.aux) {
        seenLater = true;
        break;
      }
      if (r.kind != TraceKind::JobState) continue;
      const JobStatus to = HttpDetail::unpack(r.partition).job;
      if (j > i && r.time == w.aux && to == wanted) return std::nullopt;
      state = to;
    }
    if (!seenLater) return std::nullopt;
    return state;
  }

  void onJobState(const TraceRecord& r, const HttpDetail& d) {
    stored_ = d.job;
    if (r.peer != kNoComponent) return;  // it confirms a write already drawn
    const std::string db = alias(Role::Store, r.component);
    const std::string text =
        d.job == JobStatus::Expired
            ? std::string("Result expired: ").append(jobText_).append(" forgotten")
            : stateText(static_cast<JobStatus>(r.aux)).append(" -> ").append(stateText(d.job));
    line(newStep(), note(db, at(r.time) + text));
  }

  void onResponse(const TraceRecord& r, const HttpDetail& d) {
    if (d.route == Route::Callback) {  // the client answers the webhook call
      const std::string client = alias(Role::Client, r.component);
      const std::string api = alias(Role::Api, r.peer);
      line(close(d), arrow(client, "-->>", api, at(r.time) + statusLine(d.status)));
      return;
    }
    const std::string api = alias(Role::Api, r.component);
    const std::string client = alias(Role::Client, r.peer);
    std::string text = at(r.time) + responseText(r, d);
    if (r.aux > giveUpAt_)
      text.append("<br>(late: the client gave up at ").append(secondsText(giveUpAt_)).append(" s)");
    line(close(d), arrow(api, "-->>", client, text));
  }

  // The step of the exchange a response ends (the oldest open one of its method and route).
  // Fills in the store's reply to the exchange's read from what the response carries.
  std::size_t close(const HttpDetail& d) {
    std::size_t i = findOpen(d.method, d.route);
    if (i == std::string::npos) return newStep();
    stepOf(i);
    const OpenExchange e = open_[i];
    if (e.replyLine != std::string::npos)
      steps_[e.step].lines[e.replyLine] = arrow(
          e.replyFrom, "-->>", e.replyTo, at(e.replyAt) + storeReply(d.route, d.status, d.job));
    open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(i));
    return e.step;
  }

  static std::string statusLine(int status) {
    return std::to_string(status).append(" ").append(httpReason(status));
  }

  std::string responseText(const TraceRecord& r, const HttpDetail& d) const {
    std::string t = statusLine(d.status);
    const SimTime retryAfter = r.component < c_.retryAfter.size() ? c_.retryAfter[r.component] : 0;
    const std::string retry =
        retryAfter > 0 ? std::string("<br>Retry-After: ").append(retryAfterText(retryAfter))
                       : std::string();
    const std::string id = std::to_string(job_);
    switch (d.status) {
      case 202:
        return t.append("<br>Location: /jobs/").append(id).append(retry);
      case 303:
        return t.append("<br>Location: /results/").append(id);
      case 200:
        if (d.route == Route::Result) return t.append("<br>Result of job ").append(id);
        if (d.route == Route::Events) return t.append("<br>Content-Type: text/event-stream");
        t.append("<br>Status: ").append(stateText(d.job));
        if (d.job == JobStatus::Completed) t.append("<br>Result: included");
        if (!jobFinished(d.job) && d.job != JobStatus::None) t.append(retry);
        return t;
      case 409:
        return d.job == JobStatus::None ? t : t.append("<br>Status: ").append(stateText(d.job));
      default:
        return t;
    }
  }

  void onNotify(const TraceRecord& r, const HttpDetail& d) {
    const std::string api = alias(Role::Api, r.component);
    const std::string client = alias(Role::Client, r.peer);
    const char* how = d.route == Route::Events   ? "SSE event: "
                      : d.route == Route::Socket ? "WebSocket message: "
                                                 : "Push: ";
    std::string text = at(r.time) + how + jobText_ + " " + stateText(d.job);
    if (r.aux > giveUpAt_) text.append("<br>(late: the client gave up)");
    line(newStep(), arrow(api, "-->>", client, text));
  }

  // The job message's way through the broker and the worker.
  void onBroker(const TraceRecord& r) {
    const std::string id = std::to_string(job_);
    switch (r.kind) {
      case TraceKind::Publish: {
        const std::string api = alias(Role::Api, r.component);
        const std::string mq = alias(Role::Queue, r.peer);
        line(apiStep(HttpMethod::Post, Route::Jobs),
             arrow(api, "->>", mq,
                   at(r.time) + "Enqueue " + jobText_ + " (correlation id " + id + ")"));
        return;
      }
      case TraceKind::Deliver: {
        const std::string mq = alias(Role::Queue, r.component);
        const std::string w = alias(Role::Worker, r.peer, r.instance);
        line(newStep(),
             arrow(mq, "->>", w,
                   at(r.time) + "Deliver " + jobText_ + (r.redelivered ? " (redelivered)" : "")));
        return;
      }
      case TraceKind::Process: {
        // A worker skips a job that ended while its message waited (cancelled).
        const bool skipped =
            r.aux == r.time && (jobFinished(stored_) || stored_ == JobStatus::Expired);
        const std::string text =
            skipped
                ? std::string("Skips ")
                      .append(jobText_)
                      .append(": it is ")
                      .append(stateText(stored_))
                : std::string("Processing for ").append(secondsText(r.aux - r.time)).append(" s");
        line(newStep(), note(alias(Role::Worker, r.component, r.instance), at(r.time) + text));
        return;
      }
      case TraceKind::Ack:
      case TraceKind::Nack: {
        // Drawn when the broker has it (a worker acks once its store write has landed), with
        // that time: after the worker's last store write, as in the seed's diagram.
        const std::string w = alias(Role::Worker, r.peer, r.instance);
        const std::string mq = alias(Role::Queue, r.component);
        line(newStep(),
             arrow(w, "->>", mq, at(r.time) + (r.kind == TraceKind::Ack ? "Ack" : "Nack")));
        return;
      }
      case TraceKind::Requeue:
        return queueNote(r, "Requeued for redelivery");
      case TraceKind::Expire:
        return queueNote(r, "Expired in the queue (TTL)");
      case TraceKind::Drop:
        return queueNote(r, "Dropped by the queue");
      case TraceKind::Reject:
        return queueNote(r, "Rejected: the queue is full");
      case TraceKind::DeadLetter:
        return queueNote(r,
                         std::string("Dead-lettered to ")
                             .append(mermaidText(r.peer < c_.ids.size() ? c_.ids[r.peer] : "?")));
      default:  // arrive, enqueue, receive, complete, fail: the arrows around them tell it
        return;
    }
  }

  void queueNote(const TraceRecord& r, const std::string& text) {
    line(newStep(), note(alias(Role::Queue, r.component), at(r.time) + text));
  }

  const JourneyContext& c_;
  std::uint64_t job_;
  std::string jobText_;  // "job 17"
  std::span<const TraceRecord> records_;
  SimTime giveUpAt_ = kMaxSimTime;
  std::vector<Participant> participants_;
  std::vector<Step> steps_;
  std::vector<OpenExchange> open_;
  JobStatus stored_ = JobStatus::None;  // the job's state in the store so far
};

}  // namespace

std::string jobJourneyMermaid(const JourneyContext& c, std::uint64_t job,
                              std::span<const TraceRecord> records) {
  return Diagram(c, job, records).render();
}

}  // namespace brokerlab
