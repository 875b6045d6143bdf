// The catalogue of series (metrics/SeriesCatalog): every series a run keeps, under one column name
// "component.figure" and on one chart, as many as the simulator budgets points for; and the
// metrics CSV that lists them, read back value for value.

#include "EngineFixtures.h"
#include "metrics/SeriesCatalog.h"
#include "scenario/ScenarioFile.h"

#include <QDir>
#include <QRegularExpression>

#include <cmath>
#include <set>

using namespace brokerlab;
using namespace brokerlab::fixtures;

namespace {

const NamedSeries* find(const std::vector<NamedSeries>& all, const std::string& column) {
  for (const NamedSeries& s : all)
    if (s.column == column) return &s;
  return nullptr;
}

}  // namespace

class tst_SeriesCatalog : public QObject {
  Q_OBJECT

 private slots:
  void everyBundledScenarioListsWhatTheSimulatorBudgets_data() {
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(BROKERLAB_SOURCE_DIR "/scenarios"));
    for (const QString& f : dir.entryList({"*.json"}, QDir::Files))
      QTest::newRow(qPrintable(f)) << f;
  }
  void everyBundledScenarioListsWhatTheSimulatorBudgets() {
    QFETCH(QString, file);
    Simulator sim = bundled(file);
    RUN_UNTIL(sim, 10 * kSecond);
    const std::vector<NamedSeries> all = seriesOf(sim);
    QCOMPARE(all.size(), sim.seriesCount());  // the point budget counts what is listed
    // Ids and group names are letters, digits, '_', '.' and '-': never a comma that would split
    // a CSV field. The figure is what follows the last dot.
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_./-]+\\.[a-z0-9_]+$"));
    std::set<std::string> columns;
    for (const NamedSeries& s : all) {
      QVERIFY2(name.match(QString::fromStdString(s.column)).hasMatch(), s.column.c_str());
      QVERIFY2(columns.insert(s.column).second, s.column.c_str());  // no column twice
      QCOMPARE(s.series->points().size(), all.front().series->points().size());
      QCOMPARE(s.series->step(), all.front().series->step());
      QVERIFY(s.component < sim.model().components.size());
    }
  }

  void eachFigureHasItsColumnAndChart_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("chart");
    const auto row = [](const char* file, const char* column, SeriesChart chart) {
      QTest::newRow(column) << QString(file) << QString(column) << static_cast<int>(chart);
    };
    row("work-queue.json", "orders-api.sent_per_s", SeriesChart::Throughput);
    row("work-queue.json", "orders-api.end_to_end_p50_s", SeriesChart::Latency);
    row("work-queue.json", "orders-api.end_to_end_p99_s", SeriesChart::Latency);
    row("work-queue.json", "orders.delivered_per_s", SeriesChart::Throughput);
    row("work-queue.json", "orders.depth", SeriesChart::Backlog);
    row("work-queue.json", "orders.wait_p50_s", SeriesChart::Latency);
    row("work-queue.json", "orders.wait_p95_s", SeriesChart::Latency);
    row("work-queue.json", "orders.wait_p99_s", SeriesChart::Latency);
    row("work-queue.json", "workers.utilization", SeriesChart::Utilization);
    row("work-queue.json", "workers.active_instances", SeriesChart::Utilization);
    row("async-request-reply.json", "jobs-api.busy_slots", SeriesChart::Utilization);
    row("async-request-reply.json", "jobs-api.responses_202_per_s", SeriesChart::Jobs);
    row("async-request-reply.json", "jobs-api.responses_303_per_s", SeriesChart::Jobs);
    row("async-request-reply.json", "jobs-api.responses_503_per_s", SeriesChart::Jobs);
    row("async-request-reply.json", "browser.polls_per_job", SeriesChart::Jobs);
    row("async-request-reply.json", "browser.time_to_result_s", SeriesChart::Jobs);
    row("order-events-stream.json", "order-events/billing.lag", SeriesChart::Lag);
    row("order-events-stream.json", "order-events/billing.lag_p0", SeriesChart::Lag);
  }
  void eachFigureHasItsColumnAndChart() {
    QFETCH(QString, file);
    QFETCH(QString, column);
    QFETCH(int, chart);
    const Simulator sim = bundled(file);
    const std::vector<NamedSeries> all = seriesOf(sim);
    const NamedSeries* s = find(all, column.toStdString());
    QVERIFY2(s, qPrintable(column));
    QCOMPARE(static_cast<int>(s->chart), chart);
  }

  void anApiHasOneSeriesPerStatusOfTheVocabulary() {
    const Simulator sim = bundled("async-request-reply.json");
    const std::vector<NamedSeries> all = seriesOf(sim);
    for (const int status : kHttpStatuses) {
      const std::string column = "jobs-api.responses_" + std::to_string(status) + "_per_s";
      QVERIFY2(find(all, column), column.c_str());
    }
  }

  // Parsed back, every field is its series' value to nine significant digits; a gap is empty.
  void theCsvReadsBackAsTheSeries_data() {
    QTest::addColumn<QString>("file");
    for (const char* f : {"work-queue.json", "async-request-reply.json", "order-events-stream.json",
                          "scale-out.json", "fanout-notifications.json"})
      QTest::newRow(f) << QString(f);
  }
  void theCsvReadsBackAsTheSeries() {
    QFETCH(QString, file);
    Simulator sim = bundled(file);
    RUN(sim);
    const std::vector<NamedSeries> all = seriesOf(sim);
    const QStringList lines = QString::fromStdString(metricsCsv(sim)).split('\n');
    QCOMPARE(lines.back(), QString());  // ends with a newline
    QStringList header{"time_s"};
    for (const NamedSeries& s : all) header << QString::fromStdString(s.column);
    QCOMPARE(lines[0], header.join(','));
    const std::size_t rows = all.front().series->points().size();
    QCOMPARE(static_cast<std::size_t>(lines.size()), rows + 2);
    bool sawGap = false;
    for (std::size_t i = 0; i < rows; ++i) {
      const QStringList fields = lines[static_cast<qsizetype>(i + 1)].split(',');
      QCOMPARE(static_cast<std::size_t>(fields.size()), all.size() + 1);
      QCOMPARE(fields[0].toDouble(), toSeconds(all.front().series->timeOf(i)));
      for (std::size_t c = 0; c < all.size(); ++c) {
        const double want = all[c].series->points()[i];
        const QString& field = fields[static_cast<qsizetype>(c + 1)];
        if (isSeriesGap(want)) {
          QVERIFY2(field.isEmpty(), qPrintable(field));
          sawGap = true;
          continue;
        }
        bool ok = false;
        const double got = field.toDouble(&ok);
        QVERIFY2(ok, qPrintable(header[static_cast<qsizetype>(c + 1)] + ": " + field));
        QVERIFY2(std::abs(got - want) <= 5e-9 * std::abs(want),
                 qPrintable(header[static_cast<qsizetype>(c + 1)] + ": " + field));
      }
    }
    QVERIFY(sawGap);  // every one of these has an interval with nothing to measure somewhere
  }
};

QTEST_APPLESS_MAIN(tst_SeriesCatalog)
#include "tst_seriescatalog.moc"
