#pragma once

// A distribution in the property editor: its kind (or the default) and its parameters, each typed
// as the file holds it ("100ms"; an Erlang's k as a number). A constant is written as its duration
// alone, as people write it in files.

#include "scenario/Json.h"

#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;

namespace brokerlab::ui {

class DistributionField : public QWidget {
  Q_OBJECT

 public:
  // `fallback`: what the default is, for its entry in the list of kinds.
  DistributionField(const std::optional<json::Value>& current, const std::string& fallback,
                    QWidget* parent = nullptr);
  // What the fields say now: nothing for the default.
  std::optional<json::Value> value() const;
  QComboBox* kind() const { return kind_; }
  QLineEdit* parameter(const QString& name) const;  // "mean", "min"...; nullptr if not shown

 signals:
  void edited();    // a keystroke: check it
  void finished();  // a field left, or the kind chosen: apply it

 private:
  void showParameters(const std::vector<QString>& texts);

  QComboBox* kind_;
  QGridLayout* grid_;
  std::vector<QLabel*> labels_;
  std::vector<QLineEdit*> edits_;
};

}  // namespace brokerlab::ui
