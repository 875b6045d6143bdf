#pragma once

// Reading JSON values into scenario types for ScenarioReader: each function checks the type and
// the value, reports what is wrong (path, position, expected and got) and returns nullopt, so the
// reader can carry on and report every problem in the file rather than only the first.

#include "scenario/Json.h"
#include "scenario/Scenario.h"
#include "scenario/ScenarioIssue.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace brokerlab::detail {

// Issues in the order found. At most limits::kMaxIssues are listed: past that the last place says
// how many more there are, counted up to limits::kMaxIssuesCounted, where full() stops the reader.
class IssueList {
 public:
  void add(json::Position at, std::string path, std::string message);
  void add(const json::Value& at, std::string path, std::string message) {
    add(at.position, std::move(path), std::move(message));
  }
  bool full() const;
  const std::vector<ScenarioIssue>& items() const { return issues_; }
  std::size_t total() const { return total_; }  // listed or not
  std::vector<ScenarioIssue> take();            // with the note, when some are not listed

 private:
  std::vector<ScenarioIssue> issues_;
  std::size_t total_ = 0;
};

class ValueReader {
 public:
  explicit ValueReader(IssueList& issues) : issues_(issues) {}

  bool expectObject(const json::Value& value, const std::string& path);
  bool expectArray(const json::Value& value, const std::string& path);
  std::optional<std::string> string(const json::Value& value, const std::string& path);
  std::optional<bool> boolean(const json::Value& value, const std::string& path);
  // A finite number.
  std::optional<double> number(const json::Value& value, const std::string& path);
  // An integer written without fraction or exponent, within [min, max].
  std::optional<std::uint64_t> integer(const json::Value& value, const std::string& path,
                                       std::uint64_t min, std::uint64_t max);
  // A number of seconds or a string with a unit.
  std::optional<SimTime> duration(const json::Value& value, const std::string& path);
  // A duration (a constant) or a {"dist": ...} object.
  std::optional<Distribution> distribution(const json::Value& value, const std::string& path);
  // The index of the string value in `names`, reporting other values with a suggestion.
  std::optional<std::size_t> choice(const json::Value& value, const std::string& path,
                                    std::span<const std::string_view> names);
  // Reports every key of `object` that is not in `known`.
  void rejectUnknownKeys(const json::Value& object, const std::string& path,
                         std::span<const std::string_view> known);

  IssueList& issues() { return issues_; }

 private:
  void wrongType(const json::Value& value, const std::string& path, std::string_view expected);
  std::optional<Distribution> distributionObject(const json::Value& object,
                                                 const std::string& path);

  IssueList& issues_;
};

}  // namespace brokerlab::detail
