#pragma once

// A stream: one log per partition, records as ticks with the newest on the right; retention trims
// the left end. Each consumer group has a cursor (a triangle in its colour) at its committed
// offset on every partition, and the legend gives each group's lag (end offset - committed).

#include "canvas/ComponentItem.h"
#include "model/Model.h"

#include <vector>

namespace brokerlab::ui {

class StreamItem : public ComponentItem {
 public:
  static constexpr std::size_t kPartitionsDrawn = 12;

  StreamItem(const Model& model, std::uint32_t stream, const Theme& theme);
  void refresh(const FrameView& frame) override;
  Anchor anchor(const Endpoint& end, bool incoming, QPointF towards) const override;
  QString summary() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

  struct Partition {
    std::uint64_t start = 0;               // oldest retained offset
    std::uint64_t end = 0;                 // next offset to be written
    std::vector<std::uint64_t> committed;  // per group (kNoOffset: none yet)
    bool operator==(const Partition&) const = default;
  };
  const std::vector<Partition>& partitions() const { return parts_; }

 private:
  struct Group {
    QString name;
    std::uint64_t lag = 0;
    bool rebalancing = false;
    bool operator==(const Group&) const = default;
  };
  QRectF bar(std::size_t p) const;

  std::uint32_t stream_;
  std::vector<std::uint32_t> groupIndex_;
  std::vector<Partition> parts_;
  std::vector<Group> groups_;
  std::uint64_t deleted_ = 0;
};

}  // namespace brokerlab::ui
