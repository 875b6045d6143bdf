#pragma once

// The server side of asynchronous request-reply: the API (its handler slots as lamps, busy of
// total, and the line of requests waiting for a slot) and the status store (a cylinder with the
// jobs it holds in each state).

#include "canvas/ComponentItem.h"
#include "model/Http.h"
#include "model/Model.h"

#include <array>

namespace brokerlab::ui {

class ApiItem : public ComponentItem {
 public:
  static constexpr std::uint32_t kLampsDrawn = 16;

  ApiItem(const Model& model, std::uint32_t api, const Theme& theme);
  void refresh(const FrameView& frame) override;
  Anchor anchor(const Endpoint& end, bool incoming, QPointF towards) const override;
  QString summary() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

  std::uint32_t busySlots() const { return busy_; }
  std::uint32_t waiting() const { return waiting_; }
  // Connections held open (SSE streams, WebSockets); shown only by an api with such clients.
  std::uint64_t held() const { return held_; }
  bool showsHeld() const { return showsHeld_; }

 private:
  std::uint32_t api_;
  std::uint32_t slots_;
  bool showsHeld_ = false;
  std::uint64_t held_ = 0;
  std::uint32_t busy_ = 0;
  std::uint32_t waiting_ = 0;
  std::uint64_t requests_ = 0;
  std::uint64_t accepted_ = 0;
};

class StoreItem : public ComponentItem {
 public:
  StoreItem(const Model& model, std::uint32_t store, const Theme& theme);
  void refresh(const FrameView& frame) override;
  Anchor anchor(const Endpoint& end, bool incoming, QPointF towards) const override;
  QString summary() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

  const std::array<std::uint64_t, kJobStatusCount>& jobs() const { return jobs_; }

 private:
  std::uint32_t store_;
  std::array<std::uint64_t, kJobStatusCount> jobs_{};
  std::uint64_t reads_ = 0;
  std::uint64_t writes_ = 0;
};

// The point of `box` (item coordinates) facing `towards`, and the side's outward direction.
Anchor facing(const QGraphicsItem& item, const QRectF& box, QPointF towards);

}  // namespace brokerlab::ui
