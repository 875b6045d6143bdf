#pragma once

#include "model/Model.h"
#include "sim/ComponentState.h"
#include "sim/EventQueue.h"
#include "sim/LatencyLog.h"
#include "sim/Ledger.h"
#include "sim/Message.h"
#include "sim/RunLimits.h"
#include "sim/Trace.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace brokerlab {

enum class StopReason {
  ReachedTime,        // every event up to the requested time has run; the clock stands at that time
  EventBudget,        // the event budget ran out first (the UI's per-frame budget)
  TraceFull,          // captured trace records wait to be pulled before the run can go on
  InvariantViolated,  // a checked invariant failed: `violation()` says which, after which event;
                      // the run cannot go on
  LimitReached,       // the run holds as much as RunLimits allows: `limitReached()` says which;
                      // the run cannot go on (the state is kept, so reports show where it stopped)
};

// The discrete-event simulator: the model (shared, immutable) plus the whole mutable state as plain
// values. Copying a Simulator is a checkpoint; two copies run on identically.
//
// Each event is handled by a switch on its kind (no virtual dispatch). Handlers live in
// Simulator.cpp (the loop), Sampling.cpp (the time series), Broker.cpp (queues) and Clients.cpp
// (producers, consumers).
class Simulator {
 public:
  explicit Simulator(std::shared_ptr<const Model> model);

  // Runs every event with time <= `until` (capped at the model's limits), at most `maxEvents`.
  StopReason runUntil(SimTime until, std::uint64_t maxEvents = UINT64_MAX);
  StopReason run() { return runUntil(model_->duration); }

  const Model& model() const { return *model_; }
  SimTime now() const { return now_; }
  std::uint64_t eventsProcessed() const { return events_; }
  // Of those, the hops that ran inside the event that caused them (claimInline): none while
  // invariants are checked or the trace is captured.
  std::uint64_t eventsRunInline() const { return eventsInline_; }
  std::size_t pendingEvents() const { return queue_.size(); }
  // When the next event is due (kNever when none is): a comparison steps two runs to the earlier.
  SimTime nextEventTime() const { return queue_.empty() ? kNever : queue_.top().time; }
  // When each consumer instance's current service ends, by instance (kNever where it processes
  // nothing): with the message's `since`, the progress a view that lands mid-run draws. A scan of
  // the event set, for landings, not for every frame.
  std::vector<SimTime> serviceEnds() const;
  std::uint64_t traceHash() const { return hash_.value(); }
  TraceBuffer& trace() { return trace_; }
  const Ledger& ledger() const { return ledger_; }
  const MessagePool& messages() const { return pool_; }

  const std::vector<ProducerState>& producers() const { return producers_; }
  const std::vector<QueueState>& queues() const { return queues_; }
  const std::vector<QueueMetrics>& queueMetrics() const { return queueMetrics_; }
  const std::vector<ProducerMetrics>& producerMetrics() const { return producerMetrics_; }
  const std::vector<ConsumerState>& consumers() const { return consumers_; }
  const std::vector<ConsumerMetrics>& consumerMetrics() const { return consumerMetrics_; }
  const std::vector<ConsumerInstanceState>& instances() const { return instances_; }
  const std::vector<TopicState>& topics() const { return topics_; }
  const std::vector<StreamState>& streams() const { return streams_; }
  const std::vector<GroupState>& groups() const { return groups_; }
  const std::vector<ClientState>& clients() const { return clients_; }
  const std::vector<ApiState>& apis() const { return apis_; }
  const std::vector<StoreState>& stores() const { return stores_; }
  const std::vector<Job>& jobs() const { return jobs_; }

