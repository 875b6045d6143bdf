#pragma once

// Numbers and times as the canvas and the toolbar show them.

#include "base/SimTime.h"

#include <QString>

#include <cstdint>

namespace brokerlab::ui {

QString formatCount(std::uint64_t n);    // 1,234,567
QString formatRate(double perSecond);    // "20/s", "1.5k/s", "0.25/s"
QString formatPercent(double fraction);  // "78.4%": a utilization, a share
QString formatClock(SimTime t);          // "0:12.345", "1:02:03.456"
// `t` on a clock that runs `span` long: with the hours whenever the span reaches an hour
// ("0:02:00.000" of a ten-hour run, where "2:00.000" beside "10:00:00.000" read as two hours).
QString formatClock(SimTime t, SimTime span);
QString formatSeconds(SimTime t);  // "12.345 s", "250 ms", "3 µs": a duration, short
// `text` with what a wrapped line must not split glued together: a word joiner (U+2060, drawn
// as nothing) after a slash that a letter, a digit, a brace or a parenthesis follows, and
// no-break spaces between an HTTP method and its path, around a slash between spaces, between a
// number and its unit and after an operator between spaces. Qt breaks lines after a slash and at
// any space: captions read "GET /" at the end of one line and "results/1" on the next, "Lq = ρ²/"
// and "(1 − ρ) = 3.2", "median wait 1.6" and "s)", "(40 − 15) ≈" and "15 s".
QString keptTogether(const QString& text);

}  // namespace brokerlab::ui
