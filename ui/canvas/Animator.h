#pragma once

// Turns batches of trace records into motion (a plain class: OMNeT++'s lesson that animation is a
// state machine apart from the simulation). Animation time is not simulated time: a flight moves
// by its simulated progress, but never faster than kMinVisualSeconds of animation time, so a hop
// of a millisecond is still seen; the animation clock runs only while the run plays (or for a
// moment after a step), so a pause freezes everything on the canvas.

#include "canvas/Flight.h"
#include "canvas/LinkFlow.h"
#include "canvas/RecordMeaning.h"
#include "model/Model.h"
#include "sim/Trace.h"

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <vector>

namespace brokerlab {
class Simulator;
}

namespace brokerlab::ui {

class Animator {
 public:
  static constexpr double kMinVisualSeconds = 0.45;
  static constexpr std::size_t kDrawnPerLink = 30;  // more at once: the link becomes a flow
  static constexpr std::size_t kMaxBursts = 200;
  static constexpr double kBurstSeconds = 0.9;

  explicit Animator(std::shared_ptr<const Model> model);

  // Forgets every flight and burst (a restart, a jump in time, fast-forward).
  void clear();
  // Learns the colours of the messages already in the system, so their deliveries are coloured
  // by producer even when their publish happened while records were not captured.
  void learnColours(const Simulator& sim);
  // `speed` is simulated seconds per animation second now: it sets how long a crossing takes.
  void ingest(std::span<const TraceRecord> records, double speed);
  // Moves the animation clock on and retires what has arrived, in simulated and animation time.
  void advance(SimTime simNow, double animSeconds);

  // In [0, 1]: how far along its link a flight is drawn.
  double progress(const Flight& f, SimTime simNow) const;
  double clock() const { return clock_; }
  const std::vector<LinkFlow>& links() const { return links_; }
  const std::vector<Burst>& bursts() const { return bursts_; }
  const Activity& activity(std::uint32_t instance) const { return activity_[instance]; }
  const RecordMeaning& meaning() const { return meaning_; }

  std::size_t flightsDrawn() const;             // flights drawn one by one
  std::uint64_t messagesInTransit() const;      // on every link, in simulated time
  bool animating() const;                       // something would move if the clock ran
  double linkLoad(const LinkFlow& link) const;  // flights per animation second on it now

 private:
  LinkFlow& linkFor(const Flight& f);
  void addFlight(Flight f);
  std::uint8_t colourOfSerial(std::uint64_t serial) const;
  void noteSerial(std::uint64_t serial, std::uint8_t colour);

  std::shared_ptr<const Model> model_;
  RecordMeaning meaning_;
  double clock_ = 0;
  double speed_ = 1;
  SimTime simNow_ = 0;
  std::vector<LinkFlow> links_;
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::uint32_t> linkIndex_;
  std::vector<Burst> bursts_;
  std::vector<Activity> activity_;  // per consumer instance
  // Colours of recent messages by serial (serials are consecutive): a ring of 2^20 entries, so a
  // message older than a million publishes is drawn in the neutral colour rather than a wrong one.
  std::vector<std::uint8_t> serialColour_;
  std::uint64_t maxSerial_ = 0;
};

}  // namespace brokerlab::ui
