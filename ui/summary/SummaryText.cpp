#include "summary/SummaryText.h"

#include "canvas/Text.h"
#include "metrics/QueueingTheory.h"
#include "metrics/Report.h"
#include "model/Http.h"
#include "sim/Simulator.h"

#include <cmath>
#include <set>

namespace brokerlab::ui {

namespace {

QString num(double x, int digits = 3) {
  return QString::number(x, 'g', digits);
}
QString secs(double s) {
  return formatSeconds(static_cast<SimTime>(std::llround(s * 1e9)));
}
QString esc(const std::string& s) {
  return QString::fromStdString(s).toHtmlEscaped();
}
// "+3.1%": how far the measured value is from the reference.
QString off(double measured, double reference) {
  if (reference == 0) return measured == 0 ? QStringLiteral("0%") : QStringLiteral("–");
  return QStringLiteral("%1%2%")
      .arg(measured >= reference ? "+" : "")
      .arg((measured / reference - 1) * 100, 0, 'f', 1);
}
// The first cell, a name, to the left; the figures to the right. Qt's rich text has no
// :first-child, so the style sheet's rule for it left the names on the right. A name or a figure
// stays on one line ("order-queue" broke at its hyphen, "3.19 ms" could at its space): a table
// wider than the dock scrolls sideways. Headings and reasons in words (in italics) may wrap.
QString row(const QStringList& cells, const char* tag = "td") {
  const bool figures = QLatin1String(tag) == QLatin1String("td");
  QString out = QStringLiteral("<tr>");
  for (qsizetype i = 0; i < cells.size(); ++i) {
    QString attributes = i == 0 ? QStringLiteral(" align=\"left\"") : QString();
    if (figures && !cells[i].startsWith(QLatin1String("<i>")))
      attributes += QStringLiteral(" style=\"white-space:nowrap\"");
    out += QStringLiteral("<%1%2>%3</%1>").arg(QLatin1String(tag), attributes, cells[i]);
  }
  return out + QStringLiteral("</tr>");
}

// How a message ended, in words: the report's names ("lost_consumer_crash") are for files and
// scripts (docs/cli.md), and read as code on a projector.
QString outcomeWords(Outcome o) {
  switch (o) {
    case Outcome::Acked:
      return QStringLiteral("acked");
    case Outcome::Consumed:
      return QStringLiteral("consumed under auto ack");
    case Outcome::Rejected:
      return QStringLiteral("rejected by a full queue");
    case Outcome::Expired:
      return QStringLiteral("expired");
    case Outcome::DroppedOverflow:
      return QStringLiteral("dropped by a full queue");
    case Outcome::DroppedDeliveryLimit:
      return QStringLiteral("dropped at the delivery limit");
    case Outcome::LostAutoAckFailure:
      return QStringLiteral("lost failing under auto ack");
    case Outcome::FannedOut:
      return QStringLiteral("fanned out");
    case Outcome::Unrouted:
      return QStringLiteral("unrouted");
    case Outcome::Appended:
      return QStringLiteral("appended to a stream");
    case Outcome::ReadProcessed:
      return QStringLiteral("stream reads processed");
    case Outcome::LostConsumerCrash:
      return QStringLiteral("lost in a consumer crash");
    case Outcome::ReadAbandoned:
      return QStringLiteral("stream reads abandoned in a crash");
    case Outcome::LostBrokerRestart:
      return QStringLiteral("lost in a broker restart");
    case Outcome::LostPartition:
      return QStringLiteral("lost to a network partition");
    case Outcome::RejectedByConsumer:
      return QStringLiteral("rejected by a consumer");
  }
  return {};
}

QString ledgerText(const RunReport& r) {
  const Ledger& l = r.ledger;
  QStringList ends;
  for (int o = 0; o < kOutcomeCount; ++o) {
    const std::uint64_t n = l.outcomes[static_cast<std::size_t>(o)];
    if (n != 0)
      ends << QStringLiteral("%1 %2").arg(formatCount(n), outcomeWords(static_cast<Outcome>(o)));
  }
  return QStringLiteral(
             "<p><b>Every message accounted for</b> (%1): %2 made (published, topic "
             "copies, stream reads) = %3 still in the system + %4 ended: %5.</p>")
      .arg(l.balanced() ? QStringLiteral("balanced ✓") : QStringLiteral("<b>NOT balanced</b>"))
      .arg(formatCount(l.created()), formatCount(l.live()), formatCount(l.ended()),
           ends.isEmpty() ? QStringLiteral("none yet") : ends.join(QStringLiteral(", ")));
}

QString queuesText(const Simulator& sim, const RunReport& r) {
  if (r.queues.empty()) return {};
  QString out = QStringLiteral(
      "<h3>Queues: measured, Little's law, theory</h3><p>Little's law compares averages over the "
      "run so far: messages still waiting have not yet added their waits to W, so while a "
      "backlog stands L runs ahead of λ·W, and the two meet as it drains.</p><table>");
  out += row({"queue", "ready now", "delivered/s λ", "wait W", "depth L", "λ·W (Little)",
              "L vs λ·W", "theory", "ρ", "W theory", "W vs theory", "L theory"},
             "th");
  for (std::size_t i = 0; i < r.queues.size(); ++i) {
    const QueueReport& q = r.queues[i];
    // Little's law with the delivery rate: a redelivered message waits again (docs/cli.md).
    const double little = q.deliveryRatePerS * q.wait.meanS;
    QStringList cells = {esc(q.id),
                         formatCount(q.depthNow),
                         num(q.deliveryRatePerS),
                         q.wait.count ? secs(q.wait.meanS) : QStringLiteral("–"),
                         num(q.depthMean),
                         num(little),
                         q.wait.count ? off(q.depthMean, little) : QStringLiteral("–")};
    const QueueTheory t = queueTheory(sim.model(), static_cast<std::uint32_t>(i));
    const bool live = !sim.liveFaults().empty() || !sim.liveActions().empty();
    if (t.applies() && !live && t.stable) {
      cells << QString::fromStdString(t.system) << num(t.rho) << secs(t.waitS)
            << (q.wait.count ? off(q.wait.meanS, t.waitS) : QStringLiteral("–"))
            << num(t.depthMean);
    } else if (t.applies() && !live) {
      cells << QString::fromStdString(t.system) << num(t.rho)
            << QStringLiteral("<i>unstable (ρ ≥ 1): the backlog grows without bound</i>")
            << QString() << QString();
    } else {
      cells << QStringLiteral("<i>%1</i>")
                   .arg(live ? QStringLiteral("faults applied live")
                             : QString::fromStdString(t.whyNot).toHtmlEscaped())
            << QString() << QString() << QString() << QString();
    }
    out += row(cells);
  }
  return out + QStringLiteral("</table>");
}

QString consumersText(const RunReport& r) {
  if (r.consumers.empty()) return {};
  QString out = QStringLiteral("<h3>Consumers</h3><table>");
  // What a crash did (the lesson of the crash scenarios): under manual ack what the instance held
  // goes back to the queue once the broker notices; under auto ack it is lost.
  out += row({"consumer", "instances", "processed", "failed", "utilization", "crashes", "closes",
              "requeued after crash", "lost in crash"},
             "th");
  for (const ConsumerReport& c : r.consumers)
    out +=
        row({esc(c.id), formatCount(c.instances), formatCount(c.processed), formatCount(c.failed),
             formatPercent(c.utilization), formatCount(c.crashes), formatCount(c.closes),
             formatCount(c.requeuedAfterCrash), formatCount(c.lostInCrash)});
  return out + QStringLiteral("</table>");
}

// A topic copies each message to every matching subscription present: one publish, a copy for
// each subscriber, and a copy missed for each non-durable subscriber offline at the time.
QString topicsText(const RunReport& r) {
  if (r.topics.empty()) return {};
  QString out = QStringLiteral(
      "<h3>Topics: a copy for each subscription</h3><p>Copies made = the published messages "
      "times the subscriptions that matched them; a non-durable subscription misses what is "
      "published while its consumer is offline.</p>");
  for (const TopicReport& t : r.topics)
    out += QStringLiteral("<p><b>%1</b>: %2 published, %3 copies made, %4 missed, %5 unrouted.</p>")
               .arg(esc(t.id), formatCount(t.published), formatCount(t.fannedOut),
                    formatCount(t.missed), formatCount(t.unrouted));
  out += QStringLiteral("<table>");
  out += row({"topic / subscriber", "durable", "copies", "missed", "ready now", "delivered",
              "acked", "wait mean"},
             "th");
  for (const TopicReport& t : r.topics) {
    for (const SubscriptionReport& s : t.subscriptions) {
      const QueueReport& q = s.queue;
      out += row({QStringLiteral("%1 / %2").arg(esc(t.id), esc(s.consumer)),
                  s.durable ? QStringLiteral("yes") : QStringLiteral("no"),
                  formatCount(q.counters.published), formatCount(s.missed), formatCount(q.depthNow),
                  formatCount(q.counters.delivered), formatCount(q.counters.acked),
                  q.wait.count ? secs(q.wait.meanS) : QStringLiteral("–")});
    }
  }
  return out + QStringLiteral("</table>");
}

// A stream's records are read by each of its groups in the group's own time: how far behind a
// group is (its lag, in records and in time) is what a stream scenario teaches.
QString streamsText(const RunReport& r) {
  bool anyGroup = false;
  for (const StreamReport& s : r.streams) anyGroup = anyGroup || !s.groups.empty();
  if (!anyGroup) return {};
  QString out = QStringLiteral(
      "<h3>Streams: consumer groups</h3><p>Each group reads every record at its own pace; its "
      "end to end runs from the publish to its processing.</p><table>");
  out += row({"stream / group", "processed", "duplicates", "lag now", "lag mean", "lag max",
              "rebalances", "end to end mean", "p99"},
             "th");
  for (const StreamReport& s : r.streams) {
    for (const GroupReport& g : s.groups) {
      const LatencySummary& l = g.endToEnd;
      out += row({QStringLiteral("%1 / %2").arg(esc(s.id), esc(g.name)), formatCount(g.processed),
                  formatCount(g.duplicates), formatCount(g.lagNow), num(g.lagMean),
                  formatCount(g.lagMax), formatCount(g.rebalances), l.count ? secs(l.meanS) : "–",
                  l.count ? secs(l.p99S) : "–"});
    }
  }
  return out + QStringLiteral("</table>");
}

QString producersText(const RunReport& r) {
  if (r.producers.empty()) return {};
  QString out = QStringLiteral("<h3>Producers: end-to-end latency</h3><table>");
  out += row({"producer", "sent", "rejected", "mean", "p50", "p99", "max"}, "th");
  for (const ProducerReport& p : r.producers) {
    const LatencySummary& l = p.endToEnd;
    if (streamOf(r, p) != nullptr) {
      // Not "–", as if nothing had arrived: each group has its own (the streams' table).
      out += row({esc(p.id), formatCount(p.sent), formatCount(p.rejected),
                  QStringLiteral("per group (streams, above)"), QString(), QString(), QString()});
      continue;
    }
    out += row({esc(p.id), formatCount(p.sent), formatCount(p.rejected),
                l.count ? secs(l.meanS) : "–", l.count ? secs(l.p50S) : "–",
                l.count ? secs(l.p99S) : "–", l.count ? secs(l.maxS) : "–"});
  }
  return out + QStringLiteral("</table>");
}

// What each API answered, status by status: the 202s that created jobs, the 200s of polls, the
// 303s to results, the 404s for jobs that do not exist (or no longer do).
QString apisText(const RunReport& r) {
  if (r.apis.empty()) return {};
  std::set<int> statuses;
  bool pushes = false;
  for (const ApiReport& a : r.apis) {
    for (const HttpStatusCount& h : a.responses) statuses.insert(h.status);
    pushes = pushes || a.callbacks != 0 || a.pushes != 0;
  }
  QString out = QStringLiteral("<h3>Request-reply APIs: what they answered</h3><table>");
  QStringList head = {QStringLiteral("api"), QStringLiteral("requests"), QStringLiteral("busy"),
                      QStringLiteral("wait for a slot")};
  for (const int status : statuses) {
    const std::string_view reason = httpReason(status);
    head << QStringLiteral("%1 %2").arg(status).arg(
        QString::fromLatin1(reason.data(), static_cast<qsizetype>(reason.size())));
  }
  if (pushes) head << QStringLiteral("webhook calls") << QStringLiteral("pushes");
  out += row(head, "th");
  for (const ApiReport& a : r.apis) {
    QStringList cells = {esc(a.id), formatCount(a.requests), formatPercent(a.utilization),
                         a.wait.count ? secs(a.wait.meanS) : QStringLiteral("–")};
    for (const int status : statuses) {
      std::uint64_t n = 0;
      for (const HttpStatusCount& h : a.responses)
        if (h.status == status) n = h.count;
      cells << formatCount(n);
    }
    if (pushes) cells << formatCount(a.callbacks) << formatCount(a.pushes);
    out += row(cells);
  }
  return out + QStringLiteral("</table>");
}

QString clientsText(const RunReport& r) {
  if (r.clients.empty()) return {};
  QString out = QStringLiteral("<h3>Request-reply clients</h3><table>");
  out +=
      row({"client", "submitted", "results", "failed", "polls", "polls per job", "time to result"},
          "th");
  for (const ClientReport& c : r.clients) {
    const auto outcome = [&c](ClientOutcome o) {
      return formatCount(c.outcomes[static_cast<std::size_t>(o)]);
    };
    out += row({esc(c.id), formatCount(c.submitted), outcome(ClientOutcome::Result),
                outcome(ClientOutcome::Failed), formatCount(c.polls), num(c.pollsPerJobMean),
                c.timeToResult.count ? secs(c.timeToResult.meanS) : "–"});
  }
  return out + QStringLiteral("</table>");
}

}  // namespace

QString summaryHtml(const Simulator& sim, bool atEnd) {
  const RunReport r = buildReport(sim);
  QString out = QStringLiteral(
      "<style>table{border-collapse:collapse} td,th{padding:2px 10px;text-align:right} "
      "th{background:#eef1f4}</style>");
  out += QStringLiteral("<h2>%1 %2</h2>")
             .arg(atEnd ? QStringLiteral("At the end,") : QStringLiteral("Paused at"),
                  formatClock(sim.now(), sim.model().duration));
  out += ledgerText(r);
  out += queuesText(sim, r);
  out += topicsText(r);
  out += streamsText(r);
  out += consumersText(r);
  out += producersText(r);
  out += apisText(r);
  out += clientsText(r);
  return out;
}

}  // namespace brokerlab::ui
