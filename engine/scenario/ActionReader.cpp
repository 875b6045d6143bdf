#include "scenario/ActionReader.h"

#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <limits>

namespace brokerlab::detail {

namespace {

constexpr std::string_view kResetToChoice =
    R"("earliest", "latest", {"offset": integer} or {"time": duration})";

// "earliest" | "latest" | {"offset": n} | {"time": duration}
void readResetTo(ValueReader& r, const json::Value& v, const std::string& path, ActionSpec& a) {
  if (v.isString()) {
    const auto names = rules::startPositionNames();
    if (v.text == names[0] || v.text == names[1]) {
      a.to = v.text == names[0] ? ActionSpec::To::Earliest : ActionSpec::To::Latest;
      return;
    }
    const std::string_view near = rules::closest(v.text, names);
    r.issues().add(v, path,
                   "must be " + std::string(kResetToChoice) + " (got " + json::describe(v) + ")" +
                       (near.empty() ? "" : "; did you mean " + json::quoted(near) + "?"));
    return;
  }
  if (!v.isObject()) {
    r.issues().add(v, path,
                   "must be " + std::string(kResetToChoice) + " (got " + json::describe(v) + ")");
    return;
  }
  r.rejectUnknownKeys(v, path, rules::resetToKeys());
  const json::Value* offset = v.find("offset");
  const json::Value* time = v.find("time");
  if (offset && time) {
    r.issues().add(*time, json::childPath(path, "time"),
                   "give either \"offset\" or \"time\", not both");
    return;
  }
  if (offset) {
    const std::string offsetPath = json::childPath(path, "offset");
    if (auto n = r.integer(*offset, offsetPath, 0, std::numeric_limits<std::uint64_t>::max())) {
      a.to = ActionSpec::To::Offset;
      a.offset = *n;
    }
  } else if (time) {
    if (auto t = r.duration(*time, json::childPath(path, "time"))) {
      a.to = ActionSpec::To::Time;
      a.time = *t;
    }
  } else if (v.members.empty()) {  // other keys were reported as unknown above
    r.issues().add(v, path,
                   "needs \"offset\" (the same offset on every partition) or \"time\" (the first "
                   "record at or after it)");
  }
}

}  // namespace

ActionSpec readAction(ValueReader& r, const json::Value& value, const std::string& path) {
  ActionSpec a;
  if (!r.expectObject(value, path)) return a;
  r.rejectUnknownKeys(value, path, rules::actionKeys());
  const auto required = [&](std::string_view key, const std::string& what) {
    const json::Value* v = value.find(key);
    if (v == nullptr) r.issues().add(value, json::childPath(path, key), "is required: " + what);
    return v;
  };
  if (const json::Value* v = required("at", "when the action happens, like \"30s\"")) {
    if (auto t = r.duration(*v, json::childPath(path, "at"))) a.at = *t;
  }
  if (const json::Value* v =
          required("kind", "one of " + rules::quotedChoice(rules::actionKindNames()))) {
    const auto kind = r.choice(*v, json::childPath(path, "kind"), rules::actionKindNames());
    if (kind) a.kind = static_cast<ActionKind>(*kind);
  }
  if (const json::Value* v = required("target", "the id of a stream")) {
    if (auto id = r.string(*v, json::childPath(path, "target"))) a.target = std::move(*id);
  }
  if (const json::Value* v = required("group", "a consumer group that reads the target")) {
    if (auto group = r.string(*v, json::childPath(path, "group"))) a.group = std::move(*group);
  }
  if (const json::Value* v = required("to", "one of " + std::string(kResetToChoice))) {
    readResetTo(r, *v, json::childPath(path, "to"), a);
  }
  return a;
}

}  // namespace brokerlab::detail
