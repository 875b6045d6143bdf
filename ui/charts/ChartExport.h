#pragma once

// One chart as a picture: PNG at twice its size on screen, or SVG (text stays text). Written
// whole or not at all; `error` says why not.

#include <QString>

class QWidget;

namespace brokerlab::ui {

bool exportChartPng(QWidget& chart, const QString& path, QString* error);
bool exportChartSvg(QWidget& chart, const QString& path, QString* error);

// From a chart's menu: asks where (a file dialog over `parent`, "`stem`.png" or ".svg" offered),
// writes the chart there, and says why in a message box when it cannot. False when nothing was
// written (cancelled, or failed).
bool saveChartAs(QWidget* parent, QWidget& chart, const QString& stem, bool svg);

}  // namespace brokerlab::ui
