#pragma once

// What if, from now: the inspector's controls that change a number of the selected component while
// the run goes on (a producer's or client's rate, a consumer's instances and service time). Each
// change is a live fault the engine already knows (a spike without an end, a scale, a slow without
// an end), applied through FaultActions: it shows on the timeline, is undone with Ctrl+Z, saved
// with the scenario and replayed after reopening with the same trace hash.

#include "base/Index.h"

#include <QWidget>

#include <cstdint>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace brokerlab::ui {

class FaultActions;
class SimulationController;

class WhatIfPanel : public QWidget {
  Q_OBJECT

 public:
  WhatIfPanel(SimulationController& controller, FaultActions& faults, QWidget* parent = nullptr);

  void showComponent(std::uint32_t component);  // kNone or another kind: hidden

  // The controls (tests set them and press apply).
  QDoubleSpinBox* rate() const { return rate_; }
  QSpinBox* instances() const { return instances_; }
  QDoubleSpinBox* serviceFactor() const { return service_; }
  QPushButton* applyButton() const { return apply_; }

 private:
  void applyChange();

  SimulationController& controller_;
  FaultActions& faults_;
  std::uint32_t component_ = kNone;
  double baseRate_ = 0;  // the producer's or client's rate in the scenario, per second
  QLabel* title_;
  QLabel* rateLabel_;
  QDoubleSpinBox* rate_;
  QLabel* instancesLabel_;
  QSpinBox* instances_;
  QLabel* serviceLabel_;
  QDoubleSpinBox* service_;
  QPushButton* apply_;
};

}  // namespace brokerlab::ui
