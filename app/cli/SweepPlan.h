#pragma once

// A sweep that outgrows one machine: `--plan DIR` prints one self-contained `brokerlab-cli run`
// command per run, each writing its JSON report to DIR/point-K-seed-S.json (for GNU parallel or a
// Slurm array), and `--collect DIR` reads those reports back into the CSV a local sweep writes.

#include "SweepFigures.h"
#include "SweepRunner.h"

#include <cstdint>
#include <string>
#include <vector>

namespace brokerlab::cli {

// "DIR/point-K-seed-S.json", K counting grid points from 1.
std::string reportPath(const std::string& dir, std::size_t point, std::uint64_t seed);

// One shell command per line, every word quoted where a shell would read it otherwise.
std::string planText(const std::string& file, const std::vector<std::vector<std::string>>& points,
                     const std::vector<std::uint64_t>& seeds, const std::string& dir);

// The reports of every point and seed; an error names the first missing or wrong file.
SweepOutcome collectReports(const std::string& dir, std::size_t points,
                            const std::vector<std::uint64_t>& seeds);

}  // namespace brokerlab::cli
