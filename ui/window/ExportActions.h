#pragma once

// File → Export: the canvas as PNG or SVG; the run's report as JSON and its series as CSV, in
// the CLI's formats.

#include <QObject>

class QAction;
class QWidget;

namespace brokerlab::ui {

class SimulationController;
class TopologyView;

class ExportActions : public QObject {
  Q_OBJECT

 public:
  ExportActions(TopologyView& canvas, SimulationController& controller, QWidget* window);
  QList<QAction*> actions() const;

 private:
  void exportCanvas(bool svg);
  void exportRun(bool json);

  TopologyView& canvas_;
  SimulationController& controller_;
  QWidget* window_;
  QAction* png_;
  QAction* svg_;
  QAction* json_;
  QAction* csv_;
};

}  // namespace brokerlab::ui
