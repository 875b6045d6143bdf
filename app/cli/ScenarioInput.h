#pragma once

// The scenario a command line names: a file, or "-" for standard input (called "<stdin>" in
// messages). What is wrong with it goes to stderr as file:line:column: path: message, and so does
// what is valid but probably not meant, as "warning: ..." (the command goes on).

#include "scenario/Scenario.h"
#include "scenario/ScenarioReader.h"

#include <optional>
#include <string>

namespace brokerlab::cli {

std::string inputName(const std::string& file);

// The scenario, or nothing after printing every issue; `issueCount` (if given) is set to how many
// problems were found, listed or not.
std::optional<Scenario> loadInput(const std::string& file, std::size_t* issueCount = nullptr);

// The same for a load already done (ScenarioSettings reads the text first).
std::optional<Scenario> reportLoad(const std::string& file, const ScenarioLoadResult& loaded,
                                   std::size_t* issueCount = nullptr);

}  // namespace brokerlab::cli
