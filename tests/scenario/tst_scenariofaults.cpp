// What a scenario file may say about faults: when each kind may happen, what it may hit and the
// values it needs, told by what happens when it breaks a rule: each row is one bad input, the JSON
// path the issue names and a piece of its message. The base document is valid, so each row
// changes exactly one thing. Every valid document also builds a model: what validation lets
// through, the engine's own check of faults (engine/model/FaultResolver) accepts.

#include "FaultDocuments.h"
#include "ScenarioText.h"
#include "model/ModelBuilder.h"
#include "scenario/Json.h"
#include "scenario/ScenarioIssue.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioRules.h"
#include "scenario/ScenarioValidation.h"
#include "scenario/ScenarioWriter.h"

#include "../hardening/HardeningBudget.h"

#include <QElapsedTimer>
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
using namespace brokerlab::test::faults;

namespace {

std::vector<std::string> keysOf(const json::Value& object) {
  std::vector<std::string> keys;
  for (const json::Member& m : object.members) keys.push_back(m.key);
  return keys;
}

std::vector<std::string> words(std::span<const std::string_view> list) {
  return std::vector<std::string>(list.begin(), list.end());
}

const char* const kEveryKey =
    BROKERLAB_SOURCE_DIR "/tests/data/scenario/canonical/every-key-faults.json";

std::string readAll(const char* path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return file.readAll().toStdString();
}

// `count` crashes of "w", one a millisecond from 1 ms.
std::string manyCrashes(std::size_t count) {
  std::string faults;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) faults += ", ";
    faults.append("{'at': '").append(std::to_string(i + 1)).append("ms', 'kind': 'crash', ");
    faults.append("'target': 'w#1', 'restart_after': '1ms'}");
  }
  return faultsDoc(faults);
}

// A guard against work that blows up with the input, not a speed target: the hardening suites'
// budget for a loaded CI machine.
constexpr qint64 kQuickMs = hardening::kBudgetMs;

}  // namespace

class tst_ScenarioFaults : public QObject {
  Q_OBJECT

 private slots:
  void theKindsAreNamed() {
    QCOMPARE(rules::faultKindNames().size(), std::size_t(kFaultKindCount));
    for (int kind = 0; kind < kFaultKindCount; ++kind) {
      QCOMPARE(rules::faultKindName(FaultKind(kind)), rules::faultKindNames()[kind]);
    }
    QCOMPARE(rules::faultKindName(FaultKind::Partition), std::string_view("partition"));
    // every kind can be used
    const auto available = words(rules::availableFaultKinds());
    QCOMPARE(available,
             (std::vector<std::string>{"crash", "close", "restart", "spike", "slow", "poison",
                                       "partition", "degrade", "scale", "prefetch", "poll"}));
  }

