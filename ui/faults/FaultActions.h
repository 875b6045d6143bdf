#pragma once

// Live faults from the window: the entries FaultPresets offers for each component, in the Faults
// menu and a component's context menu. Choosing one applies it through the controller (the
// engine's injectFault / injectAction) and records it on the document's undo stack, so it is drawn
// on the timeline, saved with the scenario and undone like any edit.

#include "scenario/Scenario.h"

#include <QObject>

#include <cstdint>

class QAction;
class QMenu;
class QWidget;

namespace brokerlab::ui {

class FaultPresets;
class ScenarioDocument;
class SimulationController;

class FaultActions : public QObject {
  Q_OBJECT

 public:
  FaultActions(SimulationController& controller, ScenarioDocument& document, QWidget* window);

  // Fills `menu` with what `component` can take; `instance` (a consumer instance's number, from
  // 1; 0 for none) puts that instance's entries first.
  void populate(QMenu* menu, std::uint32_t component, std::uint16_t instance);
  // The Faults menu of the menu bar: the broker, then one submenu per component.
  QMenu* menu() const { return menu_; }
  QAction* restartBroker() const;

  // Applies a fault or reset now; false (and `message` says why) when it cannot.
  bool apply(const FaultSpec& spec, const QString& what);
  bool apply(const ActionSpec& spec, const QString& what);

 signals:
  void message(const QString& text);  // for the status bar

 private:
  void rebuildMenu();

  SimulationController& controller_;
  ScenarioDocument& document_;
  FaultPresets* presets_;
  QMenu* menu_;
};

}  // namespace brokerlab::ui
