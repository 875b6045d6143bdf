#pragma once

// Live faults from the window: for each component the faults it can take, as menu entries with
// presets a lecturer can use without a dialog (crash an instance, spike a producer, slow a
// consumer, poison messages, partition or degrade a link, scale a consumer, restart the broker,
// replay a stream group). Choosing one applies it through the controller (the engine's
// injectFault / injectAction) and records it on the document's undo stack, so it is drawn on the
// timeline, saved with the scenario and undone like any edit.

#include "scenario/Scenario.h"

#include <QObject>

#include <cstdint>

class QAction;
class QMenu;
class QWidget;

namespace brokerlab::ui {

class ScenarioDocument;
class SimulationController;

class FaultActions : public QObject {
  Q_OBJECT

 public:
  static constexpr SimTime kPresetDuration = 30 * kSecond;
  static constexpr SimTime kPresetRestartAfter = 30 * kSecond;

  FaultActions(SimulationController& controller, ScenarioDocument& document, QWidget* window);

  // Fills `menu` with what `component` can take; `instance` (a consumer instance's number, from
  // 1; 0 for none) puts that instance's entries first.
  void populate(QMenu* menu, std::uint32_t component, std::uint16_t instance);
  // The Faults menu of the menu bar: the broker, then one submenu per component.
  QMenu* menu() const { return menu_; }
  QAction* restartBroker() const { return restartBroker_; }

  // Applies a fault or reset now; false (and `message` says why) when it cannot.
  bool apply(const FaultSpec& spec, const QString& what);
  bool apply(const ActionSpec& spec, const QString& what);

 signals:
  void message(const QString& text);  // for the status bar

 private:
  void rebuildMenu();
  void addConsumerEntries(QMenu* menu, std::uint32_t consumer, std::uint16_t instance);
  void addProducerEntries(QMenu* menu, const QString& id, bool isClient);
  void addStreamEntries(QMenu* menu, std::uint32_t stream);
  QAction* add(QMenu* menu, const QString& text, FaultSpec spec);

  SimulationController& controller_;
  ScenarioDocument& document_;
  QWidget* window_;
  QMenu* menu_;
  QAction* restartBroker_;
};

}  // namespace brokerlab::ui
