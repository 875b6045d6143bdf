#pragma once

// One side of a comparison: a header naming the run ("A · work-queue.json — its name", in the
// run's colour, with the line style its charts use) above its canvas.

#include <QWidget>

class QLabel;

namespace brokerlab::ui {

class SimulationController;
class TopologyView;

class RunPane : public QWidget {
  Q_OBJECT

 public:
  RunPane(SimulationController& controller, const QString& letter, QWidget* parent = nullptr);
  TopologyView& canvas() { return *canvas_; }
  // The file (or document) name and the scenario's name.
  void setRunName(const QString& file, const QString& scenarioName);
  QString header() const;

 private:
  QString letter_;
  QLabel* header_;
  TopologyView* canvas_;
};

}  // namespace brokerlab::ui
