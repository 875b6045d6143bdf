// `bench --scaling`: each model at sizes 1/2^(n-1), ..., 1/2, 1 along its own dimension, each
// point in a child process, and per model the log-log slopes against size. Checked here: the slope
// function on exact power laws; the sizes are the ones asked for each dimension and the work grows
// with them; the printed slopes are least-squares fits of the printed points (refitted here, not
// with the CLI's function); the text's reading agrees with its slope; the options. Timings are not
// judged (they are the machine's). queues-10k runs alone at a small --size: its 10,000 queues'
// series take seconds to sample, minutes under the sanitizer build that runs this suite too.

#include "../../app/cli/BenchScaling.h"
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using namespace brokerlab::testing;
using brokerlab::cli::logLogSlope;

namespace {

// An ordinary least-squares fit of log(y) on log(x), written out apart from the CLI's.
double refit(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double lx = std::log(x[i]), ly = std::log(y[i]);
    sx += lx;
    sy += ly;
    sxx += lx * lx;
    sxy += lx * ly;
  }
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

QJsonObject scalingJson(const QStringList& extra) {
  const CliResult r = cli(QStringList{"bench", "--scaling", "--json"} + extra);
  if (r.exitCode != 0) qWarning("%s", qPrintable(r.err));
  return r.exitCode == 0 ? QJsonDocument::fromJson(r.out.toUtf8()).object() : QJsonObject{};
}

}  // namespace

class tst_BenchScaling : public QObject {
  Q_OBJECT

 private slots:
  void slopeOfPowerLaws() {
    const std::vector<double> x = {250, 500, 1000, 4000};
    for (const double b : {-0.5, 0.0, 0.12, 1.0, 2.0}) {
      std::vector<double> y;
      for (const double v : x) y.push_back(3.7 * std::pow(v, b));
      const auto slope = logLogSlope(x, y);
      QVERIFY(slope);
      QVERIFY2(std::abs(*slope - b) < 1e-12, qPrintable(QString::number(*slope)));
    }
    // Not on a line: the least-squares slope, here worked by hand. log2 x = 0, 1, 2 and
    // log2 y = 0, 2, 3: mean x 1, mean y 5/3, sxy = (-1)(-5/3) + 0 + (1)(4/3) = 3, sxx = 2.
    const auto slope = logLogSlope({1, 2, 4}, {1, 4, 8});
    QVERIFY(slope);
    QVERIFY(std::abs(*slope - 1.5) < 1e-12);
  }

  void slopeNeedsTwoSizesAndPositiveValues() {
    QVERIFY(!logLogSlope({5}, {1}));
    QVERIFY(!logLogSlope({5, 5, 5}, {1, 2, 3}));
    QVERIFY(!logLogSlope({1, 2}, {1, 0}));
    QVERIFY(!logLogSlope({0, 2}, {1, 1}));
    QVERIFY(!logLogSlope({1, 2}, {1, std::nan("")}));
    QVERIFY(!logLogSlope({1, 2, 3}, {1, 2}));
  }

