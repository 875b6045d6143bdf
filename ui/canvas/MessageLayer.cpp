#include "canvas/MessageLayer.h"

#include "canvas/Animator.h"
#include "canvas/Text.h"
#include "canvas/TopologyScene.h"
#include "model/Http.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
QString fromView(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
double fract(double x) {
  return x - std::floor(x);
}
}  // namespace

QString httpLabel(const Flight& f) {
  const HttpDetail d = HttpDetail::unpack(f.http);
  switch (f.kind) {
    case FlightKind::Request:
      if (d.route == Route::Callback) return QStringLiteral("POST callback");
      return fromView(httpMethodName(d.method)) + QLatin1Char(' ') +
             QString::fromStdString(routePath(d.route, f.id));
    case FlightKind::Response:
      if (d.job != JobStatus::None && d.status == 200)
        return QStringLiteral("200 ") + fromView(jobStatusName(d.job));
      return QString::number(d.status) + QLatin1Char(' ') + fromView(httpReason(d.status));
    case FlightKind::Push:
      return QStringLiteral("push ") + fromView(jobStatusName(d.job));
    case FlightKind::StoreCall:
      return d.method == HttpMethod::Get
                 ? QStringLiteral("read")
                 : QStringLiteral("write ") + fromView(jobStatusName(d.job));
    default:
      return {};
  }
}

MessageLayer::MessageLayer(const TopologyScene& scene, const Theme& theme)
    : scene_(scene), theme_(&theme) {
  setZValue(10);
  setAcceptedMouseButtons(Qt::NoButton);
}

void MessageLayer::setFrame(const Animator* animator, SimTime now) {
  animator_ = animator;
  now_ = now;
  update();
}

QRectF MessageLayer::boundingRect() const {
  return area_;
}

void MessageLayer::layoutChanged(const QRectF& area) {
  prepareGeometryChange();
  area_ = area.adjusted(-200, -200, 200, 200);
  curves_.clear();
}

const LinkCurve& MessageLayer::curveOf(std::size_t link) {
  while (curves_.size() <= link) {
    const LinkFlow& f = animator_->links()[curves_.size()];
    LinkCurve c = scene_.curve(f.from, f.to);
    // Acks and nacks travel back a little to one side of the deliveries they answer.
    if (f.kind == FlightKind::Ack || f.kind == FlightKind::Nack) c = c.shifted(7);
    curves_.push_back(c);
  }
  return curves_[link];
}

void MessageLayer::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  if (!animator_) return;
  p->setRenderHint(QPainter::Antialiasing);
  labels_.clear();
  const auto& links = animator_->links();
  if (curves_.size() > links.size()) curves_.clear();
  for (std::size_t i = 0; i < links.size(); ++i) {
    const LinkFlow& flow = links[i];
    const LinkCurve& curve = curveOf(i);
    if (flow.aggregated) {
      paintFlow(p, curve, flow);
      continue;
    }
    // Only the newest flight on a link carries its label: several overlapping labels read as none.
    for (const Flight& f : flow.flights)
      paintFlight(p, curve, f, animator_->progress(f, now_), &f == &flow.flights.back());
  }
  paintBursts(p);
}

void MessageLayer::paintFlight(QPainter* p, const LinkCurve& curve, const Flight& f, double t,
                               bool label) {
  const QPointF at = curve.at(t);
  const double s = theme_->scale();
  const QColor colour =
      f.colour == 0xff ? Theme::unknownColour() : Theme::publisherColour(f.colour);
  switch (f.kind) {
    case FlightKind::Ack:
    case FlightKind::Nack:
      p->setPen(
          QPen(f.kind == FlightKind::Ack ? QColor(okabeIto::kGreen) : theme_->error(), 2 * s));
      p->setBrush(theme_->surface());
      p->drawEllipse(at, 4 * s, 4 * s);
      return;
    case FlightKind::Request:
    case FlightKind::Response:
    case FlightKind::Push:
    case FlightKind::StoreCall: {
      const bool error = HttpDetail::unpack(f.http).status >= 400;
      // Store reads happen on every poll; the writes (Running, Completed) are the story.
      if (f.kind == FlightKind::StoreCall && HttpDetail::unpack(f.http).method == HttpMethod::Get)
        label = false;
      const QColor fill = error                             ? theme_->error()
                          : f.kind == FlightKind::StoreCall ? theme_->muted()
                                                            : colour;
      if (!label) {
        p->setPen(Qt::NoPen);
        p->setBrush(fill);
        p->drawRect(QRectF(at.x() - 5 * s, at.y() - 4 * s, 10 * s, 8 * s));
        return;
      }
      const QString text = httpLabel(f);
      p->setFont(theme_->smallFont());
      const QFontMetricsF fm(theme_->smallFont());
      const QRectF box(at.x() - fm.horizontalAdvance(text) / 2 - 5, at.y() - fm.height() / 2 - 2,
                       fm.horizontalAdvance(text) + 10, fm.height() + 4);
      if (!claimLabel(box)) {
        paintFlight(p, curve, f, t, false);
        return;
      }
      p->setPen(QPen(fill.darker(130), 1));
      p->setBrush(f.kind == FlightKind::Response || f.kind == FlightKind::Push ? theme_->surface()
                                                                               : fill.lighter(170));
      p->drawRoundedRect(box, 4, 4);
      p->setPen(error ? theme_->error().darker(120) : theme_->ink());
      p->drawText(box, Qt::AlignCenter, text);
      return;
    }
    default:
      break;
  }
  const bool dead = f.kind == FlightKind::DeadLetter;
  p->setPen(f.redelivered ? QPen(theme_->ink(), 2.5 * s) : QPen(colour.darker(140), 1));
  p->setBrush(dead ? theme_->error() : colour);
  p->drawEllipse(at, 6 * s, 6 * s);
}

