// Faults: what a crash, a spike, a slow consumer, poison, a partitioned link and scaling do, with
// exact counts on small deterministic cases.

#include "RequestReplyFixtures.h"
#include "metrics/Report.h"
#include "sim/JobLedger.h"

#include <QtTest>

#include <cmath>
#include <set>

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

FaultSpec fault(FaultKind kind, std::string target, SimTime at) {
  FaultSpec f;
  f.kind = kind;
  f.target = std::move(target);
  f.at = at;
  return f;
}

// 10 messages, one every 100 ms from t = 100 ms; a consumer taking 1 s each, prefetch 5. At
// 2.5 s it has finished two, is processing the third and holds four more.
Scenario crashScenario(AckMode ack) {
  Scenario s = scenario(secs(60));
  ComponentSpec worker = consumer("workers", "jobs", kSecond, 1, 5, ack);
  worker.heartbeat = 5 * kSecond;
  s.components = {producer("producer", "jobs", 100 * kMillisecond, 10), queue("jobs"), worker};
  FaultSpec crash = fault(FaultKind::Crash, "workers#1", 2500 * kMillisecond);
  crash.restartAfter = 10 * kSecond;
  s.faults = {crash};
  return s;
}

void expectConserved(const Simulator& sim) {
  QVERIFY(sim.ledger().balanced());
  QCOMPARE(QString::fromStdString(sim.ledger().recount(sim.messages())), QString());
}

}  // namespace

class FaultsTest : public QObject {
  Q_OBJECT
 private slots:
  void crashWithManualAckLosesNothing();
  void crashWithAutoAckLosesWhatItHeld();
  void anotherInstanceTakesTheOrphans();
  void crashedStreamConsumerIsReplacedAndReReads();
  void crashedWorkerJobIsRedelivered();
  void spikeMultipliesTheRate();
  void spikeDrainsInBacklogOverSpareCapacity();
  void slowMultipliesServiceTime();
  void poisonEndsInTheDeadLetterQueue();
  void scaleOutAndIn();
  void partitionOfAConsumerLinkHolds();
  void partitionHoldsAndDegradeDelays();
  void lossyPartitionDropsWhatConfirmsDoNotResend_data();
  void lossyPartitionDropsWhatConfirmsDoNotResend();
  void lossyPartitionDropsAboutItsFraction();
  void dropHeadRestoresMaxLengthAfterRequeues();
  void brokerRestartKeepsDurableLosesTransient();
  void liveFaultReplaysAsAScenarioFault();
  void liveFaultBetweenSimultaneousEventsReplays();
  void rejectedLiveFaultChangesNothing();
  void checkpointThroughACrash();
};

void FaultsTest::crashWithManualAckLosesNothing() {
  Simulator sim = simulator(crashScenario(AckMode::Manual));
  const auto all = runTraced(sim, secs(60));
  QCOMPARE(only(all, TraceKind::Crash).size(), std::size_t{1});
  const auto requeued = only(all, TraceKind::Requeue);
  QCOMPARE(requeued.size(), std::size_t{5});
  for (std::size_t i = 0; i < 5; ++i) {
    QCOMPARE(requeued[i].time, 7500 * kMillisecond);      // when the heartbeat ran out
    QCOMPARE(requeued[i].message, std::uint64_t{7 - i});  // latest first: 3 ends up at the head
  }
  // Redelivered exactly on the redeliveries, in the original order, after the restart at 12.5 s.
  std::vector<std::uint64_t> redelivered;
  for (const TraceRecord& r : only(all, TraceKind::Deliver))
    if (r.redelivered) {
      redelivered.push_back(r.message);
      QVERIFY(r.time >= 12500 * kMillisecond);
    }
  QCOMPARE(redelivered, (std::vector<std::uint64_t>{3, 4, 5, 6, 7}));
  QCOMPARE(counters(sim).redelivered, std::uint64_t{5});
  QCOMPARE(counters(sim).acked, std::uint64_t{10});
  QCOMPARE(outcome(sim, Outcome::LostConsumerCrash), std::uint64_t{0});
  QCOMPARE(sim.consumers()[0].requeuedAfterCrash, std::uint64_t{5});
  expectConserved(sim);
}

