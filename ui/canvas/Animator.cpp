#include "canvas/Animator.h"

#include "sim/Simulator.h"

#include <algorithm>
#include <cmath>

namespace brokerlab::ui {

namespace {
constexpr std::size_t kSerialRing = std::size_t{1} << 20;
constexpr std::size_t kRecentColours = 24;
constexpr double kLoadTimeConstant = 0.5;  // animation seconds
// A link is drawn as a flow while more than kDrawnPerLink flights would be on it at once, and
// one by one again below a third of that: the gap keeps it from flickering between the two.
constexpr double kDisaggregateBelow = Animator::kDrawnPerLink / 3.0;
}  // namespace

Animator::Animator(std::shared_ptr<const Model> model)
    : model_(std::move(model)), meaning_(*model_), serialColour_(kSerialRing, 0xff) {
  activity_.resize(model_->instanceConsumer.size());
}

void Animator::clear() {
  links_.clear();
  linkIndex_.clear();
  bursts_.clear();
  std::fill(activity_.begin(), activity_.end(), Activity{});
}

void Animator::learnColours(const Simulator& sim) {
  const MessagePool& pool = sim.messages();
  const std::vector<SimTime> ends = sim.serviceEnds();
  for (std::uint32_t i = 0; i < pool.capacity(); ++i) {
    const Message& m = pool[i];
    if (m.state == MessageState::Free || m.state == MessageState::Tombstone) continue;
    std::uint32_t publisher = kNone;
    if (m.producer != kNone) {
      publisher = model_->producers[m.producer].component;
    } else if (m.job != kNone) {
      publisher = model_->apis[model_->clients[sim.jobs()[m.job].client].api].component;
    }
    if (publisher == kNone) continue;
    const std::uint8_t colour = meaning_.publisherColour(publisher);
    noteSerial(m.serial, colour);
    // What an instance is processing, and how far: it started at `since` and ends with its
    // pending service event.
    if (m.state == MessageState::Processing && m.instance < activity_.size()) {
      const SimTime end = ends[m.instance];
      activity_[m.instance] = end == kNever ? Activity{0, 0, m.serial, colour, true}
                                            : Activity{m.since, end, m.serial, colour, true};
    }
  }
}

void Animator::noteSerial(std::uint64_t serial, std::uint8_t colour) {
  serialColour_[serial & (kSerialRing - 1)] = colour;
  maxSerial_ = std::max(maxSerial_, serial);
}

std::uint8_t Animator::colourOfSerial(std::uint64_t serial) const {
  if (serial == 0 || serial > maxSerial_ || maxSerial_ - serial >= kSerialRing) return 0xff;
  return serialColour_[serial & (kSerialRing - 1)];
}

LinkFlow& Animator::linkFor(const Flight& f) {
  const auto key = std::make_pair(f.from.key(), f.to.key());
  auto it = linkIndex_.find(key);
  if (it == linkIndex_.end()) {
    it = linkIndex_.emplace(key, static_cast<std::uint32_t>(links_.size())).first;
    LinkFlow link;
    link.from = f.from;
    link.to = f.to;
    link.kind = f.kind;
    links_.push_back(std::move(link));
  }
  return links_[it->second];
}

void Animator::addFlight(Flight f) {
  LinkFlow& link = linkFor(f);
  ++link.entered;
  // Rate per simulated second, exponentially weighted over about one simulated second.
  const double dt = toSeconds(f.t0 - link.rateAt);
  link.ratePerSimSecond = link.ratePerSimSecond * std::exp(-std::max(dt, 0.0)) + 1.0;
  link.rateAt = f.t0;
  link.latencySeconds = 0.9 * link.latencySeconds + 0.1 * toSeconds(f.t1 - f.t0);
  link.visualSeconds = std::max(link.latencySeconds / speed_, kMinVisualSeconds);
  link.load =
      link.load * std::exp(-(clock_ - link.loadAt) / kLoadTimeConstant) + 1.0 / kLoadTimeConstant;
  link.loadAt = clock_;
  // Arrivals stay sorted: links are FIFO, so a later arrival is almost always at the back.
  auto pos = link.arrivals.end();
  while (pos != link.arrivals.begin() && *(pos - 1) > f.t1) --pos;
  if (f.t1 > simNow_) link.arrivals.insert(pos, f.t1);
  if (link.recentColours.size() == kRecentColours)
    link.recentColours.erase(link.recentColours.begin());
  link.recentColours.push_back(f.colour);
  if (!link.aggregated &&
      (link.load * link.visualSeconds > kDrawnPerLink || link.flights.size() >= kDrawnPerLink)) {
    link.aggregated = true;  // from now on drawn as a flow, not as individual flights
    link.flights.clear();
  }
  if (!link.aggregated) link.flights.push_back(f);
}

void Animator::ingest(std::span<const TraceRecord> records, double speed) {
  speed_ = speed > 0 ? speed : 1;
  for (const TraceRecord& r : records) {
    if (r.kind == TraceKind::Publish && r.component < model_->components.size())
      noteSerial(r.message, meaning_.publisherColour(r.component));
    if (r.time > simNow_) simNow_ = r.time;
    RecordMeaning::Result m = meaning_.interpret(r);
    if (m.process != RecordMeaning::Process::Unchanged && m.instance < activity_.size()) {
      Activity& a = activity_[m.instance];
      if (m.process == RecordMeaning::Process::Starts) {
        a = {r.time, r.aux, r.message, colourOfSerial(r.message), true};
      } else if (a.serial == r.message || r.kind == TraceKind::Crash ||
                 r.kind == TraceKind::Close) {
        a.active = false;
      }
    }
    if (m.hasFlight) {
      const bool http = m.flight.kind == FlightKind::Request ||
                        m.flight.kind == FlightKind::Response || m.flight.kind == FlightKind::Push;
      m.flight.colour = http ? meaning_.publisherColour(m.flight.kind == FlightKind::Request
                                                            ? m.flight.from.component
                                                            : m.flight.to.component)
                             : colourOfSerial(r.message);
      m.flight.animStart = clock_;
      addFlight(m.flight);
    }
    if (m.hasBurst) {
      if (bursts_.size() >= kMaxBursts) bursts_.erase(bursts_.begin());
      m.burst.animStart = clock_;
      bursts_.push_back(m.burst);
    }
  }
}

double Animator::progress(const Flight& f, SimTime simNow) const {
  const double bySim =
      f.t1 > f.t0 ? static_cast<double>(simNow - f.t0) / static_cast<double>(f.t1 - f.t0) : 1.0;
  const double byClock = (clock_ - f.animStart) / kMinVisualSeconds;
  return std::clamp(std::min(bySim, byClock), 0.0, 1.0);
}

void Animator::advance(SimTime simNow, double animSeconds) {
  simNow_ = simNow;
  clock_ += std::max(animSeconds, 0.0);
  for (LinkFlow& link : links_) {
    while (!link.arrivals.empty() && link.arrivals.front() <= simNow) link.arrivals.pop_front();
    std::erase_if(link.flights, [&](const Flight& f) { return progress(f, simNow) >= 1.0; });
    const double load = link.load * std::exp(-(clock_ - link.loadAt) / kLoadTimeConstant);
    if (link.aggregated && load * link.visualSeconds < kDisaggregateBelow &&
        link.arrivals.size() < kDisaggregateBelow) {
      link.aggregated = false;  // quiet again: the next flights are drawn one by one
      link.flights.clear();
    }
  }
  std::erase_if(bursts_, [&](const Burst& b) { return clock_ - b.animStart >= kBurstSeconds; });
}

std::size_t Animator::flightsDrawn() const {
  std::size_t n = 0;
  for (const LinkFlow& link : links_) n += link.flights.size();
  return n;
}

std::uint64_t Animator::messagesInTransit() const {
  std::uint64_t n = 0;
  for (const LinkFlow& link : links_) n += link.inTransit();
  return n;
}

bool Animator::animating() const {
  if (!bursts_.empty()) return true;
  for (const LinkFlow& link : links_)
    if (!link.flights.empty() || link.aggregated) return true;
  return false;
}

double Animator::linkLoad(const LinkFlow& link) const {
  return link.load * std::exp(-(clock_ - link.loadAt) / kLoadTimeConstant);
}

}  // namespace brokerlab::ui
