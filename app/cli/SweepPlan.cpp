#include "SweepPlan.h"

#include "CliArgs.h"

#include "scenario/ScenarioFile.h"

#include <QString>

#include <map>

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

// One report's figures, checked against the run it should be; an error says what is wrong.
std::optional<RunFigures> readReport(const std::string& path, std::uint64_t seed,
                                     const std::string& scenario, std::string* error) {
  // The scenario reader's limits and messages serve for reports too (16 MiB, no directory).
  const ScenarioText text = readScenarioText(QString::fromStdString(path));
  *error = text.error;
  std::optional<RunFigures> figures;
  if (error->empty()) figures = keyFigures(text.text, error);
  if (figures && figures->seed != seed)
    *error =
        "the report is of seed " + std::to_string(figures->seed) + ", not " + std::to_string(seed);
  else if (figures && figures->scenario != scenario)
    *error =
        "the report is of the scenario \"" + figures->scenario + "\", not \"" + scenario + "\"";
  if (!error->empty()) return std::nullopt;
  return figures;
}

// K and S of ".../point-K-seed-S.json"; nothing for another name.
std::optional<std::pair<std::uint64_t, std::uint64_t>> runOfName(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::string head = "point-", middle = "-seed-", tail = ".json";
  if (name.rfind(head, 0) != 0 || name.size() < head.size() + tail.size() ||
      name.compare(name.size() - tail.size(), tail.size(), tail) != 0)
    return std::nullopt;
  const std::string core = name.substr(head.size(), name.size() - head.size() - tail.size());
  const std::size_t at = core.find(middle);
  if (at == std::string::npos) return std::nullopt;
  const auto point = parseUnsigned(core.substr(0, at));
  const auto seed = parseUnsigned(core.substr(at + middle.size()));
  if (!point || !seed) return std::nullopt;
  return std::pair(*point, *seed);
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
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

SweepOutcome collectReports(const std::string& dir, const ReportGrid& grid) {
  SweepOutcome outcome;
  for (std::size_t p = 0; p < grid.points.size(); ++p) {
    for (const std::uint64_t seed : grid.seeds) {
      const std::string path = reportPath(dir, p + 1, seed);
      std::string error;
      std::optional<RunFigures> figures = readReport(path, seed, grid.scenario, &error);
      if (!figures) {
        outcome.error = path + ": " + error;
        return outcome;
      }
      outcome.runs.push_back(std::move(figures));
      ++outcome.done;
    }
  }
  return outcome;
}

SweepOutcome mergeReports(const std::vector<std::string>& files, const ReportGrid& grid) {
  SweepOutcome outcome;
  const std::size_t seeds = grid.seeds.size();
  outcome.runs.resize(grid.points.size() * seeds);
  std::map<std::uint64_t, std::size_t> seedIndex;
  for (std::size_t s = 0; s < seeds; ++s) seedIndex[grid.seeds[s]] = s;
  std::vector<std::string> from(outcome.runs.size());  // the file each run came from
  for (const std::string& path : files) {
    const auto run = runOfName(path);
    std::string error;
    if (!run) {
      error = "not a report as the --plan commands name them (point-K-seed-S.json)";
    } else if (run->first == 0 || run->first > grid.points.size()) {
      error = "a report of point " + std::to_string(run->first) + ", but the grid has " +
              std::to_string(grid.points.size()) +
              (grid.points.size() == 1 ? " point" : " points") + " (a report of another sweep?)";
    } else if (!seedIndex.count(run->second)) {
      error = "a report of seed " + std::to_string(run->second) + ", but the sweep's seeds are " +
              std::to_string(grid.seeds.front()) + " to " + std::to_string(grid.seeds.back()) +
              " (--seeds " + std::to_string(seeds) + ")";
    } else {
      const std::size_t i = (run->first - 1) * seeds + seedIndex[run->second];
      if (!from[i].empty()) {
        error = "point " + std::to_string(run->first) + ", seed " + std::to_string(run->second) +
                " again (already read from " + from[i] + ")";
      } else {
        outcome.runs[i] = readReport(path, run->second, grid.scenario, &error);
        from[i] = path;
      }
    }
    if (!error.empty()) {
      outcome.error = path + ": " + error;
      return outcome;
    }
    ++outcome.done;
  }
  for (std::size_t i = 0; i < outcome.runs.size(); ++i) {
    if (outcome.runs[i]) continue;
    outcome.error = "no report of point " + std::to_string(i / seeds + 1) + " (" +
                    joined(grid.points[i / seeds]) + "), seed " +
                    std::to_string(grid.seeds[i % seeds]) + ": " +
                    std::to_string(outcome.runs.size() - outcome.done) + " of " +
                    std::to_string(outcome.runs.size()) + " runs have none";
    return outcome;
  }
  return outcome;
}

}  // namespace brokerlab::cli
