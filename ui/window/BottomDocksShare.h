#pragma once

// The charts and the summary, opened side by side at the bottom, share its width: two fifths for
// the charts (two or three to a row), the rest for the summary's tables. By their size hints the
// summary took all but one narrow column of charts. The width is shared when either of them is
// opened and when the width between the side docks changes (a side dock opens or grows: the
// inspector widened by a selection took its width from the charts, which dropped to one to a
// row), not at every layout: a split the user has dragged stays as long as that width does.

#include <QObject>

class QDockWidget;
class QMainWindow;

namespace brokerlab::ui {

class ChartsDock;

class BottomDocksShare : public QObject {
  Q_OBJECT

 public:
  // `window`'s central widget is the width between the side docks.
  BottomDocksShare(QMainWindow& window, ChartsDock& charts, QDockWidget& summary);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void shareSoon();  // once the layout under way has given every dock its width
  void share();

  QMainWindow& window_;
  ChartsDock& charts_;
  QDockWidget& summary_;
  bool queued_ = false;  // a share() is on its way
};

}  // namespace brokerlab::ui
