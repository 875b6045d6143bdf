// Saving and loading: a canonical file loads and saves to the same bytes, any valid file reaches
// its canonical form in one save (save -> load -> save changes nothing), and files on disk are read
// with a size limit and written atomically.

#include "scenario/ScenarioFile.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioWriter.h"

#include <QDir>
#include "../hardening/HardeningBudget.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace brokerlab;

namespace {

QString dataDir() {
  return QStringLiteral(BROKERLAB_SOURCE_DIR "/tests/data/scenario");
}

std::string readAll(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return file.readAll().toStdString();
}

QString describe(const std::vector<ScenarioIssue>& issues) {
  QString text;
  for (const ScenarioIssue& issue : issues) {
    text += QString::fromStdString(formatIssue("", issue)) + "\n";
  }
  return text;
}

void addFiles(const QString& dir, const QString& prefix) {
  for (const QFileInfo& file : QDir(dir).entryInfoList({"*.json"}, QDir::Files, QDir::Name)) {
    QTest::newRow(qPrintable(prefix + file.fileName())) << file.absoluteFilePath();
  }
}

}  // namespace

class tst_ScenarioRoundTrip : public QObject {
  Q_OBJECT

 private slots:
  void canonicalFilesSaveToTheSameBytes_data() {
    QTest::addColumn<QString>("path");
    addFiles(dataDir() + "/canonical", "");
  }
  void canonicalFilesSaveToTheSameBytes() {
    QFETCH(QString, path);
    const std::string text = readAll(path);
    const ScenarioLoadResult loaded = parseScenario(text);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    QCOMPARE(writeScenario(*loaded.scenario), text);
  }

  // Every valid file we have, including the bundled scenarios: one save reaches the fixed point
  // and keeps the meaning.
  void saveLoadSaveIsAFixedPoint_data() {
    QTest::addColumn<QString>("path");
    addFiles(dataDir() + "/canonical", "canonical/");
    addFiles(dataDir() + "/messy", "messy/");
    addFiles(QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios"), "scenarios/");
  }
  void saveLoadSaveIsAFixedPoint() {
    QFETCH(QString, path);
    const ScenarioLoadResult first = parseScenario(readAll(path));
    QVERIFY2(first.ok(), qPrintable(describe(first.issues)));
    const std::string saved = writeScenario(*first.scenario);
    const ScenarioLoadResult second = parseScenario(saved);
    QVERIFY2(second.ok(), qPrintable(describe(second.issues)));
    QVERIFY(*second.scenario == *first.scenario);
    QCOMPARE(writeScenario(*second.scenario), saved);
  }

  void messyFileHasThisCanonicalForm_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("spellings") << "spellings";
    QTest::newRow("topics and streams") << "topics-streams";
    QTest::newRow("request-reply") << "request-reply";
    QTest::newRow("faults") << "faults";
    QTest::newRow("annotations") << "annotations";
  }
  void messyFileHasThisCanonicalForm() {
    QFETCH(QString, name);
    const ScenarioLoadResult loaded =
        parseScenario(readAll(dataDir() + "/messy/" + name + ".json"));
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    QCOMPARE(writeScenario(*loaded.scenario),
             readAll(dataDir() + "/messy/" + name + ".expected.json"));
  }

  void seedKeepsAll64Bits_data() {
    QTest::addColumn<QString>("seed");
    QTest::newRow("number 2^64-1") << "18446744073709551615";
    QTest::newRow("string 2^64-1") << "\"18446744073709551615\"";
    QTest::newRow("2^53+1, beyond double") << "9007199254740993";
  }
  void seedKeepsAll64Bits() {
    QFETCH(QString, seed);
    const std::string text = R"({"format": "brokerlab-scenario", "version": 1, "name": "s", )"
                             R"("duration": 1, "components": [{"id": "q", "kind": "queue"}], )"
                             R"("seed": )" +
                             seed.toStdString() + "}";
    const ScenarioLoadResult loaded = parseScenario(text);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    QCOMPARE(QString::number(*loaded.scenario->seed), QString(seed).remove('"'));
    QVERIFY(writeScenario(*loaded.scenario)
                .find("\"seed\": " + QString(seed).remove('"').toStdString()) != std::string::npos);
  }

  void aScenarioBuiltInMemorySurvivesTheTrip() {
    Scenario s;
    s.name = "in memory";
    s.description = "built by a test";
    s.seed = 7;
    s.duration = 2 * kHour + 1;
    s.networkLatency = Distribution::exponential(1500);
    ComponentSpec q;
    q.id = "q";
    q.ttl = 1;
    ComponentSpec p;
    p.id = "p";
    p.kind = ComponentKind::Producer;
    p.target = "q";
    p.interarrival = Distribution{DistKind::Uniform, 0, 0, 0, 1, kSecond + 1, 1};
    s.components = {p, q};
    s.layout["p"] = {0.1, 1e300};
    const ScenarioLoadResult loaded = parseScenario(writeScenario(s));
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    QVERIFY(*loaded.scenario == s);
  }

