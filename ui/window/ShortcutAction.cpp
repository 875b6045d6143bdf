#include "window/ShortcutAction.h"

namespace brokerlab::ui {

QAction* newShortcutAction(QObject* parent, const QIcon& icon, const QString& text,
                           const QString& tip, const QList<QKeySequence>& keys) {
  auto* a = new QAction(icon, text, parent);
  a->setShortcuts(keys);
  a->setToolTip(keys.isEmpty() ? tip
                               : QStringLiteral("%1 (%2)").arg(
                                     tip, keys.first().toString(QKeySequence::NativeText)));
  a->setShortcutContext(Qt::WindowShortcut);
  return a;
}

}  // namespace brokerlab::ui
