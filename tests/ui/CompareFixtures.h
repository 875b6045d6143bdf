#pragma once

// What the comparison's tests share: the bundled work queue against the same with a fourth,
// faster worker, as two designs a user would put side by side.

#include "UiFixtures.h"
#include "compare/CompareWindow.h"

#include <QCoreApplication>

namespace brokerlab::ui::testing {

inline constexpr double kFrame = 1.0 / 60;

inline ComponentSpec& component(Scenario& s, const std::string& id) {
  for (ComponentSpec& c : s.components)
    if (c.id == id) return c;
  qFatal("no component %s", id.c_str());
}

// The bundled work queue with a fourth, faster worker.
inline Scenario moreWorkers(Scenario s) {
  component(s, "workers").instances = 4;
  component(s, "workers").service = Distribution::exponential(90 * kMillisecond);
  s.name += " (4 workers)";
  return s;
}

// The work queue against the same with four workers, in a 1600x900 window brought to 40 s and
// laid out (as `brokerlab --compare ... --at 40s` draws it).
inline bool openWorkQueuePairAt40s(CompareWindow& w) {
  const Scenario a = loadBundled(QStringLiteral("work-queue"));
  if (!w.load(a, QStringLiteral("A"), moreWorkers(a), QStringLiteral("B")).isEmpty()) return false;
  w.resize(1600, 900);
  w.show();
  w.bringTo(40 * kSecond);
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
  return true;
}

}  // namespace brokerlab::ui::testing
