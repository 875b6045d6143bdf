#pragma once

// Every problem a scenario file has, each with its place (file:line:column: JSON path), so the
// user can fix them all at once. Says that the open scenario is unchanged.

#include "scenario/ScenarioIssue.h"

#include <QDialog>

#include <vector>

namespace brokerlab::ui {

class LoadErrorsDialog : public QDialog {
  Q_OBJECT

 public:
  LoadErrorsDialog(const QString& path, const std::vector<ScenarioIssue>& issues, bool documentOpen,
                   QWidget* parent = nullptr);
  // The lines it lists (tests read them).
  static QStringList lines(const QString& path, const std::vector<ScenarioIssue>& issues);
};

}  // namespace brokerlab::ui
