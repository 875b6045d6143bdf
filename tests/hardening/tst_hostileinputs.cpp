// The scenario loader against hostile input (issue 6): one table row per input, each with what must
// happen: rejected with a message containing the expected text, or accepted (within a documented
// limit, docs/scenario-format.md "Limits"), and always in under 1 s (10x in Debug and sanitizer
// builds). Never a crash, a hang, an out-of-memory, or a scenario returned together with issues.
// Inputs are written against the version-1 format (queues, producers, consumers) so that they keep
// meaning the same as the format grows.

#include "HardeningBudget.h"
#include "scenario/ScenarioFile.h"
#include "scenario/ScenarioReader.h"
#include "scenario/ScenarioWriter.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using brokerlab::ScenarioLoadResult;

namespace {

const QString kSourceDir = QStringLiteral(BROKERLAB_SOURCE_DIR);

const QByteArray kProducer = R"({"id": "p", "kind": "producer", "target": "q", "rate": 10})";
const QByteArray kQueue = R"({"id": "q", "kind": "queue"})";
const QByteArray kConsumer = R"({"id": "c", "kind": "consumer", "source": "q", "service": "10ms"})";

// A valid document with `top` spliced in among the top-level keys (it must end with a comma when
// not empty) and the given components (default: a producer, a queue and a consumer).
QByteArray document(const QByteArray& top = {}, const QByteArray& components = {}) {
  return R"({"format": "brokerlab-scenario", "version": 1, "name": "hostile", )" + top +
         R"( "duration": "1m", "components": [)" +
         (components.isEmpty() ? kProducer + ", " + kQueue + ", " + kConsumer : components) + "]}";
}

QByteArray withDuration(const QByteArray& duration) {
  QByteArray text = document();
  text.replace(R"("duration": "1m")", R"("duration": )" + duration);
  return text;
}

QByteArray repeated(const QByteArray& item, int count, const QByteArray& separator = ", ") {
  QByteArray out;
  out.reserve((item.size() + separator.size()) * count);
  for (int i = 0; i < count; ++i) {
    if (i > 0) out += separator;
    out += item;
  }
  return out;
}

QByteArray queues(int count) {
  QByteArray out;
  out.reserve(40 * count);
  for (int i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += R"({"id": "q)" + QByteArray::number(i) + R"(", "kind": "queue"})";
  }
  return out;
}

// "0": 0, "1": 0, ...: layout entries (their values are not even objects).
QByteArray layoutEntries(int count) {
  QByteArray out;
  out.reserve(14 * count);
  for (int i = 0; i < count; ++i) {
    out += (i ? ", \"" : "\"") + QByteArray::number(i) + "\": 0";
  }
  return out;
}

QString allMessages(const ScenarioLoadResult& result) {
  QStringList lines;
  for (const brokerlab::ScenarioIssue& issue : result.issues) {
    lines.append(QString::fromStdString(brokerlab::formatIssue("input", issue)));
  }
  return lines.join(QLatin1Char('\n'));
}

// The loader's contract: a scenario exactly when there are no issues, and every issue says
// something.
void checkContract(const ScenarioLoadResult& result) {
  QCOMPARE(result.scenario.has_value(), result.issues.empty());
  for (const brokerlab::ScenarioIssue& issue : result.issues) QVERIFY(!issue.message.empty());
}

ScenarioLoadResult parse(const QByteArray& text) {
  return brokerlab::parseScenario(std::string_view(text.constData(), std::size_t(text.size())));
}

QStringList bundledScenarios() {
  QStringList paths;
  const QDir dir(kSourceDir + QStringLiteral("/scenarios"));
  for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
    paths.append(dir.filePath(name));
  }
  return paths;
}

}  // namespace

class tst_HostileInputs : public QObject {
  Q_OBJECT

 private slots:
  void hostileDocument_data();
  void hostileDocument();
  void everyPrefixOfBundledScenarios_data();
  void everyPrefixOfBundledScenarios();
  void fiftyMegabyteFile();
};