  // Applies a fault now (the UI's fault buttons). It joins the run's timeline: `liveFaults()`
  // lists such faults with their times, so that saving them into the scenario replays this run
  // exactly. "Now" is the first nanosecond after the clock at which no event is due (the events
  // before it run first): a scenario fault at that time starts before any event of its instant,
  // and so does the live one. Returns an error (and changes nothing) when the fault does not fit
  // the model or the captured trace must be pulled first.
  std::string injectFault(FaultSpec spec);
  const std::vector<FaultSpec>& liveFaults() const { return liveFaults_; }
  // The same for an action (a consumer group's offset reset: replay), listed in liveActions().
  std::string injectAction(ActionSpec spec);
  const std::vector<ActionSpec>& liveActions() const { return liveActions_; }
  const std::vector<FaultDef>& faults() const { return faults_; }
  const std::vector<LinkState>& links() const { return links_; }
  std::uint64_t lostInBrokerRestarts() const { return lostInRestarts_; }
  // A restarting broker accepts nothing before this time (0 when it never went down).
  SimTime brokerDownUntil() const { return brokerDownUntil_; }

  // Invariant checks after every event (conservation, prefetch, max_length, unacked accounting,
  // group ownership, offsets, jobs) and at the points where a rule applies (no expired message
  // delivered, redelivered set exactly on redeliveries). On by default in debug builds; tests
  // turn them on; release runs can.
  void setInvariantChecks(bool on) { checkInvariants_ = on; }
  bool invariantChecks() const { return checkInvariants_; }
  const std::string& violation() const { return violation_; }

  // Whether the run loop prefetches for the events ahead (lookAhead()): on when the state the
  // handlers read outgrows a core's cache. It changes nothing a run computes, only how fast;
  // tests turn it on for small models to show that.
  bool looksAhead() const { return lookAhead_; }
  void setLookAhead(bool on) { lookAhead_ = on; }

  // Bounds on what the run may hold (sim/RunLimits.h); lower ones suit an interactive session.
  void setLimits(const RunLimits& limits) {
    limits_ = limits;
    mayBeAtLimit_ = true;  // a lowered limit may be reached already
  }
  const RunLimits& limits() const { return limits_; }
  // Empty until a limit is reached; then which one, when, and how the scenario can stay under it.
  const std::string& limitReached() const { return limitReached_; }
  std::uint64_t retainedRecords() const { return retainedRecords_; }
  // The whole-state part of the checks; empty when every invariant holds.
  std::string invariantViolation() const;
  // Lets a test break the books on purpose, to prove the checker can fail.
  Ledger& ledgerForTesting() { return ledger_; }
  // Let a test hand an instance more deliveries than the broker gave, to prove the checks see it.
  std::vector<ConsumerInstanceState>& instancesForTesting() { return instances_; }
  std::vector<QueueState>& queuesForTesting() { return queues_; }
  // Lets a test change the broker's downtime alone, to prove that operator== sees it.
  void setBrokerDownUntilForTesting(SimTime t) { brokerDownUntil_ = t; }

  // About how many bytes a copy of this simulator holds (its state; the model is shared): what a
  // checkpoint costs. Counts every container's capacity, so it is an upper bound of what is used.
  std::size_t stateBytes() const;
  // How many time series the run keeps (as metrics/SeriesCatalog lists them) and the points each
  // holds at most: together within kSeriesPointBudget, each at least 64 and at most 2048.
  std::size_t seriesCount() const;
  std::size_t seriesPointsEach() const;

  // Simulators are equal when their models and every bit of their state are.
  bool operator==(const Simulator& o) const;

