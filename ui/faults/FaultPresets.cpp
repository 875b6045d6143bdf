#include "faults/FaultPresets.h"

#include "canvas/Text.h"
#include "controller/SimulationController.h"

#include <QAction>
#include <QMenu>

#include <algorithm>

namespace brokerlab::ui {

namespace {
FaultSpec spec(FaultKind kind, const QString& target) {
  FaultSpec f;
  f.kind = kind;
  f.target = target.toStdString();
  return f;
}
QString idOf(const Model& m, std::uint32_t component) {
  return QString::fromStdString(m.components[component].id);
}
}  // namespace

FaultPresets::FaultPresets(const SimulationController& controller, FaultChosen onFault,
                           ResetChosen onReset, QObject* parent)
    : QObject(parent),
      controller_(controller),
      onFault_(std::move(onFault)),
      onReset_(std::move(onReset)) {
  restartBroker_ = new QAction(tr("Restart the &Broker"), this);
  restartBroker_->setToolTip(
      tr("The broker goes down for 10 s: connections drop, transient queues "
         "lose what they hold, unconfirmed publishes are lost (Ctrl+B)"));
  restartBroker_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
  connect(restartBroker_, &QAction::triggered, this, [this] {
    FaultSpec f = spec(FaultKind::Restart, QStringLiteral("broker"));
    f.duration = 10 * kSecond;
    onFault_(f, tr("broker restart"));
  });
}

bool FaultPresets::takesFaults(std::uint32_t component) const {
  if (!controller_.hasSimulation() || component >= controller_.model()->components.size())
    return false;
  const ComponentKind k = controller_.model()->components[component].kind;
  return k == ComponentKind::Consumer || k == ComponentKind::Producer ||
         k == ComponentKind::Client || k == ComponentKind::Stream;
}

QAction* FaultPresets::add(QMenu* menu, const QString& text, FaultSpec f) {
  QAction* a = menu->addAction(text);
  connect(a, &QAction::triggered, this, [this, f, text] { onFault_(f, text); });
  return a;
}

void FaultPresets::addConsumerEntries(QMenu* menu, std::uint32_t consumer, std::uint16_t instance) {
  const Model& m = *controller_.model();
  const ConsumerDef& def = m.consumers[consumer];
  const QString id = idOf(m, def.component);
  const QString after = formatSeconds(kPresetRestartAfter);
  const QString lasting = formatSeconds(kPresetDuration);
  // A channel close returns what the instance held at once (a crash: after the heartbeat);
  // consumers of a stream have no channel (the engine refuses the fault there).
  const bool closable = def.sourceKind != ChannelKind::Stream;
  if (instance > 0) {
    const QString target = QStringLiteral("%1#%2").arg(id).arg(instance);
    FaultSpec crash = spec(FaultKind::Crash, target);
    crash.restartAfter = kPresetRestartAfter;
    add(menu, tr("Crash %1 (back after %2)").arg(target, after), crash);
    add(menu, tr("Crash %1 (stays down)").arg(target), spec(FaultKind::Crash, target));
    if (closable) {
      FaultSpec close = spec(FaultKind::Close, target);
      close.restartAfter = kPresetRestartAfter;
      add(menu, tr("Close %1's channel (back after %2)").arg(target, after), close);
    }
    menu->addSeparator();
  }
  FaultSpec crashAll = spec(FaultKind::Crash, id);
  crashAll.restartAfter = kPresetRestartAfter;
  add(menu, tr("Crash every instance of %1 (back after %2)").arg(id, after), crashAll);
  if (closable) {
    FaultSpec closeAll = spec(FaultKind::Close, id);
    closeAll.restartAfter = kPresetRestartAfter;
    add(menu, tr("Close the channels of %1 (back after %2)").arg(id, after), closeAll);
  }
  FaultSpec slow = spec(FaultKind::Slow, id);
  slow.factor = 4;
  slow.duration = kPresetDuration;
  add(menu, tr("Slow %1 down ×4 for %2").arg(id, lasting), slow);
  QMenu* scale = menu->addMenu(tr("Scale %1 to").arg(id));
  for (std::uint32_t n = 0; n <= def.instanceSlots; ++n) {
    FaultSpec f = spec(FaultKind::Scale, id);
    f.instances = n;
    add(scale, tr("%n instance(s)", nullptr, static_cast<int>(n)), f);
  }
  if (def.instanceSlots <= def.instances)
    scale->setToolTip(tr("A scenario with a scale fault to more instances reserves room for them"));
  addLinkEntries(menu, id);
}

void FaultPresets::addLinkEntries(QMenu* menu, const QString& id) {
  FaultSpec partition = spec(FaultKind::Partition, id);
  partition.duration = 10 * kSecond;
  add(menu, tr("Partition %1's link for 10 s").arg(id), partition);
  FaultSpec degrade = spec(FaultKind::Degrade, id);
  degrade.factor = 10;
  degrade.duration = kPresetDuration;
  add(menu, tr("Degrade %1's link ×10 for %2").arg(id, formatSeconds(kPresetDuration)), degrade);
}

void FaultPresets::addProducerEntries(QMenu* menu, const QString& id, bool isClient) {
  const QString lasting = formatSeconds(kPresetDuration);
  FaultSpec spike = spec(FaultKind::Spike, id);
  spike.factor = 3;
  spike.duration = kPresetDuration;
  add(menu, tr("Spike %1 ×3 for %2").arg(id, lasting), spike);
  if (isClient) return;
  FaultSpec poison = spec(FaultKind::Poison, id);
  poison.fraction = 0.2;
  poison.duration = kPresetDuration;
  add(menu, tr("Poison 20% of %1's messages for %2").arg(id, lasting), poison);
  addLinkEntries(menu, id);
}

void FaultPresets::addStreamEntries(QMenu* menu, std::uint32_t stream) {
  const Model& m = *controller_.model();
  const QString id = idOf(m, m.streams[stream].component);
  for (std::uint32_t g : m.streams[stream].groups) {
    const QString group = QString::fromStdString(m.groups[g].name);
    const auto reset = [&](ActionSpec::To to, const QString& text, SimTime time = 0) {
      ActionSpec a;
      a.target = id.toStdString();
      a.group = group.toStdString();
      a.to = to;
      a.time = time;
      QAction* action = menu->addAction(text);
      connect(action, &QAction::triggered, this, [this, a, text] { onReset_(a, text); });
    };
    reset(ActionSpec::To::Earliest, tr("Replay group %1 from the start").arg(group));
    const SimTime back = std::max<SimTime>(0, controller_.simulator().now() - kPresetDuration);
    reset(ActionSpec::To::Time, tr("Replay group %1 from %2").arg(group, formatClock(back)), back);
    reset(ActionSpec::To::Latest, tr("Skip group %1 to the latest").arg(group));
  }
}

void FaultPresets::populate(QMenu* menu, std::uint32_t component, std::uint16_t instance) {
  if (!controller_.hasSimulation() || component >= controller_.model()->components.size()) return;
  const ComponentRef& ref = controller_.model()->components[component];
  switch (ref.kind) {
    case ComponentKind::Consumer:
      addConsumerEntries(menu, ref.index, instance);
      break;
    case ComponentKind::Producer:
      addProducerEntries(menu, QString::fromStdString(ref.id), false);
      break;
    case ComponentKind::Client:
      addProducerEntries(menu, QString::fromStdString(ref.id), true);
      break;
    case ComponentKind::Stream:
      addStreamEntries(menu, ref.index);
      break;
    default:
      break;
  }
  if (!menu->isEmpty()) menu->addSeparator();
  menu->addAction(restartBroker_);
}

}  // namespace brokerlab::ui
