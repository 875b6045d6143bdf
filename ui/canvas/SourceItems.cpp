#include "canvas/SourceItems.h"

#include "canvas/Animator.h"
#include "canvas/Text.h"
#include "model/Http.h"
#include "sim/Simulator.h"

#include <QPainter>

namespace brokerlab::ui {

QString arrivalsText(const Sampler& interarrival) {
  const double mean = interarrival.meanNs();
  if (mean <= 0) return QStringLiteral("as fast as possible");
  const QString rate = formatRate(1e9 / mean);
  switch (interarrival.kind) {
    case SamplerShape::Exponential:
      return rate + QStringLiteral(" Poisson");
    case SamplerShape::Constant:
      return QStringLiteral("every ") + formatSeconds(static_cast<SimTime>(mean));
    default:
      return rate + QStringLiteral(" on average");
  }
}

ProducerItem::ProducerItem(const Model& model, std::uint32_t producer, const Theme& theme,
                           QColor colour)
    : ComponentItem(
          model.producers[producer].component, ComponentKind::Producer,
          QString::fromStdString(model.components[model.producers[producer].component].id), theme),
      producer_(producer),
      colour_(colour),
      rateText_(arrivalsText(model.producers[producer].interarrival)) {
  setBody(QRectF(-75, -40, 150, 80));
  setToolTip(QStringLiteral("Producer %1: publishes %2 to the broker.").arg(id(), rateText_));
}

void ProducerItem::refresh(const FrameView& frame) {
  const ProducerState& st = frame.sim.producers()[producer_];
  clock_ = frame.animator.clock();
  if (st.sent > sent_) pulseAt_ = clock_;
  changed(sent_, st.sent);
  changed(rateFactor_, st.rateFactor);
  const LinkState* link =
      component() < frame.sim.links().size() ? &frame.sim.links()[component()] : nullptr;
  changed(linkHeld_, link != nullptr && link->heldUntil > frame.now);
  if (pulseAt_ >= 0 && clock_ - pulseAt_ < 0.3) update();
}

Anchor ProducerItem::anchor(const Endpoint&, bool incoming, QPointF) const {
  return incoming ? local({body().left(), 0}, {-1, 0}) : local({body().right(), 0}, {1, 0});
}

QString ProducerItem::summary() const {
  return QStringLiteral("producer %1 sent=%2").arg(id()).arg(sent_);
}

void ProducerItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  const QRectF b = body();
  p->setPen(QPen(theme().ink(), theme().line()));
  p->setBrush(theme().surface());
  p->drawRoundedRect(b, 12, 12);
  // The publisher's colour: every message it sends is drawn in it.
  p->setPen(Qt::NoPen);
  p->setBrush(colour_);
  p->drawRoundedRect(QRectF(b.left() + 6, b.top() + 8, 10, b.height() - 16), 4, 4);
  // An envelope: this component sends messages.
  const QRectF env(b.left() + 26, b.top() + 12, 28, 20);
  p->setPen(QPen(theme().ink(), theme().thinLine()));
  p->setBrush(Qt::NoBrush);
  p->drawRect(env);
  p->drawPolyline(
      QPolygonF({env.topLeft(), QPointF(env.center().x(), env.center().y() + 2), env.topRight()}));
  paintText(p, QRectF(b.left() + 58, b.top() + 8, b.width() - 62, 26), formatCount(sent_),
            theme().labelFont(), theme().ink(), Qt::AlignRight | Qt::AlignVCenter);
  QString rate = rateText_;
  QColor rateColour = theme().muted();
  if (rateFactor_ != 1) {
    rate = QStringLiteral("×%1 spike").arg(rateFactor_, 0, 'g', 3);
    rateColour = QColor(okabeIto::kOrange).darker(130);
  }
  if (linkHeld_) {
    rate = QStringLiteral("link partitioned");
    rateColour = theme().error();
  }
  paintText(p, QRectF(b.left() + 20, b.bottom() - 34, b.width() - 24, 28), rate,
            theme().smallFont(), rateColour);
  if (pulseAt_ >= 0 && clock_ - pulseAt_ < 0.3) {
    const double k = (clock_ - pulseAt_) / 0.3;
    QColor c = colour_;
    c.setAlphaF(0.35 * (1 - k));
    p->setPen(QPen(c, 2 * theme().scale()));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(b.adjusted(-4 - 6 * k, -4 - 6 * k, 4 + 6 * k, 4 + 6 * k), 14, 14);
  }
  paintTitle(p);
}

