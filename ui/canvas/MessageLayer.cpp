#include "canvas/MessageLayer.h"

#include "canvas/Animator.h"
#include "canvas/ComponentItem.h"
#include "canvas/RecordMeaning.h"
#include "canvas/Text.h"
#include "canvas/TopologyScene.h"
#include "model/Http.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
// A burst's ring grows from kRingStart to kRingEnd (scene units at the theme's scale 1).
constexpr double kRingStart = 8;
constexpr double kRingEnd = 30;
constexpr double kRingPen = 3;

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
  crossing_.clear();
}

const LinkCurve& MessageLayer::curveOf(std::size_t link) {
  while (curves_.size() <= link) {
    const LinkFlow& f = animator_->links()[curves_.size()];
    bool clear = true;
    LinkCurve c = scene_.curve(f.from, f.to, &clear);
    // Acks and nacks travel back a little to one side of the deliveries they answer.
    if (f.kind == FlightKind::Ack || f.kind == FlightKind::Nack) c = c.shifted(7);
    curves_.push_back(c);
    crossing_.push_back(!clear);
  }
  return curves_[link];
}

void MessageLayer::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  if (!animator_) return;
  labels_.clear();
  pending_.clear();
  shownLabels_.clear();
  drawn_.clear();
  const auto& links = animator_->links();
  if (curves_.size() > links.size()) {
    curves_.clear();
    crossing_.clear();
  }
  const QTransform toDevice = p->worldTransform();
  markScale_ = std::sqrt(std::abs(toDevice.determinant()));
  p->save();
  p->resetTransform();
  for (std::size_t i = 0; i < links.size(); ++i) {
    const LinkFlow& flow = links[i];
    const LinkCurve& curve = curveOf(i);
    if (flow.aggregated) {
      paintParticles(p, toDevice, curve, flow);
      continue;
    }
    for (const Flight& f : flow.flights) {
      const double progress = animator_->progress(f, now_);
      const QPointF dot = curve.at(progress);
      if (behindAComponent(i, dot)) continue;
      // Only the newest flight on a link carries its label: several overlapping read as none.
      const QString text = &f == &flow.flights.back() ? httpLabel(f) : QString();
      if (!text.isEmpty()) {
        const QSizeF size = labelSize(text);  // once: the search below tries a few dozen places
        const std::optional<QPointF> at = labelAt(flow, curve, progress, size);
        const QPointF where = at.value_or(dot);
        pending_.push_back({i, &f, text, dot, where, labelBox(size, where), at.has_value(), false});
      } else {
        paintMark(p, toDevice, f, dot);
      }
    }
  }
  // Which labels fit is settled before any is drawn: a label that does not fit is drawn as the
  // mark it stands for, with the other marks, so that no mark lands on a label drawn before it.
  // A label held clear of an end leaves its flight's dot to be drawn as a mark too.
  for (Pending& label : pending_) {
    label.shown = labelFits(label);
    if (!label.shown || label.at != label.dot) paintMark(p, toDevice, *label.flight, label.dot);
  }
  p->restore();
  p->setRenderHint(QPainter::Antialiasing);
  for (const Pending& label : pending_) {
    if (!label.shown) continue;
    paintLabel(p, toDevice, label);
    shownLabels_.push_back({label.link, label.flight->id, label.flight->kind, label.box});
  }
  for (std::size_t i = 0; i < links.size(); ++i)
    if (links[i].aggregated) paintFlowFigures(p, curveOf(i), links[i]);
  paintBursts(p);
}

const Flight* MessageLayer::flightNear(QPointF scenePos, double radius) {
  if (!animator_) return nullptr;
  const auto& links = animator_->links();
  // A label is what a reader sees of its flight, and points at: a click on it is a click on the
  // flight, wherever the dot is.
  for (const ShownLabel& label : shownLabels_) {
    if (label.link >= links.size() || !label.box.contains(scenePos)) continue;
    const auto& flights = links[label.link].flights;
    const auto f = std::find_if(flights.rbegin(), flights.rend(), [&](const Flight& g) {
      return g.id == label.id && g.kind == label.kind;
    });
    if (f != flights.rend()) return &*f;
  }
  const Flight* best = nullptr;
  double bestDistance = radius;
  for (std::size_t i = 0; i < links.size(); ++i) {
    if (links[i].aggregated) continue;
    const LinkCurve& curve = curveOf(i);
    for (const Flight& f : links[i].flights) {
      const QPointF at = curve.at(animator_->progress(f, now_));
      if (behindAComponent(i, at)) continue;  // not drawn: a click there is the component's
      const double d = QLineF(at, scenePos).length();
      if (d <= bestDistance) {
        bestDistance = d;
        best = &f;
      }
    }
  }
  return best;
}

QColor MessageLayer::flightColour(const Flight& f) const {
  return f.colour == 0xff ? Theme::unknownColour() : Theme::publisherColour(f.colour);
}

