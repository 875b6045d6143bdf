#include "compare/CompareWindow.h"

#include "canvas/Text.h"
#include "canvas/Theme.h"
#include "canvas/TopologyView.h"
#include "compare/CompareCharts.h"
#include "compare/CompareClock.h"
#include "compare/CompareControls.h"
#include "compare/CompareFaults.h"
#include "compare/CompareTimeline.h"
#include "compare/DifferenceTable.h"
#include "compare/KeyFigures.h"
#include "compare/RunPane.h"
#include "controller/SimulationController.h"
#include "metrics/Report.h"
#include "timeline/RunMarks.h"
#include "window/HelpActions.h"
#include "window/Icons.h"
#include "window/LectureMode.h"
#include "window/RunExport.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace brokerlab::ui {

using RunState = SimulationController::RunState;

CompareWindow::CompareWindow(QWidget* parent)
    : QMainWindow(parent),
      left_(new SimulationController(this)),
      right_(new SimulationController(this)) {
  setWindowIcon(icons::application());
  setWindowTitle(tr("Compare — BrokerLab"));
  clock_ = new CompareClock(*left_, *right_, this);
  controls_ = new CompareControls(*clock_, this);
  QToolBar* bar = addToolBar(tr("Time"));
  bar->setObjectName(QStringLiteral("compare-time"));
  bar->setMovable(false);
  bar->setIconSize(QSize(28, 28));
  controls_->populate(bar);
  lecture_ = newLectureToggle(this);
  connect(lecture_, &QAction::toggled, this, &CompareWindow::setLecture);
  leaveLecture_ = newLeaveLecture(this);
  connect(leaveLecture_, &QAction::triggered, this, [this] { setLecture(false); });
  addActions({lecture_, leaveLecture_});
  addAction((new HelpActions(this))->shortcuts());  // F1: this window's keys
  showCharts_ = new QAction(tr("&Charts"), this);
  showCharts_->setCheckable(true);
  showCharts_->setChecked(true);
  showCharts_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
  showCharts_->setToolTip(
      tr("Show or hide the charts: hidden, the canvases and the key figures take their room "
         "(Ctrl+K)"));
  addAction(showCharts_);
  bar->addSeparator();
  bar->addAction(showCharts_);
  bar->addAction(lecture_);

  // The two canvases, and under them the one time axis both runs land on.
  auto* runs = new QWidget;
  auto* runsLayout = new QVBoxLayout(runs);
  runsLayout->setContentsMargins(0, 0, 0, 0);
  runsLayout->setSpacing(0);
  auto* canvases = new QSplitter(Qt::Horizontal, runs);
  leftPane_ = new RunPane(*left_, QStringLiteral("A"), canvases);
  rightPane_ = new RunPane(*right_, QStringLiteral("B"), canvases);
  canvases->addWidget(leftPane_);
  canvases->addWidget(rightPane_);
  timeline_ = new CompareTimeline(*clock_, runs);
  runsLayout->addWidget(canvases, 1);
  runsLayout->addWidget(timeline_);

  below_ = new QSplitter(Qt::Horizontal);
  charts_ = new CompareCharts(*clock_, below_);
  auto* figures = new QWidget(below_);
  auto* figuresLayout = new QVBoxLayout(figures);
  figuresLayout->setContentsMargins(4, 0, 0, 0);
  figuresTitle_ = new QLabel(figures);
  figuresTitle_->setWordWrap(true);
  tables_ = new FiguresTables(figures);
  connect(tables_, &FiguresTables::menuRequested, this, &CompareWindow::figuresMenu);
  figuresLayout->addWidget(figuresTitle_);
  figuresLayout->addWidget(tables_, 1);
  below_->addWidget(charts_);
  below_->addWidget(figures);
  connect(showCharts_, &QAction::toggled, this, [this](bool on) {
    charts_->setVisible(on);
    sized_ = false;  // the room the charts had (or need) is shared out again
    placeSplitters();
  });

  split_ = new QSplitter(Qt::Vertical, this);
  split_->addWidget(runs);
  split_->addWidget(below_);
  for (QSplitter* moved : {split_, below_}) {
    connect(moved, &QSplitter::splitterMoved, this, [this] { sized_ = true; });
    moved->installEventFilter(this);  // placeSplitters() at their own new sizes
  }
  setCentralWidget(split_);
  // Larger than the desktop's default: a comparison is shown to an audience more often than not.
  desktopFont_ = font();
  QFont larger = desktopFont_;
  larger.setPointSizeF(larger.pointSizeF() * kFontScale);
  setFont(larger);
  // The charts come and go with what the runs have to show, and with them the height they need.
  connect(charts_, &CompareCharts::placed, this, &CompareWindow::placeSplitters);

  connect(clock_, &CompareClock::settled, this, &CompareWindow::refreshFigures);
  connect(clock_, &CompareClock::stateChanged, this, [this] {
    if (clock_->playing() && figuresAt_ != kNever)
      figuresTitle_->setText(tr("<b>Key figures</b> at %1 — playing: they come up to date at the "
                                "next pause")
                                 .arg(formatClock(figuresAt_)));
  });
  connect(controls_, &CompareControls::seedChosen, this, &CompareWindow::reseed);
  for (const int direction : {-1, +1}) {
    QAction* key = direction < 0 ? controls_->previousMark() : controls_->nextMark();
    connect(key, &QAction::triggered, this, [this, direction] {
      const std::optional<SimTime> at = adjacentMark(timeline_->marks(), clock_->now(), direction);
      if (!at) return;
      clock_->pause();
      clock_->seek(*at);
    });
  }

  // Live faults: a component's right-click menu, applied to both runs; Ctrl+B restarts both
  // brokers.
  faults_ = new CompareFaults(*clock_, this);
  addAction(faults_->restartBroker());
  for (const bool right : {false, true}) {
    RunPane* pane = right ? rightPane_ : leftPane_;
    connect(&pane->canvas(), &TopologyView::componentMenuRequested, this,
            [this, right](std::uint32_t component, std::uint16_t instance, QPoint at) {
              QMenu menu(this);
              menu.setToolTipsVisible(true);
              faults_->populate(&menu, right, component, instance);
              menu.exec(at);
            });
  }
  statusBar()->showMessage(
      tr("Right-click a component to apply a fault to both runs at the present moment"));
  connect(faults_, &CompareFaults::message, this, [this](const QString& text) {
    statusBar()->showMessage(text);
    if (!clock_->playing()) refreshFigures();  // the runs took the change's instant
  });
  resize(1600, 900);
}

