// What a scenario file may say about asynchronous request-reply: clients, apis, stores and
// workers, told by what happens when it breaks a rule: each row is one bad input, the JSON path the
// issue names and a piece of its message. The base document is valid, so each row changes exactly
// one thing. (Queues: tst_scenarioerrors.cpp; topics and streams: tst_scenariotopicsstreams.cpp.)

#include "ScenarioText.h"
#include "scenario/Json.h"
#include "scenario/ScenarioIssue.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioRules.h"
#include "scenario/ScenarioValidation.h"
#include "scenario/ScenarioWriter.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

using namespace brokerlab;
using test::describe;
using test::j;
using test::with;

namespace {

// `{base, extra}`. (Built by appending: GCC 12 warns falsely of overlap on "{" + string.)
std::string object(const std::string& base, const std::string& extra) {
  std::string text = "{";
  text += j(base);
  if (!extra.empty()) text.append(", ").append(extra);
  text += '}';
  return text;
}

// Client "c" -> api "a" -> queue "jobs" -> worker "w", who with "a" keeps jobs in store "s".
// Beside them, to point at: a topic "t", a stream "st", a second store "s2", a queue "q" with a
// producer "p" and a consumer "k". Indices: c 0, a 1, jobs 2, w 3, s 4, t 5, st 6, s2 7, q 8, p 9,
// k 10. Each argument adds members to its component.
std::string rrDoc(const std::string& c = "", const std::string& a = "", const std::string& w = "",
                  const std::string& s = "", const std::string& p = "", const std::string& k = "") {
  std::string list = object("'id': 'c', 'kind': 'client', 'target': 'a', 'rate': 1", c);
  list.append(", ").append(object("'id': 'a', 'kind': 'api', 'queue': 'jobs', 'store': 's'", a));
  list.append(", ").append(j("{'id': 'jobs', 'kind': 'queue'}"));
  list.append(", ").append(
      object("'id': 'w', 'kind': 'consumer', 'source': 'jobs', 'role': 'worker', 'store': 's', "
             "'service': '3s'",
             w));
  list.append(", ").append(object("'id': 's', 'kind': 'store'", s));
  list.append(", ").append(
      j("{'id': 't', 'kind': 'topic'}, {'id': 'st', 'kind': 'stream'}, "
        "{'id': 's2', 'kind': 'store'}, {'id': 'q', 'kind': 'queue'}"));
  list.append(", ").append(object("'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': 1", p));
  list.append(", ").append(
      object("'id': 'k', 'kind': 'consumer', 'source': 'q', 'service': '1ms'", k));
  std::string text = j("{'format': 'brokerlab-scenario', 'version': 1, 'name': 't', ");
  text.append(j("'duration': '60s', 'components': [")).append(list).append("]}");
  return text;
}

// The base document with the worker's role and store taken away: a plain consumer of "jobs".
std::string plainConsumerDoc(const std::string& w) {
  return with(rrDoc("", "", w), j("'role': 'worker', 'store': 's', "), "");
}

std::vector<std::string> keysOf(const json::Value& object) {
  std::vector<std::string> keys;
  for (const json::Member& m : object.members) keys.push_back(m.key);
  return keys;
}

std::vector<std::string> words(std::span<const std::string_view> list) {
  return std::vector<std::string>(list.begin(), list.end());
}

const char* const kEveryKey =
    BROKERLAB_SOURCE_DIR "/tests/data/scenario/canonical/every-key-request-reply.json";

std::string readAll(const char* path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return file.readAll().toStdString();
}

}  // namespace

class tst_ScenarioRequestReply : public QObject {
  Q_OBJECT

 private slots:
  void theKindsAreAvailable() {
    for (const char* kind : {"client", "api", "store"}) {
      QVERIFY2(rules::kindFromName(kind).has_value(), kind);
    }
    QCOMPARE(rules::kindNames().size(), std::size_t(kComponentKindCount));
    QCOMPARE(rules::withArticle(ComponentKind::Api), std::string("an api"));
    QCOMPARE(rules::withArticle(ComponentKind::Store), std::string("a store"));
  }

