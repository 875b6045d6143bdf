#include "inspector/ComponentFigures.h"

#include "canvas/Text.h"
#include "model/Http.h"

namespace brokerlab::ui {

namespace {

QString count(std::uint64_t n) {
  return formatCount(n);
}
QString seconds(double s) {
  return formatSeconds(static_cast<SimTime>(s * 1e9 + 0.5));
}
QString number(double x) {
  return QString::number(x, 'g', 4);
}

void latency(Figures& out, const QString& what, const LatencySummary& l) {
  if (l.count == 0) {
    out.push_back({what, QStringLiteral("none yet")});
    return;
  }
  out.push_back({what + QStringLiteral(" mean"), seconds(l.meanS)});
  out.push_back(
      {what + QStringLiteral(" p50 / p95 / p99"),
       QStringLiteral("%1 / %2 / %3").arg(seconds(l.p50S), seconds(l.p95S), seconds(l.p99S))});
  out.push_back({what + QStringLiteral(" max"), seconds(l.maxS)});
}

// A stream's consumer group, as the stream and each of its consumers list it.
void group(Figures& out, const GroupReport& g) {
  const QString name = QString::fromStdString(g.name);
  out.push_back(
      {QStringLiteral("group %1 lag now / mean / max").arg(name),
       QStringLiteral("%1 / %2 / %3").arg(count(g.lagNow), number(g.lagMean), count(g.lagMax))});
  out.push_back({QStringLiteral("group %1 processed (duplicates)").arg(name),
                 QStringLiteral("%1 (%2)").arg(count(g.processed), count(g.duplicates))});
  out.push_back({QStringLiteral("group %1 rebalances").arg(name), count(g.rebalances)});
  // From the publish to the group's processing: what a slow group's lag costs in time. One row
  // (the mean, p50 / p95 / p99 and max of three groups made the stream's list long).
  out.push_back({QStringLiteral("group %1 end to end mean / p99").arg(name),
                 g.endToEnd.count == 0 ? QStringLiteral("none yet")
                                       : QStringLiteral("%1 / %2").arg(seconds(g.endToEnd.meanS),
                                                                       seconds(g.endToEnd.p99S))});
}

void queue(Figures& out, const QueueReport& q) {
  const QueueCounters& c = q.counters;
  out.push_back({QStringLiteral("ready now"), count(q.depthNow)});
  out.push_back({QStringLiteral("unacked now"), count(q.unackedNow)});
  out.push_back({QStringLiteral("depth mean / max"),
                 QStringLiteral("%1 / %2").arg(number(q.depthMean), count(q.depthMax))});
  out.push_back({QStringLiteral("arrival rate"), formatRate(q.arrivalRatePerS)});
  out.push_back({QStringLiteral("published / enqueued"),
                 QStringLiteral("%1 / %2").arg(count(c.published), count(c.enqueued))});
  out.push_back({QStringLiteral("delivered (redelivered)"),
                 QStringLiteral("%1 (%2)").arg(count(c.delivered), count(c.redelivered))});
  out.push_back({QStringLiteral("acked / nacked"),
                 QStringLiteral("%1 / %2").arg(count(c.acked), count(c.nacked))});
  out.push_back(
      {QStringLiteral("expired / dropped / rejected"),
       QStringLiteral("%1 / %2 / %3").arg(count(c.expired), count(c.dropped), count(c.rejected))});
  out.push_back({QStringLiteral("dead-lettered out / in"),
                 QStringLiteral("%1 / %2").arg(count(c.deadLettered), count(c.deadLetteredIn))});
  // Why they were dead-lettered, as x-death names the reasons (only those that occurred).
  QStringList reasons;
  for (int why = 0; why < kDeadLetterReasonCount; ++why) {
    const std::uint64_t n = q.deadLetteredBy[static_cast<std::size_t>(why)];
    const std::string_view name = deadLetterReasonName(static_cast<DeadLetterReason>(why));
    if (n != 0)
      reasons << QStringLiteral("%1 %2").arg(
          QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())), count(n));
  }
  if (!reasons.isEmpty())
    out.push_back({QStringLiteral("dead-letter reasons"), reasons.join(", ")});
  if (q.rejectedNoRequeue != 0)
    out.push_back({QStringLiteral("rejected by consumers"), count(q.rejectedNoRequeue)});
  out.push_back({QStringLiteral("delivery rate"), formatRate(q.deliveryRatePerS)});
  latency(out, QStringLiteral("wait"), q.wait);
}

}  // namespace

