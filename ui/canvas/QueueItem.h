#pragma once

// A queue: a horizontal tube of slots. Ready messages fill it from the head (right) back towards
// the tail, in their producers' colours, a ring on a redelivered one; the messages out with
// consumers and not yet acked are outlined slots at the head; "+N" when there are more than fit.

#include "canvas/ComponentItem.h"
#include "model/Model.h"

#include <array>

namespace brokerlab::ui {

class QueueItem : public ComponentItem {
 public:
  static constexpr int kSlots = 14;

  QueueItem(const Model& model, std::uint32_t queue, const Theme& theme, bool deadLetterQueue);
  void refresh(const FrameView& frame) override;
  Anchor anchor(const Endpoint& end, bool incoming, QPointF towards) const override;
  QString summary() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

  std::uint32_t depth() const { return ready_; }
  // The position in the ready list (0 = head) of the slot drawn at `local`, or -1.
  int readyIndexAt(QPointF local) const;
  std::uint32_t unacked() const { return unacked_; }

 private:
  struct Slot {
    std::uint8_t colour = 0xff;
    bool redelivered = false;
    bool operator==(const Slot&) const = default;
  };
  QRectF tube() const;

  std::uint32_t queue_;
  bool dlq_;
  QString policyText_;
  std::uint64_t maxLength_;
  std::uint32_t ready_ = 0;
  std::uint32_t unacked_ = 0;
  std::uint64_t acked_ = 0;
  std::uint64_t lost_ = 0;  // dropped, expired, dead-lettered on, rejected
  std::array<Slot, kSlots> slots_{};
};

}  // namespace brokerlab::ui
