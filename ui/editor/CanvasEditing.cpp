#include "editor/CanvasEditing.h"

#include "canvas/ComponentItem.h"
#include "canvas/TopologyScene.h"
#include "canvas/TopologyView.h"
#include "editor/TopologyEditor.h"
#include "scenario/ScenarioEdits.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGraphicsLineItem>
#include <QMimeData>
#include <QMouseEvent>
#include <QPen>

namespace brokerlab::ui {

namespace {

std::optional<edits::Blueprint> blueprintOf(const QMimeData* data) {
  if (!data->hasFormat(kBlueprintMimeType)) return std::nullopt;
  const std::string name = data->data(kBlueprintMimeType).toStdString();
  for (int b = 0; b < edits::kBlueprintCount; ++b)
    if (edits::blueprintName(static_cast<edits::Blueprint>(b)) == name)
      return static_cast<edits::Blueprint>(b);
  return std::nullopt;
}

}  // namespace

CanvasEditing::CanvasEditing(TopologyEditor& editor, TopologyView& canvas)
    : QObject(&editor), editor_(editor), canvas_(canvas) {
  canvas_.viewport()->installEventFilter(this);
  canvas_.viewport()->setAcceptDrops(true);
}

CanvasEditing::~CanvasEditing() {
  endConnectLine();
}

void CanvasEditing::setActive(bool on) {
  active_ = on;
  gesture_ = Gesture::None;
  endConnectLine();
  canvas_.viewport()->unsetCursor();
}

bool CanvasEditing::eventFilter(QObject* watched, QEvent* event) {
  if (watched != canvas_.viewport()) return false;
  switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
      auto* e = static_cast<QDropEvent*>(event);
      if (!blueprintOf(e->mimeData())) return false;  // files: the window opens them
      e->setDropAction(Qt::CopyAction);
      e->accept();
      return true;
    }
    case QEvent::Drop: {
      auto* e = static_cast<QDropEvent*>(event);
      const auto blueprint = blueprintOf(e->mimeData());
      if (!blueprint) return false;
      e->setDropAction(Qt::CopyAction);
      e->accept();
      if (!editor_.editing()) editor_.editMode()->setChecked(true);
      editor_.add(*blueprint, canvas_.mapToScene(e->position().toPoint()));
      return true;
    }
    case QEvent::MouseButtonPress:
      return active_ && press(static_cast<QMouseEvent*>(event));
    case QEvent::MouseMove:
      return active_ && drag(static_cast<QMouseEvent*>(event));
    case QEvent::MouseButtonRelease:
      return active_ && release(static_cast<QMouseEvent*>(event));
    default:
      return false;
  }
}

bool CanvasEditing::press(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !canvas_.topology()) return false;
  std::uint32_t component = 0;
  std::uint16_t instance = 0;
  if (!canvas_.componentAt(event->position().toPoint(), &component, &instance)) return false;
  const ComponentItem* item = canvas_.topology()->componentItem(component);
  component_ = component;
  id_ = item->id();
  pressAt_ = event->position();
  grab_ = canvas_.mapToScene(event->position().toPoint()) - item->pos();
  gesture_ = event->modifiers() & Qt::ShiftModifier ? Gesture::Connecting : Gesture::Pressed;
  canvas_.selectComponent(id_);
  return true;
}

bool CanvasEditing::drag(QMouseEvent* event) {
  if (gesture_ == Gesture::None || !canvas_.topology()) return false;
  const QPointF at = canvas_.mapToScene(event->position().toPoint());
  if (gesture_ == Gesture::Pressed &&
      (event->position() - pressAt_).manhattanLength() >= QApplication::startDragDistance()) {
    gesture_ = Gesture::Moving;
    canvas_.viewport()->setCursor(Qt::ClosedHandCursor);
  }
  if (gesture_ == Gesture::Moving) canvas_.topology()->moveComponent(component_, at - grab_);
  if (gesture_ == Gesture::Connecting) {
    const QPointF from = canvas_.topology()->componentItem(component_)->pos();
    if (!line_) {
      line_ = new QGraphicsLineItem;
      QPen pen(canvas_.theme().ink(), 3, Qt::DashLine);
      pen.setCosmetic(true);
      line_->setPen(pen);
      line_->setZValue(1000);
      canvas_.topology()->addItem(line_);
      lineScene_ = canvas_.topology();
      canvas_.viewport()->setCursor(Qt::CrossCursor);
    }
    line_->setLine(QLineF(from, at));
  }
  canvas_.viewport()->update();
  return true;
}

bool CanvasEditing::release(QMouseEvent* event) {
  if (gesture_ == Gesture::None || event->button() != Qt::LeftButton) return false;
  const Gesture gesture = gesture_;
  gesture_ = Gesture::None;
  canvas_.viewport()->unsetCursor();
  endConnectLine();
  if (gesture == Gesture::Moving && canvas_.topology()) {
    const QPointF centre = canvas_.mapToScene(event->position().toPoint()) - grab_;
    editor_.move(id_, centre);
  }
  if (gesture == Gesture::Connecting) {
    std::uint32_t component = 0;
    std::uint16_t instance = 0;
    if (canvas_.componentAt(event->position().toPoint(), &component, &instance) &&
        component != component_)
      editor_.connectIds(id_, canvas_.topology()->componentItem(component)->id());
  }
  return true;
}

void CanvasEditing::endConnectLine() {
  if (line_ && canvas_.topology() == lineScene_) delete line_;  // also takes it off the scene
  line_ = nullptr;
  lineScene_ = nullptr;
}

}  // namespace brokerlab::ui
