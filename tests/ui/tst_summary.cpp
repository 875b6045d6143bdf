// The summary panel: up to date whenever the run stands still (not while it plays), the measured
// figures beside Little's law and, for a textbook system, the theory's values; elsewhere the reason
// there is none.

#include "UiFixtures.h"
#include "canvas/Text.h"
#include "metrics/Report.h"
#include "summary/SummaryDock.h"
#include "summary/SummaryText.h"
#include "window/RunStatus.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QtTest>

#include <cmath>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;
using S = SimulationController::RunState;

class tst_Summary : public QObject {
  Q_OBJECT

 private slots:
  void theoryBesideMeasuredForATextbookQueue() {
    SimulationController c;
    c.load(loadBundled(QStringLiteral("mm1")));
    c.runUntil(c.model()->duration);
    while (c.state() == S::Playing) c.advanceFrame(1.0 / 60);
    QCOMPARE(c.state(), S::Finished);
    const QString html = summaryHtml(c.simulator(), true);
    QVERIFY(html.contains(QStringLiteral("At the end")));
    QVERIFY(html.contains(QStringLiteral("M/M/1")));
    QVERIFY(html.contains(QStringLiteral("400 ms")));  // W theory: rho / (mu - lambda)
    QVERIFY(html.contains(QStringLiteral("balanced ✓")));
    QVERIFY(html.contains(QStringLiteral("Little")));
  }

  // A run that lasts an hour or more shows the hours on every reading of its clock: mm1 runs ten
  // hours, and its toolbar read "2:00.000 / 10:00:00.000" two minutes in (two hours, at a glance).
  void aLongRunsClockShowsItsHours() {
    QCOMPARE(formatClock(2 * kMinute), QStringLiteral("2:00.000"));
    QCOMPARE(formatClock(2 * kMinute, 10 * kHour), QStringLiteral("0:02:00.000"));
    QCOMPARE(formatClock(3 * kHour + 1, 10 * kHour), QStringLiteral("3:00:00.000"));
    QCOMPARE(formatClock(59 * kSecond, 59 * kMinute), QStringLiteral("0:59.000"));
    SimulationController c;
    RunStatus status(c);
    c.load(loadBundled(QStringLiteral("mm1")));
    QCOMPARE(c.model()->duration, 10 * kHour);
    c.seek(2 * kMinute);
    QCOMPARE(status.clockText(), QStringLiteral("0:02:00.000 / 10:00:00.000"));
    QVERIFY(summaryHtml(c.simulator(), false).contains(QStringLiteral("Paused at 0:02:00.000")));
  }

  void saysWhyThereIsNoTheory() {
    SimulationController c;
    c.load(loadBundled(QStringLiteral("work-queue")));
    playTo(c, 5 * kSecond);
    const QString html = summaryHtml(c.simulator(), false);
    QVERIFY(html.contains(QStringLiteral("Paused at ") + formatClock(c.simulator().now())));
    // Three workers behind links that take a millisecond: no M/M/c, and it says so.
    QVERIFY(html.contains(QStringLiteral("links that take no time")));
  }

