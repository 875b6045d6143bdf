// The inspector and the job journey: a selected component lists the CLI report's figures of this
// moment; a selected message lists every hop of its life (the same records a straight run has); a
// job's sequence diagram tells the same steps as `brokerlab-cli trace --job N --mermaid`, and
// exports as that Mermaid text and as a valid SVG.

#include "UiFixtures.h"
#include "canvas/Animator.h"
#include "canvas/Text.h"
#include "canvas/TopologyScene.h"
#include "canvas/TopologyView.h"
#include "controller/SimulationController.h"
#include "inspector/InspectorDock.h"
#include "inspector/MessageJourney.h"
#include "journey/JourneyDock.h"
#include "journey/SequenceDiagram.h"
#include "journey/SequenceView.h"
#include "metrics/Report.h"
#include "model/ModelBuilder.h"
#include "window/FileActions.h"
#include "window/MainWindow.h"

#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;
using S = SimulationController::RunState;

namespace {
// The scenario index of the report's first component of `kind`.
std::uint32_t firstOfKind(const RunReport& report, ComponentKind kind) {
  std::uint32_t component = 0;
  while (report.order[component].first != kind) ++component;
  return component;
}

QString readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
}  // namespace

class tst_Inspector : public QObject {
  Q_OBJECT

 private slots:
  void componentShowsTheReportsFigures();
  void aStoppedRunShowsItsLastMoment();
  void aStreamShowsEachGroupsEndToEnd();
  void aStoreShowsItsJobsByState();
  void anApiShowsWhatTellingItsClientsCosts();
  void messageShowsEveryHop();
  void journeyTellsTheCliSteps();
  void aPausedJourneyShowsItsLastStep();
  void aClientChosenBeforeItsFirstJobIsFollowed();
  void theHeadingSaysHowTheJobEnded();
  void journeyExports();
  void journeyLabelsAreNeverCut();
  void clickingAFlightSelectsItsMessage();
};

void tst_Inspector::componentShowsTheReportsFigures() {
  SimulationController c;
  InspectorDock dock(c);
  c.load(loadBundled(QStringLiteral("work-queue")));
  // Nothing selected: what a selection will show, not an empty table and an empty box.
  const auto* pages = dock.findChild<QStackedWidget*>();
  QVERIFY(pages && pages->isHidden());
  QCOMPARE(dock.heading(), QStringLiteral("Select a component or a message on the canvas"));
  runTo(c, 20 * kSecond);
  dock.showComponent(1);  // the queue "orders"
  QVERIFY(!pages->isHidden());
  const RunReport report = buildReport(c.simulator());
  const QueueReport& q = report.queues[0];
  const QStringList rows = dock.figureRows();
  QVERIFY(rows.contains(QStringLiteral("ready now\t%1").arg(q.depthNow)));
  QVERIFY(rows.contains(QStringLiteral("unacked now\t%1").arg(q.unackedNow)));
  QVERIFY(rows.contains(
      QStringLiteral("acked / nacked\t%1 / %2")
          .arg(QLocale(QLocale::English).toString(static_cast<qulonglong>(q.counters.acked)))
          .arg(q.counters.nacked)));
  // Played on, the figures follow (a few times a second).
  runTo(c, 40 * kSecond);
  QTest::qWait(InspectorDock::kRefreshMs + 50);
  c.advanceFrame(0);
  const QueueReport later = buildReport(c.simulator()).queues[0];
  QVERIFY(dock.figureRows().contains(QStringLiteral("unacked now\t%1").arg(later.unackedNow)));
  // A consumer's few figures leave the room below them to its parameters (the table kept three
  // quarters of the dock, two thirds of it blank, while the parameters scrolled).
  dock.resize(420, 800);
  dock.show();
  dock.showComponent(2);  // the consumer "workers"
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
  const auto* table = dock.findChild<QTableWidget*>(QStringLiteral("figures"));
  const auto* parameters = dock.findChild<QPlainTextEdit*>();
  QVERIFY(table && parameters);
  int rowsHigh = table->horizontalHeader()->height() + 2 * table->frameWidth();
  for (int r = 0; r < table->rowCount(); ++r) rowsHigh += table->rowHeight(r);
  QVERIFY2(table->height() <= rowsHigh,
           qPrintable(QStringLiteral("%1 > %2").arg(table->height()).arg(rowsHigh)));
  QVERIFY(parameters->height() > table->height());
}

