#pragma once

#include "base/SimTime.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace brokerlab {

// What an event does; the simulator switches on it (no virtual dispatch, no std::function).
enum class EventKind : std::uint8_t {
  ProducerEmit,     // a = producer, b = its queue or kNone (Simulator::onProducerEmit)
  BrokerReceive,    // b = message: a published message arrives at the broker
  ConsumerReceive,  // a = instance, b = message: a delivery arrives at a consumer instance
  ServiceDone,      // a = instance, b = message
  BrokerAck,        // a = instance, b = message: an ack arrives at the broker
  BrokerNack,       // a = instance, b = message: a nack (requeue) arrives at the broker
  QueueExpiry,      // a = queue: the head of the queue may have expired
  ConsumerJoin,     // a = consumer
  ConsumerLeave,    // a = consumer
  RebalanceEnd,     // a = group, b = generation
  AutoCommit,       // a = group
  RetentionCheck,   // a = stream
  ResetOffsets,     // a = action
  // Request-reply
  ClientConnect,   // a = client: a websocket client opens its connection
  ClientSubmit,    // a = client: POST the next job
  ClientPoll,      // a = job
  ClientCancel,    // a = job: DELETE it
  ClientTimeout,   // a = job: give up on it
  ClientResponse,  // b = request: the response reaches the client
  ClientNotified,  // a = job, b = (webhook << 8) | JobStatus: a push or webhook call arrives
  ApiArrive,       // b = request: a request reaches the API
  ApiStoreCall,    // b = request: the handler's work is done; it calls the store
  ApiRespond,      // b = request: the store answered; the API responds
  StoreApply,      // a = job, b = (writer consumer << 4) | JobStatus: a worker's write lands
  ResultExpire,    // a = job
  // Faults
  FaultStart,       // a = fault
  FaultEnd,         // a = fault
  CrashDetected,    // a = instance
  InstanceRestart,  // a = instance, b = crash epoch
};

// A small value: 24 bytes. The sequence number and the kind share one word so that comparing
// (time, sequence) is two integer comparisons; the kind sits in the low byte and never decides
// order because sequence numbers are unique.
struct Event {
  SimTime time;
  std::uint64_t seqKind;
  std::uint32_t a;
  std::uint32_t b;

  Event() = default;
  // A constructor, not only aggregate braces: emplace_back builds an event in place with it
  // (Clang 14 has no parenthesized aggregate initialization).
  constexpr Event(SimTime t, std::uint64_t sk, std::uint32_t first, std::uint32_t second)
      : time(t), seqKind(sk), a(first), b(second) {}

  EventKind kind() const { return static_cast<EventKind>(seqKind & 0xff); }
  std::uint64_t sequence() const { return seqKind >> 8; }
  // Without short-circuits, so that a caller can use it as a number and take no branch (the event
  // set's pop picks the earliest of four children so).
  bool before(const Event& o) const {
    return (time < o.time) | ((time == o.time) & (seqKind < o.seqKind));
  }
  bool operator==(const Event&) const = default;
};

// The future event set, ordered by (time, insertion sequence): ties are FIFO, so a run depends on
// nothing but the scenario and the seed.
//
// Two parts: a 4-ary min-heap for events in the future, and a FIFO for events scheduled at the
// current time (zero-latency hops). A zero-delay event always carries a larger sequence than every
// event already pending, so the FIFO stays sorted and the exact (time, sequence) order is kept by
// comparing the two fronts; most hops of a zero-latency model then never touch the heap.
class EventQueue {
 public:
  bool empty() const { return heapSize_ == 0 && nowHead_ == now_.size(); }
  std::size_t size() const { return heapSize_ + (now_.size() - nowHead_); }
  std::uint64_t scheduled() const { return nextSeq_; }
  // Whether an event due at `time` (the current time), scheduled now, would be the very next one
  // taken: nothing else is due at that time.
  bool nextWouldBe(SimTime time) const {
    return nowHead_ == now_.size() && (heapSize_ == 0 || heap_[0].time > time);
  }
  // The sequence number of an event that runs at once instead of being scheduled: every later
  // event keeps the number it would have had.
  void skipSequence() { ++nextSeq_; }
  // Such an event that must run as an event after all: at the head of the same-time FIFO with the
  // sequence number it kept, where it would have been (what was scheduled since came after it).
  void putBack(SimTime time, std::uint64_t sequence, EventKind kind, std::uint32_t a,
               std::uint32_t b) {
    const Event e(time, (sequence << 8) | static_cast<std::uint64_t>(kind), a, b);
    if (nowHead_ > 0) {
      now_[--nowHead_] = e;
    } else {
      now_.insert(now_.begin(), e);
    }
  }