  // The JSON's slopes are fits of its own points, and its sizes halve from the top one.
  void jsonSlopesFitThePoints() {
    const QJsonObject root = scalingJson({"--model", "mm1", "--points", "4", "--scale", "0.01"});
    QCOMPARE(root.value("points").toInt(), 4);
    QCOMPARE(root.value("scale").toDouble(), 0.01);
    QVERIFY(!root.contains("stopped_early"));
    const QJsonArray models = root.value("models").toArray();
    QCOMPARE(models.size(), 1);
    const QJsonObject m = models[0].toObject();
    QCOMPARE(m.value("model").toString(), QStringLiteral("mm1"));
    QCOMPARE(m.value("dimension").toString(), QStringLiteral("messages"));
    const QJsonArray points = m.value("points").toArray();
    QCOMPARE(points.size(), 4);
    std::vector<double> size, run, events, ns, peak;
    const std::vector<double> asked = {1250, 2500, 5000, 10000};  // 1e6 messages x 0.01, halved
    for (int i = 0; i < points.size(); ++i) {
      const QJsonObject p = points[i].toObject();
      QCOMPARE(p.value("size").toDouble(), asked[i]);
      QCOMPARE(p.value("messages").toDouble(), asked[i]);
      QCOMPARE(p.value("events").toDouble(), 5 * asked[i] + 1);  // five hops, the consumer's join
      QVERIFY(p.value("run_s").toDouble() > 0);
      QVERIFY(p.value("peak_rss_bytes").toDouble() > 0);
      const double perEvent = p.value("run_s").toDouble() * 1e9 / p.value("events").toDouble();
      QVERIFY(std::abs(p.value("ns_per_event").toDouble() / perEvent - 1) < 1e-12);
      size.push_back(p.value("size").toDouble());
      run.push_back(p.value("run_s").toDouble());
      events.push_back(p.value("events").toDouble());
      ns.push_back(p.value("ns_per_event").toDouble());
      peak.push_back(p.value("peak_rss_bytes").toDouble());
    }
    const QJsonObject slopes = m.value("slopes").toObject();
    const auto near = [](double a, double b) { return std::abs(a - b) < 1e-9; };
    QVERIFY(near(slopes.value("run_s").toDouble(), refit(size, run)));
    QVERIFY(near(slopes.value("events").toDouble(), refit(size, events)));
    QVERIFY(near(slopes.value("ns_per_event").toDouble(), refit(size, ns)));
    QVERIFY(near(slopes.value("peak_rss_bytes").toDouble(), refit(size, peak)));
    // log(ns/event) = log(run) - log(events), and a fit is linear in what it fits.
    QVERIFY(near(slopes.value("ns_per_event").toDouble(),
                 slopes.value("run_s").toDouble() - slopes.value("events").toDouble()));
    QVERIFY(std::abs(slopes.value("events").toDouble() - 1) < 1e-3);  // the work is linear
    QVERIFY(near(m.value("ns_per_event_change_per_doubling").toDouble(),
                 std::exp2(slopes.value("ns_per_event").toDouble()) - 1));
  }

