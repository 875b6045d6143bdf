#pragma once

#include "base/SimTime.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace brokerlab {

// The observable things that happen to a message; the UI animates them and the trace hash covers
// them.
enum class TraceKind : std::uint8_t {
  Publish,     // producer sends a message toward the broker (aux = arrival time)
  Arrive,      // the message reaches the broker
  Enqueue,     // it joins a queue's ready list
  Deliver,     // the broker sends it to a consumer instance (aux = arrival time)
  Receive,     // the delivery reaches the consumer instance
  Process,     // the instance starts processing it (aux = planned end)
  Complete,    // processing ended successfully (manual ack: the ack is sent; aux = ack arrival)
  Fail,        // processing failed (manual ack: a nack is sent; aux = nack arrival)
  Ack,         // the broker receives the ack: the message is done
  Nack,        // the broker receives the nack
  Requeue,     // the message goes back to the head of its queue, flagged redelivered
  Expire,      // its TTL ran out while it waited in a queue
  Drop,        // max_length with drop-head pushed it out, or it hit the delivery limit
  Reject,      // max_length with reject-publish refused it; the producer is told
  DeadLetter,  // it moves to the queue's dead-letter queue
  Append,      // a stream appends it to a partition (aux = offset)
  Miss,        // a topic could not copy it to an offline, non-durable subscription (peer)
  Rebalance,   // a consumer group stops consuming to reassign partitions (instance = group)
  Assign,      // the group's partitions are assigned again and consumption resumes
  Reset,       // a group's committed offsets are moved (replay)
  Retain,      // retention deleted old segments of a partition (aux = records deleted)
  Join,        // a consumer comes online (component = consumer)
  Leave,       // a consumer goes offline
  // Request-reply. In these records `message` is the job's correlation id (0: a job id that does
  // not exist) and `partition` holds an HttpDetail (model/Http.h): method, route, status, job
  // state.
  Request,     // an HTTP request leaves `component` for `peer` (aux = arrival time)
  Handle,      // the API takes the request into a free slot (aux = when it arrived)
  StoreRead,   // `component` (the API) reads the job from the store `peer` (aux = reply time)
  StoreWrite,  // `component` (API or worker) writes detail.job to the store (aux = applied at)
  JobState,    // the store applies the job's new state detail.job (aux = the old JobStatus)
  Response,    // an HTTP response leaves `component` for `peer` (aux = arrival time)
  Notify,      // the API pushes the job's end on a held SSE/WebSocket connection (aux = arrival)
  GiveUp,      // the client stops waiting for the job: its timeout passed
  // Faults. `aux` of Fault/FaultEnd is the FaultKind; component is the target (kNoComponent: the
  // broker); instance is a consumer instance's number where one is meant.
  Fault,     // a fault starts
  FaultEnd,  // a fault with a duration ends
  Crash,     // a consumer instance dies: what it held is orphaned (manual ack) or lost
  Detect,    // the broker (or the group) notices the crash: orphans are requeued, redelivered
  Recover,   // a crashed instance is back
  Lost,      // a message is lost (aux = the Outcome): auto-ack crash, broker restart
  Close,     // a consumer instance closes its channel: what it held goes back once the close
             // reaches the broker (a Detect record then)
};
inline constexpr int kTraceKindCount = 38;
std::string_view traceKindName(TraceKind k);

// One compact record (40 bytes). `component` and `peer` are component indices in scenario order;
// `instance` is the consumer instance number within its consumer (or 0); `partition` matters for
// streams only.
struct TraceRecord {
  SimTime time;
  SimTime aux;
  std::uint64_t message;  // the message's serial number (publish order, from 1); 0 for group events
  std::uint32_t component;
  std::uint32_t peer;
  std::uint32_t partition;
  std::uint16_t instance;
  TraceKind kind;
  std::uint8_t redelivered;
  bool operator==(const TraceRecord&) const = default;
};

inline constexpr std::uint32_t kNoComponent = 0xffffffffu;

// A running 64-bit hash of every trace record: the run's fingerprint. Always on, whether or not
// records are captured, so that tests can pin it and builds can be compared.
class TraceHash {
 public:
  void add(const TraceRecord& r) {
    add(r.time, r.aux, r.message, r.component, r.peer, r.partition, r.instance, r.kind,
        r.redelivered);
  }
  // The same from the fields as values: the simulator hashes each record from the values it has
  // at hand, and builds a TraceRecord in memory only when the trace is captured.
  void add(SimTime time, SimTime aux, std::uint64_t message, std::uint32_t component,
           std::uint32_t peer, std::uint32_t partition, std::uint16_t instance, TraceKind kind,
           std::uint8_t redelivered) {
    mix(static_cast<std::uint64_t>(time));
    mix(static_cast<std::uint64_t>(aux));
    mix(message);
    mix((static_cast<std::uint64_t>(component) << 32) | peer);
    mix((static_cast<std::uint64_t>(partition) << 32) |
        (static_cast<std::uint64_t>(instance) << 16) | (static_cast<std::uint64_t>(kind) << 8) |
        redelivered);
  }
  std::uint64_t value() const { return finalize(h_); }
  bool operator==(const TraceHash&) const = default;

 private:
  // Multiply-rotate mixing per word, splitmix64's finalizer at the end.
  void mix(std::uint64_t x) {
    h_ ^= x * 0x9E3779B97F4A7C15ULL;
    h_ = ((h_ << 27) | (h_ >> 37)) * 0xBF58476D1CE4E5B9ULL + 0x94D049BB133111EBULL;
  }
  static std::uint64_t finalize(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t h_ = 0x6A09E667F3BCC908ULL;
};

// Captured records waiting to be pulled (by the UI once per frame, by the CLI into a CSV file).
// Bounded: when it is full the simulator stops stepping and says so, instead of dropping records.
class TraceBuffer {
 public:
  explicit TraceBuffer(std::size_t capacity = 1 << 16) : capacity_(capacity) {}
  bool capturing() const { return capturing_; }
  void setCapturing(bool on) { capturing_ = on; }
  std::size_t capacity() const { return capacity_; }
  void setCapacity(std::size_t c) { capacity_ = c < 1 ? 1 : c; }
  bool full() const { return records_.size() >= capacity_; }
  std::size_t size() const { return records_.size(); }
  void add(const TraceRecord& r) {
    if (capturing_) append(r);
  }
  // Moves up to `max` of the oldest records into `out` (appending); returns how many.
  std::size_t pull(std::vector<TraceRecord>& out, std::size_t max);
  std::size_t memoryBytes() const { return records_.capacity() * sizeof(TraceRecord); }  // heap
  bool operator==(const TraceBuffer&) const = default;

 private:
  // Out of line (Trace.cpp): the simulator records at every hop and captures only while a view
  // pulls, so the vector's growth path stays out of every hop's code.
  void append(const TraceRecord& r);

  std::vector<TraceRecord> records_;
  std::size_t capacity_;
  bool capturing_ = false;
};

}  // namespace brokerlab