  void validDocuments_data() {
    QTest::addColumn<QByteArray>("text");
    const auto row = [](const char* name, const std::string& text) {
      QTest::newRow(name) << QByteArray::fromStdString(text);
    };
    row("no faults", faultsDoc());
    row("an empty list", with(faultsDoc(), "]}", j("], 'faults': []}")));
    row("crash of a consumer", oneFault("'at': '10s', 'kind': 'crash', 'target': 'w'"));
    row("crash of an instance",
        oneFault("'at': '10s', 'kind': 'crash', 'target': 'w#2', 'restart_after': '5s'"));
    row("crash at 0", oneFault("'at': 0, 'kind': 'crash', 'target': 'w#1'"));
    row("crash just before the end", oneFault("'at': '59999ms', 'kind': 'crash', 'target': 'w'"));
    row("crash of a worker", oneFault("'at': '10s', 'kind': 'crash', 'target': 'k#1'"));
    row("crash of a stream consumer", oneFault("'at': '10s', 'kind': 'crash', 'target': 'r'"));
    row("crash of a topic consumer", oneFault("'at': '10s', 'kind': 'crash', 'target': 'sub#1'"));
    row("crash of an instance a later scale adds",
        faultsDoc("{'at': '10s', 'kind': 'crash', 'target': 'w#4'}, "
                  "{'at': '20s', 'kind': 'scale', 'target': 'w', 'instances': 4}"));
    row("spike of a producer",
        oneFault("'at': '10s', 'kind': 'spike', 'target': 'p', 'duration': '20s', 'factor': 3"));
    row("spike of a client", oneFault("'at': '10s', 'kind': 'spike', 'target': 'c', 'factor': 2"));
    row("a lull", oneFault("'at': '10s', 'kind': 'spike', 'target': 'p', 'factor': 0.001"));
    row("spike factor 1000",
        oneFault("'at': '10s', 'kind': 'spike', 'target': 'p', 'factor': 1000"));
    row("slow", oneFault("'at': '10s', 'kind': 'slow', 'target': 'w', 'factor': 2.5"));
    row("slow of a stream consumer",
        oneFault("'at': '10s', 'kind': 'slow', 'target': 'r', 'duration': '5s', 'factor': 4"));
    row("poison", oneFault("'at': '10s', 'kind': 'poison', 'target': 'p', 'fraction': 0.1"));
    row("poison of every message",
        oneFault("'at': '10s', 'kind': 'poison', 'target': 'p', 'fraction': 1, 'duration': 1"));
    row("partition of a producer",
        oneFault("'at': '10s', 'kind': 'partition', 'target': 'p', 'duration': '5s'"));
    row("partition of a consumer",
        oneFault("'at': '10s', 'kind': 'partition', 'target': 'sub', 'duration': '1ns'"));
    row("lossy partition of a producer",
        oneFault("'at': '10s', 'kind': 'partition', 'target': 'p', 'duration': '5s', "
                 "'fraction': 1"));
    row("degrade of a producer",
        oneFault("'at': '10s', 'kind': 'degrade', 'target': 'p', 'factor': 10"));
    row("degrade of a consumer",
        oneFault("'at': '10s', 'kind': 'degrade', 'target': 'w', 'factor': 0.5, 'duration': 1"));
    row("scale to 0", oneFault("'at': '10s', 'kind': 'scale', 'target': 'w', 'instances': 0"));
    row("scale to the limit",
        oneFault("'at': '10s', 'kind': 'scale', 'target': 'w', 'instances': 10000"));
    row("prefetch of a queue consumer",
        oneFault("'at': '10s', 'kind': 'prefetch', 'target': 'w', 'prefetch': 10"));
    row("prefetch 0 (unlimited)",
        oneFault("'at': '10s', 'kind': 'prefetch', 'target': 'w', 'prefetch': 0"));
    row("prefetch to the limit",
        oneFault("'at': '10s', 'kind': 'prefetch', 'target': 'sub', 'prefetch': 100000"));
    row("prefetch of a stream consumer",
        oneFault("'at': '10s', 'kind': 'prefetch', 'target': 'r', 'prefetch': 5"));
    row("prefetch of a worker",
        oneFault("'at': '10s', 'kind': 'prefetch', 'target': 'k', 'prefetch': 2"));
    row("poll of a client",
        oneFault("'at': '10s', 'kind': 'poll', 'target': 'c', 'poll_interval': '250ms'"));
    row("poll interval of 1 ns",
        oneFault("'at': '10s', 'kind': 'poll', 'target': 'c', 'poll_interval': 1"));
    row("faults in any order of time", faultsDoc("{'at': '30s', 'kind': 'crash', 'target': 'w'}, "
                                                 "{'at': '10s', 'kind': 'crash', 'target': 'w'}"));
    row("heartbeat of a queue consumer", faultsDoc("", j("'heartbeat': '5s'")));
    row("heartbeat of a stream consumer", faultsDoc("", "", "", j("'heartbeat': 10")));
    row("heartbeat of a topic consumer", faultsDoc("", "", "", "", j("'heartbeat': '1ms'")));
  }
  void validDocuments() {
    QFETCH(QByteArray, text);
    const ScenarioLoadResult result = parseScenario(text.toStdString());
    QVERIFY2(result.ok(), qPrintable(describe(result.issues)));
    // the engine's own check of fault targets agrees
    const ModelBuildResult built = buildModel(*result.scenario);
    QVERIFY2(built.model.has_value(), built.error.c_str());
  }

