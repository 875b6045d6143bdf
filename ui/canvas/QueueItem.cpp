#include "canvas/QueueItem.h"

#include "canvas/Animator.h"
#include "canvas/Text.h"
#include "sim/Simulator.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
constexpr double kSlotWidth = 16;
constexpr double kTubeHeight = 30;
}  // namespace

QueueItem::QueueItem(const Model& model, std::uint32_t queue, const Theme& theme,
                     bool deadLetterQueue)
    : ComponentItem(model.queues[queue].component, ComponentKind::Queue,
                    QString::fromStdString(model.components[model.queues[queue].component].id),
                    theme),
      queue_(queue),
      dlq_(deadLetterQueue),
      maxLength_(model.queues[queue].maxLength) {
  const QueueDef& def = model.queues[queue];
  QStringList policy;
  if (def.maxLength) {
    const QString overflow = def.overflow == Overflow::DropHead ? QStringLiteral("drop-head")
                             : def.overflow == Overflow::RejectPublish
                                 ? QStringLiteral("reject-publish")
                                 : QStringLiteral("reject-publish-dlx");
    policy << QStringLiteral("max %1 %2").arg(formatCount(def.maxLength), overflow);
  }
  // A quorum queue: returns go to the back, and its delivery limit counts returns.
  if (def.returnsToTail) policy << QStringLiteral("quorum");
  if (def.ttl) policy << QStringLiteral("TTL %1").arg(formatSeconds(def.ttl));
  if (def.maxDeliveries) policy << QStringLiteral("%1 deliveries").arg(def.maxDeliveries);
  if (!def.durable) policy << QStringLiteral("transient");
  policyText_ = policy.join(QStringLiteral(" · "));
  const double width = kSlots * kSlotWidth + 12;
  setBody(QRectF(-width / 2, -kTubeHeight / 2 - 6, width, kTubeHeight + 52));
  setToolTip(QStringLiteral("%1 %2: a point-to-point queue. Each message goes to one consumer and "
                            "leaves the queue when it is acked.%3")
                 .arg(dlq_ ? QStringLiteral("Dead-letter queue") : QStringLiteral("Queue"), id(),
                      policyText_.isEmpty() ? QString() : QStringLiteral(" ") + policyText_));
}

QRectF QueueItem::tube() const {
  const QRectF b = body();
  return QRectF(b.left(), b.top() + 6, b.width(), kTubeHeight);
}

void QueueItem::refresh(const FrameView& frame) {
  const QueueState& st = frame.sim.queues()[queue_];
  changed(ready_, st.ready.size());
  changed(unacked_, st.unacked);
  changed(acked_, st.counters.acked);
  changed(lost_, st.counters.dropped + st.counters.expired + st.counters.rejected +
                     st.counters.deadLettered);
  // The messages nearest the head, read from the queue itself: what is drawn is what is there.
  std::array<Slot, kSlots> cells{};
  const std::uint32_t shown = std::min<std::uint32_t>(ready_, kSlots);
  const MessagePool& pool = frame.sim.messages();
  const Model& model = frame.sim.model();
  const RecordMeaning& meaning = frame.animator.meaning();
  for (std::uint32_t i = 0; i < shown; ++i) {
    const Message& m = pool[st.ready.at(i)];
    std::uint32_t publisher = kNone;
    if (m.producer != kNone) {
      publisher = model.producers[m.producer].component;
    } else if (m.job != kNone) {
      publisher = model.apis[model.clients[frame.sim.jobs()[m.job].client].api].component;
    }
    cells[i] = {publisher == kNone ? std::uint8_t{0xff} : meaning.publisherColour(publisher),
                m.redelivered};
  }
  changed(slots_, cells);
}

Anchor QueueItem::anchor(const Endpoint&, bool incoming, QPointF towards) const {
  // Messages come in at the tail (left) and leave from the head (right), as long as the peer is
  // beside the queue; a peer above or below (a dead-letter queue) is met at the top or bottom,
  // over the tail: the labels and the title are centred and narrower than the tube, so a link
  // there runs beside them (met at the middle, the link and its flights ran through the
  // dead-letter queue's title).
  const QRectF t = tube();
  const QPointF d = mapFromScene(towards) - t.center();
  if (std::abs(d.y()) > 1.5 * std::abs(d.x()) + t.height()) {
    const double x = t.left() + t.height();
    return d.y() > 0 ? local({x, body().bottom()}, {0, 1}) : local({x, t.top()}, {0, -1});
  }
  if (incoming && d.x() > 0)
    return local({t.right(), t.center().y()}, {1, 0});  // acks, from the right
  if (!incoming && d.x() < 0) return local({t.left(), t.center().y()}, {-1, 0});
  return incoming ? local({t.left(), t.center().y()}, {-1, 0})
                  : local({t.right(), t.center().y()}, {1, 0});
}