  void baseDocumentsAreValid_data() {
    QTest::addColumn<QByteArray>("text");
    const auto row = [](const char* name, const std::string& text) {
      QTest::newRow(name) << QByteArray::fromStdString(text);
    };
    row("base", rrDoc());
    row("interarrival instead of rate",
        with(rrDoc(), j("'rate': 1}"),
             j("'interarrival': {'dist': 'exponential', 'mean': '1s'}}")));
    for (const char* notify : {"poll", "webhook", "sse", "websocket"}) {
      QTest::newRow(notify) << QByteArray::fromStdString(rrDoc(j("'notify': '") + notify + j("'")));
    }
    // Poll parameters stay allowed whatever notify is, so that notify can be switched back.
    row("webhook with poll parameters",
        rrDoc(j("'notify': 'webhook', 'poll_interval': '2s', 'poll_backoff': 2, "
                "'max_poll_interval': '10s'")));
    row("max_poll_interval equal to poll_interval",
        rrDoc(j("'poll_interval': '2s', 'max_poll_interval': '2s'")));
    row("poll_backoff 1 and a max below the default poll_interval",
        rrDoc(j("'poll_backoff': 1, 'max_poll_interval': '500ms'")));
    row("poll_backoff 10", rrDoc(j("'poll_backoff': 10")));
    row("cancel_fraction 0 alone", rrDoc(j("'cancel_fraction': 0")));
    row("cancelling at once", rrDoc(j("'cancel_fraction': 1, 'cancel_after': 0")));
    row("fractions at their limits", rrDoc(j("'invalid_fraction': 1, 'unknown_poll_fraction': 0")));
    row("retry_after 0 and max_waiting 0", rrDoc("", j("'retry_after': 0, 'max_waiting': 0")));
    row("concurrency 100000", rrDoc("", j("'concurrency': 100000")));
    row("a consumer that says it is one", rrDoc("", "", "", "", "", j("'role': 'consumer'")));
    // A plain consumer may read an api's queue: the jobs it takes never finish.
    row("a plain consumer of the api's queue", plainConsumerDoc(""));
    row("two apis share a store",
        with(rrDoc(), j("{'id': 'jobs', 'kind': 'queue'}"),
             j("{'id': 'jobs', 'kind': 'queue'}, {'id': 'a2', 'kind': 'api', 'queue': 'q', "
               "'store': 's'}")));
  }
  void baseDocumentsAreValid() {
    QFETCH(QByteArray, text);
    const ScenarioLoadResult result = parseScenario(text.toStdString());
    QVERIFY2(result.ok(), qPrintable(describe(result.issues)));
  }