void FaultsTest::crashWithAutoAckLosesWhatItHeld() {
  Simulator sim = simulator(crashScenario(AckMode::Auto));
  const auto all = runTraced(sim, secs(60));
  // Auto ack ignores prefetch: by 2.5 s all ten were delivered; two were done.
  QCOMPARE(outcome(sim, Outcome::Consumed), std::uint64_t{2});
  QCOMPARE(outcome(sim, Outcome::LostConsumerCrash), std::uint64_t{8});
  QCOMPARE(only(all, TraceKind::Lost).size(), std::size_t{8});
  QCOMPARE(only(all, TraceKind::Requeue).size(), std::size_t{0});
  QCOMPARE(sim.consumers()[0].lostInCrash, std::uint64_t{8});
  expectConserved(sim);
}

void FaultsTest::anotherInstanceTakesTheOrphans() {
  Scenario s = crashScenario(AckMode::Manual);
  component(s, "workers").instances = 2;
  s.faults[0].restartAfter.reset();
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(60));
  for (const TraceRecord& r : only(all, TraceKind::Deliver))
    if (r.time > 2500 * kMillisecond) QCOMPARE(r.instance, std::uint16_t{2});
  QCOMPARE(counters(sim).acked, std::uint64_t{10});
  QVERIFY(counters(sim).redelivered > 0);
  QCOMPARE(only(all, TraceKind::Recover).size(), std::size_t{0});
  expectConserved(sim);
}

void FaultsTest::crashedStreamConsumerIsReplacedAndReReads() {
  Scenario s = scenario(secs(120));
  ComponentSpec log = ComponentSpec::make("log", ComponentKind::Stream);
  log.partitions = 4;
  ComponentSpec readers = consumer("readers", "log", 50 * kMillisecond, 2, 10);
  readers.startPosition = StartPosition::Earliest;
  readers.rebalancePause = 1 * kSecond;
  readers.heartbeat = 10 * kSecond;
  s.components = {producer("producer", "log", 20 * kMillisecond, 2000), log, readers};
  s.faults = {fault(FaultKind::Crash, "readers#1", secs(12))};
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(120));
  const GroupState& g = sim.groups()[0];
  QVERIFY(g.duplicates > 0);                 // re-read from the last commit
  QVERIFY(g.duplicates <= 2 * 5 * 50 + 10);  // at most ~5 s of both partitions' records
  QCOMPARE(g.rebalances, std::uint64_t{2});  // the join, then the detection
  QVERIFY(outcome(sim, Outcome::ReadAbandoned) > 0);
  for (const GroupPartition& gp : g.partitions) {
    QCOMPARE(gp.owner, std::uint32_t{1});  // readers#2 owns everything after the rebalance
    QCOMPARE(gp.processedHigh, std::uint64_t{500});
  }
  // Between the crash and its detection the crashed instance's partitions stood still.
  for (const TraceRecord& r : only(all, TraceKind::Complete))
    if (r.time > secs(12) && r.time < secs(22)) QCOMPARE(r.instance, std::uint16_t{2});
  expectConserved(sim);
}

void FaultsTest::crashedWorkerJobIsRedelivered() {
  RequestReplyStack st;
  st.workers = 2;
  st.work = 4 * kSecond;
  Scenario s = st.build(secs(120));
  component(s, "worker").heartbeat = 2 * kSecond;
  s.faults = {fault(FaultKind::Crash, "worker#1", 12 * kSecond)};
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(120));
  // Worker 1 took the job at 10.01 s and died; worker 2 got it again at 14 s.
  QCOMPARE(jobsIn(sim, JobStatus::Completed), std::uint64_t{1});
  QCOMPARE(outcomeCount(sim, ClientOutcome::Result), std::uint64_t{1});
  QCOMPARE(counters(sim).redelivered, std::uint64_t{1});
  QCOMPARE(sim.stores()[0].refusedWrites, std::uint64_t{1});  // the second Running
  QCOMPARE(QString::fromStdString(checkJobs(sim)), QString());
  expectConserved(sim);
}

