// Asynchronous request-reply: the job state machine, the HTTP exchanges a client sees, the push
// alternatives and the conservation of jobs.

#include "RequestReplyFixtures.h"
#include "metrics/Report.h"
#include "sim/JobLedger.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace brokerlab;
using namespace brokerlab::fixtures;

class RequestReplyTest : public QObject {
  Q_OBJECT
 private slots:
  void stateMachineIsTheDiagram();
  void runFollowsTheStateMachine();
  void acceptedAlwaysCarriesLocation();
  void redirectOnlyAfterCompletion();
  void inlineDeliveryAnswers200WithTheResult();
  void unknownJobIs404();
  void expiredResultIs404();
  void failedJobIs200WithReason();
  void invalidPostIs400AndCreatesNoJob();
  void cancelBeforeAndAfterCompletion();
  void pollsPerJobMatchAnalyticExpectation_data();
  void pollsPerJobMatchAnalyticExpectation();
  void retryAfterSpacesPolls();
  void backoffGrowsTheIntervalUpToItsCap();
  void timeoutGivesUp();
  void fullWaitListAnswers503();
  void pushAlternatives_data();
  void pushAlternatives();
  void aClientKeepsWhatReachedItLast();
  void jobsAreConservedUnderLoad();
  void checkpointRunsOnIdentically();
};

// Every pair of states: only the arrows of the diagram in model/Http.h are allowed.
void RequestReplyTest::stateMachineIsTheDiagram() {
  using S = JobStatus;
  const std::set<std::pair<S, S>> arrows = {{S::None, S::Pending},      {S::Pending, S::Running},
                                            {S::Running, S::Completed}, {S::Running, S::Failed},
                                            {S::Pending, S::Failed},    {S::Pending, S::Cancelled},
                                            {S::Running, S::Cancelled}, {S::Completed, S::Expired},
                                            {S::Failed, S::Expired},    {S::Cancelled, S::Expired}};
  for (int from = 0; from < kJobStatusCount; ++from)
    for (int to = 0; to < kJobStatusCount; ++to) {
      const auto f = static_cast<S>(from), t = static_cast<S>(to);
      QVERIFY2(jobTransitionAllowed(f, t) == (arrows.count({f, t}) == 1),
               qPrintable(
                   QString("%1 -> %2").arg(jobStatusName(f).data()).arg(jobStatusName(t).data())));
    }
}

// In a busy run with failures and cancellations, each job's JobState records are a walk along
// the diagram, and each record's `aux` is the state it left.
void RequestReplyTest::runFollowsTheStateMachine() {
  RequestReplyStack st;
  st.jobs = 200;
  st.every = 500 * kMillisecond;
  st.workers = 3;
  Scenario s = st.build(10 * kMinute);
  component(s, "worker").failureProbability = 0.2;
  component(s, "client").cancelFraction = 0.2;
  component(s, "client").cancelAfter = 2 * kSecond;
  component(s, "status").resultTtl = 30 * kSecond;
  Simulator sim = simulator(s);
  std::map<std::uint64_t, JobStatus> state;
  std::set<JobStatus> seen;
  for (const TraceRecord& r : only(runTraced(sim, 10 * kMinute), TraceKind::JobState)) {
    const JobStatus from = state.count(r.message) ? state[r.message] : JobStatus::None;
    const JobStatus to = detail(r).job;
    QCOMPARE(static_cast<JobStatus>(r.aux), from);
    QVERIFY(jobTransitionAllowed(from, to));
    state[r.message] = to;
    seen.insert(to);
  }
  QCOMPARE(state.size(), std::size_t{200});
  // Every state was reached, and every job ended (expired, 30 s after it finished).
  QCOMPARE(seen.size(), std::size_t{6});
  for (const auto& [id, s] : state) QCOMPARE(s, JobStatus::Expired);
  QVERIFY(sim.stores()[0].refusedWrites > 0);  // workers finishing jobs cancelled while running
  QCOMPARE(QString::fromStdString(checkJobs(sim)), QString());
}

