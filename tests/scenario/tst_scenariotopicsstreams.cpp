// What a scenario file may say about topics, streams, their producers and consumers, consumer
// groups and actions, told by what happens when it breaks a rule: each row is one bad input, the
// JSON path the issue names and a piece of its message. The base documents are valid, so each row
// changes exactly one thing. (Queues and the rest of the format: tst_scenarioerrors.cpp.)

#include "ScenarioText.h"
#include "scenario/ScenarioIssue.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioRules.h"
#include "scenario/ScenarioValidation.h"

#include "../hardening/HardeningBudget.h"

#include <QElapsedTimer>
#include <QTest>

#include <string>

using namespace brokerlab;
using test::describe;
using test::j;
using test::with;

namespace {

// "Quickly" guards against a blow-up (checks quadratic in the number of groups), not speed: well
// under a second on its own, so 5 s leaves room for a loaded CI machine; sanitizer and -O0 builds
// are ~10x slower.
#ifdef NDEBUG
constexpr qint64 kQuickMs = 5000;
#else
constexpr qint64 kQuickMs = 50000;
#endif

// `{base, extra}`. (Built by appending: GCC 12 warns falsely of overlap on "{" + string.)
std::string object(const std::string& base, const std::string& extra) {
  std::string text = "{";
  text += j(base);
  if (!extra.empty()) text.append(", ").append(extra);
  text += '}';
  return text;
}
std::string document(const std::string& list, const std::string& rest = "") {
  return j("{'format': 'brokerlab-scenario', 'version': 1, 'name': 't', 'duration': '10s', "
           "'components': [") +
         list + "]" + (rest.empty() ? "" : ", " + rest) + "}";
}

// Producer "p" -> topic "t" -> consumer "c", and a queue "q" beside them; `extra` adds members.
std::string topicDoc(const std::string& p = "", const std::string& c = "",
                     const std::string& t = "") {
  return document(
      object("'id': 'p', 'kind': 'producer', 'target': 't', 'rate': 10, 'routing_key': 'eu.a'", p) +
      ", " + object("'id': 't', 'kind': 'topic'", t) + ", " +
      object("'id': 'c', 'kind': 'consumer', 'source': 't', 'binding': 'eu.*', 'service': '1ms'",
             c) +
      ", " + j("{'id': 'q', 'kind': 'queue'}"));
}
// The topic document with a consumer "c" of the queue "q" instead (keys of a queue's consumer).
std::string queueConsumerDoc(const std::string& c) {
  return with(topicDoc("", c), j("'source': 't', 'binding': 'eu.*', "), j("'source': 'q', "));
}

// Producer "p" -> stream "s" -> consumers "a" and "b" in group "g"; `actions` is the list's text.
std::string streamDoc(const std::string& p = "", const std::string& s = "",
                      const std::string& a = "", const std::string& b = "",
                      const std::string& actions = "") {
  return document(
      object("'id': 'p', 'kind': 'producer', 'target': 's', 'rate': 10, 'keys': 100", p) + ", " +
          object("'id': 's', 'kind': 'stream', 'partitions': 4", s) + ", " +
          object("'id': 'a', 'kind': 'consumer', 'source': 's', 'group': 'g', 'service': '1ms'",
                 a) +
          ", " +
          object("'id': 'b', 'kind': 'consumer', 'source': 's', 'group': 'g', 'service': '1ms'", b),
      actions.empty() ? "" : j("'actions': [") + actions + "]");
}
std::string action(const std::string& extra = "",
                   const std::string& base =
                       "'at': '5s', 'kind': 'reset-offsets', 'target': "
                       "'s', 'group': 'g', 'to': 'earliest'") {
  return object(base, extra);
}
// The stream document with one action that leaves `key` out.
std::string actionWithout(const std::string& key) {
  std::string members =
      j("'at': '5s', 'kind': 'reset-offsets', 'target': 's', 'group': 'g', ") + j("'to': 'latest'");
  const std::size_t at = members.find("\"" + key + "\"");
  const std::size_t end = members.find(", ", at);
  members.erase(end == std::string::npos ? at - 2 : at,
                end == std::string::npos ? std::string::npos : end + 2 - at);
  return streamDoc("", "", "", "", "{" + members + "}");
}

}  // namespace

