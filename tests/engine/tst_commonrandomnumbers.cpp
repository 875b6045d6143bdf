// Common random numbers: every random draw comes from a stream of its own component, seeded from
// (scenario seed, component id), so two scenarios that differ in one component draw the same
// numbers everywhere else. A comparison of two designs (ui/compare) rests on this: with the same
// seed the components the edit did not touch must do exactly what they did, record for record.
// Where a component reacts to another (competing consumers of one queue, a request-reply client
// that polls) its records can differ for a reason that is not randomness; the last cases pin which.

#include "EngineFixtures.h"

#include "model/Http.h"

#include <map>

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

struct Run {
  std::shared_ptr<const Model> model;
  std::vector<TraceRecord> records;

  std::uint32_t index(const std::string& id) const {
    for (std::uint32_t c = 0; c < model->components.size(); ++c)
      if (model->components[c].id == id) return c;
    qFatal("no component %s", id.c_str());
  }
  // Every record of a component (the records that happen at it: component == it).
  std::vector<TraceRecord> of(const std::string& id, std::optional<TraceKind> kind = {}) const {
    const std::uint32_t c = index(id);
    std::vector<TraceRecord> out;
    for (const TraceRecord& r : records)
      if (r.component == c && (!kind || r.kind == *kind)) out.push_back(r);
    return out;
  }
};

Run runAll(const Scenario& s, std::uint64_t seed) {
  Simulator sim = simulator(s, seed);
  Run run;
  run.records = runTraced(sim, sim.model().duration);
  ModelBuildResult built = buildModel(s, seed);
  run.model = std::make_shared<const Model>(std::move(*built.model));
  return run;
}

ComponentSpec& component(Scenario& s, const std::string& id) {
  for (ComponentSpec& c : s.components)
    if (c.id == id) return c;
  qFatal("no component %s", id.c_str());
}

// Two independent pipelines with random arrivals, service and link latencies.
Scenario twoPipelines() {
  Scenario s = scenario(2 * kMinute);
  s.networkLatency = Distribution::exponential(2 * kMillisecond);
  for (const char* n : {"1", "2"}) {
    ComponentSpec p = producer(std::string("producer") + n, std::string("queue") + n, 0, 0);
    p.interarrival = Distribution::exponential(50 * kMillisecond);
    s.components.push_back(p);
    s.components.push_back(queue(std::string("queue") + n));
    ComponentSpec c = consumer(std::string("consumer") + n, std::string("queue") + n, 0, 3);
    c.service = Distribution::exponential(120 * kMillisecond);
    c.failureProbability = 0.05;
    s.components.push_back(c);
  }
  return s;
}

// Records of request `method` sent by `client` (its POSTs are its submissions).
std::vector<TraceRecord> requests(const Run& run, const std::string& client, HttpMethod method) {
  std::vector<TraceRecord> out;
  for (const TraceRecord& r : run.of(client, TraceKind::Request))
    if (HttpDetail::unpack(r.partition).method == method) out.push_back(r);
  return out;
}

std::vector<SimTime> times(const std::vector<TraceRecord>& records) {
  std::vector<SimTime> out;
  for (const TraceRecord& r : records) out.push_back(r.time);
  return out;
}

}  // namespace

class tst_CommonRandomNumbers : public QObject {
  Q_OBJECT

 private slots:
  // The bundled work queue against a copy with a fourth, faster worker: the producer publishes
  // at the same instants, the same messages with the same arrival times; the workers differ.
  void changedConsumerLeavesTheProducerAlone() {
    const Scenario a = bundledScenario(QStringLiteral("work-queue.json"));
    Scenario b = a;
    component(b, "workers").instances = 4;
    component(b, "workers").service = Distribution::exponential(90 * kMillisecond);
    const Run ra = runAll(a, 7);
    const Run rb = runAll(b, 7);
    const std::vector<TraceRecord> published = ra.of("orders-api", TraceKind::Publish);
    QVERIFY(published.size() > 1000);  // a minute at 20 a second
    QCOMPARE(rb.of("orders-api"), ra.of("orders-api"));
    QVERIFY(ra.of("workers") != rb.of("workers"));
    QVERIFY(ra.of("workers", TraceKind::Process).size() > 1000);
  }

  // The check can fail: another seed gives the producer other instants.
  void anotherSeedMovesTheProducer() {
    const Scenario a = bundledScenario(QStringLiteral("work-queue.json"));
    QVERIFY(runAll(a, 7).of("orders-api") != runAll(a, 8).of("orders-api"));
  }

