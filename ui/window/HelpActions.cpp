#include "window/HelpActions.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QWidget>

namespace brokerlab::ui {

HelpActions::HelpActions(QWidget* window) : QObject(window), window_(window) {
  shortcuts_ = new QAction(tr("&Keyboard Shortcuts"), this);
  shortcuts_->setShortcut(QKeySequence::HelpContents);
  about_ = new QAction(tr("&About BrokerLab"), this);
  connect(shortcuts_, &QAction::triggered, this, [this] {
    QString html = tr("<h3>Keyboard shortcuts</h3><table cellspacing=6>");
    for (const QString& line : shortcutLines(window_)) {
      const QStringList parts = line.split(QLatin1Char('\t'));
      html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                  .arg(parts.value(0).toHtmlEscaped(), parts.value(1).toHtmlEscaped());
    }
    html += QStringLiteral("</table><p>%1</p>")
                .arg(tr("On the canvas: drag to pan, the mouse wheel zooms around the pointer."));
    QMessageBox::information(window_, tr("Keyboard shortcuts"), html);
  });
  connect(about_, &QAction::triggered, this, [this] {
    QMessageBox::about(window_, tr("About BrokerLab"),
                       tr("<h3>BrokerLab %1</h3><p>A deterministic simulator and visualizer of "
                          "asynchronous messaging: queues, topics, streams and asynchronous "
                          "request-reply. The same scenario and seed always give the same run.</p>")
                           .arg(QApplication::applicationVersion()));
  });
}

namespace {

// Whether `o` is the window's own, not a window's it opened: a comparison is the main window's
// child, and its "Space: play or pause both runs" was listed among the main window's keys.
bool ownedBy(const QObject* o, const QWidget* window) {
  for (const QObject* p = o->parent(); p; p = p->parent())
    if (const auto* w = qobject_cast<const QWidget*>(p); w && w->isWindow()) return w == window;
  return false;
}

}  // namespace

QStringList HelpActions::shortcutLines(const QWidget* window) {
  QStringList lines;
  for (const QAction* a : window->findChildren<QAction*>()) {
    if (a->shortcuts().isEmpty() || !ownedBy(a, window)) continue;
    QStringList keys;
    for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
    QString what = a->toolTip().isEmpty() ? a->text() : a->toolTip();
    what.remove(QLatin1Char('&'));
    const qsizetype paren = what.lastIndexOf(QStringLiteral(" ("));
    if (paren > 0 && what.endsWith(QLatin1Char(')'))) what = what.left(paren);
    lines << keys.join(QStringLiteral(", ")) + QLatin1Char('\t') + what;
  }
  lines.sort();
  lines.removeDuplicates();
  return lines;
}

}  // namespace brokerlab::ui
