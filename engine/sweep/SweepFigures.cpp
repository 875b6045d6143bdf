#include "sweep/SweepFigures.h"

#include "scenario/Json.h"

#include <utility>

namespace brokerlab {

namespace {

// Per component kind, the report keys a sweep compares designs by.
std::vector<const char*> keysOf(const std::string& kind) {
  if (kind == "producer") return {"latency_mean_s", "latency_p99_s"};
  if (kind == "queue") return {"wait_mean_s", "wait_p99_s", "depth_mean"};
  if (kind == "consumer") return {"utilization"};
  if (kind == "client") return {"time_to_result_mean_s"};
  return {};
}

void add(RunFigures& f, std::string name, const json::Value* v) {
  f.names.push_back(std::move(name));
  f.values.push_back(v && v->isNumber() ? v->toDouble() : std::nullopt);
}

void addAll(RunFigures& f, const std::string& prefix, const json::Value& object,
            const std::vector<const char*>& keys) {
  for (const char* key : keys) add(f, prefix + "." + key, object.find(key));
}

// A topic's subscription queues and a stream's consumer groups, named as in the metrics CSV
// ("alerts/mailer", "order-events/billing").
void addNested(RunFigures& f, const std::string& id, const json::Value& component,
               const char* member, const std::vector<const char*>& keys) {
  const json::Value* nested = component.find(member);
  if (!nested || !nested->isObject()) return;
  for (const json::Member& m : nested->members) addAll(f, id + "/" + m.key, m.value, keys);
}

}  // namespace

std::optional<RunFigures> keyFigures(std::string_view reportJson, std::string* error) {
  const json::ParseResult parsed = json::parse(reportJson);
  if (!parsed.root || !parsed.root->isObject()) {
    *error = "not a JSON report";
    return std::nullopt;
  }
  const json::Value& r = *parsed.root;
  if (const json::Value* stopped = r.find("stopped_early")) {
    *error = "the run stopped early: " + stopped->text;
    return std::nullopt;
  }
  const json::Value* seed = r.find("seed");
  const json::Value* simTime = r.find("sim_time_s");
  const json::Value* ledger = r.find("ledger");
  const json::Value* acked = ledger ? ledger->find("acked") : nullptr;
  const json::Value* components = r.find("components");
  if (!seed || !seed->toUint64() || !simTime || !simTime->toDouble() || !acked ||
      !acked->toDouble() || !components || !components->isObject()) {
    *error =
        "not a brokerlab-cli run --json report (seed, sim_time_s, ledger or components "
        "missing)";
    return std::nullopt;
  }
  RunFigures f;
  if (const json::Value* name = r.find("scenario"); name && name->isString())
    f.scenario = name->text;
  f.seed = *seed->toUint64();
  f.names.push_back("acked_per_s");
  const double seconds = *simTime->toDouble();
  f.values.push_back(seconds > 0 ? std::optional(*acked->toDouble() / seconds) : std::nullopt);
  for (const json::Member& c : components->members) {
    const json::Value* kind = c.value.find("kind");
    const std::string k = kind ? kind->text : std::string();
    addAll(f, c.key, c.value, keysOf(k));
    if (k == "topic") addNested(f, c.key, c.value, "subscriptions", keysOf("queue"));
    if (k == "stream")
      addNested(f, c.key, c.value, "groups", {"lag_mean", "latency_mean_s", "latency_p99_s"});
  }
  return f;
}

}  // namespace brokerlab
