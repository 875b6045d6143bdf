#include "window/MainWindow.h"

#include "annotations/CaptionOverlay.h"
#include "canvas/ComponentItem.h"
#include "canvas/TopologyScene.h"
#include "canvas/TopologyView.h"
#include "charts/ChartsDock.h"
#include "compare/CompareActions.h"
#include "controller/SimulationController.h"
#include "document/ScenarioDocument.h"
#include "editor/PaletteDock.h"
#include "editor/PropertyDock.h"
#include "editor/TopologyEditor.h"
#include "faults/FaultActions.h"
#include "faults/LiveChanges.h"
#include "faults/WhatIfPanel.h"
#include "inspector/InspectorDock.h"
#include "journey/JourneyDock.h"
#include "summary/SummaryDock.h"
#include "sweep/SweepAction.h"
#include "window/BottomDocksShare.h"
#include "window/CanvasPage.h"
#include "window/ExportActions.h"
#include "window/FileActions.h"
#include "window/HelpActions.h"
#include "window/Icons.h"
#include "window/LectureMode.h"
#include "window/StartPage.h"
#include "window/TimeControls.h"

#include <QCloseEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace brokerlab::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      document_(new ScenarioDocument(this)),
      controller_(new SimulationController(this)) {
  setWindowIcon(icons::application());
  setAcceptDrops(true);
  pages_ = new QStackedWidget(this);
  startPage_ = new StartPage(pages_);
  canvasPage_ = new CanvasPage(*controller_, pages_);
  pages_->addWidget(startPage_);
  pages_->addWidget(canvasPage_);
  setCentralWidget(pages_);

  files_ = new FileActions(*document_, this);
  faults_ = new FaultActions(*controller_, *document_, this);
  time_ = new TimeControls(*controller_, this);
  help_ = new HelpActions(this);
  lecture_ = new LectureMode(*this);
  exports_ = new ExportActions(canvas(), *controller_, this);
  buildToolBar();
  buildDocks();
  statusBar()->showMessage(tr("Pick a scenario, or drop a scenario file on the window."));

  connect(startPage_, &StartPage::scenarioChosen, files_, &FileActions::openPath);
  connect(startPage_, &StartPage::openFileRequested, files_->open(), &QAction::trigger);
  connect(document_, &ScenarioDocument::scenarioReplaced, this, &MainWindow::onScenarioReplaced);
  connect(document_, &ScenarioDocument::scenarioEdited, this, &MainWindow::onScenarioEdited);
  connect(&canvas(), &TopologyView::componentMenuRequested, this, &MainWindow::showComponentMenu);
  connect(faults_, &FaultActions::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 8000); });
  connect(document_, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
  connect(document_, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
  // After the window's own handlers of the document: an edit is on the canvas before the editor
  // selects what it edited again.
  buildEditor();
  updateTitle();
  resize(1600, 900);
}

MainWindow::~MainWindow() = default;

TopologyView& MainWindow::canvas() {
  return canvasPage_->canvas();
}

void MainWindow::buildToolBar() {
  QToolBar* bar = addToolBar(tr("Controls"));
  bar->setObjectName(QStringLiteral("controls"));
  bar->setMovable(false);
  bar->setIconSize(QSize(28, 28));
  bar->addAction(files_->open());
  bar->addAction(files_->save());
  bar->addSeparator();
  time_->populate(bar);
  zoomIn_ = new QAction(icons::zoomIn(), tr("Zoom &In"), this);
  zoomIn_->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
  zoomIn_->setToolTip(tr("Zoom in (Ctrl++; or the mouse wheel)"));
  zoomOut_ = new QAction(icons::zoomOut(), tr("Zoom &Out"), this);
  zoomOut_->setShortcut(QKeySequence::ZoomOut);
  zoomOut_->setToolTip(tr("Zoom out (Ctrl+-)"));
  fit_ = new QAction(icons::fit(), tr("&Fit to Window"), this);
  fit_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  fit_->setToolTip(tr("Fit the topology to the window (Ctrl+0)"));
  home_ = new QAction(icons::start(), tr("&Start Page"), this);
  home_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
  home_->setToolTip(tr("Back to the start page and its scenarios (Ctrl+Shift+H)"));
  connect(zoomIn_, &QAction::triggered, &canvas(), &TopologyView::zoomIn);
  connect(zoomOut_, &QAction::triggered, &canvas(), &TopologyView::zoomOut);
  connect(fit_, &QAction::triggered, &canvas(), &TopologyView::fitToWindow);
  connect(home_, &QAction::triggered, this, &MainWindow::showStartPage);
  bar->addSeparator();
  bar->addAction(fit_);
  bar->addAction(home_);
  bar->addAction(lecture_->toggle());
  lecture_->hideWhileLecturing({files_->open(), files_->save(), fit_, home_});
}

void MainWindow::buildDocks() {
  // The side docks run the window's whole height and the charts and the summary go between
  // them: under the charts the inspector's figures showed two rows at 1280x720.
  setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
  setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  inspector_ = new InspectorDock(*controller_, this);
  journey_ = new JourneyDock(*controller_, this);
  addDockWidget(Qt::RightDockWidgetArea, inspector_);
  addDockWidget(Qt::RightDockWidgetArea, journey_);
  tabifyDockWidget(inspector_, journey_);
  auto* whatIf = new WhatIfPanel(*controller_, *faults_, inspector_);
  inspector_->addComponentControls(whatIf);
  connect(inspector_, &InspectorDock::componentShown, whatIf, &WhatIfPanel::showComponent);
  charts_ = new ChartsDock(*controller_, canvasPage_->timeline(), this);
  addDockWidget(Qt::BottomDockWidgetArea, charts_);
  summary_ = new SummaryDock(*controller_, this);
  // Beside the charts, not tabbed with them: a hidden tab group still held the window's height.
  addDockWidget(Qt::BottomDockWidgetArea, summary_);
  charts_->hide();
  summary_->hide();
  new BottomDocksShare(*this, *charts_, *summary_);  // the window owns it
  // Hidden until there is something to show: the canvas gets the width.
  inspector_->hide();
  journey_->hide();
  TopologyView& view = canvas();
  connect(&view, &TopologyView::componentSelected, inspector_, [this](std::uint32_t component) {
    inspector_->showComponent(component);
    if (component != kNone) {
      inspector_->show();
      inspector_->raise();
    }
  });
  connect(&view, &TopologyView::componentSelected, journey_, &JourneyDock::showLatestJobOf);
  connect(&view, &TopologyView::componentSelected, charts_, &ChartsDock::setComponent);
  connect(&view, &TopologyView::messageSelected, this, [this](std::uint64_t serial, bool job) {
    if (job) {
      journey_->showJob(serial);
    } else {
      inspector_->showMessage(serial);
      inspector_->show();
      inspector_->raise();
    }
  });
}

void MainWindow::showPanels(const QStringList& panels) {
  for (const QString& name : panels) {
    if (name == QStringLiteral("editor")) {
      editor_->editMode()->setChecked(true);
      palette_->show();  // already editing (lecture mode put them away): shown all the same
      properties_->show();
      properties_->raise();
      continue;
    }
    QDockWidget* dock = journey_;
    if (name == QStringLiteral("charts")) dock = charts_;
    if (name == QStringLiteral("summary")) dock = summary_;
    if (name == QStringLiteral("inspector")) dock = inspector_;
    dock->show();
    dock->raise();
  }
  // The charts a third of the window's height: the canvas keeps the rest.
  if (panels.contains(QStringLiteral("charts")))
    resizeDocks({charts_}, {height() / 3}, Qt::Vertical);
}

void MainWindow::buildEditor() {
  editor_ = new TopologyEditor(*document_, canvas(), this);
  palette_ = new PaletteDock(*editor_, canvas(), this);
  properties_ = new PropertyDock(*editor_, *document_, this);
  addDockWidget(Qt::LeftDockWidgetArea, palette_);
  addDockWidget(Qt::RightDockWidgetArea, properties_);
  tabifyDockWidget(inspector_, properties_);
  palette_->hide();
  properties_->hide();
  connect(editor_, &TopologyEditor::editingChanged, this, [this](bool on) {
    palette_->setVisible(on);
    properties_->setVisible(on);
    if (on) {
      properties_->raise();
      properties_->showComponent(canvas().selectedId());
    }
  });
  connect(&canvas(), &TopologyView::componentSelected, properties_,
          [this] { properties_->showComponent(canvas().selectedId()); });
  connect(editor_, &TopologyEditor::message, this,
          [this](const QString& text) { statusBar()->showMessage(text, 10000); });
  connect(files_, &FileActions::created, editor_,
          [this] { editor_->editMode()->setChecked(true); });
  if (auto* bar = findChild<QToolBar*>(QStringLiteral("controls"))) {
    bar->addSeparator();
    bar->addAction(editor_->editMode());
  }
  buildMenus();
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(files_->newDocument());
  file->addAction(files_->open());
  file->addMenu(files_->recentMenu());
  file->addSeparator();
  file->addAction(files_->save());
  file->addAction(files_->saveAs());
  file->addSeparator();
  file->addActions(exports_->actions());
  file->addSeparator();
  auto* compare = new CompareActions(*document_, this);
  connect(lecture_->toggle(), &QAction::toggled, compare, &CompareActions::setLecturing);
  file->addActions(compare->actions());
  file->addSeparator();
  file->addAction(home_);
  file->addAction(files_->quit());
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  undo->setToolTip(tr("Undo the last change (a live fault too) (Ctrl+Z)"));
  QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  redo->setToolTip(tr("Redo what was undone (Ctrl+Shift+Z)"));
  edit->addActions({undo, redo});
  edit->addSeparator();
  edit->addActions({editor_->editMode(), editor_->renameAction(), editor_->removeAction()});
  QMenu* sim = menuBar()->addMenu(tr("&Simulation"));
  sim->addActions(time_->actions());
  sim->addSeparator();
  sim->addAction(sweepAction(this, document_));
  menuBar()->addMenu(faults_->menu());
  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addActions({zoomIn_, zoomOut_, fit_});
  view->addSeparator();
  QAction* showInspector = inspector_->toggleViewAction();
  showInspector->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
  showInspector->setToolTip(tr("Show or hide the inspector (Ctrl+I)"));
  QAction* showJourney = journey_->toggleViewAction();
  showJourney->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
  showJourney->setToolTip(tr("Show or hide the job journey (Ctrl+J)"));
  QAction* showCharts = charts_->toggleViewAction();
  showCharts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
  showCharts->setToolTip(tr("Show or hide the charts (Ctrl+K)"));
  QAction* showSummary = summary_->toggleViewAction();
  showSummary->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
  showSummary->setToolTip(
      tr("Show or hide the summary: key figures, Little's law and queueing theory (Ctrl+U)"));
  view->addActions({showInspector, showJourney, showCharts, showSummary,
                    properties_->toggleViewAction(), palette_->toggleViewAction()});
  view->addMenu(charts_->averaging().menu());
  view->addSeparator();
  view->addAction(canvasPage_->captions().showAction());
  view->addActions({lecture_->previousMark(), lecture_->nextMark(), lecture_->toggle()});
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addActions({help_->shortcuts(), help_->about()});
  // Every menu's action on the window too, so its keys work with the menu bar hidden (lecture).
  for (QMenu* menu : menuBar()->findChildren<QMenu*>())
    for (QAction* a : menu->actions())
      if (!a->shortcuts().isEmpty()) addAction(a);
}

void MainWindow::onScenarioReplaced() {
  const QString error = controller_->load(document_->scenario(), seed_);
  if (!error.isEmpty()) {
    QMessageBox::critical(this, tr("Cannot simulate"), error);
    return;
  }
  showCanvas();
  statusBar()->showMessage(tr("%1: press Space to play, → to step one event.")
                               .arg(QString::fromStdString(document_->scenario().name)));
}

// An edit of the document: where components sit changes no run (the canvas moves them); live
// faults and resets added or taken away are the run's live changes; anything else changes the
// model, so the run starts again from it.
void MainWindow::onScenarioEdited() {
  const Scenario& edited = document_->scenario();
  Scenario base = controller_->scenario();
  const bool moved = base.layout != edited.layout;
  base.layout = edited.layout;
  if (const auto changes = liveChangesBetween(base, edited)) {
    if (moved) controller_->setLayout(edited.layout);
    controller_->setLiveChanges(*changes);
    return;
  }
  onScenarioReplaced();
}

void MainWindow::showComponentMenu(std::uint32_t component, std::uint16_t instance,
                                   QPoint globalPos) {
  QMenu menu(this);
  menu.setToolTipsVisible(true);
  if (component != kNone && canvas().topology())
    editor_->populate(&menu, canvas().topology()->componentItem(component)->id());
  faults_->populate(&menu, component, instance);
  menu.exec(globalPos);
}

bool MainWindow::showingCanvas() const {
  return pages_->currentWidget() == canvasPage_;
}

void MainWindow::showStartPage() {
  controller_->pause();
  pages_->setCurrentWidget(startPage_);
}

void MainWindow::showCanvas() {
  if (!controller_->hasSimulation()) return;
  pages_->setCurrentWidget(canvasPage_);
  canvas().setFocus();
}

void MainWindow::updateTitle() {
  setWindowTitle(document_->hasScenario()
                     ? QStringLiteral("%1[*] — BrokerLab").arg(document_->displayName())
                     : QStringLiteral("BrokerLab"));
  setWindowModified(document_->isModified());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (files_->maybeSave()) {
    controller_->setTicking(false);
    event->accept();
  } else {
    event->ignore();
  }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.size() == 1 && urls.first().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.size() != 1 || !urls.first().isLocalFile()) return;
  event->acceptProposedAction();
  files_->openPath(urls.first().toLocalFile());
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  controller_->setTicking(true);
}

}  // namespace brokerlab::ui
