#include "SweepCsv.h"

#include "SweepStatistics.h"

#include "scenario/JsonWriter.h"

namespace brokerlab::cli {

namespace {

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// The shortest text that reads back as the same double: the same on every machine.
std::string number(const std::optional<double>& v) {
  return v ? json::formatNumber(*v) : std::string();
}

}  // namespace

std::optional<std::string> sweepCsv(const std::vector<SweepAxis>& axes,
                                    const std::vector<RunFigures>& runs, std::size_t seeds,
                                    std::string* error) {
  const std::vector<std::vector<std::string>> points = expandGrid(axes);
  if (runs.size() != points.size() * seeds || runs.empty()) {
    *error = "the number of runs does not match the grid";
    return std::nullopt;
  }
  const std::vector<std::string>& names = runs.front().names;
  std::string csv;
  for (const SweepAxis& a : axes) csv += field(a.key) + ",";
  csv += "seeds";
  for (const std::string& n : names) {
    csv += ',';  // appended piece by piece: GCC 12 warns falsely about "," + std::string&&
    csv += field(n);
    csv += ',';
    csv += field(n + "_ci95");
  }
  csv += "\n";
  for (std::size_t p = 0; p < points.size(); ++p) {
    for (std::size_t a = 0; a < axes.size(); ++a)
      csv += field(points[p][a].substr(axes[a].key.size() + 1)) + ",";
    csv += std::to_string(seeds);
    for (std::size_t k = 0; k < names.size(); ++k) {
      std::vector<double> samples;  // the seeds that measured it (null: nothing to measure)
      for (std::size_t s = 0; s < seeds; ++s) {
        const RunFigures& run = runs[p * seeds + s];
        if (run.names != names) {
          *error = "the runs do not report the same components";
          return std::nullopt;
        }
        if (run.values[k]) samples.push_back(*run.values[k]);
      }
      const std::optional<Estimate> e = estimate(samples);
      csv += ',';
      csv += number(e ? std::optional(e->mean) : std::nullopt);
      csv += ',';
      csv += number(e ? e->halfWidth : std::nullopt);
    }
    csv += "\n";
  }
  return csv;
}

}  // namespace brokerlab::cli
