#pragma once

// How the charts of one window draw rates and utilizations: each sample as taken, or the mean over
// the last 1, 5 or 10 s of simulated time (TrailingMean). One choice for all of a window's charts,
// offered where they are: the window's View menu and each chart's right-click menu.

#include "base/SimTime.h"

#include <QObject>

#include <memory>

class QActionGroup;
class QMenu;

namespace brokerlab::ui {

class AveragingChoice : public QObject {
  Q_OBJECT

 public:
  // A second: the rates of a Poisson stream of tens a second read as a line, and a burst of a
  // second still shows.
  static constexpr SimTime kDefault = kSecond;

  explicit AveragingChoice(QObject* parent = nullptr);
  ~AveragingChoice() override;

  SimTime window() const { return window_; }  // 0: each sample
  // One of the menu's windows (anything else is left as it was); says changed() if it is new.
  void setWindow(SimTime window);
  // The choices, one checked: put into a menu bar or a chart's context menu.
  QMenu* menu() const { return menu_.get(); }

 signals:
  void changed(SimTime window);

 private:
  std::unique_ptr<QMenu> menu_;
  QActionGroup* group_;
  SimTime window_ = kDefault;
};

}  // namespace brokerlab::ui
