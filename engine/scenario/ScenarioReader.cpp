#include "scenario/ScenarioReader.h"

#include "scenario/ActionReader.h"
#include "scenario/AnnotationReader.h"
#include "scenario/ComponentReader.h"
#include "scenario/FaultReader.h"
#include "scenario/Json.h"
#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"
#include "scenario/ScenarioValidation.h"
#include "scenario/ValueReader.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace brokerlab {

namespace {

using detail::IssueList;
using detail::ValueReader;

// True when `path` is `ancestor` or lies inside it ("a.b[2]" is inside "a.b").
bool isWithin(std::string_view path, std::string_view ancestor) {
  if (ancestor.empty() || path.substr(0, ancestor.size()) != ancestor) return false;
  return path.size() == ancestor.size() || path[ancestor.size()] == '.' ||
         path[ancestor.size()] == '[';
}

// Reads the top level of a scenario document; components go to ComponentReader.
class DocumentReader {
 public:
  DocumentReader(const json::Value& root, IssueList& issues) : root_(root), r_(issues) {}

  // False when the document is not a version-1 scenario at all, so nothing else is worth saying.
  bool read(Scenario& s) {
    if (!root_.isObject()) {
      r_.issues().add(root_, "",
                      "a scenario file must be a JSON object (got " + json::describe(root_) + ")");
      return false;
    }
    if (!readFormatAndVersion()) return false;
    r_.rejectUnknownKeys(root_, "", rules::topLevelKeys());
    readNameAndSeed(s);
    if (const json::Value* v = required("duration", "how long to simulate, like \"10m\"")) {
      if (auto d = r_.duration(*v, "duration")) s.duration = *d;
    }
    if (const json::Value* v = root_.find("sample_interval")) {
      s.sampleInterval = r_.duration(*v, "sample_interval");
    }
    readNetwork(s);
    readComponents(s);
    readList("actions", limits::kMaxActions, s.actions, detail::readAction);
    readList("faults", limits::kMaxFaults, s.faults, detail::readFault);
    readList("annotations", limits::kMaxAnnotations, s.annotations, detail::readAnnotation);
    readLayout(s);
    return true;
  }

 private:
  const json::Value* required(std::string_view key, std::string_view what) {
    const json::Value* v = root_.find(key);
    if (v == nullptr) r_.issues().add(root_, std::string(key), "is required: " + std::string(what));
    return v;
  }

  bool readFormatAndVersion() {
    const json::Value* format = root_.find("format");
    if (format == nullptr || !format->isString() || format->text != kScenarioFormatName) {
      const std::string got = format ? " (got " + json::describe(*format) + ")" : "";
      r_.issues().add(
          format ? *format : root_, "format",
          "must be \"brokerlab-scenario\"" + got + ": this is not a BrokerLab scenario file");
      return false;
    }
    const json::Value* version = root_.find("version");
    if (version == nullptr) {
      r_.issues().add(root_, "version", "is required: this BrokerLab reads version 1");
      return true;
    }
    if (!version->isNumber()) {
      r_.issues().add(*version, "version",
                      "must be the number 1 (got " + json::describe(*version) + ")");
      return true;
    }
    if (version->toInt64() != Scenario::kFormatVersion) {
      r_.issues().add(*version, "version",
                      "unsupported version " + version->text + ": this BrokerLab reads version 1");
      return false;
    }
    return true;
  }

  void readNameAndSeed(Scenario& s) {
    if (const json::Value* v = required("name", "a short title for the scenario")) {
      if (auto name = r_.string(*v, "name")) s.name = std::move(*name);
    }
    if (const json::Value* v = root_.find("description")) {
      if (auto text = r_.string(*v, "description")) s.description = std::move(*text);
    }
    const json::Value* v = root_.find("seed");
    if (v == nullptr) return;
    const std::string range = rules::integerRange(0, std::numeric_limits<std::uint64_t>::max());
    if (v->isNumber()) {
      s.seed = v->toUint64();
      if (!s.seed) r_.issues().add(*v, "seed", range + " (got " + v->text + ")");
      return;
    }
    if (v->isString()) {  // for tools that cannot write 64-bit integers exactly
      std::uint64_t seed = 0;
      const char* end = v->text.data() + v->text.size();
      const auto [ptr, ec] = std::from_chars(v->text.data(), end, seed);
      if (ec == std::errc{} && ptr == end && !v->text.empty() && v->text[0] != '+') {
        s.seed = seed;
        return;
      }
    }
    r_.issues().add(*v, "seed", range + " (got " + json::describe(*v) + ")");
  }

  void readNetwork(Scenario& s) {
    const json::Value* network = root_.find("network");
    if (network == nullptr || !r_.expectObject(*network, "network")) return;
    r_.rejectUnknownKeys(*network, "network", rules::networkKeys());
    if (const json::Value* latency = network->find("latency")) {
      s.networkLatency = r_.distribution(*latency, "network.latency");
    }
  }

  void readComponents(Scenario& s) {
    const json::Value* list = required(
        "components",
        "a list of producers, queues, topics, streams, consumers, clients, apis and stores");
    if (list == nullptr || !r_.expectArray(*list, "components")) return;
    if (list->items.size() > limits::kMaxComponents) {
      r_.issues().add(*list, "components",
                      "has " + std::to_string(list->items.size()) + " components; the limit is " +
                          std::to_string(limits::kMaxComponents));
      return;
    }
    s.components.reserve(list->items.size());
    for (std::size_t i = 0; i < list->items.size() && !r_.issues().full(); ++i) {
      s.components.push_back(
          detail::readComponent(r_, list->items[i], json::indexPath("components", i)));
    }
  }

