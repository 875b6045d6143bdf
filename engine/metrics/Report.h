#pragma once

// A run's results as plain numbers, ready for the CLI's table and JSON and for tests. Built from a
// simulator at any moment (mid-run too); wall-clock figures are the caller's business, since the
// engine never reads the clock.

#include "scenario/Scenario.h"
#include "sim/ComponentState.h"
#include "sim/Ledger.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace brokerlab {

class Simulator;

struct LatencySummary {
  std::uint64_t count = 0;
  double meanS = 0, p50S = 0, p95S = 0, p99S = 0, maxS = 0;
};

struct QueueReport {
  std::string id;
  QueueCounters counters;
  std::uint64_t depthNow = 0;
  std::uint64_t unackedNow = 0;
  double depthMean = 0;  // time-averaged number of ready messages
  std::uint64_t depthMax = 0;
  double arrivalRatePerS = 0;  // enqueued / simulated time
  LatencySummary wait;         // enqueue (or requeue) -> delivery: one per delivery
  // delivered / simulated time. A redelivered message waits again, so with redeliveries Little's
  // law (depth mean = rate x wait mean) holds with this rate, not with the arrival rate.
  double deliveryRatePerS = 0;
  // Dead-lettered by reason (DeadLetterReason: expired, maxlen, rejected, delivery_limit); they
  // add up to counters.deadLettered.
  std::array<std::uint64_t, kDeadLetterReasonCount> deadLetteredBy{};
  std::uint64_t rejectedNoRequeue = 0;  // failures rejected without requeue (dead-lettered or not)
  // Every consumer of it acks automatically: a delivery ends a message here and nothing is ever
  // acked, so `counters.acked` says nothing about its consumers (not in the JSON report).
  bool autoAckOnly = false;
};

struct ConsumerReport {
  std::string id;
  std::uint32_t instances = 0;  // at the end, after scale faults
  std::uint64_t processed = 0;
  std::uint64_t failed = 0;
  double utilization = 0;     // busy time / instance time in service (scale faults change it)
  std::uint64_t crashes = 0;  // instance crashes (faults)
  std::uint64_t closes = 0;   // channels closed (close faults)
  std::uint64_t requeuedAfterCrash = 0;   // manual ack: orphans requeued once noticed
  std::uint64_t lostInCrash = 0;          // auto ack: deliveries lost with a crashed instance
  std::uint32_t instancesConfigured = 0;  // the scenario's count
  std::string stream;                     // a stream consumer's stream and group; else empty
  std::string group;
};

struct ProducerReport {
  std::string id;
  std::uint64_t sent = 0;
  std::uint64_t rejected = 0;
  std::uint64_t bytesSent = 0;
  LatencySummary endToEnd;  // publish -> ack (manual) or processed (auto); none into a stream
  std::string target;       // the queue, topic or stream it publishes to (its groups time those)
};

// A topic subscription: the consumer's own queue behind the topic.
struct SubscriptionReport {
  std::string consumer;
  bool durable = false;
  std::uint64_t missed = 0;  // published while its consumer was offline (non-durable only)
  QueueReport queue;
};

struct TopicReport {
  std::string id;
  std::uint64_t published = 0;
  std::uint64_t fannedOut = 0;
  std::uint64_t missed = 0;
  std::uint64_t unrouted = 0;
  std::vector<SubscriptionReport> subscriptions;
};

struct PartitionReport {
  std::uint64_t startOffset = 0;
  std::uint64_t endOffset = 0;
  std::uint64_t segments = 0;
};

struct GroupReport {
  std::string name;
  std::uint64_t processed = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t rebalances = 0;
  std::uint64_t skippedByRetention = 0;
  std::uint64_t lagNow = 0;
  double lagMean = 0;  // time-averaged total lag over partitions
  std::uint64_t lagMax = 0;
  std::vector<std::uint64_t> committed;  // per partition
  std::vector<std::string> owners;       // per partition: "consumer#k", or "" while unassigned
  LatencySummary endToEnd;               // publish -> processed by this group
};