 private:
  StopReason runEvents(SimTime until, std::uint64_t maxEvents);
  // Runs to the first nanosecond after now at which no event is due (see injectFault); an error
  // when the run cannot go on there (a full trace buffer, a broken invariant, a limit).
  std::string settleForLiveChange();
  void dispatchEvent(const Event& e);
  StopReason afterEvent();
  // A hop due at `at` may run at once, inside the event that causes it, instead of as an event of
  // its own when it is due now, it would be the very next event taken (nothing else is due now),
  // the run's event budget has room for it, and no after-event check is on (invariants, a captured
  // trace) or asked for (a limit): then the run is the same, event for event, as if it had been
  // scheduled, and saves the run loop's round. The hop is counted as the event it stands for, and
  // keeps its sequence number, so that runClaimed() can still make it that event.
  bool claimInline(SimTime at) {
    if (at != now_ || spare_ == 0 || mayBeAtLimit_ || inlineReply_ != kNone ||
        inlineReceive_ != kNone || !queue_.nextWouldBe(now_))
      return false;
    --spare_;
    ++eventsInline_;
    claimedSequence_ = queue_.scheduled();
    queue_.skipSequence();
    return true;
  }
  // Runs a claimed hop now, or, when the event that claimed it has since grown a count a run limit
  // bounds (the run loop then asks for the limits before the next event), puts it back among the
  // events as the one it would have been.
  template <class Run>
  void runClaimed(std::uint64_t sequence, EventKind kind, std::uint32_t a, std::uint32_t b,
                  Run&& run) {
    if (mayBeAtLimit_) {
      ++spare_;
      --eventsInline_;
      queue_.putBack(now_, sequence, kind, a, b);
      return;
    }
    ++events_;
    run();
  }
  // Sampling.cpp: the time series, sized at build and sampled every sample_interval.
  void initSeries();
  void takeSamplesThrough(SimTime t);
  void takeSample();
  void sampleQueues();
  void sampleProducers();
  void sampleConsumers();
  void sampleApis();
  void sampleClients();
  void sampleGroups();
  double perS(std::uint64_t now, std::uint64_t before) const;
  double intervalMean(double area, double areaBefore) const;

  // Producers and consumers (Clients.cpp)
  void onProducerEmit(std::uint32_t producer, std::uint32_t queue);
  void scheduleNextEmit(std::uint32_t producer);
  void drawKey(std::uint32_t producer, Message& m);
  void onConsumerJoin(std::uint32_t consumer);
  void onConsumerLeave(std::uint32_t consumer);
  void onConsumerReceive(std::uint32_t instance, std::uint32_t msg);
  void startNextDelivery(std::uint32_t instance);  // the first buffered delivery
  void startDelivery(std::uint32_t instance, std::uint32_t msg);
  void onServiceDone(std::uint32_t instance, std::uint32_t msg);
  void finishQueueDelivery(std::uint32_t instance, std::uint32_t msg);

  // Topics (Topics.cpp)
  void fanOut(std::uint32_t topic, std::uint32_t msg);

  // Streams and consumer groups (Streams.cpp, Groups.cpp)
  void append(std::uint32_t stream, std::uint32_t msg);
  void onRetentionCheck(std::uint32_t stream);
  void fetch(std::uint32_t instance);
  void onStreamReadDone(std::uint32_t instance, std::uint32_t msg);
  void startRebalance(std::uint32_t group);
  void onRebalanceEnd(std::uint32_t group, std::uint32_t generation);
  void assignPartitions(std::uint32_t group);
  void commitProcessed(std::uint32_t group);
  void onAutoCommit(std::uint32_t group);
  void onResetOffsets(std::uint32_t action);
  void applyReset(std::uint32_t group);
  // After a change of the group's lag: `changed` names the one partition whose lag can have moved
  // (an append to it, a commit of it), kNone any of them.
  void setLag(std::uint32_t group, std::uint32_t changed = kNone);
  void setPartitionLags(std::uint32_t group, std::uint32_t changed);
  void recordGroupEvent(TraceKind kind, std::uint32_t group, std::uint32_t partition, SimTime aux);

