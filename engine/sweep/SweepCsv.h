#pragma once

// The result of a sweep: per grid point whose every seed finished, its parameters, its seeds, then
// for each key figure the mean over seeds and the half-width of its 95% confidence interval; and
// that table as CSV. brokerlab-cli writes the CSV; the window plots the table and exports the same
// CSV, byte for byte.

#include "sweep/SweepFigures.h"
#include "sweep/SweepGrid.h"
#include "sweep/SweepStatistics.h"

#include <optional>
#include <string>
#include <vector>

namespace brokerlab {

struct SweepRow {
  std::vector<std::string> values;  // one per axis, as the axis lists it ("3", "80ms")
  std::size_t seeds = 0;
  std::vector<std::optional<Estimate>> figures;  // per name; none where no seed measured it
};

struct SweepTable {
  std::vector<SweepAxis> axes;
  std::vector<std::string> names;  // the key figures, "orders.wait_p99_s"
  std::vector<SweepRow> rows;      // in grid order
};

// `runs` holds every point's seeds in grid order, `seeds` per point; a point with a run missing
// (stopped by Ctrl-C or Cancel) has no row. Nothing, with `*error` set, when the runs do not
// share one set of figures (reports of another scenario).
std::optional<SweepTable> sweepTable(const std::vector<SweepAxis>& axes,
                                     const std::vector<std::optional<RunFigures>>& runs,
                                     std::size_t seeds, std::string* error);

// The table as RFC 4180 CSV: a header, then one line per row; numbers in their shortest exact
// spelling, an empty field for a figure nothing measured or an interval of one seed.
std::string sweepCsv(const SweepTable& table);

}  // namespace brokerlab