void RequestReplyTest::acceptedAlwaysCarriesLocation() {
  RequestReplyStack st;
  st.jobs = 50;
  st.every = 200 * kMillisecond;
  Scenario s = st.build(5 * kMinute);
  component(s, "client").invalidFraction = 0.3;
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, 5 * kMinute);
  std::set<std::uint64_t> pending;
  for (const TraceRecord& r : all)
    if (r.kind == TraceKind::JobState && detail(r).job == JobStatus::Pending)
      pending.insert(r.message);
  const auto accepted = responses(all, 202);
  QVERIFY(!accepted.empty());
  QCOMPARE(accepted.size(), std::size_t{sim.apis()[0].accepted});
  for (const TraceRecord& r : accepted) {
    // The Location is the job's status URL, and that job exists in the store when the 202 leaves.
    QVERIFY(r.message != 0);
    QCOMPARE(QString::fromStdString(location(detail(r), r.message)),
             QString("/jobs/%1").arg(r.message));
    QVERIFY(pending.count(r.message) == 1);
  }
  for (const TraceRecord& r : responses(all, 400)) QCOMPARE(pending.count(r.message), 0u);
}

void RequestReplyTest::redirectOnlyAfterCompletion() {
  RequestReplyStack st;
  st.jobs = 30;
  st.every = 700 * kMillisecond;
  st.pollInterval = 300 * kMillisecond;
  Simulator sim = simulator(st.build(5 * kMinute));
  const auto all = runTraced(sim, 5 * kMinute);
  std::map<std::uint64_t, SimTime> completedAt;
  for (const TraceRecord& r : all)
    if (r.kind == TraceKind::JobState && detail(r).job == JobStatus::Completed)
      completedAt[r.message] = r.time;
  const auto redirects = responses(all, 303);
  QCOMPARE(redirects.size(), std::size_t{30});
  for (const TraceRecord& r : redirects) {
    QVERIFY(completedAt.count(r.message) == 1);
    QVERIFY(r.time >= completedAt[r.message]);
    QCOMPARE(detail(r).job, JobStatus::Completed);
    QCOMPARE(QString::fromStdString(location(detail(r), r.message)),
             QString("/results/%1").arg(r.message));
  }
  // Before completion, polls got 200 with Pending or Running.
  for (const TraceRecord& r : responses(all, 200))
    if (detail(r).route == Route::JobStatus) {
      QVERIFY(detail(r).job == JobStatus::Pending || detail(r).job == JobStatus::Running);
      QVERIFY(!completedAt.count(r.message) || r.time < completedAt[r.message] + kSecond);
    }
  QCOMPARE(outcomeCount(sim, ClientOutcome::Result), std::uint64_t{30});
}

void RequestReplyTest::inlineDeliveryAnswers200WithTheResult() {
  RequestReplyStack st;
  st.jobs = 10;
  st.delivery = ResultDelivery::Inline;
  Simulator sim = simulator(st.build(5 * kMinute));
  const auto all = runTraced(sim, 5 * kMinute);
  QVERIFY(responses(all, 303).empty());
  std::size_t inlineResults = 0;
  for (const TraceRecord& r : responses(all, 200))
    if (detail(r).job == JobStatus::Completed) {
      QCOMPARE(detail(r).route, Route::JobStatus);
      ++inlineResults;
    }
  QCOMPARE(inlineResults, std::size_t{10});
  QCOMPARE(outcomeCount(sim, ClientOutcome::Result), std::uint64_t{10});
}

void RequestReplyTest::unknownJobIs404() {
  RequestReplyStack st;
  st.jobs = 40;
  st.every = 500 * kMillisecond;
  Scenario s = st.build(5 * kMinute);
  component(s, "client").unknownPollFraction = 0.25;
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, 5 * kMinute);
  std::size_t unknownPolls = 0;
  for (const TraceRecord& r : only(all, TraceKind::Request))
    if (r.message == 0) ++unknownPolls;
  const auto notFound = responses(all, 404);
  QVERIFY(unknownPolls > 10);
  QCOMPARE(notFound.size(), unknownPolls);
  for (const TraceRecord& r : notFound) QCOMPARE(r.message, std::uint64_t{0});
  // A wasted poll costs time, never the job: every job still gets its result.
  QCOMPARE(outcomeCount(sim, ClientOutcome::Result), std::uint64_t{40});
}

// A client polling less often than the store keeps results finds its job gone.
void RequestReplyTest::expiredResultIs404() {
  RequestReplyStack st;
  st.jobs = 5;
  st.pollInterval = 10 * kSecond;
  Scenario s = st.build(5 * kMinute);
  component(s, "status").resultTtl = 2 * kSecond;
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, 5 * kMinute);
  QCOMPARE(responses(all, 404).size(), std::size_t{5});
  QCOMPARE(outcomeCount(sim, ClientOutcome::ResultExpired), std::uint64_t{5});
  QCOMPARE(jobsIn(sim, JobStatus::Expired), std::uint64_t{5});
  QCOMPARE(responses(all, 303).size(), std::size_t{0});
}