  // `currentTime` is the simulator's clock; `time` must not be earlier.
  void push(SimTime currentTime, SimTime time, EventKind kind, std::uint32_t a, std::uint32_t b) {
    // The event is written field by field where it goes, never built on the stack and copied: a
    // copy reads it back 16 bytes at a time, a load the store buffer cannot forward from two
    // 8-byte stores, and it stalls until they have retired (on every hop).
    const std::uint64_t seqKind = (nextSeq_++ << 8) | static_cast<std::uint64_t>(kind);
    if (time == currentTime && (now_.size() == nowHead_ || now_.back().time == time)) {
      now_.emplace_back(time, seqKind, a, b);
    } else {
      heapPush(time, seqKind, a, b);
    }
  }

  const Event& top() const {
    if (nowHead_ == now_.size()) return heap_[0];
    if (heapSize_ == 0 || now_[nowHead_].before(heap_[0])) return now_[nowHead_];
    return heap_[0];
  }

  Event pop() {
    Event e;
    if (nowFirst()) {
      popNow(e);
    } else {
      heapPop(e);
    }
    return e;
  }

  // Where popDue() found the event it moved, if any.
  enum class Popped : std::uint8_t { Nothing, Now, Heap };
  // The run loop's pop: moves the earliest event into `out` when it is due by `until`, and
  // returns Nothing (moving nothing) when the set is empty or its earliest event is later. One
  // decision where top() then pop() would take it twice.
  Popped popDue(SimTime until, Event& out) {
    if (nowFirst()) {
      if (now_[nowHead_].time > until) return Popped::Nothing;
      popNow(out);
      return Popped::Now;
    }
    if (heapSize_ == 0 || heap_[0].time > until) return Popped::Nothing;
    heapPop(out);
    return Popped::Heap;
  }
  // The earliest event of the heap part (not the FIFO's), or null: what the run loop looks ahead
  // to. Zero-delay hops never enter the heap, so this is the next event that is not part of the
  // current chain of hops.
  const Event* heapFront() const { return heapSize_ == 0 ? nullptr : heap_.data(); }
  // The heap's second-earliest event (the earliest of the front's children), or null.
  const Event* heapSecond() const {
    const std::size_t n = heapSize_;
    if (n < 2) return nullptr;
    const Event* best = &heap_[1];
    for (std::size_t c = 2; c <= 4 && c < n; ++c)
      if (heap_[c].before(*best)) best = &heap_[c];
    return best;
  }

  // Every pending event, in no particular order: for queries that are not on any hop's path.
  template <class F>
  void forEachPending(F&& f) const {
    for (std::size_t i = 0; i < heapSize_; ++i) f(heap_[i]);
    for (std::size_t i = nowHead_; i < now_.size(); ++i) f(now_[i]);
  }

  std::size_t memoryBytes() const {  // heap bytes
    return (heap_.capacity() + now_.capacity()) * sizeof(Event);
  }
  // The same pending events in the same order (the FIFO's taken part and the storage aside: a hop
  // that ran inline never passed through it), and the same next sequence number.
  bool operator==(const EventQueue& o) const {
    return nextSeq_ == o.nextSeq_ &&
           std::equal(heap_.begin(), heap_.begin() + static_cast<std::ptrdiff_t>(heapSize_),
                      o.heap_.begin(),
                      o.heap_.begin() + static_cast<std::ptrdiff_t>(o.heapSize_)) &&
           std::equal(now_.begin() + static_cast<std::ptrdiff_t>(nowHead_), now_.end(),
                      o.now_.begin() + static_cast<std::ptrdiff_t>(o.nowHead_), o.now_.end());
  }

 private:
  // The FIFO's ends compared as addresses: its length would be a division by the event's size.
  bool nowFirst() const {
    const Event* head = now_.data() + nowHead_;
    return head != now_.data() + now_.size() && (heapSize_ == 0 || head->before(heap_[0]));
  }
  void popNow(Event& out) {
    const Event* head = now_.data() + nowHead_++;
    out = *head;
    // The last one out: the storage is reused from its start (no allocation in steady state).
    if (head + 1 == now_.data() + now_.size()) {
      now_.clear();
      nowHead_ = 0;
    }
  }
  void heapPush(SimTime time, std::uint64_t seqKind, std::uint32_t a, std::uint32_t b);
  // heapPush's rare case, its whole tail: with the growth out of line, the push calls nothing and
  // saves no registers (the vector's own growth path, inlined, made every push save six).
  void growAndPush(SimTime time, std::uint64_t seqKind, std::uint32_t a, std::uint32_t b);
  // Moves the earliest event into `out`, written where the caller keeps it (no copy through a
  // returned temporary).
  void heapPop(Event& out);

  // The heap is heap_'s first heapSize_ slots; the rest is room to grow into (the slots past it
  // hold whatever was last there, so nothing reads them).
  std::vector<Event> heap_;
  std::size_t heapSize_ = 0;
  std::vector<Event> now_;
  std::size_t nowHead_ = 0;
  std::uint64_t nextSeq_ = 0;
};

}  // namespace brokerlab
