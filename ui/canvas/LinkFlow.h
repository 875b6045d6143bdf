#pragma once

// The flights on one link (one direction between two endpoints). A few are drawn one by one; past
// Animator::kDrawnPerLink the link is drawn as a flow of particles with its true figures, so the
// frame rate holds and nothing on screen is invented.

#include "canvas/Flight.h"

#include <cstdint>
#include <deque>
#include <vector>

namespace brokerlab::ui {

struct LinkFlow {
  Endpoint from;
  Endpoint to;
  FlightKind kind = FlightKind::Message;
  std::vector<Flight> flights;   // drawn one by one (at most Animator::kDrawnPerLink)
  std::deque<SimTime> arrivals;  // simulated arrival time of every message still in transit
  std::vector<std::uint8_t> recentColours;  // of the latest flights, for the particles
  std::uint64_t entered = 0;    // flights that took this link since the animator started
  double ratePerSimSecond = 0;  // exponentially weighted, time constant one simulated second
  SimTime rateAt = 0;
  double latencySeconds = 0;  // simulated, exponentially weighted over recent flights
  double load = 0;            // flights per animation second, exponentially weighted
  double loadAt = 0;          // animation clock of the last update of `load`
  double visualSeconds = 0;   // how long one crossing takes on screen now
  bool aggregated = false;

  std::size_t inTransit() const { return arrivals.size(); }
};

}  // namespace brokerlab::ui
