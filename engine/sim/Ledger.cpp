#include "sim/Ledger.h"

namespace brokerlab {

std::string_view outcomeName(Outcome o) {
  static constexpr std::string_view names[kOutcomeCount] = {"acked",
                                                            "consumed",
                                                            "rejected",
                                                            "expired",
                                                            "dropped_overflow",
                                                            "dropped_delivery_limit",
                                                            "lost_auto_ack_failure",
                                                            "fanned_out",
                                                            "unrouted",
                                                            "appended",
                                                            "read_processed",
                                                            "lost_consumer_crash",
                                                            "read_abandoned",
                                                            "lost_broker_restart",
                                                            "lost_partition",
                                                            "rejected_by_consumer"};
  return names[static_cast<std::size_t>(o)];
}

std::string_view deadLetterReasonName(DeadLetterReason r) {
  static constexpr std::string_view names[kDeadLetterReasonCount] = {"expired", "maxlen",
                                                                     "rejected", "delivery_limit"};
  return names[static_cast<std::size_t>(r)];
}

std::string_view messageStateName(MessageState s) {
  static constexpr std::string_view names[kMessageStateCount] = {
      "free",       "to_broker",     "ready",          "to_consumer", "buffered",
      "processing", "ack_to_broker", "nack_to_broker", "orphaned",    "tombstone"};
  return names[static_cast<std::size_t>(s)];
}

std::string Ledger::recount(const MessagePool& pool) const {
  std::array<std::uint64_t, kMessageStateCount> actual{};
  for (std::size_t i = 0; i < pool.capacity(); ++i)
    ++actual[static_cast<std::size_t>(pool[static_cast<std::uint32_t>(i)].state)];
  std::string diff;
  for (int s = 1; s < kMessageStateCount; ++s) {
    if (static_cast<MessageState>(s) == MessageState::Tombstone) continue;  // not a message
    const auto i = static_cast<std::size_t>(s);
    if (actual[i] != inState[i])
      diff += std::string(messageStateName(static_cast<MessageState>(s))) + ": ledger " +
              std::to_string(inState[i]) + ", pool " + std::to_string(actual[i]) + "; ";
  }
  if (!balanced())
    diff += "created " + std::to_string(created()) + " != live " + std::to_string(live()) +
            " + ended " + std::to_string(ended()) + "; ";
  return diff;
}

}  // namespace brokerlab
