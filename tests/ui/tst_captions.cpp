// The scenario's captions (annotations): marks on the timeline, a pause where one asks for it
// (and only while playing: fast-forward passes), the caption on the canvas at its moment, again
// after a landing, gone after its reading time; and a run with captions is the same run.

#include "UiFixtures.h"
#include "annotations/CaptionOverlay.h"
#include "canvas/ComponentItem.h"
#include "canvas/Text.h"
#include "canvas/Theme.h"
#include "canvas/TopologyScene.h"
#include "canvas/TopologyView.h"
#include "timeline/TimelineBar.h"

#include <QTextLayout>
#include <QtTest>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;
using S = SimulationController::RunState;

namespace {
// work-queue with three captions: at 2 s, a pausing one at 5 s, at 8 s.
Scenario captioned() {
  Scenario s = loadBundled(QStringLiteral("work-queue"));
  s.annotations = {{8 * kSecond, "third", std::nullopt},
                   {2 * kSecond, "first", false},
                   {5 * kSecond, "second: look at the backlog", true}};
  return s;
}

// A canvas `size` big, shown, with its captions over it.
struct CaptionedCanvas {
  SimulationController c;
  TopologyView view{c};
  CaptionOverlay overlay{c, view};
  explicit CaptionedCanvas(QSize size, const Theme& theme = Theme()) {
    view.setTheme(theme);
    view.resize(size);
    view.show();
  }
};

// Plays frame by frame until the run stops playing (or `frames` pass).
void playFrames(SimulationController& c, int frames) {
  c.play();
  for (int i = 0; i < frames && c.state() == S::Playing; ++i) c.advanceFrame(1.0 / 60);
}
}  // namespace

class tst_Captions : public QObject {
  Q_OBJECT

 private slots:
  void timelineMarksEveryCaption() {
    SimulationController c;
    TimelineBar bar(c);
    c.load(captioned());
    int captions = 0;
    for (const TimelineBar::Mark& m : bar.marks()) {
      if (m.kind != TimelineBar::Mark::Kind::Annotation) continue;
      ++captions;
      if (m.at == 5 * kSecond) QVERIFY(m.text.startsWith(QStringLiteral("second")));
    }
    QCOMPARE(captions, 3);
  }

  void playingPausesExactlyAtAPausingCaption() {
    SimulationController c;
    c.load(captioned());
    QCOMPARE(c.pausePoints(), std::vector<SimTime>{5 * kSecond});
    c.setSpeed(4);
    playFrames(c, 10000);
    QCOMPARE(c.state(), S::Paused);
    QCOMPARE(c.simulator().now(), 5 * kSecond);
    // Play goes on past it, and the captions without a pause do not stop the run.
    playFrames(c, 10000);
    QCOMPARE(c.state(), S::Finished);
  }

  void fastForwardAndRunUntilPassThem() {
    SimulationController c;
    c.load(captioned());
    c.setFastForward(true);
    playFrames(c, 10000);
    QCOMPARE(c.state(), S::Finished);
    c.restart();
    c.setFastForward(false);
    c.runUntil(20 * kSecond);
    playFrames(c, 10000);
    QCOMPARE(c.simulator().now(), 20 * kSecond);
    // An animated run-until is watched, as play is: it stops at the caption.
    c.restart();
    c.runUntil(20 * kSecond, /*animate=*/true);
    playFrames(c, 100000);
    QCOMPARE(c.simulator().now(), 5 * kSecond);
  }

  void captionsChangeNothingInTheRun() {
    SimulationController with;
    with.load(captioned());
    SimulationController without;
    Scenario plain = captioned();
    plain.annotations.clear();
    without.load(plain);
    playTo(with, with.model()->duration, 200);
    playTo(without, without.model()->duration, 200);
    QCOMPARE(with.simulator().traceHash(), without.simulator().traceHash());
  }

  void theCaptionShowsAtItsMomentAndAgainAfterALanding() {
    CaptionedCanvas canvas(QSize(1200, 800));
    auto& [c, view, overlay] = canvas;
    c.load(captioned());
    QCOMPARE(overlay.shownIndex(), -1);  // nothing reached yet
    c.setSpeed(4);
    playFrames(c, 10000);  // to the pause at 5 s
    QCOMPARE(overlay.shownIndex(), 2);
    QCOMPARE(overlay.shownText(), QStringLiteral("second: look at the backlog"));
    // It sits at the bottom of the canvas, inside it.
    QVERIFY(view.viewport()->rect().contains(overlay.geometry()));
    QVERIFY(overlay.geometry().bottom() > view.viewport()->height() / 2);
    // Landing before the first caption hides it; landing after one shows that one.
    c.seek(1 * kSecond);
    QCOMPARE(overlay.shownIndex(), -1);
    c.seek(3 * kSecond);
    QCOMPARE(overlay.shownIndex(), 1);
    QCOMPARE(overlay.shownText(), QStringLiteral("first"));
    // A click hides it until the next caption.
    QTest::mouseClick(&overlay, Qt::LeftButton);
    QCOMPARE(overlay.shownIndex(), -1);
    c.advanceFrame(1.0 / 60);
    QCOMPARE(overlay.shownIndex(), -1);
  }

