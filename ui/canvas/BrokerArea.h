#pragma once

// The broker, drawn as the area behind its queues, topics and streams: the intermediary every
// message passes through. While a broker restart keeps it down it turns vermillion and says when
// it is back.

#include "canvas/Theme.h"

#include <QGraphicsItem>
#include <QPainterPath>

#include <vector>

#include "base/SimTime.h"

namespace brokerlab::ui {

class BrokerArea : public QGraphicsItem {
 public:
  explicit BrokerArea(const Theme& theme);
  // The broker's parts, in scene coordinates: the area is drawn around each (joined where close).
  void setParts(const std::vector<QRectF>& parts);
  void setDownUntil(SimTime now, SimTime downUntil);
  void setTheme(const Theme& theme) {
    theme_ = &theme;
    update();
  }
  bool down() const { return down_; }
  const QPainterPath& outline() const { return area_; }  // in scene coordinates

  QRectF boundingRect() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

 private:
  const Theme* theme_;
  QPainterPath area_;
  bool down_ = false;
  SimTime backAt_ = 0;
};

}  // namespace brokerlab::ui
