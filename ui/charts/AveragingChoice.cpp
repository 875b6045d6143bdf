#include "charts/AveragingChoice.h"

#include <QActionGroup>
#include <QMenu>

namespace brokerlab::ui {

AveragingChoice::AveragingChoice(QObject* parent)
    : QObject(parent), menu_(std::make_unique<QMenu>(tr("Chart &Averages"))) {
  menu_->setToolTipsVisible(true);
  menu_->menuAction()->setToolTip(
      tr("Throughput, utilization and request-reply rates drawn as each sample or as their mean "
         "over the last seconds of simulated time (exported CSV keeps every sample)"));
  group_ = new QActionGroup(this);
  const struct {
    SimTime window;
    QString text;
  } choices[] = {{0, tr("Each &Sample as Taken")},
                 {kSecond, tr("Mean over &1 s")},
                 {5 * kSecond, tr("Mean over &5 s")},
                 {10 * kSecond, tr("Mean over 1&0 s")}};
  for (const auto& c : choices) {
    QAction* a = menu_->addAction(c.text);
    a->setCheckable(true);
    a->setChecked(c.window == window_);
    a->setData(QVariant::fromValue<qlonglong>(c.window));
    a->setToolTip(c.window == 0
                      ? tr("Draw throughput, utilization and request-reply rates as each sample "
                           "was taken")
                      : tr("Draw throughput, utilization and request-reply rates as their mean "
                           "over the last %1 s of simulated time")
                            .arg(c.window / kSecond));
    group_->addAction(a);
    connect(a, &QAction::triggered, this, [this, w = c.window] { setWindow(w); });
  }
}

AveragingChoice::~AveragingChoice() = default;

void AveragingChoice::setWindow(SimTime window) {
  QAction* chosen = nullptr;
  for (QAction* a : group_->actions())
    if (a->data().toLongLong() == window) chosen = a;
  if (!chosen) return;
  chosen->setChecked(true);
  if (window == window_) return;
  window_ = window;
  emit changed(window);
}

}  // namespace brokerlab::ui
