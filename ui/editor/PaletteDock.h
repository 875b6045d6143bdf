#pragma once

// The palette: one entry per kind of component (and the worker), each with a picture and a line
// saying what it is. Drag one onto the canvas to add it there; double-click (or Enter) adds it in
// the middle of the view. Dragging starts editing.

#include <QDockWidget>

class QListWidget;

namespace brokerlab::ui {

class TopologyEditor;
class TopologyView;

class PaletteDock : public QDockWidget {
  Q_OBJECT

 public:
  PaletteDock(TopologyEditor& editor, TopologyView& canvas, QWidget* parent = nullptr);
  QListWidget* list() const { return list_; }

 private:
  QListWidget* list_;
};

}  // namespace brokerlab::ui
