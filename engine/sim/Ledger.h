#pragma once

#include "sim/Message.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace brokerlab {

// How a message's life ended.
enum class Outcome : std::uint8_t {
  Acked,                 // manual ack received by the broker
  Consumed,              // processed under auto-ack
  Rejected,              // refused by a full queue with reject-publish; the producer was told
  Expired,               // TTL ran out and there was no dead-letter queue
  DroppedOverflow,       // pushed out by drop-head (or refused by a full dead-letter queue)
  DroppedDeliveryLimit,  // exceeded max_deliveries with no dead-letter queue
  LostAutoAckFailure,    // processing failed under auto-ack: the broker had already let it go
  FannedOut,             // a topic copied it to its subscriptions
  Unrouted,              // a topic had no matching subscription present to take it
  Appended,              // a stream appended it as a record
  ReadProcessed,         // a consumer group processed its read of a stream record
  LostConsumerCrash,     // auto-ack: delivered to a consumer instance that crashed before the end
  ReadAbandoned,         // a stream read held by a crashed instance (the record stays in the log)
  LostBrokerRestart,     // in a transient queue, or sent unconfirmed to a broker that was down
  LostPartition,       // dropped by a partitioned producer link (a fraction) and never re-sent: no
                       // confirms
  RejectedByConsumer,  // a consumer rejected it without requeue and there was no dead-letter queue
};
inline constexpr int kOutcomeCount = 16;
std::string_view outcomeName(Outcome o);

// Why a message left its queue for the dead-letter queue, as RabbitMQ's x-death header names it
// (the aux of a DeadLetter trace record).
enum class DeadLetterReason : std::uint8_t { Expired, MaxLength, Rejected, DeliveryLimit };
inline constexpr int kDeadLetterReasonCount = 4;
std::string_view deadLetterReasonName(DeadLetterReason r);  // "expired", "maxlen", ...
std::string_view messageStateName(MessageState s);

// The conservation ledger: every message ever published (and every copy a topic made, every read of
// a stream record) is counted in exactly one place (a live state) or one outcome. Updated on every
// transition; `balanced()` is the invariant the tests check after runs, and `recount` compares it
// with the pool itself.
struct Ledger {
  std::uint64_t published = 0;
  std::uint64_t copies = 0;  // made by topics, one per subscription
  std::uint64_t reads = 0;   // stream records delivered to consumer groups
  std::array<std::uint64_t, kMessageStateCount> inState{};
  std::array<std::uint64_t, kOutcomeCount> outcomes{};

  std::uint64_t live() const {
    std::uint64_t n = 0;
    for (int s = 1; s < kMessageStateCount; ++s) n += inState[static_cast<std::size_t>(s)];
    // (Tombstone slots are never counted in inState.)
    return n;
  }
  std::uint64_t ended() const {
    std::uint64_t n = 0;
    for (std::uint64_t c : outcomes) n += c;
    return n;
  }
  std::uint64_t created() const { return published + copies + reads; }
  bool balanced() const { return created() == live() + ended(); }
  // Empty when the ledger agrees with the pool's actual message states; else what differs.
  std::string recount(const MessagePool& pool) const;
  bool operator==(const Ledger&) const = default;
};

}  // namespace brokerlab
