#pragma once

// Live faults in a comparison: a right click on a component of either canvas offers the faults it
// can take (FaultPresets, from that run's model), and the one chosen is applied to both runs at
// the present moment, so that the two designs meet the same crash, spike or partition at the same
// simulated instant. A run that cannot take it (no component of that id, or already over) is
// named in the message; the other still takes it. Nothing is recorded in a document: a
// comparison's runs are not saved.

#include "scenario/Scenario.h"

#include <QObject>

#include <array>
#include <cstdint>

class QAction;
class QMenu;
class QWidget;

namespace brokerlab::ui {

class CompareClock;
class FaultPresets;

class CompareFaults : public QObject {
  Q_OBJECT

 public:
  CompareFaults(CompareClock& clock, QWidget* window);

  // Fills `menu` with the faults of `component` of run B (`right`) or A, for both runs.
  void populate(QMenu* menu, bool right, std::uint32_t component, std::uint16_t instance);
  QAction* restartBroker() const;

  // Applies to both runs now; true when both took it.
  bool apply(const FaultSpec& spec, const QString& what);
  bool apply(const ActionSpec& spec, const QString& what);

 signals:
  void message(const QString& text);  // for the status bar

 private:
  template <typename Spec>
  bool applyToBoth(const Spec& spec, const QString& what);

  CompareClock& clock_;
  std::array<FaultPresets*, 2> presets_{};  // from A's model, from B's
};

}  // namespace brokerlab::ui
