#include "timeline/TimeScrubber.h"

#include "canvas/Text.h"
#include "canvas/Theme.h"
#include "timeline/TimeTicks.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
QColor markColour(TimeScrubber::Mark::Kind kind) {
  switch (kind) {
    case TimeScrubber::Mark::Kind::Fault:
      return QColor(okabeIto::kOrange);
    case TimeScrubber::Mark::Kind::LiveFault:
      return QColor(okabeIto::kVermillion);
    case TimeScrubber::Mark::Kind::Action:
    case TimeScrubber::Mark::Kind::LiveAction:
      return QColor(okabeIto::kPurple);
    case TimeScrubber::Mark::Kind::Annotation:
      return QColor(okabeIto::kBlue);
  }
  return Qt::black;
}
}  // namespace

TimeScrubber::TimeScrubber(QWidget* parent) : QWidget(parent) {
  setScale(1.0);
  setMouseTracking(true);
  setCursor(Qt::PointingHandCursor);
  landing_.setSingleShot(true);
  landing_.setInterval(0);
  connect(&landing_, &QTimer::timeout, this, [this] { land(pending_); });
}

void TimeScrubber::setScale(double scale) {
  scale_ = scale;
  setMinimumHeight(static_cast<int>(std::ceil(56 * scale)));
  updateGeometry();
  update();
}

QSize TimeScrubber::sizeHint() const {
  return {800, static_cast<int>(std::ceil(64 * scale_))};
}

QRectF TimeScrubber::track() const {
  const double s = scale_;
  return QRectF(16 * s, 22 * s, width() - 32 * s, 14 * s);
}

double TimeScrubber::xOf(SimTime t) const {
  const QRectF r = track();
  if (!hasRun() || duration() <= 0) return r.left();
  return r.left() + r.width() * static_cast<double>(t) / static_cast<double>(duration());
}

SimTime TimeScrubber::timeAt(double x) const {
  if (!hasRun()) return 0;
  const QRectF r = track();
  const double f = std::clamp((x - r.left()) / r.width(), 0.0, 1.0);
  return static_cast<SimTime>(std::llround(f * static_cast<double>(duration())));
}

void TimeScrubber::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(rect(), QColor(0xee, 0xf1, 0xf4));
  if (!hasRun()) return;
  const QRectF r = track();
  const SimTime length = duration();
  // Time ticks: at most eight, on steps a clock reads at a glance.
  const SimTime step = tickStep(length, 8);
  const double s = scale_;
  QFont labels(font().family());
  labels.setPointSizeF(9 * s);
  p.setFont(labels);
  p.setPen(QColor(0x5c, 0x63, 0x6e));
  for (SimTime at = 0; at <= length; at += step) {
    const double x = xOf(at);
    p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4 * s));
    // Labels stay inside the bar: the first starts at its tick, the last ends at it.
    QRectF label(x - 40 * s, r.bottom() + 4 * s, 80 * s, 14 * s);
    int align = Qt::AlignCenter;
    if (label.left() < 0) {
      label.moveLeft(x - 2 * s);
      align = Qt::AlignLeft | Qt::AlignVCenter;
    } else if (label.right() > width()) {
      label.moveRight(x + 2 * s);
      align = Qt::AlignRight | Qt::AlignVCenter;
    }
    p.drawText(label, align, tickLabel(at, step, length));
  }
  // The track, the explored part, the marks, the present.
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(0xd8, 0xdd, 0xe3));
  p.drawRoundedRect(r, 4, 4);
  p.setBrush(QColor(0x9c, 0xc7, 0xe4));
  p.drawRoundedRect(QRectF(r.left(), r.top(), xOf(explored()) - r.left(), r.height()), 4, 4);
  for (const Mark& m : marks()) {
    const QColor c = markColour(m.kind);
    const double x0 = xOf(m.at);
    const double x1 = std::max(xOf(m.until), x0 + 2 * s);
    p.setPen(Qt::NoPen);
    QColor band = c;
    band.setAlpha(90);
    p.setBrush(band);
    p.drawRect(QRectF(x0, r.top(), x1 - x0, r.height()));
    p.setBrush(c);
    if (m.kind == Mark::Kind::Annotation) {  // a caption: a dot on a stem, above the faults
      p.setPen(QPen(c, 1.5 * s));
      p.drawLine(QPointF(x0, r.top()), QPointF(x0, r.top() - 14 * s));
      p.setPen(Qt::NoPen);
      p.drawEllipse(QPointF(x0, r.top() - 16 * s), 4.5 * s, 4.5 * s);
      continue;
    }
    const bool live = m.kind == Mark::Kind::LiveFault || m.kind == Mark::Kind::LiveAction;
    const double tip = (live ? 14 : 10) * s;
    p.drawPolygon(QPolygonF({QPointF(x0, r.top() - 1), QPointF(x0 - 6 * s, r.top() - tip),
                             QPointF(x0 + 6 * s, r.top() - tip)}));
  }
  const double now = xOf(present());
  p.setPen(QPen(QColor(0x1f, 0x23, 0x28), 2 * s));
  p.drawLine(QPointF(now, 4 * s), QPointF(now, r.bottom() + 2 * s));
  p.setBrush(Qt::white);
  p.drawEllipse(QPointF(now, r.center().y()), 7 * s, 7 * s);
}

void TimeScrubber::requestLanding(double x) {
  pending_ = timeAt(x);
  if (!landing_.isActive()) landing_.start();
}

void TimeScrubber::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !hasRun()) return;
  dragging_ = true;
  beginLanding();
  requestLanding(event->position().x());
}

void TimeScrubber::mouseMoveEvent(QMouseEvent* event) {
  if (dragging_) requestLanding(event->position().x());
}

void TimeScrubber::mouseReleaseEvent(QMouseEvent* event) {
  if (!dragging_) return;
  dragging_ = false;
  requestLanding(event->position().x());
}

bool TimeScrubber::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    const auto* help = static_cast<QHelpEvent*>(e);
    QStringList lines;
    for (const Mark& m : marks())
      if (std::abs(xOf(m.at) - help->pos().x()) <= 6 * scale_)
        lines << QStringLiteral("%1  %2").arg(formatClock(m.at, duration()), m.text);
    lines << tr("%1: click or drag to land here")
                 .arg(formatClock(timeAt(help->pos().x()), duration()));
    QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), this);
    return true;
  }
  return QWidget::event(e);
}

}  // namespace brokerlab::ui
