#pragma once

// The mutable state of each component during a run: plain values with indices, no pointers,
// so the simulator copies as a checkpoint and compares for equality.

#include "base/IndexRing.h"
#include "base/LatencyHistogram.h"
#include "base/LatencyWindow.h"
#include "base/PercentileSeries.h"
#include "base/Rng.h"
#include "base/SimTime.h"
#include "base/TimeSeries.h"
#include "model/Http.h"
#include "sim/Ledger.h"
#include "sim/Message.h"
#include "sim/PartitionLog.h"

#include <array>
#include <cstdint>
#include <vector>

namespace brokerlab {

// The integral of a step function over simulated time (depth, busy instances): time averages
// come out exact rather than from samples.
struct TimeIntegral {
  double area = 0;  // value x nanoseconds
  SimTime since = 0;
  std::uint64_t value = 0;
  std::uint64_t max = 0;

  void set(SimTime now, std::uint64_t v) {
    area += static_cast<double>(value) * static_cast<double>(now - since);
    since = now;
    value = v;
    if (v > max) max = v;
  }
  double areaAt(SimTime now) const {
    return area + static_cast<double>(value) * static_cast<double>(now - since);
  }
  bool operator==(const TimeIntegral&) const = default;
};

// The four that every message moves come first, in the queue's second hot line (QueueState).
struct QueueCounters {
  std::uint64_t published = 0;  // arrived from producers
  std::uint64_t enqueued = 0;   // accepted into the ready list (from producers or dead-lettered in)
  std::uint64_t delivered = 0;  // deliveries, redeliveries included
  std::uint64_t acked = 0;
  std::uint64_t rejected = 0;  // refused by reject-publish
  std::uint64_t deadLetteredIn = 0;
  std::uint64_t nacked = 0;
  std::uint64_t redelivered = 0;  // deliveries that carried the redelivered flag
  std::uint64_t expired = 0;
  std::uint64_t deadLettered = 0;  // sent on to the dead-letter queue (for any reason)
  std::uint64_t dropped = 0;  // ended here by drop-head or the delivery limit (not dead-lettered)
  bool operator==(const QueueCounters&) const = default;
};

// Time series kept per queue, one point per sample interval.
struct QueueSeries {
  TimeSeries publishedPerS, deliveredPerS, ackedPerS, depth, unacked;
  PercentileSeries wait;  // of the deliveries in each interval
  QueueCounters atLastSample;
  double depthAreaAtLastSample = 0;
  bool operator==(const QueueSeries&) const = default;
};

// What the event loop reads and writes for a queue. What it only records for reports lives in
// QueueMetrics: with 10,000 queues taking turns, every line of this struct is a likely cache miss,
// so it holds nothing else. Aligned to a line, a message's hops touch two of them: the ring and
// the depth, then the cursor and the hot counters.
struct alignas(64) QueueState {
  IndexRing ready;
  TimeIntegral depth;
  std::uint32_t unacked = 0;
  std::uint32_t rrCursor = 0;      // next instance to try, round-robin
  SimTime expiryCheckAt = kNever;  // time of the pending expiry event
  QueueCounters counters;
  bool operator==(const QueueState&) const = default;
};

struct QueueMetrics {
  LatencyHistogram wait;     // enqueue -> delivery; whole whenever the simulator is not running
  LatencyWindow waitWindow;  // where waits are recorded, until they move into `wait`
  QueueSeries series;
  // Rare events, kept here rather than in the hot QueueCounters: messages dead-lettered by
  // DeadLetterReason, and failures a consumer rejected without requeue (dead-lettered or not).
  std::array<std::uint64_t, kDeadLetterReasonCount> deadLetteredBy{};
  std::uint64_t rejectedNoRequeue = 0;
  bool operator==(const QueueMetrics&) const = default;
};

// Aligned to a line: a delivery's hops read the first two and the start of the third (the service
// draw's stream, 80 bytes with the logs it works out ahead; credit, both links and the buffer's
// storage; the buffer's length); what follows, only streams and faults use.
// Which consumer it belongs to is the model's to say (Simulator::consumerOf), not a field here.
struct alignas(64) ConsumerInstanceState {
  Rng rng;
  std::uint32_t unacked = 0;  // manual-ack deliveries not yet acked or nacked
  // Its consumer's prefetch in force (0 = unlimited): the model's, until a prefetch fault
  // changes it. Kept here, beside `unacked`, where each dispatch reads it.
  std::uint32_t prefetch = 0;
  // What it held when a prefetch fault set its prefetch below that (else 0): a lower prefetch
  // takes nothing back, so until the instance drains below it, unacked may exceed it, never this.
  std::uint32_t heldOverPrefetch = 0;
  bool online = false;  // between its consumer's join and leave
  bool busy = false;
  bool crashed = false;
  bool closed = false;         // down because it closed its channel (a close fault), not by a crash
  bool disconnected = false;   // its broker restarted: back when the broker is
  SimTime downLinkFreeAt = 0;  // links are FIFO, like a TCP connection
  SimTime upLinkFreeAt = 0;
  IndexRing buffer;  // prefetched deliveries waiting for the instance
  std::uint32_t nextPartition =
      0;                         // stream consumers: where the round over owned partitions resumes
  std::uint32_t crashEpoch = 0;  // tells a pending restart from one a later crash superseded
  std::vector<std::uint32_t> orphans;  // manual-ack deliveries of a crashed instance, publish order
  bool operator==(const ConsumerInstanceState&) const = default;
};

// Aligned to a line; the first holds what each message's service reads and moves.
struct alignas(64) ConsumerState {
  std::uint64_t processed = 0;
  std::uint64_t failed = 0;
  TimeIntegral busy;         // number of busy instances
  double serviceFactor = 1;  // a slow fault multiplies service times
  bool present = false;      // between join and leave
  TimeIntegral active;  // instances in service (scale faults change it): utilization's capacity
  std::uint64_t crashes = 0;
  std::uint64_t closes = 0;  // channels closed by a close fault
  std::uint64_t requeuedAfterCrash = 0;
  std::uint64_t lostInCrash = 0;
  bool operator==(const ConsumerState&) const = default;
};

// A consumer's series, apart from its hot state (as QueueMetrics).
struct ConsumerMetrics {
  TimeSeries utilization;      // busy instance-time / active instance-time; a gap with none active
  TimeSeries activeInstances;  // mean instances in service: weights the utilization over intervals
  double busyAreaAtLastSample = 0;
  double activeAreaAtLastSample = 0;
  bool operator==(const ConsumerMetrics&) const = default;
};

// A component's link to the broker, as faults leave it.
struct LinkState {
  SimTime heldUntil = 0;     // partitioned until then: what is sent waits
  double dropFraction = 0;   // a partitioned producer link drops this fraction of what is sent
  double latencyFactor = 1;  // degraded: latency multiplied
  bool operator==(const LinkState&) const = default;
};

// Aligned to a line: a publish reads and writes the first two, nothing else. (Bytes sent are `sent`
// times the producer's size_bytes: reports multiply rather than each publish adding.)
struct alignas(64) ProducerState {
  Rng rng;
  double rateFactor = 1;      // a spike multiplies the rate
  double poisonFraction = 0;  // a poison fault: this fraction of messages always fail
  std::uint64_t sent = 0;
  SimTime linkFreeAt = 0;
  std::uint64_t poisoned = 0;
  std::uint64_t rejected = 0;
  std::uint64_t droppedByPartition = 0;  // lost, or (with confirms) sent again when the link heals
  std::uint32_t nextPartition = 0;       // unkeyed records go round-robin
  bool operator==(const ProducerState&) const = default;
};

// A producer's records for reports, apart from its hot state (as QueueMetrics).
struct ProducerMetrics {
  LatencyHistogram endToEnd;     // publish -> ack (manual) or -> processed (auto), as `wait`
  LatencyWindow endToEndWindow;  // as QueueMetrics::waitWindow
  TimeSeries sentPerS;
  PercentileSeries endToEndSeries;
  std::uint64_t sentAtLastSample = 0;
  bool operator==(const ProducerMetrics&) const = default;
};

struct TopicState {
  std::uint64_t published = 0;
  std::uint64_t fannedOut = 0;  // copies made
  std::uint64_t missed = 0;     // copies not made because a non-durable subscriber was offline
  std::uint64_t unrouted = 0;   // messages no present subscription took
  std::vector<std::uint64_t> missedBySubscription;
  bool operator==(const TopicState&) const = default;
};

struct StreamState {
  std::vector<PartitionLog> partitions;
  std::uint64_t appended = 0;
  std::uint64_t deletedByRetention = 0;
  bool operator==(const StreamState&) const = default;
};

inline constexpr std::uint64_t kNoOffset = UINT64_MAX;
// A stream consumer with prefetch 0 ("unlimited") still holds at most this many records, like
// Kafka's max.poll.records.
inline constexpr std::uint32_t kMaxRecordsInFlight = 500;

// A consumer group's view of one partition.
struct GroupPartition {
  std::uint32_t owner = kNone;          // consumer instance, kNone while unassigned
  std::uint64_t committed = kNoOffset;  // where the group resumes after a rebalance
  std::uint64_t position = 0;           // the owner's next fetch
  std::uint64_t consumed =
      kNoOffset;  // one past the owner's last processed record: what a commit stores
  std::uint64_t processedHigh =
      0;  // one past the highest offset ever processed: duplicates below it
  bool operator==(const GroupPartition&) const = default;
};

// One partition's lag over time (committed offset to log end), integrated like the group's total.
struct PartitionLagSeries {
  TimeIntegral lag;
  TimeSeries series;
  double areaAtLastSample = 0;
  bool operator==(const PartitionLagSeries&) const = default;
};
// A group keeps a lag series per partition up to this many partitions, above only the total:
// 1,024 partitions would be 1,024 series, each a share of the series' point budget.
inline constexpr std::uint32_t kMaxPartitionLagSeries = 64;

struct GroupState {
  std::vector<GroupPartition> partitions;
  bool rebalancing = false;
  std::uint32_t generation = 0;  // tells a pending rebalance end from a superseded one
  bool resetPending = false;     // a reset-offsets action waits for the rebalance to end
  std::uint32_t resetAction = 0;
  std::uint64_t rebalances = 0;
  std::uint64_t processed = 0;
  std::uint64_t duplicates = 0;  // processed again: a re-read after a rebalance, crash or replay
  std::uint64_t skippedByRetention = 0;
  TimeIntegral lag;           // total over partitions of end offset - committed offset
  LatencyHistogram endToEnd;  // publish -> processed by this group
  TimeSeries lagSeries;
  double lagAreaAtLastSample = 0;
  // One per partition; none above kMaxPartitionLagSeries.
  std::vector<PartitionLagSeries> partitionLag;
  std::uint64_t retentionSeen = 0;  // the stream's deletedByRetention when all were last set
  bool operator==(const GroupState&) const = default;
};

// Request-reply: one job, from the client's POST to its end on both sides. The status store's view
// (`status`) and the client's view (`outcome`) are kept apart because they differ: a job can be
// Completed in the store while its client has already given up.
struct Job {
  std::uint64_t id = 0;  // the correlation id, from the same numbering as message serials
  SimTime submittedAt = 0;
  SimTime pollDelay = 0;  // the client's current poll interval (grows with backoff)
  std::uint32_t client = 0;
  std::uint32_t polls = 0;  // status requests the client sent for it
  JobStatus status = JobStatus::None;
  ClientOutcome outcome = ClientOutcome::Submitting;
  JobFailure failure = JobFailure::None;
  SimTime storeWriteFreeAt = 0;  // writes about one job land in the order they were made
  bool invalid = false;          // its POST has a bad body: 400
  bool streamOpen = false;       // SSE: an events stream is held open for it
  bool workerStarted = false;    // a worker marked it Running: it will write how it ended
  bool operator==(const Job&) const = default;
};

// An HTTP request from its sending to the arrival of its response.
struct HttpRequest {
  std::uint32_t job = kNone;
  std::uint32_t client = 0;
  SimTime arrivedAt = 0;  // at the API
  HttpMethod method = HttpMethod::Get;
  Route route = Route::Jobs;
  std::uint16_t status = 0;              // once answered
  JobStatus reported = JobStatus::None;  // the state a status response carried
  bool unknownId = false;                // sent to a job id that does not exist
  bool operator==(const HttpRequest&) const = default;
};

// A request-reply client's series, and what it has seen since the last sample.
struct ClientSeries {
  TimeSeries pollsPerJob;   // mean polls of the jobs that ended in the interval
  TimeSeries timeToResult;  // mean seconds, of the jobs whose result arrived in the interval
  std::uint64_t jobsEnded = 0;
  std::uint64_t pollsOfJobsEnded = 0;  // capped at kPollsPerJobCap each, as in pollsPerJob
  std::uint64_t results = 0;
  __extension__ unsigned __int128 resultNs = 0;  // cannot overflow, so the mean is exact
  bool operator==(const ClientSeries&) const = default;
};

struct ClientState {
  Rng rng;
  double rateFactor = 1;  // a spike multiplies the rate
  // The poll interval in force and its backoff's ceiling: the model's, until a poll fault
  // changes them (the ceiling is never below the interval).
  SimTime pollInterval = 0;
  SimTime maxPollInterval = 0;
  std::uint64_t submitted = 0;
  std::uint64_t requests = 0;
  std::uint64_t polls = 0;
  std::uint64_t notifications = 0;  // pushes and webhook calls received
  std::uint64_t lateResponses = 0;  // answers for jobs it had already given up on
  std::array<std::uint64_t, kClientOutcomeCount> outcomes{};
  LatencyHistogram timeToResult;           // POST sent -> result in hand
  std::vector<std::uint64_t> pollsPerJob;  // [n] = finished jobs that took n polls (capped)
  bool socketOpen = false;                 // websocket clients submit once their socket is open
  // What reached it last, packed (HttpDetail::pack; 0: nothing yet): a response (its status), or
  // a push or webhook call (status 0; the route says which). State, not drawn from the trace, so
  // that a view landing anywhere on the timeline shows what the client heard last.
  std::uint32_t lastHeard = 0;
  SimTime linkFreeAt = 0;
  ClientSeries series;
  bool operator==(const ClientState&) const = default;
};

inline constexpr std::size_t kPollsPerJobCap = 4096;  // more polls than this are counted here

struct ApiSeries {
  TimeSeries pending, running, requestsPerS, busy;
  std::array<TimeSeries, kHttpStatusSlots> responsesPerS;  // by status, as kHttpStatuses
  std::array<std::uint64_t, kHttpStatusSlots> responsesAtLastSample{};
  std::uint64_t requestsAtLastSample = 0;
  double busyAreaAtLastSample = 0;
  bool operator==(const ApiSeries&) const = default;
};

struct ApiState {
  Rng rng;
  IndexRing waiting;  // requests waiting for a free slot, FIFO
  std::uint32_t busySlots = 0;
  TimeIntegral busy;           // slots in use
  TimeIntegral waitingDepth;   // requests waiting
  TimeIntegral held;           // connections held open (SSE streams, websockets)
  LatencyHistogram wait;       // arrival -> a slot takes the request
  std::uint64_t requests = 0;  // arrived, callbacks not included
  std::array<std::uint64_t, kHttpStatusSlots> responses{};
  std::uint64_t accepted = 0;    // 202s: jobs created
  std::uint64_t callbacks = 0;   // webhook calls made
  std::uint64_t pushes = 0;      // SSE / websocket notifications sent
  SimTime brokerLinkFreeAt = 0;  // its connection to the broker is FIFO, like a producer's
  std::array<std::uint64_t, kJobStatusCount> jobs{};  // jobs of this API in each store state
  ApiSeries series;
  bool operator==(const ApiState&) const = default;
};

struct StoreState {
  Rng rng;
  std::uint64_t reads = 0;
  std::uint64_t writes = 0;
  std::uint64_t refusedWrites = 0;  // writes the job state machine does not allow
  bool operator==(const StoreState&) const = default;
};

}  // namespace brokerlab
