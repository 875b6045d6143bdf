// A job's journey from hand-made trace records: the Mermaid sequence diagram reads like the seed
// document's async request-reply diagram, with times, poll loops, webhooks, pushes, refused writes
// and redeliveries; the table lists every record.

#include "metrics/JobJourney.h"
#include "model/Http.h"

#include <QRegularExpression>
#include <QtTest>

using namespace brokerlab;

namespace {

// Components in scenario order, as the records below refer to them.
constexpr std::uint32_t kClient = 0, kApi = 1, kQueue = 2, kWorkers = 3, kStore = 4;
constexpr std::uint64_t kJob = 1;

JourneyContext context(SimTime retryAfter = kSecond) {
  return {{"shop", "jobs-api", "jobs", "workers", "job-store"},
          {ComponentKind::Client, ComponentKind::Api, ComponentKind::Queue, ComponentKind::Consumer,
           ComponentKind::Store},
          {0, retryAfter, 0, 0, 0},
          "Job 1 of test (seed 1)"};
}

SimTime ms(std::int64_t v) {
  return v * kMillisecond;
}

HttpDetail http(HttpMethod m, Route r, std::uint16_t status = 0, JobStatus job = JobStatus::None) {
  return {m, r, status, job};
}
// A worker's store write, and the store's record of a change (what the engine puts in them).
HttpDetail state(JobStatus job) {
  return {HttpMethod::Post, Route::JobStatus, 0, job};
}

TraceRecord rec(TraceKind kind, SimTime time, std::uint32_t component, std::uint32_t peer,
                SimTime aux = 0, HttpDetail d = {}, std::uint16_t instance = 0,
                bool redelivered = false) {
  return {time,      aux,  kJob,
          component, peer, d.pack(),
          instance,  kind, static_cast<std::uint8_t>(redelivered)};
}

// The store applies `to` (the old state in aux, as the engine records it).
TraceRecord applied(SimTime time, std::uint32_t writer, JobStatus from, JobStatus to,
                    std::uint16_t instance = 0) {
  return rec(TraceKind::JobState, time, kStore, writer, static_cast<SimTime>(from),
             http(HttpMethod::Get, Route::JobStatus, 0, to), instance);
}

// One GET /jobs/1 from the client at `t`: 10 ms each way, 5 ms in the API, 2 ms in the store.
// The read's record does not know the state yet: the response says what the store had.
std::vector<TraceRecord> poll(SimTime t, JobStatus seen, std::uint16_t status = 200) {
  const HttpDetail get = http(HttpMethod::Get, Route::JobStatus);
  return {rec(TraceKind::Request, t, kClient, kApi, t + ms(10), get),
          rec(TraceKind::Handle, t + ms(10), kApi, kClient, t + ms(10), get),
          rec(TraceKind::StoreRead, t + ms(15), kApi, kStore, t + ms(17), get),
          rec(TraceKind::Response, t + ms(17), kApi, kClient, t + ms(27),
              http(HttpMethod::Get, Route::JobStatus, status, seen))};
}

// POST /jobs at 0: accepted, stored Pending, published to the queue, 202.
std::vector<TraceRecord> submitted() {
  const HttpDetail post = http(HttpMethod::Post, Route::Jobs);
  return {rec(TraceKind::Request, 0, kClient, kApi, ms(10), post),
          rec(TraceKind::Handle, ms(10), kApi, kClient, ms(10), post),
          rec(TraceKind::StoreWrite, ms(15), kApi, kStore, ms(20),
              http(HttpMethod::Post, Route::Jobs, 0, JobStatus::Pending)),
          applied(ms(20), kApi, JobStatus::None, JobStatus::Pending),
          rec(TraceKind::Publish, ms(20), kApi, kQueue, ms(30)),
          rec(TraceKind::Response, ms(20), kApi, kClient, ms(30),
              http(HttpMethod::Post, Route::Jobs, 202, JobStatus::Pending))};
}

// The broker delivers the job message to workers#`instance` at `t`, which runs it for 3 s.
std::vector<TraceRecord> started(SimTime t, std::uint16_t instance = 1, bool redelivered = false) {
  return {rec(TraceKind::Arrive, t, kQueue, kApi),
          rec(TraceKind::Enqueue, t, kQueue, kNoComponent),
          rec(TraceKind::Deliver, t, kQueue, kWorkers, t + ms(10), {}, instance, redelivered),
          rec(TraceKind::Receive, t + ms(10), kWorkers, kQueue, 0, {}, instance),
          rec(TraceKind::StoreWrite, t + ms(10), kWorkers, kStore, t + ms(15),
              state(JobStatus::Running), instance),
          rec(TraceKind::Process, t + ms(10), kWorkers, kNoComponent, t + ms(3010), {}, instance),
          applied(t + ms(15), kWorkers, JobStatus::Pending, JobStatus::Running, instance)};
}

std::vector<TraceRecord> operator+(std::vector<TraceRecord> a, const std::vector<TraceRecord>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

QString mermaid(const std::vector<TraceRecord>& records, SimTime retryAfter = kSecond) {
  return QString::fromStdString(jobJourneyMermaid(context(retryAfter), kJob, records));
}

}  // namespace

class tst_JobJourney : public QObject {
  Q_OBJECT

