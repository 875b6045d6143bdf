#pragma once

// What the canvas animates, as plain values built from trace records: a flight is a message (or an
// ack, an HTTP exchange, a store call) between two places on the canvas over simulated time.

#include "base/Index.h"
#include "base/SimTime.h"
#include "sim/Trace.h"

#include <cstdint>

namespace brokerlab::ui {

// A place a flight leaves from or arrives at: a component, one of a consumer's instances, one of a
// stream's partitions or one of a topic's subscriptions.
struct Endpoint {
  std::uint32_t component = kNone;
  std::uint16_t instance = 0;  // a consumer instance's number, from 1; 0: the component itself
  std::uint16_t lane = 0;      // a stream's partition + 1 or a topic's subscription + 1; 0: none
  std::uint64_t key() const {
    return (static_cast<std::uint64_t>(component) << 32) |
           (static_cast<std::uint64_t>(instance) << 16) | lane;
  }
  bool operator==(const Endpoint&) const = default;
};

enum class FlightKind : std::uint8_t {
  Message,     // publish, delivery
  Copy,        // a topic's copy into one of its subscriptions
  DeadLetter,  // into a dead-letter queue
  Ack,         // a manual ack on its way back to the broker
  Nack,        // a nack (requeue) on its way back
  Request,     // an HTTP request (label: method and path)
  Response,    // an HTTP response (label: status)
  Push,        // an SSE / WebSocket notification
  StoreCall,   // a status store read or write
};

struct Flight {
  Endpoint from;
  Endpoint to;
  SimTime t0 = 0;              // leaves (simulated)
  SimTime t1 = 0;              // arrives (simulated)
  double animStart = 0;        // the animation clock when it appeared (seconds)
  std::uint64_t id = 0;        // message serial, or job id for HTTP flights
  std::uint32_t http = 0;      // HttpDetail::pack() for HTTP and store flights
  std::uint8_t colour = 0xff;  // publisher colour index; 0xff: unknown
  FlightKind kind = FlightKind::Message;
  bool redelivered = false;
};

// A short-lived mark where something happened to a message or a component: a drop, an expiry, a
// rejection, a missed copy, a loss, a crash, a fault.
struct Burst {
  Endpoint at;
  double animStart = 0;
  TraceKind kind = TraceKind::Drop;
  std::uint8_t reason = 0;  // a DeadLetter's DeadLetterReason
};

// What a consumer instance is processing now (from its Process record), so it can draw progress.
struct Activity {
  SimTime start = 0;
  SimTime end = 0;
  std::uint64_t serial = 0;
  std::uint8_t colour = 0xff;
  bool active = false;
};

}  // namespace brokerlab::ui