// A stream's records are done once per group, each at its own pace: the stream shows each group's
// end to end beside its lag, and its producer the groups' (it said "none yet" after thousands).
void tst_Inspector::aStreamShowsEachGroupsEndToEnd() {
  SimulationController c;
  InspectorDock dock(c);
  c.load(loadBundled(QStringLiteral("order-events-stream")));
  runTo(c, 40 * kSecond);
  const RunReport report = buildReport(c.simulator());
  const StreamReport& stream = report.streams[0];
  QCOMPARE(stream.groups.size(), std::size_t{2});
  dock.showComponent(1);  // the stream "order-events"
  QStringList rows = dock.figureRows();
  QStringList means;
  for (const GroupReport& g : stream.groups) {
    QVERIFY(g.endToEnd.count > 0);
    const QString mean = formatSeconds(static_cast<SimTime>(std::llround(g.endToEnd.meanS * 1e9)));
    const QString name = QString::fromStdString(g.name);
    const QString p99 = formatSeconds(static_cast<SimTime>(std::llround(g.endToEnd.p99S * 1e9)));
    QVERIFY2(rows.contains(
                 QStringLiteral("group %1 end to end mean / p99\t%2 / %3").arg(name, mean, p99)),
             qPrintable(rows.join(QLatin1Char('\n'))));
    means << QStringLiteral("group %1 end to end mean\t%2").arg(name, mean);
  }
  QVERIFY(means[0] != means[1]);  // billing keeps up, analytics falls behind
  dock.showComponent(0);          // the producer "orders": the same rows
  rows = dock.figureRows();
  for (const QString& row : means)
    QVERIFY2(rows.contains(row), qPrintable(rows.join(QLatin1Char('\n'))));
  QVERIFY(!rows.join(QLatin1Char('\n')).contains(QStringLiteral("none yet")));
  // Each group's consumer shows its own group's rows, and not the other's.
  for (std::size_t k = 0; k < stream.groups.size(); ++k) {
    const GroupReport& g = stream.groups[k];
    const ConsumerReport* consumer = nullptr;
    for (const ConsumerReport& r : report.consumers)
      if (r.group == g.name) consumer = &r;
    QVERIFY(consumer != nullptr);
    QCOMPARE(groupOf(report, *consumer), &g);
    std::uint32_t component = 0;
    while (report.order[component] !=
           std::pair{ComponentKind::Consumer,
                     static_cast<std::uint32_t>(consumer - report.consumers.data())})
      ++component;
    dock.showComponent(component);
    rows = dock.figureRows();
    const QString lag = QStringLiteral("group %1 lag now / mean / max\t%2 / ")
                            .arg(QString::fromStdString(g.name))
                            .arg(g.lagNow);
    QVERIFY2(
        std::any_of(rows.begin(), rows.end(), [&](const QString& r) { return r.startsWith(lag); }),
        qPrintable(rows.join(QLatin1Char('\n'))));
    const QString other = QString::fromStdString(stream.groups[1 - k].name);
    QVERIFY(!rows.join(QLatin1Char('\n'))
                 .contains(QStringLiteral("group ") + other + QLatin1Char(' ')));
  }
  // A queue's consumer has no group.
  SimulationController queue;
  queue.load(loadBundled(QStringLiteral("work-queue")));
  runTo(queue, 5 * kSecond);
  const RunReport queueReport = buildReport(queue.simulator());
  QVERIFY(queueReport.consumers[0].group.empty());
  QCOMPARE(groupOf(queueReport, queueReport.consumers[0]), nullptr);
}