void FaultsTest::spikeMultipliesTheRate() {
  Scenario s = scenario(secs(30));
  s.components = {producer("producer", "jobs", 100 * kMillisecond, 0), queue("jobs"),
                  consumer("workers", "jobs", kMillisecond)};
  FaultSpec spike = fault(FaultKind::Spike, "producer", secs(10));
  spike.factor = 4;
  spike.duration = 5 * kSecond;
  s.faults = {spike};
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(30));
  std::size_t before = 0, during = 0, after = 0;
  for (const TraceRecord& r : only(all, TraceKind::Publish)) {
    if (r.time > secs(5) && r.time <= secs(10)) ++before;
    if (r.time > secs(10) && r.time <= secs(15)) ++during;
    if (r.time > secs(20) && r.time <= secs(25)) ++after;
  }
  QCOMPARE(before, std::size_t{50});
  QVERIFY(during >= 199 && during <= 200);
  QCOMPARE(after, std::size_t{50});
  QCOMPARE(only(all, TraceKind::FaultEnd).size(), std::size_t{1});
}

// The broker absorbs a spike; afterwards the backlog B drains at the spare capacity c mu - lambda,
// in about B / (c mu - lambda). Averaged over seeds, within 10%.
void FaultsTest::spikeDrainsInBacklogOverSpareCapacity() {
  const double lambda = 8, mu = 5, c = 2;
  double measured = 0, predicted = 0;
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    Scenario s = scenario(secs(1200));
    ComponentSpec p = ComponentSpec::make("producer", ComponentKind::Producer);
    p.target = "jobs";
    p.rate = lambda;
    ComponentSpec workers = consumer("workers", "jobs", 0, 2);
    workers.service = Distribution::exponential(static_cast<SimTime>(1e9 / mu));
    s.components = {p, queue("jobs"), workers};
    FaultSpec spike = fault(FaultKind::Spike, "producer", secs(60));
    spike.factor = 3;
    spike.duration = secs(60);
    s.faults = {spike};
    Simulator sim = simulator(s, seed);
    RUN_UNTIL(sim, secs(120));
    const double backlog = sim.queues()[0].ready.size();
    while (sim.queues()[0].ready.size() > 0) RUN_UNTIL(sim, sim.now() + 100 * kMillisecond);
    measured += toSeconds(sim.now()) - 120;
    predicted += backlog / (c * mu - lambda);
  }
  QVERIFY2(
      std::abs(measured / predicted - 1) < 0.10,
      qPrintable(QString("drained in %1 s, predicted %2 s").arg(measured / 8).arg(predicted / 8)));
}

void FaultsTest::slowMultipliesServiceTime() {
  Scenario s = scenario(secs(60));
  s.components = {producer("producer", "jobs", kSecond, 0), queue("jobs"),
                  consumer("workers", "jobs", 100 * kMillisecond)};
  FaultSpec slow = fault(FaultKind::Slow, "workers", secs(10));
  slow.factor = 5;
  slow.duration = secs(10);
  s.faults = {slow};
  Simulator sim = simulator(s);
  for (const TraceRecord& r : only(runTraced(sim, secs(60)), TraceKind::Process)) {
    const bool slowed = r.time >= secs(10) && r.time < secs(20);
    QCOMPARE(r.aux - r.time, (slowed ? 500 : 100) * kMillisecond);
  }
}