  // Request-reply: clients (RequestClients.cpp), the API and store (RequestApi.cpp), workers
  void onClientConnect(std::uint32_t client);
  void onClientSubmit(std::uint32_t client);
  void scheduleNextSubmit(std::uint32_t client);
  void onClientPoll(std::uint32_t job);
  void onClientCancel(std::uint32_t job);
  void onClientTimeout(std::uint32_t job);
  void onClientResponse(std::uint32_t request);
  void onJobPostAnswered(std::uint32_t job, const HttpRequest& r);
  void onStatusAnswered(std::uint32_t job, const HttpRequest& r);
  void onClientNotified(std::uint32_t job, JobStatus status, bool webhook);
  void learnJobEnd(std::uint32_t job, JobStatus status);
  void schedulePoll(std::uint32_t job);
  void finishJob(std::uint32_t job, ClientOutcome outcome);
  void closeEventStream(std::uint32_t job);
  std::uint32_t sendRequest(std::uint32_t client, std::uint32_t job, HttpMethod method, Route route,
                            bool unknownId);
  void onApiArrive(std::uint32_t request);
  void startRequest(std::uint32_t api, std::uint32_t request);
  void onApiStoreCall(std::uint32_t request);
  void onApiRespond(std::uint32_t request);
  void respond(std::uint32_t api, std::uint32_t request, int status, JobStatus reported);
  void releaseSlot(std::uint32_t api);
  void publishJob(std::uint32_t api, std::uint32_t job);
  void notifyJobEnd(std::uint32_t job);
  bool applyJobStatus(std::uint32_t job, JobStatus to, std::uint32_t writer);
  void onStoreApply(std::uint32_t job, std::uint32_t packed);
  bool workerStartsJob(std::uint32_t instance, std::uint32_t msg);
  SimTime workerEndsJob(std::uint32_t instance, std::uint32_t msg, bool failed);
  void setOutcome(std::uint32_t job, ClientOutcome outcome);
  std::uint32_t allocateRequest();
  void recordHttp(TraceKind kind, std::uint64_t id, std::uint32_t component, std::uint32_t peer,
                  SimTime aux, HttpDetail detail, std::uint32_t instance = kNone);
  std::uint64_t requestId(const HttpRequest& r) const {
    return r.unknownId || r.job == kNone ? 0 : jobs_[r.job].id;
  }
  // An instance's consumer, from the model's small table rather than the instance's state: the
  // consumer's definition and state can then be fetched alongside the instance's line, not after
  // it (in a large model each is a cache miss on a message's hops).
  std::uint32_t consumerOf(std::uint32_t instance) const {
    return model_->instanceConsumer[instance];
  }
  std::uint32_t apiOfJob(std::uint32_t job) const { return model_->clients[jobs_[job].client].api; }
  // The component that published `m`: its producer, or the API that turned a POST into a job.
  std::uint32_t publisherComponent(const Message& m) const {
    return m.producer != kNone ? model_->producers[m.producer].component
                               : model_->apis[apiOfJob(m.job)].component;
  }

  // Faults (engine/faults/Faults.cpp)
  void onFaultStart(std::uint32_t fault);
  void onFaultEnd(std::uint32_t fault);
  void crashInstance(std::uint32_t instance, SimTime restartAfter, bool closing = false);
  void endHeld(std::uint32_t msg, Outcome o, bool eventPending);
  void onCrashDetected(std::uint32_t instance);
  void requeueOrphan(std::uint32_t msg);
  bool requeueOrphans(std::uint32_t instance);
  void onInstanceRestart(std::uint32_t instance, std::uint32_t epoch);
  void scaleConsumer(std::uint32_t consumer, std::uint32_t instances);
  void setPrefetch(std::uint32_t consumer, std::uint32_t prefetch);
  void setPollInterval(std::uint32_t client, SimTime interval);  // RequestClients.cpp
  std::vector<std::uint32_t> heldBy(std::uint32_t instance) const;
  void stopProcessing(std::uint32_t instance);
  void orphan(std::uint32_t instance, std::uint32_t msg);
  // A broker restart (engine/faults/BrokerRestart.cpp)
  void brokerGoesDown(SimTime downtime);
  void disconnect(std::uint32_t instance);
  void onBrokerUp();
  void loseMessage(std::uint32_t msg, std::uint32_t component, bool eventPending);
  bool brokerDown() const { return now_ < brokerDownUntil_; }
  // A component's link as faults left it, or null while no partition or degrade fault has
  // started: every link is then as good as new, and a hop need not read links_ (in a large model
  // that read is a cache miss on each hop).
  const LinkState* faultedLink(std::uint32_t component) const {
    return linkFaultSeen_ ? &links_[component] : nullptr;
  }
  // Whether an event for `msg` comes too late: its holder crashed (Orphaned) or the slot is only
  // kept for this event (Tombstone). Inline: every hop of a delivery asks, and the answer is
  // almost always no.
  bool staleEvent(std::uint32_t msg) {
    const MessageState s = pool_[msg].state;
    if (s != MessageState::Tombstone && s != MessageState::Orphaned) [[likely]]
      return false;
    settleStaleEvent(msg);
    return true;
  }
  void settleStaleEvent(std::uint32_t msg);
  void recordFault(TraceKind kind, const FaultDef& f);

