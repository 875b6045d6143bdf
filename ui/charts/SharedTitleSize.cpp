#include "charts/SharedTitleSize.h"

#include "charts/TimeChartView.h"

namespace brokerlab::ui {

void SharedTitleSize::add(TimeChartView* chart) {
  charts_.push_back(chart);
  connect(chart, &TimeChartView::ownTitleSizeChanged, this, &SharedTitleSize::shareSoon);
}

void SharedTitleSize::shareSoon() {
  if (pending_) return;
  pending_ = true;
  QMetaObject::invokeMethod(this, &SharedTitleSize::shareNow, Qt::QueuedConnection);
}

void SharedTitleSize::shareNow() {
  pending_ = false;
  qreal smallest = 0;
  for (const TimeChartView* c : charts_)
    if (!c->isHidden() && (smallest == 0 || c->ownTitleSize() < smallest))
      smallest = c->ownTitleSize();
  for (TimeChartView* c : charts_) c->setTitleCap(smallest);
}

}  // namespace brokerlab::ui
