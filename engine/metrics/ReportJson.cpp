// The --json report: a stable vocabulary that scripts and CI parse (docs/cli.md).

#include "metrics/ReportJson.h"

#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <cstdio>

namespace brokerlab {

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

// Nothing measured is null, as it is "-" in the table: a 0 would read as no waiting at all.
void writeLatency(JsonWriter& w, const char* prefix, const LatencySummary& l) {
  const std::string p(prefix);
  for (const auto& [suffix, value] :
       {std::pair{"_mean_s", l.meanS}, std::pair{"_p50_s", l.p50S}, std::pair{"_p95_s", l.p95S},
        std::pair{"_p99_s", l.p99S}, std::pair{"_max_s", l.maxS}}) {
    w.key(p + suffix);
    if (l.count == 0) {
      w.null();
    } else {
      w.number(value);
    }
  }
}

void writeQueueFields(JsonWriter& w, const QueueReport& q) {
  const QueueCounters& c = q.counters;
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
  field(w, "delivery_rate_per_s", q.deliveryRatePerS);
  writeLatency(w, "wait", q.wait);
  field(w, "rejected_no_requeue", q.rejectedNoRequeue);
  w.key("dead_letter_reasons");  // x-death's reasons; they add up to dead_lettered
  w.beginObject(JsonWriter::Style::Inline);
  for (int why = 0; why < kDeadLetterReasonCount; ++why) {
    w.key(std::string(deadLetterReasonName(static_cast<DeadLetterReason>(why))));
    w.integer(q.deadLetteredBy[static_cast<std::size_t>(why)]);
  }
  w.endObject();
}

void writeQueue(JsonWriter& w, const QueueReport& q) {
  w.key("kind");
  w.string("queue");
  writeQueueFields(w, q);
}

void writeTopic(JsonWriter& w, const TopicReport& t) {
  w.key("kind");
  w.string("topic");
  field(w, "published", t.published);
  field(w, "fanned_out", t.fannedOut);
  field(w, "missed", t.missed);
  field(w, "unrouted", t.unrouted);
  w.key("subscriptions");
  w.beginObject();
  for (const SubscriptionReport& s : t.subscriptions) {
    w.key(s.consumer);
    w.beginObject();
    w.key("durable");
    w.boolean(s.durable);
    field(w, "missed", s.missed);
    writeQueueFields(w, s.queue);
    w.endObject();
  }
  w.endObject();
}

void writeGroup(JsonWriter& w, const GroupReport& g) {
  w.beginObject();
  field(w, "processed", g.processed);
  field(w, "duplicates", g.duplicates);
  field(w, "rebalances", g.rebalances);
  field(w, "skipped_by_retention", g.skippedByRetention);
  field(w, "lag_now", g.lagNow);
  field(w, "lag_mean", g.lagMean);
  field(w, "lag_max", g.lagMax);
  w.key("committed");
  w.beginArray(JsonWriter::Style::Inline);
  for (const std::uint64_t c : g.committed) w.integer(c);
  w.endArray();
  w.key("owners");
  w.beginArray(JsonWriter::Style::Inline);
  for (const std::string& o : g.owners) w.string(o);
  w.endArray();
  writeLatency(w, "latency", g.endToEnd);
  w.endObject();
}

void writeStream(JsonWriter& w, const StreamReport& s) {
  w.key("kind");
  w.string("stream");
  field(w, "appended", s.appended);
  field(w, "retained", s.retained);
  field(w, "deleted_by_retention", s.deletedByRetention);
  w.key("partitions");
  w.beginArray();
  for (const PartitionReport& p : s.partitions) {
    w.beginObject(JsonWriter::Style::Inline);
    field(w, "start_offset", p.startOffset);
    field(w, "end_offset", p.endOffset);
    field(w, "segments", p.segments);
    w.endObject();
  }
  w.endArray();
  w.key("groups");
  w.beginObject();
  for (const GroupReport& g : s.groups) {
    w.key(g.name);
    writeGroup(w, g);
  }
  w.endObject();
}

void writeConsumer(JsonWriter& w, const ConsumerReport& c) {
  w.key("kind");
  w.string("consumer");
  field(w, "instances", std::uint64_t{c.instances});
  field(w, "instances_configured", std::uint64_t{c.instancesConfigured});
  field(w, "processed", c.processed);
  field(w, "failed", c.failed);
  field(w, "utilization", c.utilization);
  field(w, "crashes", c.crashes);
  field(w, "channel_closes", c.closes);
  field(w, "requeued_after_crash", c.requeuedAfterCrash);
  field(w, "lost_in_crash", c.lostInCrash);
}

void writeProducer(JsonWriter& w, const ProducerReport& p) {
  w.key("kind");
  w.string("producer");
  field(w, "sent", p.sent);
  field(w, "rejected", p.rejected);
  field(w, "bytes_sent", p.bytesSent);
  field(w, "latency_count", p.endToEnd.count);
  writeLatency(w, "latency", p.endToEnd);
}

// "Pending" -> "pending": keys stay snake_case.
std::string lowerKey(std::string_view name) {
  std::string key(name);
  for (char& ch : key)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return key;
}

void writeClient(JsonWriter& w, const ClientReport& c) {
  w.key("kind");
  w.string("client");
  w.key("api");
  w.string(c.api);
  w.key("notify");
  w.string(std::string(rules::notifyNames()[static_cast<std::size_t>(c.notify)]));
  field(w, "submitted", c.submitted);
  field(w, "requests", c.requests);
  field(w, "polls", c.polls);
  w.key("outcomes");
  w.beginObject(JsonWriter::Style::Inline);
  for (int o = 0; o < kClientOutcomeCount; ++o) {
    w.key(std::string(clientOutcomeName(static_cast<ClientOutcome>(o))));
    w.integer(c.outcomes[static_cast<std::size_t>(o)]);
  }
  w.endObject();
  field(w, "polls_per_job_mean", c.pollsPerJobMean);
  field(w, "polls_per_job_p99", c.pollsPerJobP99);
  field(w, "polls_per_job_max", c.pollsPerJobMax);
  field(w, "time_to_result_count", c.timeToResult.count);
  writeLatency(w, "time_to_result", c.timeToResult);
  field(w, "notifications", c.notifications);
  field(w, "late_responses", c.lateResponses);
}

void writeApi(JsonWriter& w, const ApiReport& a) {
  w.key("kind");
  w.string("api");
  w.key("queue");
  w.string(a.queue);
  w.key("store");
  w.string(a.store);
  field(w, "concurrency", std::uint64_t{a.concurrency});
  field(w, "requests", a.requests);
  w.key("responses");  // by status code, those that occurred
  w.beginObject(JsonWriter::Style::Inline);
  for (const HttpStatusCount& r : a.responses) {
    w.key(std::to_string(r.status));
    w.integer(r.count);
  }
  w.endObject();
  field(w, "utilization", a.utilization);
  field(w, "waiting_mean", a.waitingMean);
  field(w, "waiting_max", a.waitingMax);
  field(w, "wait_count", a.wait.count);
  writeLatency(w, "wait", a.wait);
  field(w, "accepted", a.accepted);
  field(w, "callbacks", a.callbacks);
  field(w, "pushes", a.pushes);
  field(w, "held_connections_mean", a.heldConnectionsMean);
  field(w, "held_connections_max", a.heldConnectionsMax);
  w.key("jobs");  // by state in the store, now
  w.beginObject(JsonWriter::Style::Inline);
  for (int s = 1; s < kJobStatusCount; ++s) {
    w.key(lowerKey(jobStatusName(static_cast<JobStatus>(s))));
    w.integer(a.jobs[static_cast<std::size_t>(s)]);
  }
  w.endObject();
}

void writeStore(JsonWriter& w, const StoreReport& s) {
  w.key("kind");
  w.string("store");
  field(w, "reads", s.reads);
  field(w, "writes", s.writes);
  field(w, "refused_writes", s.refusedWrites);
  field(w, "result_ttl_s", s.resultTtlS);
}

void writeLedger(JsonWriter& w, const Ledger& l) {
  w.beginObject();
  field(w, "published", l.published);
  field(w, "copies", l.copies);
  field(w, "reads", l.reads);
  for (int s = 1; s < kMessageStateCount; ++s) {
    if (static_cast<MessageState>(s) == MessageState::Tombstone) continue;  // not a message
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

std::string formatReportJson(const RunReport& r, double wallSeconds) {
  JsonWriter w;
  w.beginObject();
  w.key("scenario");
  w.string(r.scenario);
  field(w, "seed", r.seed);
  field(w, "sim_time_s", r.simTimeS);
  if (!r.stoppedEarly.empty()) {
    w.key("stopped_early");
    w.string(r.stoppedEarly);
  }
  field(w, "events", r.events);
  field(w, "wall_s", wallSeconds);
  field(w, "events_per_s", wallSeconds > 0 ? static_cast<double>(r.events) / wallSeconds : 0.0);
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
      case ComponentKind::Topic:
        w.key(r.topics[index].id);
        w.beginObject();
        writeTopic(w, r.topics[index]);
        break;
      case ComponentKind::Stream:
        w.key(r.streams[index].id);
        w.beginObject();
        writeStream(w, r.streams[index]);
        break;
      case ComponentKind::Client:
        w.key(r.clients[index].id);
        w.beginObject();
        writeClient(w, r.clients[index]);
        break;
      case ComponentKind::Api:
        w.key(r.apis[index].id);
        w.beginObject();
        writeApi(w, r.apis[index]);
        break;
      case ComponentKind::Store:
        w.key(r.stores[index].id);
        w.beginObject();
        writeStore(w, r.stores[index]);
        break;
    }
    w.endObject();
  }
  w.endObject();
  w.endObject();
  return w.take();
}

}  // namespace brokerlab
