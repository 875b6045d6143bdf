#include "timeline/TimeTicks.h"

#include "canvas/Text.h"

#include <algorithm>
#include <array>

namespace brokerlab::ui {

SimTime tickStep(SimTime length, int about) {
  const SimTime wanted = std::max<SimTime>(1, length / std::max(1, about));
  if (wanted < kSecond) {
    for (SimTime power = 1; power < kSecond; power *= 10)
      for (const SimTime m : {1, 2, 5})
        if (m * power >= wanted) return m * power;
    return kSecond;
  }
  constexpr SimTime kHour = 60 * kMinute;
  static constexpr std::array<SimTime, 17> clock = {
      kSecond, 2 * kSecond, 5 * kSecond, 10 * kSecond, 15 * kSecond, 30 * kSecond,
      kMinute, 2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute,
      kHour,   2 * kHour,   3 * kHour,   6 * kHour,    12 * kHour};
  for (const SimTime step : clock)
    if (step >= wanted) return step;
  constexpr SimTime kDay = 24 * kHour;
  for (SimTime power = kDay;; power *= 10)
    for (const SimTime m : {1, 2, 5})
      if (m * power >= wanted) return m * power;
}

QString tickLabel(SimTime at, SimTime step, SimTime length) {
  const QString clock = formatClock(at, length);
  return step % kSecond == 0 ? clock.left(clock.size() - 4) : clock;  // less ".000"
}

}  // namespace brokerlab::ui