class tst_ScenarioTopicsStreams : public QObject {
  Q_OBJECT

 private slots:
  void baseDocumentsAreValid_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("topic") << QByteArray::fromStdString(topicDoc());
    QTest::newRow("consumer of a queue") << QByteArray::fromStdString(queueConsumerDoc(""));
    QTest::newRow("stream") << QByteArray::fromStdString(streamDoc());
    QTest::newRow("stream with an action")
        << QByteArray::fromStdString(streamDoc("", "", "", "", action()));
    // Groups agree on what they set; another group or another stream may differ.
    QTest::newRow("one setting each") << QByteArray::fromStdString(
        streamDoc("", "", j("'commit': 'after-processing'"), j("'start': 'earliest'")));
    QTest::newRow("other groups differ") << QByteArray::fromStdString(
        with(streamDoc("", "", j("'assignment': 'range'"), j("'assignment': 'round-robin'")),
             j("'id': 'b', 'kind': 'consumer', 'source': 's', 'group': 'g'"),
             j("'id': 'b', 'kind': 'consumer', 'source': 's', 'group': 'h'")));
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
    // topic and stream
    row("parameter of a queue on a topic", topicDoc("", "", j("'max_length': 5")),
        "components[1].max_length",
        "\"max_length\" is not a parameter of a topic (a topic takes: id, kind, type, latency)");
    row("zero partitions", with(streamDoc(), j("'partitions': 4"), j("'partitions': 0")),
        "components[1].partitions", "must be an integer >= 1 and <= 1024 (got 0)");
    row("1025 partitions", with(streamDoc(), j("'partitions': 4"), j("'partitions': 1025")),
        "components[1].partitions", "(got 1025)");
    row("misspelt partitions", with(streamDoc(), j("'partitions'"), j("'partitons'")),
        "components[1].partitons", "did you mean \"partitions\"?");
    row("zero retention", streamDoc("", j("'retention': '0h'")), "components[1].retention",
        "must be > 0 (got 0s)");
    row("zero retention_bytes", streamDoc("", j("'retention_bytes': 0")),
        "components[1].retention_bytes", "must be an integer >= 1 (got 0)");
    row("zero segment_bytes", streamDoc("", j("'segment_bytes': 0")), "components[1].segment_bytes",
        "must be an integer >= 1 (got 0)");
    // producer
    row("target is a consumer", with(topicDoc(), j("'target': 't'"), j("'target': 'c'")),
        "components[0].target",
        "\"c\" is a consumer, but a target must be a queue, a topic or a stream");
    row("routing_key to a queue", with(topicDoc(), j("'target': 't'"), j("'target': 'q'")),
        "components[0].routing_key",
        "\"routing_key\" is only for a producer whose target is a topic (\"q\" is a queue)");
    row("routing_key to a stream", streamDoc(j("'routing_key': 'a'")), "components[0].routing_key",
        "(\"s\" is a stream)");
    row("empty word in a routing key", with(topicDoc(), j("'eu.a'"), j("'eu..a'")),
        "components[0].routing_key",
        "must be words of letters, digits, '_' and '-' separated by '.', at most 255 bytes (got "
        "\"eu..a\")");
    row("wildcard in a routing key", with(topicDoc(), j("'eu.a'"), j("'eu.*'")),
        "components[0].routing_key", "(got \"eu.*\")");
    row("bad routing key in a list", with(topicDoc(), j("'eu.a'"), j("['eu.a', 'eu a']")),
        "components[0].routing_key[1]", "(got \"eu a\")");
    row("empty routing key list", with(topicDoc(), j("'eu.a'"), "[]"), "components[0].routing_key",
        "must name at least one routing key");
    row("routing key as a number", with(topicDoc(), j("'eu.a'"), "5"), "components[0].routing_key",
        "must be a routing key or a list of them (got the number 5)");
    row("routing key list of numbers", with(topicDoc(), j("'eu.a'"), "[5]"),
        "components[0].routing_key[0]", "must be a string (got the number 5)");
    row("routing key of 256 bytes",
        with(topicDoc(), j("'eu.a'"), "\"" + std::string(256, 'x') + "\""),
        "components[0].routing_key", "at most 255 bytes");
    row("keys to a topic", topicDoc(j("'keys': 5")), "components[0].keys",
        "\"keys\" is only for a producer whose target is a stream (\"t\" is a topic)");
    row("zero keys", with(streamDoc(), j("'keys': 100"), j("'keys': 0")), "components[0].keys",
        "must be an integer >= 1 and <= 1000000000 (got 0)");
    row("too many keys", with(streamDoc(), j("'keys': 100"), j("'keys': 1000000001")),
        "components[0].keys", "(got 1000000001)");
    row("key_skew without keys", with(streamDoc(), j("'keys': 100"), j("'key_skew': 1")),
        "components[0].key_skew", "needs \"keys\"");
    row("key_skew 11", streamDoc(j("'key_skew': 11")), "components[0].key_skew",
        "must be a number from 0 (uniform) to 10 (got 11)");
    row("key_skew -0.5", streamDoc(j("'key_skew': -0.5")), "components[0].key_skew", "(got -0.5)");
    row("key_skew to a queue",
        with(topicDoc(j("'key_skew': 1")), j("'target': 't', 'rate': 10, 'routing_key': 'eu.a'"),
             j("'target': 'q', 'rate': 10")),
        "components[0].key_skew",
        "only for a producer whose target is a stream (\"q\" is a queue)");
    // every consumer
    row("source is a producer", with(topicDoc(), j("'source': 't'"), j("'source': 'p'")),
        "components[2].source",
        "\"p\" is a producer, but a source must be a queue, a topic or a stream");
    row("negative join", queueConsumerDoc(j("'join': '-1s'")), "components[2].join",
        "must not be negative");
    row("zero leave", queueConsumerDoc(j("'leave': 0")), "components[2].leave",
        "must be > 0 (got 0s)");
    row("leave before join", topicDoc("", j("'join': '5s', 'leave': '1s'")), "components[2].leave",
        "must be later than join (got 1s <= 5s)");
    // consumer of a queue or a topic
    row("binding on a consumer of a queue", queueConsumerDoc(j("'binding': '#'")),
        "components[2].binding",
        "\"binding\" is only for a consumer of a topic (\"q\" is a queue)");
    row("durable on a consumer of a queue", queueConsumerDoc(j("'durable': true")),
        "components[2].durable", "\"durable\" is only for a consumer of a topic");
    row("group on a consumer of a topic", topicDoc("", j("'group': 'g'")), "components[2].group",
        "\"group\" is only for a consumer of a stream (\"t\" is a topic)");
    row("start on a consumer of a queue", queueConsumerDoc(j("'start': 'earliest'")),
        "components[2].start", "\"start\" is only for a consumer of a stream");
    row("a time as a consumer's start", topicDoc("", j("'start': '5s'")), "components[2].start",
        "must be one of \"earliest\" or \"latest\" (got the string \"5s\")");
    row("word and wildcard in a binding", with(topicDoc(), j("'eu.*'"), j("'eu.a*'")),
        "components[2].binding",
        "must be words separated by '.', each of letters, digits, '_' and '-', or '*' (exactly "
        "one word) or '#' (zero or more words), at most 255 bytes (got \"eu.a*\")");
    row("empty binding", with(topicDoc(), j("'eu.*'"), j("''")), "components[2].binding",
        "(got \"\")");
    row("binding as a number", with(topicDoc(), j("'eu.*'"), j("5")), "components[2].binding",
        "must be a binding pattern or a list of them (got the number 5)");
    row("empty binding list", with(topicDoc(), j("'eu.*'"), j("[]")), "components[2].binding",
        "must name at least one pattern (got an empty list)");
    row("bad pattern in a list", with(topicDoc(), j("'eu.*'"), j("['eu.*', 'a..b']")),
        "components[2].binding[1]", "(got \"a..b\")");
    row("binding on a fanout topic", topicDoc("", "", j("'type': 'fanout'")),
        "components[2].binding", "a fanout topic gives every subscription every message");
    row("wildcard on a direct topic", topicDoc("", "", j("'type': 'direct'")),
        "components[2].binding", "a direct topic routes by equal routing key");
    row("direct topic without binding",
        with(topicDoc("", "", j("'type': 'direct'")), j("'binding': 'eu.*', "), ""),
        "components[2].binding", "is required: a subscription to a direct topic");
    row("unknown topic type", topicDoc("", "", j("'type': 'headers'")), "components[1].type",
        "must be one of \"topic\", \"fanout\" or \"direct\"");
    row("expiration to a stream", streamDoc(j("'expiration': '1s'")), "components[0].expiration",
        "is only for a producer whose target is a queue or a topic");
    row("subscription max_length 0", topicDoc("", j("'max_length': 0")), "components[2].max_length",
        "must be an integer >= 1 (got 0)");
    row("subscription ttl 0", topicDoc("", j("'ttl': 0")), "components[2].ttl", "must be > 0");
    row("subscription overflow", topicDoc("", j("'overflow': 'drop-tail'")),
        "components[2].overflow",
        "must be one of \"drop-head\", \"reject-publish\" or \"reject-publish-dlx\"");
    // consumer of a stream
    row("no group", with(streamDoc(), j("'group': 'g', 'service'"), j("'service'")),
        "components[2].group", "is required: a consumer of a stream belongs to a consumer group");
    row("group with a space",
        with(streamDoc(), j("'group': 'g', 'service'"), j("'group': 'g h', 'service'")),
        "components[2].group",
        "must be 1 to 64 characters from letters, digits, '_', '.' and '-' (got \"g h\")");
    row("group of 65 characters",
        with(streamDoc(), j("'group': 'g', 'service'"),
             j("'group': '") + std::string(65, 'g') + j("', 'service'")),
        "components[2].group", "must be 1 to 64 characters");
    row("ack on a consumer of a stream", streamDoc("", "", j("'ack': 'auto'")), "components[2].ack",
        "\"ack\" is not a parameter of a consumer of a stream (a consumer of a stream takes: id, "
        "kind, start, source, group, instances, prefetch, service, join, leave, assignment, "
        "commit, auto_commit_interval, rebalance_pause, heartbeat, latency)");
    row("failure_probability on a consumer of a stream",
        streamDoc("", "", j("'failure_probability': 0.1")), "components[2].failure_probability",
        "\"failure_probability\" is not a parameter of a consumer of a stream");
    row("assignment on a consumer of a topic", topicDoc("", j("'assignment': 'range'")),
        "components[2].assignment", "\"assignment\" is only for a consumer of a stream");
    row("unknown assignment", streamDoc("", "", j("'assignment': 'sticky'")),
        "components[2].assignment", "must be one of \"range\" or \"round-robin\"");
    row("misspelt commit", streamDoc("", "", j("'commit': 'after-process'")),
        "components[2].commit", "did you mean \"after-processing\"?");
    row("auto_commit_interval when committing after processing",
        streamDoc("", "", j("'commit': 'after-processing', 'auto_commit_interval': '1s'")),
        "components[2].auto_commit_interval", "is only for \"commit\": \"auto\"");
    row("zero auto_commit_interval", streamDoc("", "", j("'auto_commit_interval': 0")),
        "components[2].auto_commit_interval", "must be > 0");
    row("negative rebalance_pause", streamDoc("", "", j("'rebalance_pause': '-1s'")),
        "components[2].rebalance_pause", "must not be negative");
    row("misspelt rebalance_pause", streamDoc("", "", j("'rebalance_paus': '1s'")),
        "components[2].rebalance_paus", "did you mean \"rebalance_pause\"?");
    // consumer groups
    row("group disagrees on assignment",
        streamDoc("", "", j("'assignment': 'range'"), j("'assignment': 'round-robin'")),
        "components[3].assignment",
        "consumers in group \"g\" of stream \"s\" must agree: \"round-robin\" here, but \"range\" "
        "in components[2] (\"a\")");
    row("group disagrees on commit",
        streamDoc("", "", j("'commit': 'auto'"), j("'commit': 'after-processing'")),
        "components[3].commit", "\"after-processing\" here, but \"auto\" in components[2]");
    row("group disagrees on start",
        streamDoc("", "", j("'start': 'earliest'"), j("'start': 'latest'")), "components[3].start",
        "\"latest\" here, but \"earliest\" in components[2] (\"a\")");
    row("group disagrees on auto_commit_interval",
        streamDoc("", "", j("'auto_commit_interval': '5s'"), j("'auto_commit_interval': 5.5")),
        "components[3].auto_commit_interval", "\"5.5s\" here, but \"5s\" in components[2]");
    row("group disagrees on rebalance_pause",
        streamDoc("", "", j("'rebalance_pause': '3s'"), j("'rebalance_pause': 0")),
        "components[3].rebalance_pause", "\"0s\" here, but \"3s\" in components[2]");
    row("auto_commit_interval in a group committing after processing",
        streamDoc("", "", j("'commit': 'after-processing'"), j("'auto_commit_interval': '1s'")),
        "components[3].auto_commit_interval",
        "is only for \"commit\": \"auto\", but group \"g\" commits \"after-processing\" (set by "
        "components[2] (\"a\"))");
    // actions
    row("actions not a list", with(streamDoc(), "]}", j("], 'actions': {}}")), "actions",
        "must be an array (got an object)");
    row("action not an object", streamDoc("", "", "", "", "5"), "actions[0]",
        "must be an object (got the number 5)");
    row("misspelt action key", streamDoc("", "", "", "", action(j("'grup': 'g'"))),
        "actions[0].grup", "did you mean \"group\"?");
    row("action without at", actionWithout("at"), "actions[0].at", "is required");
    row("action without kind", actionWithout("kind"), "actions[0].kind",
        "is required: one of \"reset-offsets\"");
    row("action without target", actionWithout("target"), "actions[0].target",
        "is required: the id of a stream");
    row("action without group", actionWithout("group"), "actions[0].group", "is required");
    row("action without to", actionWithout("to"), "actions[0].to", "is required");
    row("misspelt action kind",
        streamDoc("", "", "", "", with(action(), "reset-offsets", "reset-offset")),
        "actions[0].kind", "did you mean \"reset-offsets\"?");
    row("action after the end", streamDoc("", "", "", "", with(action(), "5s", "11s")),
        "actions[0].at", "must not be later than the scenario's duration (got 11s > 10s)");
    row("negative action time", streamDoc("", "", "", "", with(action(), "5s", "-5s")),
        "actions[0].at", "must not be negative");
    row("action on nothing",
        streamDoc("", "", "", "", with(action(), j("'target': 's'"), j("'target': 'x'"))),
        "actions[0].target", "no component with id \"x\"");
    row("action on a producer",
        streamDoc("", "", "", "", with(action(), j("'target': 's'"), j("'target': 'p'"))),
        "actions[0].target",
        "\"p\" is a producer, but the target of \"reset-offsets\" must be a stream");
    row("action on a group that does not read the stream",
        streamDoc("", "", "", "", with(action(), j("'group': 'g'"), j("'group': 'gg'"))),
        "actions[0].group",
        "no consumer of \"s\" is in group \"gg\" (its groups: g); did you mean \"g\"?");
    row("reset to first", streamDoc("", "", "", "", with(action(), "earliest", "first")),
        "actions[0].to",
        "must be \"earliest\", \"latest\", {\"offset\": integer} or {\"time\": duration} (got the "
        "string \"first\")");
    row("reset to a number", streamDoc("", "", "", "", with(action(), j("'earliest'"), "5")),
        "actions[0].to", "(got the number 5)");
    row("reset to a negative offset",
        streamDoc("", "", "", "", with(action(), j("'earliest'"), j("{'offset': -1}"))),
        "actions[0].to.offset", "must be an integer >= 0");
    row("reset to an offset and a time",
        streamDoc("", "", "", "", with(action(), j("'earliest'"), j("{'offset': 1, 'time': 1}"))),
        "actions[0].to.time", "give either \"offset\" or \"time\", not both");
    row("reset to nothing", streamDoc("", "", "", "", with(action(), j("'earliest'"), "{}")),
        "actions[0].to", "needs \"offset\"");
    row("reset to a misspelt offset",
        streamDoc("", "", "", "", with(action(), j("'earliest'"), j("{'ofset': 1}"))),
        "actions[0].to.ofset", "did you mean \"offset\"?");
    row("reset to a wrong time",
        streamDoc("", "", "", "", with(action(), j("'earliest'"), j("{'time': 'soon'}"))),
        "actions[0].to.time", "is not a duration");
  }
  void oneIssuePerMistake() {
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, message);
    test::expectOneIssue(text, path, message, true);
  }

  void aDisagreementNamesBothComponentsAtTheSecond() {
    const std::string text =
        streamDoc("", "", j("'commit': 'auto'"), "\n" + j("'commit': 'after-processing'"));
    const ScenarioLoadResult result = parseScenario(text);
    QCOMPARE(result.issues.size(), std::size_t(1));
    QCOMPARE(result.issues[0].line, 2);
    QVERIFY(result.issues[0].message.find("components[2] (\"a\")") != std::string::npos);
  }

  void aProducersStartIsATimeAndAConsumersAPosition() {
    const ScenarioLoadResult result =
        parseScenario(streamDoc(j("'start': '2s'"), "", j("'start': 'earliest'")));
    QVERIFY2(result.ok(), qPrintable(describe(result.issues)));
    QCOMPARE(result.scenario->components[0].start, std::optional<SimTime>(2 * kSecond));
    QVERIFY(!result.scenario->components[0].startPosition);
    QCOMPARE(result.scenario->components[2].startPosition,
             std::optional<StartPosition>(StartPosition::Earliest));
    QVERIFY(!result.scenario->components[2].start);
  }

  // Every action names a group that no consumer has, among tens of thousands of groups: each is
  // looked up, not searched for, and the messages list only a few of the groups.
  void manyGroupsAndActionsAreCheckedQuickly() {
    std::string consumers;
    std::string actions;
    for (int i = 0; i < 20000; ++i) {
      const std::string n = std::to_string(i);
      consumers += j(", {'id': 'c") + n + j("', 'kind': 'consumer', 'source': 's', 'group': 'g") +
                   n + j("', 'service': '1ms'}");
      actions += std::string(i > 0 ? ", " : "") + j("{'at': 1, 'kind': 'reset-offsets', ") +
                 j("'target': 's', 'group': 'x") + n + j("', 'to': 'latest'}");
    }
    const std::string text =
        document(j("{'id': 's', 'kind': 'stream'}") + consumers, j("'actions': [") + actions + "]");
    ScenarioLoadResult result;
    QString tries;
    const qint64 ms = hardening::bestTimeMs(
        kQuickMs, [&] { result = parseScenario(text); }, &tries);
    QVERIFY2(ms < kQuickMs, qPrintable(tries));
    QCOMPARE(result.issues.size(), limits::kMaxIssues);
    QVERIFY(result.issues[0].message.size() < 300);
  }

  // The editor and the engine build scenarios in memory, where both meanings of "start" exist.
  void validationOfAStartInMemory() {
    const ScenarioLoadResult loaded = parseScenario(streamDoc());
    QVERIFY(loaded.ok());
    Scenario s = *loaded.scenario;
    s.components[0].startPosition = StartPosition::Latest;
    s.components[2].start = kSecond;
    const std::vector<ScenarioIssue> issues = validateScenario(s);
    QCOMPARE(issues.size(), std::size_t(2));
    QCOMPARE(issues[0].path, std::string("components[0].start"));
    QVERIFY(issues[0].message.find("a producer's \"start\" is a time") != std::string::npos);
    QCOMPARE(issues[1].path, std::string("components[2].start"));
    QVERIFY(issues[1].message.find("not a time") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(tst_ScenarioTopicsStreams)
#include "tst_scenariotopicsstreams.moc"