void RequestReplyTest::failedJobIs200WithReason() {
  RequestReplyStack st;
  st.jobs = 8;
  Scenario s = st.build(5 * kMinute);
  component(s, "worker").failureProbability = 1.0;
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, 5 * kMinute);
  std::size_t failedStatuses = 0;
  for (const TraceRecord& r : responses(all, 200))
    if (detail(r).job == JobStatus::Failed) ++failedStatuses;
  QCOMPARE(failedStatuses, std::size_t{8});
  QVERIFY(responses(all, 404).empty());
  QCOMPARE(outcomeCount(sim, ClientOutcome::Failed), std::uint64_t{8});
  QCOMPARE(jobsIn(sim, JobStatus::Failed), std::uint64_t{8});
  for (const Job& j : sim.jobs()) {
    QCOMPARE(j.failure, JobFailure::Processing);
    QVERIFY(!jobFailureText(j.failure).empty());
  }
  // The job failed, not the delivery: every job message was acked, none requeued.
  QCOMPARE(counters(sim).acked, std::uint64_t{8});
  QCOMPARE(counters(sim).nacked, std::uint64_t{0});
}

void RequestReplyTest::invalidPostIs400AndCreatesNoJob() {
  RequestReplyStack st;
  st.jobs = 100;
  st.every = 100 * kMillisecond;
  Scenario s = st.build(5 * kMinute);
  component(s, "client").invalidFraction = 0.5;
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, 5 * kMinute);
  const std::uint64_t invalid = outcomeCount(sim, ClientOutcome::Invalid);
  QVERIFY(invalid > 30 && invalid < 70);
  QCOMPARE(responses(all, 400).size(), std::size_t{invalid});
  QCOMPARE(sim.apis()[0].accepted, 100 - invalid);
  QCOMPARE(counters(sim).published, 100 - invalid);
  QCOMPARE(sim.stores()[0].writes, 3 * (100 - invalid));  // Pending, Running, Completed
}

void RequestReplyTest::cancelBeforeAndAfterCompletion() {
  // Job 1 is cancelled while it runs (204); the worker's Completed write is refused.
  {
    RequestReplyStack st;
    Scenario s = st.build(secs(60));
    component(s, "client").cancelFraction = 1.0;
    component(s, "client").cancelAfter = 1500 * kMillisecond;
    component(s, "client").pollInterval = 10 * kSecond;
    Simulator sim = simulator(s);
    const auto all = runTraced(sim, secs(60));
    QCOMPARE(responses(all, 204).size(), std::size_t{1});
    QCOMPARE(outcomeCount(sim, ClientOutcome::Cancelled), std::uint64_t{1});
    QCOMPARE(jobsIn(sim, JobStatus::Cancelled), std::uint64_t{1});
    QCOMPARE(sim.stores()[0].refusedWrites, std::uint64_t{1});
  }
  // Cancelled while it waits in the queue behind a long job: the worker skips it.
  {
    RequestReplyStack st;
    st.jobs = 2;
    st.every = 100 * kMillisecond;
    st.work = 5 * kSecond;
    st.pollInterval = 10 * kSecond;
    Scenario s = st.build(secs(60));
    component(s, "client").cancelFraction = 1.0;
    component(s, "client").cancelAfter = 1 * kSecond;
    Simulator sim = simulator(s);
    runTraced(sim, secs(60));
    QCOMPARE(outcomeCount(sim, ClientOutcome::Cancelled), std::uint64_t{2});
    QCOMPARE(counters(sim).acked, std::uint64_t{2});
    QCOMPARE(sim.stores()[0].refusedWrites, std::uint64_t{1});  // only the running job's end
    // 2 Pending, 2 cancels, Running and the refused Completed of the first job
    QCOMPARE(sim.stores()[0].writes, std::uint64_t{2 + 2 + 2});
  }
  // Cancelled after it completed: 409, and the client still gets its result.
  {
    RequestReplyStack st;
    st.pollInterval = 10 * kSecond;
    Scenario s = st.build(secs(60));
    component(s, "client").cancelFraction = 1.0;
    component(s, "client").cancelAfter = 5 * kSecond;
    Simulator sim = simulator(s);
    const auto all = runTraced(sim, secs(60));
    QCOMPARE(responses(all, 409).size(), std::size_t{1});
    QCOMPARE(outcomeCount(sim, ClientOutcome::Result), std::uint64_t{1});
  }
}

