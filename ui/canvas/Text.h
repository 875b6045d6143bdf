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

}  // namespace brokerlab::ui
