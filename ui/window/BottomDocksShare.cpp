#include "window/BottomDocksShare.h"

#include "charts/ChartsDock.h"

#include <QAction>
#include <QMainWindow>
#include <QResizeEvent>
#include <QStyle>

#include <algorithm>

namespace brokerlab::ui {

BottomDocksShare::BottomDocksShare(QMainWindow& window, ChartsDock& charts, QDockWidget& summary)
    : QObject(&window), window_(window), charts_(charts), summary_(summary) {
  window.centralWidget()->installEventFilter(this);
  for (QDockWidget* dock : {static_cast<QDockWidget*>(&charts), &summary}) {
    connect(dock->toggleViewAction(), &QAction::toggled, this, [this](bool shown) {
      if (shown) shareSoon();
    });
  }
}

bool BottomDocksShare::eventFilter(QObject* watched, QEvent* event) {
  if (watched == window_.centralWidget() && event->type() == QEvent::Resize &&
      static_cast<QResizeEvent*>(event)->oldSize().width() !=
          static_cast<QResizeEvent*>(event)->size().width())
    shareSoon();
  return QObject::eventFilter(watched, event);
}

void BottomDocksShare::shareSoon() {
  if (queued_) return;  // one share for a burst of resizes (a dragged side dock)
  queued_ = true;
  QMetaObject::invokeMethod(this, &BottomDocksShare::share, Qt::QueuedConnection);
}

void BottomDocksShare::share() {
  queued_ = false;
  const auto beside = [this](QDockWidget& dock) {
    return !dock.isHidden() && !dock.isFloating() &&
           window_.dockWidgetArea(&dock) == Qt::BottomDockWidgetArea &&
           window_.tabifiedDockWidgets(&dock).isEmpty();
  };
  if (!beside(charts_) || !beside(summary_)) return;
  // The bottom runs between the side docks (the inspector, the palette): two fifths of it, but
  // no fewer than two charts to a row, as long as the summary keeps two fifths.
  const int bottom = window_.centralWidget()->width();
  const int charts = std::min(std::max(bottom * 2 / 5, charts_.twoColumnWidth()), bottom * 3 / 5);
  // Sizes that leave out the separator between the two: resizeDocks scales any others to fit,
  // and the charts came out a few pixels short of their two columns.
  const int separator =
      window_.style()->pixelMetric(QStyle::PM_DockWidgetSeparatorExtent, nullptr, &window_);
  window_.resizeDocks({&charts_, &summary_}, {charts, bottom - charts - separator}, Qt::Horizontal);
}

}  // namespace brokerlab::ui