ClientItem::ClientItem(const Model& model, std::uint32_t client, const Theme& theme, QColor colour)
    : ComponentItem(model.clients[client].component, ComponentKind::Client,
                    QString::fromStdString(model.components[model.clients[client].component].id),
                    theme),
      client_(client),
      colour_(colour) {
  const ClientDef& def = model.clients[client];
  switch (def.notify) {
    case Notify::Poll:
      polls_ = true;
      pollInterval_ = def.pollInterval;
      modeText_ = QStringLiteral("polls every ") + formatSeconds(def.pollInterval);
      break;
    case Notify::Webhook:
      modeText_ = QStringLiteral("told by webhook");
      break;
    case Notify::Sse:
      modeText_ = QStringLiteral("told by SSE");
      break;
    case Notify::Websocket:
      modeText_ = QStringLiteral("told by WebSocket");
      break;
  }
  // Its figures ("waiting 3 · done 24 · ✗ 2") are the widest line on it: lecture mode's larger
  // type gets a wider screen, as wide as the type is larger (the layout makes room).
  const double width = 150 * theme.scale();
  setBody(QRectF(-width / 2, -46, width, 92));
  setToolTip(QStringLiteral("Client %1: submits jobs (POST /jobs, %2) and %3.")
                 .arg(id(), arrivalsText(def.interarrival), modeText_));
}

void ClientItem::refresh(const FrameView& frame) {
  const ClientState& st = frame.sim.clients()[client_];
  if (polls_ && changed(pollInterval_, st.pollInterval))
    modeText_ = QStringLiteral("polls every ") + formatSeconds(pollInterval_);
  const auto count = [&](ClientOutcome o) { return st.outcomes[static_cast<std::size_t>(o)]; };
  changed(waiting_, count(ClientOutcome::Submitting) + count(ClientOutcome::Waiting));
  changed(done_, count(ClientOutcome::Result));
  changed(failed_, count(ClientOutcome::Failed) + count(ClientOutcome::Cancelled) +
                       count(ClientOutcome::Invalid) + count(ClientOutcome::Unavailable) +
                       count(ClientOutcome::ResultExpired) + count(ClientOutcome::TimedOut));
  if (changed(lastHeard_, st.lastHeard)) heardText_ = heardText(lastHeard_);
}

QString heardText(std::uint32_t lastHeard) {
  if (lastHeard == 0) return QStringLiteral("—");
  const HttpDetail d = HttpDetail::unpack(lastHeard);
  const auto text = [](std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
  };
  const QString job = d.job != JobStatus::None ? text(jobStatusName(d.job)) : QString();
  if (d.status == 0) {  // a push or a webhook call: no status of its own
    switch (d.route) {
      case Route::Events:
        return QStringLiteral("SSE: ") + job;
      case Route::Socket:
        return QStringLiteral("WS: ") + job;
      default:
        return QStringLiteral("webhook: ") + job;
    }
  }
  return QString::number(d.status) + QLatin1Char(' ') +
         (job.isEmpty() ? text(httpReason(d.status)) : job);
}

Anchor ClientItem::anchor(const Endpoint&, bool incoming, QPointF) const {
  // Requests leave by the upper half of the right side, answers come back by the lower half.
  const QRectF b = body();
  return incoming ? local({b.right(), b.center().y() - 14 + 24}, {1, 0})
                  : local({b.right(), b.center().y() - 14 - 8}, {1, 0});
}

QString ClientItem::summary() const {
  return QStringLiteral("client %1 waiting=%2 done=%3 failed=%4 heard=%5")
      .arg(id())
      .arg(waiting_)
      .arg(done_)
      .arg(failed_)
      .arg(heardText_);
}

void ClientItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  const QRectF b = body();
  const QRectF screen(b.left(), b.top(), b.width(), b.height() - 16);
  // A screen on a stand: this is a client of an HTTP API.
  p->setPen(QPen(theme().ink(), theme().line()));
  p->setBrush(theme().surface());
  p->drawRoundedRect(screen, 8, 8);
  p->drawLine(QPointF(b.center().x(), screen.bottom()), QPointF(b.center().x(), b.bottom() - 3));
  p->drawLine(QPointF(b.center().x() - 22, b.bottom() - 2),
              QPointF(b.center().x() + 22, b.bottom() - 2));
  p->setPen(Qt::NoPen);
  p->setBrush(colour_);
  p->drawRect(QRectF(screen.left() + 8, screen.top() + 7, 8, 8));
  paintText(p, QRectF(screen.left() + 20, screen.top() + 2, screen.width() - 26, 20), heardText_,
            theme().labelFont(), theme().ink(), Qt::AlignLeft | Qt::AlignVCenter);
  const QString jobs =
      QStringLiteral("waiting %1 · done %2").arg(formatCount(waiting_), formatCount(done_)) +
      (failed_ ? QStringLiteral(" · ✗ %1").arg(formatCount(failed_)) : QString());
  paintText(p, QRectF(screen.left() + 4, screen.top() + 24, screen.width() - 8, 20), jobs,
            theme().smallFont(), failed_ ? theme().error().darker(120) : theme().ink());
  paintText(p, QRectF(screen.left() + 4, screen.top() + 46, screen.width() - 8, 20), modeText_,
            theme().smallFont(), theme().muted());
  paintTitle(p);
}

}  // namespace brokerlab::ui