  void oneIssuePerMistake_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* name, const std::string& text, const char* path,
                        const char* message) {
      QTest::newRow(name) << QByteArray::fromStdString(text) << path << message;
    };
    clientRows(row);
    apiAndStoreRows(row);
    workerRows(row);
    // producers and consumers name only what holds messages
    row("producer to an api", with(rrDoc(), j("'target': 'q', 'rate'"), j("'target': 'a', 'rate'")),
        "components[9].target",
        "\"a\" is an api, but a target must be a queue, a topic or a stream (an api takes "
        "requests from a client)");
    row("producer to a store",
        with(rrDoc(), j("'target': 'q', 'rate'"), j("'target': 's', 'rate'")),
        "components[9].target",
        "\"s\" is a store, but a target must be a queue, a topic or a stream (a store is used by "
        "an api and its workers)");
    row("producer to a client",
        with(rrDoc(), j("'target': 'q', 'rate'"), j("'target': 'c', 'rate'")),
        "components[9].target",
        "\"c\" is a client, but a target must be a queue, a topic or a stream (a client sends "
        "requests to an api)");
    row("consumer of an api",
        with(rrDoc(), j("'source': 'q', 'service'"), j("'source': 'a', 'service'")),
        "components[10].source",
        "\"a\" is an api, but a source must be a queue, a topic or a stream (read the queue the "
        "api publishes its jobs to, as a worker)");
    row("consumer of a store",
        with(rrDoc(), j("'source': 'q', 'service'"), j("'source': 's2', 'service'")),
        "components[10].source", "\"s2\" is a store, but a source must be a queue");
    row("consumer of a client",
        with(rrDoc(), j("'source': 'q', 'service'"), j("'source': 'c', 'service'")),
        "components[10].source", "\"c\" is a client, but a source must be a queue");
    row("dead-letter to a store",
        with(rrDoc(), j("{'id': 'q', 'kind': 'queue'}"),
             j("{'id': 'q', 'kind': 'queue', 'dead_letter': 's'}")),
        "components[8].dead_letter", "\"s\" is a store, but a dead-letter target must be a queue");
    row("role on a producer", rrDoc("", "", "", "", j("'role': 'worker'")), "components[9].role",
        "\"role\" is not a parameter of a producer");
    row("notify on a consumer", rrDoc("", "", "", "", "", j("'notify': 'poll'")),
        "components[10].notify", "\"notify\" is not a parameter of a consumer");
  }
  void oneIssuePerMistake() {
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, message);
    test::expectOneIssue(text, path, message, true);
  }

  // Every problem is reported, not only the first, in document order, each with its place; a
  // missing key points at its component.
  void everyMistakeIsReportedWithItsPlace() {
    const std::string text =
        "{\"format\": \"brokerlab-scenario\", \"version\": 1, \"name\": \"t\", \"duration\": 60,\n"
        " \"components\": [\n"
        "  {\"id\": \"c\", \"kind\": \"client\", \"target\": \"jobs\", \"rate\": 1,\n"
        "   \"poll_backoff\": 0.5, \"cancel_fraction\": 0.2},\n"
        "  {\"id\": \"a\", \"kind\": \"api\", \"queue\": \"jobs\", \"store\": \"s\", "
        "\"concurency\": 4},\n"
        "  {\"id\": \"jobs\", \"kind\": \"queue\"},\n"
        "  {\"id\": \"w\", \"kind\": \"consumer\", \"source\": \"jobs\", \"role\": \"worker\",\n"
        "   \"service\": \"3s\"},\n"
        "  {\"id\": \"s\", \"kind\": \"store\", \"latency\": \"1ms\", \"result_ttl\": 0}]}";
    const ScenarioLoadResult result = parseScenario(text);
    QVERIFY(!result.scenario);
    std::vector<std::string> lines;
    for (const ScenarioIssue& issue : result.issues) lines.push_back(formatIssue("rr.json", issue));
    const std::vector<std::string> expected{
        "rr.json:3:3: components[0].cancel_after: is required when \"cancel_fraction\" is above 0: "
        "how long after submitting a job the client cancels it",
        "rr.json:3:43: components[0].target: \"jobs\" is a queue, but a client's target must be "
        "an api",
        "rr.json:4:20: components[0].poll_backoff: must be a number from 1 (a fixed interval) to "
        "10 (got 0.5)",
        "rr.json:5:61: components[1].concurency: unknown key \"concurency\"; did you mean "
        "\"concurrency\"?",
        "rr.json:7:3: components[3].store: is required: a worker writes the status and result of "
        "its jobs to a store",
        "rr.json:9:32: components[4].latency: \"latency\" is not a parameter of a store (a store "
        "takes: id, kind, read_latency, write_latency, result_ttl)",
        "rr.json:9:64: components[4].result_ttl: must be > 0 (got 0s)",
    };
    QCOMPARE(lines, expected);
  }

  void valuesAreReadAsWritten() {
    const ScenarioLoadResult loaded = parseScenario(readAll(kEveryKey));
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    const std::vector<ComponentSpec>& c = loaded.scenario->components;
    const ComponentSpec& client = c[0];
    QCOMPARE(client.kind, ComponentKind::Client);
    QCOMPARE(client.start, std::optional<SimTime>(2 * kSecond));
    QCOMPARE(client.notify, std::optional<Notify>(Notify::Sse));
    QCOMPARE(client.pollInterval, std::optional<SimTime>(500 * kMillisecond));
    QCOMPARE(client.pollBackoff, std::optional<double>(1.5));
    QCOMPARE(client.maxPollInterval, std::optional<SimTime>(8 * kSecond));
    QCOMPARE(client.timeout, std::optional<SimTime>(2 * kMinute));
    QCOMPARE(client.invalidFraction, std::optional<double>(0.1));
    QCOMPARE(client.unknownPollFraction, std::optional<double>(0.2));
    QCOMPARE(client.cancelFraction, std::optional<double>(0.05));
    QCOMPARE(client.cancelAfter, std::optional<SimTime>(10 * kSecond));
    const ComponentSpec& api = c[1];
    QCOMPARE(api.queue, std::optional<std::string>("jobs"));
    QCOMPARE(api.store, std::optional<std::string>("results"));
    QCOMPARE(api.concurrency, std::optional<std::uint32_t>(4));
    QCOMPARE(api.maxWaiting, std::optional<std::uint64_t>(100));
    QCOMPARE(api.retryAfter, std::optional<SimTime>(kSecond));
    QCOMPARE(api.resultDelivery, std::optional<ResultDelivery>(ResultDelivery::Inline));
    const ComponentSpec& worker = c[3];
    QCOMPARE(worker.role, std::optional<ConsumerRole>(ConsumerRole::Worker));
    QCOMPARE(worker.store, std::optional<std::string>("results"));
    QCOMPARE(worker.heartbeat, std::optional<SimTime>(30 * kSecond));  // as any consumer's
    const ComponentSpec& store = c[4];
    QCOMPARE(store.readLatency, std::optional<Distribution>(Distribution::constant(kMillisecond)));
    QCOMPARE(store.writeLatency,
             std::optional<Distribution>(Distribution::exponential(4 * kMillisecond)));
    QCOMPARE(store.resultTtl, std::optional<SimTime>(5 * kMinute));
  }

  // The canonical file sets every parameter of each request-reply kind (and of a worker; a client
  // has a rate, so no interarrival): the
  // writer puts them in the order of the rules, which is the order of the format's documentation.
  void theWriterFollowsTheKeyOrderOfEachKind() {
    const ScenarioLoadResult loaded = parseScenario(readAll(kEveryKey));
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    const json::ParseResult written = json::parse(writeScenario(*loaded.scenario));
    QVERIFY(written.root);
    const json::Value* list = written.root->find("components");
    QVERIFY(list != nullptr);
    std::vector<std::string> client = words(rules::parametersOf(ComponentKind::Client));
    client.erase(std::find(client.begin(), client.end(), "interarrival"));  // it has a rate
    QCOMPARE(keysOf(list->items[0]), client);
    QCOMPARE(keysOf(list->items[1]), words(rules::parametersOf(ComponentKind::Api)));
    std::vector<std::string> worker = words(rules::consumerParametersFor(ComponentKind::Queue));
    worker.erase(std::find(worker.begin(), worker.end(), "requeue"));  // a worker acks failures
    QCOMPARE(keysOf(list->items[3]), worker);
    QCOMPARE(keysOf(list->items[4]), words(rules::parametersOf(ComponentKind::Store)));
    // ...and every kind's parameters are in the canonical order of all keys
    const std::vector<std::string> order = words(rules::componentKeyOrder());
    for (int kind = 0; kind < kComponentKindCount; ++kind) {
      std::size_t at = 0;
      for (std::string_view key : rules::parametersOf(ComponentKind(kind))) {
        const auto it = std::find(order.begin() + at, order.end(), key);
        QVERIFY2(it != order.end(), key.data());
        at = std::size_t(it - order.begin());
      }
    }
  }

  // The editor and the engine build scenarios in memory, where any field can be set.
  void validationOfRequestReplyInMemory() {
    const ScenarioLoadResult loaded = parseScenario(rrDoc());
    QVERIFY(loaded.ok());
    Scenario s = *loaded.scenario;
    s.components[0].startPosition = StartPosition::Earliest;  // a client's start is a time
    s.components[4].latency = Distribution::constant(kMillisecond);
    s.components[1].concurrency = 0;
    const std::vector<ScenarioIssue> issues = validateScenario(s);
    QCOMPARE(issues.size(), std::size_t(3));
    QCOMPARE(issues[0].path, std::string("components[0].start"));
    QVERIFY(issues[0].message.find("a client's \"start\" is a time") != std::string::npos);
    QCOMPARE(issues[1].path, std::string("components[1].concurrency"));
    QCOMPARE(issues[2].path, std::string("components[4].latency"));
    QVERIFY(issues[2].message.find("is not a parameter of a store") != std::string::npos);
  }

  // The schema offers the same choices as the reader (its keys are checked by tst_scenarioerrors).
  void theSchemaKnowsTheChoices() {
    QFile file(BROKERLAB_SOURCE_DIR "/scenarios/schema/brokerlab-scenario.schema.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const json::ParseResult schema = json::parse(file.readAll().toStdString());
    QVERIFY(schema.root);
    const auto choices = [&](const std::string& path) {
      std::vector<std::string> names;
      const json::Value* list = json::locate(*schema.root, path);
      if (list == nullptr) return names;
      for (const json::Value& item : list->items) names.push_back(item.text);
      return names;
    };
    QCOMPARE(choices("$defs.component.oneOf[5].properties.notify.enum"),
             words(rules::notifyNames()));
    QCOMPARE(choices("$defs.component.oneOf[6].properties.result_delivery.enum"),
             words(rules::resultDeliveryNames()));
    QCOMPARE(choices("$defs.component.oneOf[2].properties.role.enum"), words(rules::roleNames()));
  }

 private:
  template <typename Row>
  static void clientRows(const Row& row) {
    row("client without target", with(rrDoc(), j("'target': 'a', "), ""), "components[0].target",
        "is required: a client needs a target api");
    row("client to nothing", with(rrDoc(), j("'target': 'a'"), j("'target': 'x'")),
        "components[0].target", "no component with id \"x\"");
    row("client to a queue", with(rrDoc(), j("'target': 'a'"), j("'target': 'jobs'")),
        "components[0].target", "\"jobs\" is a queue, but a client's target must be an api");
    row("client to a client", with(rrDoc(), j("'target': 'a'"), j("'target': 'c'")),
        "components[0].target", "\"c\" is a client, but a client's target must be an api");
    row("client without rate", with(rrDoc(), j(", 'rate': 1"), ""), "components[0]",
        "a client needs either \"rate\" (jobs per second) or \"interarrival\"");
    row("client with rate and interarrival", rrDoc(j("'interarrival': '1s'")),
        "components[0].interarrival", "give either \"rate\" or \"interarrival\", not both");
    row("client rate 0", with(rrDoc(), j("'rate': 1"), j("'rate': 0")), "components[0].rate",
        "must be a number > 0 and at most 1e9 jobs per second (got 0)");
    row("client count 0", rrDoc(j("'count': 0")), "components[0].count",
        "must be an integer >= 1 (got 0)");
    row("client stops before it starts", rrDoc(j("'start': '5s', 'stop': '1s'")),
        "components[0].stop", "must be later than start (got 1s <= 5s)");
    row("client start as a position", rrDoc(j("'start': 'earliest'")), "components[0].start",
        "(got the string \"earliest\")");
    row("routing_key on a client", rrDoc(j("'routing_key': 'x'")), "components[0].routing_key",
        "\"routing_key\" is not a parameter of a client (a client takes: id, kind, target, rate, "
        "interarrival, count, size_bytes, start, stop, notify, poll_interval, poll_backoff, "
        "max_poll_interval, timeout, invalid_fraction, unknown_poll_fraction, cancel_fraction, "
        "cancel_after, latency)");
    row("misspelt poll_interval", rrDoc(j("'poll_intervall': '1s'")),
        "components[0].poll_intervall",
        "unknown key \"poll_intervall\"; did you mean "
        "\"poll_interval\"?");
    row("notify by email", rrDoc(j("'notify': 'email'")), "components[0].notify",
        "must be one of \"poll\", \"webhook\", \"sse\" or \"websocket\" (got the string "
        "\"email\")");
    row("misspelt notify", rrDoc(j("'notify': 'websockets'")), "components[0].notify",
        "did you mean \"websocket\"?");
    row("poll_interval 0", rrDoc(j("'poll_interval': 0")), "components[0].poll_interval",
        "must be > 0 (got 0s)");
    row("poll_interval in words", rrDoc(j("'poll_interval': 'often'")),
        "components[0].poll_interval", "is not a duration");
    row("poll_backoff 0.5", rrDoc(j("'poll_backoff': 0.5")), "components[0].poll_backoff",
        "must be a number from 1 (a fixed interval) to 10 (got 0.5)");
    row("poll_backoff 11", rrDoc(j("'poll_backoff': 11")), "components[0].poll_backoff",
        "(got 11)");
    row("poll_backoff as text", rrDoc(j("'poll_backoff': '2'")), "components[0].poll_backoff",
        "must be a number (got the string \"2\")");
    row("max_poll_interval shorter than poll_interval",
        rrDoc(j("'poll_interval': '1s', 'max_poll_interval': '500ms'")),
        "components[0].max_poll_interval",
        "must not be shorter than poll_interval (got 500ms < 1s)");
    row("max_poll_interval 0", rrDoc(j("'max_poll_interval': 0")),
        "components[0].max_poll_interval", "must be > 0");
    row("timeout 0", rrDoc(j("'timeout': '0s'")), "components[0].timeout", "must be > 0 (got 0s)");
    row("invalid_fraction 1.5", rrDoc(j("'invalid_fraction': 1.5")),
        "components[0].invalid_fraction", "must be a number from 0 to 1 (got 1.5)");
    row("unknown_poll_fraction -0.1", rrDoc(j("'unknown_poll_fraction': -0.1")),
        "components[0].unknown_poll_fraction", "must be a number from 0 to 1 (got -0.1)");
    row("cancel_fraction 2", rrDoc(j("'cancel_fraction': 2, 'cancel_after': '1s'")),
        "components[0].cancel_fraction", "must be a number from 0 to 1 (got 2)");
    row("cancelling without cancel_after", rrDoc(j("'cancel_fraction': 0.1")),
        "components[0].cancel_after", "is required when \"cancel_fraction\" is above 0");
    row("cancel_after without cancel_fraction", rrDoc(j("'cancel_after': '5s'")),
        "components[0].cancel_fraction", "is required with \"cancel_after\"");
    row("cancel_after with cancel_fraction 0",
        rrDoc(j("'cancel_fraction': 0, 'cancel_after': '5s'")), "components[0].cancel_after",
        "is only for a client that cancels jobs (\"cancel_fraction\" is 0)");
    row("cancel_after with a wrong cancel_fraction",
        rrDoc(j("'cancel_fraction': 'some', 'cancel_after': '5s'")),
        "components[0].cancel_fraction", "must be a number (got the string \"some\")");
    row("negative cancel_after", rrDoc(j("'cancel_fraction': 0.5, 'cancel_after': '-1s'")),
        "components[0].cancel_after", "must not be negative");
  }

  template <typename Row>
  static void apiAndStoreRows(const Row& row) {
    row("api without queue", with(rrDoc(), j("'queue': 'jobs', "), ""), "components[1].queue",
        "is required: the queue an api publishes its jobs to");
    row("api without store",
        with(rrDoc(), j(", 'store': 's'}, {'id': 'jobs'"), j("}, {'id': 'jobs'")),
        "components[1].store", "is required: the store of the status and results of its jobs");
    row("api to nothing", with(rrDoc(), j("'queue': 'jobs'"), j("'queue': 'work'")),
        "components[1].queue", "no component with id \"work\"");
    row("api to a topic", with(rrDoc(), j("'queue': 'jobs'"), j("'queue': 't'")),
        "components[1].queue", "\"t\" is a topic, but an api's queue must be a queue");
    row("api to a stream", with(rrDoc(), j("'queue': 'jobs'"), j("'queue': 'st'")),
        "components[1].queue", "\"st\" is a stream, but an api's queue must be a queue");
    row("api store is a queue", with(rrDoc(), j("'store': 's'}"), j("'store': 'q'}")),
        "components[1].store", "\"q\" is a queue, but an api's store must be a store");
    row("api store as a list", with(rrDoc(), j("'store': 's'}"), j("'store': ['s']}")),
        "components[1].store", "must be a string (got an array)");
    row("concurrency 0", rrDoc("", j("'concurrency': 0")), "components[1].concurrency",
        "must be an integer >= 1 and <= 100000 (got 0)");
    row("concurrency 100001", rrDoc("", j("'concurrency': 100001")), "components[1].concurrency",
        "(got 100001)");
    row("misspelt concurrency", rrDoc("", j("'concurency': 4")), "components[1].concurency",
        "did you mean \"concurrency\"?");
    row("negative max_waiting", rrDoc("", j("'max_waiting': -1")), "components[1].max_waiting",
        "must be an integer >= 0");
    row("negative retry_after", rrDoc("", j("'retry_after': '-1s'")), "components[1].retry_after",
        "must not be negative");
    row("result embedded", rrDoc("", j("'result_delivery': 'embedded'")),
        "components[1].result_delivery",
        "must be one of \"redirect\" or \"inline\" (got the string \"embedded\")");
    row("api service with mean 0", rrDoc("", j("'service': {'dist': 'exponential', 'mean': 0}")),
        "components[1].service.mean", "must be > 0");
    row("target on an api", rrDoc("", j("'target': 'jobs'")), "components[1].target",
        "\"target\" is not a parameter of an api (an api takes: id, kind, queue, store, "
        "concurrency, max_waiting, service, retry_after, result_delivery, latency)");
    row("instances on an api", rrDoc("", j("'instances': 2")), "components[1].instances",
        "\"instances\" is not a parameter of an api");
    row("latency on a store", rrDoc("", "", "", j("'latency': '1ms'")), "components[4].latency",
        "\"latency\" is not a parameter of a store (a store takes: id, kind, read_latency, "
        "write_latency, result_ttl)");
    row("result_ttl 0", rrDoc("", "", "", j("'result_ttl': 0")), "components[4].result_ttl",
        "must be > 0 (got 0s)");
    row("misspelt result_ttl", rrDoc("", "", "", j("'result_tll': '1m'")),
        "components[4].result_tll", "did you mean \"result_ttl\"?");
    row("read_latency in words", rrDoc("", "", "", j("'read_latency': 'fast'")),
        "components[4].read_latency", "is not a duration");
    row("write_latency min > max",
        rrDoc("", "", "", j("'write_latency': {'dist': 'uniform', 'min': '5ms', 'max': '1ms'}")),
        "components[4].write_latency.min", "must not be greater than max (got 5ms > 1ms)");
  }

  template <typename Row>
  static void workerRows(const Row& row) {
    row("worker without store",
        with(rrDoc(), j("'role': 'worker', 'store': 's', "), j("'role': 'worker', ")),
        "components[3].store",
        "is required: a worker writes the status and result of its jobs to a store");
    row("worker store unknown",
        with(rrDoc(), j("'role': 'worker', 'store': 's'"), j("'role': 'worker', 'store': 'x'")),
        "components[3].store", "no component with id \"x\"");
    row("worker store is a queue",
        with(rrDoc(), j("'role': 'worker', 'store': 's'"), j("'role': 'worker', 'store': 'q'")),
        "components[3].store", "\"q\" is a queue, but a worker's store must be a store");
    row("worker with another store than its api",
        with(rrDoc(), j("'role': 'worker', 'store': 's'"), j("'role': 'worker', 'store': 's2'")),
        "components[3].store",
        "\"s2\" is not the store of components[1] (\"a\"), the api that publishes its jobs to "
        "\"jobs\": a worker reading \"jobs\" must write to \"s\"");
    row("worker of a topic", with(rrDoc(), j("'source': 'jobs'"), j("'source': 't'")),
        "components[3].source",
        "\"t\" is a topic, but a worker's source must be a queue (the queue an api publishes its "
        "jobs to)");
    row("worker of a stream",
        with(rrDoc("", "", j("'group': 'g'")), j("'source': 'jobs'"), j("'source': 'st'")),
        "components[3].source", "\"st\" is a stream, but a worker's source must be a queue");
    row("worker of an api", with(rrDoc(), j("'source': 'jobs'"), j("'source': 'a'")),
        "components[3].source",
        "\"a\" is an api, but a source must be a queue, a topic or a stream");
    row("misspelt role", with(rrDoc(), j("'worker'"), j("'wroker'")), "components[3].role",
        "must be one of \"consumer\" or \"worker\" (got the string \"wroker\"); did you mean "
        "\"worker\"?");
    row("store on a plain consumer", plainConsumerDoc(j("'store': 's'")), "components[3].role",
        "must be \"worker\" when \"store\" is given: only a worker writes to a store (remove "
        "\"store\" for a plain consumer)");
    row("store on a consumer", with(rrDoc(), j("'worker'"), j("'consumer'")), "components[3].role",
        "must be \"worker\" when \"store\" is given");
    row("store on a consumer of a topic",
        with(plainConsumerDoc(j("'store': 's'")), j("'source': 'jobs'"), j("'source': 't'")),
        "components[3].role", "must be \"worker\" when \"store\" is given");
    row("role on a consumer of a topic",
        with(plainConsumerDoc(j("'role': 'consumer'")), j("'source': 'jobs'"), j("'source': 't'")),
        "components[3].role", "\"role\" is only for a consumer of a queue (\"t\" is a topic)");
    row("misspelt store", rrDoc("", "", j("'stor': 's'")), "components[3].stor",
        "did you mean \"store\"?");
  }
};

QTEST_GUILESS_MAIN(tst_ScenarioRequestReply)
#include "tst_scenariorequestreply.moc"
