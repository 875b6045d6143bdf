#pragma once

// Help: every keyboard shortcut (read from the window's actions, so the list cannot drift from
// what the keys do) and what BrokerLab is.

#include <QObject>

class QAction;
class QWidget;

namespace brokerlab::ui {

class HelpActions : public QObject {
  Q_OBJECT

 public:
  explicit HelpActions(QWidget* window);
  QAction* shortcuts() const { return shortcuts_; }
  QAction* about() const { return about_; }
  // "Space  Play or pause the simulation" lines for every action of the window with a shortcut
  // (not of the windows it opened).
  static QStringList shortcutLines(const QWidget* window);

 private:
  QWidget* window_;
  QAction* shortcuts_;
  QAction* about_;
};

}  // namespace brokerlab::ui
