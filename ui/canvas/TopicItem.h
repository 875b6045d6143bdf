#pragma once

// A topic: a hub that copies each message into every matching subscription, and its subscriptions
// as small queues fanning out to the right, one per subscriber (each labelled with its binding).
// A copy that could not be made (an offline, non-durable subscriber) flashes and counts as missed.

#include "canvas/ComponentItem.h"
#include "model/Model.h"

#include <vector>

namespace brokerlab::ui {

class TopicItem : public ComponentItem {
 public:
  TopicItem(const Model& model, std::uint32_t topic, const Theme& theme,
            std::vector<QString> bindings);
  void refresh(const FrameView& frame) override;
  Anchor anchor(const Endpoint& end, bool incoming, QPointF towards) const override;
  QString summary() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

  std::uint32_t subscriptionDepth(std::size_t s) const { return subs_[s].depth; }

 private:
  struct Subscription {
    std::uint32_t queue = 0;     // its queue's index in the model
    std::uint32_t consumer = 0;  // the subscriber
    QString binding;
    bool durable = false;
    std::uint32_t depth = 0;
    std::uint32_t unacked = 0;
    std::uint64_t missed = 0;
    bool present = true;
    bool operator==(const Subscription&) const = default;
  };
  QRectF hub() const;
  QRectF lane(std::size_t s) const;

  std::uint32_t topic_;
  std::vector<Subscription> subs_;
  std::uint64_t published_ = 0;
};

}  // namespace brokerlab::ui
