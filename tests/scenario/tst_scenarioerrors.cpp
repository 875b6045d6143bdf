// What a scenario file may say, told by what happens when it breaks a rule: each row is one bad
// input, the JSON path the issue names and a piece of its message. The base documents are valid,
// so each row changes exactly one thing.

#include "ScenarioText.h"
#include "scenario/Json.h"
#include "scenario/ScenarioIssue.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioRules.h"
#include "scenario/ScenarioValidation.h"

#include "../hardening/HardeningBudget.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <string>

using namespace brokerlab;
using test::describe;
using test::j;
using test::with;

namespace {

// A producer "p" -> queue "q" -> consumer "c"; `extra` adds or replaces members.
std::string producer(
    const std::string& extra = "",
    const std::string& base = j("'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': 10")) {
  return "{" + base + (extra.empty() ? "" : ", " + extra) + "}";
}
std::string queue(const std::string& extra = "", const std::string& id = "q") {
  return j("{'id': '") + id + j("', 'kind': 'queue'") + (extra.empty() ? "" : ", " + extra) + "}";
}
std::string consumer(const std::string& extra = "") {
  return j("{'id': 'c', 'kind': 'consumer', 'source': 'q', 'service': '10ms'") +
         (extra.empty() ? "" : ", " + extra) + "}";
}
std::string components(const std::string& p = producer(), const std::string& q = queue(),
                       const std::string& c = consumer()) {
  return p + ", " + q + ", " + c;
}
// A valid document; `top` adds top-level members before "components".
std::string doc(const std::string& top = "", const std::string& list = components()) {
  return j("{'format': 'brokerlab-scenario', 'version': 1, 'name': 't', 'duration': '10s', ") +
         top + (top.empty() ? "" : ", ") + j("'components': [") + list + "]}";
}
std::string header(const std::string& rest) {
  return j("{'format': 'brokerlab-scenario', 'version': 1, ") + rest + "}";
}

// "Quickly": a guard against work that blows up with the input (about 0.3 s alone in an optimized
// build), not a speed target, so the hardening suites' budget for a loaded CI machine: 1 s failed
// here at a load of 7 on 2 cores.
constexpr qint64 kQuickMs = hardening::kBudgetMs;

}  // namespace

class tst_ScenarioErrors : public QObject {
  Q_OBJECT

 private slots:
  void baseDocumentsAreValid() {
    const ScenarioLoadResult result = parseScenario(doc());
    QVERIFY2(result.ok(), qPrintable(describe(result.issues)));
    QCOMPARE(result.scenario->components.size(), std::size_t(3));
  }

