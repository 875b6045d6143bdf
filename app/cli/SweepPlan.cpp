#include "SweepPlan.h"

#include "scenario/ScenarioFile.h"

#include <QString>

namespace brokerlab::cli {

namespace {

// A word as sh reads it back: left bare when it is only safe characters, else in single quotes.
std::string shellWord(const std::string& word) {
  const bool safe = !word.empty() && word.find_first_not_of(
                                         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                         "0123456789_./:=@%+,-") == std::string::npos;
  if (safe) return word;
  std::string quoted = "'";
  for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

std::string reportPath(const std::string& dir, std::size_t point, std::uint64_t seed) {
  const std::string slash = !dir.empty() && dir.back() == '/' ? "" : "/";
  return dir + slash + "point-" + std::to_string(point) + "-seed-" + std::to_string(seed) + ".json";
}

std::string planText(const std::string& file, const std::vector<std::vector<std::string>>& points,
                     const std::vector<std::uint64_t>& seeds, const std::string& dir) {
  std::string plan;
  for (std::size_t p = 0; p < points.size(); ++p) {
    for (const std::uint64_t seed : seeds) {
      plan += "brokerlab-cli run " + shellWord(file) + " --seed " + std::to_string(seed);
      for (const std::string& assignment : points[p]) plan += " --set " + shellWord(assignment);
      plan += " --json -o " + shellWord(reportPath(dir, p + 1, seed)) + "\n";
    }
  }
  return plan;
}

SweepOutcome collectReports(const std::string& dir, std::size_t points,
                            const std::vector<std::uint64_t>& seeds) {
  SweepOutcome outcome;
  for (std::size_t p = 0; p < points; ++p) {
    for (const std::uint64_t seed : seeds) {
      const std::string path = reportPath(dir, p + 1, seed);
      // The scenario reader's limits and messages serve for reports too (16 MiB, no directory).
      const ScenarioText text = readScenarioText(QString::fromStdString(path));
      std::string error = text.error;
      std::optional<RunFigures> figures;
      if (error.empty()) figures = keyFigures(text.text, &error);
      if (figures && figures->seed != seed)
        error = "the report is of seed " + std::to_string(figures->seed) + ", not " +
                std::to_string(seed);
      if (!error.empty()) {
        outcome.error = path + ": " + error;
        return outcome;
      }
      outcome.runs.push_back(std::move(figures));
      ++outcome.done;
    }
  }
  return outcome;
}

}  // namespace brokerlab::cli
