// The human summary printed by `brokerlab-cli run`: one table per kind of component, then the
// ledger that shows where every published message ended up.

#include "ReportFormat.h"
#include "TerminalText.h"

#include "scenario/ScenarioRules.h"

#include <cstdio>
#include <string>
#include <vector>

namespace brokerlab::cli {

namespace {

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// 0.0123 -> "12.3ms": latencies span nanoseconds to minutes.
std::string seconds(double s) {
  if (s == 0) return "0s";
  if (s < 1e-6) return fmt("%.0fns", s * 1e9);
  if (s < 1e-3) return fmt("%.3gus", s * 1e6);
  if (s < 1) return fmt("%.3gms", s * 1e3);
  if (s < 100) return fmt("%.3gs", s);
  return fmt("%.0fs", s);
}

std::string count(std::uint64_t n) {
  return std::to_string(n);
}

// "-" where nothing was measured, so an empty histogram does not read as zero latency.
std::string latency(const LatencySummary& l, double LatencySummary::*field) {
  return l.count == 0 ? "-" : seconds(l.*field);
}

// A table whose columns are as wide as their widest cell; the first column is left-aligned.
class Table {
 public:
  explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string render() const {
    std::vector<std::size_t> width(rows_[0].size(), 0);
    for (const auto& row : rows_)
      for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    std::string out;
    for (const auto& row : rows_) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        const std::size_t pad = width[i] - row[i].size();
        if (i == 0) {
          out.append(row[i]).append(pad, ' ');
        } else {
          out.append(2 + pad, ' ').append(row[i]);
        }
      }
      out += '\n';
    }
    return out;
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

// The columns are the JSON report's keys, spaces for underscores; p50, p95 and p99 are the wait's.
std::vector<std::string> queueHeader(const char* what) {
  return {what,
          "published",
          "rejected",
          "enqueued",
          "delivered",
          "acked",
          "nacked",
          "redelivered",
          "expired",
          "dead lettered",
          "dropped",
          "depth now",
          "depth mean",
          "depth max",
          "wait mean",
          "p50",
          "p95",
          "p99",
          "dead letter reasons"};
}

// "maxlen 5, rejected 2": the reasons that occurred, as x-death names them; "-" for none.
std::string deadLetterReasons(const QueueReport& q) {
  std::string out;
  for (int why = 0; why < kDeadLetterReasonCount; ++why) {
    const std::uint64_t n = q.deadLetteredBy[static_cast<std::size_t>(why)];
    if (n == 0) continue;
    if (!out.empty()) out.append(", ");
    out.append(deadLetterReasonName(static_cast<DeadLetterReason>(why))).append(" ");
    out.append(std::to_string(n));
  }
  return out.empty() ? "-" : out;
}

std::vector<std::string> queueRow(const std::string& name, const QueueReport& q) {
  const QueueCounters& c = q.counters;
  return {name,
          count(c.published),
          count(c.rejected),
          count(c.enqueued),
          count(c.delivered),
          count(c.acked),
          count(c.nacked),
          count(c.redelivered),
          count(c.expired),
          count(c.deadLettered),
          count(c.dropped),
          count(q.depthNow),
          fmt("%.2f", q.depthMean),
          count(q.depthMax),
          latency(q.wait, &LatencySummary::meanS),
          latency(q.wait, &LatencySummary::p50S),
          latency(q.wait, &LatencySummary::p95S),
          latency(q.wait, &LatencySummary::p99S),
          deadLetterReasons(q)};
}

// Under a queue table with redeliveries: why the mean wait and the arrival rate do not multiply
// to the mean depth.
std::string waitNote(const std::vector<const QueueReport*>& queues) {
  std::string rates;
  for (const QueueReport* q : queues) {
    if (q->counters.redelivered == 0) continue;
    rates.append(rates.empty() ? "" : ", ").append(q->id).append(" ");
    rates.append(fmt("%.3g/s", q->deliveryRatePerS));
  }
  if (rates.empty()) return {};
  return "wait is per delivery (a redelivered message waits again), so Little's law takes the "
         "delivery rate: depth mean = delivered/s x wait mean (" +
         rates + ")\n";
}

std::string streamText(const StreamReport& s) {
  Table t({"stream", "appended", "retained", "deleted by retention", "partitions: start..end"});
  // Built with append: GCC 12 misreports chains of string + at -O3 (-Wrestrict).
  std::string offsets;
  for (std::size_t p = 0; p < s.partitions.size(); ++p) {
    if (p) offsets.append("  ");
    offsets.append(std::to_string(p))
        .append(": ")
        .append(std::to_string(s.partitions[p].startOffset));
    offsets.append("..").append(std::to_string(s.partitions[p].endOffset));
  }
  t.add({s.id, count(s.appended), count(s.retained), count(s.deletedByRetention), offsets});
  Table g({"group", "processed", "duplicates", "rebalances", "skipped by retention", "lag now",
           "lag mean", "lag max", "latency mean", "p99", "owners"});
  for (const GroupReport& gr : s.groups) {
    std::string owners, name = s.id;
    for (std::size_t p = 0; p < gr.owners.size(); ++p) {
      if (p) owners.append(" ");
      owners.append(std::to_string(p))
          .append("=")
          .append(gr.owners[p].empty() ? "-" : gr.owners[p]);
    }
    name.append(" / ").append(gr.name);
    g.add({name, count(gr.processed), count(gr.duplicates), count(gr.rebalances),
           count(gr.skippedByRetention), count(gr.lagNow), fmt("%.1f", gr.lagMean),
           count(gr.lagMax), latency(gr.endToEnd, &LatencySummary::meanS),
           latency(gr.endToEnd, &LatencySummary::p99S), owners});
  }
  return t.render().append("\n").append(g.render());
}

// Request-reply: what the clients saw (two tables: traffic and latency, then how jobs ended).
std::string clientsText(const std::vector<ClientReport>& clients) {
  Table t({"client", "notify", "submitted", "requests", "polls", "polls per job mean", "p99", "max",
           "time to result mean", "p50", "p95", "p99", "max", "notifications", "late responses"});
  std::vector<std::string> outcomeHeader{"client outcomes"};
  for (int o = 0; o < kClientOutcomeCount; ++o) {
    std::string name(clientOutcomeName(static_cast<ClientOutcome>(o)));
    for (char& ch : name)
      if (ch == '_') ch = ' ';
    outcomeHeader.push_back(name);
  }
  Table outcomes(outcomeHeader);
  for (const ClientReport& c : clients) {
    const LatencySummary& r = c.timeToResult;
    t.add({c.id, std::string(rules::notifyNames()[static_cast<std::size_t>(c.notify)]),
           count(c.submitted), count(c.requests), count(c.polls), fmt("%.2f", c.pollsPerJobMean),
           count(c.pollsPerJobP99), count(c.pollsPerJobMax), latency(r, &LatencySummary::meanS),
           latency(r, &LatencySummary::p50S), latency(r, &LatencySummary::p95S),
           latency(r, &LatencySummary::p99S), latency(r, &LatencySummary::maxS),
           count(c.notifications), count(c.lateResponses)});
    std::vector<std::string> row{c.id};
    for (const std::uint64_t n : c.outcomes) row.push_back(count(n));
    outcomes.add(row);
  }
  return t.render().append("\n").append(outcomes.render());
}

// The APIs: load and answers, then the jobs they hold by state in the store.
std::string apisText(const std::vector<ApiReport>& apis) {
  Table t({"api", "requests", "utilization", "waiting mean", "max", "wait mean", "p50", "p95",
           "p99", "accepted", "callbacks", "pushes", "held connections mean", "max", "responses"});
  std::vector<std::string> jobHeader{"api jobs"};
  for (int s = 1; s < kJobStatusCount; ++s)
    jobHeader.emplace_back(jobStatusName(static_cast<JobStatus>(s)));
  Table jobs(jobHeader);
  for (const ApiReport& a : apis) {
    std::string responses;
    for (const HttpStatusCount& r : a.responses) {
      if (!responses.empty()) responses.append("  ");
      responses.append(std::to_string(r.status)).append(": ").append(count(r.count));
    }
    t.add({a.id, count(a.requests), fmt("%.1f%%", a.utilization * 100), fmt("%.2f", a.waitingMean),
           count(a.waitingMax), latency(a.wait, &LatencySummary::meanS),
           latency(a.wait, &LatencySummary::p50S), latency(a.wait, &LatencySummary::p95S),
           latency(a.wait, &LatencySummary::p99S), count(a.accepted), count(a.callbacks),
           count(a.pushes), fmt("%.2f", a.heldConnectionsMean), count(a.heldConnectionsMax),
           responses.empty() ? "-" : responses});
    std::vector<std::string> row{a.id};
    for (int s = 1; s < kJobStatusCount; ++s)
      row.push_back(count(a.jobs[static_cast<std::size_t>(s)]));
    jobs.add(row);
  }
  return t.render().append("\n").append(jobs.render());
}

std::string ledgerText(const Ledger& l) {
  std::string out = "Ledger: " + count(l.published) + " published";
  if (l.copies) out.append(" + ").append(count(l.copies)).append(" topic copies");
  if (l.reads) out.append(" + ").append(count(l.reads)).append(" stream reads");
  out.append(" = ");
  std::vector<std::string> parts;
  for (int o = 0; o < kOutcomeCount; ++o)
    if (const auto n = l.outcomes[static_cast<std::size_t>(o)])
      parts.push_back(count(n) + " " + std::string(outcomeName(static_cast<Outcome>(o))));
  for (int s = 1; s < kMessageStateCount; ++s)
    if (const auto n = l.inState[static_cast<std::size_t>(s)])
      parts.push_back(count(n) + " " + std::string(messageStateName(static_cast<MessageState>(s))));
  if (parts.empty()) parts.push_back("0");
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " + " : "") + parts[i];
  out += l.balanced() ? "  (balanced)\n" : "  (NOT BALANCED: a message is unaccounted for)\n";
  return out;
}

}  // namespace

