#pragma once

// An action with its keys in its tooltip ("Play or pause the simulation (Space)"), working
// anywhere in its window: the time controls of the main window and of the comparison.

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QList>

namespace brokerlab::ui {

QAction* newShortcutAction(QObject* parent, const QIcon& icon, const QString& text,
                           const QString& tip, const QList<QKeySequence>& keys);

}  // namespace brokerlab::ui
