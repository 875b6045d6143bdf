#include "bench/UiBenchmark.h"

#include "canvas/Animator.h"
#include "canvas/TopologyView.h"
#include "charts/ChartPanel.h"
#include "charts/ChartsDock.h"
#include "controller/SimulationController.h"
#include "window/MainWindow.h"

#include <QElapsedTimer>
#include <QImage>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace brokerlab::ui {

Scenario stressScenario(std::uint64_t inFlight) {
  constexpr int kLanes = 8;
  constexpr SimTime kLinkLatency = 500 * kMillisecond;
  // Little's law on each producer link: in flight = rate x latency.
  const double rate = static_cast<double>(inFlight) / toSeconds(kLinkLatency) / kLanes;
  Scenario s;
  s.name = "UI stress: " + std::to_string(inFlight) + " messages in flight";
  s.description = "Built in for brokerlab --bench-ui.";
  s.duration = 10 * kMinute;
  for (int i = 0; i < kLanes; ++i) {
    const std::string n = std::to_string(i + 1);
    ComponentSpec p = ComponentSpec::make("producer-" + n, ComponentKind::Producer);
    p.target = "queue-" + n;
    p.rate = rate;
    p.latency = Distribution::constant(kLinkLatency);
    ComponentSpec q = ComponentSpec::make("queue-" + n, ComponentKind::Queue);
    ComponentSpec c = ComponentSpec::make("consumers-" + n, ComponentKind::Consumer);
    c.source = q.id;
    // Twice the capacity the rate needs, so queues stay short and the load is on the links.
    c.instances = 8;
    c.service = Distribution::exponential(static_cast<SimTime>(8 * 1e9 / (2 * rate)));
    c.prefetch = 4;
    s.components.push_back(p);
    s.components.push_back(q);
    s.components.push_back(c);
  }
  return s;
}

Scenario chartsStressScenario(std::uint64_t inFlight) {
  Scenario s = stressScenario(inFlight);
  s.name += ", a stream and a request-reply API, one hour sampled every 10 ms";
  s.duration = kHour + kMinute;
  s.sampleInterval = 10 * kMillisecond;
  // So that all six charts have series: a stream read by a consumer group (lag), and a client
  // polling an API whose workers write a status store (request-reply).
  ComponentSpec clicks = ComponentSpec::make("clicks", ComponentKind::Producer);
  clicks.target = "clickstream";
  clicks.rate = 50;
  ComponentSpec stream = ComponentSpec::make("clickstream", ComponentKind::Stream);
  stream.partitions = 4;
  ComponentSpec readers = ComponentSpec::make("dashboard", ComponentKind::Consumer);
  readers.source = "clickstream";
  readers.instances = 2;
  readers.service = Distribution::exponential(30 * kMillisecond);
  ComponentSpec client = ComponentSpec::make("browser", ComponentKind::Client);
  client.target = "jobs-api";
  client.rate = 2;
  client.pollInterval = kSecond;
  ComponentSpec api = ComponentSpec::make("jobs-api", ComponentKind::Api);
  api.queue = "jobs";
  api.store = "job-status";
  ComponentSpec jobs = ComponentSpec::make("jobs", ComponentKind::Queue);
  ComponentSpec workers = ComponentSpec::make("workers", ComponentKind::Consumer);
  workers.source = "jobs";
  workers.role = ConsumerRole::Worker;
  workers.store = "job-status";
  workers.instances = 4;
  workers.service = Distribution::exponential(1500 * kMillisecond);
  ComponentSpec store = ComponentSpec::make("job-status", ComponentKind::Store);
  s.components.insert(s.components.end(),
                      {clicks, stream, readers, client, api, jobs, workers, store});
  return s;
}

double UiBenchResult::percentile(double p) const {
  if (frameMs.empty()) return 0;
  std::vector<double> sorted = frameMs;
  std::sort(sorted.begin(), sorted.end());
  const double rank = p / 100 * static_cast<double>(sorted.size() - 1);
  return sorted[static_cast<std::size_t>(std::lround(rank))];
}

UiBenchResult runUiBenchmark(MainWindow& window, int frames, int warmupFrames) {
  SimulationController& controller = window.controller();
  TopologyView& canvas = window.canvas();
  UiBenchResult result;
  controller.play();
  constexpr double kFrame = 1.0 / SimulationController::kFrameHz;
  // The canvas's viewport paints itself (its paint event, as on screen) into an image of its size
  // each frame: the whole cost of a frame's picture, whether or not the platform (offscreen)
  // would flush it to a screen.
  QImage target(canvas.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
  ChartsDock& charts = window.charts();
  const bool withCharts = charts.isVisible();
  // Each chart paints when its lines were replaced, as on screen (Qt repaints what changed).
  std::array<QImage, kSeriesChartCount> chartImages;
  std::array<int, kSeriesChartCount> chartsDrawn{};
  for (int k = 0; k < kSeriesChartCount; ++k) {
    ChartPanel& panel = charts.panel(static_cast<SeriesChart>(k));
    chartImages[static_cast<std::size_t>(k)] =
        QImage(panel.size(), QImage::Format_ARGB32_Premultiplied);
    chartsDrawn[static_cast<std::size_t>(k)] = panel.redraws();
  }
  for (int i = 0; i < warmupFrames + frames; ++i) {
    if (controller.state() != SimulationController::RunState::Playing) controller.play();
    QElapsedTimer t;
    t.start();
    controller.advanceFrame(kFrame);
    const double advanceMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
    canvas.viewport()->render(&target);
    for (int k = 0; withCharts && k < kSeriesChartCount; ++k) {
      ChartPanel& panel = charts.panel(static_cast<SeriesChart>(k));
      const auto at = static_cast<std::size_t>(k);
      if (panel.redraws() == chartsDrawn[at] || panel.isHidden()) continue;
      chartsDrawn[at] = panel.redraws();
      static_cast<QWidget&>(panel).render(&chartImages[at]);  // the widget, as on screen
    }
    const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    if (i < warmupFrames) continue;
    result.frameMs.push_back(ms);
    result.advanceMs.push_back(advanceMs);
    const Animator* animator = canvas.animator();
    result.messagesInFlightMax =
        std::max(result.messagesInFlightMax, animator->messagesInTransit());
    result.flightsDrawnMax =
        std::max<std::uint64_t>(result.flightsDrawnMax, animator->flightsDrawn());
    if (withCharts) result.chartPointsMax = std::max(result.chartPointsMax, charts.pointsShown());
  }
  for (int k = 0; withCharts && k < kSeriesChartCount; ++k)
    if (!charts.panel(static_cast<SeriesChart>(k)).isHidden()) ++result.chartsOpen;
  controller.pause();
  return result;
}

}  // namespace brokerlab::ui
