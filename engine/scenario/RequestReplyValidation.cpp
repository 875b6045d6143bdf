#include "scenario/RequestReplyValidation.h"

#include "scenario/DurationText.h"
#include "scenario/Json.h"
#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <optional>
#include <string>
#include <vector>

namespace brokerlab::detail {

namespace {

bool isWorker(const ComponentSpec& c) {
  return c.kind == ComponentKind::Consumer && c.role == ConsumerRole::Worker;
}

// The component `id` names, when it exists and is of `kind`.
const ComponentSpec* find(const Scenario& s, const ComponentIndex& ids,
                          const std::optional<std::string>& id, ComponentKind kind) {
  const auto it = id ? ids.find(*id) : ids.end();
  if (it == ids.end() || s.components[it->second].kind != kind) return nullptr;
  return &s.components[it->second];
}

// A client cancels `cancel_fraction` of its jobs `cancel_after` after submitting each: the one
// needs the other. When "cancel_fraction" is absent the issue is put on it, so that a value the
// reader rejected there is not reported again as missing.
void checkCancelling(Checks& checks, std::size_t i, const ComponentSpec& c) {
  if (c.cancelAfter) checks.durationValue(componentField(i, "cancel_after"), *c.cancelAfter);
  if (c.cancelAfter && !c.cancelFraction) {
    checks.add(componentField(i, "cancel_fraction"),
               "is required with \"cancel_after\": the fraction of jobs the client cancels, "
               "above 0 and at most 1");
  }
  if (!c.cancelFraction) return;
  checks.fraction(componentField(i, "cancel_fraction"), *c.cancelFraction);
  if (*c.cancelFraction > 0 && !c.cancelAfter) {
    checks.add(componentField(i, "cancel_after"),
               "is required when \"cancel_fraction\" is above 0: how long after submitting a "
               "job the client cancels it");
  }
  if (*c.cancelFraction == 0 && c.cancelAfter) {
    checks.add(componentField(i, "cancel_after"),
               "is only for a client that cancels jobs (\"cancel_fraction\" is 0)");
  }
}

}  // namespace

void checkClient(Checks& checks, std::size_t i, const ComponentSpec& c) {
  const auto field = [i](std::string_view key) { return componentField(i, key); };
  if (c.pollInterval) checks.positiveDuration(field("poll_interval"), *c.pollInterval);
  if (c.pollBackoff && !(*c.pollBackoff >= 1 && *c.pollBackoff <= limits::kMaxPollBackoff)) {
    checks.add(field("poll_backoff"),
               std::string("must be a number from 1 (a fixed interval) to 10 (got ")
                   .append(json::formatNumber(*c.pollBackoff))
                   .append(")"));
  }
  if (c.maxPollInterval) checks.positiveDuration(field("max_poll_interval"), *c.maxPollInterval);
  if (c.pollInterval && c.maxPollInterval && *c.maxPollInterval < *c.pollInterval) {
    checks.add(field("max_poll_interval"),
               std::string("must not be shorter than poll_interval (got ")
                   .append(formatDuration(*c.maxPollInterval))
                   .append(" < ")
                   .append(formatDuration(*c.pollInterval))
                   .append(")"));
  }
  if (c.timeout) checks.positiveDuration(field("timeout"), *c.timeout);
  if (c.invalidFraction) checks.fraction(field("invalid_fraction"), *c.invalidFraction);
  if (c.unknownPollFraction) {
    checks.fraction(field("unknown_poll_fraction"), *c.unknownPollFraction);
  }
  checkCancelling(checks, i, c);
}

void checkApi(Checks& checks, std::size_t i, const ComponentSpec& c) {
  if (c.concurrency) {
    checks.integerIn(componentField(i, "concurrency"), *c.concurrency, 1, limits::kMaxConcurrency);
  }
  if (c.service) checks.checkDistribution(componentField(i, "service"), *c.service);
  if (c.retryAfter) checks.durationValue(componentField(i, "retry_after"), *c.retryAfter);
}

void checkStore(Checks& checks, std::size_t i, const ComponentSpec& c) {
  if (c.readLatency) checks.checkDistribution(componentField(i, "read_latency"), *c.readLatency);
  if (c.writeLatency) {
    checks.checkDistribution(componentField(i, "write_latency"), *c.writeLatency);
  }
  if (c.resultTtl) checks.positiveDuration(componentField(i, "result_ttl"), *c.resultTtl);
}

void checkConsumerRole(Checks& checks, std::size_t i, const ComponentSpec& c,
                       const ComponentSpec* source) {
  if (!isWorker(c)) {
    // Put on "role", so that a role the reader rejected is not reported again here.
    if (c.store) {
      checks.add(componentField(i, "role"),
                 "must be \"worker\" when \"store\" is given: only a worker writes to a store "
                 "(remove \"store\" for a plain consumer)");
    }
    return;
  }
  if (!c.store) {
    checks.add(componentField(i, "store"),
               "is required: a worker writes the status and result of its jobs to a store");
  }
  if (source != nullptr && source->kind != ComponentKind::Queue) {
    checks.add(componentField(i, "source"),
               json::quoted(source->id) + " is " + rules::withArticle(source->kind) +
                   ", but a worker's source must be a queue (the queue an api publishes its jobs "
                   "to)");
  }
}

void checkWorkerStores(Checks& checks, const Scenario& s, const ComponentIndex& ids) {
  std::vector<std::size_t> apis;
  for (std::size_t a = 0; a < s.components.size(); ++a) {
    const ComponentSpec& api = s.components[a];
    if (api.kind == ComponentKind::Api && find(s, ids, api.queue, ComponentKind::Queue) &&
        find(s, ids, api.store, ComponentKind::Store)) {
      apis.push_back(a);
    }
  }
  if (apis.empty()) return;
  for (std::size_t w = 0; w < s.components.size(); ++w) {
    const ComponentSpec& worker = s.components[w];
    if (!isWorker(worker) || !find(s, ids, worker.store, ComponentKind::Store)) continue;
    for (const std::size_t a : apis) {  // the first api that disagrees is named
      const ComponentSpec& api = s.components[a];
      if (worker.source != api.queue || worker.store == api.store) continue;
      checks.add(componentField(w, "store"),
                 json::quoted(*worker.store) + " is not the store of " + namedComponent(s, a) +
                     ", the api that publishes its jobs to " + json::quoted(*api.queue) +
                     ": a worker reading " + json::quoted(*api.queue) + " must write to " +
                     json::quoted(*api.store));
      break;
    }
  }
}

std::string_view requestReplyHint(std::string_view key, ComponentKind named) {
  if (key != "target" && key != "source") return {};
  if (named == ComponentKind::Api && key == "target") {
    return " (an api takes requests from a client)";
  }
  if (named == ComponentKind::Api && key == "source") {
    return " (read the queue the api publishes its jobs to, as a worker)";
  }
  if (named == ComponentKind::Store) return " (a store is used by an api and its workers)";
  if (named == ComponentKind::Client) return " (a client sends requests to an api)";
  return {};
}

}  // namespace brokerlab::detail
