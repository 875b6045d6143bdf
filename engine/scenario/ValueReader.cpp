#include "scenario/ValueReader.h"

#include "scenario/DurationText.h"
#include "scenario/JsonWriter.h"
#include "scenario/ScenarioRules.h"

#include <algorithm>
#include <cmath>

namespace brokerlab::detail {

namespace {

std::string got(const json::Value& value) {
  return " (got " + (value.isNumber() ? value.text : json::describe(value)) + ")";
}

std::string distWithArticle(DistKind kind) {
  const bool vowel = kind == DistKind::Exponential || kind == DistKind::Erlang;
  return (vowel ? "an " : "a ") + std::string(rules::distName(kind)) + " distribution";
}

}  // namespace

void IssueList::add(json::Position at, std::string path, std::string message) {
  if (full()) return;
  ++total_;
  if (issues_.size() < limits::kMaxIssues)
    issues_.push_back({std::move(path), at.line, at.column, std::move(message)});
}

bool IssueList::full() const {
  return total_ >= limits::kMaxIssuesCounted;
}

std::vector<ScenarioIssue> IssueList::take() {
  if (total_ > issues_.size()) {
    // The last listed place goes to the note, so the list keeps its length.
    issues_.resize(limits::kMaxIssues - 1);
    const std::size_t more = total_ - issues_.size();
    issues_.push_back({{},
                       0,
                       0,
                       "too many problems: the first " + std::to_string(issues_.size()) +
                           " are listed, " + (full() ? "at least " : "") + std::to_string(more) +
                           " more " + (more == 1 ? "is" : "are") + " not"});
  }
  return std::move(issues_);
}

void ValueReader::wrongType(const json::Value& value, const std::string& path,
                            std::string_view expected) {
  issues_.add(value, path,
              "must be " + std::string(expected) + " (got " + json::describe(value) + ")");
}

bool ValueReader::expectObject(const json::Value& value, const std::string& path) {
  if (value.isObject()) return true;
  wrongType(value, path, "an object");
  return false;
}

bool ValueReader::expectArray(const json::Value& value, const std::string& path) {
  if (value.isArray()) return true;
  wrongType(value, path, "an array");
  return false;
}

std::optional<std::string> ValueReader::string(const json::Value& value, const std::string& path) {
  if (value.isString()) return value.text;
  wrongType(value, path, "a string");
  return std::nullopt;
}

std::optional<bool> ValueReader::boolean(const json::Value& value, const std::string& path) {
  if (value.isBool()) return value.boolean;
  wrongType(value, path, "true or false");
  return std::nullopt;
}

std::optional<double> ValueReader::number(const json::Value& value, const std::string& path) {
  if (!value.isNumber()) {
    wrongType(value, path, "a number");
    return std::nullopt;
  }
  const std::optional<double> result = value.toDouble();
  if (!result || !std::isfinite(*result)) {
    issues_.add(value, path, "is out of range for a number" + got(value));
    return std::nullopt;
  }
  return result;
}

std::optional<std::uint64_t> ValueReader::integer(const json::Value& value, const std::string& path,
                                                  std::uint64_t min, std::uint64_t max) {
  const std::optional<std::uint64_t> result = value.toUint64();
  if (!result || *result < min || *result > max) {
    issues_.add(value, path, rules::integerRange(min, max) + got(value));
    return std::nullopt;
  }
  return result;
}

std::optional<SimTime> ValueReader::duration(const json::Value& value, const std::string& path) {
  DurationParse parsed;
  if (value.isNumber()) {
    parsed = parseDurationSeconds(value.text);
  } else if (value.isString()) {
    parsed = parseDurationText(value.text);
  } else {
    wrongType(value, path, "a duration: a number of seconds or a string like \"250ms\"");
    return std::nullopt;
  }
  if (!parsed.value) issues_.add(value, path, parsed.error + got(value));
  return parsed.value;
}

std::optional<std::size_t> ValueReader::choice(const json::Value& value, const std::string& path,
                                               std::span<const std::string_view> names) {
  if (!value.isString()) {
    wrongType(value, path, "one of " + rules::quotedChoice(names));
    return std::nullopt;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == value.text) return i;
  }
  const std::string_view near = rules::closest(value.text, names);
  issues_.add(value, path,
              "must be one of " + rules::quotedChoice(names) + got(value) +
                  (near.empty() ? "" : "; did you mean " + json::quoted(near) + "?"));
  return std::nullopt;
}

void ValueReader::rejectUnknownKeys(const json::Value& object, const std::string& path,
                                    std::span<const std::string_view> known) {
  for (const json::Member& member : object.members) {
    if (std::find(known.begin(), known.end(), member.key) != known.end()) continue;
    issues_.add(member.keyPosition, json::childPath(path, member.key),
                rules::unknownKey(member.key, known));
  }
}

std::optional<Distribution> ValueReader::distribution(const json::Value& value,
                                                      const std::string& path) {
  if (value.isNumber() || value.isString()) {
    const std::optional<SimTime> constant = duration(value, path);
    if (!constant) return std::nullopt;
    return Distribution::constant(*constant);
  }
  if (!value.isObject()) {
    wrongType(value, path, "a duration or a distribution like {\"dist\": \"exponential\", ...}");
    return std::nullopt;
  }
  return distributionObject(value, path);
}

std::optional<Distribution> ValueReader::distributionObject(const json::Value& object,
                                                            const std::string& path) {
  const json::Value* name = object.find("dist");
  if (name == nullptr) {
    issues_.add(
        object, path,
        "a distribution object needs \"dist\": one of " + rules::quotedChoice(rules::distNames()));
    return std::nullopt;
  }
  const std::optional<std::size_t> index =
      choice(*name, json::childPath(path, "dist"), rules::distNames());
  if (!index) return std::nullopt;
  Distribution dist;
  dist.kind = static_cast<DistKind>(*index);
  const auto keys = rules::parametersOf(dist.kind);
  bool ok = true;
  for (const json::Member& member : object.members) {
    if (std::find(keys.begin(), keys.end(), member.key) != keys.end()) continue;
    issues_.add(member.keyPosition, json::childPath(path, member.key),
                json::quoted(member.key) + " is not a parameter of " + distWithArticle(dist.kind) +
                    " (it takes: " + rules::joined(keys) + ")");
    ok = false;
  }
  for (std::string_view key : keys.subspan(1)) {
    const json::Value* field = object.find(key);
    const std::string fieldPath = json::childPath(path, key);
    if (field == nullptr) {
      issues_.add(object, fieldPath, distWithArticle(dist.kind) + " needs " + json::quoted(key));
      ok = false;
      continue;
    }
    if (key == "k") {
      const auto k = integer(*field, fieldPath, 1, limits::kMaxErlangK);
      ok = ok && k.has_value();
      if (k) dist.k = static_cast<std::uint32_t>(*k);
      continue;
    }
    const std::optional<SimTime> d = duration(*field, fieldPath);
    if (!d) {
      ok = false;
      continue;
    }
    if (key == "value") dist.value = *d;
    if (key == "mean") dist.mean = *d;
    if (key == "stddev") dist.stddev = *d;
    if (key == "min") dist.min = *d;
    if (key == "max") dist.max = *d;
  }
  if (!ok) return std::nullopt;
  return dist;
}

}  // namespace brokerlab::detail
