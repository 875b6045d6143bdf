#include "sim/Trace.h"

#include <algorithm>

namespace brokerlab {

std::string_view traceKindName(TraceKind k) {
  static constexpr std::string_view names[kTraceKindCount] = {
      "publish",     "arrive", "enqueue", "deliver",   "receive",    "process",     "complete",
      "fail",        "ack",    "nack",    "requeue",   "expire",     "drop",        "reject",
      "dead-letter", "append", "miss",    "rebalance", "assign",     "reset",       "retain",
      "join",        "leave",  "request", "handle",    "store-read", "store-write", "job-state",
      "response",    "notify", "give-up", "fault",     "fault-end",  "crash",       "detect",
      "recover",     "lost",   "close"};
  const auto i = static_cast<std::size_t>(k);
  return i < kTraceKindCount ? names[i] : "unknown";
}

void TraceBuffer::append(const TraceRecord& r) {
  records_.push_back(r);
}

std::size_t TraceBuffer::pull(std::vector<TraceRecord>& out, std::size_t max) {
  const std::size_t n = std::min(max, records_.size());
  out.insert(out.end(), records_.begin(), records_.begin() + static_cast<std::ptrdiff_t>(n));
  records_.erase(records_.begin(), records_.begin() + static_cast<std::ptrdiff_t>(n));
  return n;
}

}  // namespace brokerlab