  void oneIssuePerMistake_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* name, const std::string& text, const char* path,
                        const char* message) {
      QTest::newRow(name) << QByteArray::fromStdString(text) << path << message;
    };
    everyFaultRows(row);
    crashRows(row);
    factorAndFractionRows(row);
    linkAndScaleRows(row);
    whatIfRows(row);
    heartbeatRows(row);
  }
  void oneIssuePerMistake() {
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, message);
    test::expectOneIssue(text, path, message, true);
  }

  // Every problem is reported, not only the first, in document order, each with its place; a
  // missing key points at its fault.
  void everyMistakeIsReportedWithItsPlace() {
    const std::string text =
        j("{'format': 'brokerlab-scenario', 'version': 1, 'name': 'f', 'duration': '2m',\n"
          " 'components': [\n"
          "  {'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': 8},\n"
          "  {'id': 'q', 'kind': 'queue'},\n"
          "  {'id': 'w', 'kind': 'consumer', 'source': 'q', 'service': '1s', 'heartbeat': 0}],\n"
          " 'faults': [\n"
          "  {'at': '30s', 'kind': 'crash', 'target': 'w#2', 'restart_afer': '10s'},\n"
          "  {'at': '2m', 'kind': 'spike', 'target': 'p'},\n"
          "  {'at': '1m', 'kind': 'restart', 'target': 'broker'},\n"
          "  {'at': '1m', 'kind': 'poison', 'target': 'p', 'fraction': 1.5, 'factor': 2},\n"
          "  {'at': '1m', 'kind': 'partition', 'target': 'q'}]}");
    const ScenarioLoadResult result = parseScenario(text);
    QVERIFY(!result.scenario);
    std::vector<std::string> lines;
    for (const ScenarioIssue& issue : result.issues) lines.push_back(formatIssue("f.json", issue));
    const std::vector<std::string> expected{
        "f.json:5:80: components[2].heartbeat: must be > 0 (got 0s)",
        "f.json:7:44: faults[0].target: \"w#2\" is not an instance of \"w\", which has instances "
        "1 to 1",
        "f.json:7:51: faults[0].restart_afer: unknown key \"restart_afer\"; did you mean "
        "\"restart_after\"?",
        "f.json:8:3: faults[1].factor: is required: how many times the rate is multiplied while "
        "the spike lasts (0.001 to 1000; below 1 is a lull)",
        "f.json:8:10: faults[1].at: must be earlier than the scenario's duration (got 2m >= 2m): "
        "a fault at or after the end never happens",
        "f.json:9:3: faults[2]: a restart needs a duration: how long the broker is down",
        "f.json:10:61: faults[3].fraction: must be a number above 0 and at most 1 (got 1.5)",
        "f.json:10:66: faults[3].factor: \"factor\" is not a parameter of a \"poison\" fault (a "
        "\"poison\" fault takes: at, kind, target, duration, fraction)",
        "f.json:11:3: faults[4].duration: is required: how long the link stays cut (a partition "
        "always heals)",
        "f.json:11:47: faults[4].target: \"q\" is a queue, but the target of a \"partition\" "
        "fault must be a producer or a consumer (its link to the broker)",
    };
    QCOMPARE(lines, expected);
  }

  void valuesAreReadAsWritten() {
    const ScenarioLoadResult loaded = parseScenario(readAll(kEveryKey));
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    const Scenario& s = *loaded.scenario;
    QCOMPARE(s.faults.size(), std::size_t(13));
    const FaultSpec& crash = s.faults[0];
    QCOMPARE(crash.at, kMinute);
    QCOMPARE(crash.kind, FaultKind::Crash);
    QCOMPARE(crash.target, std::string("workers#1"));
    QCOMPARE(crash.restartAfter, std::optional<SimTime>(30 * kSecond));
    QVERIFY(!crash.duration && !crash.factor && !crash.fraction && !crash.instances);
    QCOMPARE(s.faults[1].restartAfter, std::optional<SimTime>());
    const FaultSpec& spike = s.faults[2];
    QCOMPARE(spike.kind, FaultKind::Spike);
    QCOMPARE(spike.duration, std::optional<SimTime>(kMinute));
    QCOMPARE(spike.factor, std::optional<double>(3));
    QCOMPARE(s.faults[3].target, std::string("portal"));  // a client
    QCOMPARE(s.faults[3].factor, std::optional<double>(0.5));
    QCOMPARE(s.faults[4].kind, FaultKind::Slow);
    QCOMPARE(s.faults[4].factor, std::optional<double>(2.5));
    const FaultSpec& poison = s.faults[5];
    QCOMPARE(poison.kind, FaultKind::Poison);
    QCOMPARE(poison.fraction, std::optional<double>(0.01));
    QCOMPARE(poison.duration, std::optional<SimTime>(20 * kSecond));
    QCOMPARE(s.faults[6].kind, FaultKind::Partition);
    QCOMPARE(s.faults[6].duration, std::optional<SimTime>(15 * kSecond));
    QCOMPARE(s.faults[6].fraction, std::optional<double>(0.25));
    QCOMPARE(s.faults[7].kind, FaultKind::Degrade);
    QCOMPARE(s.faults[7].at, 330 * kSecond);
    QCOMPARE(s.faults[7].factor, std::optional<double>(10));
    QCOMPARE(s.faults[8].kind, FaultKind::Scale);
    QCOMPARE(s.faults[8].instances, std::optional<std::uint32_t>(4));
    QCOMPARE(s.faults[9].target, std::string("workers#4"));  // a slot the scale adds
    QCOMPARE(s.faults[10].instances, std::optional<std::uint32_t>(0));
    QCOMPARE(s.faults[11].kind, FaultKind::Prefetch);
    QCOMPARE(s.faults[11].target, std::string("subscriber"));
    QCOMPARE(s.faults[11].prefetch, std::optional<std::uint32_t>(0));  // unlimited, not absent
    QCOMPARE(s.faults[12].kind, FaultKind::Poll);
    QCOMPARE(s.faults[12].at, 9 * kMinute);
    QCOMPARE(s.faults[12].pollInterval, std::optional<SimTime>(2500 * kMillisecond));
    QVERIFY(!s.faults[12].prefetch && !s.faults[12].duration);
    const auto heartbeatOf = [&](const char* id) {
      for (const ComponentSpec& c : s.components) {
        if (c.id == id) return c.heartbeat;
      }
      return std::optional<SimTime>();
    };
    QCOMPARE(heartbeatOf("workers"), std::optional<SimTime>(5 * kSecond));
    QCOMPARE(heartbeatOf("readers"), std::optional<SimTime>(10 * kSecond));
    QCOMPARE(heartbeatOf("subscriber"), std::optional<SimTime>(30 * kSecond));
    QCOMPARE(heartbeatOf("orders"), std::optional<SimTime>());
    QVERIFY(buildModel(s).model.has_value());
  }

  // A fault is written with its kind's keys in the order of rules::parametersOf(kind), which is
  // the order of all fault keys; heartbeat goes with a consumer's keys.
  void keysAreWrittenInTheCanonicalOrder() {
    const ScenarioLoadResult loaded = parseScenario(readAll(kEveryKey));
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    const json::ParseResult written = json::parse(writeScenario(*loaded.scenario));
    QVERIFY(written.root);
    const json::Value* faults = written.root->find("faults");
    QVERIFY(faults != nullptr);
    // those with every key of their kind
    const std::size_t complete[] = {0, 2, 4, 5, 6, 7, 8, 11, 12};
    for (const std::size_t i : complete) {
      const FaultKind kind = loaded.scenario->faults[i].kind;
      QCOMPARE(keysOf(faults->items[i]), words(rules::parametersOf(kind)));
    }
    const std::vector<std::string> order = words(rules::faultKeys());
    for (int kind = 0; kind < kFaultKindCount; ++kind) {
      std::size_t at = 0;
      for (std::string_view key : rules::parametersOf(FaultKind(kind))) {
        const auto it = std::find(order.begin() + at, order.end(), key);
        QVERIFY2(it != order.end(), key.data());
        at = std::size_t(it - order.begin());
      }
    }
    const json::Value* workers = json::locate(*written.root, "components[7]");
    QVERIFY(workers != nullptr);
    const std::vector<std::string> keys = keysOf(*workers);
    QCOMPARE(keys.back(), std::string("heartbeat"));
    for (const ComponentKind source :
         {ComponentKind::Queue, ComponentKind::Topic, ComponentKind::Stream}) {
      QVERIFY(rules::consumerTakes(source, "heartbeat"));
    }
    QVERIFY(!rules::takesParameter(ComponentKind::Producer, "heartbeat"));
    QVERIFY(rules::takesParameter(ComponentKind::Producer, "confirm"));
    QVERIFY(!rules::takesParameter(ComponentKind::Queue, "confirm"));
  }

  // The editor and the engine (live faults) build scenarios in memory, where any field can be set.
  void validationOfFaultsInMemory() {
    const ScenarioLoadResult loaded = parseScenario(faultsDoc());
    QVERIFY(loaded.ok());
    Scenario s = *loaded.scenario;
    FaultSpec restart;
    restart.kind = FaultKind::Restart;
    restart.at = kSecond;
    FaultSpec crash;
    crash.target = "w";
    crash.factor = 2;
    FaultSpec spike;
    spike.kind = FaultKind::Spike;
    spike.target = "p";
    FaultSpec scale;
    scale.kind = FaultKind::Scale;
    scale.target = "w";
    scale.instances = 20'000;
    s.faults = {restart, crash, spike, scale};
    s.components[1].confirm = true;  // on a queue
    s.components[2].heartbeat = 0;
    std::vector<ScenarioIssue> issues = validateScenario(s);
    QVERIFY2(issues.size() == 7, qPrintable(describe(issues)));
    QCOMPARE(issues[0].path, std::string("components[1].confirm"));
    QVERIFY(issues[0].message.find("publisher confirms are for producers") != std::string::npos);
    QCOMPARE(issues[1].path, std::string("components[2].heartbeat"));
    QCOMPARE(issues[2].path, std::string("faults[0]"));
    QVERIFY(issues[2].message.find("target must be \"broker\"") != std::string::npos);
    QCOMPARE(issues[3].path, std::string("faults[0]"));
    QVERIFY(issues[3].message.find("needs a duration") != std::string::npos);
    issues.erase(issues.begin() + 3);
    QCOMPARE(issues[3].path, std::string("faults[1].factor"));
    QVERIFY(issues[3].message.find("is not a parameter of a \"crash\" fault") != std::string::npos);
    QCOMPARE(issues[4].path, std::string("faults[2].factor"));
    QVERIFY(issues[4].message.find("is required") != std::string::npos);
    QCOMPARE(issues[5].path, std::string("faults[3].instances"));
    QCOMPARE(issues[5].message, std::string("must be an integer >= 0 and <= 10000 (got 20000)"));
  }

  void tooManyFaultsAreRejectedQuickly() {
    const std::string text = manyCrashes(limits::kMaxFaults + 1);
    ScenarioLoadResult result;
    QString tries;
    const qint64 ms = hardening::bestTimeMs(
        kQuickMs, [&] { result = parseScenario(text); }, &tries);
    QVERIFY2(ms < kQuickMs, qPrintable(tries));
    QCOMPARE(result.issues.size(), std::size_t(1));
    QCOMPARE(result.issues[0].path, std::string("faults"));
    QCOMPARE(result.issues[0].message, std::string("has 10001 faults; the limit is 10000"));
  }

  void theLimitOfFaultsIsAccepted() {
    const ScenarioLoadResult result = parseScenario(manyCrashes(limits::kMaxFaults));
    QVERIFY2(result.ok(), qPrintable(describe(result.issues)));
    QCOMPARE(result.scenario->faults.size(), limits::kMaxFaults);
  }

  // Editors validate with the JSON Schema, BrokerLab with its reader: the same keys and kinds, and
  // each kind allows the keys it takes.
  void theSchemaKnowsTheFaults() {
    QFile file(BROKERLAB_SOURCE_DIR "/scenarios/schema/brokerlab-scenario.schema.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const json::ParseResult schema = json::parse(file.readAll().toStdString());
    QVERIFY(schema.root);
    const json::Value* fault = json::locate(*schema.root, "$defs.fault");
    QVERIFY(fault != nullptr);
    QCOMPARE(keysOf(*fault->find("properties")), words(rules::faultKeys()));
    const auto texts = [](const json::Value* list) {
      std::vector<std::string> names;
      if (list != nullptr) {
        for (const json::Value& item : list->items) names.push_back(item.text);
      }
      return names;
    };
    QCOMPARE(texts(json::locate(*fault, "properties.kind.enum")),
             words(rules::availableFaultKinds()));
    const json::Value* cases = fault->find("allOf");
    QVERIFY(cases != nullptr);
    QCOMPARE(cases->items.size(), rules::availableFaultKinds().size());
    for (const json::Value& item : cases->items) {
      const std::string kind = json::locate(item, "if.properties.kind.const")->text;
      const auto names = rules::faultKindNames();
      const auto it = std::find(names.begin(), names.end(), kind);
      QVERIFY2(it != names.end(), kind.c_str());
      QCOMPARE(texts(json::locate(item, "then.propertyNames.enum")),
               words(rules::parametersOf(FaultKind(it - names.begin()))));
    }
    QCOMPARE(json::locate(*schema.root, "properties.faults.maxItems")->text,
             std::to_string(limits::kMaxFaults));
  }
};

QTEST_GUILESS_MAIN(tst_ScenarioFaults)
#include "tst_scenariofaults.moc"
