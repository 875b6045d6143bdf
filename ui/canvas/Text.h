#pragma once

// Numbers and times as the canvas and the toolbar show them.

#include "base/SimTime.h"

#include <QString>

#include <cstdint>

namespace brokerlab::ui {

QString formatCount(std::uint64_t n);  // 1,234,567
QString formatRate(double perSecond);  // "20/s", "1.5k/s", "0.25/s"
QString formatClock(SimTime t);        // "0:12.345", "1:02:03.456"
QString formatSeconds(SimTime t);      // "12.345 s", "250 ms", "3 µs": a duration, short
// `text` with a word joiner (U+2060, drawn as nothing) after each slash that a letter, a digit, a
// brace or a parenthesis follows, and no-break spaces between an HTTP method and its path and
// around a slash between spaces, so that wrapped text never breaks a request or a fraction at
// its slash: Qt breaks lines after
// a slash, and captions read "GET /" at the end of one line and "results/1" on the next, or
// "Lq = ρ²/" and "(1 − ρ) = 3.2".
QString withUnbrokenPaths(const QString& text);

}  // namespace brokerlab::ui