  void aCaptionGoesAfterItsReadingTimeWhilePlayingButNotWhilePaused() {
    CaptionedCanvas canvas(QSize(1200, 800));
    auto& [c, view, overlay] = canvas;
    Scenario s = captioned();
    s.annotations = {{1 * kSecond, "a short one", false}};
    c.load(s);
    c.runUntil(1 * kSecond);
    playFrames(c, 1000);
    QCOMPARE(overlay.shownIndex(), 0);
    // Paused: a long wall time later it is still there (the frames carry no reading time).
    for (int i = 0; i < 60 * 20; ++i) c.advanceFrame(1.0 / 60);
    QCOMPARE(overlay.shownIndex(), 0);
    // Playing slowly (the clock stays near 1 s): gone after its reading time, about 6 s of frames.
    c.setSpeed(0.01);
    c.play();
    const double reading = CaptionOverlay::readingSeconds(QStringLiteral("a short one").size());
    QCOMPARE(reading, 6.0);
    int frames = 0;
    while (overlay.shownIndex() == 0 && frames < 60 * 30) {
      c.advanceFrame(1.0 / 60);
      ++frames;
    }
    QVERIFY2(std::abs(frames / 60.0 - reading) < 0.2, qPrintable(QString::number(frames)));
  }

  // View > Show Captions, unchecked: no caption shows, none pauses the run, and the band kept for
  // them goes to the topology; checked again, all three come back.
  void captionsCanBeTurnedOff() {
    CaptionedCanvas canvas(QSize(1200, 600));
    auto& [c, view, overlay] = canvas;
    c.load(captioned());
    QVERIFY(overlay.showAction()->isChecked());
    const int band = view.bottomReserve();
    QVERIFY(band > 0);
    const double scale = view.transform().m11();
    overlay.showAction()->trigger();
    QCOMPARE(view.bottomReserve(), 0);
    QVERIFY(view.transform().m11() >= scale);  // the topology takes the room
    c.setSpeed(4);
    playFrames(c, 400);  // past the pausing caption at 5 s without stopping
    QVERIFY(c.simulator().now() > 5 * kSecond);
    QCOMPARE(overlay.shownIndex(), -1);
    overlay.showAction()->trigger();
    QCOMPARE(view.bottomReserve(), band);
    c.pause();
    c.advanceFrame(1.0 / 60);
    QCOMPARE(overlay.shownIndex(), c.simulator().now() >= 8 * kSecond ? 0 : 2);
    c.restart();
    playFrames(c, 10000);
    QCOMPARE(c.simulator().now(), 5 * kSecond);  // it pauses there again
  }

