// The editor's operations on plain scenarios (engine/scenario/ScenarioEdits): every result is a
// scenario the loader accepts and that saves and reads back unchanged; what cannot be done is
// refused in the validator's or the reader's words.

#include "../engine/EngineFixtures.h"

#include "scenario/ScenarioEdits.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioValidation.h"
#include "scenario/ScenarioWriter.h"

#include <QtTest>

using namespace brokerlab;
using namespace brokerlab::edits;

namespace {

// Every outcome the editor keeps must survive the file: written, read back equal, no issue.
void expectSavable(const EditResult& o) {
  QVERIFY2(o.ok(), o.error.c_str());
  QVERIFY(validateScenario(*o.scenario).empty());
  const ScenarioLoadResult again = parseScenario(writeScenario(*o.scenario));
  QVERIFY(again.ok());
  QVERIFY(*again.scenario == *o.scenario);
}

const ComponentSpec& component(const Scenario& s, const std::string& id) {
  for (const ComponentSpec& c : s.components)
    if (c.id == id) return c;
  qFatal("no component %s", id.c_str());
}

FaultSpec crash(SimTime at, std::string target) {
  FaultSpec f;
  f.at = at;
  f.kind = FaultKind::Crash;
  f.target = std::move(target);
  return f;
}

bool has(const Scenario& s, const std::string& id) {
  return std::any_of(s.components.begin(), s.components.end(),
                     [&](const ComponentSpec& c) { return c.id == id; });
}

}  // namespace

class TestScenarioEdits : public QObject {
  Q_OBJECT

 private slots:
  void addsEachBlueprintConnectedToTheNearestPartner() {
    Scenario s = fixtures::bundledScenario("async-request-reply.json");
    // Two queues: the new consumer reads the one nearer its drop point.
    s.components.push_back(fixtures::queue("audit"));
    const Positions at{{"browser", {0, 0}},  {"jobs-api", {200, 0}},     {"jobs", {400, 0}},
                       {"worker", {600, 0}}, {"job-status", {400, 200}}, {"audit", {400, 600}}};
    const EditResult consumer = addComponent(s, Blueprint::Consumer, {600, 580}, at);
    expectSavable(consumer);
    QCOMPARE(consumer.added, std::string("consumer"));
    QCOMPARE(*component(*consumer.scenario, "consumer").source, std::string("audit"));
    // The layout holds every place, so nothing else moves on the canvas.
    QCOMPARE(consumer.scenario->layout.size(), std::size_t{7});
    QCOMPARE(consumer.scenario->layout.at("consumer"), (LayoutPoint{600, 580}));
    QCOMPARE(consumer.scenario->layout.at("jobs"), (LayoutPoint{400, 0}));

    for (int b = 0; b < kBlueprintCount; ++b) {
      const auto blueprint = static_cast<Blueprint>(b);
      const EditResult o = addComponent(s, blueprint, {50, 50}, at);
      expectSavable(o);
      QVERIFY(has(*o.scenario, o.added));
      QVERIFY(o.added.starts_with(blueprintName(blueprint)));
    }
    // A second worker: its source is the api's job queue, not merely the nearest queue.
    const EditResult worker = addComponent(s, Blueprint::Worker, {400, 600}, at);
    expectSavable(worker);
    QCOMPARE(*component(*worker.scenario, worker.added).source, std::string("jobs"));
    QCOMPARE(worker.added, std::string("worker-2"));
  }

  void refusesWhatHasNothingToConnectTo() {
    Scenario s = fixtures::scenario(10 * kSecond);
    s.components.push_back(fixtures::queue("orders"));
    const EditResult client = addComponent(s, Blueprint::Client, {0, 0}, {});
    QVERIFY(!client.ok());
    QVERIFY(client.error.find("api") != std::string::npos);
    QVERIFY(!addComponent(s, Blueprint::Api, {0, 0}, {}).ok());
    QVERIFY(!addComponent(s, Blueprint::Worker, {0, 0}, {}).ok());
    expectSavable(addComponent(s, Blueprint::Producer, {0, 0}, {}));
  }