  void aTopicAndAStreamBuiltInMemorySurviveTheTrip() {
    Scenario s;
    s.name = "topics and streams";
    s.duration = kMinute;
    ComponentSpec toTopic = ComponentSpec::make("p", ComponentKind::Producer);
    toTopic.target = "t";
    toTopic.rate = 3;
    toTopic.routingKey = std::vector<std::string>{"x.y", "x.z"};
    ComponentSpec toStream = ComponentSpec::make("k", ComponentKind::Producer);
    toStream.target = "s";
    toStream.rate = 1;
    toStream.keys = 7;
    toStream.keySkew = 0.1;
    ComponentSpec stream = ComponentSpec::make("s", ComponentKind::Stream);
    stream.partitions = 1024;
    stream.retentionBytes = UINT64_MAX;
    ComponentSpec subscriber = ComponentSpec::make("sub", ComponentKind::Consumer);
    subscriber.source = "t";
    subscriber.service = Distribution::constant(kMillisecond);
    subscriber.binding = std::vector<std::string>{"*.#"};
    subscriber.leave = kSecond + 1;
    ComponentSpec reader = ComponentSpec::make("r", ComponentKind::Consumer);
    reader.source = "s";
    reader.group = "g";
    reader.service = Distribution::exponential(3 * kMillisecond);
    reader.startPosition = StartPosition::Latest;
    reader.commit = CommitMode::AfterProcessing;
    reader.assignment = Assignment::Range;
    s.components = {toTopic, toStream,   ComponentSpec::make("t", ComponentKind::Topic),
                    stream,  subscriber, reader};
    for (const ActionSpec::To to : {ActionSpec::To::Earliest, ActionSpec::To::Latest,
                                    ActionSpec::To::Offset, ActionSpec::To::Time}) {
      s.actions.push_back({kSecond, ActionKind::ResetOffsets, "s", "g", to,
                           to == ActionSpec::To::Offset ? UINT64_MAX : 0,
                           to == ActionSpec::To::Time ? 3 * kSecond + 7 : 0});
    }
    const std::string text = writeScenario(s);
    const ScenarioLoadResult loaded = parseScenario(text);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    QVERIFY(*loaded.scenario == s);
    QVERIFY(text.find("\"routing_key\": [\"x.y\", \"x.z\"]") != std::string::npos);
    QVERIFY(text.find("\"to\": {\"offset\": 18446744073709551615}") != std::string::npos);
  }

  void requestReplyBuiltInMemorySurvivesTheTrip() {
    Scenario s;
    s.name = "request-reply";
    s.duration = kMinute;
    ComponentSpec client = ComponentSpec::make("c", ComponentKind::Client);
    client.target = "a";
    client.interarrival = Distribution::erlang(3, kSecond + 1);
    client.start = 1;
    client.notify = Notify::Websocket;
    client.pollInterval = kMillisecond + 1;
    client.pollBackoff = 1.25;
    client.maxPollInterval = kHour;
    client.timeout = 90 * kSecond;
    client.invalidFraction = 1.0 / 3;
    client.unknownPollFraction = 0;
    client.cancelFraction = 1;
    client.cancelAfter = 0;
    ComponentSpec api = ComponentSpec::make("a", ComponentKind::Api);
    api.queue = "jobs";
    api.store = "s";
    api.concurrency = 100'000;
    api.maxWaiting = UINT64_MAX;
    api.service = Distribution::lognormal(10 * kMillisecond, kMillisecond);
    api.retryAfter = 0;
    api.resultDelivery = ResultDelivery::Redirect;
    ComponentSpec worker = ComponentSpec::make("w", ComponentKind::Consumer);
    worker.source = "jobs";
    worker.role = ConsumerRole::Worker;
    worker.store = "s";
    worker.service = Distribution::constant(3 * kSecond);
    worker.failureProbability = 0.3;
    ComponentSpec store = ComponentSpec::make("s", ComponentKind::Store);
    store.readLatency = Distribution::normal(2 * kMillisecond, 0);
    store.writeLatency = Distribution::constant(0);
    store.resultTtl = 1;
    s.components = {client, api, ComponentSpec::make("jobs", ComponentKind::Queue), worker, store};
    const std::string text = writeScenario(s);
    const ScenarioLoadResult loaded = parseScenario(text);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    QVERIFY(*loaded.scenario == s);
    QCOMPARE(writeScenario(*loaded.scenario), text);
    QVERIFY(text.find("\"max_waiting\": 18446744073709551615") != std::string::npos);
    QVERIFY(text.find("\"result_ttl\": \"1ns\"") != std::string::npos);
  }

