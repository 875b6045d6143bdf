#pragma once

// A sweep that outgrows one machine: `--plan DIR` prints one self-contained `brokerlab-cli run`
// command per run, each writing its JSON report to DIR/point-K-seed-S.json (for GNU parallel or a
// Slurm array), and `--collect DIR` or `--merge REPORT...` reads those reports back into the CSV a
// local sweep writes.

#include "sweep/SweepFigures.h"
#include "sweep/SweepRunner.h"

#include <cstdint>
#include <string>
#include <vector>

namespace brokerlab::cli {

// "DIR/point-K-seed-S.json", K counting grid points from 1.
std::string reportPath(const std::string& dir, std::size_t point, std::uint64_t seed);

// One shell command per line, every word quoted where a shell would read it otherwise.
std::string planText(const std::string& file, const std::vector<std::vector<std::string>>& points,
                     const std::vector<std::uint64_t>& seeds, const std::string& dir);

// What the reports must match: the grid's points ("KEY=VALUE" per axis), the seeds of each point,
// and the scenario's name (a report names its scenario).
struct ReportGrid {
  const std::vector<std::vector<std::string>>& points;
  const std::vector<std::uint64_t>& seeds;
  const std::string& scenario;
};

// The reports of every point and seed in DIR; an error names the first missing or wrong file.
SweepOutcome collectReports(const std::string& dir, const ReportGrid& grid);

// The reports given, wherever they are, each named as the plan names it (point-K-seed-S.json):
// exactly one per point and seed. An error names a report of another grid (a point or seed it
// does not have, another scenario), a run given twice, or the first run with no report.
SweepOutcome mergeReports(const std::vector<std::string>& files, const ReportGrid& grid);

}  // namespace brokerlab::cli
