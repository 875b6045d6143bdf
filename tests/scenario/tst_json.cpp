// The JSON parser under scenario files: what it accepts, what it keeps (positions, exact number
// text, decoded strings) and that no input, however broken, does more than produce an error.
// Raw string literals holding \" confuse moc, so those few are written with plain escapes.

#include "scenario/Json.h"
#include "scenario/JsonWriter.h"

#include <QTest>

#include <string>

using namespace brokerlab;

namespace {

std::string firstError(const json::ParseResult& result) {
  return result.errors.empty() ? std::string("(no error)") : result.errors.front().message;
}

}  // namespace

class tst_Json : public QObject {
  Q_OBJECT

 private slots:
  void positionsOfValuesAndKeys_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QByteArray doc =
        "{\n  \"a\": [1, {\"b\": true}],\n\t\"c\": \"\xc3\xa9t\xc3\xa9\", \"d\": null\n}";
    QTest::newRow("root") << doc << QByteArray("") << 1 << 1;
    QTest::newRow("array") << doc << QByteArray("a") << 2 << 8;
    QTest::newRow("element") << doc << QByteArray("a[0]") << 2 << 9;
    QTest::newRow("nested") << doc << QByteArray("a[1].b") << 2 << 18;
    QTest::newRow("after a tab") << doc << QByteArray("c") << 3 << 7;
    // Columns count code points: the two-byte 'é' characters are one column each.
    QTest::newRow("after UTF-8") << doc << QByteArray("d") << 3 << 19;
    QTest::newRow("CRLF lines") << QByteArray("{\r\n\"x\":\r\n  5}") << QByteArray("x") << 3 << 3;
  }
  void positionsOfValuesAndKeys() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, path);
    QFETCH(int, line);
    QFETCH(int, column);
    const json::ParseResult result = json::parse(text.toStdString());
    QVERIFY2(result.root.has_value(), firstError(result).c_str());
    const json::Value* value = json::locate(*result.root, path.toStdString());
    QVERIFY(value != nullptr);
    QCOMPARE(value->position.line, line);
    QCOMPARE(value->position.column, column);
  }

  void keyPositionIsTheOpeningQuote() {
    const json::ParseResult result = json::parse("{\n   \"key\": 1}");
    QVERIFY(result.root);
    QCOMPARE(result.root->members.at(0).keyPosition, (json::Position{2, 4}));
  }

  void numbersKeepTheirExactText_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("uint64");  // "" when not a uint64
    QTest::addColumn<double>("asDouble");
    QTest::addColumn<bool>("inDoubleRange");
    QTest::newRow("zero") << QByteArray("0") << "0" << 0.0 << true;
    QTest::newRow("negative zero") << QByteArray("-0") << "" << -0.0 << true;
    QTest::newRow("2^64-1 exactly") << QByteArray("18446744073709551615") << "18446744073709551615"
                                    << 1.8446744073709552e19 << true;
    QTest::newRow("2^64 is not a uint64")
        << QByteArray("18446744073709551616") << "" << 1.8446744073709552e19 << true;
    QTest::newRow("fraction") << QByteArray("0.1") << "" << 0.1 << true;
    QTest::newRow("exponent") << QByteArray("2.5E-3") << "" << 0.0025 << true;
    QTest::newRow("integer with exponent") << QByteArray("1e3") << "" << 1000.0 << true;
    QTest::newRow("1e400 is beyond double") << QByteArray("1e400") << "" << 0.0 << false;
  }
  void numbersKeepTheirExactText() {
    QFETCH(QByteArray, text);
    QFETCH(QString, uint64);
    QFETCH(double, asDouble);
    QFETCH(bool, inDoubleRange);
    const json::ParseResult result = json::parse(text.toStdString());
    QVERIFY2(result.root && result.root->isNumber(), firstError(result).c_str());
    QCOMPARE(QByteArray::fromStdString(result.root->text), text);
    const auto u = result.root->toUint64();
    QCOMPARE(u ? QString::number(*u) : QString(), uint64);
    QCOMPARE(result.root->toDouble().has_value(), inDoubleRange);
    if (inDoubleRange) QCOMPARE(*result.root->toDouble(), asDouble);
  }

  void stringsAreDecoded_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("decoded");
    QTest::newRow("plain") << QByteArray(R"("abc")") << QByteArray("abc");
    QTest::newRow("escapes") << QByteArray("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"")
                             << QByteArray("\"\\/\b\f\n\r\t");
    QTest::newRow("\\u BMP") << QByteArray(R"("\u00e9\u20AC")")
                             << QByteArray("\xc3\xa9\xe2\x82\xac");
    QTest::newRow("\\u surrogate pair")
        << QByteArray(R"("\ud83d\ude00")") << QByteArray("\xf0\x9f\x98\x80");
    QTest::newRow("\\u0000 is allowed") << QByteArray(R"("a\u0000b")") << QByteArray("a\0b", 3);
    QTest::newRow("raw UTF-8") << QByteArray("\"\xe2\x82\xac\xf0\x9f\x98\x80\"")
                               << QByteArray("\xe2\x82\xac\xf0\x9f\x98\x80");
  }
  void stringsAreDecoded() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, decoded);
    const json::ParseResult result = json::parse(text.toStdString());
    QVERIFY2(result.root && result.root->isString(), firstError(result).c_str());
    QCOMPARE(QByteArray::fromStdString(result.root->text), decoded);
  }

  void syntaxErrorsSayWhereAndWhat_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray("") << 1 << 1 << "empty";
    QTest::newRow("only spaces") << QByteArray("  \n ") << 2 << 2 << "empty";
    QTest::newRow("missing comma")
        << QByteArray("{\"a\": 1\n \"b\": 2}") << 2 << 2 << "expected ',' or '}'";
    QTest::newRow("trailing comma") << QByteArray("[1, 2,]") << 1 << 7 << "trailing comma";
    QTest::newRow("trailing comma in object")
        << QByteArray("{\"a\": 1,}") << 1 << 9 << "trailing comma";
    QTest::newRow("unquoted key") << QByteArray("{a: 1}") << 1 << 2 << "key in quotes";
    QTest::newRow("single quotes") << QByteArray("['a']") << 1 << 2 << "unexpected '''";
    QTest::newRow("leading zero") << QByteArray("[01]") << 1 << 2 << "leading zeros";
    QTest::newRow("bare minus") << QByteArray("-") << 1 << 2 << "expected a digit";
    QTest::newRow("dot without digits") << QByteArray("1.") << 1 << 3 << "after '.'";
    QTest::newRow("NaN") << QByteArray("NaN") << 1 << 1 << "unexpected 'N'";
    QTest::newRow("Infinity") << QByteArray("[Infinity]") << 1 << 2 << "unexpected 'I'";
    QTest::newRow("bad literal") << QByteArray("tru") << 1 << 1 << "expected true";
    QTest::newRow("unterminated string")
        << QByteArray("\n  \"abc") << 2 << 3 << "unterminated string";
    QTest::newRow("raw newline in string")
        << QByteArray("\"a\nb\"") << 1 << 3 << "control character";
    QTest::newRow("bad escape") << QByteArray(R"("\x")") << 1 << 2 << "invalid escape";
    QTest::newRow("short \\u") << QByteArray(R"("\u12")") << 1 << 6 << "4 hex digits";
    QTest::newRow("lone high surrogate") << QByteArray(R"("\ud83d")") << 1 << 2 << "high surrogate";
    QTest::newRow("lone low surrogate") << QByteArray(R"("\ude00")") << 1 << 2 << "low surrogate";
    QTest::newRow("invalid UTF-8") << QByteArray("\"\xff\"") << 1 << 2 << "invalid UTF-8";
    QTest::newRow("overlong UTF-8") << QByteArray("\"\xc0\xaf\"") << 1 << 2 << "invalid UTF-8";
    QTest::newRow("UTF-8 surrogate") << QByteArray("\"\xed\xa0\x80\"") << 1 << 2 << "invalid UTF-8";
    QTest::newRow("NUL byte") << QByteArray("[\0]", 3) << 1 << 2 << "byte 0x00";
    QTest::newRow("text after the document")
        << QByteArray("{} x") << 1 << 4 << "after the end of the document";
  }
  void syntaxErrorsSayWhereAndWhat() {
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const json::ParseResult result = json::parse(std::string_view(text.constData(), text.size()));
    QVERIFY(!result.root.has_value());
    QCOMPARE(result.errors.size(), std::size_t(1));
    QVERIFY2(QString::fromStdString(result.errors[0].message).contains(message),
             result.errors[0].message.c_str());
    QCOMPARE(result.errors[0].position.line, line);
    QCOMPARE(result.errors[0].position.column, column);
  }

  void duplicateKeysAreReportedAndTheFirstIsKept() {
    const json::ParseResult result = json::parse("{\"a\": {\"x\": 1,\n \"x\": 2, \"x\": 3}}");
    QVERIFY(result.root);
    QCOMPARE(result.errors.size(), std::size_t(2));
    QCOMPARE(result.errors[0].path, std::string("a.x"));
    QCOMPARE(result.errors[0].message,
             std::string("duplicate key \"x\" (first at line 1, column 8)"));
    QCOMPARE(result.errors[0].position, (json::Position{2, 2}));
    const json::Value* a = result.root->find("a");
    QCOMPARE(a->members.size(), std::size_t(1));
    QCOMPARE(a->find("x")->text, std::string("1"));
  }

  void manyDuplicateKeysStayFast() {
    std::string text = "{";
    for (int i = 0; i < 100000; ++i) text += "\"k\":1,";
    text += "\"end\":0}";
    const json::ParseResult result = json::parse(text);
    QVERIFY(result.root);
    QCOMPARE(result.root->members.size(), std::size_t(2));
    QCOMPARE(result.errors.size(), std::size_t(99999));
  }

  void containersAreLimitedInEntries_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QByteArray array = "[", object = "{";
    for (int i = 0; i <= 200000; ++i) {
      array += i ? ",0" : "0";
      object += (i ? ",\"k" : "\"k") + QByteArray::number(i) + "\":0";
    }
    QTest::newRow("array") << array + "]"
                           << "an array may hold at most 200000 elements";
    QTest::newRow("object") << object + "}"
                            << "an object may hold at most 200000 members";
  }
  void containersAreLimitedInEntries() {
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const json::ParseResult result = json::parse(text.toStdString());
    QVERIFY(!result.root);
    QCOMPARE(QString::fromStdString(result.errors.back().message), message);
    // ...while the limit itself is fine.
    json::ParseLimits roomy;
    roomy.maxEntries = 200001;
    QVERIFY(json::parse(text.toStdString(), roomy).root);
  }

  void nestingIsLimited_data() {
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("256 levels") << 256 << true;
    QTest::newRow("257 levels") << 257 << false;
    QTest::newRow("a million levels") << 1000000 << false;
  }
  void nestingIsLimited() {
    QFETCH(int, depth);
    QFETCH(bool, accepted);
    std::string text;
    for (int i = 0; i < depth; ++i) text += i % 2 ? "{\"k\":" : "[";
    text += "0";
    for (int i = depth - 1; i >= 0; --i) text += i % 2 ? "}" : "]";
    const json::ParseResult result = json::parse(text);
    QCOMPARE(result.root.has_value(), accepted);
    if (!accepted)
      QCOMPARE(firstError(result), std::string("nesting is deeper than the limit of 256 levels"));
  }

  void longStringsAreLimited() {
    const std::string text = "\"" + std::string(2000, 'a') + "\"";
    const json::ParseResult result = json::parse(text, {256, 1000});
    QVERIFY(!result.root);
    QVERIFY(firstError(result).find("longer than the limit of 1000 bytes") != std::string::npos);
  }

  void everyPrefixOfADocumentIsAnErrorNotACrash() {
    const std::string doc =
        R"({"format": "brokerlab-scenario", "n": [1, -2.5e+3, true, false, null],)"
        " \"s\": \"a\\\"\\u00e9\\ud83d\\ude00\", \"o\": {\"x\": {}, \"y\": []}}";
    QVERIFY(json::parse(doc).root);
    for (std::size_t length = 0; length < doc.size(); ++length) {
      const json::ParseResult result = json::parse(doc.substr(0, length));
      QVERIFY2(!result.root && !result.errors.empty(), doc.substr(0, length).c_str());
    }
  }

  // Arbitrary bytes (deterministic, so failures repeat) may only produce errors; the sanitizer
  // builds turn any undefined behaviour here into a failure.
  void arbitraryBytesNeverCrash() {
    const std::string alphabet = "{}[]\":,.-+eE0123456789tfnul \\/\n\xff\xc3\xa9\xed";
    std::uint64_t state = 12345;
    for (int run = 0; run < 20000; ++run) {
      std::string text;
      const int length = static_cast<int>(state % 40);
      for (int i = 0; i < length; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto pick = static_cast<std::size_t>(state >> 33);
        text += (pick & 1) ? alphabet[pick % alphabet.size()] : static_cast<char>(pick >> 8);
      }
      const json::ParseResult result = json::parse(text);
      QVERIFY(result.root.has_value() || !result.errors.empty());
    }
  }

  void pathsQuoteKeysThatAreNotIdentifiers_data() {
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("path");
    QTest::newRow("top") << ""
                         << "name"
                         << "name";
    QTest::newRow("nested") << "components[2]"
                            << "instances"
                            << "components[2].instances";
    QTest::newRow("dotted id") << "layout"
                               << "web.1"
                               << "layout[\"web.1\"]";
    QTest::newRow("dash") << "layout"
                          << "a-b"
                          << "layout[\"a-b\"]";
    QTest::newRow("quote") << "layout"
                           << "a\"b"
                           << "layout[\"a\\\"b\"]";
  }
  void pathsQuoteKeysThatAreNotIdentifiers() {
    QFETCH(QString, parent);
    QFETCH(QString, key);
    QFETCH(QString, path);
    const std::string built = json::childPath(parent.toStdString(), key.toStdString());
    QCOMPARE(QString::fromStdString(built), path);
    QCOMPARE(QString::fromStdString(json::parentPath(built)), parent);
  }

  void locateFollowsQuotedKeys() {
    const json::ParseResult result =
        json::parse("{\"layout\": {\"web.1\": {\"x\": 5}, \"a\\\"b\": 7}}");
    QVERIFY(result.root);
    const json::Value* x = json::locate(*result.root, R"(layout["web.1"].x)");
    QVERIFY(x != nullptr);
    QCOMPARE(x->text, std::string("5"));
    QVERIFY(json::locate(*result.root, "layout[\"a\\\"b\"]") != nullptr);
    QVERIFY(json::locate(*result.root, "layout.missing") == nullptr);
    QVERIFY(json::locate(*result.root, "layout[0]") == nullptr);
  }

  void writerIsCanonical() {
    json::JsonWriter w;
    w.beginObject();
    w.key("b");
    w.number(0.1);
    w.key("a");
    w.beginArray();
    w.integer(std::uint64_t{18446744073709551615ULL});
    w.string("tab\there \"q\" \xc3\xa9 \x01");
    w.beginObject(json::JsonWriter::Style::Inline);
    w.key("x");
    w.number(-0.0);
    w.key("y");
    w.number(1e21);
    w.endObject();
    w.endArray();
    w.key("empty");
    w.beginArray();
    w.endArray();
    w.endObject();
    QCOMPARE(w.take(), std::string("{\n"
                                   "  \"b\": 0.1,\n"
                                   "  \"a\": [\n"
                                   "    18446744073709551615,\n"
                                   "    \"tab\\there \\\"q\\\" \xc3\xa9 \\u0001\",\n"
                                   "    {\"x\": -0, \"y\": 1e+21}\n"
                                   "  ],\n"
                                   "  \"empty\": []\n"
                                   "}\n"));
  }

  void shortestNumbersReadBackExactly_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("0.1") << 0.1 << "0.1";
    QTest::newRow("integer") << 250.0 << "250";
    QTest::newRow("1/3") << 1.0 / 3 << "0.3333333333333333";
    QTest::newRow("tiny") << 5e-324 << "5e-324";
  }
  void shortestNumbersReadBackExactly() {
    QFETCH(double, value);
    QFETCH(QString, text);
    const std::string written = json::formatNumber(value);
    QCOMPARE(QString::fromStdString(written), text);
    QCOMPARE(*json::parse(written).root->toDouble(), value);
  }
};

QTEST_GUILESS_MAIN(tst_Json)
#include "tst_json.moc"