void FaultsTest::poisonEndsInTheDeadLetterQueue() {
  Scenario s = scenario(secs(60));
  ComponentSpec jobs = queue("jobs");
  jobs.maxDeliveries = 3;
  jobs.deadLetter = "dlq";
  s.components = {producer("producer", "jobs", kSecond, 20), jobs, queue("dlq"),
                  consumer("workers", "jobs", 10 * kMillisecond)};
  FaultSpec poison = fault(FaultKind::Poison, "producer", 4500 * kMillisecond);
  poison.fraction = 1.0;
  poison.duration = 5 * kSecond;  // messages 5 to 9
  s.faults = {poison};
  Simulator sim = simulator(s);
  runTraced(sim, secs(60));
  QCOMPARE(sim.producers()[0].poisoned, std::uint64_t{5});
  QCOMPARE(counters(sim, 1).enqueued, std::uint64_t{5});  // in the dead-letter queue
  QCOMPARE(counters(sim).nacked, std::uint64_t{15});      // three tries each
  QCOMPARE(counters(sim).acked, std::uint64_t{15});
  expectConserved(sim);
}

void FaultsTest::scaleOutAndIn() {
  Scenario s = scenario(secs(100));
  s.components = {producer("producer", "jobs", 100 * kMillisecond, 0), queue("jobs"),
                  consumer("workers", "jobs", 400 * kMillisecond, 1)};
  FaultSpec out = fault(FaultKind::Scale, "workers", secs(20));
  out.instances = 8;
  FaultSpec in = fault(FaultKind::Scale, "workers", secs(60));
  in.instances = 2;
  s.faults = {out, in};
  Simulator sim = simulator(s);
  RUN_UNTIL(sim, secs(20));
  const std::uint64_t backlog = sim.queues()[0].ready.size();
  QVERIFY(backlog > 100);  // one instance does 2.5/s against 10/s
  RUN_UNTIL(sim, secs(59));
  QVERIFY(sim.queues()[0].ready.size() < 5);  // eight do 20/s: drained
  RUN_UNTIL(sim, secs(100));
  QVERIFY(sim.queues()[0].ready.size() > 100);  // two do 5/s: it grows again
  // Leaving instances finished what they held: nothing is lost or orphaned.
  QCOMPARE(inState(sim, MessageState::Orphaned), std::uint64_t{0});
  // Busy time over the instance-time actually in service (1x20 s + 8x40 s + 2x40 s), about
  // (20 + 8 x 27.5 + 80) / 420; against all eight slots it would be half that.
  const double utilization = buildReport(sim).consumers[0].utilization;
  QVERIFY2(utilization > 0.7 && utilization < 0.82, qPrintable(QString::number(utilization)));
  expectConserved(sim);
}

// A partition of a consumer's link holds deliveries (and its acks) until it heals, in order.
void FaultsTest::partitionOfAConsumerLinkHolds() {
  Scenario s = scenario(secs(30));
  s.networkLatency = Distribution::constant(10 * kMillisecond);
  s.components = {producer("producer", "jobs", kSecond, 0), queue("jobs"),
                  consumer("workers", "jobs", kMillisecond)};
  FaultSpec cut = fault(FaultKind::Partition, "workers", 4500 * kMillisecond);
  cut.duration = 5 * kSecond;
  s.faults = {cut};
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(30));
  std::size_t held = 0;
  for (const TraceRecord& r : only(all, TraceKind::Deliver)) {
    const bool during = r.time >= 4500 * kMillisecond && r.time < 9500 * kMillisecond;
    if (during) ++held;
    QCOMPARE(r.aux, during ? 9510 * kMillisecond : r.time + 10 * kMillisecond);
  }
  QCOMPARE(held, std::size_t{1});  // 5 s's message; with prefetch 1 the rest wait for its ack
  for (const TraceRecord& r : only(all, TraceKind::Receive))
    QVERIFY(r.time < 4500 * kMillisecond || r.time >= 9500 * kMillisecond);
  QCOMPARE(counters(sim).acked, std::uint64_t{29});  // the one sent at 30 s is still on its way
  expectConserved(sim);
}