// accepted: false = must be rejected with an issue containing `expected`; true = must load, and
// its canonical text (writeScenario) must contain `expected`.
void tst_HostileInputs::hostileDocument_data() {
  QTest::addColumn<QByteArray>("text");
  QTest::addColumn<bool>("accepted");
  QTest::addColumn<QString>("expected");
  QTest::addColumn<int>("budgetMs");  // in Release; Debug and sanitizer builds get 10x

  const QByteArray deep = repeated("[", 1025, "") + repeated("]", 1025, "");
  QTest::newRow("1025-deep arrays")
      << deep << false << "nesting is deeper than the limit of 256 levels" << 1000;
  QTest::newRow("1025-deep components")
      << document({}, deep) << false << "nesting is deeper than the limit of 256 levels" << 1000;
  QTest::newRow("1025-deep objects")
      << repeated(R"({"a": )", 1025, "") + "1" + repeated("}", 1025, "") << false
      << "nesting is deeper than the limit of 256 levels" << 1000;
  QTest::newRow("256-deep nesting is within the limit")
      << repeated("[", 256, "") + repeated("]", 256, "") << false
      << "a scenario file must be a JSON object (got an array)" << 1000;
  QTest::newRow("a million unclosed brackets")
      << repeated("[", 1000000, "") << false << "nesting is deeper than the limit of 256 levels"
      << 1000;
  QTest::newRow("17 MiB of text") << document(R"("description": ")" +
                                              QByteArray(17 * 1024 * 1024, 'x') + R"(",)")
                                  << false << "scenario files are limited to 16 MiB" << 1000;
  QTest::newRow("a string over 1 MiB")
      << document(R"("description": ")" + QByteArray(1024 * 1024 + 1, 'x') + R"(",)") << false
      << "string is longer than the limit of 1048576 bytes" << 1000;

  // Numbers.
  QTest::newRow("rate 1e400") << document({}, QByteArray(kProducer).replace("10}", "1e400}") +
                                                  ", " + kQueue + ", " + kConsumer)
                              << false << "rate" << 1000;
  QTest::newRow("duration 1e400 s") << withDuration("1e400") << false << "duration" << 1000;
  QTest::newRow("duration -0 is zero") << withDuration("-0") << false << "duration" << 1000;
  QTest::newRow("start -0 is zero")
      << document({}, QByteArray(kProducer).replace("10}", R"(10, "start": -0})") + ", " + kQueue +
                          ", " + kConsumer)
      << true << R"("id": "p")" << 1000;
  QTest::newRow("rate \"NaN\"") << document({}, QByteArray(kProducer).replace("10}", R"("NaN"})") +
                                                    ", " + kQueue + ", " + kConsumer)
                                << false << "rate" << 1000;
  QTest::newRow("rate \"Infinity\"")
      << document({}, QByteArray(kProducer).replace("10}", R"("Infinity"})") + ", " + kQueue +
                          ", " + kConsumer)
      << false << "rate" << 1000;
  QTest::newRow("rate NaN unquoted") << document({}, QByteArray(kProducer).replace("10}", "NaN}") +
                                                         ", " + kQueue + ", " + kConsumer)
                                     << false << "unexpected 'N': expected a value" << 1000;
  QTest::newRow("rate -Infinity unquoted")
      << document({}, QByteArray(kProducer).replace("10}", "-Infinity}") + ", " + kQueue + ", " +
                          kConsumer)
      << false << "invalid number" << 1000;
  QTest::newRow("layout x 1e400") << document(R"("layout": {"q": {"x": 1e400, "y": 0}},)") << false
                                  << "layout.q.x" << 1000;
  QTest::newRow("layout x -0") << document(R"("layout": {"q": {"x": -0, "y": 0}},)") << true
                               << R"("q": {"x": )" << 1000;
  QTest::newRow("a 2 MB number") << document(R"("seed": )" + QByteArray(2 * 1024 * 1024, '7') + ",")
                                 << false << "number is too long" << 1000;

  // Seeds: 0..2^64-1, read exactly.
  QTest::newRow("seed 2^64-1") << document(R"("seed": 18446744073709551615,)") << true
                               << R"("seed": 18446744073709551615)" << 1000;
  QTest::newRow("seed 2^64-1 as a string") << document(R"("seed": "18446744073709551615",)") << true
                                           << R"("seed": 18446744073709551615)" << 1000;
  QTest::newRow("seed 2^64") << document(R"("seed": 18446744073709551616,)") << false
                             << "must be an integer >= 0 and <= 18446744073709551615 (got "
                                "18446744073709551616)"
                             << 1000;
  QTest::newRow("seed 2^64 as a string")
      << document(R"("seed": "18446744073709551616",)") << false
      << "must be an integer >= 0 and <= 18446744073709551615" << 1000;
  QTest::newRow("seed -1") << document(R"("seed": -1,)") << false
                           << "must be an integer >= 0 and <= 18446744073709551615 (got -1)"
                           << 1000;
  QTest::newRow("seed 1e3") << document(R"("seed": 1e3,)") << false
                            << "must be an integer >= 0 and <= 18446744073709551615 (got 1e3)"
                            << 1000;

  // Ids.
  QTest::newRow("empty id") << document({}, R"({"id": "", "kind": "queue"})") << false
                            << "is required and must not be empty" << 1000;
  QTest::newRow("duplicate ids") << document({}, kQueue + ", " + kQueue) << false
                                 << R"(duplicate id "q")" << 1000;
  QTest::newRow("Unicode id") << document({}, R"({"id": "wörk", "kind": "queue"})") << false
                              << "may only contain letters, digits, '_', '.' and '-'" << 1000;
  QTest::newRow("Unicode id escaped")
      << document({}, R"({"id": "\u00e9", "kind": "queue"})") << false
      << "may only contain letters, digits, '_', '.' and '-'" << 1000;
  QTest::newRow("emoji id") << document({}, R"({"id": "\ud83d\ude00", "kind": "queue"})") << false
                            << "may only contain letters, digits, '_', '.' and '-'" << 1000;
  QTest::newRow("id with a NUL") << document({}, R"({"id": "a\u0000b", "kind": "queue"})") << false
                                 << "may only contain letters, digits, '_', '.' and '-'" << 1000;
  QTest::newRow("65-character id")
      << document({}, R"({"id": ")" + QByteArray(65, 'a') + R"(", "kind": "queue"})") << false
      << "is 65 characters long; the limit is 64" << 1000;
  QTest::newRow("64-character id")
      << document({}, R"({"id": ")" + QByteArray(64, 'a') + R"(", "kind": "queue"})") << true
      << QString(64, QLatin1Char('a')) << 1000;
  QTest::newRow("invalid UTF-8 in an id") << document({}, "{\"id\": \"\xff\", \"kind\": \"queue\"}")
                                          << false << "invalid UTF-8 in a string" << 1000;

  // Dead-letter cycles.
  QTest::newRow("queue dead-lettering into itself")
      << document({}, R"({"id": "q", "kind": "queue", "dead_letter": "q"})") << false
      << "dead_letter" << 1000;
  QTest::newRow("dead-letter chain that loops")
      << document({}, R"({"id": "a", "kind": "queue", "dead_letter": "b"}, )"
                      R"({"id": "b", "kind": "queue", "dead_letter": "c"}, )"
                      R"({"id": "c", "kind": "queue", "dead_letter": "a"})")
      << false << "a -> b -> c -> a" << 1000;

  // Many components: 100 000 is the limit.
  // json::parse stops any array or object at 200 000 entries, before building a huge tree.
  QTest::newRow("a million components") << document({}, repeated("{}", 1000000)) << false
                                        << "an array may hold at most 200000 elements" << 1000;
  QTest::newRow("100 001 queues") << document({}, queues(100001)) << false
                                  << "has 100001 components; the limit is 100000" << 1000;
  QTest::newRow("100 000 queues") << document({}, queues(100000)) << true << R"("id": "q99999")"
                                  << 1000;
  QTest::newRow("a million layout entries")
      << document(R"("layout": {)" + layoutEntries(1000000) + "},") << false
      << "an object may hold at most 200000 members" << 1000;
  QTest::newRow("a million duplicate keys")
      << "{" + repeated(R"("name": 1)", 1000000) + "}" << false
      << "an object may hold at most 200000 members" << 1000;
  QTest::newRow("a thousand duplicate keys")
      << "{" + repeated(R"("name": 1)", 1000) + "}" << false << R"(duplicate key "name")" << 1000;

  // Durations that would overflow int64 nanoseconds (9.2e18 ns, 292 years).
  QTest::newRow("duration 2^63 ns")
      << withDuration(R"("9223372036854775808ns")") << false << "duration" << 1000;
  QTest::newRow("duration 1e10 h")
      << withDuration(R"("10000000000h")") << false << "duration" << 1000;
  QTest::newRow("duration 1e300 s") << withDuration("1e300") << false << "duration" << 1000;
  QTest::newRow("duration 20 digits")
      << withDuration(R"("99999999999999999999s")") << false << "duration" << 1000;
  QTest::newRow("duration just over 100 years")
      << withDuration(R"("876001h")") << false << "876000h" << 1000;
  QTest::newRow("duration 100 years is the limit")
      << withDuration(R"("876000h")") << true << R"("duration": "876000h")" << 1000;
  QTest::newRow("ttl 2^63 ns") << document({}, kProducer + ", " +
                                                   R"({"id": "q", "kind": "queue", "ttl": )"
                                                   R"("9223372036854775807ns"}, )" +
                                                   kConsumer)
                               << false << "ttl" << 1000;
  QTest::newRow("producer stop 1e19 s")
      << document({}, QByteArray(kProducer).replace("10}", R"(10, "stop": 1e19})") + ", " + kQueue +
                          ", " + kConsumer)
      << false << "stop" << 1000;
}

