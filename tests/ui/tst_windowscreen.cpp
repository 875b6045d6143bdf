// The main window on a projector's screen: at 1280x720 as at 1600x900, with the charts, the
// summary, the inspector and the journey open in any combination, the window keeps the screen's
// size (its minimum fits), the status bar stays inside it, the toolbar keeps the clock in view
// (compact below 1600 pixels), every chart can be seen whole in the charts dock (scrolled to,
// where the dock is too small for all of them), and the summary breaks no word. (The summary and
// the inspector in lecture mode: tst_lecturedocks.)

#include "UiFixtures.h"
#include "canvas/Theme.h"
#include "canvas/TopologyView.h"
#include "charts/ChartPanel.h"
#include "charts/ChartsDock.h"
#include "controller/SimulationController.h"
#include "document/ScenarioDocument.h"
#include "editor/PropertyDock.h"
#include "inspector/InspectorDock.h"
#include "journey/JourneyDock.h"
#include "journey/SequenceView.h"
#include "summary/SummaryDock.h"
#include "window/FileActions.h"
#include "window/LectureMode.h"
#include "window/MainWindow.h"
#include "window/RunStatus.h"
#include "window/ScreenFit.h"
#include "window/Screenshot.h"
#include "window/StartPage.h"
#include "window/TimeControls.h"

#include <QEventLoop>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>
#include <QToolBar>
#include <QtTest>

#include <set>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

namespace {
// Every control of the toolbar in view: none behind its extension button ("»"), where Qt puts
// the last ones when the toolbar is too narrow for them all (the clock among them, once).
QStringList hiddenInToolbar(MainWindow& w) {
  const auto* bar = qobject_cast<const QToolBar*>(w.time().runStatus()->parentWidget());
  QStringList hidden;
  for (QAction* a : bar->actions()) {
    const QWidget* shown = bar->widgetForAction(a);
    if (a->isVisible() && !a->isSeparator() && (shown == nullptr || !shown->isVisible()))
      hidden << (a->text().isEmpty() ? QStringLiteral("(a widget)") : a->text());
  }
  return hidden;
}
}  // namespace

