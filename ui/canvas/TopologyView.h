#pragma once

// The canvas widget: shows the topology scene of the controller's current run, zooms with the
// wheel (around the cursor), pans by dragging, fits the run to the window until the user zooms.
// Once per frame it feeds the frame's records to its animator and refreshes the scene.

#include "canvas/Theme.h"

#include <QGraphicsView>

#include "scenario/Scenario.h"

#include <map>
#include <memory>
#include <string>

namespace brokerlab::ui {

class Animator;
class SimulationController;
class TopologyScene;

class TopologyView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit TopologyView(SimulationController& controller, QWidget* parent = nullptr);
  ~TopologyView() override;

  TopologyScene* topology() const { return scene_.get(); }
  // The component (and consumer instance number, 0 for none) drawn at a viewport point.
  bool componentAt(QPoint viewportPos, std::uint32_t* component, std::uint16_t* instance) const;
  const Animator* animator() const { return animator_.get(); }
  // Every component's centre on the canvas, by id (what an editor saves as the layout).
  std::map<std::string, LayoutPoint> positions() const;
  // Selects the component with this id (nothing when none has it), as a click would.
  void selectComponent(const QString& id);
  // The selected component's id, or empty.
  QString selectedId() const;
  void setTheme(const Theme& theme);
  // The room the captions over the canvas need: a band `below` pixels high under the topology,
  // or one `beside` pixels wide at its right (0: a caption does not fit there). Fitting takes
  // the one that leaves the topology larger; a canvas much wider than the topology, as when a
  // dock opens at the bottom of a wide window, takes the captions beside it.
  struct CaptionRoom {
    int below = 0;
    int beside = 0;
  };
  void setCaptionRoom(CaptionRoom room);
  CaptionRoom captionRoom() const { return room_; }
  bool captionBeside() const { return beside_; }
  // The pixels fitting leaves free under the topology and at its right, as chosen.
  int bottomReserve() const { return beside_ ? 0 : room_.below; }
  int rightReserve() const { return beside_ ? room_.beside : 0; }
  // The scale at which the topology fits the view with these pixels left free (0: no topology).
  double scaleToFit(int below, int beside) const;
  const Theme& theme() const { return theme_; }

 signals:
  // A right click on a component (instance 0: not on an instance), at a global screen position.
  void componentMenuRequested(std::uint32_t component, std::uint16_t instance, QPoint globalPos);
  // The selection changed: the selected component, or kNone.
  void componentSelected(std::uint32_t component);
  // A message was clicked (in flight, or in a queue's slot): its serial; for an HTTP exchange,
  // the job's correlation id, and `job` is true.
  void messageSelected(std::uint64_t serial, bool job);

 public slots:
  void fitToWindow();
  void zoomIn();
  void zoomOut();

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void drawBackground(QPainter* painter, const QRectF& rect) override;
  void contextMenuEvent(QContextMenuEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  bool viewportEvent(QEvent* event) override;

 private:
  void rebuild();
  void onReset();
  void onFrame();
  void zoomBy(double factor);

  SimulationController& controller_;
  Theme theme_;
  std::unique_ptr<TopologyScene> scene_;
  std::unique_ptr<Animator> animator_;
  const void* sceneModel_ = nullptr;  // the model the scene was built for
  bool autoFit_ = true;
  CaptionRoom room_;
  bool beside_ = false;
  QRectF baseSceneRect_;  // the topology with room around it to pan
  bool learnColours_ = false;
};

}  // namespace brokerlab::ui
