// What a scenario file may say about annotations (captions shown when the run reaches a time):
// each key read as written, each mistake reported with its path, place and what is allowed, the
// canonical form, the limits, the schema, and that captions change no run. The base document is
// valid, so each row of the tables changes exactly one thing.

#include "ScenarioText.h"
#include "model/ModelBuilder.h"
#include "scenario/Json.h"
#include "scenario/ScenarioFile.h"
#include "scenario/ScenarioIssue.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioRules.h"
#include "scenario/ScenarioValidation.h"
#include "scenario/ScenarioWriter.h"
#include "sim/Simulator.h"

#include "../hardening/HardeningBudget.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <memory>
#include <span>
#include <string>
#include <vector>

using namespace brokerlab;
using test::describe;
using test::j;
using test::with;

namespace {

// A 60 s run: producer "p" -> queue "q" -> consumer "w". `annotations` is the inside of the
// "annotations" array (single-quoted); none at all when empty.
std::string doc(const std::string& annotations = "") {
  std::string text =
      j("{'format': 'brokerlab-scenario', 'version': 1, 'name': 'a', 'duration': '60s', "
        "'components': [{'id': 'p', 'kind': 'producer', 'target': 'q', 'rate': 5}, "
        "{'id': 'q', 'kind': 'queue'}, "
        "{'id': 'w', 'kind': 'consumer', 'source': 'q', 'service': '100ms'}]");
  if (!annotations.empty()) text.append(j(", 'annotations': [")).append(j(annotations)).append("]");
  return text.append("}");
}

// A document with one annotation: its members, single-quoted.
std::string one(const std::string& members) {
  return doc("{" + members + "}");
}

// One annotation whose text is `text`, written into the JSON as it is (escapes included).
std::string withText(const std::string& text) {
  return j("{'format': 'brokerlab-scenario', 'version': 1, 'name': 'a', 'duration': '60s', "
           "'components': [{'id': 'q', 'kind': 'queue'}], 'annotations': [{'at': '1s', "
           "'text': '") +
         text + j("'}]}");
}

std::string repeated(std::string_view piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += piece;
  return text;
}

// `count` annotations, one a millisecond from 1 ms.
std::string manyAnnotations(std::size_t count) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) list += ", ";
    list.append("{'at': '").append(std::to_string(i + 1)).append("ms', 'text': 'note'}");
  }
  return doc(list);
}

std::vector<std::string> keysOf(const json::Value& object) {
  std::vector<std::string> keys;
  for (const json::Member& m : object.members) keys.push_back(m.key);
  return keys;
}

std::vector<std::string> words(std::span<const std::string_view> list) {
  return std::vector<std::string>(list.begin(), list.end());
}

const QString kEveryKey = QStringLiteral(
    BROKERLAB_SOURCE_DIR "/tests/data/scenario/canonical/every-key-annotations.json");

AnnotationSpec annotation(SimTime at, std::string text, std::optional<bool> pause = {}) {
  return AnnotationSpec{at, std::move(text), pause};
}

// The issues validateScenario finds in `s`, as "path: message" lines.
std::vector<std::string> issuesOf(const Scenario& s) {
  std::vector<std::string> lines;
  for (const ScenarioIssue& issue : validateScenario(s)) {
    lines.push_back(issue.path + ": " + issue.message);
  }
  return lines;
}

#ifdef NDEBUG
constexpr qint64 kQuickMs = 1000;
#else
constexpr qint64 kQuickMs = 10000;
#endif

}  // namespace

class tst_ScenarioAnnotations : public QObject {
  Q_OBJECT

