// The --json report: a stable vocabulary that scripts and CI parse (docs/cli.md).

#include "ReportFormat.h"

#include "scenario/JsonWriter.h"

#include <cstdio>

namespace brokerlab::cli {

std::string hex64(std::uint64_t v) {
  char buf[19];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

namespace {

using json::JsonWriter;

void field(JsonWriter& w, const char* name, std::uint64_t v) {
  w.key(name);
  w.integer(v);
}
void field(JsonWriter& w, const char* name, double v) {
  w.key(name);
  w.number(v);
}

void writeQueue(JsonWriter& w, const QueueReport& q) {
  const QueueCounters& c = q.counters;
  w.key("kind");
  w.string("queue");
  field(w, "published", c.published);
  field(w, "rejected", c.rejected);
  field(w, "enqueued", c.enqueued);
  field(w, "dead_lettered_in", c.deadLetteredIn);
  field(w, "delivered", c.delivered);
  field(w, "acked", c.acked);
  field(w, "nacked", c.nacked);
  field(w, "redelivered", c.redelivered);
  field(w, "expired", c.expired);
  field(w, "dead_lettered", c.deadLettered);
  field(w, "dropped", c.dropped);
  field(w, "depth_now", q.depthNow);
  field(w, "unacked_now", q.unackedNow);
  field(w, "depth_mean", q.depthMean);
  field(w, "depth_max", q.depthMax);
  field(w, "arrival_rate_per_s", q.arrivalRatePerS);
  field(w, "wait_mean_s", q.wait.meanS);
  field(w, "wait_p50_s", q.wait.p50S);
  field(w, "wait_p95_s", q.wait.p95S);
  field(w, "wait_p99_s", q.wait.p99S);
  field(w, "wait_max_s", q.wait.maxS);
}

void writeConsumer(JsonWriter& w, const ConsumerReport& c) {
  w.key("kind");
  w.string("consumer");
  field(w, "instances", std::uint64_t{c.instances});
  field(w, "processed", c.processed);
  field(w, "failed", c.failed);
  field(w, "utilization", c.utilization);
}

void writeProducer(JsonWriter& w, const ProducerReport& p) {
  w.key("kind");
  w.string("producer");
  field(w, "sent", p.sent);
  field(w, "rejected", p.rejected);
  field(w, "bytes_sent", p.bytesSent);
  field(w, "latency_count", p.endToEnd.count);
  field(w, "latency_mean_s", p.endToEnd.meanS);
  field(w, "latency_p50_s", p.endToEnd.p50S);
  field(w, "latency_p95_s", p.endToEnd.p95S);
  field(w, "latency_p99_s", p.endToEnd.p99S);
  field(w, "latency_max_s", p.endToEnd.maxS);
}

void writeLedger(JsonWriter& w, const Ledger& l) {
  w.beginObject();
  field(w, "published", l.published);
  for (int s = 1; s < kMessageStateCount; ++s) {
    w.key(std::string(messageStateName(static_cast<MessageState>(s))));
    w.integer(l.inState[static_cast<std::size_t>(s)]);
  }
  for (int o = 0; o < kOutcomeCount; ++o) {
    w.key(std::string(outcomeName(static_cast<Outcome>(o))));
    w.integer(l.outcomes[static_cast<std::size_t>(o)]);
  }
  w.key("balanced");
  w.boolean(l.balanced());
  w.endObject();
}

}  // namespace

std::string formatReportJson(const RunReport& r, const WallClock& wall) {
  JsonWriter w;
  w.beginObject();
  w.key("scenario");
  w.string(r.scenario);
  field(w, "seed", r.seed);
  field(w, "sim_time_s", r.simTimeS);
  field(w, "events", r.events);
  field(w, "wall_s", wall.seconds);
  field(w, "events_per_s", wall.seconds > 0 ? static_cast<double>(r.events) / wall.seconds : 0.0);
  w.key("trace_hash");
  w.string(hex64(r.traceHash));
  w.key("ledger");
  writeLedger(w, r.ledger);
  w.key("components");
  w.beginObject();
  for (const auto& [kind, index] : r.order) {
    switch (kind) {
      case ComponentKind::Producer:
        w.key(r.producers[index].id);
        w.beginObject();
        writeProducer(w, r.producers[index]);
        break;
      case ComponentKind::Queue:
        w.key(r.queues[index].id);
        w.beginObject();
        writeQueue(w, r.queues[index]);
        break;
      case ComponentKind::Consumer:
        w.key(r.consumers[index].id);
        w.beginObject();
        writeConsumer(w, r.consumers[index]);
        break;
    }
    w.endObject();
  }
  w.endObject();
  w.endObject();
  return w.take();
}

}  // namespace brokerlab::cli
