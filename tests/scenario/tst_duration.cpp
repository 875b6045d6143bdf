// Durations in scenario files: the accepted spellings, the exact nanosecond values they mean, the
// messages for bad ones, and the one canonical spelling the writer uses for each value.

#include "scenario/DurationText.h"

#include <QTest>

using namespace brokerlab;

class tst_Duration : public QObject {
  Q_OBJECT

 private slots:
  void textWithUnit_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ns");
    QTest::newRow("ms") << "250ms" << qint64(250'000'000);
    QTest::newRow("s") << "2s" << qint64(2'000'000'000);
    QTest::newRow("m") << "5m" << qint64(300'000'000'000);
    QTest::newRow("h") << "1h" << qint64(3'600'000'000'000);
    QTest::newRow("fractional us") << "1.5us" << qint64(1'500);
    QTest::newRow("ns") << "10ns" << qint64(10);
    QTest::newRow("zero") << "0s" << qint64(0);
    QTest::newRow("0.1s is exact") << "0.1s" << qint64(100'000'000);
    QTest::newRow("fraction of a minute") << "0.5m" << qint64(30'000'000'000);
    QTest::newRow("trailing zeros") << "1.500000000000s" << qint64(1'500'000'000);
    QTest::newRow("leading zeros") << "007ms" << qint64(7'000'000);
    QTest::newRow("smallest fraction") << "0.000000001s" << qint64(1);
    QTest::newRow("the limit") << "876000h" << qint64(kMaxSimTime);
  }
  void textWithUnit() {
    QFETCH(QString, text);
    QFETCH(qint64, ns);
    const DurationParse parsed = parseDurationText(text.toStdString());
    QVERIFY2(parsed.value.has_value(), parsed.error.c_str());
    QCOMPARE(*parsed.value, ns);
  }

  void badText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << ""
                           << "is empty";
    QTest::newRow("negative") << "-5ms"
                              << "must not be negative";
    QTest::newRow("no unit") << "250"
                             << "has no unit";
    QTest::newRow("unknown unit") << "3d"
                                  << "unknown unit \"d\"";
    QTest::newRow("space before unit") << "3 s"
                                       << "unknown unit \" s\"";
    QTest::newRow("upper case unit") << "3MS"
                                     << "unknown unit \"MS\"";
    QTest::newRow("NaN") << "NaN"
                         << "is not a duration";
    QTest::newRow("inf") << "infs"
                         << "is not a duration";
    QTest::newRow("exponent") << "1e3ms"
                              << "exponent";
    QTest::newRow("dot without digits") << "5.s"
                                        << "is not a duration";
    QTest::newRow("no integer part") << ".5s"
                                     << "is not a duration";
    QTest::newRow("finer than 1ns") << "1.5ns"
                                    << "not a whole number of nanoseconds";
    QTest::newRow("beyond the limit") << "876001h"
                                      << "longer than the limit of 876000h";
    QTest::newRow("beyond int64") << "99999999999999999999h"
                                  << "more than 19 significant digits";
    QTest::newRow("far beyond the limit") << "9999999999999999999h"
                                          << "longer than the limit";
  }
  void badText() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    const DurationParse parsed = parseDurationText(text.toStdString());
    QVERIFY(!parsed.value.has_value());
    QVERIFY2(QString::fromStdString(parsed.error).contains(message), parsed.error.c_str());
  }

  void jsonNumberOfSeconds_data() {
    QTest::addColumn<QString>("number");
    QTest::addColumn<qint64>("ns");  // -1: rejected
    QTest::newRow("integer") << "2" << qint64(2'000'000'000);
    QTest::newRow("fraction") << "0.25" << qint64(250'000'000);
    QTest::newRow("exponent") << "2e-3" << qint64(2'000'000);
    QTest::newRow("upper case exponent") << "1.5E+1" << qint64(15'000'000'000);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("negative zero") << "-0" << qint64(0);
    QTest::newRow("negative zero with exponent") << "-0.0e5" << qint64(0);
    QTest::newRow("zero with a huge exponent") << "0e999999999999" << qint64(0);
    QTest::newRow("1ns") << "1e-9" << qint64(1);
    QTest::newRow("negative") << "-1" << qint64(-1);
    QTest::newRow("finer than 1ns") << "1e-10" << qint64(-1);
    QTest::newRow("1e400") << "1e400" << qint64(-1);
    QTest::newRow("a huge exponent") << "1e99999999999999999999" << qint64(-1);
    QTest::newRow("a tiny exponent") << "1e-99999999999999999999" << qint64(-1);
  }
  void jsonNumberOfSeconds() {
    QFETCH(QString, number);
    QFETCH(qint64, ns);
    const DurationParse parsed = parseDurationSeconds(number.toStdString());
    QCOMPARE(parsed.value.has_value(), ns >= 0);
    if (ns >= 0) QCOMPARE(*parsed.value, ns);
    if (ns < 0) QVERIFY(!parsed.error.empty());
  }

  void canonicalFormat_data() {
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "0s";
    QTest::newRow("250ms") << qint64(250 * kMillisecond) << "250ms";
    QTest::newRow("1.5s") << qint64(1500 * kMillisecond) << "1.5s";
    QTest::newRow("1500ns") << qint64(1500) << "1.5us";
    QTest::newRow("90s") << qint64(90 * kSecond) << "90s";
    QTest::newRow("120s") << qint64(120 * kSecond) << "2m";
    QTest::newRow("an hour") << qint64(kHour) << "1h";
    QTest::newRow("90 minutes") << qint64(90 * kMinute) << "90m";
    QTest::newRow("60.5s") << qint64(60'500 * kMillisecond) << "60.5s";
    QTest::newRow("1.2345s needs ms") << qint64(1'234'500 * kMicrosecond) << "1234.5ms";
    QTest::newRow("1ns") << qint64(1) << "1ns";
    QTest::newRow("999ns") << qint64(999) << "999ns";
    QTest::newRow("1.001us") << qint64(1001) << "1.001us";
    QTest::newRow("ms with ns detail") << qint64(1'000'001) << "1000.001us";
    QTest::newRow("1.234567ms") << qint64(1'234'567) << "1234.567us";
    QTest::newRow("many us") << qint64(123'456'789) << "123456.789us";
    QTest::newRow("0.1s") << qint64(100 * kMillisecond) << "100ms";
    QTest::newRow("the limit") << qint64(kMaxSimTime) << "876000h";
  }
  void canonicalFormat() {
    QFETCH(qint64, ns);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatDuration(ns)), text);
    QCOMPARE(*parseDurationText(text.toStdString()).value, ns);
  }

  // The writer relies on this: any value survives format -> parse unchanged.
  void formatThenParseIsExact() {
    std::uint64_t state = 7;
    for (int i = 0; i < 100000; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      const SimTime t = static_cast<SimTime>(state >> 1) % (kMaxSimTime + 1) >> (i % 60);
      const std::string text = formatDuration(t);
      const DurationParse parsed = parseDurationText(text);
      QVERIFY2(parsed.value && *parsed.value == t, text.c_str());
    }
  }
};

QTEST_GUILESS_MAIN(tst_Duration)
#include "tst_duration.moc"