  // The topology is fitted above the band where the captions show, whatever its size: in lecture
  // mode at 1280x720 with the charts open, poll-storm's bottom clients ran under its caption,
  // because the view could not scroll the scene far enough to centre it above the band.
  void theTopologyStaysClearOfTheCaption_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QSize>("canvas");
    QTest::addColumn<bool>("lecture");
    for (const QString& name : bundledNames()) {
      if (loadBundled(name).annotations.empty()) continue;
      QTest::newRow(qPrintable(name + QStringLiteral(" 1280x363 lecture")))
          << name << QSize(1280, 363) << true;
      QTest::newRow(qPrintable(name + QStringLiteral(" 1160x520")))
          << name << QSize(1160, 520) << false;
      // Lecture mode at 1280x720 with the summary open: the captions go beside the topology.
      QTest::newRow(qPrintable(name + QStringLiteral(" 1280x270 lecture")))
          << name << QSize(1280, 270) << true;
    }
  }
  void theTopologyStaysClearOfTheCaption() {
    QFETCH(QString, scenario);
    QFETCH(QSize, canvas);
    QFETCH(bool, lecture);
    CaptionedCanvas shown(canvas, lecture ? Theme::lecture() : Theme());
    auto& [c, view, overlay] = shown;
    const Scenario s = loadBundled(scenario);
    c.load(s);
    c.runUntil(s.annotations.front().at + kMillisecond);  // mm1's first is at 0
    playFrames(c, 100000);
    QVERIFY(overlay.isVisible());
    const QRect caption = overlay.geometry();
    QVERIFY(view.viewport()->rect().contains(caption));
    for (const ComponentItem* item : view.topology()->componentItems()) {
      const QRect drawn = view.mapFromScene(item->sceneBoundingRect()).boundingRect();
      QVERIFY2(view.viewport()->rect().contains(drawn) && !drawn.intersects(caption),
               qPrintable(QStringLiteral("%1 at %2,%3 %4x%5; caption at %6,%7 %8x%9")
                              .arg(item->id())
                              .arg(drawn.x())
                              .arg(drawn.y())
                              .arg(drawn.width())
                              .arg(drawn.height())
                              .arg(caption.x())
                              .arg(caption.y())
                              .arg(caption.width())
                              .arg(caption.height())));
    }
  }

  // On a canvas much wider than the topology, as when a dock opens at the bottom of a wide
  // window, the captions go at the right of the topology: under it, they left fanout-notifications
  // about 100 pixels high in lecture mode at 1280x720 with the summary open. Where the canvas is
  // tall enough, they stay under it.
  void aShortCanvasTakesTheCaptionBeside_data() {
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QSize>("canvas");
    QTest::addColumn<bool>("lecture");
    QTest::addColumn<bool>("beside");
    QTest::newRow("fanout, lecture, summary open")
        << QStringLiteral("fanout-notifications") << QSize(1280, 270) << true << true;
    QTest::newRow("request-reply, lecture, charts open")
        << QStringLiteral("async-request-reply") << QSize(1280, 350) << true << true;
    QTest::newRow("dead letters, summary open")
        << QStringLiteral("poison-dead-letter") << QSize(1280, 280) << false << true;
    QTest::newRow("request-reply at 1600x900")
        << QStringLiteral("async-request-reply") << QSize(1600, 700) << false << false;
    QTest::newRow("fanout, lecture at 1280x720")
        << QStringLiteral("fanout-notifications") << QSize(1280, 590) << true << false;
  }
  void aShortCanvasTakesTheCaptionBeside() {
    QFETCH(QString, scenario);
    QFETCH(QSize, canvas);
    QFETCH(bool, lecture);
    QFETCH(bool, beside);
    CaptionedCanvas shown(canvas, lecture ? Theme::lecture() : Theme());
    auto& [c, view, overlay] = shown;
    const Scenario s = loadBundled(scenario);
    c.load(s);
    c.runUntil(s.annotations.back().at + kMillisecond);
    playFrames(c, 1);
    QVERIFY(overlay.isVisible());
    QCOMPARE(view.captionBeside(), beside);
    const TopologyView::CaptionRoom room = view.captionRoom();
    const QRect caption = overlay.geometry();
    const QRect area = view.viewport()->rect();
    if (beside) {
      // A tenth larger at least than under a band of the captions' height.
      QVERIFY(view.transform().m11() >= 1.1 * view.scaleToFit(room.below, 0));
      QVERIFY(caption.right() <= area.right() && caption.left() >= area.width() - room.beside);
      for (const ComponentItem* item : view.topology()->componentItems()) {
        const QRect drawn = view.mapFromScene(item->sceneBoundingRect()).boundingRect();
        QVERIFY2(drawn.right() < caption.left(), qPrintable(item->id()));
      }
    } else {
      QVERIFY(caption.bottom() <= area.bottom() && caption.top() >= area.height() - room.below);
      QCOMPARE(view.transform().m11(), view.scaleToFit(room.below, 0));
    }
  }

  // A canvas both narrow and short (the journey and the charts open in lecture mode at 1280x720)
  // has no column for the captions, and their band took over half its height: there the type
  // gives way, down to the window's, until the band takes two fifths at most. Where there is
  // room it stays the projector's.
  void aSmallCanvasTakesTheCaptionsSmaller() {
    const Scenario s = loadBundled(QStringLiteral("async-request-reply"));
    CaptionedCanvas small(QSize(505, 345), Theme::lecture());
    small.c.load(s);
    QVERIFY(!small.view.captionBeside());
    QVERIFY2(
        small.overlay.typeScale() < Theme::lecture().scale() && small.overlay.typeScale() >= 1.0,
        qPrintable(QString::number(small.overlay.typeScale())));
    QVERIFY2(small.overlay.typeScale() == 1.0 || small.view.bottomReserve() <= 0.4 * 345,
             qPrintable(QString::number(small.view.bottomReserve())));
    CaptionedCanvas large(QSize(1280, 590), Theme::lecture());
    large.c.load(s);
    QCOMPARE(large.overlay.typeScale(), Theme::lecture().scale());
  }

  // A caption wraps between words, never inside a request, at a fraction's slash or between a
  // figure and its unit: "GET /" ended one line of the request-reply caption at 1280 pixels and
  // "results/1" began the next; mm1's "Lq = ρ²/" one line and "(1 − ρ) = 3.2" the next;
  // overflow-policies' "median wait 1.6" one line and "s)" the next, at 1600; traffic-spike's
  // "(40 − 15) ≈" one line and "15 s" the next, in lecture mode.
  void aCaptionNeverBreaksARequest() {
    const QChar joiner(0x2060);
    const QChar noBreak(0x00a0);
    QCOMPARE(keptTogether(QStringLiteral("and GET /results/1 the")),
             QStringLiteral("and GET") + noBreak + QStringLiteral("/") + joiner +
                 QStringLiteral("results/") + joiner + QStringLiteral("1 the"));
    QCOMPARE(keptTogether(QStringLiteral("POST /jobs/{id}")),
             QStringLiteral("POST") + noBreak + QStringLiteral("/") + joiner +
                 QStringLiteral("jobs/") + joiner + QStringLiteral("{id}"));
    QCOMPARE(keptTogether(QStringLiteral("370 / (40 - 15), a GETTER /x")),
             QStringLiteral("370") + noBreak + QStringLiteral("/") + noBreak +
                 QStringLiteral("(40 - 15), a GETTER /") + joiner + QStringLiteral("x"));
    QCOMPARE(keptTogether(QStringLiteral("(40 − 15) ≈ 15")), QStringLiteral("(40 −") + noBreak +
                                                                 QStringLiteral("15) ≈") + noBreak +
                                                                 QStringLiteral("15"));
    QCOMPARE(keptTogether(QStringLiteral("wait 1.6 s), 250 ms and 3 seconds, 12 MiB")),
             QStringLiteral("wait 1.6") + noBreak + QStringLiteral("s), 250") + noBreak +
                 QStringLiteral("ms and 3 seconds, 12") + noBreak + QStringLiteral("MiB"));
    // Every bundled caption, wrapped as the overlay wraps it at every width from 300 to 1100
    // pixels (with what it adds while the run waits on it): no line ends in a slash, an HTTP
    // method before a path, a figure before a unit or an operator, and "Space goes on" stays one
    // piece (in a column beside the topology "on)" fell alone on a line).
    QFont font;
    font.setPointSizeF(15);
    int lines = 0;
    for (const QString& name : bundledNames()) {
      for (const AnnotationSpec& a : loadBundled(name).annotations) {
        const QString text =
            keptTogether(QString::fromStdString(a.text) +
                         (a.pause.value_or(false) ? CaptionOverlay::pausedHere() : QString()));
        for (int width = 300; width <= 1100; width += 20) {
          QTextLayout layout(text, font);
          QTextOption option;
          option.setWrapMode(QTextOption::WordWrap);
          layout.setTextOption(option);
          layout.beginLayout();
          QStringList shown;
          for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            shown << text.mid(line.textStart(), line.textLength()).trimmed();
          }
          layout.endLayout();
          for (qsizetype i = 0; i + 1 < shown.size(); ++i) {
            const bool method =
                QRegularExpression(QStringLiteral("\\b(GET|POST|PUT|PATCH|DELETE|HEAD)$"))
                    .match(shown[i])
                    .hasMatch();
            const bool unit = shown[i].back().isDigit() &&
                              QRegularExpression(QStringLiteral("^(ns|µs|ms|s|min|h|%|/s)\\b"))
                                  .match(shown[i + 1])
                                  .hasMatch();
            const bool operatorLast =
                QRegularExpression(QStringLiteral(" [=≈≤≥<>×−+]$")).match(shown[i]).hasMatch();
            const bool goesOn = shown[i].endsWith(QStringLiteral("Space")) ||
                                shown[i + 1].startsWith(QStringLiteral("on)"));
            QVERIFY2(!shown[i].endsWith(QLatin1Char('/')) && !shown[i].endsWith(joiner) &&
                         !(method && shown[i + 1].startsWith(QLatin1Char('/'))) && !unit &&
                         !operatorLast && !goesOn,
                     qPrintable(QStringLiteral("%1 at %2 px: \"%3\" | \"%4\"")
                                    .arg(name)
                                    .arg(width)
                                    .arg(shown[i], shown[i + 1])));
          }
          lines += static_cast<int>(shown.size());
        }
      }
    }
    QVERIFY(lines > 1000);
  }
};

QTEST_MAIN(tst_Captions)
#include "tst_captions.moc"
