#include "canvas/ConsumerItem.h"

#include "canvas/Animator.h"
#include "canvas/RequestReplyItems.h"
#include "canvas/SpriteCache.h"
#include "canvas/Text.h"
#include "sim/Simulator.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
constexpr double kRadius = 16;
constexpr double kPitch = 46;
constexpr double kRowHeight = 62;
constexpr double kNotDrawnLine = 20;  // the line counting the instances not drawn
QString prefetchText(std::uint32_t prefetch) {
  return QStringLiteral("prefetch %1")
      .arg(prefetch == 0 ? QStringLiteral("∞") : QString::number(prefetch));
}
InstanceLook lookOf(const ConsumerInstanceState& st, bool rebalancing) {
  if (st.crashed && !st.closed) return InstanceLook::Crashed;
  if (!st.online || st.disconnected) return InstanceLook::Offline;  // a closed channel: it left
  if (rebalancing) return InstanceLook::Rebalancing;
  return st.busy ? InstanceLook::Busy : InstanceLook::Idle;
}
}  // namespace

const char* instanceLookName(InstanceLook look) {
  switch (look) {
    case InstanceLook::Idle:
      return "idle";
    case InstanceLook::Busy:
      return "busy";
    case InstanceLook::Crashed:
      return "crashed";
    case InstanceLook::Rebalancing:
      return "rebalancing";
    case InstanceLook::Offline:
      return "offline";
  }
  return "?";
}

ConsumerItem::ConsumerItem(const Model& model, std::uint32_t consumer, const Theme& theme)
    : ComponentItem(
          model.consumers[consumer].component, ComponentKind::Consumer,
          QString::fromStdString(model.components[model.consumers[consumer].component].id), theme),
      consumer_(consumer),
      firstInstance_(model.consumers[consumer].firstInstance),
      group_(model.consumers[consumer].group),
      slots_(model.consumers[consumer].instanceSlots) {
  const ConsumerDef& def = model.consumers[consumer];
  instances_.resize(std::min<std::size_t>(def.instanceSlots, kDrawnMax));
  QStringList role;
  if (def.store != kNone) role << QStringLiteral("worker");
  role << (def.ack == AckMode::Manual ? QStringLiteral("manual ack") : QStringLiteral("auto ack"));
  if (def.group != kNone) {
    role.clear();
    role << QStringLiteral("group %1").arg(QString::fromStdString(model.groups[def.group].name));
  } else {
    rolePrefix_ = role.join(QStringLiteral(" · "));
    prefetch_ = def.prefetch;
    role << prefetchText(prefetch_);
  }
  roleText_ = role.join(QStringLiteral(" · "));
  const std::size_t cols = std::clamp<std::size_t>(instances_.size(), 2, kPerRow);
  const std::size_t rows = (instances_.size() + kPerRow - 1) / kPerRow;
  const double textWidth = QFontMetricsF(theme.smallFont()).horizontalAdvance(roleText_) + 20;
  const double width = std::max({170.0, cols * kPitch + 20, textWidth});
  const double height = std::max<std::size_t>(rows, 1) * kRowHeight + 44 +
                        (slots_ > instances_.size() ? kNotDrawnLine : 0);
  setBody(QRectF(-width / 2, -height / 2, width, height));
  setToolTip(
      QStringLiteral("Consumer %1 (%2): %3 instance(s) competing for messages. Hollow: idle; "
                     "filled: busy; red cross: crashed; amber: rebalancing; dashed: offline.")
          .arg(id(), roleText_)
          .arg(def.instanceSlots));
}

QPointF ConsumerItem::centreOf(std::size_t k) const {
  const QRectF b = body();
  const std::size_t row = k / kPerRow;
  const std::size_t inRow = std::min(instances_.size() - row * kPerRow, kPerRow);
  const double left = b.center().x() - (inRow - 1) * kPitch / 2;
  return {left + (k % kPerRow) * kPitch, b.top() + 26 + row * kRowHeight};
}