void MessageLayer::paintMark(QPainter* p, const QTransform& toDevice, const Flight& f, QPointF at) {
  const double s = theme_->scale() * markScale_;
  SpriteCache::Mark mark = SpriteCache::Mark::Dot;
  QColor colour = flightColour(f);
  double radius = 6 * s;
  switch (f.kind) {
    case FlightKind::Ack:
      mark = SpriteCache::Mark::Ack;
      colour = QColor(okabeIto::kGreen);
      radius = 4 * s;
      break;
    case FlightKind::Nack:
      mark = SpriteCache::Mark::Nack;
      colour = theme_->error();
      radius = 4 * s;
      break;
    case FlightKind::Request:
    case FlightKind::Response:
    case FlightKind::Push:
    case FlightKind::StoreCall:
      mark = SpriteCache::Mark::Box;
      if (f.kind == FlightKind::StoreCall) colour = theme_->muted();
      if (HttpDetail::unpack(f.http).status >= 400) colour = theme_->error();
      radius = 5 * s;
      break;
    case FlightKind::DeadLetter:
      colour = theme_->error();
      break;
    default:
      if (f.redelivered) mark = SpriteCache::Mark::RingedDot;
      break;
  }
  drawMark(p, toDevice, mark, colour, radius, 0, at);
  const QPointF centre = toDevice.map(at);
  drawn_.push_back(
      {Drawn::Mark, QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)});
}

QSizeF MessageLayer::labelSize(const QString& text) const {
  const QFontMetricsF fm(theme_->smallFont());
  return {fm.horizontalAdvance(text) + 10, fm.height() + 4};
}

QRectF MessageLayer::labelBox(QSizeF size, QPointF at) {
  return {at - QPointF(size.width(), size.height()) / 2, size};
}

std::optional<QPointF> MessageLayer::labelAt(const LinkFlow& flow, const LinkCurve& curve,
                                             double progress, QSizeF size) const {
  const auto clearOf = [&](const ComponentItem* item, double t) {
    return !item || !labelBox(size, curve.at(t)).intersects(item->sceneBoundingRect());
  };
  // The progress where the label crosses `item`'s edge, between `inside` and `outside` (the
  // curve leaves an end's box once and does not come back).
  const auto edge = [&](const ComponentItem* item, double inside, double outside) {
    for (int i = 0; i < 16; ++i) {
      const double mid = (inside + outside) / 2;
      if (clearOf(item, mid)) {
        outside = mid;
      } else {
        inside = mid;
      }
    }
    return outside;
  };
  const ComponentItem* from = scene_.componentItem(flow.from.component);
  const ComponentItem* to = scene_.componentItem(flow.to.component);
  double t = progress;
  if (!clearOf(from, t)) {
    if (!clearOf(from, 1)) return std::nullopt;
    t = edge(from, t, 1);
  }
  if (!clearOf(to, t)) {
    if (!clearOf(to, 0)) return std::nullopt;
    t = edge(to, t, 0);
  }
  const QPointF at = curve.at(t);
  // A far client's link passes nearer clients (poll-storm): over one of them the label gives way.
  if (coversAComponent(labelBox(size, at))) return std::nullopt;
  return at;
}

bool MessageLayer::behindAComponent(std::size_t link, QPointF at) const {
  if (!crossing_[link]) return false;
  const LinkFlow& flow = animator_->links()[link];
  const double margin = 4 * theme_->scale();  // about a dot's radius: no dot half over a box
  for (const ComponentItem* item : scene_.componentItems()) {
    if (item->component() == flow.from.component || item->component() == flow.to.component)
      continue;
    if (item->sceneBoundingRect().adjusted(-margin, -margin, margin, margin).contains(at))
      return true;
  }
  return false;
}

bool MessageLayer::coversAComponent(const QRectF& box) const {
  return std::any_of(
      scene_.componentItems().begin(), scene_.componentItems().end(),
      [&](const ComponentItem* item) { return item->sceneBoundingRect().intersects(box); });
}

bool MessageLayer::labelFits(const Pending& label) {
  // Store reads happen on every poll; the writes (Running, Completed) are the story.
  const Flight& f = *label.flight;
  const bool quiet =
      f.kind == FlightKind::StoreCall && HttpDetail::unpack(f.http).method == HttpMethod::Get;
  return !quiet && label.clear && claimLabel(label.box);
}

void MessageLayer::paintLabel(QPainter* p, const QTransform& toDevice, const Pending& label) {
  const Flight& f = *label.flight;
  const HttpDetail d = HttpDetail::unpack(f.http);
  const QRectF& box = label.box;
  const bool error = d.status >= 400;
  const QColor fill = error                             ? theme_->error()
                      : f.kind == FlightKind::StoreCall ? theme_->muted()
                                                        : flightColour(f);
  p->setPen(QPen(fill.darker(130), 1));
  p->setBrush(f.kind == FlightKind::Response || f.kind == FlightKind::Push ? theme_->surface()
                                                                           : fill.lighter(170));
  p->drawRoundedRect(box, 4, 4);
  p->setFont(theme_->smallFont());
  p->setPen(error ? theme_->error().darker(120) : theme_->ink());
  p->drawText(box, Qt::AlignCenter, label.text);
  drawn_.push_back({Drawn::Label, toDevice.mapRect(box)});
}

