#include "canvas/TopicItem.h"

#include "canvas/Text.h"
#include "sim/Simulator.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
constexpr double kLaneHeight = 22;
constexpr double kLaneGap = 42;
constexpr double kLaneWidth = 118;
constexpr double kHubRadius = 30;
}  // namespace

TopicItem::TopicItem(const Model& model, std::uint32_t topic, const Theme& theme,
                     std::vector<QString> bindings)
    : ComponentItem(model.topics[topic].component, ComponentKind::Topic,
                    QString::fromStdString(model.components[model.topics[topic].component].id),
                    theme),
      topic_(topic) {
  const TopicDef& def = model.topics[topic];
  for (std::size_t s = 0; s < def.subscriptions.size(); ++s) {
    const ConsumerDef& c = model.consumers[def.subscriptions[s]];
    Subscription sub;
    sub.queue = c.queue;
    sub.consumer = def.subscriptions[s];
    sub.binding = s < bindings.size() ? bindings[s] : QStringLiteral("#");
    sub.durable = c.durableSubscription;
    subs_.push_back(sub);
  }
  const double lanes = std::max<double>(1, subs_.size()) * kLaneGap;
  const double height = std::max(2 * kHubRadius + 30, lanes + 10);
  setBody(QRectF(-(kHubRadius * 2 + 40 + kLaneWidth) / 2, -height / 2,
                 kHubRadius * 2 + 40 + kLaneWidth, height));
  setToolTip(QStringLiteral("Topic %1: publish-subscribe. Every message is copied to each "
                            "subscription whose binding matches its routing key (one-to-many).")
                 .arg(id()));
}

QRectF TopicItem::hub() const {
  const QRectF b = body();
  return QRectF(b.left(), b.center().y() - kHubRadius, 2 * kHubRadius, 2 * kHubRadius);
}

QRectF TopicItem::lane(std::size_t s) const {
  const QRectF b = body();
  const double top = b.center().y() - subs_.size() * kLaneGap / 2;
  return QRectF(b.right() - kLaneWidth, top + s * kLaneGap + (kLaneGap - kLaneHeight) / 2,
                kLaneWidth, kLaneHeight);
}

void TopicItem::refresh(const FrameView& frame) {
  const TopicState& st = frame.sim.topics()[topic_];
  changed(published_, st.published);
  std::vector<Subscription> next = subs_;
  for (std::size_t s = 0; s < next.size(); ++s) {
    const QueueState& q = frame.sim.queues()[next[s].queue];
    next[s].depth = q.ready.size();
    next[s].unacked = q.unacked;
    next[s].missed = s < st.missedBySubscription.size() ? st.missedBySubscription[s] : 0;
    next[s].present = frame.sim.consumers()[next[s].consumer].present;
  }
  changed(subs_, next);
}

Anchor TopicItem::anchor(const Endpoint& end, bool incoming, QPointF towards) const {
  if (end.lane == 0 || end.lane > subs_.size()) {
    const QRectF h = hub();
    return incoming ? local({h.left(), h.center().y()}, {-1, 0})
                    : local({h.right(), h.center().y()}, {1, 0});
  }
  const QRectF l = lane(end.lane - 1);
  // Copies come in from the hub on the left; acks come back from the subscriber on the right.
  if (incoming && mapFromScene(towards).x() > l.right())
    return local({l.right(), l.center().y()}, {1, 0});
  return incoming ? local({l.left(), l.center().y()}, {-1, 0})
                  : local({l.right(), l.center().y()}, {1, 0});
}

QString TopicItem::summary() const {
  QStringList depths;
  for (const Subscription& s : subs_) depths << QString::number(s.depth);
  return QStringLiteral("topic %1 published=%2 subscriptions=%3")
      .arg(id())
      .arg(published_)
      .arg(depths.join(QLatin1Char(',')));
}

void TopicItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  const QRectF h = hub();
  // A hexagon: the exchange that fans out.
  QPolygonF hex;
  for (int i = 0; i < 6; ++i) {
    const double a = M_PI / 3 * i;
    hex << h.center() + QPointF(kHubRadius * std::cos(a), kHubRadius * std::sin(a));
  }
  p->setPen(QPen(theme().ink(), theme().line()));
  p->setBrush(theme().surface());
  p->drawPolygon(hex);
  paintText(p, h.adjusted(-10, 0, 10, 0), formatCount(published_), theme().labelFont(),
            theme().ink());
  for (std::size_t s = 0; s < subs_.size(); ++s) {
    const Subscription& sub = subs_[s];
    const QRectF l = lane(s);
    // The fan: hub to each subscription.
    p->setPen(QPen(theme().link(), theme().thinLine()));
    p->drawLine(QPointF(h.right(), h.center().y()), QPointF(l.left(), l.center().y()));
    QPen outline(theme().ink(), theme().thinLine());
    if (!sub.present) outline.setStyle(Qt::DashLine);  // the subscriber is offline
    p->setPen(outline);
    p->setBrush(theme().surface());
    p->drawRoundedRect(l, kLaneHeight / 2, kLaneHeight / 2);
    const int shown = static_cast<int>(std::min<std::uint32_t>(sub.depth, 6));
    p->setPen(Qt::NoPen);
    p->setBrush(theme().busy());
    for (int k = 0; k < shown; ++k)
      p->drawRoundedRect(QRectF(l.right() - 10 - (k + 1) * 9, l.top() + 5, 7, l.height() - 10), 2,
                         2);
    paintText(p, QRectF(l.left() + 6, l.top(), 56, l.height()),
              QStringLiteral("%1").arg(formatCount(sub.depth)), theme().smallFont(), theme().ink(),
              Qt::AlignLeft | Qt::AlignVCenter);
    QString note = sub.binding;
    if (sub.durable) note += QStringLiteral(" · durable");
    if (sub.missed) note += QStringLiteral(" · missed %1").arg(formatCount(sub.missed));
    paintText(p, QRectF(l.left() - 40, l.top() - 17, l.width() + 40, 16), note, theme().smallFont(),
              sub.missed ? theme().error() : theme().muted(), Qt::AlignRight | Qt::AlignBottom);
  }
  paintTitle(p);
}

}  // namespace brokerlab::ui
