// Run limits: a scenario that would hold more than a run may (messages, stream records, jobs, HTTP
// requests) stops with LimitReached and a message that names the limit and the remedy, instead of
// exhausting memory; one that stays under them runs to its end. The limits are lowered here so
// that each case takes milliseconds; the defaults are the same code with larger numbers.

#include "RequestReplyFixtures.h"

using namespace brokerlab;
using namespace brokerlab::fixtures;

class tst_RunLimits : public QObject {
  Q_OBJECT

 private slots:
  void defaultsBoundEachCountToMillions() {
    const RunLimits d;
    QCOMPARE(d.liveMessages, std::uint64_t{16'777'216});
    QCOMPARE(d.retainedRecords, std::uint64_t{16'777'216});
    QCOMPARE(d.jobs, std::uint64_t{16'777'216});
    QCOMPARE(d.liveRequests, std::uint64_t{4'194'304});
    QCOMPARE(simulator(flood(0)).limits(), d);
  }

  // 10 messages a second and nobody consuming: the 500th message in the system stops the run at
  // about 50 s, with everything published still accounted for.
  void unboundedBacklogStopsAtTheMessageLimit() {
    Simulator sim = simulator(flood(0));
    sim.setLimits(limits(500, kBig, kBig, kBig));
    QCOMPARE(sim.run(), StopReason::LimitReached);
    QCOMPARE(sim.messages().live(), std::size_t{500});
    QCOMPARE(sim.ledger().published, 500u);
    QVERIFY(sim.ledger().balanced());
    QVERIFY2(sim.now() >= 49 * kSecond && sim.now() <= 50 * kSecond,
             qPrintable(QString::number(sim.now())));
    const std::string& why = sim.limitReached();
    QVERIFY2(why.find("500 messages in the system at once") != std::string::npos, why.c_str());
    QVERIFY2(why.find("the most a run may hold is 500") != std::string::npos, why.c_str());
    QVERIFY2(why.find("max_length") != std::string::npos, why.c_str());
    QVERIFY2(why.find("t = 49.") != std::string::npos || why.find("t = 50.") != std::string::npos,
             why.c_str());
    QVERIFY(sim.violation().empty());
  }

  // The run cannot go on, and a checkpoint taken there carries the stop.
  void aReachedLimitIsStickyAndCopied() {
    Simulator sim = simulator(flood(0));
    sim.setLimits(limits(100, kBig, kBig, kBig));
    QCOMPARE(sim.run(), StopReason::LimitReached);
    const std::uint64_t events = sim.eventsProcessed();
    Simulator copy = sim;
    QVERIFY(copy == sim);
    QCOMPARE(sim.runUntil(sim.model().duration), StopReason::LimitReached);
    QCOMPARE(copy.runUntil(sim.model().duration), StopReason::LimitReached);
    QCOMPARE(sim.eventsProcessed(), events);
    QCOMPARE(copy.limitReached(), sim.limitReached());
  }

  // The run asks for the limits only after an event that grew a bounded count; a limit lowered
  // between runs below what the run holds already must still stop it after its next event, even
  // one that adds nothing: here a broker's receive into the full drop-head queue (it drops the
  // head), found by trying each next event on a copy.
  void aLimitLoweredBetweenRunsStopsTheNextEvent() {
    Simulator sim = simulator(flood(100));
    QCOMPARE(sim.runUntil(60 * kSecond), StopReason::ReachedTime);
    bool found = false;
    for (int i = 0; i < 100 && !found; ++i) {
      Simulator probe = sim;
      QCOMPARE(probe.runUntil(sim.model().duration, 1), StopReason::EventBudget);
      found = probe.ledger().published == sim.ledger().published &&
              probe.messages().live() <= sim.messages().live();
      if (!found) sim = probe;
    }
    QVERIFY(found);
    const std::size_t held = sim.messages().live();
    QVERIFY2(held >= 100, qPrintable(QString::number(held)));
    const std::uint64_t events = sim.eventsProcessed();
    sim.setLimits(limits(held - 10, kBig, kBig, kBig));
    QCOMPARE(sim.runUntil(sim.model().duration), StopReason::LimitReached);
    QCOMPARE(sim.eventsProcessed(), events + 1);
    QVERIFY(sim.limitReached().find("messages in the system at once") != std::string::npos);
  }