  void faultsBuiltInMemorySurviveTheTrip() {
    Scenario s;
    s.name = "faults";
    s.duration = kHour;
    ComponentSpec p = ComponentSpec::make("p", ComponentKind::Producer);
    p.target = "q";
    p.rate = 2;
    ComponentSpec w = ComponentSpec::make("w", ComponentKind::Consumer);
    w.source = "q";
    w.service = Distribution::constant(kMillisecond);
    w.instances = 3;
    w.heartbeat = kSecond + 1;
    s.components = {p, ComponentSpec::make("q", ComponentKind::Queue), w};
    const auto fault = [](SimTime at, FaultKind kind, std::string target) {
      FaultSpec f;
      f.at = at;
      f.kind = kind;
      f.target = std::move(target);
      return f;
    };
    FaultSpec crash = fault(0, FaultKind::Crash, "w#3");
    crash.restartAfter = 1;
    FaultSpec spike = fault(kHour - 1, FaultKind::Spike, "p");
    spike.factor = 1.0 / 3;
    FaultSpec slow = fault(kMinute, FaultKind::Slow, "w");
    slow.factor = 1000;
    slow.duration = kMaxSimTime;
    FaultSpec poison = fault(kMinute, FaultKind::Poison, "p");
    poison.fraction = 1e-9;
    FaultSpec partition = fault(kMinute, FaultKind::Partition, "w");
    partition.duration = 1;
    FaultSpec degrade = fault(kMinute, FaultKind::Degrade, "p");
    degrade.factor = 1.5;
    FaultSpec scale = fault(2 * kMinute, FaultKind::Scale, "w");
    scale.instances = 10'000;
    FaultSpec prefetch = fault(3 * kMinute, FaultKind::Prefetch, "w");
    prefetch.prefetch = 100'000;
    FaultSpec unlimited = fault(4 * kMinute, FaultKind::Prefetch, "w");
    unlimited.prefetch = 0;
    s.faults = {crash, spike, slow, poison, partition, degrade, scale, prefetch, unlimited};
    const std::string text = writeScenario(s);
    const ScenarioLoadResult loaded = parseScenario(text);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    QVERIFY(*loaded.scenario == s);
    QCOMPARE(writeScenario(*loaded.scenario), text);
    QVERIFY(text.find("\"target\": \"w#3\",\n      \"restart_after\": \"1ns\"") !=
            std::string::npos);
    QVERIFY(text.find("\"kind\": \"prefetch\",\n      \"target\": \"w\",\n      "
                      "\"prefetch\": 0") != std::string::npos);
  }

  // A client's poll interval changed from a time on: any positive duration, to the nanosecond.
  void pollFaultsSurviveTheTrip() {
    Scenario s;
    s.name = "poll";
    s.duration = kHour;
    ComponentSpec c = ComponentSpec::make("c", ComponentKind::Client);
    c.target = "a";
    c.rate = 1;
    ComponentSpec a = ComponentSpec::make("a", ComponentKind::Api);
    a.queue = "jobs";
    a.store = "s";
    ComponentSpec k = ComponentSpec::make("k", ComponentKind::Consumer);
    k.source = "jobs";
    k.role = ConsumerRole::Worker;
    k.store = "s";
    k.service = Distribution::constant(kSecond);
    s.components = {c, a, ComponentSpec::make("jobs", ComponentKind::Queue), k,
                    ComponentSpec::make("s", ComponentKind::Store)};
    for (const SimTime interval : {SimTime{1}, 1500 * kMillisecond, kHour + 1}) {
      FaultSpec f;
      f.at = kMinute + interval % kMinute;
      f.kind = FaultKind::Poll;
      f.target = "c";
      f.pollInterval = interval;
      s.faults.push_back(f);
    }
    const std::string text = writeScenario(s);
    const ScenarioLoadResult loaded = parseScenario(text);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    QVERIFY(*loaded.scenario == s);
    QCOMPARE(writeScenario(*loaded.scenario), text);
    QVERIFY(text.find("\"poll_interval\": \"1.5s\"") != std::string::npos);
  }

  void noFaultsAreWrittenAsAnEmptyList() {
    const ScenarioLoadResult minimal = loadScenarioFile(dataDir() + "/canonical/minimal.json");
    QVERIFY(minimal.ok());
    QVERIFY(minimal.scenario->faults.empty());
    QVERIFY(writeScenario(*minimal.scenario).find("\"faults\": []") != std::string::npos);
  }

