#include "canvas/RecordMeaning.h"

#include "sim/Ledger.h"

namespace brokerlab::ui {

std::vector<std::uint8_t> publisherColours(const Model& model) {
  std::vector<std::uint8_t> colours(model.components.size(), 0xff);
  std::uint32_t next = 0;
  for (std::size_t c = 0; c < model.components.size(); ++c) {
    const ComponentKind k = model.components[c].kind;
    if (k == ComponentKind::Producer || k == ComponentKind::Client || k == ComponentKind::Api)
      colours[c] = static_cast<std::uint8_t>(next++ % 0xfe);
  }
  return colours;
}

RecordMeaning::RecordMeaning(const Model& model)
    : model_(model), colourOf_(publisherColours(model)) {}

std::uint32_t RecordMeaning::instanceIndex(std::uint32_t consumerComponent,
                                           std::uint16_t number) const {
  if (consumerComponent >= model_.components.size() || number == 0) return kNone;
  const ComponentRef& ref = model_.components[consumerComponent];
  if (ref.kind != ComponentKind::Consumer) return kNone;
  const ConsumerDef& def = model_.consumers[ref.index];
  if (number > def.instanceSlots) return kNone;
  return def.firstInstance + number - 1;
}

bool RecordMeaning::manualAck(std::uint32_t consumerComponent) const {
  const ComponentRef& ref = model_.components[consumerComponent];
  return ref.kind == ComponentKind::Consumer && model_.consumers[ref.index].ack == AckMode::Manual;
}

bool RecordMeaning::isStream(std::uint32_t component) const {
  return component < model_.components.size() &&
         model_.components[component].kind == ComponentKind::Stream;
}

// A topic's deliveries and acks use the subscription's lane; a queue's, the queue itself.
Endpoint RecordMeaning::queueSide(std::uint32_t queueComponent,
                                  std::uint32_t consumerComponent) const {
  const ComponentRef& q = model_.components[queueComponent];
  if (q.kind != ComponentKind::Topic || consumerComponent >= model_.components.size()) {
    return {queueComponent, 0, 0};
  }
  const ComponentRef& c = model_.components[consumerComponent];
  if (c.kind != ComponentKind::Consumer) return {queueComponent, 0, 0};
  const std::uint32_t sub = model_.consumers[c.index].subscription;
  return {queueComponent, 0, static_cast<std::uint16_t>(sub == kNone ? 0 : sub + 1)};
}

RecordMeaning::Result RecordMeaning::interpret(const TraceRecord& r) const {
  Result out;
  const auto flight = [&](Endpoint from, Endpoint to, SimTime t1, FlightKind kind) {
    out.hasFlight = true;
    out.flight.from = from;
    out.flight.to = to;
    out.flight.t0 = r.time;
    out.flight.t1 = t1 < r.time ? r.time : t1;
    out.flight.id = r.message;
    out.flight.kind = kind;
    out.flight.redelivered = r.redelivered != 0;
  };
  const auto burst = [&](Endpoint at) {
    out.hasBurst = true;
    out.burst.at = at;
    out.burst.kind = r.kind;
  };
  const auto lane = [&](std::uint32_t component) {
    return isStream(component) ? static_cast<std::uint16_t>(r.partition + 1) : std::uint16_t{0};
  };
  switch (r.kind) {
    case TraceKind::Publish:
      // Into the stream's side where its link ends, not a partition's row: the broker picks the
      // partition when it appends (an Append record), and a publish's partition field is still 0
      // (every record flew to P0, covering its label).
      flight({r.component, 0, 0}, {r.peer, 0, 0}, r.aux, FlightKind::Message);
      break;
    case TraceKind::Deliver: {
      const Endpoint from = isStream(r.component) ? Endpoint{r.component, 0, lane(r.component)}
                                                  : queueSide(r.component, r.peer);
      flight(from, instanceEnd(r.peer, r.instance), r.aux, FlightKind::Message);
      break;
    }
    case TraceKind::Enqueue:
      // A topic's copy lands in one subscription: fly it from the hub to that lane.
      if (r.peer != kNone && model_.components[r.component].kind == ComponentKind::Topic)
        flight({r.component, 0, 0}, queueSide(r.component, r.peer), r.time, FlightKind::Copy);
      break;
    case TraceKind::DeadLetter:
      flight({r.component, 0, 0}, {r.peer, 0, 0}, r.time, FlightKind::DeadLetter);
      // Its word replaces the drop's or the expiry's just before it at the same queue: the
      // message goes on to the dead-letter queue, it is not lost.
      burst({r.component, 0, 0});
      out.burst.reason = static_cast<std::uint8_t>(r.aux);
      break;
    case TraceKind::Process:
      out.process = Process::Starts;
      out.instance = instanceIndex(r.component, r.instance);
      break;
    case TraceKind::Complete:
    case TraceKind::Fail:
      out.process = Process::Ends;
      out.instance = instanceIndex(r.component, r.instance);
      // A manual ack or nack travels back to its queue; a stream's aux is an offset, not a time.
      if (manualAck(r.component) && !isStream(r.peer) && r.peer != kNone)
        flight(instanceEnd(r.component, r.instance), queueSide(r.peer, r.component), r.aux,
               r.kind == TraceKind::Complete ? FlightKind::Ack : FlightKind::Nack);
      break;
    case TraceKind::Request:
      flight({r.component, 0, 0}, {r.peer, 0, 0}, r.aux, FlightKind::Request);
      out.flight.http = r.partition;
      break;
    case TraceKind::Response:
      flight({r.component, 0, 0}, {r.peer, 0, 0}, r.aux, FlightKind::Response);
      out.flight.http = r.partition;
      break;
    case TraceKind::Notify:
      flight({r.component, 0, 0}, {r.peer, 0, 0}, r.aux, FlightKind::Push);
      out.flight.http = r.partition;
      break;
    case TraceKind::StoreRead:
    case TraceKind::StoreWrite:
      flight({r.component, r.instance, 0}, {r.peer, 0, 0}, r.aux, FlightKind::StoreCall);
      out.flight.http = r.partition;
      break;
    case TraceKind::Drop:
    case TraceKind::Expire:
    case TraceKind::Reject:
      burst({r.component, 0, 0});
      break;
    case TraceKind::Miss:
      burst(queueSide(r.component, r.peer));
      break;
    case TraceKind::Crash:
    case TraceKind::Close:
      out.process = Process::Ends;
      out.instance = instanceIndex(r.component, r.instance);
      burst({r.component, r.instance, 0});
      break;
    case TraceKind::Lost:
    case TraceKind::Recover:
    case TraceKind::Detect:
      burst({r.component, r.instance, 0});
      break;
    case TraceKind::Fault:
      if (r.component != kNoComponent) burst({r.component, r.instance, 0});
      break;
    case TraceKind::GiveUp:
      burst({r.component, 0, 0});
      break;
    default:
      break;
  }
  return out;
}

QString burstWord(const Burst& b) {
  switch (b.kind) {
    case TraceKind::Drop:
      return QStringLiteral("dropped");
    case TraceKind::Expire:
      return QStringLiteral("expired");
    case TraceKind::DeadLetter:
      // Why the queue sent it on to its dead-letter queue.
      switch (static_cast<DeadLetterReason>(b.reason)) {
        case DeadLetterReason::Expired:
          return QStringLiteral("expired → DLQ");
        case DeadLetterReason::MaxLength:
          return QStringLiteral("overflow → DLQ");
        case DeadLetterReason::Rejected:
          return QStringLiteral("rejected → DLQ");
        case DeadLetterReason::DeliveryLimit:
          return QStringLiteral("delivery limit → DLQ");
      }
      return QStringLiteral("dead-lettered");
    case TraceKind::Reject:
      return QStringLiteral("rejected");
    case TraceKind::Miss:
      return QStringLiteral("missed");
    case TraceKind::Lost:
      return QStringLiteral("lost");
    case TraceKind::Crash:
      return QStringLiteral("crash");
    case TraceKind::Close:
      return QStringLiteral("channel closed");
    case TraceKind::Detect:
      return QStringLiteral("detected");
    case TraceKind::Recover:
      return QStringLiteral("back");
    case TraceKind::Fault:
      return QStringLiteral("fault");
    case TraceKind::GiveUp:
      return QStringLiteral("gave up");
    default:
      return {};
  }
}

}  // namespace brokerlab::ui