  // A pipeline the edit did not touch runs exactly as before, all of it: its producer, its queue
  // and its consumer's instances (service times, failures, acks, latencies); the edited consumer
  // and the queue it serves differ.
  void untouchedPipelineIsIdentical() {
    const Scenario a = twoPipelines();
    Scenario b = a;
    component(b, "consumer1").instances = 5;
    component(b, "consumer1").service = Distribution::exponential(80 * kMillisecond);
    const Run ra = runAll(a, 3);
    const Run rb = runAll(b, 3);
    for (const std::string id : {"producer1", "producer2", "queue2", "consumer2"}) {
      QVERIFY2(!ra.of(id).empty(), id.c_str());
      QVERIFY2(ra.of(id) == rb.of(id), id.c_str());
    }
    QVERIFY(ra.of("consumer1") != rb.of("consumer1"));
    QVERIFY(ra.of("queue1") != rb.of("queue1"));
  }

  // Behind a topic each subscription has a queue of its own: a slower `email` consumer changes
  // nothing at `inventory`, `analytics` or `loyalty`.
  void otherSubscribersOfATopicAreIdentical() {
    const Scenario a = bundledScenario(QStringLiteral("fanout-notifications.json"));
    Scenario b = a;
    component(b, "email").service = Distribution::exponential(400 * kMillisecond);
    const Run ra = runAll(a, 1);
    const Run rb = runAll(b, 1);
    for (const std::string id : {"checkout", "inventory", "analytics", "loyalty"}) {
      QVERIFY2(!ra.of(id).empty(), id.c_str());
      QVERIFY2(ra.of(id) == rb.of(id), id.c_str());
    }
    QVERIFY(ra.of("email") != rb.of("email"));
  }

  // Not randomness but the work itself couples competing consumers of one queue: a faster `fast`
  // takes messages `slow` would have had, so `slow` processes others (its own draws are the same
  // numbers, given to other messages).
  void competingConsumersOfOneQueueDiffer() {
    Scenario a = scenario(kMinute);
    ComponentSpec p = producer("p", "q", 0, 0);
    p.interarrival = Distribution::exponential(100 * kMillisecond);
    a.components = {p, queue("q"), consumer("slow", "q", 0), consumer("fast", "q", 0)};
    component(a, "slow").service = Distribution::exponential(150 * kMillisecond);
    component(a, "fast").service = Distribution::exponential(150 * kMillisecond);
    Scenario b = a;
    component(b, "fast").service = Distribution::exponential(50 * kMillisecond);
    const Run ra = runAll(a, 1);
    const Run rb = runAll(b, 1);
    QCOMPARE(rb.of("p"), ra.of("p"));
    QVERIFY(ra.of("slow") != rb.of("slow"));
    QVERIFY(ra.of("slow", TraceKind::Process).size() > rb.of("slow", TraceKind::Process).size());
  }

  // A known limit: a request-reply client draws everything from one stream, its arrivals and its
  // reactions (which polls ask for an unknown job: unknown_poll_fraction). How many polls it sends
  // depends on how fast the workers are, so with other workers its later submissions (POSTs) draw
  // other numbers and move, although the client was not edited. A client that draws nothing per
  // poll (slow-poller) submits at the same instants.
  void clientThatDrawsPerPollIsCoupledToTheWorkers() {
    const Scenario a = bundledScenario(QStringLiteral("failed-and-unknown-jobs.json"));
    Scenario b = a;
    component(b, "workers").instances = 6;
    const Run ra = runAll(a, 1);
    const Run rb = runAll(b, 1);
    const std::vector<SimTime> slowA = times(requests(ra, "slow-poller", HttpMethod::Post));
    QVERIFY(slowA.size() > 5);
    QCOMPARE(times(requests(rb, "slow-poller", HttpMethod::Post)), slowA);
    const std::vector<SimTime> carelessA = times(requests(ra, "careless-client", HttpMethod::Post));
    const std::vector<SimTime> carelessB = times(requests(rb, "careless-client", HttpMethod::Post));
    QVERIFY(carelessA.size() > 20);
    QVERIFY(carelessA != carelessB);
    // The first submissions, before any poll could differ, are the same.
    QCOMPARE(carelessB.front(), carelessA.front());

    // The per-poll draw is the cause: without it the same client submits at the same instants.
    Scenario a0 = a;
    component(a0, "careless-client").unknownPollFraction.reset();
    Scenario b0 = a0;
    component(b0, "workers").instances = 6;
    const std::vector<SimTime> steadyA =
        times(requests(runAll(a0, 1), "careless-client", HttpMethod::Post));
    QVERIFY(steadyA.size() > 20);
    QCOMPARE(times(requests(runAll(b0, 1), "careless-client", HttpMethod::Post)), steadyA);
  }
};

QTEST_GUILESS_MAIN(tst_CommonRandomNumbers)
#include "tst_commonrandomnumbers.moc"
