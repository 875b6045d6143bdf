#include "faults/WhatIfPanel.h"

#include "controller/SimulationController.h"
#include "faults/FaultActions.h"

#include "canvas/Text.h"
#include "scenario/ScenarioRules.h"
#include "sim/ComponentState.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

#include <array>
#include <cmath>

namespace brokerlab::ui {

namespace {
constexpr double kMaxFactor = 1000;  // the fault's factor limits (docs/scenario-format.md)
constexpr double kMinFactor = 0.001;
// The poll interval's units, as the unit box lists them, and the longest interval offered.
constexpr std::array<SimTime, 3> kPollUnits{kMillisecond, kSecond, kMinute};
constexpr SimTime kMaxPollInterval = 24 * kHour;
}  // namespace

WhatIfPanel::WhatIfPanel(SimulationController& controller, FaultActions& faults, QWidget* parent)
    : QWidget(parent), controller_(controller), faults_(faults) {
  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 6, 0, 0);
  title_ = new QLabel(tr("<b>What if, from now</b>"), this);
  title_->setToolTip(
      tr("Change a number while the run goes on. The change is a live fault on "
         "the timeline: Ctrl+Z undoes it, saving keeps it, reopening replays it."));
  form->addRow(title_);
  rateLabel_ = new QLabel(tr("Rate (per second)"), this);
  rate_ = new QDoubleSpinBox(this);
  rate_->setDecimals(3);
  rate_->setToolTip(tr("The mean arrival rate from now on (a spike fault without an end)"));
  form->addRow(rateLabel_, rate_);
  instancesLabel_ = new QLabel(tr("Instances"), this);
  instances_ = new QSpinBox(this);
  instances_->setToolTip(
      tr("How many instances consume from now on (a scale fault); room for "
         "more than the scenario's is reserved by a scale fault in the file"));
  form->addRow(instancesLabel_, instances_);
  serviceLabel_ = new QLabel(tr("Service time ×"), this);
  service_ = new QDoubleSpinBox(this);
  service_->setDecimals(3);
  service_->setRange(kMinFactor, kMaxFactor);
  service_->setToolTip(
      tr("Each service takes this many times the scenario's time from now on (a slow fault "
         "without an end; below 1 is faster)"));
  form->addRow(serviceLabel_, service_);
  prefetchLabel_ = new QLabel(tr("Prefetch"), this);
  prefetch_ = new QSpinBox(this);
  prefetch_->setRange(0, static_cast<int>(limits::kMaxPrefetch));
  form->addRow(prefetchLabel_, prefetch_);
  pollLabel_ = new QLabel(tr("Poll interval"), this);
  poll_ = new QWidget(this);
  auto* pollRow = new QHBoxLayout(poll_);
  pollRow->setContentsMargins(0, 0, 0, 0);
  pollValue_ = new QDoubleSpinBox(poll_);
  pollValue_->setDecimals(3);
  pollUnit_ = new QComboBox(poll_);
  pollUnit_->addItems({tr("ms"), tr("s"), tr("min")});
  pollUnit_->setCurrentIndex(1);
  pollUnit_->setAccessibleName(tr("Poll interval unit"));
  pollRow->addWidget(pollValue_, 1);
  pollRow->addWidget(pollUnit_);
  poll_->setToolTip(
      tr("How long the client waits between polls from now on (a poll fault). A poll already "
         "scheduled keeps its time; every later one waits the new interval, and a backoff grows "
         "from it again."));
  form->addRow(pollLabel_, poll_);
  unitChanged();
  connect(pollUnit_, &QComboBox::currentIndexChanged, this, &WhatIfPanel::unitChanged);
  apply_ = new QPushButton(tr("Apply from now"), this);
  form->addRow(apply_);
  connect(apply_, &QPushButton::clicked, this, &WhatIfPanel::applyChange);
  connect(&controller_, &SimulationController::simulationReset, this,
          [this] { showComponent(component_); });
  hide();
}

void WhatIfPanel::showComponent(std::uint32_t component) {
  component_ = component;
  if (!controller_.hasSimulation() || component == kNone ||
      component >= controller_.model()->components.size()) {
    hide();
    return;
  }
  const Model& m = *controller_.model();
  const Simulator& sim = controller_.simulator();
  const ComponentRef& ref = m.components[component];
  const bool source = ref.kind == ComponentKind::Producer || ref.kind == ComponentKind::Client;
  const bool consumer = ref.kind == ComponentKind::Consumer;
  if (!source && !consumer) {
    hide();
    return;
  }
  const bool client = ref.kind == ComponentKind::Client;
  rateLabel_->setVisible(source);
  rate_->setVisible(source);
  instancesLabel_->setVisible(consumer);
  instances_->setVisible(consumer);
  serviceLabel_->setVisible(consumer);
  service_->setVisible(consumer);
  prefetchLabel_->setVisible(consumer);
  prefetch_->setVisible(consumer);
  pollLabel_->setVisible(client);
  poll_->setVisible(client);
  if (source) {
    const bool producer = ref.kind == ComponentKind::Producer;
    const Sampler& arrivals =
        producer ? m.producers[ref.index].interarrival : m.clients[ref.index].interarrival;
    const double factor =
        producer ? sim.producers()[ref.index].rateFactor : sim.clients()[ref.index].rateFactor;
    baseRate_ = arrivals.meanNs() > 0 ? 1e9 / arrivals.meanNs() : 0;
    rate_->setEnabled(baseRate_ > 0);
    rate_->setRange(baseRate_ * kMinFactor, baseRate_ * kMaxFactor);
    rate_->setValue(baseRate_ * factor);
    if (client) {
      // Clients told by webhook or WebSocket never poll (one told by SSE polls only to reopen
      // its events stream after a 503).
      const Notify notify = m.clients[ref.index].notify;
      poll_->setEnabled(notify == Notify::Poll || notify == Notify::Sse);
      setPollInterval(sim.clients()[ref.index].pollInterval);
    }
  } else {
    const ConsumerDef& def = m.consumers[ref.index];
    instances_->setRange(0, static_cast<int>(def.instanceSlots));
    instances_->setValue(static_cast<int>(sim.consumers()[ref.index].active.value));
    service_->setValue(sim.consumers()[ref.index].serviceFactor);
    // A stream's consumer fetches records, as Kafka's max.poll.records: 0 is not unlimited there.
    if (def.sourceKind == ChannelKind::Stream) {
      prefetch_->setSpecialValueText(tr("up to %1").arg(kMaxRecordsInFlight));
      prefetch_->setToolTip(
          tr("Records each instance may fetch and not yet have processed from now on "
             "(max.poll.records; 0 = up to %1; a prefetch fault).")
              .arg(kMaxRecordsInFlight));
    } else {
      prefetch_->setSpecialValueText(tr("unlimited"));  // 0, as in RabbitMQ
      prefetch_->setToolTip(
          tr("Unacknowledged deliveries each instance may hold from now on (basic.qos; 0 = "
             "unlimited; a prefetch fault). A lower one takes nothing back: an instance gets no "
             "more until it holds fewer. Auto-ack consumers of a queue are not limited by it."));
    }
    // Every instance of a consumer has the same prefetch (a prefetch fault sets them all).
    prefetch_->setEnabled(def.instanceSlots > 0);
    prefetch_->setValue(static_cast<int>(
        def.instanceSlots > 0 ? sim.instances()[def.firstInstance].prefetch : def.prefetch));
  }
  show();
}

