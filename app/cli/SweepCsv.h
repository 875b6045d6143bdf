#pragma once

// The CSV of a sweep: one row per grid point, its parameters, the seeds it ran, then for each key
// figure the mean over seeds and the half-width of its 95% confidence interval.

#include "SweepFigures.h"
#include "SweepGrid.h"

#include <optional>
#include <string>
#include <vector>

namespace brokerlab::cli {

// `runs` holds every point's seeds in grid order, `seeds` per point; a point with a run missing
// (stopped by Ctrl-C) has no row. Nothing, with `*error` set, when the runs do not share one set
// of figures (reports of another scenario).
std::optional<std::string> sweepCsv(const std::vector<SweepAxis>& axes,
                                    const std::vector<std::optional<RunFigures>>& runs,
                                    std::size_t seeds, std::string* error);

}  // namespace brokerlab::cli