  // A stream's groups each read at their own pace: the summary shows their lag and end to end
  // (the producer's own end to end is theirs; it read "–" as if nothing had arrived).
  void showsEachGroupsLagAndEndToEnd() {
    SimulationController c;
    c.load(loadBundled(QStringLiteral("order-events-stream")));
    playTo(c, 40 * kSecond);
    const QString html = summaryHtml(c.simulator(), false);
    const RunReport r = buildReport(c.simulator());
    QCOMPARE(r.streams.size(), std::size_t{1});
    QVERIFY(html.contains(QStringLiteral("Streams: consumer groups")));
    for (const GroupReport& g : r.streams[0].groups) {
      QVERIFY(g.endToEnd.count > 0);
      const QString name = QStringLiteral("order-events / ") + QString::fromStdString(g.name);
      const qsizetype at = html.indexOf(name);
      QVERIFY2(at >= 0, qPrintable(name));
      const QString rowText = html.mid(at, html.indexOf(QStringLiteral("</tr>"), at) - at);
      QVERIFY2(
          rowText.contains(formatCount(g.lagNow)) && rowText.contains(formatCount(g.processed)),
          qPrintable(rowText));
      QVERIFY2(rowText.contains(
                   formatSeconds(static_cast<SimTime>(std::llround(g.endToEnd.meanS * 1e9)))),
               qPrintable(rowText));
    }
    QVERIFY(html.contains(QStringLiteral("per group (streams, above)")));
    // Laid out, a table's names are to the left and its figures to the right (the style sheet's
    // :first-child, which Qt's rich text ignores, had left the names on the right).
    QTextDocument document;
    document.setHtml(html);
    int names = 0;
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
      // A cell kept on one line holds its spaces as no-break spaces.
      const QString text = b.text().replace(QChar::Nbsp, QLatin1Char(' '));
      if (text == QStringLiteral("order-events / billing") || text == QStringLiteral("billing")) {
        QVERIFY2(b.blockFormat().alignment() & Qt::AlignLeft, qPrintable(text));
        ++names;
      }
      if (text == QStringLiteral("1,254")) QVERIFY(b.blockFormat().alignment() & Qt::AlignRight);
    }
    QCOMPARE(names, 2);
    // A queue's producer keeps its own.
    SimulationController q;
    q.load(loadBundled(QStringLiteral("work-queue")));
    playTo(q, 10 * kSecond);
    const QString queueHtml = summaryHtml(q.simulator(), false);
    QVERIFY(!queueHtml.contains(QStringLiteral("Streams: consumer groups")));
    QVERIFY(!queueHtml.contains(QStringLiteral("per group")));
  }

  // A topic's copies, per subscription: the fan-out the captions count ("fanned out = published x
  // matching subscriptions") and the copies a non-durable subscriber missed offline. The summary
  // had no word on topics: their subscriptions' queues are not in the queues' table.
  void showsEachTopicsCopiesAndMisses() {
    SimulationController c;
    c.load(loadBundled(QStringLiteral("fanout-notifications")));
    playTo(c, 30 * kSecond);
    const QString html = summaryHtml(c.simulator(), false);
    const RunReport r = buildReport(c.simulator());
    QCOMPARE(r.topics.size(), std::size_t{1});
    const TopicReport& t = r.topics[0];
    QVERIFY(t.missed > 0);
    QVERIFY2(html.contains(QStringLiteral("<b>%1</b>: %2 published, %3 copies made, %4 missed")
                               .arg(QString::fromStdString(t.id), formatCount(t.published),
                                    formatCount(t.fannedOut), formatCount(t.missed))),
             qPrintable(html));
    std::uint64_t copies = 0;
    for (const SubscriptionReport& s : t.subscriptions) {
      const QString name = QString::fromStdString(t.id + " / " + s.consumer);
      const qsizetype at = html.indexOf(name);
      QVERIFY2(at >= 0, qPrintable(name));
      const QString rowText = html.mid(at, html.indexOf(QStringLiteral("</tr>"), at) - at);
      QVERIFY2(
          rowText.contains(QStringLiteral(">%1<").arg(formatCount(s.queue.counters.published))) &&
              rowText.contains(QStringLiteral(">%1<").arg(formatCount(s.missed))),
          qPrintable(rowText));
      copies += s.queue.counters.published;
    }
    QCOMPARE(copies, t.fannedOut);
    // Without a topic, no such section.
    SimulationController q;
    q.load(loadBundled(QStringLiteral("work-queue")));
    playTo(q, 5 * kSecond);
    QVERIFY(!summaryHtml(q.simulator(), false).contains(QStringLiteral("Topics:")));
  }

  // What each API answered, status by status (202, 200, 303, 404, ...), as the CLI's api table
  // has it: the summary showed the clients only.
  void showsWhatEachApiAnswered() {
    SimulationController c;
    c.load(loadBundled(QStringLiteral("failed-and-unknown-jobs")));
    playTo(c, 60 * kSecond);
    const QString html = summaryHtml(c.simulator(), false);
    const RunReport r = buildReport(c.simulator());
    QVERIFY(!r.apis.empty());
    QVERIFY(html.contains(QStringLiteral("Request-reply APIs: what they answered")));
    QVERIFY(html.contains(QStringLiteral("404 Not Found")));
    for (const ApiReport& a : r.apis) {
      const qsizetype at = html.indexOf(QStringLiteral(">%1<").arg(QString::fromStdString(a.id)));
      QVERIFY2(at >= 0, a.id.c_str());
      const QString rowText = html.mid(at, html.indexOf(QStringLiteral("</tr>"), at) - at);
      QVERIFY2(rowText.contains(QStringLiteral(">%1<").arg(formatCount(a.requests))),
               qPrintable(rowText));
      for (const HttpStatusCount& h : a.responses)
        QVERIFY2(rowText.contains(QStringLiteral(">%1<").arg(formatCount(h.count))),
                 qPrintable(QStringLiteral("%1: %2").arg(h.status).arg(rowText)));
    }
    // A webhook's calls and a push's notifications have their columns where there are any.
    SimulationController w;
    w.load(loadBundled(QStringLiteral("polling-vs-webhook")));
    playTo(w, 60 * kSecond);
    QVERIFY(summaryHtml(w.simulator(), false).contains(QStringLiteral("webhook calls")));
    QVERIFY(!html.contains(QStringLiteral("webhook calls")));
  }

  // A crash's toll per consumer, the lesson of the two crash scenarios: under manual ack what the
  // instance held is requeued, under auto ack it is lost.
  void showsWhatACrashCost() {
    for (const char* name : {"consumer-crash-manual-ack", "consumer-crash-auto-ack"}) {
      SimulationController c;
      c.load(loadBundled(QString::fromLatin1(name)));
      playTo(c, c.model()->duration);
      const RunReport r = buildReport(c.simulator());
      const QString html = summaryHtml(c.simulator(), false);
      QVERIFY(html.contains(QStringLiteral("lost in crash")));
      bool crashed = false;
      for (const ConsumerReport& k : r.consumers) {
        if (k.crashes == 0) continue;
        crashed = true;
        QVERIFY((k.requeuedAfterCrash > 0) != (k.lostInCrash > 0));
        const qsizetype at = html.indexOf(QStringLiteral(">%1<").arg(QString::fromStdString(k.id)),
                                          html.indexOf(QStringLiteral("<h3>Consumers")));
        QVERIFY(at >= 0);
        // The row's cells as text: the last two are the requeued and the lost.
        QStringList cells;
        const QString rowText = html.mid(at, html.indexOf(QStringLiteral("</tr>"), at) - at);
        for (QString cell : rowText.split(QStringLiteral("</td>"), Qt::SkipEmptyParts))
          cells << cell.remove(QRegularExpression(QStringLiteral("<[^>]*>|^>")))
                       .replace(QChar::Nbsp, QLatin1Char(' '));
        QCOMPARE(cells.size(), 9);
        QCOMPARE(cells[7], formatCount(k.requeuedAfterCrash));
        QCOMPARE(cells[8], formatCount(k.lostInCrash));
      }
      QVERIFY2(crashed, name);
    }
  }

  // The ledger's line listed how messages ended by the report's names: "read_processed 1,641",
  // "lost_consumer_crash 52", code on a projector. Now in words, each count first.
  void saysHowMessagesEndedInWords() {
    const struct {
      const char* scenario;
      SimTime at;
      Outcome outcome;
      const char* words;
    } cases[] = {
        {"stream-consumer-crash", 40 * kSecond, Outcome::ReadProcessed, "stream reads processed"},
        {"consumer-crash-auto-ack", 75 * kSecond, Outcome::LostConsumerCrash,
         "lost in a consumer crash"},
        {"overflow-policies", 30 * kSecond, Outcome::Rejected, "rejected by a full queue"},
    };
    for (const auto& k : cases) {
      SimulationController c;
      c.load(loadBundled(QString::fromLatin1(k.scenario)));
      playTo(c, k.at);
      const RunReport r = buildReport(c.simulator());
      const std::uint64_t n = r.ledger.outcomes[static_cast<std::size_t>(k.outcome)];
      QVERIFY2(n > 0, k.scenario);
      const QString html = summaryHtml(c.simulator(), false);
      const qsizetype from = html.indexOf(QStringLiteral("Every message accounted for"));
      const QString ledger = html.mid(from, html.indexOf(QStringLiteral("</p>"), from) - from);
      QVERIFY2(ledger.contains(formatCount(n) + QLatin1Char(' ') + QLatin1String(k.words)),
               qPrintable(ledger));
      QVERIFY2(!ledger.contains(QRegularExpression(QStringLiteral("[a-z]_[a-z]"))),
               qPrintable(ledger));
    }
  }

  void followsThePausesNotTheFrames() {
    SimulationController c;
    SummaryDock dock(c);
    dock.show();
    c.load(loadBundled(QStringLiteral("work-queue")));
    QVERIFY(dock.current());
    QVERIFY(dock.html().contains(QStringLiteral("Paused at 0:00.000")));
    c.setSpeed(10);
    c.play();
    for (int i = 0; i < 30; ++i) c.advanceFrame(1.0 / 60);
    QVERIFY(!dock.current());  // playing: the last pause's figures, marked as such
    QVERIFY(dock.html().contains(QStringLiteral("Paused at 0:00.000")));
    c.pause();
    QVERIFY(dock.current());
    QVERIFY(c.simulator().now() > 4 * kSecond);
    QVERIFY(dock.html().contains(QStringLiteral("Paused at ") + formatClock(c.simulator().now())));
    c.step();  // a paused run that moves: the summary follows
    QVERIFY(dock.current());
  }
};

QTEST_MAIN(tst_Summary)
#include "tst_summary.moc"
