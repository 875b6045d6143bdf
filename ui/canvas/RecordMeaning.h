#pragma once

// What one trace record means on the canvas: a flight between two endpoints, a burst at one, or
// the start or end of an instance's processing. The only place that knows which record kind
// carries which times and peers (engine/sim/Trace.h documents them).

#include "canvas/Flight.h"
#include "model/Model.h"
#include "sim/Trace.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace brokerlab::ui {

// The colour index of every component: publishers (producers, clients, apis) take the palette in
// scenario order, so a message is drawn in its publisher's colour; others get 0xff.
std::vector<std::uint8_t> publisherColours(const Model& model);

// The word a burst shows over its place ("dropped", "crash", "delivery limit → DLQ").
QString burstWord(const Burst& burst);

class RecordMeaning {
 public:
  explicit RecordMeaning(const Model& model);

  enum class Process : std::uint8_t { Unchanged, Starts, Ends };
  // A record can mean several things: a manual ack ends the processing and flies back.
  struct Result {
    bool hasFlight = false;
    Flight flight;  // animStart and colour are left to the caller
    bool hasBurst = false;
    Burst burst;  // animStart is left to the caller
    Process process = Process::Unchanged;
    std::uint32_t instance = kNone;  // the global instance index, when process changes
  };
  Result interpret(const TraceRecord& r) const;

  // The colour index of a publisher (producer, client or api), in scenario order; 0xff otherwise.
  std::uint8_t publisherColour(std::uint32_t component) const { return colourOf_[component]; }
  // The global instance index of a consumer's instance number (from 1), or kNone.
  std::uint32_t instanceIndex(std::uint32_t consumerComponent, std::uint16_t number) const;

 private:
  Endpoint queueSide(std::uint32_t queueComponent, std::uint32_t consumerComponent) const;
  Endpoint instanceEnd(std::uint32_t consumerComponent, std::uint16_t number) const {
    return {consumerComponent, number, 0};
  }
  bool manualAck(std::uint32_t consumerComponent) const;
  bool isStream(std::uint32_t component) const;

  const Model& model_;
  std::vector<std::uint8_t> colourOf_;
};

}  // namespace brokerlab::ui