  // Broker (Broker.cpp)
  void onBrokerReceive(std::uint32_t msg);
  void enqueue(std::uint32_t queue, std::uint32_t msg, bool fromDeadLetter);
  void dispatch(std::uint32_t queue);
  void expireHead(std::uint32_t queue);
  std::uint32_t nextInstanceWithCredit(std::uint32_t queue);
  void onBrokerAck(std::uint32_t instance, std::uint32_t msg);
  void onBrokerNack(std::uint32_t instance, std::uint32_t msg);
  void onQueueExpiry(std::uint32_t queue);
  void scheduleExpiryCheck(std::uint32_t queue);
  // Whether `queue` can hold a message that expires: only with a TTL of its own, or in a model
  // whose producers set expirations (enqueue sets expiresAt from nothing else). Elsewhere every
  // message in it has expiresAt == kNever.
  bool messagesCanExpire(std::uint32_t queue) const {
    return model_->queues[queue].ttl != 0 || model_->messageExpirations;
  }
  void requeue(std::uint32_t msg);
  void dropHeadDownTo(std::uint32_t queue, std::uint64_t keep);
  void deadLetterOrEnd(std::uint32_t queue, std::uint32_t msg, DeadLetterReason why);

  // A rule checked where it applies (engine/faults/Invariants.cpp).
  void expectInvariant(bool holds, const char* rule, const Message& m) {
    if (checkInvariants_ && !holds && violation_.empty()) noteViolation(rule, m.serial);
  }
  void noteViolation(const std::string& rule, std::uint64_t message);
  // True (and limitReached_ set) when the run holds what limits_ allow; the message is built in
  // RunLimits.cpp. Asked after an event only when mayBeAtLimit_ says a bounded count grew.
  bool atLimit() {
    if (pool_.live() < limits_.liveMessages && retainedRecords_ < limits_.retainedRecords &&
        jobs_.size() < limits_.jobs &&
        requests_.size() - freeRequests_.size() < limits_.liveRequests)
      return false;
    noteLimit();
    return true;
  }
  void noteLimit();
  // Every message comes from here: a new message is a count that limits_ bound. The flag is set
  // only when this message reaches the limit: the count can reach it at an event's end only if it
  // reached it at the event's last allocation (it only falls after), and before the event it was
  // below (the run would have stopped). So a publish, most events, skips the check after it.
  std::uint32_t allocateMessage() {
    const std::uint32_t msg = pool_.allocate();
    if (pool_.live() >= limits_.liveMessages) mayBeAtLimit_ = true;
    return msg;
  }

