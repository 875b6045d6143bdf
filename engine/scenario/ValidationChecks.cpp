#include "scenario/ValidationChecks.h"

#include "base/Sampler.h"
#include "scenario/DurationText.h"
#include "scenario/Json.h"
#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <cmath>
#include <cstdio>

namespace brokerlab::detail {

std::string componentPath(std::size_t i) {
  return json::indexPath("components", i);
}

std::string componentField(std::size_t i, std::string_view key) {
  return json::childPath(componentPath(i), key);
}

std::string namedComponent(const Scenario& s, std::size_t i) {
  return componentPath(i) + " (" + json::quoted(s.components[i].id) + ")";
}

PresentParameters presentParameters(const ComponentSpec& c) {
  return {{
      {"type", c.queueType.has_value() || c.exchangeType.has_value()},
      {"target", c.target.has_value()},
      {"rate", c.rate.has_value()},
      {"interarrival", c.interarrival.has_value()},
      {"count", c.count.has_value()},
      {"size_bytes", c.sizeBytes.has_value()},
      {"start", c.start.has_value() || c.startPosition.has_value()},
      {"stop", c.stop.has_value()},
      {"routing_key", c.routingKey.has_value()},
      {"keys", c.keys.has_value()},
      {"key_skew", c.keySkew.has_value()},
      {"expiration", c.expiration.has_value()},
      {"notify", c.notify.has_value()},
      {"poll_interval", c.pollInterval.has_value()},
      {"poll_backoff", c.pollBackoff.has_value()},
      {"max_poll_interval", c.maxPollInterval.has_value()},
      {"timeout", c.timeout.has_value()},
      {"invalid_fraction", c.invalidFraction.has_value()},
      {"unknown_poll_fraction", c.unknownPollFraction.has_value()},
      {"cancel_fraction", c.cancelFraction.has_value()},
      {"cancel_after", c.cancelAfter.has_value()},
      {"partitions", c.partitions.has_value()},
      {"retention", c.retention.has_value()},
      {"retention_bytes", c.retentionBytes.has_value()},
      {"segment_bytes", c.segmentBytes.has_value()},
      {"max_length", c.maxLength.has_value()},
      {"overflow", c.overflow.has_value()},
      {"ttl", c.ttl.has_value()},
      {"dead_letter", c.deadLetter.has_value()},
      {"max_deliveries", c.maxDeliveries.has_value()},
      {"delivery_limit", c.deliveryLimit.has_value()},
      {"durable", c.durable.has_value()},
      {"queue", c.queue.has_value()},
      {"source", c.source.has_value()},
      {"binding", c.binding.has_value()},
      {"group", c.group.has_value()},
      {"role", c.role.has_value()},
      {"store", c.store.has_value()},
      {"concurrency", c.concurrency.has_value()},
      {"max_waiting", c.maxWaiting.has_value()},
      {"instances", c.instances.has_value()},
      {"prefetch", c.prefetch.has_value()},
      {"ack", c.ack.has_value()},
      {"service", c.service.has_value()},
      {"failure_probability", c.failureProbability.has_value()},
      {"requeue", c.requeue.has_value()},
      {"retry_after", c.retryAfter.has_value()},
      {"result_delivery", c.resultDelivery.has_value()},
      {"join", c.join.has_value()},
      {"leave", c.leave.has_value()},
      {"assignment", c.assignment.has_value()},
      {"commit", c.commit.has_value()},
      {"auto_commit_interval", c.autoCommitInterval.has_value()},
      {"rebalance_pause", c.rebalancePause.has_value()},
      {"heartbeat", c.heartbeat.has_value()},
      {"read_latency", c.readLatency.has_value()},
      {"write_latency", c.writeLatency.has_value()},
      {"result_ttl", c.resultTtl.has_value()},
      {"latency", c.latency.has_value()},
  }};
}

void Checks::add(std::string path, std::string message) {
  issues_.push_back({std::move(path), 0, 0, std::move(message)});
}

void Checks::warn(std::string path, std::string message) {
  warnings_.push_back({std::move(path), 0, 0, std::move(message)});
}

namespace {

// 4 significant digits in the largest unit that keeps the number at least 1: "12.88ms".
std::string roughly(double ns) {
  const char* unit = "ns";
  double v = ns;
  for (const char* next : {"us", "ms", "s"}) {
    if (v < 1000) break;
    v /= 1000;
    unit = next;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g%s", v, unit);
  return buf;
}

}  // namespace

// A normal distribution is truncated at 0 (a negative draw is drawn again), which raises its mean
// when the stddev is not small beside it: 10ms +- 10ms averages 12.9ms. Past a few percent the
// scenario does not say what it runs, so the effective mean is shown.
void Checks::warnIfTruncationMovesTheMean(const std::string& path, const Distribution& d) {
  constexpr double kTolerance = 0.02;
  if (d.stddev <= 0 || d.mean < 0) return;
  const double mean = static_cast<double>(d.mean);
  const double effective = Sampler::normal(mean, static_cast<double>(d.stddev)).meanNs();
  if (effective <= mean * (1 + kTolerance)) return;
  const std::string shift = mean > 0 ? std::to_string(std::lround((effective / mean - 1) * 100)) +
                                           "% above its mean of " + formatDuration(d.mean)
                                     : std::string("above its mean of 0s");
  warn(path,
       "a normal distribution is truncated at 0 (negative draws are drawn again): this "
       "one has an effective mean of " +
           roughly(effective) + ", " + shift +
           "; use a smaller stddev or a lognormal for the mean given");
}

void Checks::positiveDuration(const std::string& path, SimTime t) {
  if (t <= 0) add(path, "must be > 0 (got " + (t == 0 ? "0s" : std::to_string(t) + "ns") + ")");
  if (t > kMaxSimTime) {
    add(path, "is longer than the limit of " + formatDuration(kMaxSimTime) + " (100 years)");
  }
}

void Checks::durationValue(const std::string& path, SimTime t) {
  if (t < 0) add(path, "must not be negative (got " + std::to_string(t) + "ns)");
  if (t > kMaxSimTime) {
    add(path, "is longer than the limit of " + formatDuration(kMaxSimTime) + " (100 years)");
  }
}

void Checks::checkDistribution(const std::string& path, const Distribution& d) {
  const auto part = [&](std::string_view key) {
    return d.kind == DistKind::Constant ? path : json::childPath(path, key);
  };
  switch (d.kind) {
    case DistKind::Constant:
      durationValue(part("value"), d.value);
      break;
    case DistKind::Uniform:
      durationValue(part("min"), d.min);
      durationValue(part("max"), d.max);
      if (d.min > d.max) {
        add(part("min"), "must not be greater than max (got " + formatDuration(d.min) + " > " +
                             formatDuration(d.max) + ")");
      }
      break;
    case DistKind::Normal:
      durationValue(part("mean"), d.mean);
      durationValue(part("stddev"), d.stddev);
      warnIfTruncationMovesTheMean(path, d);
      break;
    case DistKind::Lognormal:
      durationValue(part("stddev"), d.stddev);
      [[fallthrough]];
    case DistKind::Exponential:
      positiveDuration(part("mean"), d.mean);
      break;
    case DistKind::Erlang:
      positiveDuration(part("mean"), d.mean);
      if (d.k < 1 || d.k > limits::kMaxErlangK) {
        add(part("k"),
            rules::integerRange(1, limits::kMaxErlangK) + " (got " + std::to_string(d.k) + ")");
      }
      break;
  }
}

void Checks::integerIn(const std::string& path, std::uint64_t value, std::uint64_t min,
                       std::uint64_t max) {
  if (value < min || value > max) {
    add(path, rules::integerRange(min, max) + " (got " + std::to_string(value) + ")");
  }
}

void Checks::fraction(const std::string& path, double value) {
  if (!(value >= 0 && value <= 1)) {
    add(path, "must be a number from 0 to 1 (got " + json::formatNumber(value) + ")");
  }
}

}  // namespace brokerlab::detail
