#pragma once

// A series' name as a chart's legend shows it: "steady.sent_per_s" reads "steady · sent/s" and
// "orders.end_to_end_p99_s" reads "orders · end-to-end p99" (the chart's title gives the unit).
// The column name itself stays the metrics CSV's (docs/cli.md) and the line's name.

#include <QString>

#include <string>

namespace brokerlab::ui {

QString seriesLabel(const std::string& column);

}  // namespace brokerlab::ui