// Constant times, an idle system: poll k reads the store at
//   t202 + k T + (k-1) c + l + s + r,   c = 2 l + s + r (one poll's round trip),
// and the job completes at t202 + l + w + S. So the client needs
//   k = ceil((S + w - s - r + c) / (T + c)) polls, whatever the network latency l.
void RequestReplyTest::pollsPerJobMatchAnalyticExpectation_data() {
  QTest::addColumn<qint64>("pollMs");
  QTest::addColumn<qint64>("latencyMs");
  QTest::newRow("T=1s") << qint64(1000) << qint64(0);
  QTest::newRow("T=500ms") << qint64(500) << qint64(0);
  QTest::newRow("T=250ms, l=10ms") << qint64(250) << qint64(10);
  QTest::newRow("T=300ms, l=40ms") << qint64(300) << qint64(40);
  QTest::newRow("T=7s") << qint64(7000) << qint64(3);
}

void RequestReplyTest::pollsPerJobMatchAnalyticExpectation() {
  QFETCH(qint64, pollMs);
  QFETCH(qint64, latencyMs);
  RequestReplyStack st;
  st.jobs = 20;
  st.every = 20 * kSecond;  // one job at a time
  st.pollInterval = pollMs * kMillisecond;
  Scenario s = st.build(10 * kMinute);
  s.networkLatency = Distribution::constant(latencyMs * kMillisecond);
  Simulator sim = simulator(s);
  RUN(sim);
  const double l = latencyMs, c = 2 * l + 5 + 2;
  const double expected = std::ceil((3000 + 5 - 5 - 2 + c) / (static_cast<double>(pollMs) + c));
  const ClientReport r = buildReport(sim).clients[0];
  QCOMPARE(r.outcomes[static_cast<std::size_t>(ClientOutcome::Result)], std::uint64_t{20});
  QCOMPARE(r.pollsPerJobMean, expected);
  QCOMPARE(static_cast<double>(r.pollsPerJobP99), expected);
  QCOMPARE(r.polls, static_cast<std::uint64_t>(20 * expected));
}

void RequestReplyTest::retryAfterSpacesPolls() {
  RequestReplyStack st;
  st.jobs = 1;
  st.pollInterval = 100 * kMillisecond;
  Scenario s = st.build(secs(60));
  component(s, "api").retryAfter = 1 * kSecond;
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(60));
  SimTime last = -kSecond;
  for (const TraceRecord& r : only(all, TraceKind::Request))
    if (detail(r).route == Route::JobStatus) {
      QVERIFY(r.time - last >= kSecond);
      last = r.time;
    }
  QCOMPARE(sim.clients()[0].polls, std::uint64_t{3});  // as with a 1 s interval
}

void RequestReplyTest::backoffGrowsTheIntervalUpToItsCap() {
  RequestReplyStack st;
  st.jobs = 1;
  st.work = 60 * kSecond;
  st.pollInterval = 1 * kSecond;
  Scenario s = st.build(secs(120));
  component(s, "client").pollBackoff = 2.0;
  component(s, "client").maxPollInterval = 8 * kSecond;
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(120));
  std::vector<SimTime> sent, answered;
  for (const TraceRecord& r : all)
    if (detail(r).route == Route::JobStatus && r.kind == TraceKind::Request)
      sent.push_back(r.time);
    else if (detail(r).route == Route::JobStatus && r.kind == TraceKind::Response)
      answered.push_back(r.aux);
  QVERIFY(sent.size() > 5);
  // Waits after each answer: 1, 2, 4, 8, 8, ... seconds.
  const SimTime expected[] = {2, 4, 8, 8, 8};
  for (std::size_t k = 0; k + 1 < sent.size() && k < 5; ++k)
    QCOMPARE(sent[k + 1] - answered[k], expected[k] * kSecond);
}

void RequestReplyTest::timeoutGivesUp() {
  RequestReplyStack st;
  st.jobs = 3;
  st.every = 1 * kSecond;
  st.work = 20 * kSecond;
  Scenario s = st.build(secs(120));
  component(s, "client").timeout = 10 * kSecond;
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(120));
  QCOMPARE(only(all, TraceKind::GiveUp).size(), std::size_t{3});
  QCOMPARE(outcomeCount(sim, ClientOutcome::TimedOut), std::uint64_t{3});
  // The work still happens: the store has the results nobody collects.
  QCOMPARE(jobsIn(sim, JobStatus::Completed), std::uint64_t{3});
  QCOMPARE(QString::fromStdString(checkJobs(sim)), QString());
}