// A status store listed only its reads, writes and refused writes: the job records it holds, by
// state, which its cylinder shows on the canvas, were not among its figures.
void tst_Inspector::aStoreShowsItsJobsByState() {
  SimulationController c;
  InspectorDock dock(c);
  c.load(loadBundled(QStringLiteral("failed-and-unknown-jobs")));
  runTo(c, 40 * kSecond);
  const Simulator& sim = c.simulator();
  const RunReport report = buildReport(sim);
  const std::uint32_t component = firstOfKind(report, ComponentKind::Store);
  const std::uint32_t store = report.order[component].second;
  std::array<std::uint64_t, kJobStatusCount> jobs{};
  for (std::size_t a = 0; a < sim.model().apis.size(); ++a)
    if (sim.model().apis[a].store == store)
      for (int k = 0; k < kJobStatusCount; ++k) jobs[k] += sim.apis()[a].jobs[k];
  QVERIFY(jobs[static_cast<int>(JobStatus::Completed)] > 0);
  QVERIFY(jobs[static_cast<int>(JobStatus::Expired)] > 0);  // results past their TTL
  dock.showComponent(component);
  const QStringList rows = dock.figureRows();
  for (JobStatus s : {JobStatus::Pending, JobStatus::Running, JobStatus::Completed,
                      JobStatus::Failed, JobStatus::Expired}) {
    const std::string_view name = jobStatusName(s);
    const QString row = QStringLiteral("jobs %1\t%2")
                            .arg(QString::fromLatin1(name.data(), qsizetype(name.size())))
                            .arg(formatCount(jobs[static_cast<int>(s)]));
    QVERIFY2(rows.contains(row), qPrintable(row + QLatin1String(" in\n") + rows.join('\n')));
  }
  QVERIFY(!rows.join('\n').contains(QStringLiteral("jobs Cancelled")));  // none: no row
  const SimTime ttl = sim.model().stores[store].resultTtl;
  QVERIFY(ttl > 0);
  QVERIFY(rows.contains(QStringLiteral("results kept for\t") + formatSeconds(ttl)));
}

// An API's webhook calls, pushes and the connections it holds open, as the summary and the CLI's
// report give them; an API that only answers polls lists none of them.
void tst_Inspector::anApiShowsWhatTellingItsClientsCosts() {
  SimulationController c;
  InspectorDock dock(c);
  c.load(loadBundled(QStringLiteral("push-alternatives")));
  runTo(c, 60 * kSecond);
  const RunReport report = buildReport(c.simulator());
  const std::uint32_t component = firstOfKind(report, ComponentKind::Api);
  const ApiReport& api = report.apis[report.order[component].second];
  QVERIFY(api.callbacks > 0 && api.pushes > 0);
  QCOMPARE(api.heldConnectionsMax, std::uint64_t{2});  // the WebSocket, and an SSE stream
  dock.showComponent(component);
  const QStringList rows = dock.figureRows();
  for (const QString& row :
       {QStringLiteral("webhook calls made\t%1").arg(formatCount(api.callbacks)),
        QStringLiteral("pushes (SSE, WebSocket)\t%1").arg(formatCount(api.pushes)),
        QStringLiteral("connections open mean / max\t%1 / 2")
            .arg(QString::number(api.heldConnectionsMean, 'g', 4))})
    QVERIFY2(rows.contains(row), qPrintable(row + QLatin1String(" in\n") + rows.join('\n')));

  c.load(loadBundled(QStringLiteral("async-request-reply")));  // its client polls
  runTo(c, 60 * kSecond);
  const RunReport polled = buildReport(c.simulator());
  dock.showComponent(firstOfKind(polled, ComponentKind::Api));
  const QString all = dock.figureRows().join('\n');
  QVERIFY2(!all.contains(QStringLiteral("webhook calls")) &&
               !all.contains(QStringLiteral("pushes")) &&
               !all.contains(QStringLiteral("connections open")),
           qPrintable(all));
}

