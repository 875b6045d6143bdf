#include "scenario/ScenarioAssignments.h"

#include "scenario/JsonWriter.h"
#include "scenario/ScenarioReader.h"

namespace brokerlab {

namespace {

std::string idOf(const json::Value& component) {
  const json::Value* id = component.find("id");
  return id && id->isString() ? id->text : std::string();
}

// The component whose id is the longest prefix of `key` followed by '.' (ids may hold dots:
// "payments.dlq"), and the parameter after it; an error names what exists.
std::string resolve(json::Value& components, const std::string& key, std::size_t& index,
                    std::string& param) {
  std::size_t best = 0;
  bool found = false;
  std::string ids;
  for (std::size_t i = 0; i < components.items.size(); ++i) {
    const std::string id = idOf(components.items[i]);
    ids += (ids.empty() ? "" : ", ") + id;
    if (key.size() > id.size() + 1 && key.compare(0, id.size(), id) == 0 && key[id.size()] == '.' &&
        (!found || id.size() > best)) {
      found = true;
      best = id.size();
      index = i;
    }
  }
  if (!found) return "\"" + key + "\" names no component's parameter (the components: " + ids + ")";
  param = key.substr(best + 1);
  return {};
}

// Sets `param` ("instances", "service.mean") in `component`, adding the member if absent.
std::string assign(json::Value& component, const std::string& param, const json::Value& value) {
  json::Value* at = &component;
  std::string done = idOf(component);
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = param.find('.', start);
    const std::string name = param.substr(start, dot == std::string::npos ? dot : dot - start);
    if (name.empty()) return "the parameter \"" + param + "\" has an empty name in it";
    if (!at->isObject())
      return done + " is " + json::describe(*at) + ", not an object with \"" + name + "\"";
    json::Value* next = nullptr;
    for (json::Member& m : at->members)
      if (m.key == name) next = &m.value;
    if (!next) {
      at->members.push_back({name, {}, json::Value{}});
      next = &at->members.back().value;
      if (dot != std::string::npos) next->type = json::Type::Object;
    }
    done += "." + name;
    at = next;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  *at = value;
  return {};
}

}  // namespace

std::optional<Scenario> ScenarioAssignments::with(const std::vector<std::string>& assignments,
                                                  std::string* error) const {
  json::Value root = root_;
  json::Value* components = nullptr;
  for (json::Member& m : root.members)
    if (m.key == "components" && m.value.isArray()) components = &m.value;
  if (!components) {  // it loaded, so there is a list; an empty one has nothing to set
    *error = "--set: the scenario has no components";
    return std::nullopt;
  }
  std::vector<std::string> paths;  // each assignment's component, to blame the right one
  for (const std::string& a : assignments) {
    const std::size_t eq = a.find('=');
    std::size_t index = 0;
    std::string param;
    std::string why = eq == std::string::npos ? "expects ID.PARAM=VALUE"
                                              : resolve(*components, a.substr(0, eq), index, param);
    if (why.empty())
      why = assign(components->items[index], param, json::valueOfText(a.substr(eq + 1)));
    if (!why.empty()) {
      *error = "--set " + a + ": " + why;
      return std::nullopt;
    }
    paths.push_back(json::indexPath("components", index));
  }
  const std::string text = json::compactText(root);
  ScenarioLoadResult loaded = parseScenario(text);
  if (loaded.ok()) return std::move(loaded.scenario);
  const ScenarioIssue& issue = loaded.issues.front();
  // The assignments to the component the issue is in; all of them when it is elsewhere.
  std::string blamed;
  for (std::size_t i = 0; i < assignments.size(); ++i)
    if (issue.path.rfind(paths[i], 0) == 0)
      blamed += (blamed.empty() ? "" : " --set ") + assignments[i];
  for (std::size_t i = 0; i < assignments.size() && blamed.empty(); ++i)
    blamed += (i ? " --set " : "") + assignments[i];
  // No line and column: they would point into the changed text, which is nowhere on disk.
  *error = "--set " + blamed + ": " + (issue.path.empty() ? "" : issue.path + ": ") + issue.message;
  return std::nullopt;
}

}  // namespace brokerlab