  // The same producer into a queue bounded by max_length runs to its end under the same limit:
  // what counts is what the run holds, not what it has published.
  void aBoundedQueueRunsToItsEnd() {
    Simulator sim = simulator(flood(100));
    sim.setLimits(limits(500, kBig, kBig, kBig));
    QCOMPARE(sim.run(), StopReason::ReachedTime);
    QVERIFY(sim.limitReached().empty());
    QCOMPARE(sim.ledger().published, 1800u);  // 10/s for 180 s
    QVERIFY(sim.messages().live() <= 101);
  }

  void unretainedStreamStopsAtTheRecordLimit() {
    Scenario s = scenario(60 * kSecond);
    s.components = {producer("p", "log", 100 * kMillisecond, 0), stream("log", 3)};
    Simulator sim = simulator(s);
    sim.setLimits(limits(kBig, 200, kBig, kBig));
    QCOMPARE(sim.run(), StopReason::LimitReached);
    QCOMPARE(sim.retainedRecords(), 200u);
    QCOMPARE(sim.streams()[0].appended, 200u);
    QVERIFY2(sim.limitReached().find("200 records retained in streams") != std::string::npos,
             sim.limitReached().c_str());
    QVERIFY(sim.limitReached().find("retention") != std::string::npos);
  }

  // With retention the log stays about two seconds long: 60 s of records pass under a limit of 100.
  void retentionKeepsAStreamUnderTheLimit() {
    Scenario s = scenario(60 * kSecond);
    ComponentSpec log = stream("log", 1);
    log.retention = 2 * kSecond;
    log.segmentBytes = 1000;
    ComponentSpec p = producer("p", "log", 100 * kMillisecond, 0);
    p.sizeBytes = 100;
    s.components = {p, log};
    Simulator sim = simulator(s);
    sim.setLimits(limits(kBig, 100, kBig, kBig));
    QCOMPARE(sim.run(), StopReason::ReachedTime);
    QVERIFY(sim.streams()[0].appended >= 599);
    QCOMPARE(sim.retainedRecords(),
             sim.streams()[0].appended - sim.streams()[0].deletedByRetention);
    QVERIFY(sim.retainedRecords() < 100);
  }

  void requestReplyStopsAtTheJobLimit() {
    RequestReplyStack stack;
    stack.every = 100 * kMillisecond;
    stack.jobs = 0;  // no count: submit until the run ends
    Simulator sim = simulator(stack.build(60 * kSecond));
    sim.setLimits(limits(kBig, kBig, 40, kBig));
    QCOMPARE(sim.run(), StopReason::LimitReached);
    QCOMPARE(sim.jobs().size(), std::size_t{40});
    QVERIFY2(sim.limitReached().find("40 request-reply jobs") != std::string::npos,
             sim.limitReached().c_str());
  }

  // Polls every 10 ms from a client submitting 20 jobs a second, against an API with one slot and
  // 50 ms of work per request: requests pile up in the API's wait list.
  void anOverwhelmedApiStopsAtTheRequestLimit() {
    RequestReplyStack stack;
    stack.every = 50 * kMillisecond;
    stack.jobs = 0;
    stack.pollInterval = 10 * kMillisecond;
    stack.concurrency = 1;
    stack.apiService = 50 * kMillisecond;
    Simulator sim = simulator(stack.build(60 * kSecond));
    sim.setLimits(limits(kBig, kBig, kBig, 300));
    QCOMPARE(sim.run(), StopReason::LimitReached);
    QVERIFY2(sim.limitReached().find("300 HTTP requests in flight") != std::string::npos,
             sim.limitReached().c_str());
    QVERIFY(sim.limitReached().find("max_waiting") != std::string::npos);
  }

 private:
  static constexpr std::uint64_t kBig = std::uint64_t{1} << 40;

  static RunLimits limits(std::uint64_t messages, std::uint64_t records, std::uint64_t jobs,
                          std::uint64_t requests) {
    RunLimits l;
    l.liveMessages = messages;
    l.retainedRecords = records;
    l.jobs = jobs;
    l.liveRequests = requests;
    return l;
  }

  // A producer sending every 100 ms for three minutes into a queue nobody reads; `maxLength` > 0
  // bounds the queue with drop-head.
  static Scenario flood(std::uint64_t maxLength) {
    Scenario s = scenario(180 * kSecond);
    ComponentSpec q = queue("q");
    if (maxLength) q.maxLength = maxLength;
    s.components = {producer("p", "q", 100 * kMillisecond, 0), q};
    return s;
  }
};

QTEST_GUILESS_MAIN(tst_RunLimits)
#include "tst_runlimits.moc"