  // An optional list ("actions", "faults", "annotations") of at most `limit` entries, each read
  // by `readOne` at its path "key[i]"; a list over the limit is reported, not read.
  template <typename Spec>
  void readList(std::string_view key, std::size_t limit, std::vector<Spec>& out,
                Spec (*readOne)(ValueReader&, const json::Value&, const std::string&)) {
    const std::string path(key);
    const json::Value* list = root_.find(key);
    if (list == nullptr || !r_.expectArray(*list, path)) return;
    if (list->items.size() > limit) {
      r_.issues().add(*list, path,
                      "has " + std::to_string(list->items.size()) + " " + path + "; the limit is " +
                          std::to_string(limit));
      return;
    }
    out.reserve(list->items.size());
    for (std::size_t i = 0; i < list->items.size() && !r_.issues().full(); ++i) {
      out.push_back(readOne(r_, list->items[i], json::indexPath(path, i)));
    }
  }

  void readLayout(Scenario& s) {
    const json::Value* layout = root_.find("layout");
    if (layout == nullptr || !r_.expectObject(*layout, "layout")) return;
    if (layout->members.size() > limits::kMaxComponents) {
      r_.issues().add(*layout, "layout", "has more entries than the limit of components");
      return;
    }
    for (const json::Member& member : layout->members) {
      if (r_.issues().full()) return;
      const std::string path = json::childPath("layout", member.key);
      if (!r_.expectObject(member.value, path)) continue;
      r_.rejectUnknownKeys(member.value, path, rules::layoutPointKeys());
      const json::Value* x = member.value.find("x");
      const json::Value* y = member.value.find("y");
      if (x == nullptr) r_.issues().add(member.value, json::childPath(path, "x"), "is required");
      if (y == nullptr) r_.issues().add(member.value, json::childPath(path, "y"), "is required");
      const auto xValue = x ? r_.number(*x, json::childPath(path, "x")) : std::nullopt;
      const auto yValue = y ? r_.number(*y, json::childPath(path, "y")) : std::nullopt;
      if (xValue && yValue) s.layout[member.key] = LayoutPoint{*xValue, *yValue};
    }
  }

  const json::Value& root_;
  ValueReader r_;
};

// Adds `found` (from validateScenario or scenarioWarnings) with the position of each path.
void addLocated(std::vector<ScenarioIssue> found, const json::Value& root, IssueList& issues) {
  for (ScenarioIssue& issue : found) {
    std::string path = issue.path;
    const json::Value* at = json::locate(root, path);
    while (at == nullptr && !path.empty()) {  // a missing key: point at its enclosing object
      path = json::parentPath(path);
      at = json::locate(root, path);
    }
    issues.add(at ? at->position : json::Position{}, std::move(issue.path),
               std::move(issue.message));
  }
}

// Adds validateScenario's findings, with positions, except those about a value the reader already
// rejected (or that depend on it): a wrong value is reported once, not again as "missing".
// Returns the warnings, for a scenario without errors.
std::vector<ScenarioIssue> addValidationIssues(const Scenario& s, const json::Value& root,
                                               IssueList& issues) {
  const std::vector<ScenarioIssue> earlier = issues.items();
  ScenarioCheck check = checkScenario(s);
  for (ScenarioIssue& issue : check.errors) {
    const bool known = std::any_of(earlier.begin(), earlier.end(), [&](const ScenarioIssue& e) {
      return isWithin(issue.path, e.path) || isWithin(e.path, issue.path);
    });
    if (known) continue;
    addLocated({std::move(issue)}, root, issues);
  }
  return std::move(check.warnings);
}

// Document order reads best; issues without a position keep their order at the end.
void sortByPosition(std::vector<ScenarioIssue>& issues) {
  std::stable_sort(
      issues.begin(), issues.end(), [](const ScenarioIssue& a, const ScenarioIssue& b) {
        const auto key = [](const ScenarioIssue& i) {
          return std::pair(i.line > 0 ? i.line : std::numeric_limits<int>::max(), i.column);
        };
        return key(a) < key(b);
      });
}

}  // namespace

ScenarioLoadResult parseScenario(std::string_view jsonText) {
  ScenarioLoadResult result;
  if (jsonText.size() > limits::kMaxFileBytes) {
    result.issues.push_back(
        {"", 0, 0,
         "is " + std::to_string(jsonText.size()) + " bytes; scenario files are limited to 16 MiB"});
    return result;
  }
  const json::ParseResult parsed =
      json::parse(jsonText, {limits::kMaxNestingDepth, limits::kMaxStringBytes});
  IssueList issues;
  for (const json::ParseError& error : parsed.errors) {
    issues.add(error.position, error.path, error.message);
  }
  if (!parsed.root) return {std::nullopt, issues.take(), issues.total(), {}};

  Scenario scenario;
  std::vector<ScenarioIssue> warnings;
  if (DocumentReader(*parsed.root, issues).read(scenario) && !issues.full()) {
    warnings = addValidationIssues(scenario, *parsed.root, issues);
  }
  result.problems = issues.total();
  result.issues = issues.take();
  if (result.issues.empty()) {
    IssueList located;
    addLocated(std::move(warnings), *parsed.root, located);
    result.warnings = located.take();
    result.scenario = std::move(scenario);
  } else if (result.issues.size() < limits::kMaxIssues) {
    sortByPosition(result.issues);
  }
  return result;
}

}  // namespace brokerlab