  void connectsOnlyWhatMayBeConnected() {
    const Scenario s = fixtures::bundledScenario("queue-vs-topic-vs-stream.json");
    // Producer to a queue, topic or stream; a consumer from one; in either direction.
    for (const ComponentSpec& a : s.components) {
      for (const ComponentSpec& b : s.components) {
        const std::optional<Connection> c = connectionBetween(s, a.id, b.id);
        const bool expected =
            a.id != b.id &&
            (((a.kind == ComponentKind::Producer || a.kind == ComponentKind::Consumer) &&
              (b.kind == ComponentKind::Queue || b.kind == ComponentKind::Topic ||
               b.kind == ComponentKind::Stream)) ||
             ((b.kind == ComponentKind::Producer || b.kind == ComponentKind::Consumer) &&
              (a.kind == ComponentKind::Queue || a.kind == ComponentKind::Topic ||
               a.kind == ComponentKind::Stream)) ||
             (a.kind == ComponentKind::Queue && b.kind == ComponentKind::Queue));
        QVERIFY2(c.has_value() == expected, (a.id + " -> " + b.id).c_str());
      }
    }
  }

  void reconnectingAProducerDropsTheKeysOfItsFormerTarget() {
    Scenario s = fixtures::bundledScenario("fanout-notifications.json");
    s.components.push_back(fixtures::queue("audit"));
    const ComponentSpec* toTopic = nullptr;
    std::string queueId;
    for (const ComponentSpec& c : s.components) {
      if (c.kind == ComponentKind::Producer && c.routingKey) toTopic = &c;
      if (c.kind == ComponentKind::Queue) queueId = c.id;
    }
    QVERIFY(toTopic && !queueId.empty());
    const EditResult o = connectComponents(s, toTopic->id, queueId);
    expectSavable(o);
    const ComponentSpec& p = component(*o.scenario, toTopic->id);
    QCOMPARE(*p.target, queueId);
    QVERIFY(!p.routingKey);
  }

  void reconnectingAConsumerKeepsOnlyWhatItsNewSourceTakes() {
    Scenario s = fixtures::scenario(10 * kSecond);
    s.components.push_back(fixtures::queue("orders"));
    s.components.push_back(fixtures::stream("events", 3));
    s.components.push_back(fixtures::consumer("reader", "orders", 10 * kMillisecond));
    s.components.back().ack = AckMode::Auto;
    s.components.back().requeue = false;
    const EditResult o =
        connectComponents(s, "events", "reader");  // from the stream to the consumer
    expectSavable(o);
    const ComponentSpec& c = component(*o.scenario, "reader");
    QCOMPARE(*c.source, std::string("events"));
    QVERIFY(!c.ack && !c.requeue);              // a queue's, not a stream's
    QCOMPARE(*c.group, std::string("reader"));  // a stream's consumer needs a group
    // Already connected so: nothing to offer.
    const std::vector<std::string> offered = connectableFrom(*o.scenario, "reader");
    QCOMPARE(offered, std::vector<std::string>{"orders"});
  }

  void aWorkerReadsOnlyFromAQueue() {
    Scenario s = fixtures::bundledScenario("async-request-reply.json");
    s.components.push_back(fixtures::stream("events", 1));
    const EditResult o = connectComponents(s, "worker", "events");
    QVERIFY(!o.ok());
    QVERIFY2(o.error.find("queue") != std::string::npos, o.error.c_str());
    std::string why;
    QVERIFY(!connectionBetween(s, "browser", "job-status", &why));
    QCOMPARE(why, std::string("a client cannot be connected to a store"));
  }