void RequestReplyTest::fullWaitListAnswers503() {
  RequestReplyStack st;
  st.jobs = 200;
  st.every = 10 * kMillisecond;
  st.concurrency = 1;
  st.apiService = 50 * kMillisecond;
  st.pollInterval = 50 * kMillisecond;
  st.workers = 20;
  Scenario s = st.build(secs(300));
  component(s, "api").maxWaiting = 5;
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(300));
  const auto unavailable = responses(all, 503);
  QVERIFY(!unavailable.empty());
  QVERIFY(outcomeCount(sim, ClientOutcome::Unavailable) > 0);
  QVERIFY(buildReport(sim).apis[0].waitingMax <= 5);
  QCOMPARE(QString::fromStdString(checkJobs(sim)), QString());
}

void RequestReplyTest::pushAlternatives_data() {
  QTest::addColumn<int>("notify");
  QTest::newRow("webhook") << static_cast<int>(Notify::Webhook);
  QTest::newRow("sse") << static_cast<int>(Notify::Sse);
  QTest::newRow("websocket") << static_cast<int>(Notify::Websocket);
}

// Same load as a polling client: every job's result arrives, with no polls, and each alternative
// pays in its own currency (webhook calls; connections held open).
void RequestReplyTest::pushAlternatives() {
  QFETCH(int, notify);
  RequestReplyStack st;
  st.jobs = 30;
  st.every = 2 * kSecond;
  st.workers = 2;  // no backlog: each job runs as soon as it arrives
  st.pollInterval = 500 * kMillisecond;
  Simulator polling = simulator(st.build(secs(300)));
  RUN(polling);
  st.notify = static_cast<Notify>(notify);
  Simulator sim = simulator(st.build(secs(300)));
  const auto all = runTraced(sim, secs(300));
  const RunReport report = buildReport(sim);
  const ClientReport& c = report.clients[0];
  const ApiReport& a = report.apis[0];
  QCOMPARE(c.outcomes[static_cast<std::size_t>(ClientOutcome::Result)], std::uint64_t{30});
  QCOMPARE(c.polls, std::uint64_t{0});
  QCOMPARE(c.notifications, std::uint64_t{30});
  QVERIFY(c.requests < polling.clients()[0].requests);
  // Push is sooner than the next poll would have been.
  QVERIFY(c.timeToResult.meanS < buildReport(polling).clients[0].timeToResult.meanS);
  switch (static_cast<Notify>(notify)) {
    case Notify::Webhook:
      QCOMPARE(a.callbacks, std::uint64_t{30});
      QCOMPARE(a.heldConnectionsMax, std::uint64_t{0});
      QCOMPARE(c.requests, std::uint64_t{60});  // POST and GET /results per job
      break;
    case Notify::Sse:
      QCOMPARE(a.pushes, std::uint64_t{30});
      QCOMPARE(a.heldConnectionsMax, std::uint64_t{2});  // jobs overlap two at a time
      QCOMPARE(c.requests, std::uint64_t{90});           // POST, events stream, GET /results
      break;
    case Notify::Websocket:
      QCOMPARE(a.pushes, std::uint64_t{30});
      QCOMPARE(a.heldConnectionsMax, std::uint64_t{1});
      QCOMPARE(responses(all, 101).size(), std::size_t{1});
      QCOMPARE(c.requests, std::uint64_t{61});
      break;
    case Notify::Poll:
      break;
  }
  QCOMPARE(QString::fromStdString(checkJobs(sim)), QString());
}

