// The charts: decimation keeps every pixel column's lowest and highest value (a spike is never
// hidden), the charts plot the engine's own series (the highest point drawn is the highest sample
// taken), a selection narrows them, they follow a landing on the timeline, and a chart exports as
// a valid PNG and SVG.

#include "UiFixtures.h"
#include "canvas/Theme.h"
#include "charts/AveragingChoice.h"
#include "charts/ChartExport.h"
#include "charts/ChartPanel.h"
#include "charts/ChartsDock.h"
#include "charts/Decimate.h"
#include "charts/SeriesLabel.h"
#include "charts/TrailingMean.h"
#include "sim/Simulator.h"
#include "timeline/TimelineBar.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QMenu>
#include <QScrollArea>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

namespace {
// Deterministic noise with rare tall spikes (a linear congruential sequence: the test needs no
// quality, only the same values on every machine).
std::vector<double> spiky(std::size_t n) {
  std::vector<double> ys(n);
  std::uint64_t x = 12345;
  for (double& y : ys) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const double u = static_cast<double>(x >> 11) / 9007199254740992.0;
    y = u < 0.001 ? 1000 * u * 1000 : u;  // about one in a thousand is a spike
  }
  return ys;
}

double highest(const QList<QPointF>& points) {
  double h = -1e300;
  for (const QPointF& p : points) h = std::max(h, p.y());
  return h;
}
// The charts dock, `width` x `height`, on the bundled traffic spike at 45 s (run there without
// animation).
struct SpikeAt45s {
  SimulationController c;
  TimelineBar timeline{c};
  ChartsDock dock{c, timeline};
  SpikeAt45s(int width, int height, const QString& scenario = QStringLiteral("traffic-spike")) {
    dock.resize(width, height);
    dock.show();
    c.load(loadBundled(scenario));
    runTo(c, 45 * kSecond);
    dock.refresh();
  }
};
}  // namespace

class tst_Charts : public QObject {
  Q_OBJECT