  void aQueueDeadLettersToAnotherQueue() {
    Scenario s = fixtures::scenario(10 * kSecond);
    s.components.push_back(fixtures::queue("orders"));
    s.components.push_back(fixtures::queue("orders.dlq"));
    const EditResult o = connectComponents(s, "orders", "orders.dlq");
    expectSavable(o);
    QCOMPARE(*component(*o.scenario, "orders").deadLetter, std::string("orders.dlq"));
    // And back would make a cycle the validator refuses.
    const EditResult cycle = connectComponents(*o.scenario, "orders.dlq", "orders");
    QVERIFY(!cycle.ok());
  }

  void removingTakesItsDependentsAndTheirFaults() {
    Scenario s = fixtures::bundledScenario("async-request-reply.json");
    s.faults.push_back(crash(10 * kSecond, "worker#2"));
    s.layout["browser"] = {1, 2};
    // The store: the api and the worker cannot be without it, nor the client without the api.
    QCOMPARE(dependentsOf(s, "job-status"),
             (std::vector<std::string>{"browser", "jobs-api", "worker"}));
    const EditResult o = removeComponent(s, "job-status");
    expectSavable(o);
    QCOMPARE(o.removed, (std::vector<std::string>{"job-status", "browser", "jobs-api", "worker"}));
    QCOMPARE(o.scenario->components.size(), std::size_t{1});
    QVERIFY(o.scenario->faults.empty());
    QVERIFY(o.scenario->layout.empty());
    // The last component stays.
    QVERIFY(!removeComponent(*o.scenario, "jobs").ok());
  }

  void removingADeadLetterQueueOnlyUnsetsIt() {
    Scenario s = fixtures::scenario(10 * kSecond);
    s.components.push_back(fixtures::queue("orders"));
    s.components.back().deadLetter = "dlq";
    s.components.push_back(fixtures::queue("dlq"));
    QVERIFY(dependentsOf(s, "dlq").empty());
    const EditResult o = removeComponent(s, "dlq");
    expectSavable(o);
    QVERIFY(!component(*o.scenario, "orders").deadLetter);
  }