 private slots:
  void validDocuments_data() {
    QTest::addColumn<QByteArray>("text");
    const auto row = [](const char* name, const std::string& text) {
      QTest::newRow(name) << QByteArray::fromStdString(text);
    };
    row("no annotations", doc());
    row("an empty list", with(doc(), "]}", j("], 'annotations': []}")));
    row("at 0", one("'at': 0, 'text': 'start'"));
    row("at the duration", one("'at': '60s', 'text': 'the end'"));
    row("at a number of seconds", one("'at': 59.5, 'text': 'half a second before the end'"));
    row("pause true", one("'at': '10s', 'text': 'stop here', 'pause': true"));
    row("pause false", one("'at': '10s', 'text': 'go on', 'pause': false"));
    row("two at the same time", doc("{'at': '5s', 'text': 'one'}, {'at': '5s', 'text': 'two'}"));
    row("out of time order", doc("{'at': '50s', 'text': 'late'}, {'at': '5s', 'text': 'early'}"));
    row("leading and inner spaces", one("'at': '1s', 'text': '  a   b '"));
    row("200 characters", withText(repeated("x", 200)));
    row("200 two-byte characters", withText(repeated("\xC3\xA9", 200)));
    row("200 four-byte characters", withText(repeated("\xF0\x9F\x93\xA8", 200)));
    row("escaped quote and backslash", withText("say \\\"ack\\\" \\\\ not nack"));
    row("an escape that is not a control character", withText("caf\\u00e9 \\u2014 ok"));
  }
  void validDocuments() {
    QFETCH(QByteArray, text);
    const ScenarioLoadResult result = parseScenario(text.toStdString());
    QVERIFY2(result.ok(), qPrintable(describe(result.issues)));
    QVERIFY2(result.issues.empty(), qPrintable(describe(result.issues)));
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
    const std::string base = doc();
    row("not a list", with(base, "]}", j("], 'annotations': {}}")), "annotations",
        "must be an array (got an object)");
    row("null", with(base, "]}", j("], 'annotations': null}")), "annotations", "must be an array");
    row("an entry that is not an object", doc("'30s'"), "annotations[0]",
        "must be an object (got the string \"30s\")");
    row("at missing", one("'text': 'x'"), "annotations[0].at",
        "is required: when the run shows the caption, like \"30s\"");
    row("text missing", one("'at': '1s'"), "annotations[0].text",
        "is required: the caption, one line of at most 200 characters");
    row("a near miss", one("'at': '1s', 'text': 'x', 'paus': true"), "annotations[0].paus",
        "unknown key \"paus\"; did you mean \"pause\"?");
    row("a near miss of text", one("'at': '1s', 'text': 'x', 'txet': 'y'"), "annotations[0].txet",
        "unknown key \"txet\"; did you mean \"text\"?");
    row("an unknown key", one("'at': '1s', 'text': 'x', 'colour': 'red'"), "annotations[0].colour",
        "unknown key \"colour\" (expected one of: at, text, pause)");
    row("at of a wrong type", one("'at': true, 'text': 'x'"), "annotations[0].at",
        "must be a duration: a number of seconds or a string like \"250ms\" (got true)");
    row("at with a space", one("'at': '30 s', 'text': 'x'"), "annotations[0].at",
        "has an unknown unit \" s\"");
    row("at negative", one("'at': -1, 'text': 'x'"), "annotations[0].at", "must not be negative");
    row("at after the end", one("'at': '61s', 'text': 'x'"), "annotations[0].at",
        "must not be later than the scenario's duration (got 61s > 1m): a caption after the "
        "end is never shown");
    row("at a nanosecond after the end", one("'at': '60000000001ns', 'text': 'x'"),
        "annotations[0].at", "(got 60000000.001us > 1m)");
    row("the second entry", doc("{'at': '1s', 'text': 'ok'}, {'at': '2s', 'text': ''}"),
        "annotations[1].text", "must not be empty");
    row("text not a string", one("'at': '1s', 'text': 5"), "annotations[0].text",
        "must be a string (got");
    row("text empty", one("'at': '1s', 'text': ''"), "annotations[0].text",
        "must not be empty: it is the caption the window shows");
    row("text only spaces", one("'at': '1s', 'text': '   '"), "annotations[0].text",
        "must not be only spaces");
    row("a line break", withText("two\\nlines"), "annotations[0].text",
        "must be one line without control characters (found a line break, U+000A, at "
        "character 4)");
    row("a carriage return", withText("a\\rb"), "annotations[0].text",
        "(found a carriage return, U+000D, at character 2)");
    row("a tab", withText("\\ta"), "annotations[0].text", "(found a tab, U+0009, at character 1)");
    row("NUL", withText("a\\u0000"), "annotations[0].text",
        "(found a control character, U+0000, at character 2)");
    row("DEL", withText("a\\u007f"), "annotations[0].text",
        "(found a control character, U+007F, at character 2)");
    row("a C1 control (NEL)", withText("\xC3\xA9\\u0085"), "annotations[0].text",
        "(found a control character, U+0085, at character 2)");
    row("a line separator", withText("a\\u2028b"), "annotations[0].text",
        "(found a line separator, U+2028, at character 2)");
    row("a paragraph separator", withText("a\xE2\x80\xA9"), "annotations[0].text",
        "(found a paragraph separator, U+2029, at character 2)");
    row("201 characters", withText(repeated("x", 201)), "annotations[0].text",
        "is 201 characters long; the limit is 200");
    row("201 two-byte characters", withText(repeated("\xC3\xA9", 201)), "annotations[0].text",
        "is 201 characters long; the limit is 200");
    row("pause a string", one("'at': '1s', 'text': 'x', 'pause': 'yes'"), "annotations[0].pause",
        "must be true or false (got the string \"yes\")");
    row("pause a number", one("'at': '1s', 'text': 'x', 'pause': 1"), "annotations[0].pause",
        "must be true or false");
    row("a key given twice", one("'at': '1s', 'text': 'x', 'text': 'y'"), "annotations[0].text",
        "duplicate key \"text\"");
  }
  void oneIssuePerMistake() {
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, message);
    test::expectOneIssue(text, path, message, true);
  }

  // Every problem is reported, not only the first, in document order, each with its place; a
  // missing key points at its annotation.
  void everyMistakeIsReportedWithItsPlace() {
    const std::string text =
        j("{'format': 'brokerlab-scenario', 'version': 1, 'name': 'a', 'duration': '2m',\n"
          " 'components': [{'id': 'q', 'kind': 'queue'}],\n"
          " 'annotations': [\n"
          "  {'at': '3m', 'text': 'too late'},\n"
          "  {'text': 'when?', 'pause': 'yes'},\n"
          "  {'at': '1m', 'txt': 'typo'},\n"
          "  {'at': '1m', 'text': 'one\\ntwo'}]}");
    const ScenarioLoadResult result = parseScenario(text);
    QVERIFY(!result.scenario);
    std::vector<std::string> lines;
    for (const ScenarioIssue& issue : result.issues) lines.push_back(formatIssue("f.json", issue));
    const std::vector<std::string> expected{
        "f.json:4:10: annotations[0].at: must not be later than the scenario's duration (got 3m "
        "> 2m): a caption after the end is never shown",
        "f.json:5:3: annotations[1].at: is required: when the run shows the caption, like "
        "\"30s\"",
        "f.json:5:30: annotations[1].pause: must be true or false (got the string \"yes\")",
        "f.json:6:3: annotations[2].text: is required: the caption, one line of at most 200 "
        "characters",
        "f.json:6:16: annotations[2].txt: unknown key \"txt\"; did you mean \"text\"?",
        "f.json:7:24: annotations[3].text: must be one line without control characters (found a "
        "line break, U+000A, at character 4)",
    };
    QCOMPARE(lines, expected);
  }

  void valuesAreReadAsWritten() {
    const ScenarioLoadResult loaded = loadScenarioFile(kEveryKey);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    const std::vector<AnnotationSpec>& a = loaded.scenario->annotations;
    QCOMPARE(a.size(), std::size_t(4));
    QCOMPARE(a[0].at, SimTime(0));
    QCOMPARE(a[0].text, std::string("web publishes to orders; the workers never talk to web"));
    QCOMPARE(a[0].pause, std::optional<bool>());
    QCOMPARE(a[1].at, 90 * kSecond);
    QCOMPARE(a[1].text,
             std::string("\"workers#1\" crashes \\ what it held waits \u2014 caf\u00e9"));
    QCOMPARE(a[1].pause, std::optional<bool>(true));
    QCOMPARE(a[2].at, 30 * kSecond);  // file order, not time order
    QCOMPARE(a[2].pause, std::optional<bool>(false));
    QCOMPARE(a[3].at, loaded.scenario->duration);
    QCOMPARE(a[3].pause, std::optional<bool>());
  }

  // Annotations follow the faults and precede the layout; each with at, text, pause in that
  // order, "pause" only when it was given.
  void theyAreWrittenInTheCanonicalPlaceAndOrder() {
    const ScenarioLoadResult loaded = loadScenarioFile(kEveryKey);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    const json::ParseResult written = json::parse(writeScenario(*loaded.scenario));
    QVERIFY(written.root);
    const std::vector<std::string> top = keysOf(*written.root);
    QCOMPARE(std::vector<std::string>(top.end() - 3, top.end()),
             (std::vector<std::string>{"faults", "annotations", "layout"}));
    const auto order = words(rules::topLevelKeys());
    std::size_t next = 0;  // the written keys come in the order of the format's table
    for (const std::string& key : top) {
      const auto it = std::find(order.begin() + next, order.end(), key);
      QVERIFY2(it != order.end(), key.c_str());
      next = std::size_t(it - order.begin()) + 1;
    }
    const auto place = [&](const char* key) { return std::find(order.begin(), order.end(), key); };
    QVERIFY(place("faults") + 1 == place("annotations"));
    QVERIFY(place("annotations") + 1 == place("layout"));
    const json::Value* list = written.root->find("annotations");
    QVERIFY(list != nullptr && list->items.size() == 4);
    QCOMPARE(keysOf(list->items[1]), words(rules::annotationKeys()));
    QCOMPARE(keysOf(list->items[0]), (std::vector<std::string>{"at", "text"}));
  }

  void noAnnotationsAreWrittenAsNoKey() {
    const ScenarioLoadResult empty = parseScenario(with(doc(), "]}", j("], 'annotations': []}")));
    QVERIFY(empty.ok());
    QVERIFY(empty.scenario->annotations.empty());
    QVERIFY(writeScenario(*empty.scenario).find("annotations") == std::string::npos);
  }

  void builtInMemoryTheySurviveTheTrip() {
    const ScenarioLoadResult base = parseScenario(doc());
    QVERIFY(base.ok());
    Scenario s = *base.scenario;
    s.annotations = {annotation(s.duration, "the end", true), annotation(0, "start", false),
                     annotation(1, "one nanosecond in"),
                     annotation(kSecond + 500 * kMillisecond, "\"quoted\" \\ caf\u00e9 \U0001F4E8"),
                     annotation(2 * kSecond, std::string(limits::kMaxAnnotationChars, 'x'))};
    const std::string text = writeScenario(s);
    const ScenarioLoadResult loaded = parseScenario(text);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    QVERIFY(*loaded.scenario == s);
    QCOMPARE(writeScenario(*loaded.scenario), text);
    QVERIFY(text.find("\"at\": \"1ns\",\n      \"text\": \"one nanosecond in\"\n") !=
            std::string::npos);
    QVERIFY(text.find("\"text\": \"start\",\n      \"pause\": false") != std::string::npos);
  }

  // The editor builds annotations in memory, where any string can be set.
  void validationInMemory() {
    const ScenarioLoadResult base = parseScenario(doc());
    QVERIFY(base.ok());
    Scenario s = *base.scenario;
    s.annotations = {annotation(-1, "before the start"),
                     annotation(kMinute + 1, "after the end"),
                     annotation(kSecond, "bad \xFF byte"),
                     annotation(kSecond, "cut \xC3"),
                     annotation(kSecond, "overlong \xC0\xAF"),
                     annotation(kSecond, "surrogate \xED\xA0\x80"),
                     annotation(kSecond, std::string("a\0b", 3)),
                     annotation(kSecond, std::string(201, 'x')),
                     annotation(kSecond, "fine")};
    const std::vector<std::string> expected{
        "annotations[0].at: must not be negative (got -1ns)",
        "annotations[1].at: must not be later than the scenario's duration (got 60000000.001us > "
        "1m): a caption after the end is never shown",
        "annotations[2].text: is not valid UTF-8 (at byte 5)",
        "annotations[3].text: is not valid UTF-8 (at byte 5)",
        "annotations[4].text: is not valid UTF-8 (at byte 10)",
        "annotations[5].text: is not valid UTF-8 (at byte 11)",
        "annotations[6].text: must be one line without control characters (found a control "
        "character, U+0000, at character 2)",
        "annotations[7].text: is 201 characters long; the limit is 200",
    };
    QCOMPARE(issuesOf(s), expected);
    s.annotations.assign(limits::kMaxAnnotations + 1, annotation(kSecond, "x"));
    QCOMPARE(issuesOf(s),
             std::vector<std::string>{"annotations: has 1001 annotations; the limit is 1000"});
  }

  void tooManyAnnotationsAreRejectedQuickly() {
    const std::string text = manyAnnotations(limits::kMaxAnnotations + 1);
    ScenarioLoadResult result;
    QString tries;
    const qint64 ms = hardening::bestTimeMs(
        kQuickMs, [&] { result = parseScenario(text); }, &tries);
    QVERIFY2(ms < kQuickMs, qPrintable(tries));
    QCOMPARE(result.issues.size(), std::size_t(1));
    QCOMPARE(result.issues[0].path, std::string("annotations"));
    QCOMPARE(result.issues[0].message, std::string("has 1001 annotations; the limit is 1000"));
    QVERIFY(result.issues[0].line > 0);
  }

  void theLimitOfAnnotationsIsAccepted() {
    const ScenarioLoadResult result = parseScenario(manyAnnotations(limits::kMaxAnnotations));
    QVERIFY2(result.ok(), qPrintable(describe(result.issues)));
    QCOMPARE(result.scenario->annotations.size(), limits::kMaxAnnotations);
  }

  // Captions are for people: the model and the run are the same with or without them.
  void annotationsChangeNoRun() {
    const ScenarioLoadResult loaded = loadScenarioFile(kEveryKey);
    QVERIFY2(loaded.ok(), qPrintable(describe(loaded.issues)));
    Scenario bare = *loaded.scenario;
    QVERIFY(!bare.annotations.empty());
    bare.annotations.clear();
    ModelBuildResult annotated = buildModel(*loaded.scenario);
    ModelBuildResult plain = buildModel(bare);
    QVERIFY(annotated.model && plain.model);
    QVERIFY(*annotated.model == *plain.model);
    Simulator a(std::make_shared<const Model>(std::move(*annotated.model)));
    Simulator b(std::make_shared<const Model>(std::move(*plain.model)));
    QVERIFY(a.run() == StopReason::ReachedTime);
    QVERIFY(b.run() == StopReason::ReachedTime);
    QVERIFY(a.eventsProcessed() > 1000);
    QCOMPARE(a.traceHash(), b.traceHash());
    QCOMPARE(a.eventsProcessed(), b.eventsProcessed());
  }

  // Every bundled scenario teaches with a few captions, in time order, and stops the window at
  // one or two of them: a caption on every moment would be noise, a pause on every one a chore.
  void bundledScenariosCarryTeachingCaptions() {
    const QStringList files = QDir(QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios"))
                                  .entryList({"*.json"}, QDir::Files, QDir::Name);
    int scenarios = 0;
    for (const QString& name : files) {
      ++scenarios;
      const ScenarioLoadResult loaded =
          loadScenarioFile(QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios/") + name);
      QVERIFY2(loaded.ok(), qPrintable(name + ": " + describe(loaded.issues)));
      const std::vector<AnnotationSpec>& captions = loaded.scenario->annotations;
      QVERIFY2(captions.size() >= 2 && captions.size() <= 5, qPrintable(name));
      const auto pauses = std::count_if(captions.begin(), captions.end(),
                                        [](const AnnotationSpec& a) { return a.pause == true; });
      QVERIFY2(pauses >= 1 && pauses <= 2, qPrintable(name));
      const bool inOrder = std::is_sorted(
          captions.begin(), captions.end(),
          [](const AnnotationSpec& a, const AnnotationSpec& b) { return a.at < b.at; });
      QVERIFY2(inOrder, qPrintable(name));
    }
    QVERIFY(scenarios >= 20);
  }

  // Editors validate with the JSON Schema, BrokerLab with its reader: the same keys and limits.
  void theSchemaKnowsTheAnnotations() {
    QFile file(BROKERLAB_SOURCE_DIR "/scenarios/schema/brokerlab-scenario.schema.json");
    QVERIFY(file.open(QIODevice::ReadOnly));
    const json::ParseResult schema = json::parse(file.readAll().toStdString());
    QVERIFY(schema.root);
    const json::Value* annotation = json::locate(*schema.root, "$defs.annotation");
    QVERIFY(annotation != nullptr);
    QCOMPARE(keysOf(*annotation->find("properties")), words(rules::annotationKeys()));
    const json::Value* required = annotation->find("required");
    QVERIFY(required != nullptr && required->items.size() == 2);
    QCOMPARE(required->items[0].text, std::string("at"));
    QCOMPARE(required->items[1].text, std::string("text"));
    QCOMPARE(json::locate(*annotation, "properties.text.maxLength")->text,
             std::to_string(limits::kMaxAnnotationChars));
    QCOMPARE(json::locate(*schema.root, "properties.annotations.maxItems")->text,
             std::to_string(limits::kMaxAnnotations));
  }
};

QTEST_GUILESS_MAIN(tst_ScenarioAnnotations)
#include "tst_scenarioannotations.moc"