 private slots:
  void decimationKeepsEveryColumnsExtremes() {
    const std::vector<double> ys = spiky(100000);
    const int columns = 300;
    const QList<QPointF> out = decimateMinMax(ys, 0, 1, columns);
    QVERIFY(out.size() <= 2 * columns);
    const double perColumn = static_cast<double>(ys.size()) / columns;
    for (int c = 0; c < columns; ++c) {
      const auto begin = static_cast<std::size_t>(c * perColumn);
      const auto end = std::min(ys.size(), static_cast<std::size_t>((c + 1) * perColumn));
      const double lo = *std::min_element(ys.begin() + begin, ys.begin() + end);
      const double hi = *std::max_element(ys.begin() + begin, ys.begin() + end);
      bool sawLo = false;
      bool sawHi = false;
      for (const QPointF& p : out) {
        if (p.x() < begin || p.x() >= end) continue;
        sawLo = sawLo || p.y() == lo;
        sawHi = sawHi || p.y() == hi;
      }
      QVERIFY2(sawLo && sawHi, qPrintable(QStringLiteral("column %1").arg(c)));
    }
    // In time order, as a line must be drawn.
    QVERIFY(std::is_sorted(out.begin(), out.end(),
                           [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); }));
    // With envelopes, a point's own lowest and highest samples count.
    const std::vector<double> mean = {1, 1, 1, 1, 1, 1};
    const std::vector<double> mins = {0, 1, 1, 1, 1, 1};
    const std::vector<double> maxs = {1, 1, 9, 1, 1, 1};
    const QList<QPointF> folded = decimateMinMax(mean, 0, 1, 1, mins, maxs);
    QCOMPARE(highest(folded), 9.0);
  }

  void chartsPlotTheEnginesSeries() {
    SpikeAt45s spike(1200, 500);
    SimulationController& c = spike.c;
    ChartsDock& dock = spike.dock;
    // The backlog chart: the queue's depth and unacked, and its highest point is the highest
    // depth the engine sampled (the envelope's), however many points were folded together.
    const auto plotted = dock.panel(SeriesChart::Backlog).plotted();
    QCOMPARE(plotted.size(), std::size_t{2});
    QCOMPARE(plotted[0].first, QStringLiteral("events.depth"));
    const std::vector<NamedSeries> series = seriesOf(c.simulator());
    const auto depth = std::find_if(series.begin(), series.end(), [](const NamedSeries& s) {
      return s.column == "events.depth";
    });
    QVERIFY(depth != series.end());
    const std::vector<double>& maxs = depth->series->maxs();
    QVERIFY(!maxs.empty());
    QCOMPARE(highest(plotted[0].second), *std::max_element(maxs.begin(), maxs.end()));
    QVERIFY(highest(plotted[0].second) > 300);  // the spike's backlog (docs: about 370)
    // No lag chart in a scenario without streams.
    QVERIFY(dock.panel(SeriesChart::Lag).isHidden());
    QVERIFY(dock.pointsShown() > 0);

    // A selection narrows every chart to that component's series.
    const std::uint32_t steady = 0;  // the first component
    dock.setComponent(steady);
    for (const auto& [name, points] : dock.panel(SeriesChart::Throughput).plotted())
      QVERIFY2(name.startsWith(QStringLiteral("steady.")), qPrintable(name));
    dock.setComponent(kNone);

    // A landing earlier: the charts end there (the series are the simulator's state).
    c.seek(10 * kSecond);
    const auto after = dock.panel(SeriesChart::Backlog).plotted();
    for (const QPointF& p : after[0].second) QVERIFY(p.x() <= 10.0 + 1e-9);
    QVERIFY(highest(after[0].second) < 50);  // before the spike
  }

  // Each chart's lines are decimated for its plot's width as laid out, not for the width it had
  // when it was last shown: a paused window (a lecture's, a screenshot's) refreshes its charts
  // once, often before the dock's layout has given them their size.
  void chartsDecimateForTheirLaidOutWidth() {
    SpikeAt45s spike(1600, 400);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    const ChartPanel& backlog = spike.dock.panel(SeriesChart::Backlog);
    const double width = backlog.chart()->plotArea().width();
    QVERIFY2(width > 200, qPrintable(QString::number(width)));  // more than the smallest count
    const TimeSeries& depth = spike.c.simulator().queueMetrics()[0].series.depth;
    const double step = toSeconds(depth.step());
    const QList<QPointF> expected = decimateMinMax(
        depth.points(), step, step, decimationColumns(width), depth.mins(), depth.maxs());
    QCOMPARE(backlog.plotted()[0].second, expected);
  }

  // Lecture mode's type on a 720-line projector leaves a chart about 220 pixels: its time axis
  // must still show its figures (Qt Charts cuts what does not fit to "..."), if need be without the
  // axis's title.
  void lectureChartsKeepTheirTimeFigures_data() {
    QTest::addColumn<int>("dockHeight");
    for (const int h : {220, 230, 240, 260, 300})
      QTest::newRow(qPrintable(QString::number(h))) << h;
  }
  void lectureChartsKeepTheirTimeFigures() {
    QFETCH(int, dockHeight);
    SpikeAt45s spike(1280, dockHeight);
    spike.dock.setFontScale(Theme::lecture().scale());
    spike.dock.refresh();
    spike.dock.resize(1280, dockHeight);  // the lecture type's legends had grown it
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    for (const SeriesChart kind : {SeriesChart::Throughput, SeriesChart::Backlog,
                                   SeriesChart::Latency, SeriesChart::Utilization}) {
      const ChartPanel& panel = spike.dock.panel(kind);
      QStringList cut;
      QVERIFY(chartTexts(*panel.chart(), &cut) >= 4);  // the axes' figures were found
      QVERIFY2(cut.isEmpty(), qPrintable(QStringLiteral("%1 (%2 pixels high): %3")
                                             .arg(panel.chart()->title())
                                             .arg(panel.height())
                                             .arg(cut.join(QLatin1Char(' ')))));
    }
  }

  // The request-reply scenario has five charts. In a dock one chart high (lecture mode at
  // 1280x720) they share one row, narrower, rather than put the fifth on a row the dock cuts off.
  void chartsStayInsideTheDock_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("scale");
    QTest::newRow("1280x240 lecture") << 1280 << 240 << Theme::lecture().scale();
    QTest::newRow("1280x240") << 1280 << 240 << 1.0;
    QTest::newRow("1600x300") << 1600 << 300 << 1.0;
    QTest::newRow("800x520") << 800 << 520 << 1.0;  // room for two rows
  }
  void chartsStayInsideTheDock() {
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, scale);
    SpikeAt45s requests(width, height, QStringLiteral("async-request-reply"));
    requests.dock.setFontScale(scale);
    requests.dock.refresh();
    requests.dock.resize(width, height);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    // Its width kept; its height at most what its charts' own minimum asks for (Qt Charts raises
    // a chart view's minimum to its chart's: in lecture type about 250 pixels).
    QCOMPARE(requests.dock.width(), width);
    // Every chart in view, none scrolled away: the dock's height holds their row.
    const QWidget* body = qobject_cast<const QScrollArea*>(requests.dock.widget())->viewport();
    int shown = 0;
    std::set<int> rows;
    for (int k = 0; k < kSeriesChartCount; ++k) {
      const ChartPanel& panel = requests.dock.panel(static_cast<SeriesChart>(k));
      if (panel.isHidden()) continue;
      ++shown;
      const QRect inView(panel.mapTo(body, QPoint(0, 0)), panel.size());
      QVERIFY2(body->rect().contains(inView),
               qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 in %6x%7")
                              .arg(panel.chart()->title())
                              .arg(panel.x())
                              .arg(panel.y())
                              .arg(panel.width())
                              .arg(panel.height())
                              .arg(body->width())
                              .arg(body->height())));
      QVERIFY(panel.height() >= panel.minimumHeight());
      rows.insert(panel.y());
      const auto* values = static_cast<const QValueAxis*>(panel.chart()->axes(Qt::Vertical)[0]);
      QCOMPARE(valueAxisFigures(*panel.chart()).size(), values->tickCount());
      QStringList cut;  // the titles and the axes' figures whole
      QVERIFY(chartTexts(*panel.chart(), &cut) >= 4);
      QVERIFY2(cut.isEmpty(), qPrintable(panel.chart()->title() + QStringLiteral(": ") +
                                         cut.join(QLatin1Char(' '))));
      QVERIFY2(wrappedTexts(*panel.chart()).isEmpty(),
               qPrintable(wrappedTexts(*panel.chart()).join(QStringLiteral(" | "))));
    }
    QCOMPARE(shown, 5);
    QCOMPARE(static_cast<int>(rows.size()), height < 400 ? 1 : 2);
    // The titles in one size, the one the chart that needs the smallest asks for: a row of
    // titles in different sizes reads as different levels of importance.
    qreal smallest = 0;
    std::set<qreal> sizes;
    for (int k = 0; k < kSeriesChartCount; ++k) {
      const ChartPanel& panel = requests.dock.panel(static_cast<SeriesChart>(k));
      if (panel.isHidden()) continue;
      sizes.insert(panel.chart()->titleFont().pointSizeF());
      smallest = smallest == 0 ? panel.ownTitleSize() : std::min(smallest, panel.ownTitleSize());
    }
    QCOMPARE(static_cast<int>(sizes.size()), 1);
    QCOMPARE(*sizes.begin(), smallest);
  }

  // At the window's size (1600x900, the charts and the inspector open) the dock's charts are about
  // 260 pixels high and 300 wide, one name to a legend row. queue-vs-topic-vs-stream's fifteen
  // throughput series once took eight rows: the plot was 50 pixels high and its time figures were
  // cut to "...". A legend keeps to a share of its chart; the rest is "+N more", named on hover.
  void aLegendLeavesThePlotItsRoom_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("scale");
    for (const QString& name : bundledNames()) {
      QTest::newRow(qPrintable(name + QStringLiteral(" 1600x290"))) << name << 1600 << 290 << 1.0;
      QTest::newRow(qPrintable(name + QStringLiteral(" 1280x240 lecture")))
          << name << 1280 << 240 << Theme::lecture().scale();
    }
  }
  void aLegendLeavesThePlotItsRoom() {
    QFETCH(QString, scenario);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, scale);
    SpikeAt45s run(width, height, scenario);
    run.dock.setFontScale(scale);
    run.dock.refresh();
    run.dock.resize(width, height);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    for (int k = 0; k < kSeriesChartCount; ++k) {
      const ChartPanel& panel = run.dock.panel(static_cast<SeriesChart>(k));
      if (panel.isHidden()) continue;
      const QChart& chart = *panel.chart();
      const QString where = QStringLiteral("%1 (%2x%3, legend %4 rows, plot %5 high)")
                                .arg(chart.title())
                                .arg(panel.width())
                                .arg(panel.height())
                                .arg(panel.legend().height() / panel.legend().rowHeight())
                                .arg(chart.plotArea().height());
      QStringList cut;
      QVERIFY(chartTexts(chart, &cut) >= 4);
      QVERIFY2(cut.isEmpty(), qPrintable(where + QStringLiteral(": ") + cut.join(' ')));
      QVERIFY2(chart.plotArea().height() >= 0.35 * panel.height(), qPrintable(where));
    }
  }

  // The charts of a row share its width equally, however the dock placed them before: the
  // panels' size hints differ, and after one placement and another (a run reveals its charts one
  // by one) poll-storm's four charts came out 389, 389, 240 and 240 pixels wide in lecture mode at
  // 1280, the last one's title cut.
  void aRowsChartsShareItsWidth() {
    SpikeAt45s run(1280, 240, QStringLiteral("stream-replay"));  // three charts
    run.dock.setFontScale(Theme::lecture().scale());
    run.c.load(loadBundled(QStringLiteral("poll-storm")));  // four
    runTo(run.c, 45 * kSecond);
    run.dock.refresh();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    std::vector<int> widths;
    for (int k = 0; k < kSeriesChartCount; ++k) {
      const ChartPanel& panel = run.dock.panel(static_cast<SeriesChart>(k));
      if (!panel.isHidden()) widths.push_back(panel.width());
    }
    QCOMPARE(widths.size(), std::size_t{4});
    const auto [narrowest, widest] = std::minmax_element(widths.begin(), widths.end());
    QVERIFY2(*widest - *narrowest <= 1,
             qPrintable(QStringLiteral("%1 to %2 pixels wide").arg(*narrowest).arg(*widest)));
  }

  void aTrailingMeanIsTheWindowsFigure() {
    const double gap = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> rates = {10, 20, 30, 0, 0, 0, 0.1, 0.2, gap, gap, gap, 6};
    const auto same = [](const std::vector<double>& a, const std::vector<double>& b) {
      return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](double x, double y) {
        return x == y || (std::isnan(x) && std::isnan(y));
      });
    };
    QVERIFY(same(trailingMean(rates, 1), rates));  // a window of one point: as sampled
    QVERIFY(same(trailingMean(rates, 0), rates));
    const std::vector<double> mean = trailingMean(rates, 3);
    QCOMPARE(mean.size(), rates.size());
    QCOMPARE(mean[0], 10.0);  // fewer points at the start: the mean of those there are
    QCOMPARE(mean[1], 15.0);
    QCOMPARE(mean[2], 20.0);
    QCOMPARE(mean[3], 50.0 / 3);
    QCOMPARE(mean[4], 10.0);
    QCOMPARE(mean[5], 0.0);  // exactly: no residue of the running sum
    QVERIFY(mean[5] == 0.0 && !std::signbit(mean[5]));
    QCOMPARE(mean[8], (0.1 + 0.2) / 2);  // a gap is left out, not counted as zero
    QCOMPARE(mean[9], 0.2);
    QVERIFY(std::isnan(mean[10]));  // gaps only
    QCOMPARE(mean[11], 6.0);
    // A long series: every point the mean of its own window, summed afresh (no drift).
    const std::vector<double> ys = spiky(20000);
    const std::vector<double> long10 = trailingMean(ys, 10);
    for (std::size_t i = 9; i < ys.size(); i += 997) {
      double sum = 0;
      for (std::size_t j = i - 9; j <= i; ++j) sum += ys[j];
      QVERIFY2(std::abs(long10[i] - sum / 10) <= 1e-12 * std::max(1.0, sum),
               qPrintable(QString::number(i)));
    }
  }

  // Rates and utilizations sampled every 100 ms swing with every burst; by default the charts
  // draw them as their mean over the last second, and say so. The other charts' figures (depth,
  // percentiles) are drawn as sampled: a mean of percentiles is no percentile.
  void ratesAreDrawnAsTheirMeanOverTheChosenWindow() {
    SpikeAt45s spike(1600, 400);
    ChartsDock& dock = spike.dock;
    QCOMPARE(dock.averaging().window(), AveragingChoice::kDefault);
    QCOMPARE(AveragingChoice::kDefault, kSecond);
    const std::vector<NamedSeries> series = seriesOf(spike.c.simulator());
    const auto find = [&](const std::string& column) -> const TimeSeries& {
      const auto it = std::find_if(series.begin(), series.end(),
                                   [&](const NamedSeries& s) { return s.column == column; });
      Q_ASSERT(it != series.end());
      return *it->series;
    };
    const auto line = [&](SeriesChart chart, const QString& name) {
      for (const auto& [n, points] : dock.panel(chart).plotted())
        if (n == name) return points;
      return QList<QPointF>();
    };
    ChartPanel& throughput = dock.panel(SeriesChart::Throughput);
    const int columns = decimationColumns(throughput.chart()->plotArea().width());
    const TimeSeries& acked = find("events.acked_per_s");
    const double step = toSeconds(acked.step());
    QCOMPARE(acked.step(), 100 * kMillisecond);
    const QList<QPointF> averaged =
        decimateMinMax(trailingMean(acked.points(), 10), step, step, columns);
    QCOMPARE(line(SeriesChart::Throughput, QStringLiteral("events.acked_per_s")), averaged);
    QCOMPARE(throughput.chart()->title(), QStringLiteral("Throughput (1 s mean)"));
    QCOMPARE(dock.panel(SeriesChart::Utilization).chart()->title(),
             QStringLiteral("Utilization (1 s mean)"));
    const TimeSeries& depth = find("events.depth");
    const QList<QPointF> asSampled =
        decimateMinMax(depth.points(), step, step, columns, depth.mins(), depth.maxs());
    QCOMPARE(line(SeriesChart::Backlog, QStringLiteral("events.depth")), asSampled);
    QCOMPARE(dock.panel(SeriesChart::Backlog).chart()->title(),
             QStringLiteral("Backlog (messages)"));

    // Each sample as taken: the rates' own points, the title without the window.
    dock.averaging().setWindow(0);
    const QList<QPointF> raw = decimateMinMax(acked.points(), step, step, columns);
    QVERIFY(raw != averaged);
    QCOMPARE(line(SeriesChart::Throughput, QStringLiteral("events.acked_per_s")), raw);
    QCOMPARE(throughput.chart()->title(), QStringLiteral("Throughput (per second)"));
    QCOMPARE(line(SeriesChart::Backlog, QStringLiteral("events.depth")), asSampled);
    // Five seconds, chosen in the menu a chart's right click and the View menu show.
    const QList<QAction*> choices = dock.averaging().menu()->actions();
    QCOMPARE(choices.size(), 4);
    choices[2]->trigger();
    QCOMPARE(dock.averaging().window(), 5 * kSecond);
    QCOMPARE(line(SeriesChart::Throughput, QStringLiteral("events.acked_per_s")),
             decimateMinMax(trailingMean(acked.points(), 50), step, step, columns));
    QCOMPARE(throughput.chart()->title(), QStringLiteral("Throughput (5 s mean)"));
    QVERIFY(choices[2]->isChecked() && !choices[1]->isChecked());
  }

  // The request-reply chart holds rates (answers by status per second) beside counts taken at
  // each sample (jobs by state): the rates are drawn as their mean over the window, the counts as
  // sampled, and the title says which.
  void requestReplyRatesAreAveragedItsCountsNot() {
    SpikeAt45s storm(1600, 400, QStringLiteral("poll-storm"));
    ChartPanel& jobs = storm.dock.panel(SeriesChart::Jobs);
    const int columns = decimationColumns(jobs.chart()->plotArea().width());
    const std::vector<NamedSeries> series = seriesOf(storm.c.simulator());
    const auto drawn = [&](const std::string& column) {
      for (const auto& [name, points] : jobs.plotted())
        if (name == QString::fromStdString(column)) return points;
      return QList<QPointF>();
    };
    int checked = 0;
    for (const NamedSeries& s : series) {
      if (s.column != "api.responses_200_per_s" && s.column != "api.jobs_pending") continue;
      const TimeSeries& t = *s.series;
      const double step = toSeconds(t.step());
      const bool rate = s.column.ends_with("_per_s");
      QCOMPARE(drawnAsMeans(s), rate);
      const QList<QPointF> expected =
          rate ? decimateMinMax(trailingMean(t.points(), 10), step, step, columns)
               : decimateMinMax(t.points(), step, step, columns, t.mins(), t.maxs());
      QCOMPARE(drawn(s.column), expected);
      ++checked;
    }
    QCOMPARE(checked, 2);
    QCOMPARE(jobs.chart()->title(), QStringLiteral("Request-reply (rates: 1 s mean)"));
    storm.dock.averaging().setWindow(0);
    QCOMPARE(jobs.chart()->title(), QStringLiteral("Request-reply"));
  }

  // An API's busy slots are a count (the CSV's column); on the utilization chart, whose axis ends
  // at 1, they are drawn as the fraction of its slots: poll-storm's four busy slots were a line
  // above the chart's top, out of sight, in the one scenario about a saturated API.
  void anApisBusySlotsAreAFractionOfItsSlots() {
    SpikeAt45s storm(1600, 400, QStringLiteral("poll-storm"));
    storm.dock.averaging().setWindow(0);
    const std::vector<NamedSeries> series = seriesOf(storm.c.simulator());
    const auto busy = std::find_if(series.begin(), series.end(), [](const NamedSeries& s) {
      return s.column == "api.busy_slots";
    });
    QVERIFY(busy != series.end());
    QCOMPARE(busy->chartDivisor, 4.0);  // poll-storm.json: concurrency 4
    const std::vector<double>& counts = busy->series->points();
    QCOMPARE(*std::max_element(counts.begin(), counts.end()), 4.0);  // saturated
    ChartPanel& utilization = storm.dock.panel(SeriesChart::Utilization);
    QList<QPointF> drawn;
    for (const auto& [name, points] : utilization.plotted())
      if (name == QStringLiteral("api.busy_slots")) drawn = points;
    QVERIFY(!drawn.isEmpty());
    QCOMPARE(highest(drawn), 1.0);
    const auto* axis = static_cast<const QValueAxis*>(utilization.chart()->axes(Qt::Vertical)[0]);
    QCOMPARE(axis->max(), 1.0);
    bool named = false;
    for (const ChartLegend::Entry& e : utilization.legend().entries())
      named = named || e.text == QStringLiteral("api · busy slots, of 4");
    QVERIFY(named);
  }

  void seriesReadAsWordsInTheLegend() {
    QCOMPARE(seriesLabel("steady.sent_per_s"), QStringLiteral("steady · sent/s"));
    QCOMPARE(seriesLabel("orders.end_to_end_p99_s"), QStringLiteral("orders · end-to-end p99"));
    QCOMPARE(seriesLabel("jobs.wait_p50_s"), QStringLiteral("jobs · wait p50"));
    QCOMPARE(seriesLabel("api.responses_202_per_s"), QStringLiteral("api · responses 202/s"));
    QCOMPARE(seriesLabel("client.polls_per_job"), QStringLiteral("client · polls/job"));
    QCOMPARE(seriesLabel("v1.orders.busy_slots"), QStringLiteral("v1.orders · busy slots"));
    QCOMPARE(seriesLabel("events/audit.lag_p3"), QStringLiteral("events/audit · lag p3"));
  }

  // At 1600 pixels the dock shows four charts side by side; the latency chart's eight series
  // must each be readable whole, on as many rows as they need, inside the chart.
  void theLegendWrapsRatherThanCutsNamesShort() {
    SpikeAt45s spike(1600, 300);
    SimulationController& c = spike.c;
    ChartsDock& dock = spike.dock;
    QCoreApplication::processEvents();
    const ChartPanel& latency = dock.panel(SeriesChart::Latency);
    QVERIFY(latency.width() < 450);
    const ChartLegend& legend = latency.legend();
    const auto plotted = latency.plotted();
    QCOMPARE(legend.entries().size(), plotted.size());
    QCOMPARE(plotted.size(), std::size_t{ChartPanel::kMaxSeries});
    QCOMPARE(legend.hidden(), 0);
    QVERIFY(!legend.elided());
    // The ninth latency series has no line (a chart draws eight): the note says so, and names it.
    QCOMPARE(legend.notShown(), 1);
    QCOMPARE(legend.placed().size(), plotted.size() + 1);
    QCOMPARE(legend.placed().back().text, QStringLiteral("+1 more"));
    QVERIFY(legend.placed().back().marker.isEmpty());
    QVERIFY2(latency.toolTip().contains(QStringLiteral("events · wait p99")),
             qPrintable(latency.toolTip()));
    int rows = 0;
    for (std::size_t i = 0; i < plotted.size(); ++i) {
      const ChartLegend::Placed& p = legend.placed()[i];
      QCOMPARE(p.text, seriesLabel(plotted[i].first.toStdString()));
      QVERIFY(p.marker.left() >= 0);
      QVERIFY(p.baseline.x() + QFontMetricsF(legend.font()).horizontalAdvance(p.text) <=
              latency.width());
      rows = std::max(rows, p.row + 1);
    }
    QVERIFY2(rows > 1, "eight names do not fit one row of a quarter of the screen");
    QCOMPARE(legend.height(), rows * legend.rowHeight());
    QVERIFY(dock.panel(SeriesChart::Backlog).toolTip().isEmpty());  // nothing to reveal
    // The row's charts give every legend the tallest one's room: their time axes line up.
    for (SeriesChart kind :
         {SeriesChart::Throughput, SeriesChart::Backlog, SeriesChart::Utilization})
      QCOMPARE(dock.panel(kind).chart()->plotArea().bottom(), latency.chart()->plotArea().bottom());

    // A chart too small for every row says how many it left out, and names them all on hover.
    ChartPanel small(SeriesChart::Latency);
    small.resize(290, 200);
    small.show(seriesOf(c.simulator()), 45);
    const ChartLegend& cramped = small.legend();
    QVERIFY(cramped.hidden() > 0);
    QCOMPARE(cramped.notShown(), cramped.hidden() + 1);
    QVERIFY(cramped.placed().back().marker.isEmpty());
    QCOMPARE(cramped.placed().back().text, QStringLiteral("+%1 more").arg(cramped.notShown()));
    QCOMPARE(static_cast<int>(cramped.placed().size()) - 1 + cramped.hidden(),
             ChartPanel::kMaxSeries);
    for (const ChartLegend::Entry& e : cramped.entries())
      QVERIFY2(small.toolTip().contains(e.text), qPrintable(e.text));
  }

  void aChartExportsAsPngAndSvg() {
    SimulationController c;
    TimelineBar timeline(c);
    ChartsDock dock(c, timeline);
    dock.resize(1200, 500);
    dock.show();
    c.load(loadBundled(QStringLiteral("traffic-spike")));
    playTo(c, 30 * kSecond, 100);
    dock.refresh();
    QTemporaryDir dir;
    QString error;
    ChartPanel& backlog = dock.panel(SeriesChart::Backlog);
    const QString png = dir.filePath(QStringLiteral("backlog.png"));
    const QString svg = dir.filePath(QStringLiteral("backlog.svg"));
    QVERIFY2(exportChartPng(backlog, png, &error), qPrintable(error));
    QVERIFY2(exportChartSvg(backlog, svg, &error), qPrintable(error));
    const QImage image(png);
    QCOMPARE(image.size(), backlog.size() * 2);
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QVERIFY(!exportChartPng(backlog, dir.filePath(QStringLiteral("no/such/dir/x.png")), &error));
    QVERIFY(!error.isEmpty());
  }
};

QTEST_MAIN(tst_Charts)
#include "tst_charts.moc"
