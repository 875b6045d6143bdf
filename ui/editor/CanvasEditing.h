#pragma once

// What the mouse does on the canvas while editing (an event filter on its viewport): a palette
// entry dropped adds a component there; a drag moves a component, its links following; a
// Shift+drag from one component to another connects them, with a line from the first to the
// pointer while dragging. Clicks still select. It forwards each gesture, once, to the editor.

#include <QObject>
#include <QPointF>
#include <QString>

class QGraphicsLineItem;
class QMouseEvent;

namespace brokerlab::ui {

class TopologyEditor;
class TopologyView;

inline constexpr const char* kBlueprintMimeType = "application/x-brokerlab-blueprint";

class CanvasEditing : public QObject {
  Q_OBJECT

 public:
  CanvasEditing(TopologyEditor& editor, TopologyView& canvas);
  ~CanvasEditing() override;
  void setActive(bool on);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  enum class Gesture { None, Pressed, Moving, Connecting };
  bool press(QMouseEvent* event);
  bool drag(QMouseEvent* event);
  bool release(QMouseEvent* event);
  void endConnectLine();

  TopologyEditor& editor_;
  TopologyView& canvas_;
  bool active_ = false;
  Gesture gesture_ = Gesture::None;
  std::uint32_t component_ = 0;
  QString id_;
  QPointF grab_;     // where in the item it was taken (scene units from its centre)
  QPointF pressAt_;  // viewport position of the press
  QGraphicsLineItem* line_ = nullptr;
  const QObject* lineScene_ = nullptr;  // the scene that owns line_ (a rebuilt canvas deleted it)
};

}  // namespace brokerlab::ui
