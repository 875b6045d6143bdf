#include "canvas/RequestReplyItems.h"

#include "canvas/Text.h"
#include "metrics/Report.h"
#include "sim/Simulator.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
QString text(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
QColor jobColour(JobStatus s) {
  switch (s) {
    case JobStatus::Pending:
      return QColor(okabeIto::kSky);
    case JobStatus::Running:
      return QColor(okabeIto::kBlue);
    case JobStatus::Completed:
      return QColor(okabeIto::kGreen);
    case JobStatus::Failed:
      return QColor(okabeIto::kVermillion);
    default:
      return QColor(0xa0, 0xa0, 0xa0);
  }
}
}  // namespace

Anchor facing(const QGraphicsItem& item, const QRectF& box, QPointF towards) {
  const QPointF d = item.mapFromScene(towards) - box.center();
  if (std::abs(d.x()) * box.height() >= std::abs(d.y()) * box.width()) {
    const double x = d.x() >= 0 ? box.right() : box.left();
    const double y = std::clamp(box.center().y() + d.y() * 0.25, box.top() + 10, box.bottom() - 10);
    return {item.mapToScene(QPointF(x, y)), {d.x() >= 0 ? 1.0 : -1.0, 0}};
  }
  const double y = d.y() >= 0 ? box.bottom() : box.top();
  const double x = std::clamp(box.center().x() + d.x() * 0.25, box.left() + 10, box.right() - 10);
  return {item.mapToScene(QPointF(x, y)), {0, d.y() >= 0 ? 1.0 : -1.0}};
}

ApiItem::ApiItem(const Model& model, std::uint32_t api, const Theme& theme)
    : ComponentItem(model.apis[api].component, ComponentKind::Api,
                    QString::fromStdString(model.components[model.apis[api].component].id), theme),
      api_(api),
      slots_(model.apis[api].concurrency) {
  // What SSE and WebSocket cost the API is the connections it holds open: a line says how many,
  // on an API that has clients told so (below its slots, one line more for a second row of them).
  for (const ClientDef& c : model.clients)
    showsHeld_ |= c.api == api && (c.notify == Notify::Sse || c.notify == Notify::Websocket);
  const bool twoRows = std::min(slots_, kLampsDrawn) > 8;
  const double height = 124 + (showsHeld_ && twoRows ? 20 : 0);
  setBody(QRectF(-90, -height / 2, 180, height));
  setToolTip(QStringLiteral("API %1: answers POST /jobs at once with 202 Accepted and a Location, "
                            "publishes the job to its queue, and serves GET /jobs/{id} from the "
                            "status store. %2 handler slot(s); requests wait for a free one.")
                 .arg(id())
                 .arg(slots_));
}

void ApiItem::refresh(const FrameView& frame) {
  const ApiState& st = frame.sim.apis()[api_];
  changed(busy_, st.busySlots);
  changed(waiting_, st.waiting.size());
  changed(requests_, st.requests);
  changed(accepted_, st.accepted);
  changed(held_, st.held.value);
}

Anchor ApiItem::anchor(const Endpoint&, bool incoming, QPointF towards) const {
  Anchor a = facing(*this, body(), towards);
  // Requests and answers share the client side: requests in above the middle, answers out below.
  if (a.dir.x() < 0) a.pos += QPointF(0, incoming ? -8 : 10);
  return a;
}

QString ApiItem::summary() const {
  return QStringLiteral("api %1 busy=%2/%3 waiting=%4 held=%5")
      .arg(id())
      .arg(busy_)
      .arg(slots_)
      .arg(waiting_)
      .arg(held_);
}

void ApiItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  const QRectF b = body();
  p->setPen(QPen(theme().ink(), theme().line()));
  p->setBrush(theme().surface());
  p->drawRoundedRect(b, 10, 10);
  paintText(p, QRectF(b.left(), b.top() + 4, b.width(), 20), QStringLiteral("HTTP API"),
            theme().smallFont(), theme().muted());
  // Handler slots: lit while a request holds one.
  const std::uint32_t lamps = std::min(slots_, kLampsDrawn);
  const std::uint32_t perRow = std::min<std::uint32_t>(lamps, 8);
  const double pitch = 19;
  for (std::uint32_t i = 0; i < lamps; ++i) {
    const double x = b.center().x() - (perRow - 1) * pitch / 2 + (i % perRow) * pitch;
    const double y = b.top() + 36 + (i / perRow) * 20;
    const bool lit = slots_ <= kLampsDrawn ? i < busy_ : i < (busy_ * lamps + slots_ - 1) / slots_;
    p->setPen(QPen(theme().ink(), 1.2));
    p->setBrush(lit ? QColor(okabeIto::kOrange) : theme().surface());
    p->drawEllipse(QPointF(x, y), 7, 7);
  }
  const double lineTop = b.top() + 36 + ((lamps + perRow - 1) / perRow) * 20;
  paintText(p, QRectF(b.left(), lineTop - 8, b.width(), 20),
            QStringLiteral("busy %1/%2").arg(busy_).arg(slots_), theme().labelFont(),
            theme().ink());
  if (showsHeld_)
    paintText(p, QRectF(b.left() + 8, lineTop + 12, b.width() - 16, 20),
              held_ == 1 ? QStringLiteral("1 connection open")
                         : QStringLiteral("%1 connections open").arg(formatCount(held_)),
              theme().smallFont(), held_ ? theme().ink() : theme().muted());
  // The line of requests waiting for a slot.
  const std::uint32_t shown = std::min<std::uint32_t>(waiting_, 10);
  p->setPen(Qt::NoPen);
  p->setBrush(theme().http());
  for (std::uint32_t i = 0; i < shown; ++i)
    p->drawRect(QRectF(b.left() + 12 + i * 10, b.bottom() - 26, 7, 12));
  paintText(p, QRectF(b.left() + 8, b.bottom() - 30, b.width() - 14, 20),
            waiting_ ? QStringLiteral("waiting %1").arg(formatCount(waiting_))
                     : QStringLiteral("none waiting"),
            theme().smallFont(), waiting_ ? theme().ink() : theme().muted(),
            Qt::AlignRight | Qt::AlignVCenter);
  paintTitle(p);
}

StoreItem::StoreItem(const Model& model, std::uint32_t store, const Theme& theme)
    : ComponentItem(model.stores[store].component, ComponentKind::Store,
                    QString::fromStdString(model.components[model.stores[store].component].id),
                    theme),
      store_(store) {
  // As a client's screen: lecture mode's larger type gets a wider store ("Completed 1,163").
  const double width = 150 * theme.scale();
  setBody(QRectF(-width / 2, -66, width, 132));
  setToolTip(QStringLiteral("Status store %1: the job states the API reads for every poll and the "
                            "workers write (Pending, Running, Completed, Failed), and the results.")
                 .arg(id()));
}

void StoreItem::refresh(const FrameView& frame) {
  const Simulator& sim = frame.sim;
  changed(jobs_, storeJobs(sim, store_));
  changed(reads_, sim.stores()[store_].reads);
  changed(writes_, sim.stores()[store_].writes);
}

Anchor StoreItem::anchor(const Endpoint&, bool, QPointF towards) const {
  return facing(*this, body(), towards);
}

QString StoreItem::summary() const {
  QStringList parts;
  for (int s = 1; s < kJobStatusCount; ++s)
    parts << QStringLiteral("%1=%2")
                 .arg(text(jobStatusName(static_cast<JobStatus>(s))))
                 .arg(jobs_[s]);
  return QStringLiteral("store %1 %2").arg(id(), parts.join(QLatin1Char(' ')));
}

void StoreItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  const QRectF b = body();
  const double lid = 14;
  // A cylinder: a database.
  QPainterPath side;
  side.moveTo(b.left(), b.top() + lid);
  side.lineTo(b.left(), b.bottom() - lid);
  side.arcTo(QRectF(b.left(), b.bottom() - 2 * lid, b.width(), 2 * lid), 180, 180);
  side.lineTo(b.right(), b.top() + lid);
  p->setPen(QPen(theme().ink(), theme().line()));
  p->setBrush(theme().surface());
  p->drawPath(side);
  p->drawEllipse(QRectF(b.left(), b.top(), b.width(), 2 * lid));
  const JobStatus shown[] = {JobStatus::Pending, JobStatus::Running,   JobStatus::Completed,
                             JobStatus::Failed,  JobStatus::Cancelled, JobStatus::Expired};
  double y = b.top() + 2 * lid + 4;
  for (JobStatus s : shown) {
    const std::uint64_t n = jobs_[static_cast<std::size_t>(s)];
    if (n == 0 && (s == JobStatus::Cancelled || s == JobStatus::Expired)) continue;
    p->setPen(Qt::NoPen);
    p->setBrush(jobColour(s));
    p->drawRect(QRectF(b.left() + 12, y + 4, 10, 10));
    paintText(p, QRectF(b.left() + 28, y, b.width() - 40, 18),
              QStringLiteral("%1 %2").arg(text(jobStatusName(s)), formatCount(n)),
              theme().smallFont(), theme().ink(), Qt::AlignLeft | Qt::AlignVCenter);
    y += 18;
  }
  paintTitle(p);
}

}  // namespace brokerlab::ui