SimTime WhatIfPanel::pollInterval() const {
  return static_cast<SimTime>(std::llround(pollValue_->value() * static_cast<double>(pollUnitNs_)));
}

void WhatIfPanel::setPollInterval(SimTime interval) {
  const int unit = interval >= kMinute && interval % kMinute == 0 ? 2 : interval >= kSecond ? 1 : 0;
  const QSignalBlocker block(pollUnit_);
  pollUnit_->setCurrentIndex(unit);
  unitChanged();
  pollValue_->setValue(static_cast<double>(interval) / static_cast<double>(pollUnitNs_));
  pollShown_ = pollInterval();  // as the box rounds it: applying it unchanged changes nothing
}

// A new unit keeps the interval (1.5 s becomes 1500 ms), from 0.001 of the unit to a day.
void WhatIfPanel::unitChanged() {
  const SimTime before = pollInterval();
  pollUnitNs_ = kPollUnits[static_cast<std::size_t>(std::max(0, pollUnit_->currentIndex()))];
  const double unit = static_cast<double>(pollUnitNs_);
  pollValue_->setRange(0.001, static_cast<double>(kMaxPollInterval) / unit);
  if (before > 0) pollValue_->setValue(static_cast<double>(before) / unit);
}

void WhatIfPanel::applyChange() {
  if (!controller_.hasSimulation() || component_ == kNone) return;
  const Model& m = *controller_.model();
  const Simulator& sim = controller_.simulator();
  const ComponentRef& ref = m.components[component_];
  const QString id = QString::fromStdString(ref.id);
  FaultSpec f;
  f.target = ref.id;
  if (ref.kind == ComponentKind::Producer || ref.kind == ComponentKind::Client) {
    const double factor = rate_->value() / baseRate_;
    const double now = ref.kind == ComponentKind::Producer ? sim.producers()[ref.index].rateFactor
                                                           : sim.clients()[ref.index].rateFactor;
    if (baseRate_ > 0 && std::abs(factor - now) >= 1e-9) {
      f.kind = FaultKind::Spike;
      f.factor = factor;
      if (!faults_.apply(f, tr("%1's rate to %2/s").arg(id).arg(rate_->value(), 0, 'g', 4)))
        return showComponent(component_);
      f.factor.reset();
    }
    const SimTime interval = pollInterval();
    if (ref.kind == ComponentKind::Client && poll_->isEnabled() && interval > 0 &&
        interval != pollShown_) {
      f.kind = FaultKind::Poll;
      f.pollInterval = interval;
      faults_.apply(f, tr("%1 polls every %2").arg(id, formatSeconds(interval)));
    }
  } else if (ref.kind == ComponentKind::Consumer) {
    const ConsumerState& c = sim.consumers()[ref.index];
    if (static_cast<std::uint32_t>(instances_->value()) !=
        static_cast<std::uint32_t>(c.active.value)) {
      f.kind = FaultKind::Scale;
      f.instances = static_cast<std::uint32_t>(instances_->value());
      if (!faults_.apply(f, tr("%1 to %2 instances").arg(id).arg(instances_->value()))) return;
      f.instances.reset();
    }
    if (std::abs(service_->value() - controller_.simulator().consumers()[ref.index].serviceFactor) >
        1e-9) {
      f.kind = FaultKind::Slow;
      f.factor = service_->value();
      if (!faults_.apply(f, tr("%1's service time ×%2").arg(id).arg(service_->value(), 0, 'g', 4)))
        return showComponent(component_);
      f.factor.reset();
    }
    const ConsumerDef& def = m.consumers[ref.index];
    const auto prefetch = static_cast<std::uint32_t>(prefetch_->value());
    if (def.instanceSlots > 0 &&
        prefetch != controller_.simulator().instances()[def.firstInstance].prefetch) {
      f.kind = FaultKind::Prefetch;
      f.prefetch = prefetch;
      faults_.apply(f, tr("%1's prefetch to %2").arg(id, prefetch_->text()));
    }
  }
  showComponent(component_);
}

}  // namespace brokerlab::ui
