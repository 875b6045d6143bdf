#include "canvas/TopologyView.h"

#include "canvas/Animator.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConsumerItem.h"
#include "canvas/FrameView.h"
#include "canvas/MessageLayer.h"
#include "canvas/QueueItem.h"
#include "canvas/Text.h"
#include "canvas/TopologyScene.h"
#include "controller/SimulationController.h"

#include <algorithm>

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace brokerlab::ui {

TopologyView::TopologyView(SimulationController& controller, QWidget* parent)
    : QGraphicsView(parent), controller_(controller) {
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  // Everything that moves is painted by one layer each frame: repainting the whole viewport once
  // is cheaper than tracking hundreds of small dirty rectangles.
  setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
  setDragMode(QGraphicsView::ScrollHandDrag);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setResizeAnchor(QGraphicsView::AnchorViewCenter);
  // Panning is by dragging; scroll bars would only take room from the picture.
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setFrameShape(QFrame::NoFrame);
  setToolTip(tr("The topology: drag to pan, wheel to zoom, F to fit"));
  connect(&controller_, &SimulationController::simulationReset, this, &TopologyView::onReset);
  connect(&controller_, &SimulationController::frameAdvanced, this, &TopologyView::onFrame);
  connect(&controller_, &SimulationController::layoutChanged, this, [this] {
    if (scene_) scene_->applyLayout(controller_.scenario());
    viewport()->update();
  });
  if (controller_.hasSimulation()) rebuild();
}

TopologyView::~TopologyView() {
  setScene(nullptr);
}

void TopologyView::rebuild() {
  // The selection outlives the scene (a new theme, an edited design) while its component does.
  const QString selected = selectedId();
  setScene(nullptr);
  scene_ = std::make_unique<TopologyScene>(controller_.scenario(), controller_.model(), theme_);
  animator_ = std::make_unique<Animator>(controller_.model());
  sceneModel_ = controller_.model().get();
  setScene(scene_.get());
  connect(scene_.get(), &QGraphicsScene::selectionChanged, this, [this] {
    const QList<QGraphicsItem*> selected = scene_->selectedItems();
    const auto* c =
        selected.isEmpty() ? nullptr : dynamic_cast<const ComponentItem*>(selected.first());
    emit componentSelected(c ? c->component() : kNone);
  });
  baseSceneRect_ = scene_->contentRect().adjusted(-400, -300, 400, 300);
  setSceneRect(baseSceneRect_);
  autoFit_ = true;
  fitToWindow();
  onFrame();
  if (selected.isEmpty()) return;
  selectComponent(selected);
  // Views hold the selection as an index into the model: a new scenario without that id (or a
  // design edited without it) must clear them, or they would read another component. The old
  // scene's end already announced an empty selection (its signal reads the new scene); said
  // outright here rather than left to the order in which the scenes change hands.
  if (selectedId().isEmpty()) emit componentSelected(kNone);
}

void TopologyView::onReset() {
  if (controller_.model().get() != sceneModel_) {
    rebuild();
    return;
  }
  animator_->clear();  // a restart or a landing: what was in flight is of another moment
  learnColours_ = true;
}

void TopologyView::onFrame() {
  if (!scene_ || !controller_.hasSimulation()) return;
  const Simulator& sim = controller_.simulator();
  const bool complete = controller_.recordsComplete();
  if (!complete) {
    // Records were not all kept (fast-forward): motion would be made up, so there is none; the
    // components still show the true state below.
    animator_->clear();
    learnColours_ = true;
  }
  // What is in the system (its colours, how far each instance is) is learned from the state once
  // the records are whole again, or at once where the run stopped without them (a run to a time
  // lands paused): not at every frame of a fast-forward, a scan of every message each time.
  if (learnColours_ &&
      (complete || controller_.state() != SimulationController::RunState::Playing)) {
    animator_->learnColours(sim);
    learnColours_ = false;
  }
  if (complete) animator_->ingest(controller_.frameRecords(), controller_.speed());
  animator_->advance(sim.now(), controller_.animationSeconds());
  scene_->refresh(FrameView{sim, *animator_, theme_, sim.now()});
  viewport()->update();
}

std::map<std::string, LayoutPoint> TopologyView::positions() const {
  std::map<std::string, LayoutPoint> places;
  if (!scene_) return places;
  for (const ComponentItem* item : scene_->componentItems())
    places[item->id().toStdString()] = {item->pos().x(), item->pos().y()};
  return places;
}

void TopologyView::selectComponent(const QString& id) {
  if (!scene_) return;
  ComponentItem* item = scene_->itemWithId(id);
  if (item && item->isSelected()) return;
  scene_->clearSelection();
  if (item) item->setSelected(true);
}

QString TopologyView::selectedId() const {
  if (!scene_) return {};
  const QList<QGraphicsItem*> selected = scene_->selectedItems();
  const auto* c =
      selected.isEmpty() ? nullptr : dynamic_cast<const ComponentItem*>(selected.first());
  return c ? c->id() : QString();
}

void TopologyView::setTheme(const Theme& theme) {
  theme_ = theme;
  // Items size themselves from their fonts: a new theme is a new scene (the run goes on).
  if (scene_) rebuild();
  viewport()->update();
}

double TopologyView::scaleToFit(int below, int beside) const {
  if (!scene_) return 0;
  const QRectF content = scene_->contentRect();
  const QRect view = viewport()->rect().adjusted(2, 2, -2 - beside, -2 - below);
  if (content.isEmpty() || view.width() <= 0 || view.height() <= 0) return 0;
  // Never blow a small topology up past twice its size: it would look coarse, not clearer.
  return std::min({view.width() / content.width(), view.height() / content.height(), 2.0});
}

void TopologyView::fitToWindow() {
  if (!scene_) return;
  autoFit_ = true;
  // The topology fits beside the room kept free for the captions: under it, or at its right
  // where that draws it a tenth larger or more (a wide, short canvas).
  const double underneath = scaleToFit(room_.below, 0);
  beside_ = room_.beside > 0 && scaleToFit(0, room_.beside) >= 1.1 * underneath;
  const int below = bottomReserve();
  const int beside = rightReserve();
  const double s = scaleToFit(below, beside);
  if (s <= 0) return;
  setTransform(QTransform::fromScale(s, s));
  // The view centres a scene smaller than itself whatever centerOn asks, and scrolls no further
  // than the scene reaches: the scene's rect takes in all the view shows, so the topology is
  // centred beside the room (poll-storm's clients ran under the caption in lecture mode).
  const QPointF centre = scene_->contentRect().center() + QPointF(beside, below) / 2.0 / s;
  const QSizeF seen(viewport()->width() / s, viewport()->height() / s);
  setSceneRect(baseSceneRect_ |
               QRectF(centre - QPointF(seen.width() / 2, seen.height() / 2), seen));
  centerOn(centre);
}

void TopologyView::setCaptionRoom(CaptionRoom room) {
  if (room.below == room_.below && room.beside == room_.beside) return;
  room_ = room;
  if (autoFit_) fitToWindow();
}

void TopologyView::zoomBy(double factor) {
  const double current = transform().m11();
  const double next = std::clamp(current * factor, 0.05, 8.0);
  scale(next / current, next / current);
  autoFit_ = false;
}

void TopologyView::zoomIn() {
  zoomBy(1.25);
}
void TopologyView::zoomOut() {
  zoomBy(0.8);
}

void TopologyView::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  if (steps == 0) return;
  zoomBy(std::pow(1.15, steps));
  event->accept();
}

