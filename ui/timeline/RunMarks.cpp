#include "timeline/RunMarks.h"

#include "canvas/Text.h"
#include "controller/SimulationController.h"
#include "scenario/ScenarioRules.h"

#include <QCoreApplication>

namespace brokerlab::ui {

namespace {

QString faultText(const FaultSpec& f) {
  const std::string_view kind = rules::faultKindName(f.kind);
  QString text = f.kind == FaultKind::Restart
                     ? QStringLiteral("broker restart")
                     : QString::fromLatin1(kind.data(), static_cast<qsizetype>(kind.size()));
  if (f.kind != FaultKind::Restart) text += QLatin1Char(' ') + QString::fromStdString(f.target);
  if (f.factor) text += QStringLiteral(" ×%1").arg(*f.factor, 0, 'g', 3);
  if (f.instances) text += QStringLiteral(" to %1").arg(*f.instances);
  if (f.prefetch)
    text += *f.prefetch == 0 ? QStringLiteral(" to unlimited")
                             : QStringLiteral(" to %1").arg(*f.prefetch);
  if (f.pollInterval) text += QStringLiteral(" every %1").arg(formatSeconds(*f.pollInterval));
  if (f.duration) text += QStringLiteral(" for %1").arg(formatSeconds(*f.duration));
  return text;
}

QString actionText(const ActionSpec& a) {
  return QStringLiteral("reset %1 on %2")
      .arg(QString::fromStdString(a.group), QString::fromStdString(a.target));
}

QString tr(const char* text) {
  return QCoreApplication::translate("RunMarks", text);
}

}  // namespace

std::vector<TimeScrubber::Mark> runMarks(const SimulationController& controller) {
  using Mark = TimeScrubber::Mark;
  std::vector<Mark> out;
  if (!controller.hasSimulation()) return out;
  const Scenario& s = controller.scenario();
  for (const FaultSpec& f : s.faults)
    out.push_back({f.at, f.at + f.duration.value_or(0), faultText(f), Mark::Kind::Fault});
  for (const ActionSpec& a : s.actions)
    out.push_back({a.at, a.at, actionText(a), Mark::Kind::Action});
  for (const LiveChange& c : controller.timeline().changes()) {
    if (c.fault) {
      out.push_back({c.at(), c.at() + c.fault->duration.value_or(0),
                     faultText(*c.fault) + tr(" (live)"), Mark::Kind::LiveFault});
    } else {
      out.push_back(
          {c.at(), c.at(), actionText(*c.action) + tr(" (live)"), Mark::Kind::LiveAction});
    }
  }
  for (const AnnotationSpec& a : s.annotations) {
    QString text = QString::fromStdString(a.text);
    if (a.pause.value_or(false)) text += tr(" (pauses)");
    out.push_back({a.at, a.at, text, Mark::Kind::Annotation});
  }
  return out;
}

std::optional<SimTime> adjacentMark(const std::vector<TimeScrubber::Mark>& marks, SimTime now,
                                    int direction) {
  SimTime best = direction > 0 ? kNever : -1;
  for (const TimeScrubber::Mark& m : marks) {
    if (direction > 0 && m.at > now && m.at < best) best = m.at;
    if (direction < 0 && m.at < now && m.at > best) best = m.at;
  }
  if (direction < 0 && best < 0) return SimTime{0};  // before the first mark: the start
  if (best == kNever) return std::nullopt;
  return best;
}

}  // namespace brokerlab::ui