  void renamingFollowsEveryReference() {
    Scenario s = fixtures::bundledScenario("async-request-reply.json");
    s.faults.push_back(crash(10 * kSecond, "worker#2"));
    s.faults.push_back(crash(12 * kSecond, "worker"));
    s.layout["job-status"] = {3, 4};
    const EditResult o = renameComponent(s, "job-status", "status.v2");
    expectSavable(o);
    QCOMPARE(*component(*o.scenario, "jobs-api").store, std::string("status.v2"));
    QCOMPARE(*component(*o.scenario, "worker").store, std::string("status.v2"));
    QCOMPARE(o.scenario->layout.at("status.v2"), (LayoutPoint{3, 4}));
    QVERIFY(!o.scenario->layout.count("job-status"));
    const EditResult w = renameComponent(s, "worker", "cruncher");
    expectSavable(w);
    QCOMPARE(w.scenario->faults[0].target, std::string("cruncher#2"));
    QCOMPARE(w.scenario->faults[1].target, std::string("cruncher"));
    // The validator's words for a bad or taken id.
    const EditResult bad = renameComponent(s, "worker", "no spaces");
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.starts_with("components[3].id: "), bad.error.c_str());
    const EditResult taken = renameComponent(s, "worker", "jobs");
    QVERIFY(!taken.ok());
    QVERIFY2(taken.error.find("duplicate id") != std::string::npos, taken.error.c_str());
  }

  void parametersAreSetThroughTheLoader() {
    const Scenario s = fixtures::bundledScenario("work-queue.json");
    std::size_t workers = 0;
    while (s.components[workers].kind != ComponentKind::Consumer) ++workers;
    // As the file would say it: a duration in text, a number, a distribution object.
    EditResult o = setParameter(s, workers, "prefetch", json::numberValue("5"));
    expectSavable(o);
    QCOMPARE(*o.scenario->components[workers].prefetch, 5u);
    o = setParameter(*o.scenario, workers, "heartbeat", json::stringValue("30s"));
    expectSavable(o);
    QCOMPARE(*o.scenario->components[workers].heartbeat, 30 * kSecond);
    json::Value service =
        *json::parse("{\"dist\": \"uniform\", \"min\": \"1ms\", \"max\": \"3ms\"}").root;
    o = setParameter(*o.scenario, workers, "service", service);
    expectSavable(o);
    QCOMPARE(*o.scenario->components[workers].service,
             Distribution::uniform(kMillisecond, 3 * kMillisecond));
    QCOMPARE(json::compactText(*parameterValue(*o.scenario, workers, "heartbeat")),
             std::string("\"30s\""));
    // Cleared: the default again.
    o = setParameter(*o.scenario, workers, "prefetch", std::nullopt);
    expectSavable(o);
    QVERIFY(!o.scenario->components[workers].prefetch);
    QVERIFY(!parameterValue(*o.scenario, workers, "prefetch"));
  }

  void aRefusedParameterGetsTheLoadersMessage() {
    const Scenario s = fixtures::bundledScenario("work-queue.json");
    std::size_t workers = 0;
    while (s.components[workers].kind != ComponentKind::Consumer) ++workers;
    const std::string at = "components[" + std::to_string(workers) + "].";
    EditResult o = setParameter(s, workers, "instances", json::numberValue("0"));
    QVERIFY(!o.ok());
    QCOMPARE(o.error, at + "instances: must be an integer >= 1 and <= 10000 (got 0)");
    o = setParameter(s, workers, "service", json::stringValue("fast"));
    QVERIFY(!o.ok());
    QVERIFY2(o.error.starts_with(at + "service: "), o.error.c_str());
    o = setParameter(s, workers, "ack", json::stringValue("sometimes"));
    QVERIFY(!o.ok());
    QVERIFY2(o.error.find("\"auto\"") != std::string::npos, o.error.c_str());
    // A key the kind does not take, as the reader says it.
    o = setParameter(s, workers, "partitions", json::numberValue("3"));
    QVERIFY(!o.ok());
    QVERIFY2(o.error.find("not a parameter") != std::string::npos, o.error.c_str());
  }

  void theScenariosOwnFields() {
    const Scenario s = fixtures::bundledScenario("work-queue.json");
    EditResult o = setScenarioField(s, "duration", json::stringValue("2m"));
    expectSavable(o);
    QCOMPARE(o.scenario->duration, 2 * kMinute);
    o = setScenarioField(*o.scenario, "seed", json::numberValue("18446744073709551615"));
    expectSavable(o);
    QCOMPARE(*o.scenario->seed, UINT64_MAX);
    QCOMPARE(json::compactText(*scenarioFieldValue(*o.scenario, "seed")),
             std::string("18446744073709551615"));
    o = setScenarioField(s, "duration", json::stringValue("soon"));
    QVERIFY(!o.ok());
    QVERIFY2(o.error.starts_with("duration: "), o.error.c_str());
    QVERIFY(!setScenarioField(s, "components", std::nullopt).ok());
  }

  void listsTheParametersOfAConsumerBySource() {
    Scenario s = fixtures::scenario(10 * kSecond);
    s.components.push_back(fixtures::stream("events", 1));
    s.components.push_back(fixtures::member("reader", "events", "g", kMillisecond));
    const std::vector<std::string_view> keys = parametersOf(s, 1);
    QVERIFY(std::find(keys.begin(), keys.end(), "group") != keys.end());
    QVERIFY(std::find(keys.begin(), keys.end(), "ack") == keys.end());
    QVERIFY(std::find(keys.begin(), keys.end(), "id") == keys.end());
    QCOMPARE(freshId(s, "reader"), std::string("reader-2"));
    QCOMPARE(freshId(s, "queue"), std::string("queue"));
  }
};

QTEST_GUILESS_MAIN(TestScenarioEdits)
#include "tst_scenarioedits.moc"
