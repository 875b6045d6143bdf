#pragma once

// One chart as a picture: PNG at twice its size on screen, or SVG (text stays text). Written
// whole or not at all; `error` says why not.

#include <QString>

class QWidget;

namespace brokerlab::ui {

bool exportChartPng(QWidget& chart, const QString& path, QString* error);
bool exportChartSvg(QWidget& chart, const QString& path, QString* error);

}  // namespace brokerlab::ui
