#include "window/LectureMode.h"

#include "canvas/Theme.h"
#include "canvas/TopologyView.h"
#include "charts/ChartsDock.h"
#include "controller/SimulationController.h"
#include "editor/PaletteDock.h"
#include "editor/PropertyDock.h"
#include "editor/TopologyEditor.h"
#include "inspector/InspectorDock.h"
#include "journey/JourneyDock.h"
#include "summary/SummaryDock.h"
#include "timeline/RunMarks.h"
#include "timeline/TimelineBar.h"
#include "window/CanvasPage.h"
#include "window/FileActions.h"
#include "window/Icons.h"
#include "window/MainWindow.h"
#include "window/RunStatus.h"
#include "window/StartPage.h"
#include "window/TimeControls.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>

namespace brokerlab::ui {

QAction* newLectureToggle(QObject* parent) {
  auto* toggle = new QAction(icons::lecture(), LectureMode::tr("&Lecture Mode"), parent);
  toggle->setCheckable(true);
  toggle->setShortcut(QKeySequence(Qt::Key_F11));
  toggle->setToolTip(
      LectureMode::tr("Full screen, large and high-contrast, for a projector (F11)"));
  return toggle;
}

QAction* newLeaveLecture(QObject* parent) {
  auto* leave = new QAction(LectureMode::tr("Leave Lecture Mode"), parent);
  leave->setShortcut(QKeySequence(Qt::Key_Escape));
  leave->setToolTip(LectureMode::tr("Back to the normal window (Esc)"));
  leave->setEnabled(false);
  return leave;
}

LectureMode::LectureMode(MainWindow& window) : QObject(&window), window_(window) {
  toggle_ = newLectureToggle(this);
  connect(toggle_, &QAction::toggled, this, &LectureMode::setActive);
  leave_ = newLeaveLecture(this);
  connect(leave_, &QAction::triggered, toggle_, [this] { toggle_->setChecked(false); });
  previous_ = new QAction(tr("&Previous Mark"), this);
  previous_->setShortcut(QKeySequence(Qt::Key_PageUp));
  previous_->setToolTip(tr("Land at the previous caption or fault on the timeline (Page Up)"));
  connect(previous_, &QAction::triggered, this, [this] { jumpToMark(-1); });
  next_ = new QAction(tr("&Next Mark"), this);
  next_->setShortcut(QKeySequence(Qt::Key_PageDown));
  next_->setToolTip(tr("Land at the next caption or fault on the timeline (Page Down)"));
  connect(next_, &QAction::triggered, this, [this] { jumpToMark(+1); });
  for (int n = 1; n <= 9; ++n) {
    auto* a = new QAction(tr("Open bundled scenario %1").arg(n), this);
    a->setShortcut(QKeySequence(Qt::Key_0 + n));
    a->setToolTip(
        tr("In lecture mode: open the bundled scenario numbered %1 on the start page (%1)").arg(n));
    a->setEnabled(false);
    connect(a, &QAction::triggered, this, [this, n] { openBundled(n); });
    scenarioKeys_ << a;
  }
  window_.addActions({toggle_, leave_, previous_, next_});
  window_.addActions(scenarioKeys_);
}

void LectureMode::setActive(bool on) {
  if (on == active_) return;
  active_ = on;
  if (!journeyWatched_) {  // the dock is made after this object
    journeyWatched_ = true;
    connect(&window_.journey(), &QDockWidget::visibilityChanged, this, [this](bool visible) {
      if (active_ && visible) QTimer::singleShot(0, this, &LectureMode::widenJourney);
    });
  }
  toggle_->setChecked(on);
  leave_->setEnabled(on);
  for (QAction* a : scenarioKeys_) a->setEnabled(on);
  for (QAction* a : hidden_) a->setVisible(!on);
  window_.menuBar()->setVisible(!on);
  window_.statusBar()->setVisible(!on);
  window_.time().runStatus()->setCompact(on);
  if (on) {
    geometry_ = window_.saveGeometry();
    docksShown_.clear();
    // While the design is being edited its palette and properties stay: edit mode without them
    // has nothing to add components from (and Edit Topology, checked, would not bring them back).
    const bool editing = window_.editor().editing();
    for (QDockWidget* d : window_.findChildren<QDockWidget*>()) {
      const bool editorDock = d == &window_.palette() || d == &window_.properties();
      if (d->isVisible() && !(editing && editorDock)) {
        docksShown_ << d;
        d->hide();
      }
    }
    window_.canvas().setTheme(Theme::lecture());
    window_.canvasPage().timeline().setScale(Theme::lecture().scale());
    window_.journey().setDiagramScale(Theme::lecture().scale());
    // The docks are put away, but a lecturer brings them back (Ctrl+K the charts, Ctrl+U the
    // summary, a click on a component its inspector): in the projector's type.
    window_.charts().setFontScale(Theme::lecture().scale());
    QFont projector = window_.font();
    projector.setPointSizeF(projector.pointSizeF() * Theme::lecture().scale());
    for (QDockWidget* d : textDocks()) d->setFont(projector);
    window_.startPage().setFont(projector);  // the cards 1-9 open
    window_.showFullScreen();
  } else {
    window_.canvas().setTheme(Theme());
    window_.canvasPage().timeline().setScale(1.0);
    window_.journey().setDiagramScale(1.0);
    window_.charts().setFontScale(1.0);
    for (QDockWidget* d : textDocks()) d->setFont(QFont());  // the window's own again
    window_.startPage().setFont(QFont());
    window_.showNormal();
    window_.restoreGeometry(geometry_);
    for (QDockWidget* d : docksShown_) d->show();
    if (journeyWidth_ > 0)
      window_.resizeDocks({&window_.journey()}, {journeyWidth_}, Qt::Horizontal);
    journeyWidth_ = 0;
  }
}

// A job's sequence diagram has five lifelines, 990 pixels at the window's scale: in a dock of a
// third of a 1280-pixel screen the projector's scale showed one and a half. Opened in lecture
// mode, the dock takes three fifths of the screen, and the diagram is drawn as large as that
// shows it whole (JourneyDock::setDiagramScale); leaving gives the dock its width back.
void LectureMode::widenJourney() {
  QDockWidget& journey = window_.journey();
  if (!active_ || !journey.isVisible() || journey.isFloating()) return;
  const int wanted = window_.width() * 3 / 5;
  if (journey.width() >= wanted) return;
  if (journeyWidth_ == 0) journeyWidth_ = journey.width();
  window_.resizeDocks({&journey}, {wanted}, Qt::Horizontal);
}

QList<QDockWidget*> LectureMode::textDocks() const {
  return {&window_.summary(), &window_.inspector(), &window_.journey(), &window_.properties(),
          &window_.palette()};
}

void LectureMode::jumpToMark(int direction) {
  SimulationController& c = window_.controller();
  if (!c.hasSimulation()) return;
  const std::optional<SimTime> at =
      adjacentMark(window_.canvasPage().timeline().marks(), c.simulator().now(), direction);
  if (!at) return;
  c.pause();
  c.seek(*at);
}

void LectureMode::openBundled(int number) {
  const auto& scenarios = window_.startPage().scenarios();
  if (number < 1 || number > static_cast<int>(scenarios.size())) return;
  window_.files().openPath(scenarios[static_cast<std::size_t>(number - 1)].path);
}

}  // namespace brokerlab::ui