CompareWindow::~CompareWindow() = default;

QString CompareWindow::load(const Scenario& a, const QString& nameA, const Scenario& b,
                            const QString& nameB, std::optional<std::uint64_t> seed) {
  const std::uint64_t s = seed.value_or(a.seed.value_or(1));
  if (const QString e = left_->load(a, s); !e.isEmpty()) return tr("A (%1): %2").arg(nameA, e);
  if (const QString e = right_->load(b, s); !e.isEmpty()) return tr("B (%1): %2").arg(nameB, e);
  seed_ = s;
  nameA_ = nameA;
  nameB_ = nameB;
  controls_->setSeed(s);
  leftPane_->setRunName(nameA, QString::fromStdString(a.name));
  rightPane_->setRunName(nameB, QString::fromStdString(b.name));
  setWindowTitle(tr("Compare %1 with %2 (seed %3) — BrokerLab").arg(nameA, nameB).arg(s));
  clock_->restart();  // both at 0, the views told once; the figures follow (settled)
  return {};
}

QString CompareWindow::reseed(std::uint64_t seed) {
  const Scenario a = left_->scenario();
  const Scenario b = right_->scenario();
  return load(a, nameA_, b, nameB_, seed);
}

void CompareWindow::refreshFigures() {
  if (!left_->hasSimulation() || !right_->hasSimulation()) return;
  tables_->setFigures(
      keyFigures(buildReport(left_->simulator()), buildReport(right_->simulator())));
  figuresAt_ = clock_->now();
  const bool atEnd = clock_->finished();
  figuresTitle_->setText(
      tr("<b>Key figures</b> %1 %2 — B − A in <span style='color:#009e73'>green</span> where B "
         "is better, <span style='color:#d55e00'>vermillion</span> where it is worse")
          .arg(atEnd ? tr("at the end,") : tr("at"), formatClock(figuresAt_)));
  placeSplitters();  // the table may want another width
}

bool CompareWindow::exportKeyFigures(const QString& path, QString* error) const {
  return writeWholeFile(path, tr("key figures"), keyFiguresCsv(tables_->first().figures()), error);
}