int QueueItem::readyIndexAt(QPointF local) const {
  const QRectF t = tube();
  if (!t.contains(local)) return -1;
  const int outlined = static_cast<int>(std::min<std::uint32_t>(unacked_, 4));
  const int k = static_cast<int>((t.right() - 6 - local.x()) / kSlotWidth);  // slot from the head
  const int index = k - outlined;
  return index >= 0 && index < static_cast<int>(std::min<std::uint32_t>(ready_, kSlots)) ? index
                                                                                         : -1;
}

QString QueueItem::summary() const {
  return QStringLiteral("queue %1 ready=%2 unacked=%3").arg(id()).arg(ready_).arg(unacked_);
}

void QueueItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  const QRectF t = tube();
  const QColor tint = dlq_ ? QColor(0xfb, 0xe6, 0xd9) : theme().surface();
  p->setPen(QPen(dlq_ ? theme().error() : theme().ink(), theme().line()));
  p->setBrush(tint);
  p->drawRoundedRect(t, kTubeHeight / 2, kTubeHeight / 2);
  // Slot k counts from the head (right). Unacked first (outlined), then ready (filled). Plain
  // rectangles without antialiasing: crisp, and cheap enough to draw every frame.
  p->setRenderHint(QPainter::Antialiasing, false);
  const int outlined = static_cast<int>(std::min<std::uint32_t>(unacked_, 4));
  // More ready messages than slots: the last three slots' room says how many more there are.
  const bool overflow = ready_ > static_cast<std::uint32_t>(kSlots - outlined);
  const int room = kSlots - outlined - (overflow ? 3 : 0);
  const int filled = static_cast<int>(std::min<std::uint32_t>(ready_, room));
  const double right = t.right() - 6;
  for (int k = 0; k < kSlots - (overflow ? 3 : 0); ++k) {
    const QRectF slot(right - (k + 1) * kSlotWidth + 2, t.top() + 5, kSlotWidth - 4,
                      kTubeHeight - 10);
    if (k < outlined) {
      p->setPen(QPen(theme().busy(), theme().thinLine(), Qt::DashLine));
      p->setBrush(Qt::NoBrush);
      p->drawRect(slot);
    } else if (k - outlined < filled) {
      const Slot& s = slots_[static_cast<std::size_t>(k - outlined)];
      p->setPen(QPen(s.redelivered ? theme().ink() : Qt::transparent, 2 * theme().scale()));
      p->setBrush(s.colour == 0xff ? Theme::unknownColour() : Theme::publisherColour(s.colour));
      p->drawRect(slot);
    } else {
      p->setPen(QPen(QColor(0xd8, 0xdc, 0xe2), 1));
      p->setBrush(Qt::NoBrush);
      p->drawRect(slot);
    }
  }
  p->setRenderHint(QPainter::Antialiasing);
  if (overflow) {
    paintText(p, QRectF(t.left() + 4, t.top(), 3 * kSlotWidth + 2, t.height()),
              QStringLiteral("+%1").arg(formatCount(ready_ - filled)), theme().smallFont(),
              theme().ink(), Qt::AlignCenter);
  }
  if (maxLength_) {
    // How full the bounded queue is: a bar under the tube.
    const double fraction = std::min(1.0, static_cast<double>(ready_) / maxLength_);
    const QRectF bar(t.left() + 8, t.bottom() + 3, t.width() - 16, 4);
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0xdd, 0xe1, 0xe6));
    p->drawRect(bar);
    p->setBrush(fraction >= 1 ? theme().error() : theme().busy());
    p->drawRect(QRectF(bar.right() - bar.width() * fraction, bar.top(), bar.width() * fraction, 4));
  }
  const QRectF figures(t.left() - 20, t.bottom() + 8, t.width() + 40, 20);
  paintText(p, figures,
            QStringLiteral("ready %1 · unacked %2").arg(formatCount(ready_), formatCount(unacked_)),
            theme().labelFont(), theme().ink());
  QString second = dlq_ ? QStringLiteral("DLQ · ") : QString();
  second +=
      policyText_.isEmpty() ? QStringLiteral("acked %1").arg(formatCount(acked_)) : policyText_;
  if (lost_) second += QStringLiteral(" · out %1").arg(formatCount(lost_));
  paintText(p, figures.translated(0, 20), second, theme().smallFont(),
            dlq_ || lost_ ? theme().error().darker(120) : theme().muted());
  paintTitle(p);
}

}  // namespace brokerlab::ui