// Figures refresh a few times a second while a run plays; a run that stops sooner than that after
// the last refresh (run to a time, a step) still shows the moment it stopped at.
void tst_Inspector::aStoppedRunShowsItsLastMoment() {
  SimulationController c;
  InspectorDock dock(c);
  c.load(loadBundled(QStringLiteral("work-queue")));
  dock.showComponent(1);  // the queue "orders", refreshed now: the next refresh is 250 ms away
  const auto acked = [&] { return buildReport(c.simulator()).queues[0].counters.acked; };
  const auto shows = [&](std::uint64_t n) {
    return dock.figureRows().contains(
        QStringLiteral("acked / nacked\t%1 / 0")
            .arg(QLocale(QLocale::English).toString(static_cast<qulonglong>(n))));
  };
  runTo(c, 20 * kSecond);  // some milliseconds of wall-clock time
  QCOMPARE(c.state(), S::Paused);
  QVERIFY2(shows(acked()), qPrintable(dock.figureRows().join(", ")));
  // Stepped event by event until an ack: each step's figures at once.
  const std::uint64_t before = acked();
  for (int i = 0; i < 1000 && acked() == before; ++i) c.step();
  QVERIFY(acked() > before);
  QVERIFY2(shows(acked()), qPrintable(dock.figureRows().join(", ")));
}

void tst_Inspector::messageShowsEveryHop() {
  const Scenario s = loadBundled(QStringLiteral("poison-dead-letter"));
  SimulationController c;
  InspectorDock dock(c);
  c.load(s);
  runTo(c, 60 * kSecond);
  // A message that went to the dead-letter queue: find one in the run's own records.
  Simulator straight(std::make_shared<const Model>(*buildModel(s).model));
  straight.trace().setCapturing(true);
  std::vector<TraceRecord> all;
  while (straight.runUntil(60 * kSecond) != StopReason::ReachedTime)
    straight.trace().pull(all, straight.trace().size());
  straight.trace().pull(all, straight.trace().size());
  std::uint64_t serial = 0;
  for (const TraceRecord& r : all)
    if (r.kind == TraceKind::DeadLetter) {
      serial = r.message;
      break;
    }
  QVERIFY(serial != 0);
  std::size_t hops = 0;
  for (const TraceRecord& r : all) hops += r.message == serial;
  dock.showMessage(serial);
  const QStringList rows = dock.journeyRows();
  QCOMPARE(static_cast<std::size_t>(rows.size()), hops);
  QVERIFY(rows.first().contains(QStringLiteral("publishes it to payments")));
  QVERIFY(rows.join(QLatin1Char('\n')).contains(QStringLiteral("dead-letters it to payments.dlq")));
  QVERIFY(rows.join(QLatin1Char('\n')).contains(QStringLiteral("(redelivered)")));
  // Dropped at its delivery limit and taken on by the dead-letter queue: moved, not lost.
  std::vector<TraceRecord> life;
  for (const TraceRecord& r : all)
    if (r.message == serial) life.push_back(r);
  QVERIFY(std::any_of(life.begin(), life.end(),
                      [](const TraceRecord& r) { return r.kind == TraceKind::Drop; }));
  const QString summary = journeySummary(life);
  QVERIFY2(summary.contains(QStringLiteral("dead-lettered")), qPrintable(summary));
  QVERIFY2(!summary.contains(QStringLiteral("lost")), qPrintable(summary));
  // Dropped where nothing takes it on: an end.
  life.erase(std::find_if(life.begin(), life.end(),
                          [](const TraceRecord& r) { return r.kind == TraceKind::DeadLetter; }),
             life.end());
  QVERIFY(journeySummary(life).contains(QStringLiteral("dropped, expired or lost")));
}

void tst_Inspector::journeyTellsTheCliSteps() {
  SimulationController c;
  JourneyDock dock(c);
  c.load(loadBundled(QStringLiteral("async-request-reply")));
  runTo(c, c.model()->duration);
  dock.showJob(1);
  const QString golden = readAll(
      QStringLiteral(BROKERLAB_SOURCE_DIR "/tests/data/golden/async-request-reply-job1.mmd"));
  QVERIFY(!golden.isEmpty());
  QCOMPARE(dock.mermaid(), golden);
  // The drawing has a row per step of that text.
  int arrows = 0;
  for (const QString& line : golden.split(QLatin1Char('\n')))
    arrows += line.contains(QStringLiteral("->>")) ? 1 : 0;
  QCOMPARE(dock.view().diagram().arrows(), arrows);
  QCOMPARE(static_cast<int>(dock.view().diagram().participants.size()), 5);
}

