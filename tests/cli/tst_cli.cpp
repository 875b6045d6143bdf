// brokerlab-cli as a user drives it: exit codes, the summary, the JSON report's vocabulary, the
// trace and metrics files, and error messages that point at the problem.

#include "CliRunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

using brokerlab::testing::cli;
using brokerlab::testing::scenario;
using Result = brokerlab::testing::CliResult;

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  const QString path = dir.filePath(name);
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
    qFatal("cannot write %s", qPrintable(path));
  return path;
}

}  // namespace

class tst_Cli : public QObject {
  Q_OBJECT

 private slots:
  void runPrintsASummaryWithABalancedLedger() {
    const Result r = cli({"run", scenario("work-queue.json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Work queue with competing consumers"));
    QVERIFY(r.out.contains("workers"));
    QVERIFY(r.out.contains("(balanced)"));
    QVERIFY(r.err.isEmpty());
  }

  void jsonReportHasTheDocumentedVocabulary() {
    const Result r = cli({"run", scenario("poison-dead-letter.json"), "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    for (const char* key : {"scenario", "seed", "sim_time_s", "events", "wall_s", "events_per_s",
                            "trace_hash", "ledger", "components"})
      QVERIFY2(report.contains(key), key);
    QCOMPARE(report["trace_hash"].toString().size(), 16);
    QCOMPARE(report["sim_time_s"].toDouble(), 120.0);
    const QJsonObject components = report["components"].toObject();
    const QJsonObject queue = components["payments"].toObject();
    for (const char* key : {"published", "rejected", "enqueued", "delivered", "acked", "nacked",
                            "redelivered", "expired", "dead_lettered", "dropped", "depth_mean",
                            "depth_max", "wait_mean_s", "wait_p50_s", "wait_p95_s", "wait_p99_s"})
      QVERIFY2(queue.contains(key), key);
    QVERIFY(queue["dead_lettered"].toInt() > 0);
    QVERIFY(queue["redelivered"].toInt() > 0);
    const QJsonObject consumer = components["payment-workers"].toObject();
    for (const char* key : {"processed", "failed", "utilization"})
      QVERIFY2(consumer.contains(key), key);
    const QJsonObject producer = components["checkout"].toObject();
    for (const char* key : {"sent", "rejected", "latency_mean_s", "latency_p99_s"})
      QVERIFY2(producer.contains(key), key);
    QVERIFY(report["ledger"].toObject()["balanced"].toBool());
  }

  void jsonReportDescribesTopicsAndStreams() {
    const Result r = cli({"run", scenario("queue-vs-topic-vs-stream.json"), "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject components = report["components"].toObject();
    const QJsonObject topic = components["order-topic"].toObject();
    const QJsonObject ledger = report["ledger"].toObject();
    QCOMPARE(ledger["copies"].toInt(), topic["fanned_out"].toInt());
    QVERIFY(ledger["reads"].toInt() > 0 && ledger["balanced"].toBool());
    QCOMPARE(topic["kind"].toString(), QString("topic"));
    for (const char* key : {"published", "fanned_out", "missed", "unrouted", "subscriptions"})
      QVERIFY2(topic.contains(key), key);
    QCOMPARE(topic["fanned_out"].toInt(), 3 * topic["published"].toInt());
    const QJsonObject billing = topic["subscriptions"].toObject()["billing"].toObject();
    QVERIFY(billing.contains("durable") && billing.contains("depth_mean") &&
            billing.contains("acked"));
    const QJsonObject stream = components["order-stream"].toObject();
    QCOMPARE(stream["kind"].toString(), QString("stream"));
    for (const char* key : {"appended", "retained", "deleted_by_retention", "partitions", "groups"})
      QVERIFY2(stream.contains(key), key);
    QCOMPARE(stream["partitions"].toArray().size(), 2);
    QVERIFY(stream["partitions"].toArray()[0].toObject().contains("end_offset"));
    const QJsonObject group = stream["groups"].toObject()["reporting"].toObject();
    for (const char* key :
         {"lag_max", "lag_mean", "processed", "duplicates", "rebalances", "committed", "owners"})
      QVERIFY2(group.contains(key), key);
  }

  void seedAndUntilChangeTheRun() {
    const auto hashOf = [](const QStringList& extra) {
      const Result r = cli(QStringList{"run", scenario("work-queue.json"), "--json"} + extra);
      return QJsonDocument::fromJson(r.out.toUtf8()).object();
    };
    const QJsonObject base = hashOf({}), again = hashOf({}), seeded = hashOf({"--seed", "2"}),
                      shorter = hashOf({"--until", "10s"});
    QCOMPARE(base["trace_hash"], again["trace_hash"]);
    QVERIFY(base["trace_hash"] != seeded["trace_hash"]);
    QCOMPARE(seeded["seed"].toInt(), 2);
    QCOMPARE(shorter["sim_time_s"].toDouble(), 10.0);
  }

  void traceAndMetricsFilesAreWritten() {
    QTemporaryDir dir;
    const QString trace = dir.filePath("trace.csv"), metrics = dir.filePath("metrics.csv");
    const Result r = cli(
        {"run", scenario("work-queue.json"), "--trace", trace, "--metrics-csv", metrics, "--json"});
    QCOMPARE(r.exitCode, 0);
    QFile t(trace), m(metrics);
    QVERIFY(t.open(QIODevice::ReadOnly) && m.open(QIODevice::ReadOnly));
    const QList<QByteArray> traceLines = t.readAll().split('\n');
    QCOMPARE(traceLines[0], QByteArray("time_ns,event,message,component,peer,partition,instance,"
                                       "redelivered,aux_ns,method,path,status,job_state"));
    QCOMPARE(traceLines[1], QByteArray("0,join,0,workers,,0,0,0,0,,,,"));
    QVERIFY(traceLines[2].contains(",publish,1,orders-api,orders,"));
    // One trace row per record: publish, arrive, enqueue, deliver, receive, process, complete, ack
    // for each finished message, fewer for those still in flight.
    const int events = QJsonDocument::fromJson(r.out.toUtf8()).object()["events"].toInt();
    QVERIFY(traceLines.size() > events);
    const QList<QByteArray> metricLines = m.readAll().split('\n');
    QVERIFY(metricLines[0].startsWith("time_s,orders-api.sent_per_s,orders-api.end_to_end_p50_s"));
    QVERIFY(metricLines[0].contains(",orders.published_per_s,"));
    QCOMPARE(metricLines.size(),
             600 + 2);  // 60 s at the default 100 ms step, plus header and final newline
  }

  void jsonReportDescribesRequestReply() {
    const Result r = cli({"run", scenario("async-request-reply.json"), "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject components =
        QJsonDocument::fromJson(r.out.toUtf8()).object()["components"].toObject();
    const QJsonObject client = components["browser"].toObject();
    QCOMPARE(client["kind"].toString(), QString("client"));
    QCOMPARE(client["notify"].toString(), QString("poll"));
    for (const char* key :
         {"api", "submitted", "requests", "polls", "outcomes", "polls_per_job_mean",
          "polls_per_job_p99", "polls_per_job_max", "time_to_result_count", "time_to_result_mean_s",
          "time_to_result_p50_s", "time_to_result_p95_s", "time_to_result_p99_s",
          "time_to_result_max_s", "notifications", "late_responses"})
      QVERIFY2(client.contains(key), key);
    const QJsonObject outcomes = client["outcomes"].toObject();
    QCOMPARE(outcomes.keys().size(), 9);
    QVERIFY(outcomes.contains("result_expired") && outcomes.contains("timed_out"));
    QVERIFY(outcomes["result"].toInt() > 0);

    const QJsonObject api = components["jobs-api"].toObject();
    QCOMPARE(api["kind"].toString(), QString("api"));
    for (const char* key : {"queue",
                            "store",
                            "concurrency",
                            "requests",
                            "responses",
                            "utilization",
                            "waiting_mean",
                            "waiting_max",
                            "wait_count",
                            "wait_mean_s",
                            "wait_p50_s",
                            "wait_p95_s",
                            "wait_p99_s",
                            "wait_max_s",
                            "accepted",
                            "callbacks",
                            "pushes",
                            "held_connections_mean",
                            "held_connections_max",
                            "jobs"})
      QVERIFY2(api.contains(key), key);
    const QJsonObject responses = api["responses"].toObject();
    QCOMPARE(responses["202"].toInt(), api["accepted"].toInt());
    QVERIFY(responses["303"].toInt() > 0);
    QCOMPARE(api["jobs"].toObject().keys(),
             (QStringList{"cancelled", "completed", "expired", "failed", "pending", "running"}));

    const QJsonObject store = components["job-status"].toObject();
    QCOMPARE(store["kind"].toString(), QString("store"));
    for (const char* key : {"reads", "writes", "refused_writes", "result_ttl_s"})
      QVERIFY2(store.contains(key), key);
    QVERIFY(store["reads"].toInt() > 0);
  }

  void tableShowsClientsApisAndStores() {
    const Result r = cli({"run", scenario("async-request-reply.json")});
    QCOMPARE(r.exitCode, 0);
    for (const char* heading : {"client ", "client outcomes ", "api ", "api jobs ", "store "})
      QVERIFY2(r.out.contains(QString("\n") + heading), heading);
    QVERIFY(r.out.contains("browser "));
    QVERIFY(r.out.contains("202: "));
  }

  // A stream's producer has no latency of its own: each group has its own, in the groups' table
  // ("-" read as if nothing had arrived).
  void aStreamsProducerPointsToItsGroups() {
    const Result r = cli({"run", scenario("queue-vs-topic-vs-stream.json")});
    QCOMPARE(r.exitCode, 0);
    const auto line = [&r](const QString& start) {
      for (const QString& l : r.out.split('\n'))
        if (l.startsWith(start)) return l.simplified();
      return QString();
    };
    QVERIFY2(line("orders-to-stream ").startsWith("orders-to-stream 600 0 per group"),
             qPrintable(r.out));
    QVERIFY2(!line("orders-to-queue ").contains("per group"), qPrintable(r.out));
    QVERIFY(!line("orders-to-queue ").isEmpty());
    QVERIFY2(line("order-stream / auditor ").contains("8.98s"), qPrintable(r.out));
  }

  void traceCsvSpellsOutHttpAndMetricsFollowTheApi() {
    QTemporaryDir dir;
    const QString trace = dir.filePath("trace.csv"), metrics = dir.filePath("metrics.csv");
    const Result r = cli(
        {"run", scenario("async-request-reply.json"), "--trace", trace, "--metrics-csv", metrics});
    QCOMPARE(r.exitCode, 0);
    QFile t(trace), m(metrics);
    QVERIFY(t.open(QIODevice::ReadOnly) && m.open(QIODevice::ReadOnly));
    const QByteArray csv = t.readAll();
    QVERIFY(csv.contains(",request,1,browser,jobs-api,"));
    QVERIFY(csv.contains(",POST,/jobs,,\n"));            // the request: no status yet
    QVERIFY(csv.contains(",POST,/jobs,202,Pending\n"));  // its response
    QVERIFY(csv.contains(",GET,/jobs/1,303,Completed\n"));
    QVERIFY(csv.contains(",publish,1,jobs-api,jobs,"));  // the job's message: serial = job id
    const QByteArray header = m.readLine();
    for (const char* column : {"jobs-api.jobs_pending", "jobs-api.jobs_running",
                               "jobs-api.requests_per_s", "jobs-api.busy_slots"})
      QVERIFY2(header.contains(column), column);
  }

  void validateReportsEveryErrorWithItsPosition() {
    QTemporaryDir dir;
    const QString good = scenario("mm1.json");
    const QString bad =
        write(dir, "bad.json",
              "{\n"
              "  \"format\": \"brokerlab-scenario\",\n"
              "  \"version\": 1,\n"
              "  \"name\": \"bad\",\n"
              "  \"duration\": \"10s\",\n"
              "  \"components\": [\n"
              "    {\"id\": \"p\", \"kind\": \"producer\", \"target\": \"nowhere\", \"rate\": 5},\n"
              "    {\"id\": \"c\", \"kind\": \"consumer\", \"source\": \"p\", \"instnaces\": 2, "
              "\"service\": \"1s\"}\n"
              "  ]\n"
              "}\n");
    const Result r = cli({"validate", good, bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains("mm1.json: valid"));
    QVERIFY2(r.err.contains(bad + ":7:"), qPrintable(r.err));
    QVERIFY2(r.err.contains("components[0].target"), qPrintable(r.err));
    QVERIFY2(r.err.contains("did you mean \"instances\""), qPrintable(r.err));
    QVERIFY2(r.err.contains("components[1].source"), qPrintable(r.err));
  }

  // More problems than are listed: the count is of all of them, the list says how many more.
  void validateCountsEveryError() {
    QTemporaryDir dir;
    QByteArray list = "{\"id\": \"q\", \"kind\": \"queue\"}";
    for (int i = 0; i < 200; ++i)
      list +=
          ", {\"id\": \"q" + QByteArray::number(i) + "\", \"kind\": \"queue\", \"max_length\": -1}";
    const QString bad = write(dir, "many.json",
                              "{\"format\": \"brokerlab-scenario\", \"version\": 1, \"name\": "
                              "\"m\", \"duration\": \"1s\", \"components\": [" +
                                  list + "]}");
    const Result r = cli({"validate", bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("the first 99 are listed, 101 more are not"), qPrintable(r.err));
    QVERIFY2(r.err.endsWith(bad + ": 200 errors\n"), qPrintable(r.err.right(200)));
  }

  // A name may hold any character, but ESC, BEL or a C1 control must not reach the terminal
  // raw (they would retitle it, hide text, move the cursor): they are shown escaped.
  void controlCharactersInANameAreEscaped() {
    QTemporaryDir dir;
    QFile source(scenario("async-request-reply.json"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray text = source.readAll();
    const QByteArray name = "\"name\": \"";
    const qsizetype at = text.indexOf(name) + name.size();
    text.insert(at, "\\u001b]0;owned\\u0007\\u009b2J");
    const QString file = write(dir, "hostile-name.json", text);
    for (const QStringList& args :
         {QStringList{"run", file}, QStringList{"trace", file, "--job", "1"},
          QStringList{"trace", file, "--job", "1", "--mermaid"}}) {
      const Result r = cli(args);
      QCOMPARE(r.exitCode, 0);
      const QByteArray out = r.out.toUtf8();
      QVERIFY2(!out.contains('\x1b') && !out.contains('\x07') && !out.contains("\xc2\x9b"),
               qPrintable(args.join(' ')));
      QVERIFY2(out.contains("\\u001b]0;owned\\u0007\\u009b2J"), qPrintable(args.join(' ')));
    }
  }

  // Valid, so it runs, but the run and validate both say what the truncated normal really averages.
  void aTruncatedNormalIsWarnedAbout() {
    QTemporaryDir dir;
    QFile source(scenario("mm1.json"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QJsonObject doc = QJsonDocument::fromJson(source.readAll()).object();
    QJsonArray components = doc["components"].toArray();
    for (qsizetype i = 0; i < components.size(); ++i) {
      QJsonObject c = components[i].toObject();
      if (c["kind"].toString() != "consumer") continue;
      c["service"] = QJsonObject{{"dist", "normal"}, {"mean", "1s"}, {"stddev", "1s"}};
      components[i] = c;
    }
    doc["components"] = components;
    const QString file = write(dir, "normal.json", QJsonDocument(doc).toJson());
    for (const QStringList& args :
         {QStringList{"validate", file}, QStringList{"run", file, "--until", "10s"}}) {
      const Result r = cli(args);
      QCOMPARE(r.exitCode, 0);
      QVERIFY2(
          r.err.contains(QRegularExpression(
              ":\\d+:\\d+: components\\[\\d\\]\\.service: warning: .*effective mean of 1\\.288s")),
          qPrintable(r.err));
    }
  }

  void syntaxErrorsNameLineAndColumn() {
    QTemporaryDir dir;
    const QString bad = write(dir, "syntax.json",
                              "{\n  \"format\": \"brokerlab-scenario\",\n  \"version\": 1,,\n}\n");
    const Result r = cli({"run", bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(bad + ":3:"), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
  }

  void usageErrorsExitWithTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{"simulate"};
    QTest::newRow("run without file") << QStringList{"run"};
    QTest::newRow("unknown option") << QStringList{"run", scenario("mm1.json"), "--fast"};
    QTest::newRow("bad seed") << QStringList{"run", scenario("mm1.json"), "--seed", "-1"};
    QTest::newRow("seed past 2^64")
        << QStringList{"run", scenario("mm1.json"), "--seed", "18446744073709551616"};
    QTest::newRow("bad until") << QStringList{"run", scenario("mm1.json"), "--until", "soon"};
    QTest::newRow("option without value") << QStringList{"run", scenario("mm1.json"), "--trace"};
    QTest::newRow("validate nothing") << QStringList{"validate"};
    QTest::newRow("bench with bad count") << QStringList{"bench", "--messages", "lots"};
  }
  void usageErrorsExitWithTwo() {
    QFETCH(QStringList, args);
    const Result r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
  }

  void missingFileIsInvalidInput() {
    const Result r = cli({"run", "/nonexistent/scenario.json"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("/nonexistent/scenario.json"));
  }

  void unwritableTraceFileIsReportedAndNothingIsLeft() {
    const Result r =
        cli({"run", scenario("work-queue.json"), "--trace", "/nonexistent-dir/trace.csv"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("trace"));
  }

  // `validate scenarios/*.json`, as a user types it: every file the glob finds is a scenario
  // (the JSON Schema lives in scenarios/schema/).
  void everyBundledScenarioValidates() {
    QStringList files;
    for (const QString& f : QDir(scenario("")).entryList({"*.json"}, QDir::Files, QDir::Name))
      files << scenario(f);
    QVERIFY(files.size() >= 10);
    const Result r = cli(QStringList{"validate"} + files);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.count(": valid\n"), files.size());
  }

  void bundledScenariosAreCanonical() {
    QStringList files;
    for (const QString& f : QDir(scenario("")).entryList({"*.json"}, QDir::Files, QDir::Name))
      files << scenario(f);
    QVERIFY(files.size() >= 10);
    const Result r = cli(QStringList{"format", "--check"} + files);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
  }

  void benchSuiteRunsEveryModelInItsOwnProcess() {
    const Result r = cli({"bench", "--suite", "--scale", "0.001", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject suite = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray models = suite["models"].toArray();
    QStringList names;
    for (const QJsonValue& m : models) {
      names << m.toObject()["model"].toString();
      QVERIFY(m.toObject()["events"].toDouble() > 0);
      QVERIFY(m.toObject()["peak_rss_bytes"].toDouble() > 0);
    }
    QCOMPARE(names, (QStringList{"mm1", "queues-10k", "topic-100", "stream-32x4", "mm1-1e8",
                                 "backlog-1e7", "request-reply-1000"}));
    QVERIFY(suite.contains("targets_met"));
    QCOMPARE(cli({"bench", "--model", "nonsense"}).exitCode, 2);
  }

  void benchReportsThroughputAndMemory() {
    const Result r = cli({"bench", "--messages", "20000", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject b = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(b["messages"].toInt(), 20000);
    QCOMPARE(b["events"].toInt(), 5 * 20000 + 1);  // five hops per message, and the consumer's join
    QVERIFY(b["messages_per_s"].toDouble() > 0);
    QVERIFY(b["peak_rss_bytes"].toDouble() > 0);
    // The rates count the run alone: set-up (building the model) is part of the wall time only.
    QVERIFY(b["run_s"].toDouble() > 0);
    QVERIFY(b["run_s"].toDouble() <= b["wall_s"].toDouble());
    QVERIFY(qFuzzyCompare(b["events_per_s"].toDouble(),
                          b["events"].toDouble() / b["run_s"].toDouble()));
  }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
