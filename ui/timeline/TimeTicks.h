#pragma once

// The figures under a time axis: steps a clock reads at a glance (10 s, 15 s, 1 min, 1 h), not
// decimal ones (a five-hour run was marked 0:00, 1:23:20, 2:46:40, 4:10:00: steps of 5,000 s).

#include "base/SimTime.h"

#include <QString>

namespace brokerlab::ui {

// The smallest round step that marks `length` with at most `about` steps: below a second 1, 2 or 5
// times a power of ten; then 1, 2, 5, 10, 15 or 30 seconds or minutes; 1, 2, 3, 6 or 12 hours;
// then whole days, 1, 2 or 5 times a power of ten.
SimTime tickStep(SimTime length, int about);

// A tick's label on an axis `length` long: the clock (formatClock), without the milliseconds where
// the step is whole seconds ("1:30", not "1:30.000"), and with the hours on every label of an
// axis that reaches an hour ("0:00:00", "0:15:00", "1:00:00", not "0:00", "15:00", "1:00:00").
QString tickLabel(SimTime at, SimTime step, SimTime length);

}  // namespace brokerlab::ui
