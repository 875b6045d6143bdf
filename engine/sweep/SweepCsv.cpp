#include "sweep/SweepCsv.h"

#include "scenario/JsonWriter.h"

namespace brokerlab {

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

// A point's row: its values, its seeds, and each figure's estimate over the seeds that measured
// it (null in a report: nothing to measure).
std::optional<SweepRow> rowOf(const std::vector<std::string>& point,
                              const std::vector<SweepAxis>& axes,
                              const std::vector<std::string>& names,
                              const std::optional<RunFigures>* runs, std::size_t seeds,
                              std::string* error) {
  SweepRow row;
  for (std::size_t a = 0; a < axes.size(); ++a)
    row.values.push_back(point[a].substr(axes[a].key.size() + 1));
  row.seeds = seeds;
  for (std::size_t s = 0; s < seeds; ++s) {
    if (runs[s]->names != names) {
      *error = "the runs do not report the same components";
      return std::nullopt;
    }
  }
  for (std::size_t k = 0; k < names.size(); ++k) {
    std::vector<double> samples;
    for (std::size_t s = 0; s < seeds; ++s)
      if (runs[s]->values[k]) samples.push_back(*runs[s]->values[k]);
    row.figures.push_back(estimate(samples));
  }
  return row;
}

}  // namespace

std::optional<SweepTable> sweepTable(const std::vector<SweepAxis>& axes,
                                     const std::vector<std::optional<RunFigures>>& runs,
                                     std::size_t seeds, std::string* error) {
  const std::vector<std::vector<std::string>> points = expandGrid(axes);
  if (runs.size() != points.size() * seeds || seeds == 0) {
    *error = "the number of runs does not match the grid";
    return std::nullopt;
  }
  SweepTable table;
  table.axes = axes;
  for (const std::optional<RunFigures>& run : runs) {  // the first finished run's names
    if (!run) continue;
    table.names = run->names;
    break;
  }
  for (std::size_t p = 0; p < points.size(); ++p) {
    const std::optional<RunFigures>* first = runs.data() + p * seeds;
    bool complete = true;
    for (std::size_t s = 0; s < seeds; ++s) complete = complete && first[s].has_value();
    if (!complete) continue;
    std::optional<SweepRow> row = rowOf(points[p], axes, table.names, first, seeds, error);
    if (!row) return std::nullopt;
    table.rows.push_back(std::move(*row));
  }
  return table;
}

std::string sweepCsv(const SweepTable& table) {
  std::string csv;
  for (const SweepAxis& a : table.axes) csv += field(a.key) + ",";
  csv += "seeds";
  for (const std::string& n : table.names) {
    csv += ',';  // appended piece by piece: GCC 12 warns falsely about "," + std::string&&
    csv += field(n);
    csv += ',';
    csv += field(n + "_ci95");
  }
  csv += "\n";
  for (const SweepRow& row : table.rows) {
    for (const std::string& v : row.values) csv += field(v) + ",";
    csv += std::to_string(row.seeds);
    for (const std::optional<Estimate>& e : row.figures) {
      csv += ',';
      csv += number(e ? std::optional(e->mean) : std::nullopt);
      csv += ',';
      csv += number(e ? e->halfWidth : std::nullopt);
    }
    csv += "\n";
  }
  return csv;
}

}  // namespace brokerlab
