#include "scenario/QueueValidation.h"

#include "scenario/Json.h"
#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <string>

namespace brokerlab::detail {

namespace {

constexpr std::string_view kBindingRule =
    "must be words separated by '.', each of letters, digits, '_' and '-', or '*' (exactly one "
    "word) or '#' (zero or more words), at most 255 bytes";
constexpr std::string_view kDirectRule =
    "a direct topic routes by equal routing key: each binding must be a routing key, words of "
    "letters, digits, '_' and '-' separated by '.', without '*' or '#'";

}  // namespace

void checkQueueType(Checks& checks, std::size_t i, const ComponentSpec& c) {
  const bool quorum = c.queueType == QueueType::Quorum;
  if (c.deliveryLimit && !quorum) {
    checks.add(componentField(i, "delivery_limit"),
               "is only for a quorum queue (\"type\": \"quorum\"): RabbitMQ refuses "
               "x-delivery-limit on a classic queue (max_deliveries is BrokerLab's limit for any "
               "queue)");
  }
  if (c.deliveryLimit && c.maxDeliveries) {
    checks.add(componentField(i, "max_deliveries"),
               "give either delivery_limit or max_deliveries, not both (max_deliveries N is "
               "delivery_limit N-1: N deliveries in all)");
  }
  if (!quorum) return;
  if (c.durable == false) {
    checks.add(componentField(i, "durable"),
               "a quorum queue is always durable (RabbitMQ refuses a non-durable one): remove "
               "\"durable\" or use \"type\": \"classic\"");
  }
  if (c.overflow == Overflow::RejectPublishDlx) {
    checks.add(componentField(i, "overflow"),
               "a quorum queue does not \"reject-publish-dlx\" (RabbitMQ 3.10.8 takes the "
               "argument but drops from the head, as \"drop-head\"): use \"drop-head\" or "
               "\"reject-publish\", or \"type\": \"classic\"");
  }
}

void checkExpiration(Checks& checks, std::size_t i, const ComponentSpec& c,
                     const ComponentSpec* target) {
  if (!c.expiration) return;
  const std::string path = componentField(i, "expiration");
  if (target != nullptr && target->kind == ComponentKind::Stream) {
    checks.add(path, "is only for a producer whose target is a queue or a topic (" +
                         json::quoted(target->id) +
                         " is a stream, whose records expire by "
                         "its retention)");
    return;
  }
  checks.positiveDuration(path, *c.expiration);
}

void checkRequeue(Checks& checks, std::size_t i, const ComponentSpec& c) {
  if (!c.requeue) return;
  if (c.role == ConsumerRole::Worker) {
    checks.add(componentField(i, "requeue"),
               "is not for a worker: a worker acknowledges a failed job (Failed in the store)");
  } else if (c.ack == AckMode::Auto) {
    checks.add(componentField(i, "requeue"),
               "is only for \"ack\": \"manual\": under auto ack a failed message is already "
               "gone (lost_auto_ack_failure)");
  }
}

void checkBinding(Checks& checks, std::size_t i, const ComponentSpec& c,
                  const ComponentSpec& topic) {
  const ExchangeType type = topic.exchangeType.value_or(defaults::kExchangeType);
  const std::string path = componentField(i, "binding");
  if (type == ExchangeType::Fanout) {
    if (c.binding)
      checks.add(path, "a fanout topic gives every subscription every message: " +
                           json::quoted(topic.id) + " takes no binding");
    return;
  }
  if (!c.binding) {
    if (type == ExchangeType::Direct)
      checks.add(path,
                 "is required: a subscription to a direct topic takes the messages whose "
                 "routing key equals its binding");
    return;
  }
  const std::vector<std::string>& patterns = *c.binding;
  if (patterns.empty()) checks.add(path, "must name at least one pattern (got an empty list)");
  for (std::size_t k = 0; k < patterns.size(); ++k) {
    const std::string at = patterns.size() == 1 ? path : json::indexPath(path, k);
    const bool ok = type == ExchangeType::Direct ? rules::isRoutingKey(patterns[k])
                                                 : rules::isBindingPattern(patterns[k]);
    if (!ok)
      checks.add(at, std::string(type == ExchangeType::Direct ? kDirectRule : kBindingRule) +
                         " (got " + json::quoted(patterns[k]) + ")");
  }
}

}  // namespace brokerlab::detail