void ConsumerItem::refresh(const FrameView& frame) {
  const Simulator& sim = frame.sim;
  const ConsumerState& cs = sim.consumers()[consumer_];
  changed(processed_, cs.processed);
  changed(failed_, cs.failed);
  changed(serviceFactor_, cs.serviceFactor);
  // A prefetch fault sets every instance's prefetch: the first tells (a group shows none).
  if (group_ == kNone && !instances_.empty() &&
      changed(prefetch_, sim.instances()[firstInstance_].prefetch))
    roleText_ = rolePrefix_ + QStringLiteral(" · ") + prefetchText(prefetch_);
  const bool rebalancing = group_ != kNone && sim.groups()[group_].rebalancing;
  std::vector<Instance> next(instances_.size());
  for (std::size_t k = 0; k < next.size(); ++k) {
    const std::uint32_t global = firstInstance_ + static_cast<std::uint32_t>(k);
    const ConsumerInstanceState& st = sim.instances()[global];
    Instance& in = next[k];
    in.buffered = st.buffer.size();
    in.look = lookOf(st, rebalancing);
    if (in.look == InstanceLook::Busy) {
      const Activity& a = frame.animator.activity(global);
      if (a.active) {
        in.colour = a.colour;
        in.progress =
            a.end > a.start
                ? std::clamp(toSeconds(frame.now - a.start) / toSeconds(a.end - a.start), 0.0, 1.0)
                : -1;  // started before the records we have: unknown
      }
    }
    if (group_ != kNone) {
      QStringList owned;
      const GroupState& g = sim.groups()[group_];
      for (std::size_t p = 0; p < g.partitions.size(); ++p)
        if (g.partitions[p].owner == global) owned << QStringLiteral("P%1").arg(p);
      in.partitions = owned.join(QLatin1Char(' '));
    }
  }
  changed(instances_, next);
  LookCounts rest{};
  for (std::uint32_t k = static_cast<std::uint32_t>(instances_.size()); k < slots_; ++k)
    ++rest[static_cast<std::size_t>(lookOf(sim.instances()[firstInstance_ + k], rebalancing))];
  if (changed(notDrawn_, rest)) notDrawnText_ = notDrawnLine(notDrawn_);
}

QString ConsumerItem::notDrawnLine(const LookCounts& notDrawn) {
  std::uint32_t total = 0;
  QStringList looks;
  // Busy first: it is what the circles' colours show.
  for (const InstanceLook look : {InstanceLook::Busy, InstanceLook::Idle, InstanceLook::Crashed,
                                  InstanceLook::Rebalancing, InstanceLook::Offline}) {
    const std::uint32_t n = notDrawn[static_cast<std::size_t>(look)];
    if (n == 0) continue;
    total += n;
    looks << QStringLiteral("%1 %2").arg(formatCount(n),
                                         QString::fromLatin1(instanceLookName(look)));
  }
  if (total == 0) return {};
  return QStringLiteral("+%1 more: %2").arg(formatCount(total), looks.join(QStringLiteral(" · ")));
}

Anchor ConsumerItem::anchor(const Endpoint& end, bool incoming, QPointF towards) const {
  if (end.instance == 0 || end.instance > instances_.size()) {
    if (incoming) return local({body().left(), 0}, {-1, 0});
    return facing(*this, body(), towards);  // a worker's arrow to its store
  }
  const QPointF c = centreOf(end.instance - 1);
  if (incoming) return local(c - QPointF(kRadius, 0), {-1, 0});  // deliveries come from the left
  // Acks go back to the queue, store writes to the store: leave on the side facing the peer.
  return mapFromScene(towards).x() < c.x() ? local(c - QPointF(kRadius, 0), {-1, 0})
                                           : local(c + QPointF(kRadius, 0), {1, 0});
}

std::uint16_t ConsumerItem::instanceAt(QPointF local) const {
  for (std::size_t k = 0; k < instances_.size(); ++k)
    if (QLineF(local, centreOf(k)).length() <= kRadius + 4)
      return static_cast<std::uint16_t>(k + 1);
  return 0;
}

QString ConsumerItem::summary() const {
  QStringList looks;
  for (const Instance& in : instances_) looks << QString::fromLatin1(instanceLookName(in.look));
  QString text = QStringLiteral("consumer %1 instances=%2 processed=%3")
                     .arg(id(), looks.join(QLatin1Char(',')))
                     .arg(processed_);
  if (!notDrawnText_.isEmpty()) text += QStringLiteral(" (%1)").arg(notDrawnText_);
  return text;
}

void ConsumerItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  const QRectF b = body();
  p->setPen(QPen(theme().ink(), theme().line()));
  p->setBrush(theme().surface());
  p->drawRoundedRect(b, 12, 12);
  // The instances' circles are sprites drawn at device size (many instances, every frame).
  const QTransform toDevice = p->worldTransform();
  const double radiusPx = kRadius * std::sqrt(std::abs(toDevice.determinant()));
  p->save();
  p->resetTransform();
  for (std::size_t k = 0; k < instances_.size(); ++k) {
    const Instance& in = instances_[k];
    SpriteCache::Mark mark = SpriteCache::Mark::InstanceIdle;
    QColor colour = theme().ink();
    int step = 0;
    switch (in.look) {
      case InstanceLook::Idle:
        break;
      case InstanceLook::Busy:
        mark = SpriteCache::Mark::InstanceBusy;
        colour = in.colour == 0xff ? theme().busy() : Theme::publisherColour(in.colour);
        step = in.progress < 0 ? SpriteCache::kProgressSteps + 1
                               : static_cast<int>(in.progress * SpriteCache::kProgressSteps);
        break;
      case InstanceLook::Crashed:
        mark = SpriteCache::Mark::InstanceCrashed;
        colour = theme().error();
        break;
      case InstanceLook::Rebalancing:
        mark = SpriteCache::Mark::InstanceRebalancing;
        colour = QColor(okabeIto::kOrange);
        break;
      case InstanceLook::Offline:
        mark = SpriteCache::Mark::InstanceOffline;
        colour = theme().muted();
        break;
    }
    drawMark(p, toDevice, mark, colour, radiusPx, step, centreOf(k));
  }
  p->restore();
  for (std::size_t k = 0; k < instances_.size(); ++k) {
    const Instance& in = instances_[k];
    const QPointF c = centreOf(k);
    // Prefetched deliveries waiting at this instance: a small count under its circle.
    if (in.buffered > 0) {
      const QString n = formatCount(in.buffered);
      const QFontMetricsF fm(theme().smallFont());
      const double w = std::max(fm.horizontalAdvance(n) + 8, 16.0);
      const QRectF badge(c.x() + kRadius * 0.4, c.y() + kRadius * 0.4, w, fm.height() + 2);
      p->setPen(Qt::NoPen);
      p->setBrush(theme().ink());
      p->drawRoundedRect(badge, 4, 4);
      paintText(p, badge, n, theme().smallFont(), Qt::white);
    }
    if (!in.partitions.isEmpty()) {
      // The label may reach halfway to a labelled neighbour, up to an unlabelled one (it owns no
      // partition), or to the body's edge: an instance that owns every partition while the others
      // own none has room for all their names.
      const bool first = k % kPerRow == 0;
      const bool last = k + 1 == instances_.size() || (k + 1) % kPerRow == 0;
      const auto reach = [&](std::size_t neighbour) {
        return instances_[neighbour].partitions.isEmpty() ? kPitch : kPitch / 2;
      };
      const double left = first ? b.left() + 6 : c.x() - reach(k - 1);
      const double right = last ? b.right() - 6 : c.x() + reach(k + 1);
      const double half = std::min(c.x() - left, right - c.x());
      paintText(p, QRectF(c.x() - half, c.y() + kRadius + 2, 2 * half, 16), in.partitions,
                theme().smallFont(), theme().muted());
    }
  }
  const QRectF figures(b.left() + 6, b.bottom() - 38, b.width() - 12, 18);
  if (!notDrawnText_.isEmpty())
    paintText(p, figures.translated(0, -kNotDrawnLine), notDrawnText_, theme().labelFont(),
              theme().ink());
  QString done = QStringLiteral("processed %1").arg(formatCount(processed_));
  if (failed_) done += QStringLiteral(" · failed %1").arg(formatCount(failed_));
  if (serviceFactor_ != 1) done += QStringLiteral(" · ×%1 slow").arg(serviceFactor_, 0, 'g', 3);
  paintText(p, figures, done, theme().labelFont(),
            serviceFactor_ != 1 ? QColor(okabeIto::kOrange).darker(140) : theme().ink());
  paintText(p, figures.translated(0, 18), roleText_, theme().smallFont(), theme().muted());
  paintTitle(p);
}

}  // namespace brokerlab::ui