bool MessageLayer::claimLabel(const QRectF& box) {
  for (const QRectF& taken : labels_)
    if (taken.intersects(box)) return false;
  labels_.push_back(box);
  return true;
}

void MessageLayer::paintParticles(QPainter* p, const QTransform& toDevice, const LinkCurve& curve,
                                  const LinkFlow& flow) {
  // Particles whose number follows the load, moving at the link's on-screen crossing time.
  const double load = animator_->linkLoad(flow) * flow.visualSeconds;
  const int particles =
      std::clamp(static_cast<int>(std::lround(std::sqrt(std::max(load, 1.0)) * 3)), 6, 28);
  const double phase = animator_->clock() / std::max(flow.visualSeconds, 1e-3);
  const double radius = 4 * theme_->scale() * markScale_;
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
    drawMark(p, toDevice, SpriteCache::Mark::Particle, colour, radius, 0, curve.at(t));
  }
}

void MessageLayer::paintFlowFigures(QPainter* p, const LinkCurve& curve, const LinkFlow& flow) {
  // The true figures: messages in transit now (simulated) and the rate over the last second.
  QString text = formatRate(flow.ratePerSimSecond);
  if (flow.inTransit() > 0)
    text = QStringLiteral("%1 in transit · %2").arg(formatCount(flow.inTransit()), text);
  const QPointF mid = curve.at(0.5);
  const QFontMetricsF fm(theme_->smallFont());
  const QRectF box(mid.x() - fm.horizontalAdvance(text) / 2 - 4, mid.y() - fm.height() - 8,
                   fm.horizontalAdvance(text) + 8, fm.height() + 2);
  if (!claimLabel(box)) return;
  p->setPen(Qt::NoPen);
  p->setBrush(QColor(255, 255, 255, 220));
  p->drawRoundedRect(box, 3, 3);
  p->setFont(theme_->smallFont());
  p->setPen(theme_->ink());
  p->drawText(box, Qt::AlignCenter, text);
}

void MessageLayer::paintBursts(QPainter* p) {
  const double s = theme_->scale();
  std::vector<std::uint64_t> worded;  // one word per place: the newest burst's
  const auto& bursts = animator_->bursts();
  for (auto it = bursts.rbegin(); it != bursts.rend(); ++it) {
    const Burst& b = *it;
    const double k = (animator_->clock() - b.animStart) / Animator::kBurstSeconds;
    if (k < 0 || k > 1) continue;
    const Anchor a = scene_.anchorOf(b.at, true);
    QColor c = theme_->error();
    const QString word = burstWord(b);
    switch (b.kind) {
      case TraceKind::Close:
      case TraceKind::Detect:
      case TraceKind::Fault:
        c = QColor(okabeIto::kOrange);
        break;
      case TraceKind::Recover:
        c = QColor(okabeIto::kGreen);
        break;
      default:
        break;
    }
    c.setAlphaF(1 - k);
    p->setPen(QPen(c, kRingPen * s));
    p->setBrush(Qt::NoBrush);
    const double r = (kRingStart + (kRingEnd - kRingStart) * k) * s;
    p->drawEllipse(a.pos, r, r);
    const double outer = r + kRingPen * s / 2;
    drawn_.push_back(
        {Drawn::Ring, p->worldTransform().mapRect(
                          QRectF(a.pos - QPointF(outer, outer), QSizeF(2 * outer, 2 * outer)))});
    if (std::find(worded.begin(), worded.end(), b.at.key()) != worded.end()) continue;
    // A miss happens at a subscription's lane inside its topic, among the lanes and their labels,
    // and the lane's own label counts it ("# · missed 50"): there the ring says it, no word.
    if (b.kind == TraceKind::Miss) continue;
    worded.push_back(b.at.key());
    p->setFont(theme_->smallFont());
    const QRectF box = wordBox(word, a.pos);
    p->drawText(box, Qt::AlignCenter, word);
    drawn_.push_back({Drawn::Word, p->worldTransform().mapRect(box)});
  }
}

QRectF MessageLayer::wordBox(const QString& word, QPointF at) const {
  const double s = theme_->scale();
  const QFontMetricsF fm(theme_->smallFont());
  const double wide = fm.horizontalAdvance(word) + 4 * s;
  // Over the largest ring, not the newest: where bursts come one after another (a full queue
  // shedding 10 a second) the word sat on the older, wider rings and moved with every new one.
  const double ringRadius = (kRingEnd + kRingPen / 2) * s;
  QRectF box(at.x() - wide / 2, at.y() - ringRadius - 20 * s, wide, 18 * s);
  // Centred over the ring, the word can run into the title of the queue it happened at (in
  // lecture type "overflow → DLQ" covered "latest-wins"): then it moves beside the title.
  for (const ComponentItem* item : scene_.componentItems()) {
    const QRectF title = item->titleRect();
    if (!title.intersects(box)) continue;
    if (title.left() > box.left()) {
      box.moveRight(title.left() - 4 * s);
    } else {
      box.moveLeft(title.right() + 4 * s);
    }
  }
  return box;
}

}  // namespace brokerlab::ui