// A client's lastHeard is what the trace says reached it last: a response, a push or a webhook
// call sent to it, as that record's HTTP detail, from the moment it arrives (aux). Checked at
// every arrival in the bundled scenario whose four clients are told four ways, on a simulator
// run to each of those moments in turn (and its copies carry it: it is state).
void RequestReplyTest::aClientKeepsWhatReachedItLast() {
  Simulator traced = bundled("push-alternatives.json");
  const auto all = runTraced(traced, traced.model().duration);
  const Model& m = traced.model();
  // What reached each client, in the order the client took them: by arrival, then as sent (a
  // later send to the same arrival time is a later event).
  struct Heard {
    SimTime at;
    std::size_t sent;
    std::uint32_t client;
    std::uint32_t detail;
  };
  std::vector<Heard> heard;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const TraceRecord& r = all[i];
    const bool toClient = r.kind == TraceKind::Response || r.kind == TraceKind::Notify ||
                          r.kind == TraceKind::Request;
    if (!toClient || r.peer == kNone || m.components[r.peer].kind != ComponentKind::Client)
      continue;
    heard.push_back({r.aux, i, m.components[r.peer].index, r.partition});
  }
  std::stable_sort(heard.begin(), heard.end(),
                   [](const Heard& a, const Heard& b) { return a.at < b.at; });
  // Every way of hearing is in it: responses, SSE and WebSocket pushes, webhook calls.
  std::set<Route> routes;
  for (const Heard& h : heard)
    if (HttpDetail::unpack(h.detail).status == 0) routes.insert(HttpDetail::unpack(h.detail).route);
  QVERIFY(routes == (std::set<Route>{Route::Callback, Route::Events, Route::Socket}));

  Simulator sim = bundled("push-alternatives.json");
  std::vector<std::uint32_t> expected(m.clients.size(), 0);
  for (std::uint32_t c = 0; c < m.clients.size(); ++c) QCOMPARE(sim.clients()[c].lastHeard, 0u);
  for (std::size_t i = 0; i < heard.size();) {
    const SimTime at = heard[i].at;
    for (; i < heard.size() && heard[i].at == at; ++i) expected[heard[i].client] = heard[i].detail;
    RUN_UNTIL(sim, at);
    for (std::uint32_t c = 0; c < m.clients.size(); ++c)
      QVERIFY2(sim.clients()[c].lastHeard == expected[c],
               qPrintable(QString("client %1 at %2 ns").arg(c).arg(at)));
  }
  const Simulator copy = sim;
  for (std::uint32_t c = 0; c < m.clients.size(); ++c)
    QCOMPARE(copy.clients()[c].lastHeard, expected[c]);
}

// Random everything: exponential arrivals and work, failures, cancels, invalid bodies, unknown
// ids, timeouts, expiry, a bounded wait list. Jobs and messages are conserved after every event.
void RequestReplyTest::jobsAreConservedUnderLoad() {
  RequestReplyStack st;
  st.workers = 4;
  st.concurrency = 2;
  Scenario s = st.build(secs(600));
  ComponentSpec& client = component(s, "client");
  client.count.reset();
  client.interarrival.reset();
  client.rate = 1.5;
  client.pollInterval = 700 * kMillisecond;
  client.pollBackoff = 1.5;
  client.timeout = 20 * kSecond;
  client.invalidFraction = 0.05;
  client.unknownPollFraction = 0.1;
  client.cancelFraction = 0.1;
  client.cancelAfter = 3 * kSecond;
  component(s, "worker").service = Distribution::exponential(2 * kSecond);
  component(s, "worker").failureProbability = 0.1;
  component(s, "api").maxWaiting = 20;
  component(s, "status").resultTtl = 15 * kSecond;
  s.networkLatency = Distribution::exponential(3 * kMillisecond);
  Simulator sim = simulator(s);
  while (sim.now() < secs(600)) {
    const StopReason why = sim.runUntil(secs(600), 1);
    QVERIFY2(why == StopReason::EventBudget || why == StopReason::ReachedTime,
             stopText(sim).constData());
    QVERIFY(sim.ledger().balanced());
    if (sim.eventsProcessed() % 97 == 0)
      QCOMPARE(QString::fromStdString(checkJobs(sim)), QString());
  }
  QCOMPARE(QString::fromStdString(sim.ledger().recount(sim.messages())), QString());
  QCOMPARE(QString::fromStdString(checkJobs(sim)), QString());
  const ClientReport c = buildReport(sim).clients[0];
  for (ClientOutcome o : {ClientOutcome::Result, ClientOutcome::Failed, ClientOutcome::Cancelled,
                          ClientOutcome::Invalid, ClientOutcome::TimedOut})
    QVERIFY2(c.outcomes[static_cast<std::size_t>(o)] > 0, clientOutcomeName(o).data());
}

void RequestReplyTest::checkpointRunsOnIdentically() {
  RequestReplyStack st;
  st.jobs = 100;
  st.every = 700 * kMillisecond;
  st.notify = Notify::Sse;
  Scenario s = st.build(secs(200));
  component(s, "worker").service = Distribution::exponential(2 * kSecond);
  Simulator a = simulator(s);
  RUN_UNTIL(a, secs(40));
  Simulator b = a;  // the checkpoint
  RUN(a);
  RUN(b);
  QVERIFY(a == b);
  QCOMPARE(a.traceHash(), b.traceHash());
}

QTEST_APPLESS_MAIN(RequestReplyTest)
#include "tst_requestreply.moc"
