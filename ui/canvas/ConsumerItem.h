#pragma once

// A consumer (or request-reply worker) and its instances, one circle each:
//
//   idle         hollow circle
//   busy         filled with the message's producer colour, an arc showing how far it has got
//   crashed      vermillion with a cross (until it restarts)
//   rebalancing  amber ring (its stream group is reassigning partitions: nothing is consumed)
//   offline      dashed outline (not joined yet, left, disconnected, or a slot scaling may use)
//
// A small dark count at an instance says how many deliveries it has prefetched; a stream consumer's
// instances list the partitions they own. Past kDrawnMax instances, a line under the circles counts
// the rest by look ("+36 more: 25 busy · 11 idle"), so a picture of 24 circles never stands for a
// consumer of 60 without saying so.

#include "canvas/ComponentItem.h"
#include "canvas/Flight.h"
#include "model/Model.h"

#include <array>
#include <vector>

namespace brokerlab::ui {

enum class InstanceLook : std::uint8_t { Idle, Busy, Crashed, Rebalancing, Offline };
inline constexpr std::size_t kInstanceLookCount = 5;
const char* instanceLookName(InstanceLook look);

class ConsumerItem : public ComponentItem {
 public:
  static constexpr std::size_t kPerRow = 6;
  static constexpr std::size_t kDrawnMax = 24;

  ConsumerItem(const Model& model, std::uint32_t consumer, const Theme& theme);
  void refresh(const FrameView& frame) override;
  Anchor anchor(const Endpoint& end, bool incoming, QPointF towards) const override;
  QString summary() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

  struct Instance {
    InstanceLook look = InstanceLook::Offline;
    std::uint32_t buffered = 0;
    double progress = 0;  // busy: the fraction of its current message's service done (-1: unknown)
    std::uint8_t colour = 0xff;
    QString partitions;  // stream consumers: "P0 P2"
    bool operator==(const Instance&) const = default;
  };
  const std::vector<Instance>& instances() const { return instances_; }
  // The instances past the drawn ones, counted by look (indexed by InstanceLook).
  using LookCounts = std::array<std::uint32_t, kInstanceLookCount>;
  const LookCounts& notDrawn() const { return notDrawn_; }
  // The line that counts them, empty when every instance is drawn.
  const QString& notDrawnText() const { return notDrawnText_; }
  // The number (from 1) of the instance drawn at `local` (item coordinates), or 0.
  std::uint16_t instanceAt(QPointF local) const;

 private:
  QPointF centreOf(std::size_t k) const;
  static QString notDrawnLine(const LookCounts& notDrawn);  // built when the counts change

  std::uint32_t consumer_;
  std::uint32_t firstInstance_;
  std::uint32_t group_;
  QString roleText_;    // "manual ack · prefetch 4": rebuilt when a prefetch fault changes it
  QString rolePrefix_;  // what comes before the prefetch ("manual ack"), queue consumers only
  std::uint32_t prefetch_ = 0;
  std::vector<Instance> instances_;
  std::uint32_t slots_;  // the consumer's instance slots, drawn or not
  LookCounts notDrawn_{};
  QString notDrawnText_;
  std::uint64_t processed_ = 0;
  std::uint64_t failed_ = 0;
  double serviceFactor_ = 1;
};

}  // namespace brokerlab::ui