void FaultsTest::partitionHoldsAndDegradeDelays() {
  Scenario s = scenario(secs(60));
  s.networkLatency = Distribution::constant(10 * kMillisecond);
  s.components = {producer("producer", "jobs", kSecond, 0), queue("jobs"),
                  consumer("workers", "jobs", kMillisecond)};
  FaultSpec cut = fault(FaultKind::Partition, "producer", 4500 * kMillisecond);
  cut.duration = 5 * kSecond;
  FaultSpec slowLink = fault(FaultKind::Degrade, "workers", secs(30));
  slowLink.factor = 20;
  slowLink.duration = secs(10);
  s.faults = {cut, slowLink};
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(60));
  for (const TraceRecord& r : only(all, TraceKind::Publish)) {
    const bool held = r.time > 4500 * kMillisecond && r.time < 9500 * kMillisecond;
    QCOMPARE(r.aux, held ? 9510 * kMillisecond : r.time + 10 * kMillisecond);
  }
  for (const TraceRecord& r : only(all, TraceKind::Deliver)) {
    const bool degraded = r.time >= secs(30) && r.time < secs(40);
    QCOMPARE(r.aux - r.time, (degraded ? 200 : 10) * kMillisecond);
  }
  QCOMPARE(counters(sim).published, std::uint64_t{59});
  expectConserved(sim);
}

// A partition at 4.5 s for 5 s that drops every publish: the messages of 5, 6, 7, 8 and 9 s.
// Without confirms they are lost; with confirms the producer sends them again and they land when
// the link heals, like held messages.
void FaultsTest::lossyPartitionDropsWhatConfirmsDoNotResend_data() {
  QTest::addColumn<bool>("confirm");
  QTest::newRow("fire and forget") << false;
  QTest::newRow("publisher confirms") << true;
}

void FaultsTest::lossyPartitionDropsWhatConfirmsDoNotResend() {
  QFETCH(bool, confirm);
  Scenario s = scenario(secs(60));
  s.networkLatency = Distribution::constant(10 * kMillisecond);
  ComponentSpec p = producer("producer", "jobs", kSecond, 0);
  p.confirm = confirm;
  s.components = {p, queue("jobs"), consumer("workers", "jobs", kMillisecond)};
  FaultSpec cut = fault(FaultKind::Partition, "producer", 4500 * kMillisecond);
  cut.duration = 5 * kSecond;
  cut.fraction = 1;
  s.faults = {cut};
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(60));
  QCOMPARE(sim.producers()[0].sent, std::uint64_t{60});  // the one sent at 60 s is still on its way
  QCOMPARE(sim.producers()[0].droppedByPartition, std::uint64_t{5});
  QCOMPARE(outcome(sim, Outcome::LostPartition), std::uint64_t{confirm ? 0u : 5u});
  QCOMPARE(outcome(sim, Outcome::Acked), std::uint64_t{confirm ? 59u : 54u});
  const auto lost = only(all, TraceKind::Lost);
  QCOMPARE(lost.size(), std::size_t{confirm ? 0u : 5u});
  for (const TraceRecord& r : lost) {
    QVERIFY(r.time >= secs(5) && r.time <= secs(9));
    QCOMPARE(r.aux, static_cast<SimTime>(Outcome::LostPartition));
  }
  for (const TraceRecord& r : only(all, TraceKind::Publish)) {
    if (r.time < secs(5) || r.time > secs(9)) continue;
    QCOMPARE(r.aux, confirm ? 9510 * kMillisecond : r.time);  // sent again at the heal, or never
  }
  expectConserved(sim);
}

// Every 10 ms through a 10 s partition that drops half: about 500 of its 1,000 publishes, drawn
// from the producer's own stream (so the same seed drops the same ones).
void FaultsTest::lossyPartitionDropsAboutItsFraction() {
  Scenario s = scenario(secs(30));
  s.components = {producer("producer", "jobs", 10 * kMillisecond, 0), queue("jobs"),
                  consumer("workers", "jobs", kMillisecond)};
  FaultSpec cut = fault(FaultKind::Partition, "producer", secs(10));
  cut.duration = secs(10);
  cut.fraction = 0.5;
  s.faults = {cut};
  Simulator sim = simulator(s);
  QCOMPARE(sim.run(), StopReason::ReachedTime);
  const std::uint64_t lost = outcome(sim, Outcome::LostPartition);
  QVERIFY2(lost >= 430 && lost <= 570, qPrintable(QString::number(lost)));
  QCOMPARE(sim.producers()[0].droppedByPartition, lost);
  Simulator again = simulator(s);
  RUN(again);
  QCOMPARE(outcome(again, Outcome::LostPartition), lost);
  expectConserved(sim);
}