  // Bookkeeping shared by both halves.
  // Inline, as record(): each hop calls them, and a call costs more than their work.
  void setState(std::uint32_t msg, MessageState s) {
    Message& m = pool_[msg];
    if (m.state != MessageState::Free) --ledger_.inState[static_cast<std::size_t>(m.state)];
    ++ledger_.inState[static_cast<std::size_t>(s)];
    m.state = s;
  }
  void end(std::uint32_t msg, Outcome o) {
    // A topic copy refused by its full subscription queue ends without ever having had a place.
    if (pool_[msg].state != MessageState::Free)
      --ledger_.inState[static_cast<std::size_t>(pool_[msg].state)];
    ++ledger_.outcomes[static_cast<std::size_t>(o)];
    pool_.release(msg);
  }
  // Starts fetching what the broker reads of a queue (its definition's line; the two lines of its
  // state: the ring and depth, the credit cursor and counters) as soon as a message's queue is
  // known, so that in a large model those misses overlap the current hop's own instead of
  // stalling the next hop (the broker's receive or ack).
  void prefetchQueue(std::uint32_t queue) const {
    __builtin_prefetch(&model_->queues[queue]);
    const auto* lines = reinterpret_cast<const char*>(&queues_[queue]);
    __builtin_prefetch(lines);
    __builtin_prefetch(lines + 64);
  }
  // The run loop's look-ahead. In a large model every line a handler reads first is a cache miss,
  // and its misses come one after another (the event, its message, then the message's queue, then
  // the queue's ring, then the next message). The heap holds the events to come, so the loop
  // requests those lines ahead, in three steps an event apart, each from lines the step before
  // requested (read earlier, they would stall the loop instead). The events between heap events
  // (a chain of zero-delay hops) are the work the misses overlap. Nothing here decides anything:
  // a prefetch changes no state, and a wrong guess costs only the lines it fetched.
  //
  // Step 1: the lines an event reads first. Forced inline into lookAhead(), as the other steps:
  // GCC drops a call to a function that only prefetches.
  [[gnu::always_inline]] void prefetchFor(const Event& next) const {
    switch (next.kind()) {
      case EventKind::ProducerEmit: {
        const auto* def = reinterpret_cast<const char*>(&model_->producers[next.a]);
        __builtin_prefetch(def);
        __builtin_prefetch(def + 64);
        const auto* state = reinterpret_cast<const char*>(&producers_[next.a]);
        __builtin_prefetch(state, 1);
        __builtin_prefetch(state + 64, 1);
        if (next.b != kNone) prefetchQueue(next.b);
        break;
      }
      case EventKind::ServiceDone: {
        __builtin_prefetch(&pool_[next.b], 1);
        const auto* inst = reinterpret_cast<const char*>(&instances_[next.a]);
        __builtin_prefetch(inst, 1);
        __builtin_prefetch(inst + 64, 1);
        const std::uint32_t consumer = consumerOf(next.a);
        __builtin_prefetch(&model_->consumers[consumer]);
        __builtin_prefetch(&consumers_[consumer], 1);
        // Its ack dispatches the queue's next message: the queue first.
        if (const std::uint32_t queue = model_->instanceQueue[next.a]; queue != kNone)
          prefetchQueue(queue);
        break;
      }
      default:
        break;
    }
  }
  // Step 2, through step 1's lines. A publish: the ring slot it will write and the instance its
  // credit test reads first. A service end: the ring slot of the message its ack will dispatch.
  [[gnu::always_inline]] void prefetchDeeper(const Event& next) const {
    switch (next.kind()) {
      case EventKind::ProducerEmit: {
        if (next.b == kNone) break;
        const QueueState& q = queues_[next.b];
        __builtin_prefetch(q.ready.backSlot(), 1);
        const std::span<const std::uint32_t> listed = model_->listedInstances(next.b);
        if (q.rrCursor < listed.size()) __builtin_prefetch(&instances_[listed[q.rrCursor]].unacked);
        break;
      }
      case EventKind::ServiceDone: {
        const std::uint32_t queue = model_->instanceQueue[next.a];
        if (queue != kNone) __builtin_prefetch(queues_[queue].ready.frontSlot());
        break;
      }
      default:
        break;
    }
  }
  // Step 3, through step 2's: a service end's next message, the one in that ring slot.
  [[gnu::always_inline]] void prefetchDeepest(const Event& e) const {
    if (e.kind() != EventKind::ServiceDone) return;
    const std::uint32_t queue = model_->instanceQueue[e.a];
    if (queue == kNone) return;
    const IndexRing& ready = queues_[queue].ready;
    if (!ready.empty()) __builtin_prefetch(&pool_[ready.front()], 1);
  }
  // Which events the steps were taken for (their seqKind, unique): a step reads only the lines of
  // an event whose step before was taken at least one heap event ago.
  struct LookAhead {
    static constexpr std::uint64_t kNoEvent = ~std::uint64_t{0};
    std::uint64_t first = kNoEvent;   // step 1 taken
    std::uint64_t second = kNoEvent;  // step 2 taken
  };
  // At each event taken from the heap (`taken`): step 3 for it, step 2 for the heap's new front
  // (step 1 for it when it was not the second then: an event scheduled since), step 1 for the
  // event after that. Out of line: inlined, its code cost the run loop registers, and small models,
  // which never run it, 4-8% (it writes `ahead`, so GCC keeps the call).
  [[gnu::noinline]] void lookAhead(const Event& taken, LookAhead& ahead) const {
    if (taken.seqKind == ahead.second) prefetchDeepest(taken);
    const Event* next = queue_.heapFront();
    if (next == nullptr) return;
    if (next->seqKind == ahead.first) {
      prefetchDeeper(*next);
      ahead.second = next->seqKind;
    } else {
      prefetchFor(*next);
    }
    const Event* after = queue_.heapSecond();
    if (after == nullptr) return;
    prefetchFor(*after);
    ahead.first = after->seqKind;
  }
  void setDepth(std::uint32_t queue) {
    QueueState& q = queues_[queue];
    q.depth.set(now_, q.ready.size());
  }
  void recordLatency(LatencyOwner owner, std::uint32_t index, SimTime ns) {
    if (latencies_.add(owner, index, ns)) flushLatencies();
  }
  void flushLatencies();
  void settleWindows();
  void record(TraceKind kind, const Message& m, std::uint32_t component, std::uint32_t peer,
              std::uint32_t instance, SimTime aux) {
    const auto number = static_cast<std::uint16_t>(model_->instanceNumber(instance));
    const auto redelivered = static_cast<std::uint8_t>(m.redelivered);
    // Hashed from the values, and built as a record only when it is captured (TraceHash::add).
    hash_.add(now_, aux, m.serial, component, peer, m.partition, number, kind, redelivered);
    if (trace_.capturing())
      trace_.add({now_, aux, m.serial, component, peer, m.partition, number, kind, redelivered});
  }
  void emitRecord(const TraceRecord& r) {
    hash_.add(r);
    trace_.add(r);
  }
  std::uint32_t newMessageFrom(const Message& original);
  // When something sent now over a FIFO link arrives (a later send never overtakes an earlier
  // one), with the link's faults. Inline: a message crosses three links.
  SimTime sendOverLink(SimTime& linkFreeAt, const Sampler& latency, Rng& rng,
                       std::uint32_t component) {
    SimTime delay = latency.sample(rng);
    SimTime at = now_ + delay;
    if (const LinkState* link = faultedLink(component)) {
      if (link->latencyFactor != 1.0)
        delay = saturatedTime(static_cast<double>(delay) * link->latencyFactor);
      // A partitioned link holds what is sent until it heals (TCP retransmits; nothing is dropped).
      at = (link->heldUntil > now_ ? link->heldUntil : now_) + delay;
    }
    if (at < linkFreeAt) at = linkFreeAt;
    linkFreeAt = at;
    return at;
  }
  void schedule(SimTime at, EventKind kind, std::uint32_t a, std::uint32_t b) {
    queue_.push(now_, at, kind, a, b);
  }