bool MessageLayer::claimLabel(const QRectF& box) {
  for (const QRectF& taken : labels_)
    if (taken.intersects(box)) return false;
  labels_.push_back(box);
  return true;
}

void MessageLayer::paintFlow(QPainter* p, const LinkCurve& curve, const LinkFlow& flow) {
  // Particles whose number follows the load, moving at the link's on-screen crossing time.
  const double s = theme_->scale();
  const double load = animator_->linkLoad(flow) * flow.visualSeconds;
  const int particles =
      std::clamp(static_cast<int>(std::lround(std::sqrt(std::max(load, 1.0)) * 3)), 6, 28);
  const double phase = animator_->clock() / std::max(flow.visualSeconds, 1e-3);
  p->setPen(Qt::NoPen);
  for (int i = 0; i < particles; ++i) {
    const double t = fract(phase + static_cast<double>(i) / particles);
    const std::uint8_t c =
        flow.recentColours.empty()
            ? 0xff
            : flow.recentColours[static_cast<std::size_t>(i) % flow.recentColours.size()];
    QColor colour = c == 0xff ? Theme::unknownColour() : Theme::publisherColour(c);
    if (flow.kind == FlightKind::Ack) colour = QColor(okabeIto::kGreen);
    if (flow.kind == FlightKind::DeadLetter || flow.kind == FlightKind::Nack)
      colour = theme_->error();
    if (flow.kind == FlightKind::Request || flow.kind == FlightKind::Response)
      colour = theme_->http();
    p->setBrush(colour);
    p->drawEllipse(curve.at(t), 4 * s, 4 * s);
  }
  // The true figures: messages in transit now (simulated) and the rate over the last second.
  QString text = formatRate(flow.ratePerSimSecond);
  if (flow.inTransit() > 0)
    text = QStringLiteral("%1 in transit · %2").arg(formatCount(flow.inTransit()), text);
  const QPointF mid = curve.at(0.5);
  p->setFont(theme_->smallFont());
  const QFontMetricsF fm(theme_->smallFont());
  const QRectF box(mid.x() - fm.horizontalAdvance(text) / 2 - 4, mid.y() - fm.height() - 8,
                   fm.horizontalAdvance(text) + 8, fm.height() + 2);
  p->setPen(Qt::NoPen);
  p->setBrush(QColor(255, 255, 255, 220));
  p->drawRoundedRect(box, 3, 3);
  p->setPen(theme_->ink());
  p->drawText(box, Qt::AlignCenter, text);
}

void MessageLayer::paintBursts(QPainter* p) {
  const double s = theme_->scale();
  for (const Burst& b : animator_->bursts()) {
    const double k = (animator_->clock() - b.animStart) / Animator::kBurstSeconds;
    if (k < 0 || k > 1) continue;
    const Anchor a = scene_.anchorOf(b.at, true);
    QColor c = theme_->error();
    QString word;
    switch (b.kind) {
      case TraceKind::Drop:
        word = QStringLiteral("dropped");
        break;
      case TraceKind::Expire:
        word = QStringLiteral("expired");
        break;
      case TraceKind::Reject:
        word = QStringLiteral("rejected");
        break;
      case TraceKind::Miss:
        word = QStringLiteral("missed");
        break;
      case TraceKind::Lost:
        word = QStringLiteral("lost");
        break;
      case TraceKind::Crash:
        word = QStringLiteral("crash");
        break;
      case TraceKind::Detect:
        word = QStringLiteral("detected");
        c = QColor(okabeIto::kOrange);
        break;
      case TraceKind::Recover:
        word = QStringLiteral("back");
        c = QColor(okabeIto::kGreen);
        break;
      case TraceKind::Fault:
        word = QStringLiteral("fault");
        c = QColor(okabeIto::kOrange);
        break;
      case TraceKind::GiveUp:
        word = QStringLiteral("gave up");
        break;
      default:
        break;
    }
    c.setAlphaF(1 - k);
    p->setPen(QPen(c, 3 * s));
    p->setBrush(Qt::NoBrush);
    const double r = (8 + 22 * k) * s;
    p->drawEllipse(a.pos, r, r);
    p->setFont(theme_->smallFont());
    p->drawText(QRectF(a.pos.x() - 60, a.pos.y() - r - 20 * s, 120, 18 * s), Qt::AlignCenter, word);
  }
}

}  // namespace brokerlab::ui