  void noActionsAreWrittenAsNoKey() {
    const ScenarioLoadResult minimal = loadScenarioFile(dataDir() + "/canonical/minimal.json");
    QVERIFY(minimal.ok());
    QVERIFY(minimal.scenario->actions.empty());
    QVERIFY(writeScenario(*minimal.scenario).find("actions") == std::string::npos);
  }

  void saveThenLoadAFile_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("queues") << "every-key.json";
    QTest::newRow("topics") << "every-key-topic.json";
    QTest::newRow("streams") << "every-key-stream.json";
    QTest::newRow("request-reply") << "every-key-request-reply.json";
    QTest::newRow("faults") << "every-key-faults.json";
    QTest::newRow("rabbitmq") << "every-key-rabbitmq.json";
    QTest::newRow("annotations") << "every-key-annotations.json";
  }
  void saveThenLoadAFile() {
    QFETCH(QString, name);
    QTemporaryDir dir;
    const ScenarioLoadResult original = loadScenarioFile(dataDir() + "/canonical/" + name);
    QVERIFY2(original.ok(), qPrintable(describe(original.issues)));
    const QString path = dir.filePath("copy.json");
    QString error;
    QVERIFY2(saveScenarioFile(path, *original.scenario, &error), qPrintable(error));
    const ScenarioLoadResult copy = loadScenarioFile(path);
    QVERIFY(copy.ok());
    QVERIFY(*copy.scenario == *original.scenario);
    QCOMPARE(readAll(path), readAll(dataDir() + "/canonical/" + name));
  }

  void savingReplacesTheWholeFileAndLeavesNoTemporaries() {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.json");
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write(QByteArray(100000, 'x'));
    old.close();
    const ScenarioLoadResult minimal = loadScenarioFile(dataDir() + "/canonical/minimal.json");
    QString error;
    QVERIFY2(saveScenarioFile(path, *minimal.scenario, &error), qPrintable(error));
    QCOMPARE(readAll(path), readAll(dataDir() + "/canonical/minimal.json"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"s.json"});
  }

  void savingIntoAMissingDirectoryFailsAndTouchesNothing() {
    QTemporaryDir dir;
    const QString missing = dir.filePath("no/such/dir");
    const ScenarioLoadResult minimal = loadScenarioFile(dataDir() + "/canonical/minimal.json");
    QString error;
    QVERIFY(!saveScenarioFile(missing + "/s.json", *minimal.scenario, &error));
    QVERIFY2(error.contains("cannot write") && error.contains("s.json"), qPrintable(error));
    QVERIFY(!QFileInfo::exists(dir.filePath("no")));
    QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
  }

  void unreadableFilesGiveAClearIssue_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << "/nonexistent/brokerlab/s.json"
                                  << "no such file";
    QTest::newRow("directory") << dataDir() << "it is a directory";
  }
  void unreadableFilesGiveAClearIssue() {
    QFETCH(QString, path);
    QFETCH(QString, message);
    const ScenarioLoadResult result = loadScenarioFile(path);
    QVERIFY(!result.scenario);
    QCOMPARE(result.issues.size(), std::size_t(1));
    QVERIFY2(QString::fromStdString(result.issues[0].message).contains(message),
             result.issues[0].message.c_str());
    QCOMPARE(formatIssue("f", result.issues[0]).substr(0, 3), std::string("f: "));
  }

  void anOversizeFileIsRejectedBeforeItIsRead() {
    QTemporaryDir dir;
    QFile big(dir.filePath("big.json"));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(17 * 1024 * 1024));  // sparse: costs no disk and no time
    big.close();
    ScenarioLoadResult result;
    QString tries;
    // Rejected by its size alone: a read of 17 MiB would take far longer than this.
    const qint64 ms = hardening::bestTimeMs(
        100, [&] { result = loadScenarioFile(big.fileName()); }, &tries);
    QVERIFY2(ms < 100, qPrintable(tries));
    QCOMPARE(result.issues.size(), std::size_t(1));
    QVERIFY2(result.issues[0].message.find("limited to 16 MiB") != std::string::npos,
             result.issues[0].message.c_str());
  }

  void syntaxErrorsInAFileCarryPositions() {
    QTemporaryDir dir;
    QFile file(dir.filePath("bad.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"format\": \"brokerlab-scenario\",\n  \"version\": 1,,\n}");
    file.close();
    const ScenarioLoadResult result = loadScenarioFile(file.fileName());
    QCOMPARE(result.issues.size(), std::size_t(1));
    QCOMPARE(formatIssue("bad.json", result.issues[0]),
             std::string("bad.json:3:16: expected a key in quotes, found ','"));
  }
};

QTEST_GUILESS_MAIN(tst_ScenarioRoundTrip)
#include "tst_scenarioroundtrip.moc"