  std::shared_ptr<const Model> model_;
  SimTime now_ = 0;
  std::uint64_t events_ = 0;
  std::uint64_t nextSerial_ = 1;
  SimTime nextSampleAt_;
  EventQueue queue_;
  MessagePool pool_;
  Ledger ledger_;
  TraceHash hash_;
  TraceBuffer trace_;
  LatencyLog latencies_;  // empty whenever runUntil has returned
  // Owners (as LatencyLog::owner) whose window histogram holds latencies; the windows are
  // moved into the run's histograms when runUntil returns, and emptied at every sample.
  std::vector<std::uint32_t> unsettled_;
  std::vector<ProducerState> producers_;
  std::vector<QueueState> queues_;
  std::vector<ProducerMetrics> producerMetrics_;
  std::vector<QueueMetrics> queueMetrics_;
  std::vector<ConsumerState> consumers_;
  std::vector<ConsumerMetrics> consumerMetrics_;
  std::vector<ConsumerInstanceState> instances_;
  std::vector<TopicState> topics_;
  std::vector<StreamState> streams_;
  std::vector<GroupState> groups_;
  std::vector<ClientState> clients_;
  std::vector<ApiState> apis_;
  std::vector<StoreState> stores_;
  std::vector<Job> jobs_;
  std::vector<HttpRequest> requests_;  // slots, reused through freeRequests_
  std::vector<std::uint32_t> freeRequests_;
  std::vector<FaultDef> faults_;       // the model's, then those applied live
  std::vector<FaultSpec> liveFaults_;  // as applied, for saving into the scenario
  std::vector<ActionDef> actions_;     // the model's, then those applied live
  std::vector<ActionSpec> liveActions_;
  std::vector<LinkState> links_;  // per component
  bool linkFaultSeen_ = false;    // a partition or degrade fault has started (faultedLink)
  SimTime brokerDownUntil_ = 0;   // a restarting broker accepts nothing before this
  std::uint64_t lostInRestarts_ = 0;
#ifdef NDEBUG
  bool checkInvariants_ = false;
#else
  bool checkInvariants_ = true;
#endif
  std::string violation_;
  Event lastEvent_{};
  RunLimits limits_;
  std::uint64_t retainedRecords_ = 0;  // in all streams: what RunLimits::retainedRecords bounds
  std::string limitReached_;
  // Set wherever a count that limits_ bound grows (a retained record, a job, a request; a message
  // only when it reaches its limit), in an event or not; the run loop asks atLimit() after an event
  // only while it is set, and clears it when no limit is reached: with no count grown since a check
  // that passed, none can be reached (four comparisons saved on most events). Not compared by
  // operator==: it only decides when to ask.
  bool mayBeAtLimit_ = true;
  // Whether the run loop looks ahead (lookAhead()): set from the model's size when built.
  bool lookAhead_ = false;
  // While an event runs: how many more the run may take (0 while after-event checks are on, and
  // outside a run); claimInline() takes from it. Not compared by operator==: it only decides which
  // hops skip the run loop, never what happens.
  std::uint64_t spare_ = 0;
  // A service end's ack (or nack) that claimed to run inline: it runs once the service end's other
  // work is done, as it would have run next. kNone otherwise.
  std::uint32_t inlineReply_ = kNone;
  bool inlineReplyIsNack_ = false;
  std::uint64_t inlineReplySequence_ = 0;
  // A delivery that claimed to run inline (dispatch): its arrival at the instance runs once the
  // event that dispatched it is done (runEvents), as it would have run next. kNone otherwise.
  std::uint32_t inlineReceive_ = kNone;
  std::uint32_t inlineReceiveInstance_ = kNone;
  std::uint64_t inlineReceiveSequence_ = 0;
  std::uint64_t claimedSequence_ = 0;  // the sequence number the last claimed hop keeps
  std::uint64_t eventsInline_ = 0;     // not compared by operator== either: see eventsRunInline()
};

}  // namespace brokerlab