 private slots:
  void pollingJobReadsLikeTheSeedDiagram() {
    const std::vector<TraceRecord> records =
        submitted() + started(ms(30)) + poll(ms(1030), JobStatus::Running) +
        poll(ms(2057), JobStatus::Running) +
        std::vector<TraceRecord>{
            rec(TraceKind::StoreWrite, ms(3040), kWorkers, kStore, ms(3045),
                state(JobStatus::Completed), 1),
            rec(TraceKind::Complete, ms(3040), kWorkers, kQueue, ms(3050), {}, 1),
            applied(ms(3045), kWorkers, JobStatus::Running, JobStatus::Completed, 1),
            rec(TraceKind::Ack, ms(3050), kQueue, kWorkers, 0, {}, 1)} +
        poll(ms(3084), JobStatus::Completed, 303) +
        std::vector<TraceRecord>{
            rec(TraceKind::Request, ms(3111), kClient, kApi, ms(3121),
                http(HttpMethod::Get, Route::Result)),
            rec(TraceKind::Handle, ms(3125), kApi, kClient, ms(3121),
                http(HttpMethod::Get, Route::Result)),
            rec(TraceKind::StoreRead, ms(3130), kApi, kStore, ms(3132),
                http(HttpMethod::Get, Route::Result)),
            rec(TraceKind::Response, ms(3132), kApi, kClient, ms(3142),
                http(HttpMethod::Get, Route::Result, 200, JobStatus::Completed))};
    const QString expected = QStringLiteral(R"mmd(sequenceDiagram
    %% Job 1 of test (seed 1)
    participant C as Client (shop)
    participant API as Backend API (jobs-api)
    participant MQ as Message Queue (jobs)
    participant W as Backend Worker (workers#35;1)
    participant DB as Status/Result Store (job-store)

    C->>API: [0.000 s] POST /jobs
    API->>DB: [0.015 s] Create job 1: Pending
    API->>MQ: [0.020 s] Enqueue job 1 (correlation id 1)
    API-->>C: [0.020 s] 202 Accepted<br>Location: /jobs/1<br>Retry-After: 1 s
    MQ->>W: [0.030 s] Deliver job 1
    W->>DB: [0.040 s] Update status: Running
    Note over W: [0.040 s] Processing for 3.000 s
    loop Poll for status (2 polls)
        C->>API: [1.030 s] GET /jobs/1
        API->>DB: [1.045 s] Read job status
        DB-->>API: [1.047 s] Status: Running
        API-->>C: [1.047 s] 200 OK<br>Status: Running<br>Retry-After: 1 s
        C->>API: [2.057 s] GET /jobs/1
        API->>DB: [2.072 s] Read job status
        DB-->>API: [2.074 s] Status: Running
        API-->>C: [2.074 s] 200 OK<br>Status: Running<br>Retry-After: 1 s
    end
    W->>DB: [3.040 s] Update status: Completed<br>Store result
    W->>MQ: [3.050 s] Ack
    loop Poll for status (1 poll)
        C->>API: [3.084 s] GET /jobs/1
        API->>DB: [3.099 s] Read job status
        DB-->>API: [3.101 s] Status: Completed
        API-->>C: [3.101 s] 303 See Other<br>Location: /results/1
    end
    C->>API: [3.111 s] GET /results/1
    Note over API: [3.125 s] Waited 0.004 s for a free slot
    API->>DB: [3.130 s] Read result
    DB-->>API: [3.132 s] Result
    API-->>C: [3.132 s] 200 OK<br>Result of job 1
)mmd");
    QCOMPARE(mermaid(records), expected);
  }

  void withoutRetryAfterTheHeaderIsLeftOut() {
    const QString m = mermaid(submitted() + poll(ms(1030), JobStatus::Pending), 0);
    QVERIFY(m.contains("202 Accepted<br>Location: /jobs/1\n"));
    QVERIFY(m.contains("200 OK<br>Status: Pending\n"));
    QVERIFY(!m.contains("Retry-After"));
    QVERIFY(!m.contains("participant W"));  // no worker ever saw it: no worker drawn
  }

  void inlineResultComesWithTheStatus() {
    const QString m = mermaid(submitted() + poll(ms(4000), JobStatus::Completed));
    QVERIFY(m.contains("200 OK<br>Status: Completed<br>Result: included\n"));
  }

  void webhookCallIsAnExchangeFromTheApi() {
    const HttpDetail call = http(HttpMethod::Post, Route::Callback, 0, JobStatus::Completed);
    const std::vector<TraceRecord> records =
        submitted() +
        std::vector<TraceRecord>{rec(TraceKind::Handle, ms(3050), kApi, kClient, ms(3045), call),
                                 rec(TraceKind::Ack, ms(3052), kQueue, kWorkers, 0, {}, 1),
                                 rec(TraceKind::Request, ms(3055), kApi, kClient, ms(3065), call),
                                 rec(TraceKind::Response, ms(3065), kClient, kApi, ms(3075),
                                     http(HttpMethod::Post, Route::Callback, 200))};
    const QString m = mermaid(records);
    // Drawn where the call is sent: after the ack that came in while the API prepared it.
    QVERIFY2(m.contains("    W->>MQ: [3.052 s] Ack\n"
                        "    Note over API: [3.050 s] Waited 0.005 s for a free slot\n"
                        "    API->>C: [3.055 s] POST /callback<br>Job 1: Completed\n"
                        "    C-->>API: [3.065 s] 200 OK\n"),
             qPrintable(m));
    QVERIFY(!m.contains("loop"));
  }

  void cancelledJobRefusesTheWorkersLateWrite() {
    const HttpDetail del = http(HttpMethod::Delete, Route::JobStatus);
    const std::vector<TraceRecord> records =
        submitted() + started(ms(30)) +
        std::vector<TraceRecord>{
            rec(TraceKind::Request, ms(1000), kClient, kApi, ms(1010), del),
            rec(TraceKind::Handle, ms(1010), kApi, kClient, ms(1010), del),
            rec(TraceKind::StoreWrite, ms(1015), kApi, kStore, ms(1020),
                http(HttpMethod::Delete, Route::JobStatus, 0, JobStatus::Cancelled)),
            applied(ms(1020), kApi, JobStatus::Running, JobStatus::Cancelled),
            rec(TraceKind::Response, ms(1020), kApi, kClient, ms(1030),
                http(HttpMethod::Delete, Route::JobStatus, 204)),
            rec(TraceKind::StoreWrite, ms(3040), kWorkers, kStore, ms(3045),
                state(JobStatus::Completed), 1),
            rec(TraceKind::Request, ms(5000), kClient, kApi, ms(5010), del)};
    const QString m = mermaid(records);
    QVERIFY2(m.contains("    C->>API: [1.000 s] DELETE /jobs/1\n"
                        "    API->>DB: [1.015 s] Update status: Cancelled\n"
                        "    API-->>C: [1.020 s] 204 No Content\n"),
             qPrintable(m));
    QVERIFY2(m.contains("    W->>DB: [3.040 s] Update status: Completed<br>Store result\n"
                        "    Note over DB: [3.045 s] Write refused: the job is Cancelled\n"),
             qPrintable(m));
  }

  void writeStillInFlightAtTheEndIsNotCalledRefused() {
    const std::vector<TraceRecord> records =
        submitted() + std::vector<TraceRecord>{rec(TraceKind::StoreWrite, ms(100), kWorkers, kStore,
                                                   ms(105), state(JobStatus::Running), 1)};
    QVERIFY(!mermaid(records).contains("refused"));
  }

  void pushAfterTheClientGaveUpIsLate() {
    const std::vector<TraceRecord> records =
        submitted() + std::vector<TraceRecord>{
                          rec(TraceKind::Request, ms(30), kClient, kApi, ms(40),
                              http(HttpMethod::Get, Route::Events)),
                          rec(TraceKind::Response, ms(50), kApi, kClient, ms(60),
                              http(HttpMethod::Get, Route::Events, 200)),
                          rec(TraceKind::GiveUp, ms(9000), kClient, kApi),
                          rec(TraceKind::Notify, ms(9500), kApi, kClient, ms(9510),
                              http(HttpMethod::Get, Route::Events, 0, JobStatus::Completed))};
    const QString m = mermaid(records);
    QVERIFY2(m.contains("    API-->>C: [0.050 s] 200 OK<br>Content-Type: text/event-stream\n"
                        "    Note over C: [9.000 s] Gives up on job 1 (timeout)\n"
                        "    API-->>C: [9.500 s] SSE event: job 1 Completed<br>(late: the client "
                        "gave up)\n"),
             qPrintable(m));
  }

  void redeliveryToAnotherInstanceDrawsASecondWorker() {
    const std::vector<TraceRecord> records =
        submitted() + started(ms(30), 1) +
        std::vector<TraceRecord>{rec(TraceKind::Fail, ms(3040), kWorkers, kQueue, ms(3050), {}, 1),
                                 rec(TraceKind::Nack, ms(3050), kQueue, kWorkers, 0, {}, 1),
                                 rec(TraceKind::Requeue, ms(3050), kQueue, kNoComponent)} +
        started(ms(3050), 2, true);
    const QString m = mermaid(records);
    QVERIFY(
        m.contains("    participant W as Backend Worker (workers#35;1)\n"
                   "    participant W2 as Backend Worker (workers#35;2)\n"
                   "    participant DB as"));
    QVERIFY2(m.contains("    W->>MQ: [3.050 s] Nack\n"
                        "    Note over MQ: [3.050 s] Requeued for redelivery\n"
                        "    MQ->>W2: [3.050 s] Deliver job 1 (redelivered)\n"),
             qPrintable(m));
  }

  void workerSkipsAJobCancelledWhileItWaited() {
    const HttpDetail del = http(HttpMethod::Delete, Route::JobStatus);
    const std::vector<TraceRecord> records =
        submitted() +
        std::vector<TraceRecord>{
            rec(TraceKind::Request, ms(100), kClient, kApi, ms(110), del),
            rec(TraceKind::Handle, ms(110), kApi, kClient, ms(110), del),
            rec(TraceKind::StoreWrite, ms(115), kApi, kStore, ms(120),
                http(HttpMethod::Delete, Route::JobStatus, 0, JobStatus::Cancelled)),
            applied(ms(120), kApi, JobStatus::Pending, JobStatus::Cancelled),
            rec(TraceKind::Response, ms(120), kApi, kClient, ms(130),
                http(HttpMethod::Delete, Route::JobStatus, 204, JobStatus::Cancelled)),
            rec(TraceKind::Deliver, ms(500), kQueue, kWorkers, ms(510), {}, 1),
            rec(TraceKind::Process, ms(510), kWorkers, kNoComponent, ms(510), {}, 1),
            rec(TraceKind::Complete, ms(510), kWorkers, kQueue, ms(520), {}, 1),
            rec(TraceKind::Ack, ms(520), kQueue, kWorkers, 0, {}, 1)};
    const QString m = mermaid(records);
    QVERIFY2(m.contains("    MQ->>W: [0.500 s] Deliver job 1\n"
                        "    Note over W: [0.510 s] Skips job 1: it is Cancelled\n"
                        "    W->>MQ: [0.520 s] Ack\n"),
             qPrintable(m));
  }

  void expiryIsANoteOverTheStore() {
    const std::vector<TraceRecord> records =
        submitted() +
        std::vector<TraceRecord>{
            rec(TraceKind::JobState, ms(3600000), kStore, kNoComponent,
                static_cast<SimTime>(JobStatus::Completed), state(JobStatus::Expired)),
            rec(TraceKind::Request, ms(3600100), kClient, kApi, ms(3600110),
                http(HttpMethod::Get, Route::Result)),
            rec(TraceKind::Response, ms(3600120), kApi, kClient, ms(3600130),
                http(HttpMethod::Get, Route::Result, 404))};
    const QString m = mermaid(records);
    QVERIFY2(m.contains("    Note over DB: [3600.000 s] Result expired: job 1 forgotten\n"
                        "    C->>API: [3600.100 s] GET /results/1\n"
                        "    API-->>C: [3600.120 s] 404 Not Found\n"),
             qPrintable(m));
  }

  void textNeverHoldsWhatMermaidReadsAsCommentOrEnd() {
    JourneyContext c = context();
    c.ids[kWorkers] = "work;ers#";
    c.title = "a\ntitle; with #";
    const std::vector<TraceRecord> records = submitted() + started(ms(30));
    const QStringList lines =
        QString::fromStdString(jobJourneyMermaid(c, kJob, records)).split('\n');
    QCOMPARE(lines[1], QString("    %% a title; with #"));  // a comment: to the end of the line
    const QRegularExpression entity("#[0-9]+;");
    for (const QString& line : lines.mid(2)) {
      QString rest = line;
      rest.remove(entity);
      QVERIFY2(!rest.contains('#') && !rest.contains(';'), qPrintable(line));
    }
    QVERIFY(lines.contains("    participant W as Backend Worker (work#59;ers#35;#35;1)"));
  }

  void tableHasARowPerRecordAndASummary() {
    const std::vector<TraceRecord> records =
        submitted() + started(ms(30)) + poll(ms(1030), JobStatus::Running);
    const QStringList lines =
        QString::fromStdString(jobJourneyTable(context(), kJob, records)).split('\n');
    QCOMPARE(lines[0], QString("Job 1 of test (seed 1)"));
    QVERIFY(lines[2].startsWith("time_s  event        from       to         what"));
    QCOMPARE(lines[3],
             QString(" 0.000  request      shop       jobs-api   POST /jobs, arrives 0.010"));
    QVERIFY(lines.contains(" 0.030  deliver      jobs       workers#1  arrives 0.040"));
    QVERIFY(lines.contains(" 0.045  job-state    job-store  workers#1  Pending -> Running"));
    QVERIFY(
        lines.contains(" 1.047  response     jobs-api   shop       200 OK to GET /jobs/1, "
                       "Running, arrives 1.057"));
    QCOMPARE(lines.size(), 3 + int(records.size()) + 3);  // title, gap, header; gap, summary, ""
    QCOMPARE(lines[lines.size() - 2],
             QString("Job 1: 17 records, 1 poll, last state in the store: Running"));
  }

  void secondsTextRoundsToTheMillisecond_data() {
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64{0} << "0.000";
    QTest::newRow("just under half a ms") << qint64{499'999} << "0.000";
    QTest::newRow("half a ms rounds up") << qint64{500'000} << "0.001";
    QTest::newRow("1.2345678 s") << qint64{1'234'567'800} << "1.235";
    QTest::newRow("carries into the seconds") << qint64{999'999'999} << "1.000";
    QTest::newRow("an hour") << qint64{3'600'000'000'000} << "3600.000";
    QTest::newRow("negative") << qint64{-1'500'000} << "-0.002";
  }
  void secondsTextRoundsToTheMillisecond() {
    QFETCH(qint64, ns);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(secondsText(ns)), text);
  }

  void onlyRequestReplyKindsCarryHttpDetail() {
    QVERIFY(isRequestReplyKind(TraceKind::Request));
    QVERIFY(isRequestReplyKind(TraceKind::GiveUp));
    QVERIFY(isRequestReplyKind(TraceKind::JobState));
    QVERIFY(!isRequestReplyKind(TraceKind::Publish));
    QVERIFY(!isRequestReplyKind(TraceKind::Leave));
  }
};

QTEST_APPLESS_MAIN(tst_JobJourney)
#include "tst_jobjourney.moc"
