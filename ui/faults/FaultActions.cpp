#include "faults/FaultActions.h"

#include "canvas/Text.h"
#include "controller/SimulationController.h"
#include "document/LiveChangeCommand.h"
#include "document/ScenarioDocument.h"
#include "faults/FaultPresets.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

namespace brokerlab::ui {

FaultActions::FaultActions(SimulationController& controller, ScenarioDocument& document,
                           QWidget* window)
    : QObject(window), controller_(controller), document_(document) {
  presets_ = new FaultPresets(
      controller_, [this](const FaultSpec& f, const QString& what) { apply(f, what); },
      [this](const ActionSpec& a, const QString& what) { apply(a, what); }, this);
  menu_ = new QMenu(tr("Fa&ults"), window);
  menu_->setToolTipsVisible(true);
  connect(&controller_, &SimulationController::simulationReset, this, &FaultActions::rebuildMenu);
  rebuildMenu();
}

QAction* FaultActions::restartBroker() const {
  return presets_->restartBroker();
}

void FaultActions::populate(QMenu* menu, std::uint32_t component, std::uint16_t instance) {
  presets_->populate(menu, component, instance);
}

void FaultActions::rebuildMenu() {
  menu_->clear();
  menu_->addAction(presets_->restartBroker());
  if (!controller_.hasSimulation()) return;
  menu_->addSeparator();
  const Model& m = *controller_.model();
  for (std::uint32_t c = 0; c < m.components.size(); ++c) {
    if (!presets_->takesFaults(c)) continue;
    QMenu* sub = menu_->addMenu(QString::fromStdString(m.components[c].id));
    // Filled when opened: presets depend on the moment (a replay "from 30 s ago").
    connect(sub, &QMenu::aboutToShow, this, [this, sub, c] {
      sub->clear();
      populate(sub, c, 0);
    });
  }
}

bool FaultActions::apply(const FaultSpec& f, const QString& what) {
  FaultSpec applied;
  const QString error = controller_.applyFault(f, &applied);
  if (!error.isEmpty()) {
    emit message(tr("Cannot apply %1: %2").arg(what, error));
    return false;
  }
  document_.undoStack()->push(new LiveChangeCommand(document_, applied, std::nullopt, what));
  emit message(tr("%1 at %2 (Ctrl+Z undoes it)")
                   .arg(what, formatClock(applied.at, controller_.model()->duration)));
  return true;
}

bool FaultActions::apply(const ActionSpec& a, const QString& what) {
  ActionSpec applied;
  const QString error = controller_.applyAction(a, &applied);
  if (!error.isEmpty()) {
    emit message(tr("Cannot apply %1: %2").arg(what, error));
    return false;
  }
  document_.undoStack()->push(new LiveChangeCommand(document_, std::nullopt, applied, what));
  emit message(tr("%1 at %2 (Ctrl+Z undoes it)")
                   .arg(what, formatClock(applied.at, controller_.model()->duration)));
  return true;
}

}  // namespace brokerlab::ui
