#pragma once

// File → Export: the canvas as PNG or SVG.

#include <QObject>

class QAction;
class QWidget;

namespace brokerlab::ui {

class TopologyView;

class ExportActions : public QObject {
  Q_OBJECT

 public:
  ExportActions(TopologyView& canvas, QWidget* window);
  QList<QAction*> actions() const;

 private:
  void exportCanvas(bool svg);

  TopologyView& canvas_;
  QWidget* window_;
  QAction* png_;
  QAction* svg_;
};

}  // namespace brokerlab::ui