void tst_HostileInputs::hostileDocument() {
  QFETCH(QByteArray, text);
  QFETCH(bool, accepted);
  QFETCH(QString, expected);
  QFETCH(int, budgetMs);
  const qint64 budget = budgetMs * (brokerlab::hardening::kBudgetMs / 1000);
  ScenarioLoadResult result;
  QString canonical;
  QString tries;
  const qint64 elapsed = brokerlab::hardening::bestTimeMs(
      budget,
      [&] {
        result = parse(text);
        if (result.ok()) {
          canonical = QString::fromStdString(brokerlab::writeScenario(*result.scenario));
        }
      },
      &tries);
  checkContract(result);
  const QString messages = allMessages(result);
  if (accepted) {
    QVERIFY2(result.ok(), qPrintable(messages));
    QVERIFY2(canonical.contains(expected), qPrintable(canonical.left(2000)));
  } else {
    QVERIFY2(!result.ok(), "accepted, but should be rejected");
    QVERIFY2(
        messages.contains(expected),
        qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(expected, messages.left(4000))));
  }
  qInfo().noquote() << (messages.isEmpty() ? QStringLiteral("accepted") : messages.left(300))
                    << QStringLiteral("(%1)").arg(tries);
  QVERIFY2(
      elapsed < budget,
      qPrintable(QStringLiteral("took %1 ms, over the budget of %2 ms").arg(elapsed).arg(budget)));
}