class tst_WindowScreen : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { qputenv("BROKERLAB_SCENARIOS", BROKERLAB_SOURCE_DIR "/scenarios"); }

  void docksFitAProjectorsScreen_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QStringList>("docks");
    QTest::addColumn<QString>("scenario");
    const QStringList combos[] = {{"charts"},
                                  {"charts", "summary"},
                                  {"charts", "summary", "inspector"},
                                  {"charts", "inspector", "journey"},
                                  {"summary", "inspector"}};
    for (const QSize size : screenSizes()) {
      for (const QStringList& docks : combos) {
        for (const char* scenario : {"traffic-spike", "async-request-reply"}) {
          const QString name = QStringLiteral("%1x%2 %3 %4")
                                   .arg(size.width())
                                   .arg(size.height())
                                   .arg(docks.join(QLatin1Char('+')), QLatin1String(scenario));
          QTest::newRow(qPrintable(name)) << size << docks << QString::fromLatin1(scenario);
        }
      }
    }
  }
  void docksFitAProjectorsScreen() {
    QFETCH(QSize, size);
    QFETCH(QStringList, docks);
    QFETCH(QString, scenario);
    // As `brokerlab FILE --show ... --at 45s` does: the docks open with the scenario, the window
    // shows, and the run plays on while the charts' legends fill in.
    MainWindow w;
    w.files().setInteractive(false);
    w.resize(size);
    QVERIFY(w.files().openPath(scenarioPath(scenario)));
    w.showPanels(docks);
    w.show();
    QCoreApplication::processEvents();
    bringRunTo(w.controller(), 45 * kSecond);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();

    const QSize least = w.minimumSizeHint().expandedTo(w.minimumSize());
    QVERIFY2(least.width() <= size.width() && least.height() <= size.height(),
             qPrintable(QStringLiteral("the window needs at least %1x%2")
                            .arg(least.width())
                            .arg(least.height())));
    QCOMPARE(w.size(), size);
    QVERIFY2(w.rect().contains(w.statusBar()->geometry()),
             qPrintable(QStringLiteral("status bar at y %1, height %2")
                            .arg(w.statusBar()->y())
                            .arg(w.statusBar()->height())));
    // The clock and the run's state in the toolbar, not behind its extension button.
    const RunStatus& status = *w.time().runStatus();
    QVERIFY2(hiddenInToolbar(w).isEmpty(),
             qPrintable(hiddenInToolbar(w).join(QStringLiteral(", "))));
    QVERIFY2(status.isVisible() && !status.visibleRegion().isEmpty(),
             qPrintable(QStringLiteral("the toolbar is %1 pixels wide and asks for %2")
                            .arg(status.parentWidget()->width())
                            .arg(status.parentWidget()->sizeHint().width())));
    QCOMPARE(status.compact(), size.width() < 1600);
    for (QDockWidget* dock : std::initializer_list<QDockWidget*>{&w.charts(), &w.summary(),
                                                                 &w.inspector(), &w.journey()}) {
      if (!dock->isVisible() || dock->visibleRegion().isEmpty()) continue;
      const QRect inWindow(dock->mapTo(&w, QPoint(0, 0)), dock->size());
      QVERIFY2(
          w.rect().contains(inWindow),
          qPrintable(dock->windowTitle() +
                     QStringLiteral(" reaches y %1 of %2").arg(inWindow.bottom()).arg(w.height())));
    }
    if (docks.contains(QStringLiteral("summary"))) {
      // No word broken across lines: a table wider than the dock scrolls sideways instead.
      const auto* text = w.summary().findChild<QTextBrowser*>();
      QVERIFY(text != nullptr);
      QStringList broken;
      for (QTextBlock b = text->document()->begin(); b.isValid(); b = b.next()) {
        const QString t = b.text();
        const QTextLayout* layout = b.layout();
        for (int i = 0; i + 1 < layout->lineCount(); ++i) {
          const int end = layout->lineAt(i).textStart() + layout->lineAt(i).textLength();
          if (end > 0 && end < t.size() && t[end - 1].isLetterOrNumber() &&
              t[end].isLetterOrNumber())
            broken << t;
        }
      }
      QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QStringLiteral(" | "))));
    }
    if (!docks.contains(QStringLiteral("charts"))) return;
    // Every chart whole: inside the dock, or inside the scrolled area, which scrolls to it.
    ChartsDock& charts = w.charts();
    int shown = 0;
    for (int k = 0; k < kSeriesChartCount; ++k) {
      const ChartPanel& panel = charts.panel(static_cast<SeriesChart>(k));
      if (panel.isHidden()) continue;
      ++shown;
      QVERIFY(panel.height() >= panel.minimumHeight());
      QVERIFY2(panel.parentWidget()->rect().contains(panel.geometry()),
               qPrintable(panel.chart()->title()));
      QStringList cut;
      QVERIFY(chartTexts(*panel.chart(), &cut) >= 4);
      QVERIFY2(cut.isEmpty(), qPrintable(panel.chart()->title() + QStringLiteral(": ") +
                                         cut.join(QLatin1Char(' '))));
      QVERIFY2(wrappedTexts(*panel.chart()).isEmpty(),
               qPrintable(wrappedTexts(*panel.chart()).join(QStringLiteral(" | "))));
    }
    QVERIFY(shown >= 4);
    // Beside the summary the charts keep two to a row at least (they had one narrow column).
    std::set<int> firstRow;
    for (int k = 0; k < kSeriesChartCount; ++k) {
      const ChartPanel& panel = charts.panel(static_cast<SeriesChart>(k));
      if (!panel.isHidden() && panel.y() == charts.panel(SeriesChart::Throughput).y())
        firstRow.insert(panel.x());
    }
    QVERIFY2(firstRow.size() >= 2,
             qPrintable(QStringLiteral("the charts dock is %1 pixels wide").arg(charts.width())));
  }

  // The inspector runs the window's whole height beside the charts, rather than over them: under
  // the charts its figures showed two rows at 1280x720 and its what-if controls none.
  void theInspectorRunsBesideTheCharts() {
    MainWindow w;
    w.files().setInteractive(false);
    w.resize(1280, 720);
    QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
    w.showPanels({QStringLiteral("charts"), QStringLiteral("inspector")});
    w.canvas().selectComponent(QStringLiteral("workers"));
    w.show();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QWidget& inspector = w.inspector();
    QWidget& charts = w.charts();
    QVERIFY(inspector.isVisible() && charts.isVisible());
    QVERIFY2(charts.geometry().right() < inspector.geometry().left(),
             qPrintable(QStringLiteral("charts to x %1, inspector from x %2")
                            .arg(charts.geometry().right())
                            .arg(inspector.geometry().left())));
    QVERIFY(inspector.geometry().bottom() >= charts.geometry().bottom());
    QVERIFY(inspector.height() >= 600);
  }

  // The charts and the summary share the width between the side docks again when it changes: a
  // component selected once they were placed widened the inspector, and the charts dropped to one
  // to a row.
  void theBottomIsSharedAgainWhenASideDockGrows() {
    MainWindow w;
    w.files().setInteractive(false);
    w.resize(1280, 720);
    QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
    w.showPanels({QStringLiteral("charts"), QStringLiteral("summary")});
    w.show();
    bringRunTo(w.controller(), 45 * kSecond);
    const auto settle = [] {
      for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
      }
    };
    settle();
    ChartsDock& charts = w.charts();
    const int before = charts.width();
    w.canvas().selectComponent(QStringLiteral("orders"));
    settle();
    QVERIFY(w.inspector().isVisible());
    QVERIFY2(w.centralWidget()->width() < 1000,
             qPrintable(QStringLiteral("the canvas is %1 pixels wide with the inspector open")
                            .arg(w.centralWidget()->width())));
    QVERIFY2(charts.width() >= charts.twoColumnWidth(),
             qPrintable(QStringLiteral("the charts dock is %1 pixels wide (%2 before the "
                                       "inspector opened), two charts to a row need %3")
                            .arg(charts.width())
                            .arg(before)
                            .arg(charts.twoColumnWidth())));
    std::set<int> firstRow;
    const ChartPanel* first = nullptr;
    for (int k = 0; k < kSeriesChartCount; ++k) {
      const ChartPanel& panel = charts.panel(static_cast<SeriesChart>(k));
      if (panel.isHidden()) continue;
      if (first == nullptr) first = &panel;
      if (panel.y() == first->y()) firstRow.insert(panel.x());
    }
    QCOMPARE(firstRow.size(), std::size_t{2});
    QVERIFY(w.summary().width() >= w.centralWidget()->width() * 2 / 5 - 10);
  }

  // A screenshot (`brokerlab FILE --show ... --select ID --at T --screenshot`) waits for what the
  // selection sets off: the inspector grows, the bottom is shared again, the charts take their
  // new columns and fit their axes. Six rounds of posted events drew poll-storm's charts with
  // their figures cut to "...".
  void aScreenshotWaitsForTheChartsToSettle() {
    MainWindow w;
    w.files().setInteractive(false);
    w.resize(1280, 720);
    QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("poll-storm"))));
    w.showPanels(
        {QStringLiteral("charts"), QStringLiteral("summary"), QStringLiteral("inspector")});
    w.canvas().selectComponent(QStringLiteral("api"));
    w.show();
    // As brokerlab does: the run and the grab in the event loop's first turn.
    QEventLoop loop;
    QTimer::singleShot(0, &loop, [&] {
      bringRunTo(w.controller(), 30 * kSecond);
      settleForGrab();
      loop.quit();
    });
    loop.exec();
    ChartsDock& charts = w.charts();
    int shown = 0;
    for (int k = 0; k < kSeriesChartCount; ++k) {
      const ChartPanel& panel = charts.panel(static_cast<SeriesChart>(k));
      if (panel.isHidden()) continue;
      ++shown;
      QStringList cut;
      QVERIFY(chartTexts(*panel.chart(), &cut) >= 4);
      QVERIFY2(cut.isEmpty(), qPrintable(panel.chart()->title() + QStringLiteral(": ") +
                                         cut.join(QLatin1Char(' '))));
    }
    QVERIFY(shown >= 2);
  }

  // Opened on a screen smaller than 1600x900 (a laptop, a projector), a window opens as large as
  // the screen's free area allows, frame included, and no smaller than its minimum; it ran off
  // the screen.
  void windowsOpenWithinASmallScreen() {
    QCOMPARE(fittedSize({1600, 900}, {1280, 720}, {400, 300}), QSize(1264, 672));
    QCOMPARE(fittedSize({1600, 900}, {1366, 768}, {400, 300}), QSize(1350, 720));
    QCOMPARE(fittedSize({1600, 900}, {1920, 1080}, {400, 300}), QSize(1600, 900));
    QCOMPARE(fittedSize({1600, 900}, {640, 480}, {700, 500}), QSize(700, 500));
    MainWindow w;  // the offscreen platform's screen: 800x600
    const QRect available = w.screen()->availableGeometry();
    QVERIFY(available.width() < 1600);
    fitToScreen(w, QSize(1600, 900));
    const QSize least = w.minimumSizeHint().expandedTo(w.minimumSize());
    QCOMPARE(w.size(), fittedSize({1600, 900}, available.size(), least));
    QVERIFY(w.width() <= std::max(available.width(), least.width()));
    QVERIFY(available.contains(w.pos()));
  }

  // The start page: every card shows its title, summary and file name whole (at 1280 pixels the
  // cards kept the height of one line of each and cut the wrapped lines through the middle), a
  // summary cut short is cut between words, and the toolbar shows its status with no scenario.
  void startPageFitsAProjectorsScreen_data() { addScreenSizeRows(); }
  // A window made narrower (un-maximized, dragged smaller) keeps every control of its toolbar in
  // view, as one opened at that size does: the run's status turns compact. Shrunk from 1600 to
  // 1280 pixels, the clock, the state and the lecture button went behind the toolbar's "»".
  void aShrunkWindowKeepsItsToolbarInView_data() {
    QTest::addColumn<bool>("scenario");
    QTest::newRow("start page") << false;
    QTest::newRow("work-queue") << true;
  }
  void aShrunkWindowKeepsItsToolbarInView() {
    QFETCH(bool, scenario);
    MainWindow w;
    w.files().setInteractive(false);
    w.resize(1600, 900);
    if (scenario) QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("work-queue"))));
    w.show();
    settleForGrab();
    QVERIFY(!w.time().runStatus()->compact());
    for (const int width : {1280, 1600, 1366, 1600}) {
      w.resize(width, 720);
      settleForGrab();
      QVERIFY2(hiddenInToolbar(w).isEmpty(),
               qPrintable(QStringLiteral("%1 pixels: %2")
                              .arg(width)
                              .arg(hiddenInToolbar(w).join(QStringLiteral(", ")))));
      if (width == 1600) QVERIFY(!w.time().runStatus()->compact());  // the whole status again
    }
  }

  void startPageFitsAProjectorsScreen() {
    QFETCH(QSize, size);
    MainWindow w;
    w.resize(size);
    w.show();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    const QList<QPushButton*> cards =
        w.startPage().findChildren<QPushButton*>(QStringLiteral("scenarioCard"));
    QVERIFY(cards.size() >= 19);
    for (const QPushButton* card : cards) {
      for (const QLabel* label : card->findChildren<QLabel*>()) {
        QVERIFY2(card->rect().contains(label->geometry()), qPrintable(label->text()));
        QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                 qPrintable(QStringLiteral("%1: %2 pixels high, needs %3")
                                .arg(label->text())
                                .arg(label->height())
                                .arg(label->heightForWidth(label->width()))));
        if (label->text().endsWith(QStringLiteral("…"))) {  // cut short between two words
          QVERIFY2(card->toolTip().startsWith(label->text().chopped(1) + QLatin1Char(' ')),
                   qPrintable(label->text()));
        }
      }
    }
    QCOMPARE(firstSentence(QStringLiteral("word ").repeated(40)),
             QStringLiteral("word ").repeated(35).chopped(1) + QStringLiteral("…"));
    QVERIFY2(hiddenInToolbar(w).isEmpty(),
             qPrintable(hiddenInToolbar(w).join(QStringLiteral(", "))));
  }

  // In lecture mode (Ctrl+K) the charts, four to a row at 1280x720, keep every title on one line
  // ("Throughput (per second)" wrapped, its second line over the plot's top figure) and whole.
  void lectureChartsKeepTheirTitlesWhole() {
    // In the order brokerlab --lecture --show charts --at 29s --screenshot takes: the grab comes
    // from the event loop's first turn, the run brought to 29 s just before it.
    MainWindow w;
    w.files().setInteractive(false);
    w.resize(1280, 720);
    QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("traffic-spike"))));
    w.showPanels({QStringLiteral("charts")});
    w.show();
    w.lecture().setActive(true);
    w.showNormal();
    w.resize(1280, 720);
    w.showPanels({QStringLiteral("charts")});
    // What the grab would show, read at once: later turns of the event loop settle it anyway.
    QStringList cut;
    QStringList wrapped;
    int shown = -1;
    QTimer::singleShot(0, [&] {
      bringRunTo(w.controller(), 29 * kSecond);
      settleForGrab();
      shown = 0;
      for (int k = 0; k < kSeriesChartCount; ++k) {
        ChartPanel& panel = w.charts().panel(static_cast<SeriesChart>(k));
        if (panel.isHidden()) continue;
        ++shown;
        chartTexts(*panel.chart(), &cut);
        for (const QString& t : wrappedTexts(*panel.chart()))
          wrapped << QStringLiteral("%1 in a %2-pixel chart").arg(t).arg(panel.width());
      }
    });
    QTRY_VERIFY(shown >= 0);
    QCOMPARE(shown, 4);
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char(' '))));
    QVERIFY2(wrapped.isEmpty(), qPrintable(wrapped.join(QStringLiteral(" | "))));
  }

  // Lecture mode's start page (its digits 1-9 open the cards numbered so) in the projector's
  // type: the heading, the cards' titles and their summaries. Its style sheet kept a font set on
  // the page from its labels, and the cards stayed in the desktop's 9 points.
  void theStartPageInTheProjectorsType() {
    MainWindow w;
    w.files().setInteractive(false);
    w.resize(1280, 720);
    w.show();
    QVERIFY(w.startPage().isVisible());
    const auto labels = w.startPage().findChildren<QLabel*>();
    QVERIFY(labels.size() > 3 * 9);  // three a card, and more
    std::vector<qreal> before;
    for (const QLabel* l : labels) before.push_back(l->font().pointSizeF());
    w.lecture().setActive(true);
    for (qsizetype i = 0; i < labels.size(); ++i)
      QVERIFY2(std::abs(labels[i]->font().pointSizeF() -
                        before[static_cast<std::size_t>(i)] * Theme::lecture().scale()) < 0.01,
               qPrintable(labels[i]->text()));
    w.lecture().setActive(false);
    for (qsizetype i = 0; i < labels.size(); ++i)
      QCOMPARE(labels[i]->font().pointSizeF(), before[static_cast<std::size_t>(i)]);
  }

  // A design edited in lecture mode at 1280x720: every component's properties fit their dock in
  // the projector's type, a field too wide beside its name going under it. Before, the dock
  // scrolled sideways and cut the fields at its edge ("default (the network's").
  void lecturePropertiesFitTheirDock_data() {
    QTest::addColumn<QString>("scenario");
    for (const char* name : {"work-queue", "async-request-reply", "order-events-stream"})
      QTest::newRow(name) << QString::fromLatin1(name);
  }
  void lecturePropertiesFitTheirDock() {
    QFETCH(QString, scenario);
    MainWindow w;
    w.files().setInteractive(false);
    w.resize(1280, 720);
    QVERIFY(w.files().openPath(scenarioPath(scenario)));
    w.show();
    w.showPanels({QStringLiteral("editor")});
    w.lecture().setActive(true);
    w.showNormal();  // offscreen there is no screen to fill
    w.resize(1280, 720);
    PropertyDock& dock = w.properties();
    QVERIFY(dock.isVisible());
    auto* scroll = dock.findChild<QScrollArea*>();
    for (const ComponentSpec& c : w.document().scenario().components) {
      const QString id = QString::fromStdString(c.id);
      dock.showComponent(id);
      QCoreApplication::processEvents();  // the form is rebuilt after the event
      QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
      QWidget* form = scroll->widget();
      QVERIFY(form);
      QVERIFY2(form->width() <= scroll->viewport()->width(),
               qPrintable(QStringLiteral("%1: the form %2 pixels wide in %3")
                              .arg(id)
                              .arg(form->width())
                              .arg(scroll->viewport()->width())));
      for (QWidget* field : form->findChildren<QWidget*>()) {
        if (!field->isVisibleTo(form)) continue;
        const QRect at(field->mapTo(form, QPoint(0, 0)), field->size());
        QVERIFY2(at.right() < scroll->viewport()->width(),
                 qPrintable(QStringLiteral("%1: %2 ends at %3 of %4")
                                .arg(id, QString::fromLatin1(field->metaObject()->className()))
                                .arg(at.right())
                                .arg(scroll->viewport()->width())));
      }
    }
  }

  // A job's sequence diagram has five lifelines, 990 pixels at the window's scale. In lecture mode
  // it was drawn at the projector's scale in a dock a third of the screen wide: at 1280x720 one
  // lifeline and a half showed. Opened in lecture mode the dock takes three fifths of the screen
  // and the diagram is as large as that shows it whole, never smaller than the window's: whole at
  // 1920x1080, nearly four lifelines of five at 1280x720. Leaving gives the dock its width back.
  void lectureJourneyShowsTheJob_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
  }
  void lectureJourneyShowsTheJob() {
    QFETCH(QSize, size);
    MainWindow w;
    w.files().setInteractive(false);
    w.resize(size);
    QVERIFY(w.files().openPath(scenarioPath(QStringLiteral("async-request-reply"))));
    w.showPanels({QStringLiteral("journey")});
    w.show();
    bringRunTo(w.controller(), 10 * kSecond);
    w.journey().showJob(1);
    QTRY_VERIFY(w.journey().view().diagramSize().width() > 900);  // its five lifelines
    QTRY_VERIFY(w.journey().width() > 0);
    const int windowWidth = w.journey().width();

    w.lecture().setActive(true);
    w.showNormal();
    w.resize(size);
    QVERIFY(!w.journey().isVisible());  // put away with the other docks
    w.showPanels({QStringLiteral("journey")});
    QTRY_VERIFY2(w.journey().width() >= size.width() * 3 / 5 - 8,
                 qPrintable(QString::number(w.journey().width())));
    const SequenceView& view = w.journey().view();
    const QWidget& viewport = *view.parentWidget();
    QTRY_VERIFY(view.scale() >= 1.0);
    if (size.width() >= 1920) {
      QTRY_VERIFY2(view.width() <= viewport.width(),
                   qPrintable(QStringLiteral("%1 of %2").arg(view.width()).arg(viewport.width())));
      QVERIFY(view.scale() > 1.05);
      QVERIFY(view.scale() <= Theme::lecture().scale());
    } else {
      QTRY_VERIFY2(viewport.width() >= 0.7 * view.width(),
                   qPrintable(QStringLiteral("%1 of %2").arg(viewport.width()).arg(view.width())));
    }

    w.lecture().setActive(false);
    QTRY_VERIFY2(
        std::abs(w.journey().width() - windowWidth) <= windowWidth / 10,
        qPrintable(QStringLiteral("%1, was %2").arg(w.journey().width()).arg(windowWidth)));
    QCOMPARE(view.scale(), 1.0);
  }
};

QTEST_MAIN(tst_WindowScreen)
#include "tst_windowscreen.moc"