  // Each model grows along its own dimension: the sizes asked, and more work at the larger one.
  void everyDimensionHasTheSizesAsked_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("dimension");
    QTest::addColumn<double>("full");  // the top size at scale 0.001
    QTest::newRow("mm1") << "mm1"
                         << "messages" << 1000.0;
    QTest::newRow("topic-100") << "topic-100"
                               << "subscribers" << 100.0;
    QTest::newRow("stream-32x4") << "stream-32x4"
                                 << "partitions" << 32.0;
    QTest::newRow("mm1-1e8") << "mm1-1e8"
                             << "messages" << 1e5;
    QTest::newRow("backlog-1e7") << "backlog-1e7"
                                 << "messages" << 1e4;
    QTest::newRow("request-reply-1000") << "request-reply-1000"
                                        << "clients" << 1000.0;
  }
  void everyDimensionHasTheSizesAsked() {
    QFETCH(QString, model);
    QFETCH(QString, dimension);
    QFETCH(double, full);
    const QJsonObject root = scalingJson({"--model", model, "--points", "2", "--scale", "0.001"});
    const QJsonObject m = root.value("models").toArray().first().toObject();
    QCOMPARE(m.value("model").toString(), model);
    QCOMPARE(m.value("dimension").toString(), dimension);
    const QJsonArray points = m.value("points").toArray();
    QCOMPARE(points.size(), 2);
    const QJsonObject half = points[0].toObject(), whole = points[1].toObject();
    QCOMPARE(half.value("size").toDouble(), full / 2);
    QCOMPARE(whole.value("size").toDouble(), full);
    // Twice the size, about twice the events (the work per unit is kept).
    const double ratio = whole.value("events").toDouble() / half.value("events").toDouble();
    QVERIFY2(ratio > 1.6 && ratio < 2.4, qPrintable(QString::number(ratio)));
    QVERIFY(m.value("slopes").toObject().value("run_s").isDouble());
  }

  // queues-10k in one small run; and a model at its documented size is the model as named.
  void sizeOfOneModel() {
    const CliResult r =
        cli({"bench", "--model", "queues-10k", "--size", "40", "--scale", "0.001", "--json"});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject q = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(q.value("dimension").toString(), QStringLiteral("queues"));
    QCOMPARE(q.value("size").toInt(), 40);
    QCOMPARE(q.value("messages").toInt(), 40);  // 200 a queue x 0.001: one each
    QVERIFY(q.value("description").toString().contains(QStringLiteral("(40 queues, ")));
    const auto hash = [](const QStringList& args) {
      const CliResult run = cli(QStringList{"bench", "--json"} + args);
      return QJsonDocument::fromJson(run.out.toUtf8()).object().value("trace_hash").toString();
    };
    const QString named = hash({"--model", "topic-100", "--scale", "0.001"});
    QVERIFY(!named.isEmpty());
    QCOMPARE(hash({"--model", "topic-100", "--scale", "0.001", "--size", "100"}), named);
    QVERIFY(hash({"--model", "topic-100", "--scale", "0.001", "--size", "99"}) != named);
  }

  // A row per point and a line of slopes per model, whose reading is its ns/event slope.
  void textRowsAndReading() {
    const CliResult r = cli({"bench", "--scaling", "--model", "topic-100", "--scale", "0.001"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("at 1/4, 1/2 and 1 of its size")));
    QVERIFY(r.out.contains(QStringLiteral("noisy")));
    static const QRegularExpression row(
        QStringLiteral("^topic-100 +subscribers +(\\d+) +\\d+ +[\\d.]+ +[\\d.]+ +[\\d.]+$"),
        QRegularExpression::MultilineOption);
    QStringList sizes;
    for (auto it = row.globalMatch(r.out); it.hasNext();) sizes << it.next().captured(1);
    QCOMPARE(sizes, (QStringList{"25", "50", "100"}));
    static const QRegularExpression summary(
        QStringLiteral(
            "^  slopes: run time (-?[\\d.]+), events (-?[\\d.]+), ns/event (-?[\\d.]+), peak "
            "memory "
            "(-?[\\d.]+): per-event cost (grows|falls) ([\\d.]+)% per doubling of subscribers$"),
        QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = summary.match(r.out);
    QVERIFY2(m.hasMatch(), qPrintable(r.out));
    const double nsSlope = m.captured(3).toDouble();
    const double change = (m.captured(5) == "falls" ? -1 : 1) * m.captured(6).toDouble();
    // The slope is printed to 0.01: 2^b moves by up to 0.35% x 2^b within that.
    QVERIFY2(std::abs(change - (std::exp2(nsSlope) - 1) * 100) < 0.4 * std::exp2(nsSlope) + 0.06,
             qPrintable(m.captured(0)));
    QVERIFY(std::abs(m.captured(2).toDouble() - 1) < 0.1);  // deliveries grow with subscribers
  }

  void optionsAreChecked_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("points alone") << QStringList{"bench", "--points", "3"} << "--points is for";
    QTest::newRow("one point") << QStringList{"bench", "--scaling", "--points", "1"} << "2 to 6";
    QTest::newRow("seven points") << QStringList{"bench", "--scaling", "--points", "7"} << "2 to 6";
    QTest::newRow("with suite") << QStringList{"bench", "--scaling", "--suite"} << "one of";
    QTest::newRow("with size") << QStringList{"bench", "--scaling", "--size", "5"}
                               << "chooses its sizes";
    QTest::newRow("with messages")
        << QStringList{"bench", "--scaling", "--messages", "5"} << "--scale";
    QTest::newRow("unknown model")
        << QStringList{"bench", "--scaling", "--model", "mm2"} << "unknown model";
    QTest::newRow("size with suite")
        << QStringList{"bench", "--suite", "--size", "5"} << "one --model";
    QTest::newRow("size too big") << QStringList{"bench", "--model", "stream-32x4", "--size",
                                                 "1025"}
                                  << "from 1 to 1024";
    QTest::newRow("size zero") << QStringList{"bench", "--size", "0"} << "count of messages";
    QTest::newRow("size and messages")
        << QStringList{"bench", "--size", "5", "--messages", "5"} << "not both";
  }
  void optionsAreChecked() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliResult r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(tst_BenchScaling)
#include "tst_benchscaling.moc"