// Requeued orphans take a drop-head queue above max_length: as RabbitMQ 3.10.8 does, it drops
// from the head at once, and the returned messages, now at the head, are the ones dropped.
void FaultsTest::dropHeadRestoresMaxLengthAfterRequeues() {
  Scenario s = scenario(secs(30));
  ComponentSpec jobs = queue("jobs");
  jobs.maxLength = 3;
  ComponentSpec workers = consumer("workers", "jobs", secs(100), 1, 5);
  workers.heartbeat = kSecond;
  ComponentSpec late = producer("late", "jobs", kSecond, 1);
  late.start = 2 * kSecond;
  s.components = {producer("producer", "jobs", 100 * kMillisecond, 5), late, jobs, workers};
  s.faults = {fault(FaultKind::Crash, "workers", kSecond)};
  Simulator sim = simulator(s);
  RUN_UNTIL(sim, 2500 * kMillisecond);
  // the five orphans came back at 2 s: the two earliest were dropped at once
  QCOMPARE(sim.queues()[0].ready.size(), 3u);
  QCOMPARE(sim.messages()[sim.queues()[0].ready.front()].serial, 3u);
  QCOMPARE(counters(sim).dropped, std::uint64_t{2});
  QCOMPARE(outcome(sim, Outcome::DroppedOverflow), std::uint64_t{2});
  RUN_UNTIL(sim, secs(30));  // the late message pushes out one more
  QCOMPARE(sim.queues()[0].ready.size(), 3u);
  QCOMPARE(counters(sim).dropped, std::uint64_t{3});
  expectConserved(sim);
}

// 40 messages to each queue, one every 500 ms; consumers take 1 s each with prefetch 2. The
// broker restarts at 10.25 s for 5 s. By then 9 of each were acked, 2 were held by each consumer
// and 9 waited in each queue; 10 more are sent while the broker is down.
void FaultsTest::brokerRestartKeepsDurableLosesTransient() {
  Scenario s = scenario(secs(120));
  ComponentSpec orders = producer("orders-api", "orders", 500 * kMillisecond, 40);
  orders.confirm = true;
  ComponentSpec cache = queue("cache");
  cache.durable = false;
  s.components = {orders,
                  producer("cache-feed", "cache", 500 * kMillisecond, 40),
                  queue("orders"),
                  cache,
                  consumer("order-workers", "orders", kSecond, 1, 2),
                  consumer("cache-workers", "cache", kSecond, 1, 2)};
  FaultSpec restart = fault(FaultKind::Restart, "broker", 10250 * kMillisecond);
  restart.duration = 5 * kSecond;
  s.faults = {restart};
  Simulator sim = simulator(s);
  const auto all = runTraced(sim, secs(120));
  // Durable queue, confirming publisher: nothing lost; the two held come back redelivered; the
  // ten unconfirmed are sent again.
  QCOMPARE(counters(sim, 0).acked, std::uint64_t{40});
  QCOMPARE(counters(sim, 0).redelivered, std::uint64_t{2});
  // Transient queue, no confirms: 9 ready + 2 held + 10 sent while down are lost.
  QCOMPARE(counters(sim, 1).acked, std::uint64_t{19});
  QCOMPARE(outcome(sim, Outcome::LostBrokerRestart), std::uint64_t{21});
  QCOMPARE(only(all, TraceKind::Lost).size(), std::size_t{21});
  for (const TraceRecord& r : only(all, TraceKind::Deliver))
    QVERIFY(r.time < 10250 * kMillisecond || r.time >= 15250 * kMillisecond);
  expectConserved(sim);
}

