#include "inspector/MessageJourney.h"

#include "canvas/Text.h"
#include "model/Http.h"

namespace brokerlab::ui {

namespace {
QString idOf(const Model& m, std::uint32_t c) {
  return c < m.components.size() ? QString::fromStdString(m.components[c].id) : QStringLiteral("?");
}
QString instanceOf(const Model& m, std::uint32_t c, std::uint16_t n) {
  return n ? QStringLiteral("%1#%2").arg(idOf(m, c)).arg(n) : idOf(m, c);
}
QString view(std::string_view s) {
  return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
}  // namespace

std::vector<JourneyRow> describeJourney(const Model& m, std::span<const TraceRecord> records) {
  std::vector<JourneyRow> rows;
  for (const TraceRecord& r : records) {
    const QString here = idOf(m, r.component);
    const QString peer = r.peer == kNone ? QString() : idOf(m, r.peer);
    const QString again = r.redelivered ? QStringLiteral(" (redelivered)") : QString();
    QString what;
    bool trouble = false;
    switch (r.kind) {
      case TraceKind::Publish:
        what = QStringLiteral("%1 publishes it to %2 (arrives at %3)")
                   .arg(here, peer, formatClock(r.aux));
        break;
      case TraceKind::Arrive:
        what = QStringLiteral("reaches the broker: %1").arg(here);
        break;
      case TraceKind::Enqueue:
        what = QStringLiteral("joins the ready list of %1%2")
                   .arg(here, peer.isEmpty() ? QString()
                                             : QStringLiteral(" (subscription of %1)").arg(peer));
        break;
      case TraceKind::Deliver:
        what = QStringLiteral("%1 delivers it to %2%3")
                   .arg(here, instanceOf(m, r.peer, r.instance), again);
        break;
      case TraceKind::Receive:
        what = QStringLiteral("%1 receives it").arg(instanceOf(m, r.component, r.instance));
        break;
      case TraceKind::Process:
        what = QStringLiteral("%1 starts processing it (until %2)")
                   .arg(instanceOf(m, r.component, r.instance), formatClock(r.aux));
        break;
      case TraceKind::Complete:
        what = QStringLiteral("%1 is done with it").arg(instanceOf(m, r.component, r.instance));
        break;
      case TraceKind::Fail:
        what = QStringLiteral("%1 fails to process it: a nack goes back")
                   .arg(instanceOf(m, r.component, r.instance));
        trouble = true;
        break;
      case TraceKind::Ack:
        what = QStringLiteral("%1 gets the ack: the message is done").arg(here);
        break;
      case TraceKind::Nack:
        what = QStringLiteral("%1 gets the nack").arg(here);
        trouble = true;
        break;
      case TraceKind::Requeue:
        what = QStringLiteral("back at the head of %1, flagged redelivered").arg(here);
        break;
      case TraceKind::Expire:
        what = QStringLiteral("its TTL ran out in %1").arg(here);
        trouble = true;
        break;
      case TraceKind::Drop:
        what = QStringLiteral("%1 drops it (full, or past its delivery limit)").arg(here);
        trouble = true;
        break;
      case TraceKind::Reject:
        what = QStringLiteral("%1 refuses it (reject-publish): the producer is told").arg(here);
        trouble = true;
        break;
      case TraceKind::DeadLetter:
        what = QStringLiteral("%1 dead-letters it to %2").arg(here, peer);
        trouble = true;
        break;
      case TraceKind::Append:
        what = QStringLiteral("%1 appends it at offset %2 of partition %3")
                   .arg(here)
                   .arg(r.aux)
                   .arg(r.partition);
        break;
      case TraceKind::Miss:
        what = QStringLiteral("%1 cannot copy it to %2: offline, not durable").arg(here, peer);
        trouble = true;
        break;
      case TraceKind::Lost: {
        what = QStringLiteral("lost at %1").arg(here);
        trouble = true;
        break;
      }
      case TraceKind::Request:
      case TraceKind::Response: {
        const HttpDetail d = HttpDetail::unpack(r.partition);
        what = r.kind == TraceKind::Request
                   ? QStringLiteral("%1 sends %2 %3 to %4")
                         .arg(here, view(httpMethodName(d.method)),
                              QString::fromStdString(routePath(d.route, r.message)), peer)
                   : QStringLiteral("%1 answers %2 %3 to %4")
                         .arg(here)
                         .arg(d.status)
                         .arg(view(httpReason(d.status)), peer);
        trouble = d.status >= 400;
        break;
      }
      case TraceKind::StoreWrite:
        what = QStringLiteral("%1 writes %2 to %3")
                   .arg(instanceOf(m, r.component, r.instance),
                        view(jobStatusName(HttpDetail::unpack(r.partition).job)), peer);
        break;
      case TraceKind::StoreRead:
        what = QStringLiteral("%1 reads the job from %2").arg(here, peer);
        break;
      case TraceKind::JobState:
        what = QStringLiteral("%1: the job is now %2")
                   .arg(here, view(jobStatusName(HttpDetail::unpack(r.partition).job)));
        break;
      default:
        what = QStringLiteral("%1 at %2").arg(view(traceKindName(r.kind)), here);
        break;
    }
    rows.push_back({r.time, what, trouble});
  }
  return rows;
}

QString journeySummary(std::span<const TraceRecord> records) {
  int deliveries = 0;
  bool dead = false, lost = false;
  // A queue drops a message at its delivery limit or its max_length, or expires it, and then its
  // dead-letter exchange may take it on: moved, not lost. Only a drop or an expiry with no
  // dead-lettering after it is an end.
  bool ended = false;
  for (const TraceRecord& r : records) {
    deliveries += r.kind == TraceKind::Deliver;
    dead |= r.kind == TraceKind::DeadLetter;
    lost |= r.kind == TraceKind::Lost;
    if (r.kind == TraceKind::Drop || r.kind == TraceKind::Expire) ended = true;
    if (r.kind == TraceKind::DeadLetter) ended = false;
  }
  lost |= ended;
  QStringList parts;
  parts << (deliveries == 1 ? QStringLiteral("1 delivery")
                            : QStringLiteral("%1 deliveries").arg(deliveries));
  if (deliveries > 1) parts << QStringLiteral("redelivered %1 time(s)").arg(deliveries - 1);
  if (dead) parts << QStringLiteral("dead-lettered");
  if (lost) parts << QStringLiteral("dropped, expired or lost");
  return parts.join(QStringLiteral(" · "));
}

}  // namespace brokerlab::ui
