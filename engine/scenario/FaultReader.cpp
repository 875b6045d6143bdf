#include "scenario/FaultReader.h"

#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <algorithm>
#include <optional>

namespace brokerlab::detail {

namespace {

// A fault kind the format knows; other strings get the list of the kinds and a suggestion.
std::optional<FaultKind> readKind(ValueReader& r, const json::Value& v, const std::string& path) {
  const auto names = rules::faultKindNames();
  if (v.isString()) {
    const auto it = std::find(names.begin(), names.end(), v.text);
    if (it != names.end()) return static_cast<FaultKind>(it - names.begin());
  }
  r.choice(v, path, rules::availableFaultKinds());  // not among them: reports why
  return std::nullopt;
}

void readParameter(ValueReader& r, FaultSpec& f, std::string_view key, const json::Value& v,
                   const std::string& path) {
  if (key == "duration") f.duration = r.duration(v, path);
  if (key == "restart_after") f.restartAfter = r.duration(v, path);
  if (key == "factor") f.factor = r.number(v, path);
  if (key == "fraction") f.fraction = r.number(v, path);
  if (key == "instances") {
    if (auto n = r.integer(v, path, 0, limits::kMaxInstances)) {
      f.instances = static_cast<std::uint32_t>(*n);
    }
  }
  if (key == "prefetch") {
    if (auto n = r.integer(v, path, 0, limits::kMaxPrefetch)) {
      f.prefetch = static_cast<std::uint32_t>(*n);
    }
  }
  if (key == "poll_interval") f.pollInterval = r.duration(v, path);
}

}  // namespace

FaultSpec readFault(ValueReader& r, const json::Value& value, const std::string& path) {
  FaultSpec f;
  f.kind = FaultKind::Restart;  // until a kind is read (see the header)
  if (!r.expectObject(value, path)) return f;
  const auto required = [&](std::string_view key, const std::string& what) {
    const json::Value* v = value.find(key);
    if (v == nullptr) r.issues().add(value, json::childPath(path, key), "is required: " + what);
    return v;
  };
  if (const json::Value* v = required("at", "when the fault happens, like \"30s\"")) {
    if (auto t = r.duration(*v, json::childPath(path, "at"))) f.at = *t;
  }
  std::optional<FaultKind> kind;
  if (const json::Value* v =
          required("kind", "one of " + rules::quotedChoice(rules::availableFaultKinds()))) {
    kind = readKind(r, *v, json::childPath(path, "kind"));
  }
  if (kind) f.kind = *kind;
  // A restart hits the broker: validation checks its target, so none is asked for here.
  const json::Value* target = kind == FaultKind::Restart
                                  ? value.find("target")
                                  : required("target", "the id of the component the fault hits");
  if (target != nullptr) {
    if (auto id = r.string(*target, json::childPath(path, "target"))) f.target = std::move(*id);
  }
  const auto allKeys = rules::faultKeys();
  for (const json::Member& member : value.members) {
    if (member.key == "at" || member.key == "kind" || member.key == "target") continue;
    const std::string memberPath = json::childPath(path, member.key);
    const bool faultKey = std::find(allKeys.begin(), allKeys.end(), member.key) != allKeys.end();
    if (!faultKey) {
      r.issues().add(member.keyPosition, memberPath,
                     rules::unknownKey(member.key, kind ? rules::parametersOf(*kind) : allKeys));
      continue;
    }
    if (kind && !rules::faultTakes(*kind, member.key)) {
      r.issues().add(member.keyPosition, memberPath,
                     rules::notAParameterOfFault(member.key, *kind));
      continue;
    }
    readParameter(r, f, member.key, member.value, memberPath);
  }
  return f;
}

}  // namespace brokerlab::detail
