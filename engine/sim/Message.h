#pragma once

#include "base/Index.h"
#include "base/SimTime.h"

#include <cstdint>
#include <vector>

namespace brokerlab {

// Where a message is. Every published message is in exactly one place or one terminal state,
// which is what the conservation ledger (sim/Ledger) counts.
//
//   producer --publish--> ToBroker --arrive--> Ready ------deliver------> ToConsumer
//                            |                 ^  |  \                       |
//                    reject  |        requeue  |  |   expire / drop-head     | receive
//                            v      (nack)     |  |   (dead-letter: Ready    v
//                        [Rejected]            |  |    in another queue)   Buffered (prefetched)
//                                              |  v                          |
//                                     [Expired] [Dropped]                    | start
//                                              |                             v
//                                         NackToBroker <--fail--------- Processing
//                                                                            | done
//                                  manual ack: AckToBroker --ack--> [Acked]  |
//                                  auto ack:   [Consumed] or [FailedAutoAck] <
//
// A message published to a topic ends there as [FannedOut] once a copy of it is in the queue of
// every matching, present subscription ([Unrouted] when there is none); each copy then lives the
// life above. A message published to a stream ends as [Appended]: it is a record now, and every
// delivery of a record to a consumer group is a read, born ToConsumer and ending [ReadProcessed].
//
// A consumer crash turns what its instance held into Orphaned (manual ack: requeued, flagged
// redelivered, once the broker notices) or ends it as [LostConsumerCrash] (auto ack).
//
// [..] are terminal. With auto-ack a message leaves its queue the moment it is delivered
// (at-most-once); with manual ack it stays the queue's responsibility until the ack arrives.
enum class MessageState : std::uint8_t {
  Free,          // the pool slot holds no message
  ToBroker,      // on the link from its producer
  Ready,         // waiting in a queue
  ToConsumer,    // on the link to a consumer instance
  Buffered,      // prefetched at the instance, waiting for it to be free
  Processing,    // being processed
  AckToBroker,   // processed; the ack is on its way
  NackToBroker,  // failed; the nack (requeue) is on its way
  Orphaned,      // held by a crashed consumer: unacked until the broker notices the crash
  Tombstone,     // not a message: a slot kept until an event already scheduled for it has fired
};
inline constexpr int kMessageStateCount = 10;

// One cache line, aligned to one: a large model's hops each read a message that has long left the
// cache (the one whose service ends, the head of a queue), and a message across two lines costs
// two misses. A stream read's offset, the one field only reads have, is kept by the pool apart
// (MessagePool::readOffset).
struct alignas(64) Message {
  std::uint64_t serial = 0;  // publish order, from 1: the message's name in traces
  SimTime publishedAt = 0;
  // When its current phase began: its wait in a queue (set at enqueue and requeue, read at
  // dispatch for the wait), or its processing (set when an instance starts on it, read by a view
  // that lands mid-run for the instance's progress). One field: the two never overlap.
  SimTime since = 0;
  SimTime expiresAt = kNever;
  std::uint32_t producer = kNone;
  std::uint32_t queue = kNone;     // the queue it belongs to now
  std::uint32_t instance = kNone;  // the consumer instance holding it, if any
  std::uint32_t deliveries = 0;
  std::uint32_t key = 0;  // routing key index (topics) or record key number (streams, 0 = none)
  std::uint32_t partition = 0;  // stream records and reads
  std::uint32_t job = kNone;    // a request-reply job message: the job's index
  MessageState state = MessageState::Free;
  bool redelivered = false;
  bool poison = false;         // processing it always fails (a poison fault)
  bool orphanPending = false;  // Orphaned or Tombstone: an event for its old holder is pending
  bool operator==(const Message&) const = default;
};
static_assert(sizeof(Message) == 64);

// Messages live in a pool of slots addressed by index; freed slots are reused, so a bounded backlog
// needs bounded memory and the steady state allocates nothing.
class MessagePool {
 public:
  std::uint32_t allocate() {
    if (!free_.empty()) {
      const std::uint32_t i = free_.back();
      free_.pop_back();
      return i;
    }
    slots_.emplace_back();
    readOffsets_.push_back(0);
    return static_cast<std::uint32_t>(slots_.size() - 1);
  }
  void release(std::uint32_t i) {
    slots_[i].state = MessageState::Free;
    free_.push_back(i);
  }
  Message& operator[](std::uint32_t i) { return slots_[i]; }
  const Message& operator[](std::uint32_t i) const { return slots_[i]; }
  // A stream read's offset in its partition (meaningless for other messages).
  std::uint64_t& readOffset(std::uint32_t i) { return readOffsets_[i]; }
  std::uint64_t readOffset(std::uint32_t i) const { return readOffsets_[i]; }
  std::size_t capacity() const { return slots_.size(); }
  std::size_t live() const { return slots_.size() - free_.size(); }
  std::size_t memoryBytes() const {  // heap bytes
    return slots_.capacity() * sizeof(Message) + readOffsets_.capacity() * sizeof(std::uint64_t) +
           free_.capacity() * sizeof(std::uint32_t);
  }
  bool operator==(const MessagePool&) const = default;

 private:
  std::vector<Message> slots_;
  std::vector<std::uint64_t> readOffsets_;  // beside slots_, one per slot
  std::vector<std::uint32_t> free_;
};

}  // namespace brokerlab