struct StreamReport {
  std::string id;
  std::uint64_t appended = 0;
  std::uint64_t retained = 0;
  std::uint64_t deletedByRetention = 0;
  std::vector<PartitionReport> partitions;
  std::vector<GroupReport> groups;
};

// Request-reply: one client's jobs as it saw them.
struct ClientReport {
  std::string id;
  std::string api;
  Notify notify = Notify::Poll;
  std::uint64_t submitted = 0;
  std::uint64_t requests = 0;  // every HTTP request it sent (POSTs, polls, result GETs, ...)
  std::uint64_t polls = 0;
  std::array<std::uint64_t, kClientOutcomeCount> outcomes{};  // by ClientOutcome
  double pollsPerJobMean = 0;                                 // over jobs it has finished with
  std::uint64_t pollsPerJobP99 = 0;
  std::uint64_t pollsPerJobMax = 0;
  LatencySummary timeToResult;      // POST sent -> result in hand
  std::uint64_t notifications = 0;  // webhook calls and pushes received
  std::uint64_t lateResponses = 0;  // answers for jobs it had already given up on
};

struct HttpStatusCount {
  int status = 0;
  std::uint64_t count = 0;
};

struct ApiReport {
  std::string id;
  std::string queue;
  std::string store;
  std::uint32_t concurrency = 0;
  std::uint64_t requests = 0;              // arrived from clients
  std::vector<HttpStatusCount> responses;  // codes that occurred, ascending
  double utilization = 0;                  // busy slot time / (concurrency x simulated time)
  double waitingMean = 0;                  // time-averaged requests waiting for a slot
  std::uint64_t waitingMax = 0;
  LatencySummary wait;          // arrival -> a slot takes the request
  std::uint64_t accepted = 0;   // jobs created (202)
  std::uint64_t callbacks = 0;  // webhook calls made
  std::uint64_t pushes = 0;     // SSE / websocket notifications sent
  double heldConnectionsMean = 0;
  std::uint64_t heldConnectionsMax = 0;
  std::array<std::uint64_t, kJobStatusCount> jobs{};  // by JobStatus, now (None stays 0)
};

struct StoreReport {
  std::string id;
  std::uint64_t reads = 0;
  std::uint64_t writes = 0;
  std::uint64_t refusedWrites = 0;
  double resultTtlS = 0;
  // The job records it holds now, by JobStatus: those of the APIs that keep their status here
  // (not in the JSON report, whose APIs list them).
  std::array<std::uint64_t, kJobStatusCount> jobs{};
};

struct RunReport {
  std::string scenario;
  std::uint64_t seed = 0;
  double simTimeS = 0;
  // Empty when the run reached its end time; else why it stopped sooner (a broken invariant or a
  // run limit), and the figures below are those of that moment.
  std::string stoppedEarly;
  std::uint64_t events = 0;
  std::uint64_t traceHash = 0;
  Ledger ledger;
  std::vector<ProducerReport> producers;
  std::vector<QueueReport> queues;
  std::vector<ConsumerReport> consumers;
  std::vector<TopicReport> topics;
  std::vector<StreamReport> streams;
  std::vector<ClientReport> clients;
  std::vector<ApiReport> apis;
  std::vector<StoreReport> stores;
  // Scenario order: which list each component is in, and where.
  std::vector<std::pair<ComponentKind, std::uint32_t>> order;
};

LatencySummary summarize(const LatencyHistogram& h);
RunReport buildReport(const Simulator& sim);
// The job records status store `store` holds now, by JobStatus (StoreReport::jobs; the canvas
// reads it every frame without building a report).
std::array<std::uint64_t, kJobStatusCount> storeJobs(const Simulator& sim, std::uint32_t store);
// The stream `p` publishes to, or nullptr (a queue or a topic). A stream's records are done once
// per group that reads them, each in its own time: such a producer has no end to end of its own,
// its stream's groups have theirs.
const StreamReport* streamOf(const RunReport& r, const ProducerReport& p);
// The group a stream consumer reads in, or nullptr (a queue's or a topic's consumer).
const GroupReport* groupOf(const RunReport& r, const ConsumerReport& c);

}  // namespace brokerlab
