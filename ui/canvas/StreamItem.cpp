#include "canvas/StreamItem.h"

#include "canvas/Text.h"
#include "sim/Simulator.h"

#include <QPainter>

#include <algorithm>

namespace brokerlab::ui {

namespace {
constexpr double kBarWidth = 250;
constexpr double kBarHeight = 18;
constexpr double kBarGap = 30;
constexpr double kLabelWidth = 30;
constexpr double kLegendLine = 18;
// A young log is drawn at this many offsets across the bar, so its first records are ticks with
// room between them; an older one is compressed to fit.
constexpr std::uint64_t kMinOffsetsAcross = 40;
}  // namespace

StreamItem::StreamItem(const Model& model, std::uint32_t stream, const Theme& theme)
    : ComponentItem(model.streams[stream].component, ComponentKind::Stream,
                    QString::fromStdString(model.components[model.streams[stream].component].id),
                    theme),
      stream_(stream) {
  const StreamDef& def = model.streams[stream];
  groupIndex_ = def.groups;
  for (std::uint32_t g : def.groups)
    groups_.push_back({QString::fromStdString(model.groups[g].name)});
  parts_.resize(def.partitions);
  const std::size_t drawn = std::min<std::size_t>(def.partitions, kPartitionsDrawn);
  const double height = drawn * kBarGap + groups_.size() * kLegendLine + 8;
  const double width = kLabelWidth + kBarWidth;
  setBody(QRectF(-width / 2, -height / 2, width, height));
  setToolTip(QStringLiteral("Stream %1: a partitioned log. Records stay after they are read "
                            "(non-destructive); each consumer group keeps its own offsets, so "
                            "groups read at their own pace and can replay. Retention %2.")
                 .arg(id(), formatSeconds(def.retention)));
}

QRectF StreamItem::bar(std::size_t p) const {
  const QRectF b = body();
  return QRectF(b.left() + kLabelWidth, b.top() + p * kBarGap + (kBarGap - kBarHeight) / 2,
                kBarWidth, kBarHeight);
}

void StreamItem::refresh(const FrameView& frame) {
  const StreamState& st = frame.sim.streams()[stream_];
  changed(deleted_, st.deletedByRetention);
  std::vector<Partition> parts(st.partitions.size());
  for (std::size_t p = 0; p < parts.size(); ++p) {
    parts[p].start = st.partitions[p].startOffset();
    parts[p].end = st.partitions[p].endOffset();
    for (std::uint32_t g : groupIndex_) {
      const GroupState& gs = frame.sim.groups()[g];
      parts[p].committed.push_back(p < gs.partitions.size() ? gs.partitions[p].committed
                                                            : kNoOffset);
    }
  }
  changed(parts_, parts);
  std::vector<Group> groups = groups_;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const GroupState& gs = frame.sim.groups()[groupIndex_[i]];
    groups[i].lag = gs.lag.value;
    groups[i].rebalancing = gs.rebalancing;
  }
  changed(groups_, groups);
}

Anchor StreamItem::anchor(const Endpoint& end, bool incoming, QPointF towards) const {
  if (end.lane == 0) return ComponentItem::anchor(end, incoming, towards);
  const std::size_t p = std::min<std::size_t>(end.lane - 1, kPartitionsDrawn - 1);
  const QRectF b = bar(std::min(p, parts_.size() - 1));
  return incoming ? local({b.left(), b.center().y()}, {-1, 0})
                  : local({b.right(), b.center().y()}, {1, 0});
}

QString StreamItem::summary() const {
  QStringList ends;
  for (const Partition& p : parts_) ends << QStringLiteral("%1-%2").arg(p.start).arg(p.end);
  return QStringLiteral("stream %1 partitions=%2").arg(id(), ends.join(QLatin1Char(',')));
}

void StreamItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  const std::size_t drawn = std::min(parts_.size(), kPartitionsDrawn);
  p->setPen(QPen(theme().ink(), theme().line()));
  p->setBrush(Qt::NoBrush);
  p->drawRoundedRect(body().adjusted(-4, -4, 4, 4), 10, 10);
  for (std::size_t i = 0; i < drawn; ++i) {
    const Partition& part = parts_[i];
    const QRectF b = bar(i);
    paintText(p, QRectF(body().left(), b.top(), kLabelWidth - 4, b.height()),
              QStringLiteral("P%1").arg(i), theme().smallFont(), theme().muted(),
              Qt::AlignRight | Qt::AlignVCenter);
    p->setPen(QPen(theme().ink(), theme().thinLine()));
    p->setBrush(theme().surface());
    p->drawRect(b);
    // Offsets [first, first + span) across the bar: the retained log, newest at the right.
    const std::uint64_t span = std::max(part.end - part.start, kMinOffsetsAcross);
    const std::uint64_t first = part.end > span ? part.end - span : 0;
    const double perOffset = b.width() / static_cast<double>(span);
    const auto xOf = [&](std::uint64_t offset) {
      return b.left() + (static_cast<double>(offset) - static_cast<double>(first)) * perOffset;
    };
    const QRectF records(xOf(part.start), b.top() + 3, xOf(part.end) - xOf(part.start),
                         b.height() - 6);
    if (perOffset >= 3) {
      p->setPen(QPen(theme().busy(), std::min(perOffset - 1.0, 4.0)));
      for (std::uint64_t o = part.start; o < part.end; ++o)
        p->drawLine(QPointF(xOf(o) + perOffset / 2, records.top()),
                    QPointF(xOf(o) + perOffset / 2, records.bottom()));
    } else {
      p->setPen(Qt::NoPen);
      p->setBrush(theme().busy());
      p->drawRect(records);
    }
    for (std::size_t g = 0; g < part.committed.size(); ++g) {
      const std::uint64_t c = part.committed[g];
      if (c == kNoOffset) continue;
      const double x = std::clamp(xOf(c), b.left(), b.right());
      QPolygonF tri({QPointF(x, b.bottom() - 2), QPointF(x - 6, b.bottom() + 8),
                     QPointF(x + 6, b.bottom() + 8)});
      p->setPen(QPen(theme().ink(), 1));
      p->setBrush(Theme::publisherColour(static_cast<std::uint32_t>(g) + 3));
      p->drawPolygon(tri);
    }
  }
  const double legendTop = body().top() + drawn * kBarGap + 4;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const QRectF line(body().left() + 6, legendTop + g * kLegendLine, body().width() - 6,
                      kLegendLine);
    p->setPen(QPen(theme().ink(), 1));
    p->setBrush(Theme::publisherColour(static_cast<std::uint32_t>(g) + 3));
    p->drawPolygon(QPolygonF({QPointF(line.left() + 6, line.top() + 3),
                              QPointF(line.left(), line.bottom() - 3),
                              QPointF(line.left() + 12, line.bottom() - 3)}));
    QString text = QStringLiteral("%1 lag %2").arg(groups_[g].name, formatCount(groups_[g].lag));
    if (groups_[g].rebalancing) text += QStringLiteral(" · rebalancing");
    paintText(p, line.adjusted(18, 0, 0, 0), text, theme().smallFont(),
              groups_[g].rebalancing ? QColor(okabeIto::kOrange).darker(140) : theme().ink(),
              Qt::AlignLeft | Qt::AlignVCenter);
  }
  if (parts_.size() > drawn) {
    paintText(p, QRectF(body().left(), body().bottom() - 16, body().width(), 16),
              QStringLiteral("+%1 partitions").arg(parts_.size() - drawn), theme().smallFont(),
              theme().muted());
  }
  paintTitle(p);
}

}  // namespace brokerlab::ui
