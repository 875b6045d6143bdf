#pragma once

// What if, from now: the inspector's controls that change a number of the selected component while
// the run goes on (a producer's or client's rate, a consumer's instances, service time and
// prefetch, a client's poll interval). Each change is a live fault (a spike without an end, a
// scale, a slow without an end, a prefetch, a poll), applied through FaultActions: it shows on the
// timeline, is undone with Ctrl+Z, saved with the scenario and replayed after reopening with the
// same trace hash.

#include "base/Index.h"
#include "base/SimTime.h"

#include <QWidget>

#include <cstdint>

class QComboBox;
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
  QSpinBox* prefetch() const { return prefetch_; }  // 0: "unlimited" (a stream's: "up to 500")
  // The poll interval: a number and its unit (ms, s, min); pollInterval() is what they say.
  QDoubleSpinBox* pollValue() const { return pollValue_; }
  QComboBox* pollUnit() const { return pollUnit_; }
  SimTime pollInterval() const;
  void setPollInterval(SimTime interval);  // in the unit that shows it best
  QPushButton* applyButton() const { return apply_; }

 private:
  void applyChange();
  void unitChanged();

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
  QLabel* prefetchLabel_;
  QSpinBox* prefetch_;
  QLabel* pollLabel_;
  QWidget* poll_;  // pollValue_ and pollUnit_ side by side
  QDoubleSpinBox* pollValue_;
  QComboBox* pollUnit_;
  SimTime pollUnitNs_ = kSecond;  // the unit pollValue_ is in
  SimTime pollShown_ = 0;         // the client's interval as showComponent put it in the boxes
  QPushButton* apply_;
};

}  // namespace brokerlab::ui
