#include "window/ScreenFit.h"

#include <QRect>
#include <QScreen>
#include <QWidget>

#include <algorithm>

namespace brokerlab::ui {

namespace {
// What a window manager's title bar and borders take, about: the size set is the client area's.
constexpr int kFrameWidth = 16;
constexpr int kFrameHeight = 48;
}  // namespace

QSize fittedSize(QSize wanted, QSize available, QSize minimum) {
  const QSize room(available.width() - kFrameWidth, available.height() - kFrameHeight);
  return wanted.boundedTo(room).expandedTo(minimum);
}

void fitToScreen(QWidget& window, QSize wanted) {
  const QScreen* screen = window.screen();
  if (screen == nullptr) {
    window.resize(wanted);
    return;
  }
  const QRect available = screen->availableGeometry();
  const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
  const QSize size = fittedSize(wanted, available.size(), minimum);
  window.resize(size);
  if (size != wanted) {
    window.move(
        available.left() + (available.width() - size.width()) / 2,
        available.top() + std::max(0, (available.height() - size.height() - kFrameHeight) / 2));
  }
}

}  // namespace brokerlab::ui