// While a run plays the diagram is redrawn a few times a second; the first frame after it stops
// draws every step so far, without waiting for the wall clock.
void tst_Inspector::aPausedJourneyShowsItsLastStep() {
  SimulationController c;
  JourneyDock dock(c);
  c.load(loadBundled(QStringLiteral("async-request-reply")));
  dock.showJob(1);  // drawn now: the next redraw while playing is 250 ms away
  playTo(c, 10 * kSecond);
  c.advanceFrame(1.0 / 60);  // the window's next tick, paused
  const QString text = dock.mermaid();
  QVERIFY(text.count(QStringLiteral("->>")) > 3);
  QCOMPARE(dock.view().diagram().arrows(), static_cast<int>(text.count(QStringLiteral("->>"))));
}

// A lecture selects the client and then plays: the client's first job, submitted later, is the one
// the diagram follows.
void tst_Inspector::aClientChosenBeforeItsFirstJobIsFollowed() {
  SimulationController c;
  JourneyDock dock(c);
  c.load(loadBundled(QStringLiteral("async-request-reply")));
  std::uint32_t browser = kNone;
  for (std::uint32_t i = 0; i < c.model()->components.size(); ++i)
    if (c.model()->components[i].kind == ComponentKind::Client) browser = i;
  QVERIFY(browser != kNone);
  QVERIFY(c.simulator().jobs().empty());
  dock.showLatestJobOf(browser);
  QCOMPARE(dock.job(), std::uint64_t{0});
  playTo(c, 10 * kSecond);
  c.advanceFrame(1.0 / 60);
  QCOMPARE(dock.job(), c.simulator().jobs().front().id);
  QVERIFY(dock.view().diagram().arrows() > 3);
  // Another choice ends the wait: nothing else is followed.
  SimulationController c2;
  JourneyDock other(c2);
  c2.load(loadBundled(QStringLiteral("async-request-reply")));
  other.showLatestJobOf(browser);
  other.showJob(0);
  playTo(c2, 10 * kSecond);
  QCOMPARE(other.job(), std::uint64_t{0});
}

// "So far" while the job goes on; once its client has the result (or has given up), the heading
// says so: a finished job read "14 steps so far" for as long as it was followed.
void tst_Inspector::theHeadingSaysHowTheJobEnded() {
  SimulationController c;
  JourneyDock dock(c);
  c.load(loadBundled(QStringLiteral("async-request-reply")));
  dock.showJob(1);
  QCOMPARE(dock.heading(), QStringLiteral("Job 1: nothing yet"));
  c.play();
  while (c.simulator().jobs().empty() ||
         c.simulator().jobs().front().outcome != ClientOutcome::Waiting)
    c.advanceFrame(1.0 / 60);
  c.pause();
  c.advanceFrame(1.0 / 60);
  QVERIFY2(dock.heading().endsWith(QStringLiteral("steps so far")), qPrintable(dock.heading()));
  runTo(c, c.model()->duration);
  QCOMPARE(c.simulator().jobs().front().outcome, ClientOutcome::Result);
  dock.showJob(1);
  QCOMPARE(dock.heading(),
           QStringLiteral("Job 1: %1 steps, to its result").arg(dock.view().diagram().arrows()));
}

