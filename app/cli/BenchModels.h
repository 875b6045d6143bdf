#pragma once

#include "scenario/Scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace brokerlab::cli {

// A benchmark workload: a scenario built in code, sized by `scale` (1 = the documented size).
struct BenchModel {
  std::string name;
  std::string description;
  Scenario scenario;
};

std::vector<std::string> benchModelNames();
std::optional<BenchModel> benchModel(const std::string& name, double scale);

}  // namespace brokerlab::cli