void TopologyView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  if (autoFit_) fitToWindow();
}

bool TopologyView::componentAt(QPoint viewportPos, std::uint32_t* component,
                               std::uint16_t* instance) const {
  if (!scene_) return false;
  for (QGraphicsItem* item : items(viewportPos)) {
    const auto* c = dynamic_cast<const ComponentItem*>(item);
    if (!c) continue;
    *component = c->component();
    *instance = 0;
    if (const auto* consumer = dynamic_cast<const ConsumerItem*>(c))
      *instance = consumer->instanceAt(consumer->mapFromScene(mapToScene(viewportPos)));
    return true;
  }
  return false;
}

void TopologyView::mousePressEvent(QMouseEvent* event) {
  if (scene_ && event->button() == Qt::LeftButton) {
    const QPointF at = mapToScene(event->position().toPoint());
    // A message in flight under the pointer (a few pixels of slack at any zoom)...
    const double slack = 9 / std::max(transform().m11(), 0.05);
    if (const Flight* f = scene_->messageLayer().flightNear(at, slack)) {
      const bool http = f->kind == FlightKind::Request || f->kind == FlightKind::Response ||
                        f->kind == FlightKind::Push || f->kind == FlightKind::StoreCall;
      emit messageSelected(f->id, http);
      event->accept();
      return;
    }
    // ...or one waiting in a queue's slot.
    for (QGraphicsItem* item : items(event->position().toPoint())) {
      const auto* queue = dynamic_cast<const QueueItem*>(item);
      if (!queue) continue;
      const int index = queue->readyIndexAt(queue->mapFromScene(at));
      if (index < 0) break;
      const Simulator& sim = controller_.simulator();
      const std::uint32_t q = sim.model().components[queue->component()].index;
      emit messageSelected(
          sim.messages()[sim.queues()[q].ready.at(static_cast<std::uint32_t>(index))].serial,
          false);
      event->accept();
      return;
    }
  }
  QGraphicsView::mousePressEvent(event);
}

// A message under the pointer says what it is; elsewhere the components' own tooltips show.
bool TopologyView::viewportEvent(QEvent* event) {
  if (event->type() == QEvent::ToolTip && scene_) {
    const auto* help = static_cast<QHelpEvent*>(event);
    const double slack = 9 / std::max(transform().m11(), 0.05);
    if (const Flight* f = scene_->messageLayer().flightNear(mapToScene(help->pos()), slack)) {
      const Model& m = *controller_.model();
      const auto id = [&](const Endpoint& e) {
        QString s = QString::fromStdString(m.components[e.component].id);
        if (e.instance) s += QStringLiteral("#%1").arg(e.instance);
        if (e.lane) s += QStringLiteral(" (lane %1)").arg(e.lane);
        return s;
      };
      const QString label = httpLabel(*f);
      QString text =
          label.isEmpty()
              ? tr("Message %1%2").arg(f->id).arg(f->redelivered ? tr(", redelivered") : QString())
              : tr("%1 (job %2)").arg(label).arg(f->id);
      text += tr("\n%1 → %2, sent at %3, arrives at %4\nClick to follow it in the inspector")
                  .arg(id(f->from), id(f->to), formatClock(f->t0), formatClock(f->t1));
      QToolTip::showText(help->globalPos(), text, viewport());
      return true;
    }
  }
  return QGraphicsView::viewportEvent(event);
}

void TopologyView::contextMenuEvent(QContextMenuEvent* event) {
  std::uint32_t component = kNone;
  std::uint16_t instance = 0;
  if (!componentAt(event->pos(), &component, &instance)) component = kNone;
  emit componentMenuRequested(component, instance, event->globalPos());
}

void TopologyView::drawBackground(QPainter* painter, const QRectF& rect) {
  painter->fillRect(rect, theme_.background());
}

}  // namespace brokerlab::ui