  void oneIssuePerMistake_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* name, const std::string& text, const char* path,
                        const char* message) {
      QTest::newRow(name) << QByteArray::fromStdString(text) << path << message;
    };
    // The document as a whole
    row("syntax error", "{\"format\": ", "", "unexpected end of input");
    row("not an object", "[1]", "", "must be a JSON object (got an array)");
    row("no format", j("{'version': 1}"), "format", "this is not a BrokerLab scenario file");
    row("other format", j("{'format': 'x', 'version': 1}"), "format", "(got the string \"x\")");
    row("version 2", j("{'format': 'brokerlab-scenario', 'version': 2}"), "version",
        "unsupported version 2: this BrokerLab reads version 1");
    row("version as text", with(doc(), "1,", j("'1',")), "version",
        "must be the number 1 (got the string \"1\")");
    row("no version",
        j("{'format': 'brokerlab-scenario', 'name': 't', 'duration': '1s', 'components': [{'id': "
          "'q', 'kind': 'queue'}]}"),
        "version", "is required");
    row("unknown top-level key", doc(j("'seeed': 4")), "seeed", "did you mean \"seed\"?");
    row("duplicate key", doc(j("'name': 'again'")), "name", "duplicate key \"name\"");
    row("too deep", doc(j("'description': ") + std::string(300, '[') + std::string(300, ']')), "",
        "nesting is deeper than the limit of 256 levels");
    // name, seed, duration, sample_interval
    row("no name", header(j("'duration': '1s', 'components': [{'id': 'q', 'kind': 'queue'}]")),
        "name", "is required");
    row("empty name", with(doc(), j("'t'"), j("''")), "name", "must not be empty");
    row("name not a string", with(doc(), j("'t'"), "5"), "name",
        "must be a string (got the number 5)");
    row("negative seed", doc(j("'seed': -1")), "seed",
        "must be an integer >= 0 and <= 18446744073709551615 (got -1)");
    row("seed 2^64", doc(j("'seed': 18446744073709551616")), "seed", "(got 18446744073709551616)");
    row("fractional seed", doc(j("'seed': 1.5")), "seed", "(got 1.5)");
    row("seed in words", doc(j("'seed': 'one'")), "seed", "(got the string \"one\")");
    row("no duration", header(j("'name': 't', 'components': [{'id': 'q', 'kind': 'queue'}]")),
        "duration", "is required");
    row("zero duration", with(doc(), j("'10s'"), "0"), "duration", "must be > 0 (got 0s)");
    row("negative duration", with(doc(), j("'10s'"), j("'-5s'")), "duration",
        "must not be negative");
    row("duration without unit", with(doc(), j("'10s'"), j("'10'")), "duration", "has no unit");
    row("duration in years", with(doc(), j("'10s'"), j("'5y'")), "duration", "unknown unit \"y\"");
    row("NaN duration", with(doc(), j("'10s'"), j("'NaN'")), "duration", "is not a duration");
    row("1e400 seconds", with(doc(), j("'10s'"), "1e400"), "duration",
        "is longer than the limit of 876000h");
    row("duration as bool", with(doc(), j("'10s'"), "true"), "duration",
        "must be a duration: a number of seconds or a string like \"250ms\" (got true)");
    row("zero sample interval", doc(j("'sample_interval': '0s'")), "sample_interval",
        "must be > 0");
    row("too many samples", doc(j("'sample_interval': '1ns'")), "sample_interval",
        "gives more than 1000000 samples");
    // network and distributions
    row("network typo", doc(j("'network': {'latncy': '1ms'}")), "network.latncy",
        "unknown key \"latncy\"; did you mean \"latency\"?");
    row("network not an object", doc(j("'network': '1ms'")), "network", "must be an object");
    row("distribution without dist", doc(j("'network': {'latency': {'mean': '1ms'}}")),
        "network.latency", "a distribution object needs \"dist\"");
    row("unknown distribution", doc(j("'network': {'latency': {'dist': 'exponental'}}")),
        "network.latency.dist", "did you mean \"exponential\"?");
    row("missing mean", doc(j("'network': {'latency': {'dist': 'exponential'}}")),
        "network.latency.mean", "an exponential distribution needs \"mean\"");
    row("parameter of another distribution",
        doc(j("'network': {'latency': {'dist': 'exponential', 'mean': '1ms', 'stddev': '1ms'}}")),
        "network.latency.stddev",
        "\"stddev\" is not a parameter of an exponential distribution (it takes: dist, mean)");
    row("uniform min > max",
        doc(j("'network': {'latency': {'dist': 'uniform', 'min': '5ms', 'max': '1ms'}}")),
        "network.latency.min", "must not be greater than max (got 5ms > 1ms)");
    row("erlang k 0", doc(j("'network': {'latency': {'dist': 'erlang', 'k': 0, 'mean': '1ms'}}")),
        "network.latency.k", "must be an integer >= 1 and <= 1000 (got 0)");
    row("erlang k 1001",
        doc(j("'network': {'latency': {'dist': 'erlang', 'k': 1001, 'mean': '1ms'}}")),
        "network.latency.k", "(got 1001)");
    row("exponential mean 0", doc(j("'network': {'latency': {'dist': 'exponential', 'mean': 0}}")),
        "network.latency.mean", "must be > 0");
    row("distribution as array", doc(j("'network': {'latency': [1]}")), "network.latency",
        "must be a duration or a distribution");
    // components, faults, layout
    row("no components", header(j("'name': 't', 'duration': '1s'")), "components", "is required");
    row("empty components", doc("", ""), "components", "at least one component");
    row("components not an array", header(j("'name': 't', 'duration': '1s', 'components': {}")),
        "components", "must be an array (got an object)");
    row("component not an object", doc("", components() + ", 5"), "components[3]",
        "must be an object (got the number 5)");
    row("faults not an array", doc(j("'faults': {'kind': 'crash'}")), "faults",
        "must be an array (got an object)");  // the rules of faults: tst_scenariofaults.cpp
    row("layout of an unknown id", doc(j("'layout': {'ghost': {'x': 1, 'y': 2}}")), "layout.ghost",
        "no component with id \"ghost\"");
    row("layout of a dotted unknown id", doc(j("'layout': {'a.b': {'x': 1, 'y': 2}}")),
        "layout[\"a.b\"]", "no component with id \"a.b\"");
    row("layout without y", doc(j("'layout': {'q': {'x': 1}}")), "layout.q.y", "is required");
    row("layout x as text", doc(j("'layout': {'q': {'x': '1', 'y': 2}}")), "layout.q.x",
        "must be a number (got the string \"1\")");
    row("layout x 1e400", doc(j("'layout': {'q': {'x': 1e400, 'y': 2}}")), "layout.q.x",
        "is out of range");
    row("layout extra key", doc(j("'layout': {'q': {'x': 1, 'y': 2, 'w': 3}}")), "layout.q.w",
        "unknown key \"w\"");
    // every component
    row("misspelt kind", doc("", components(j("{'id': 'p', 'kind': 'prodcer'}"))),
        "components[0].kind", "did you mean \"producer\"?");
    row("no kind", doc("", components(j("{'id': 'p'}"))), "components[0].kind", "is required");
    row("no id", doc("", components() + ", " + j("{'kind': 'queue'}")), "components[3].id",
        "is required");
    row("id with a space",
        doc("", components(producer(), queue("", "q"), consumer()) + ", " + queue("", "a b")),
        "components[3].id", "may only contain letters, digits");
    row("id of 65 characters", doc("", components() + ", " + queue("", std::string(65, 'x'))),
        "components[3].id", "the limit is 64");
    row("duplicate id", doc("", components() + ", " + queue()), "components[3].id",
        "duplicate id \"q\" (also used by components[1])");
    row("parameter of another kind", doc("", components(producer(), queue(j("'prefetch': 1")))),
        "components[1].prefetch",
        "\"prefetch\" is not a parameter of a queue (a queue takes: id, kind, type, max_length, "
        "overflow, ttl, dead_letter, max_deliveries, delivery_limit, durable, latency)");
    row("misspelt parameter",
        doc("", components(producer(), queue(), consumer(j("'instnaces': 2")))),
        "components[2].instnaces", "unknown key \"instnaces\"; did you mean \"instances\"?");
    // producer
    row("no target",
        doc("", components(producer("", j("'id': 'p', 'kind': 'producer', 'rate': 1")))),
        "components[0].target", "is required");
    row("unknown target",
        doc("", components(producer(j("'target': 'orders'"),
                                    j("'id': 'p', 'kind': 'producer', 'rate': 1")))),
        "components[0].target", "no component with id \"orders\"");
    row("target is a consumer",
        doc("", components(
                    producer(j("'target': 'c'"), j("'id': 'p', 'kind': 'producer', 'rate': 1")))),
        "components[0].target",
        "\"c\" is a consumer, but a target must be a queue, a topic or a stream");
    row("rate and interarrival", doc("", components(producer(j("'interarrival': '1s'")))),
        "components[0].interarrival", "not both");
    row("neither rate nor interarrival",
        doc("", components(producer("", j("'id': 'p', 'kind': 'producer', 'target': 'q'")))),
        "components[0]", "needs either \"rate\"");
    row("zero rate",
        doc("",
            components(producer("", j("'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': 0")))),
        "components[0].rate", "must be a number > 0");
    row("rate -0",
        doc("", components(
                    producer("", j("'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': -0")))),
        "components[0].rate", "(got -0)");
    row("rate in words",
        doc("", components(producer(
                    "", j("'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': 'fast'")))),
        "components[0].rate", "must be a number (got the string \"fast\")");
    row("zero interarrival",
        doc("", components(producer(
                    "", j("'id': 'p', 'kind': 'producer', 'target': 'q', 'interarrival': 0")))),
        "components[0].interarrival", "must have a mean > 0");
    row("zero count", doc("", components(producer(j("'count': 0")))), "components[0].count",
        "must be an integer >= 1 (got 0)");
    row("fractional count", doc("", components(producer(j("'count': 2.5")))), "components[0].count",
        "(got 2.5)");
    row("negative size", doc("", components(producer(j("'size_bytes': -1")))),
        "components[0].size_bytes", "must be an integer >= 0");
    row("stop before start", doc("", components(producer(j("'start': '5s', 'stop': '1s'")))),
        "components[0].stop", "must be later than start");
    // queue
    row("zero max_length", doc("", components(producer(), queue(j("'max_length': 0")))),
        "components[1].max_length", "must be an integer >= 1 (got 0)");
    row("unknown overflow", doc("", components(producer(), queue(j("'overflow': 'drop-tail'")))),
        "components[1].overflow",
        "must be one of \"drop-head\", \"reject-publish\" or \"reject-publish-dlx\"");
    row("zero ttl", doc("", components(producer(), queue(j("'ttl': '0ms'")))), "components[1].ttl",
        "must be > 0");
    // RabbitMQ's queue types (QueueValidation)
    row("unknown queue type", doc("", components(producer(), queue(j("'type': 'stream'")))),
        "components[1].type", "must be one of \"classic\" or \"quorum\"");
    row("delivery limit on a classic queue",
        doc("", components(producer(), queue(j("'delivery_limit': 2")))),
        "components[1].delivery_limit", "is only for a quorum queue");
    row("delivery limit and max_deliveries",
        doc("", components(producer(), queue(j("'type': 'quorum', 'delivery_limit': 2, "
                                               "'max_deliveries': 3")))),
        "components[1].max_deliveries", "give either delivery_limit or max_deliveries");
    row("non-durable quorum queue",
        doc("", components(producer(), queue(j("'type': 'quorum', 'durable': false")))),
        "components[1].durable", "a quorum queue is always durable");
    row("quorum reject-publish-dlx",
        doc("", components(producer(), queue(j("'type': 'quorum', "
                                               "'overflow': 'reject-publish-dlx'")))),
        "components[1].overflow", "a quorum queue does not \"reject-publish-dlx\"");
    row("delivery limit too large",
        doc("", components(producer(), queue(j("'type': 'quorum', "
                                               "'delivery_limit': 4294967295")))),
        "components[1].delivery_limit", "must be an integer >= 0 and <= 4294967294");
    row("zero expiration", doc("", components(producer(j("'expiration': 0")))),
        "components[0].expiration", "must be > 0");
    row("requeue under auto ack",
        doc("", components(producer(), queue(), consumer(j("'ack': 'auto', 'requeue': false")))),
        "components[2].requeue", "is only for \"ack\": \"manual\"");
    row("requeue on a producer", doc("", components(producer(j("'requeue': false")))),
        "components[0].requeue", "\"requeue\" is not a parameter of a producer");
    row("dead-letter to itself", doc("", components(producer(), queue(j("'dead_letter': 'q'")))),
        "components[1].dead_letter", "cannot dead-letter to itself");
    row("dead-letter to nothing", doc("", components(producer(), queue(j("'dead_letter': 'dlq'")))),
        "components[1].dead_letter", "no component with id \"dlq\"");
    row("dead-letter to a producer",
        doc("", components(producer(), queue(j("'dead_letter': 'p'")))),
        "components[1].dead_letter",
        "\"p\" is a producer, but a dead-letter target must be a queue");
    row("dead-letter cycle",
        doc("", components() + ", " + queue(j("'dead_letter': 'b'"), "a") + ", " +
                    queue(j("'dead_letter': 'c2'"), "b") + ", " +
                    queue(j("'dead_letter': 'a'"), "c2")),
        "components[3].dead_letter", "dead-letter cycle: a -> b -> c2 -> a");
    row("zero max_deliveries", doc("", components(producer(), queue(j("'max_deliveries': 0")))),
        "components[1].max_deliveries", "(got 0)");
    row("durable in words", doc("", components(producer(), queue(j("'durable': 'yes'")))),
        "components[1].durable", "must be true or false (got the string \"yes\")");
    // consumer
    row("no source",
        doc("", components(producer(), queue(),
                           j("{'id': 'c', 'kind': 'consumer', 'service': '1ms'}"))),
        "components[2].source", "is required");
    row("source is a producer",
        doc("", components(producer(), queue(),
                           j("{'id': 'c', 'kind': 'consumer', 'source': 'p', 'service': '1ms'}"))),
        "components[2].source",
        "\"p\" is a producer, but a source must be a queue, a topic or a stream");
    row("no service",
        doc("",
            components(producer(), queue(), j("{'id': 'c', 'kind': 'consumer', 'source': 'q'}"))),
        "components[2].service", "is required");
    row("zero instances", doc("", components(producer(), queue(), consumer(j("'instances': 0")))),
        "components[2].instances", "must be an integer >= 1 and <= 10000 (got 0)");
    row("too many instances",
        doc("", components(producer(), queue(), consumer(j("'instances': 10001")))),
        "components[2].instances", "(got 10001)");
    row("prefetch too large",
        doc("", components(producer(), queue(), consumer(j("'prefetch': 100001")))),
        "components[2].prefetch", "must be an integer >= 0 and <= 100000 (got 100001)");
    row("unknown ack", doc("", components(producer(), queue(), consumer(j("'ack': 'sometimes'")))),
        "components[2].ack", "must be one of \"auto\" or \"manual\"");
    row("failure probability 1.5",
        doc("", components(producer(), queue(), consumer(j("'failure_probability': 1.5")))),
        "components[2].failure_probability", "must be a number from 0 to 1 (got 1.5)");
    row("bad component latency",
        doc("", components(producer(), queue(), consumer(j("'latency': 'fast'")))),
        "components[2].latency", "is not a duration");
  }
  void oneIssuePerMistake() {
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, message);
    test::expectOneIssue(text, path, message, false);
  }

  void issuesPointAtTheOffendingValue() {
    const std::string text =
        "{\"format\": \"brokerlab-scenario\", \"version\": 1,\n"
        " \"name\": \"t\", \"duration\": \"10s\",\n"
        " \"components\": [\n"
        "  {\"id\": \"q\", \"kind\": \"queue\"},\n"
        "  {\"id\": \"c\", \"kind\": \"consumer\", \"source\": \"q\",\n"
        "   \"service\": \"1ms\", \"instances\": 0}]}";
    const ScenarioLoadResult result = parseScenario(text);
    QCOMPARE(result.issues.size(), std::size_t(1));
    QCOMPARE(brokerlab::formatIssue("s.json", result.issues[0]),
             std::string("s.json:6:35: components[1].instances: "
                         "must be an integer >= 1 and <= 10000 (got 0)"));
  }

  void aMissingKeyPointsAtItsObject() {
    const ScenarioLoadResult result = parseScenario(
        doc("", components(producer(), queue(),
                           "\n" + j("{'id': 'c', 'kind': 'consumer', 'source': 'q'}"))));
    QCOMPARE(result.issues.size(), std::size_t(1));
    QCOMPARE(result.issues[0].line, 2);
    QCOMPARE(result.issues[0].column, 1);
  }

  void reportsAllErrors() {
    const std::string text = doc(j("'seed': -4"), components(producer(j("'count': 0")), queue(),
                                                             consumer(j("'prefetch': 'lots'"))));
    const ScenarioLoadResult result = parseScenario(text);
    QVERIFY(!result.scenario);
    QCOMPARE(result.issues.size(), std::size_t(3));
    QCOMPARE(result.issues[0].path, std::string("seed"));
    QCOMPARE(result.issues[1].path, std::string("components[0].count"));
    QCOMPARE(result.issues[2].path, std::string("components[2].prefetch"));
  }

  void aWrongValueIsReportedOnceNotAgainAsMissing() {
    const std::string normal =
        j("{'id': 'c', 'kind': 'consumer', 'source': 'q', 'service': {'dist': 'normal'}}");
    const ScenarioLoadResult result =
        parseScenario(doc("", components(producer(), queue(), normal)));
    QCOMPARE(result.issues.size(), std::size_t(2));  // normal needs mean and stddev
    QCOMPARE(result.issues[0].path, std::string("components[2].service.mean"));
    QCOMPARE(result.issues[1].path, std::string("components[2].service.stddev"));
  }

  void manyProblemsAreCappedWithANote() {
    std::string list = queue();
    for (int i = 0; i < 500; ++i)
      list += ", " + queue(j("'max_length': 0"), std::string("q").append(std::to_string(i)));
    const ScenarioLoadResult result = parseScenario(doc("", list));
    QCOMPARE(result.issues.size(), limits::kMaxIssues);
    QVERIFY(result.issues.back().message.find("too many problems") != std::string::npos);
  }

  void tooManyComponentsInALargeFileAreRejectedQuickly() {
    std::string list = queue();
    for (int i = 0; i < 150000; ++i)
      list += ", " + queue("", std::string("queue-number-").append(std::to_string(i)));
    const std::string text = doc("", list);
    QVERIFY(text.size() > 6'000'000);
    ScenarioLoadResult result;
    QString tries;
    const qint64 ms = hardening::bestTimeMs(
        kQuickMs, [&] { result = parseScenario(text); }, &tries);
    QVERIFY2(ms < kQuickMs, qPrintable(tries));
    QCOMPARE(result.issues.size(), std::size_t(1));
    QCOMPARE(result.issues[0].message, std::string("has 150001 components; the limit is 100000"));
  }

  void tenMegabytesOfWrongContentAreRejectedQuickly() {
    std::string list = queue();
    const std::string wrong =
        j(", {'id': 'x', 'kind': 'queue', 'max_length': -1, 'ttl': 'forever', "
          "'durable': 'yes', 'overflow': 'drop-tail'}");
    while (list.size() < 10'000'000) list += wrong;
    const std::string text = doc("", list);
    ScenarioLoadResult result;
    QString tries;
    const qint64 ms = hardening::bestTimeMs(
        kQuickMs, [&] { result = parseScenario(text); }, &tries);
    QVERIFY2(ms < kQuickMs, qPrintable(tries));
    QCOMPARE(result.issues.size(), limits::kMaxIssues);
  }

  // Scenarios built in memory (the editor, the engine) get the same rules, with paths only.
  void validationOfAScenarioInMemory() {
    Scenario s;
    s.name = "m";
    s.duration = kSecond;
    ComponentSpec q;
    q.id = "q";
    q.kind = ComponentKind::Queue;
    q.rate = 5;
    s.components.push_back(q);
    s.layout["nowhere"] = {};
    const std::vector<ScenarioIssue> issues = validateScenario(s);
    QCOMPARE(issues.size(), std::size_t(2));
    QCOMPARE(issues[0].path, std::string("components[0].rate"));
    QVERIFY(issues[0].message.find("is not a parameter of a queue") != std::string::npos);
    QCOMPARE(issues[1].path, std::string("layout.nowhere"));
    QCOMPARE(issues[1].line, 0);
  }

  // Editors validate with the JSON Schema, BrokerLab with its reader: they must know the same keys.
  void schemaKnowsTheSameKeysAsTheReader() {
    QFile file(BROKERLAB_SOURCE_DIR "/scenarios/schema/brokerlab-scenario.schema.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const json::ParseResult schema = json::parse(file.readAll().toStdString());
    QVERIFY(schema.root);
    const auto keysOf = [](const json::Value* object) {
      std::vector<std::string_view> keys;
      for (const json::Member& m : object->find("properties")->members) keys.push_back(m.key);
      return keys;
    };
    const auto words = [](std::span<const std::string_view> list) {
      return std::vector<std::string_view>(list.begin(), list.end());
    };
    QCOMPARE(keysOf(&*schema.root), words(rules::topLevelKeys()));
    const json::Value* kinds = json::locate(*schema.root, "$defs.component.oneOf");
    QVERIFY(kinds != nullptr);
    QCOMPARE(kinds->items.size(), rules::kindNames().size());
    for (std::size_t i = 0; i < kinds->items.size(); ++i) {
      QCOMPARE(keysOf(&kinds->items[i]), words(rules::parametersOf(ComponentKind(i))));
    }
    QCOMPARE(keysOf(json::locate(*schema.root, "$defs.action")), words(rules::actionKeys()));
    // The keys a consumer of a stream does not take are those its schema forbids with "group".
    const json::Value* forbidden =
        json::locate(*schema.root, "$defs.component.oneOf[2].allOf[0].then.not.anyOf");
    QVERIFY(forbidden != nullptr);
    std::vector<std::string_view> notForStreams;
    for (const json::Value& item : forbidden->items) {
      notForStreams.push_back(item.find("required")->items[0].text);
    }
    std::vector<std::string_view> expected;
    for (std::string_view key : rules::parametersOf(ComponentKind::Consumer)) {
      if (!rules::consumerTakes(ComponentKind::Stream, key)) expected.push_back(key);
    }
    QCOMPARE(notForStreams, expected);
  }

  void formatIssue_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("with position")
        << "components[2].instances" << 7 << "a.json:7:3: components[2].instances: bad";
    QTest::newRow("without position") << "layout.x" << 0 << "a.json: layout.x: bad";
    QTest::newRow("whole file") << "" << 0 << "a.json: bad";
    QTest::newRow("syntax") << "" << 4 << "a.json:4:3: bad";
  }
  void formatIssue() {
    QFETCH(QString, path);
    QFETCH(int, line);
    QFETCH(QString, expected);
    const ScenarioIssue issue{path.toStdString(), line, line > 0 ? 3 : 0, "bad"};
    QCOMPARE(QString::fromStdString(brokerlab::formatIssue("a.json", issue)), expected);
  }

  void defaultSampleInterval_data() {
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<qint64>("interval");
    QTest::newRow("short run: 100ms") << qint64(10 * kSecond) << qint64(100 * kMillisecond);
    QTest::newRow("10 minutes: 600ms") << qint64(10 * kMinute) << qint64(600 * kMillisecond);
    QTest::newRow("rounded up to a ms") << qint64(100'000'000'001) << qint64(101 * kMillisecond);
  }
  void defaultSampleInterval() {
    QFETCH(qint64, duration);
    QFETCH(qint64, interval);
    QCOMPARE(qint64(brokerlab::defaultSampleInterval(duration)), interval);
  }
};

QTEST_GUILESS_MAIN(tst_ScenarioErrors)
#include "tst_scenarioerrors.moc"
