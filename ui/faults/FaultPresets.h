#pragma once

// The live faults a component can take, as menu entries with presets a lecturer can use without
// a dialog: crash or close an instance, spike a producer, slow or scale a consumer, poison
// messages, partition or degrade a link, restart the broker, replay a stream group. It builds the
// entries from one run's model; what a chosen entry does is the owner's (FaultActions applies it
// to the window's run and its undo stack, CompareFaults to both runs of a comparison).

#include "scenario/Scenario.h"

#include <QObject>

#include <cstdint>
#include <functional>

class QAction;
class QMenu;

namespace brokerlab::ui {

class SimulationController;

class FaultPresets : public QObject {
  Q_OBJECT

 public:
  static constexpr SimTime kPresetDuration = 30 * kSecond;
  static constexpr SimTime kPresetRestartAfter = 30 * kSecond;

  using FaultChosen = std::function<void(const FaultSpec&, const QString& what)>;
  using ResetChosen = std::function<void(const ActionSpec&, const QString& what)>;

  FaultPresets(const SimulationController& controller, FaultChosen onFault, ResetChosen onReset,
               QObject* parent);

  // Fills `menu` with what `component` can take; `instance` (a consumer instance's number, from
  // 1; 0 for none) puts that instance's entries first; the broker's restart last.
  void populate(QMenu* menu, std::uint32_t component, std::uint16_t instance);
  // Whether `component` takes any fault of its own (the menu bar lists those).
  bool takesFaults(std::uint32_t component) const;
  QAction* restartBroker() const { return restartBroker_; }

 private:
  void addConsumerEntries(QMenu* menu, std::uint32_t consumer, std::uint16_t instance);
  void addProducerEntries(QMenu* menu, const QString& id, bool isClient);
  void addStreamEntries(QMenu* menu, std::uint32_t stream);
  void addLinkEntries(QMenu* menu, const QString& id);  // a partition, a degraded link
  QAction* add(QMenu* menu, const QString& text, FaultSpec spec);

  const SimulationController& controller_;
  FaultChosen onFault_;
  ResetChosen onReset_;
  QAction* restartBroker_;
};

}  // namespace brokerlab::ui