Figures componentFigures(const RunReport& report, std::uint32_t component) {
  Figures out;
  if (component >= report.order.size()) return out;
  const auto [kind, index] = report.order[component];
  switch (kind) {
    case ComponentKind::Producer: {
      const ProducerReport& p = report.producers[index];
      out.push_back({QStringLiteral("sent"), count(p.sent)});
      out.push_back({QStringLiteral("rejected"), count(p.rejected)});
      out.push_back({QStringLiteral("bytes sent"), count(p.bytesSent)});
      // Into a stream, the end to end is its groups' ("none yet" read as if nothing had arrived
      // after thousands were read): a row a group, named as the stream's own rows name them (one
      // row with every group's figure made the inspector half the window wide in lecture mode).
      if (const StreamReport* s = streamOf(report, p)) {
        if (s->groups.empty())
          out.push_back({QStringLiteral("end to end"),
                         QStringLiteral("no group reads %1").arg(QString::fromStdString(s->id))});
        for (const GroupReport& g : s->groups)
          out.push_back(
              {QStringLiteral("group %1 end to end mean").arg(QString::fromStdString(g.name)),
               g.endToEnd.count == 0 ? QStringLiteral("none yet") : seconds(g.endToEnd.meanS)});
      } else {
        latency(out, QStringLiteral("end to end"), p.endToEnd);
      }
      break;
    }
    case ComponentKind::Queue:
      queue(out, report.queues[index]);
      break;
    case ComponentKind::Consumer: {
      const ConsumerReport& k = report.consumers[index];
      out.push_back({QStringLiteral("instances"), count(k.instances)});
      out.push_back({QStringLiteral("processed / failed"),
                     QStringLiteral("%1 / %2").arg(count(k.processed), count(k.failed))});
      out.push_back({QStringLiteral("utilization"), formatPercent(k.utilization)});
      if (k.instances != k.instancesConfigured)
        out.push_back({QStringLiteral("instances configured"), count(k.instancesConfigured)});
      out.push_back({QStringLiteral("crashes / channel closes"),
                     QStringLiteral("%1 / %2").arg(count(k.crashes), count(k.closes))});
      out.push_back(
          {QStringLiteral("requeued after crash / lost"),
           QStringLiteral("%1 / %2").arg(count(k.requeuedAfterCrash), count(k.lostInCrash))});
      // A stream's consumer: its group's lag and end to end, which it makes with its fellows.
      if (const GroupReport* g = groupOf(report, k)) group(out, *g);
      break;
    }
    case ComponentKind::Topic: {
      const TopicReport& t = report.topics[index];
      out.push_back({QStringLiteral("published"), count(t.published)});
      out.push_back({QStringLiteral("copies made"), count(t.fannedOut)});
      out.push_back({QStringLiteral("missed / unrouted"),
                     QStringLiteral("%1 / %2").arg(count(t.missed), count(t.unrouted))});
      for (const SubscriptionReport& s : t.subscriptions) {
        out.push_back(
            {QStringLiteral("— %1%2").arg(QString::fromStdString(s.consumer),
                                          s.durable ? QStringLiteral(" (durable)") : QString()),
             QStringLiteral("ready %1, missed %2").arg(count(s.queue.depthNow), count(s.missed))});
      }
      break;
    }
    case ComponentKind::Stream: {
      const StreamReport& s = report.streams[index];
      out.push_back({QStringLiteral("appended / retained"),
                     QStringLiteral("%1 / %2").arg(count(s.appended), count(s.retained))});
      out.push_back({QStringLiteral("deleted by retention"), count(s.deletedByRetention)});
      for (std::size_t p = 0; p < s.partitions.size(); ++p)
        out.push_back({QStringLiteral("partition %1 offsets").arg(p),
                       QStringLiteral("%1 … %2").arg(count(s.partitions[p].startOffset),
                                                     count(s.partitions[p].endOffset))});
      for (const GroupReport& g : s.groups) group(out, g);
      break;
    }
    case ComponentKind::Client: {
      const ClientReport& c = report.clients[index];
      out.push_back({QStringLiteral("jobs submitted"), count(c.submitted)});
      out.push_back({QStringLiteral("requests / polls"),
                     QStringLiteral("%1 / %2").arg(count(c.requests), count(c.polls))});
      out.push_back(
          {QStringLiteral("polls per job mean / p99"),
           QStringLiteral("%1 / %2").arg(number(c.pollsPerJobMean), count(c.pollsPerJobP99))});
      for (int o = 0; o < kClientOutcomeCount; ++o) {
        if (c.outcomes[o] == 0) continue;
        const auto name = clientOutcomeName(static_cast<ClientOutcome>(o));
        out.push_back(
            {QStringLiteral("jobs: %1")
                 .arg(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()))),
             count(c.outcomes[o])});
      }
      latency(out, QStringLiteral("time to result"), c.timeToResult);
      out.push_back({QStringLiteral("notifications"), count(c.notifications)});
      break;
    }
    case ComponentKind::Api: {
      const ApiReport& a = report.apis[index];
      out.push_back({QStringLiteral("requests"), count(a.requests)});
      out.push_back({QStringLiteral("utilization"), formatPercent(a.utilization)});
      out.push_back({QStringLiteral("waiting mean / max"),
                     QStringLiteral("%1 / %2").arg(number(a.waitingMean), count(a.waitingMax))});
      latency(out, QStringLiteral("wait for a slot"), a.wait);
      out.push_back({QStringLiteral("jobs accepted (202)"), count(a.accepted)});
      for (const HttpStatusCount& r : a.responses) {
        const auto reason = httpReason(r.status);
        out.push_back(
            {QStringLiteral("responses %1 %2")
                 .arg(r.status)
                 .arg(QString::fromUtf8(reason.data(), static_cast<qsizetype>(reason.size()))),
             count(r.count)});
      }
      // What telling its clients costs it, where it tells any: a slot for each webhook call, a
      // connection held open for each SSE stream or WebSocket.
      if (a.callbacks > 0)
        out.push_back({QStringLiteral("webhook calls made"), count(a.callbacks)});
      if (a.pushes > 0 || a.heldConnectionsMax > 0) {
        out.push_back({QStringLiteral("pushes (SSE, WebSocket)"), count(a.pushes)});
        out.push_back({QStringLiteral("connections open mean / max"),
                       QStringLiteral("%1 / %2").arg(number(a.heldConnectionsMean),
                                                     count(a.heldConnectionsMax))});
      }
      break;
    }
    case ComponentKind::Store: {
      const StoreReport& s = report.stores[index];
      // The job records it holds, by state, as its cylinder lists them.
      for (int k = 1; k < kJobStatusCount; ++k) {
        const auto status = static_cast<JobStatus>(k);
        if (s.jobs[k] == 0 && (status == JobStatus::Cancelled || status == JobStatus::Expired))
          continue;
        const auto name = jobStatusName(status);
        out.push_back({QStringLiteral("jobs %1").arg(
                           QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()))),
                       count(s.jobs[k])});
      }
      out.push_back({QStringLiteral("reads / writes"),
                     QStringLiteral("%1 / %2").arg(count(s.reads), count(s.writes))});
      out.push_back({QStringLiteral("refused writes"), count(s.refusedWrites)});
      if (s.resultTtlS > 0)
        out.push_back({QStringLiteral("results kept for"), seconds(s.resultTtlS)});
      break;
    }
  }
  return out;
}

}  // namespace brokerlab::ui