void tst_HostileInputs::everyPrefixOfBundledScenarios_data() {
  QTest::addColumn<QString>("path");
  const QStringList paths = bundledScenarios();
  QVERIFY(paths.size() >= 6);
  for (const QString& path : paths) {
    QTest::newRow(QFileInfo(path).fileName().toUtf8().constData()) << path;
  }
}

// Every byte-prefix of a bundled scenario is an error (never a crash or a half-built scenario),
// except the ones that only leave out trailing whitespace; the whole file loads.
void tst_HostileInputs::everyPrefixOfBundledScenarios() {
  QFETCH(QString, path);
  QFile file(path);
  QVERIFY(file.open(QIODevice::ReadOnly));
  const QByteArray text = file.readAll();
  QVERIFY(parse(text).ok());
  static const QRegularExpression truncation(QStringLiteral(
      "unexpected end of input|the document is empty|unterminated string|invalid literal|"
      "invalid number|invalid UTF-8|escape"));
  qsizetype contentEnd = text.size();
  while (contentEnd > 0 && QByteArrayView(" \t\r\n").contains(text[contentEnd - 1])) --contentEnd;
  for (qsizetype n = 0; n < text.size(); ++n) {
    const ScenarioLoadResult result = parse(text.left(n));
    QCOMPARE(result.scenario.has_value(), result.issues.empty());
    if (n >= contentEnd) {
      QVERIFY2(result.ok(), qPrintable(QStringLiteral("prefix %1: ").arg(n) + allMessages(result)));
      continue;
    }
    QVERIFY2(!result.scenario, qPrintable(QStringLiteral("prefix of %1 bytes loaded").arg(n)));
    QVERIFY2(result.issues.size() == 1 &&
                 truncation.match(QString::fromStdString(result.issues[0].message)).hasMatch(),
             qPrintable(QStringLiteral("prefix %1: ").arg(n) + allMessages(result)));
  }
  QString tries;
  const qint64 elapsed = brokerlab::hardening::bestTimeMs(
      brokerlab::hardening::kBudgetMs,
      [&] {
        for (qsizetype n = 0; n < text.size(); ++n) parse(text.left(n));
      },
      &tries);
  qInfo().noquote() << text.size() << "prefixes in" << tries;
  QVERIFY2(elapsed < brokerlab::hardening::kBudgetMs,
           qPrintable(QStringLiteral("took %1").arg(tries)));
}

// A 50 MB file is refused by its size before it is read (the limit is 16 MiB).
void tst_HostileInputs::fiftyMegabyteFile() {
  QTemporaryDir dir;
  QVERIFY(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("big.json"));
  {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray head = document(R"("description": ")");
    QVERIFY(file.write(head) == head.size());
    QVERIFY(file.resize(50 * 1000 * 1000));  // sparse: the rest reads as NUL bytes
  }
  ScenarioLoadResult result;
  const qint64 elapsed = brokerlab::hardening::bestTimeMs(
      brokerlab::hardening::kBudgetMs, [&] { result = brokerlab::loadScenarioFile(path); });
  checkContract(result);
  QVERIFY(!result.ok());
  QCOMPARE(result.issues.size(), std::size_t(1));
  QCOMPARE(QString::fromStdString(result.issues[0].message),
           QStringLiteral("the file is 47.7 MiB; scenario files are limited to 16 MiB"));
  QVERIFY2(elapsed < brokerlab::hardening::kBudgetMs,
           qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
}

QTEST_APPLESS_MAIN(tst_HostileInputs)
#include "tst_hostileinputs.moc"
