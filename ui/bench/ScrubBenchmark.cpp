#include "bench/ScrubBenchmark.h"

#include "controller/SimulationController.h"
#include "model/ModelBuilder.h"

#include <QElapsedTimer>

#include <random>
#include <string>

namespace brokerlab::ui {

Scenario scrubScenario(std::uint64_t events) {
  // About five events a message: three producers at 1,000/s give 15,000 events a simulated second.
  constexpr double kRate = 1000;
  constexpr double kEventsPerSimSecond = 3 * kRate * 5;
  Scenario s;
  s.name = "Scrub benchmark: about " + std::to_string(events) + " events";
  s.description = "Built in for brokerlab --bench-scrub.";
  s.duration = static_cast<SimTime>(static_cast<double>(events) / kEventsPerSimSecond * 1e9);
  for (int i = 1; i <= 3; ++i) {
    ComponentSpec p = ComponentSpec::make("producer-" + std::to_string(i), ComponentKind::Producer);
    p.target = "work";
    p.rate = kRate;
    s.components.push_back(p);
  }
  s.components.push_back(ComponentSpec::make("work", ComponentKind::Queue));
  ComponentSpec c = ComponentSpec::make("workers", ComponentKind::Consumer);
  c.source = "work";
  c.instances = 8;
  c.prefetch = 2;
  c.service = Distribution::exponential(2 * kMillisecond);
  s.components.push_back(c);
  return s;
}

ScrubBenchResult runScrubBenchmark(const Scenario& scenario, int landings, std::uint64_t seed) {
  ScrubBenchResult r;
  SimulationController c;
  const QString error = c.load(scenario);
  if (!error.isEmpty()) return r;
  QElapsedTimer timer;
  timer.start();
  c.runUntil(c.model()->duration);  // as run-until does in the window: frames, checkpoints
  while (c.state() == SimulationController::RunState::Playing) c.advanceFrame(1.0 / 60);
  r.runSeconds = timer.nsecsElapsed() / 1e9;
  r.events = c.simulator().eventsProcessed();
  const auto model = c.model();
  const SimTime end = c.simulator().now();
  std::mt19937_64 pick(seed);  // the benchmark's own choice of moments
  for (int i = 0; i < landings; ++i) {
    const SimTime at = static_cast<SimTime>(pick() % static_cast<std::uint64_t>(end));
    timer.restart();
    c.seek(at);
    const double ms = timer.nsecsElapsed() / 1e6;
    Simulator straight(model);
    straight.runUntil(at);
    Simulator landed = c.simulator();
    landed.trace().setCapturing(false);
    r.landings.push_back({at, ms, landed == straight});
  }
  r.checkpoints = c.timeline().checkpoints().count();
  r.checkpointBytes = c.timeline().checkpoints().bytes();
  r.spacingEvents = c.timeline().checkpoints().spacingEvents();
  return r;
}

}  // namespace brokerlab::ui
