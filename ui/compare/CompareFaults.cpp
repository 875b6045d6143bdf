#include "compare/CompareFaults.h"

#include "canvas/Text.h"
#include "compare/CompareClock.h"
#include "controller/SimulationController.h"
#include "faults/FaultPresets.h"

#include <QMenu>
#include <QStringList>

namespace brokerlab::ui {

namespace {
// The error (empty when taken) and the instant the run took it at: the first after the present
// at which nothing else is due in that run.
std::pair<QString, SimTime> applyTo(SimulationController& run, const FaultSpec& f) {
  FaultSpec applied;
  QString error = run.applyFault(f, &applied);
  return {error, applied.at};
}
std::pair<QString, SimTime> applyTo(SimulationController& run, const ActionSpec& a) {
  ActionSpec applied;
  QString error = run.applyAction(a, &applied);
  return {error, applied.at};
}
}  // namespace

CompareFaults::CompareFaults(CompareClock& clock, QWidget* window)
    : QObject(window), clock_(clock) {
  const std::array<SimulationController*, 2> runs = {&clock_.left(), &clock_.right()};
  for (std::size_t i = 0; i < runs.size(); ++i)
    presets_[i] = new FaultPresets(
        *runs[i], [this](const FaultSpec& f, const QString& what) { apply(f, what); },
        [this](const ActionSpec& a, const QString& what) { apply(a, what); }, this);
}

void CompareFaults::populate(QMenu* menu, bool right, std::uint32_t component,
                             std::uint16_t instance) {
  presets_[right ? 1 : 0]->populate(menu, component, instance);
}

QAction* CompareFaults::restartBroker() const {
  return presets_[0]->restartBroker();
}

bool CompareFaults::apply(const FaultSpec& spec, const QString& what) {
  return applyToBoth(spec, what);
}

bool CompareFaults::apply(const ActionSpec& spec, const QString& what) {
  return applyToBoth(spec, what);
}

template <typename Spec>
bool CompareFaults::applyToBoth(const Spec& spec, const QString& what) {
  // Between frames both runs stand at the same time, so both take it at that instant (give or
  // take the nanoseconds each needs for an instant to itself).
  QStringList refused;
  QStringList took;
  const std::array<std::pair<QString, SimulationController*>, 2> runs = {
      {{QStringLiteral("A"), &clock_.left()}, {QStringLiteral("B"), &clock_.right()}}};
  for (const auto& [letter, run] : runs) {
    const auto [error, at] = applyTo(*run, spec);
    if (error.isEmpty())
      took << tr("%1 at %2").arg(letter, formatClock(at));
    else
      refused << tr("%1 cannot take it: %2").arg(letter, error);
  }
  if (refused.isEmpty())
    emit message(tr("%1: %2").arg(what, took.join(QStringLiteral(", "))));
  else if (!took.isEmpty())
    emit message(
        tr("%1: %2; %3")
            .arg(what, took.join(QStringLiteral(", ")), refused.join(QStringLiteral("; "))));
  else
    emit message(tr("Cannot apply %1: %2").arg(what, refused.join(QStringLiteral("; "))));
  return refused.isEmpty();
}

}  // namespace brokerlab::ui