void tst_Inspector::journeyExports() {
  SimulationController c;
  JourneyDock dock(c);
  c.load(loadBundled(QStringLiteral("async-request-reply")));
  runTo(c, 20 * kSecond);
  dock.showLatestJobOf(0);  // the browser's newest job: just submitted, more steps to come
  QVERIFY(dock.job() > 0);
  QTemporaryDir dir;
  QString error;
  QVERIFY2(dock.exportMermaid(dir.filePath(QStringLiteral("j.mmd")), &error), qPrintable(error));
  QCOMPARE(readAll(dir.filePath(QStringLiteral("j.mmd"))), dock.mermaid());
  QVERIFY(readAll(dir.filePath(QStringLiteral("j.mmd")))
              .startsWith(QStringLiteral("sequenceDiagram\n")));
  QVERIFY2(dock.exportSvg(dir.filePath(QStringLiteral("j.svg")), &error), qPrintable(error));
  QSvgRenderer svg(dir.filePath(QStringLiteral("j.svg")));
  QVERIFY(svg.isValid());
  QVERIFY(readAll(dir.filePath(QStringLiteral("j.svg"))).contains(QStringLiteral("POST /jobs")));
  // It grows as the run goes.
  const int before = dock.view().diagram().arrows();
  runTo(c, 60 * kSecond);
  QTest::qWait(JourneyDock::kRefreshMs + 50);
  c.advanceFrame(0);
  QVERIFY(dock.view().diagram().arrows() > before);
}

// An arrow's label longer than the arrow ("[1.283 s] Enqueue job 1 (correlation id 1)" over one
// column) was cut at the arrow's ends; a note longer than a column was wrapped into a box of one
// line and lost half of each. Both are drawn whole now, past the column where they must.
void tst_Inspector::journeyLabelsAreNeverCut() {
  SequenceView view;
  view.setDiagram(SequenceDiagram::fromMermaid(QStringLiteral(
      "sequenceDiagram\n"
      "participant A as A\n"
      "participant B as B\n"
      "participant C as C\n"
      "A->>B: [1.283 s] Enqueue job 1 (correlation id 1), a label wider than its column\n"
      "Note over B: [1.285 s] Processing for 3.000 s, longer\n")));
  QImage image(view.sizeHint(), QImage::Format_RGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  view.render(&painter);
  painter.end();
  // Ink in a box of the picture, but for the lifelines' dashes (grey) and the note's fill.
  const auto inked = [&](QRect box) {
    box &= image.rect();
    for (int y = box.top(); y <= box.bottom(); ++y)
      for (int x = box.left(); x <= box.right(); ++x)
        if (qGray(image.pixel(x, y)) < 110) return true;
    return false;
  };
  // The label's line is the first row's top (82 to 103); A's lifeline is at 115, and the arrow's
  // label was cut at 121.
  QVERIFY(inked(QRect(30, 86, 75, 17)));
  // The note over B (lifeline at 305) was a box from 220 to 390; its text starts left of that.
  QVERIFY(inked(QRect(190, 121, 26, 23)));
}

void tst_Inspector::clickingAFlightSelectsItsMessage() {
  MainWindow w;
  w.files().setInteractive(false);
  w.resize(1600, 900);
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
  SimulationController& c = w.controller();
  c.setSpeed(0.5);
  c.play();
  for (int i = 0; i < 200 && w.canvas().animator()->flightsDrawn() == 0; ++i)
    c.advanceFrame(1.0 / 60);
  c.pause();
  QVERIFY(w.canvas().animator()->flightsDrawn() > 0);
  // Where the first drawn flight is, on screen.
  const Animator& a = *w.canvas().animator();
  const LinkFlow* link = nullptr;
  for (const LinkFlow& l : a.links())
    if (!l.aggregated && !l.flights.empty() && l.kind == FlightKind::Message) link = &l;
  QVERIFY(link);
  const Flight f = link->flights.front();
  const LinkCurve curve = w.canvas().topology()->curve(link->from, link->to);
  const QPoint at = w.canvas().mapFromScene(curve.at(a.progress(f, c.simulator().now())));
  QSignalSpy selected(&w.canvas(), &TopologyView::messageSelected);
  QTest::mouseClick(w.canvas().viewport(), Qt::LeftButton, {}, at);
  QCOMPARE(selected.count(), 1);
  QCOMPARE(selected.first().at(0).toULongLong(), f.id);
  QCOMPARE(w.inspector().message(), f.id);
}

QTEST_MAIN(tst_Inspector)
#include "tst_inspector.moc"