std::string formatReportText(const RunReport& r, const WallClock& wall) {
  std::string out = "BrokerLab: " + terminalText(r.scenario) + " (seed " + count(r.seed) + ")\n";
  out += "Simulated " + seconds(r.simTimeS) + " in " + seconds(wall.seconds) +
         " of wall time: " + count(r.events) + " events";
  if (wall.seconds > 0)
    out += fmt(" (%.3g M events/s)", static_cast<double>(r.events) / wall.seconds / 1e6);
  out += ", trace hash " + hex64(r.traceHash) + "\n";
  if (!r.stoppedEarly.empty()) out += "Stopped early: " + r.stoppedEarly + "\n";

  if (!r.producers.empty()) {
    Table t({"producer", "sent", "rejected", "latency mean", "p50", "p99", "max"});
    for (const ProducerReport& p : r.producers) {
      // Into a stream: the groups' table has the latencies ("-" here read as if nothing had
      // arrived).
      if (streamOf(r, p) != nullptr) {
        t.add({p.id, count(p.sent), count(p.rejected), "per group", "-", "-", "-"});
        continue;
      }
      t.add({p.id, count(p.sent), count(p.rejected), latency(p.endToEnd, &LatencySummary::meanS),
             latency(p.endToEnd, &LatencySummary::p50S), latency(p.endToEnd, &LatencySummary::p99S),
             latency(p.endToEnd, &LatencySummary::maxS)});
    }
    out.append(1, '\n').append(t.render());
  }
  if (!r.clients.empty()) out.append(1, '\n').append(clientsText(r.clients));
  if (!r.apis.empty()) out.append(1, '\n').append(apisText(r.apis));
  if (!r.queues.empty()) {
    Table t(queueHeader("queue"));
    std::vector<const QueueReport*> shown;
    for (const QueueReport& q : r.queues) {
      t.add(queueRow(q.id, q));
      shown.push_back(&q);
    }
    out.append(1, '\n').append(t.render()).append(waitNote(shown));
  }
  if (!r.topics.empty()) {
    Table t({"topic", "published", "fanned out", "missed", "unrouted"});
    for (const TopicReport& tr : r.topics)
      t.add(
          {tr.id, count(tr.published), count(tr.fannedOut), count(tr.missed), count(tr.unrouted)});
    out.append(1, '\n').append(t.render());
    Table subs(queueHeader("subscription"));
    std::vector<const QueueReport*> shown;
    for (const TopicReport& tr : r.topics)
      for (const SubscriptionReport& s : tr.subscriptions) {
        shown.push_back(&s.queue);
        subs.add(queueRow(std::string(tr.id)
                              .append(" -> ")
                              .append(s.consumer)
                              .append(s.durable ? " (durable)" : ""),
                          s.queue));
      }
    out.append(1, '\n').append(subs.render()).append(waitNote(shown));
  }
  for (const StreamReport& s : r.streams) out.append(1, '\n').append(streamText(s));
  if (!r.consumers.empty()) {
    // instances: at the end, after scale faults; configured: the scenario's.
    Table t({"consumer", "instances", "configured", "processed", "failed", "utilization", "crashes",
             "requeued after crash", "lost in crash", "channel closes"});
    for (const ConsumerReport& c : r.consumers)
      t.add({c.id, count(c.instances), count(c.instancesConfigured), count(c.processed),
             count(c.failed), fmt("%.1f%%", c.utilization * 100), count(c.crashes),
             count(c.requeuedAfterCrash), count(c.lostInCrash), count(c.closes)});
    out.append(1, '\n').append(t.render());
  }
  if (!r.stores.empty()) {
    Table t({"store", "reads", "writes", "refused writes"});
    for (const StoreReport& s : r.stores)
      t.add({s.id, count(s.reads), count(s.writes), count(s.refusedWrites)});
    out.append(1, '\n').append(t.render());
  }
  out.append(1, '\n').append(ledgerText(r.ledger));
  return out;
}

}  // namespace brokerlab::cli
