#include "window/CanvasPage.h"

#include "annotations/CaptionOverlay.h"
#include "canvas/TopologyView.h"
#include "timeline/TimelineBar.h"

#include <QVBoxLayout>

namespace brokerlab::ui {

CanvasPage::CanvasPage(SimulationController& controller, QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  canvas_ = new TopologyView(controller, this);
  timeline_ = new TimelineBar(controller, this);
  captions_ = new CaptionOverlay(controller, *canvas_);
  layout->addWidget(canvas_, 1);
  layout->addWidget(timeline_);
}

}  // namespace brokerlab::ui
