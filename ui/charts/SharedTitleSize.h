#pragma once

// Charts side by side draw their titles in one size, the smallest any of the shown ones needs (a
// row of titles in four sizes reads as four levels of importance). A resize changes every chart's
// own size one after another: the sizes are shared once those changes have been delivered, not
// after each of them (which laid every chart out again for each of its neighbours).

#include <QObject>

#include <vector>

namespace brokerlab::ui {

class TimeChartView;

class SharedTitleSize : public QObject {
  Q_OBJECT

 public:
  explicit SharedTitleSize(QObject* parent) : QObject(parent) {}
  void add(TimeChartView* chart);
  void shareNow();  // at once: the charts shown have changed

 private:
  void shareSoon();

  std::vector<TimeChartView*> charts_;
  bool pending_ = false;
};

}  // namespace brokerlab::ui
