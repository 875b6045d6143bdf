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

// A point's row: its values, its seeds, then each figure's mean and half-width.
bool appendRow(std::string& csv, const std::vector<std::string>& point,
               const std::vector<SweepAxis>& axes, const std::vector<std::string>& names,
               const std::optional<RunFigures>* runs, std::size_t seeds, std::string* error) {
  for (std::size_t a = 0; a < axes.size(); ++a)
    csv += field(point[a].substr(axes[a].key.size() + 1)) + ",";
  csv += std::to_string(seeds);
  for (std::size_t s = 0; s < seeds; ++s) {
    if (runs[s]->names != names) {
      *error = "the runs do not report the same components";
      return false;
    }
  }
  for (std::size_t k = 0; k < names.size(); ++k) {
    std::vector<double> samples;  // the seeds that measured it (null: nothing to measure)
    for (std::size_t s = 0; s < seeds; ++s)
      if (runs[s]->values[k]) samples.push_back(*runs[s]->values[k]);
    const std::optional<Estimate> e = estimate(samples);
    csv += ',';  // appended piece by piece: GCC 12 warns falsely about "," + std::string&&
    csv += number(e ? std::optional(e->mean) : std::nullopt);
    csv += ',';
    csv += number(e ? e->halfWidth : std::nullopt);
  }
  csv += "\n";
  return true;
}

}  // namespace

std::optional<std::string> sweepCsv(const std::vector<SweepAxis>& axes,
                                    const std::vector<std::optional<RunFigures>>& runs,
                                    std::size_t seeds, std::string* error) {
  const std::vector<std::vector<std::string>> points = expandGrid(axes);
  if (runs.size() != points.size() * seeds || seeds == 0) {
    *error = "the number of runs does not match the grid";
    return std::nullopt;
  }
  std::vector<std::string> names;  // the first finished run's
  for (const std::optional<RunFigures>& run : runs) {
    if (!run) continue;
    names = run->names;
    break;
  }
  std::string csv;
  for (const SweepAxis& a : axes) csv += field(a.key) + ",";
  csv += "seeds";
  for (const std::string& n : names) {
    csv += ',';
    csv += field(n);
    csv += ',';
    csv += field(n + "_ci95");
  }
  csv += "\n";
  for (std::size_t p = 0; p < points.size(); ++p) {
    const std::optional<RunFigures>* first = runs.data() + p * seeds;
    bool complete = true;
    for (std::size_t s = 0; s < seeds; ++s) complete = complete && first[s].has_value();
    if (complete && !appendRow(csv, points[p], axes, names, first, seeds, error))
      return std::nullopt;
  }
  return csv;
}

}  // namespace brokerlab::cli
