#include "faults/WhatIfPanel.h"

#include "controller/SimulationController.h"
#include "faults/FaultActions.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

#include <cmath>

namespace brokerlab::ui {

namespace {
constexpr double kMaxFactor = 1000;  // the fault's factor limits (docs/scenario-format.md)
constexpr double kMinFactor = 0.001;
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
  rateLabel_->setVisible(source);
  rate_->setVisible(source);
  instancesLabel_->setVisible(consumer);
  instances_->setVisible(consumer);
  serviceLabel_->setVisible(consumer);
  service_->setVisible(consumer);
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
  } else {
    const ConsumerDef& def = m.consumers[ref.index];
    instances_->setRange(0, static_cast<int>(def.instanceSlots));
    instances_->setValue(static_cast<int>(sim.consumers()[ref.index].active.value));
    service_->setValue(sim.consumers()[ref.index].serviceFactor);
  }
  show();
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
    if (baseRate_ <= 0 || std::abs(factor - now) < 1e-9) return;
    f.kind = FaultKind::Spike;
    f.factor = factor;
    faults_.apply(f, tr("%1's rate to %2/s").arg(id).arg(rate_->value(), 0, 'g', 4));
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
      faults_.apply(f, tr("%1's service time ×%2").arg(id).arg(service_->value(), 0, 'g', 4));
    }
  }
  showComponent(component_);
}

}  // namespace brokerlab::ui