void CompareWindow::figuresMenu(const DifferenceTable* table, QPoint globalPos) {
  QMenu menu(this);
  QAction* copy = menu.addAction(tr("Copy"));
  copy->setShortcut(QKeySequence::Copy);
  copy->setToolTip(tr("The selected rows (or all) as shown, to paste into a spreadsheet"));
  menu.addAction(tr("Export Key Figures as CSV…"));  // the other choice
  menu.setToolTipsVisible(true);
  QAction* chosen = menu.exec(globalPos);
  if (!chosen) return;
  if (chosen == copy) {
    QApplication::clipboard()->setText(table->copyText());
    return;
  }
  const QString suggested =
      QStringLiteral("key-figures-%1s-seed-%2.csv")
          .arg(QString::number(toSeconds(figuresAt_ == kNever ? 0 : figuresAt_), 'f', 3))
          .arg(seed_);
  const QString path = QFileDialog::getSaveFileName(this, tr("Export the key figures as CSV"),
                                                    suggested, tr("CSV (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  if (!exportKeyFigures(path, &error))
    QMessageBox::critical(this, tr("Export failed"), tr("%1 was not written: %2").arg(path, error));
}

void CompareWindow::bringTo(SimTime at) {
  at = std::min(at, clock_->end());
  const SimTime lead = std::min<SimTime>(kSecond, at);
  // Without animation to a second before (each run to exactly that time), then on the one clock.
  // Unbudgeted frames, as a screenshot's (ui/window/Screenshot.cpp): the same picture on any
  // machine.
  constexpr double kFrame = 1.0 / SimulationController::kFrameHz;
  for (SimulationController* c : {left_, right_}) {
    c->runUntil(at - lead);
    while (c->state() == RunState::Playing) c->advanceFrame(kFrame, /*budgeted=*/false);
  }
  const double speed = clock_->speed();
  clock_->setSpeed(1);
  clock_->play();
  while (clock_->playing() && clock_->now() < at) {
    // The last frame no longer than what is left: the clock reads `at`, not up to a frame past
    // it (a screenshot --at 45s said 0:45.016).
    const double left = static_cast<double>(at - clock_->now()) / 1e9;
    clock_->advanceFrame(std::min(kFrame, left), /*budgeted=*/false);
  }
  clock_->pause();
  clock_->setSpeed(speed);
}

void CompareWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  clock_->setTicking(true);
  placeSplitters();
}

// The splitters are placed at their own resize: at the window's, they still have their old sizes
// (the layout gives them the new ones later), and a window made smaller left the charts short of
// the height they need.
bool CompareWindow::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::Resize && (watched == split_ || watched == below_)) placeSplitters();
  return QMainWindow::eventFilter(watched, event);
}

// Until the user moves a splitter: the canvases take 45% of the height (60% without the charts),
// the charts at least 60% of the width below them; the charts at least the height they need to
// keep their figures whole.
void CompareWindow::placeSplitters() {
  if (sized_) return;
  const int h = split_->height();
  const int w = below_->width() > 0 ? below_->width() : width();
  const bool charts = showCharts_->isChecked();
  const int canvases = h * (charts ? 45 : 60) / 100;
  const int below = std::max(h - canvases, charts ? charts_->minimumSizeHint().height() : 0);
  split_->setSizes({h - below, below});
  // The figures no wider than their table wants (at most 40%): the charts take the rest.
  const int figures = std::min(w - w * 60 / 100, tables_->sizeHint().width() + 8);
  below_->setSizes({w - figures, figures});
}

void CompareWindow::setLecture(bool on) {
  if (on == lecturing_) return;
  lecturing_ = on;
  lecture_->setChecked(on);
  leaveLecture_->setEnabled(on);
  statusBar()->setVisible(!on);
  if (on) chartsBeforeLecture_ = showCharts_->isChecked();
  showCharts_->setChecked(on ? false : chartsBeforeLecture_);
  QFont type = desktopFont_;
  type.setPointSizeF(type.pointSizeF() * (on ? Theme::lecture().scale() : kFontScale));
  setFont(type);
  for (RunPane* pane : {leftPane_, rightPane_})
    pane->canvas().setTheme(on ? Theme::lecture() : Theme());
  timeline_->setScale(on ? Theme::lecture().scale() : 1.0);
  if (on) {
    geometry_ = saveGeometry();
    showFullScreen();
  } else {
    showNormal();
    restoreGeometry(geometry_);
  }
}

// The window's type (its own, or lecture mode's): the charts and the clock follow it.
void CompareWindow::changeEvent(QEvent* event) {
  QMainWindow::changeEvent(event);
  if (event->type() != QEvent::FontChange) return;
  charts_->setFontScale(1.0);  // the charts' own fonts, from the window's
  controls_->fitClockFont(font());
}

void CompareWindow::closeEvent(QCloseEvent* event) {
  clock_->setTicking(false);
  event->accept();
}

}  // namespace brokerlab::ui