// A fault applied live is the same run as the scenario with that fault at that time.
void FaultsTest::liveFaultReplaysAsAScenarioFault() {
  Scenario s = crashScenario(AckMode::Manual);
  const FaultSpec planned = s.faults[0];
  s.faults.clear();
  Simulator live = simulator(s);
  RUN_UNTIL(live, planned.at);
  FaultSpec now = planned;
  now.at = 0;  // ignored: a live fault happens now
  QCOMPARE(QString::fromStdString(live.injectFault(now)), QString());
  QCOMPARE(live.liveFaults().size(), std::size_t{1});
  QCOMPARE(live.liveFaults()[0].at, planned.at + 1);  // the first free instant after now
  RUN(live);

  s.faults = live.liveFaults();
  Simulator replay = simulator(s);
  RUN(replay);
  QCOMPARE(replay.traceHash(), live.traceHash());
  QCOMPARE(counters(replay).redelivered, std::uint64_t{5});

  FaultSpec bad = fault(FaultKind::Crash, "nobody", 0);
  QVERIFY(!live.injectFault(bad).empty());
  QCOMPARE(live.liveFaults().size(), std::size_t{1});
}

// With zero latency a publish at 2 s sets off a chain of events at that same instant. Stopped
// after the first of them (a step), a live crash must still replay: it waits for the instant's
// remaining events and starts at the first free nanosecond after, which a scenario fault at that
// time does too (a scenario fault at 2 s itself would run before the publish).
void FaultsTest::liveFaultBetweenSimultaneousEventsReplays() {
  Scenario s = scenario(secs(30));
  s.components = {producer("producer", "jobs", 500 * kMillisecond, 0), queue("jobs"),
                  consumer("workers", "jobs", 700 * kMillisecond, 2, 3)};
  Simulator live = simulator(s);
  live.runUntil(2 * kSecond - 1);
  const std::uint64_t before = live.eventsProcessed();
  QCOMPARE(live.runUntil(s.duration, 1), StopReason::EventBudget);  // the emit at 2 s, alone
  QCOMPARE(live.now(), 2 * kSecond);
  QCOMPARE(live.eventsProcessed(), before + 1);
  QVERIFY(live.invariantViolation().empty());
  QCOMPARE(QString::fromStdString(live.injectFault(fault(FaultKind::Crash, "workers#2", 0))),
           QString());
  QVERIFY(live.eventsProcessed() > before + 1);  // the rest of the instant ran first
  QCOMPARE(live.liveFaults()[0].at, 2 * kSecond + 1);
  live.run();

  s.faults = live.liveFaults();
  Simulator replay = simulator(s);
  replay.run();
  QCOMPARE(replay.traceHash(), live.traceHash());
}

void FaultsTest::rejectedLiveFaultChangesNothing() {
  Simulator sim = simulator(crashScenario(AckMode::Manual));
  sim.runUntil(kSecond);
  const Simulator before = sim;
  QVERIFY(!sim.injectFault(fault(FaultKind::Slow, "nobody", 0)).empty());
  FaultSpec tooMany = fault(FaultKind::Scale, "workers", 0);
  tooMany.instances = 50;
  QVERIFY(!sim.injectFault(tooMany).empty());
  QVERIFY(sim == before);  // not even the clock moved
}

void FaultsTest::checkpointThroughACrash() {
  Simulator a = simulator(crashScenario(AckMode::Manual));
  RUN_UNTIL(a, 5 * kSecond);  // crashed, not yet detected: orphans and tombstones exist
  QVERIFY(a.ledger().inState[static_cast<std::size_t>(MessageState::Orphaned)] > 0);
  Simulator b = a;
  RUN(a);
  RUN(b);
  QVERIFY(a == b);
}

QTEST_APPLESS_MAIN(FaultsTest)
#include "tst_faults.moc"
