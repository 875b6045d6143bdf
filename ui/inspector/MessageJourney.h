#pragma once

// A message's journey in words, one row per trace record: published by whom, queued where,
// delivered to which instance, processed, acked, redelivered, dead-lettered, lost. The inspector
// lists these for the message selected on the canvas.

#include "model/Model.h"
#include "sim/Trace.h"

#include <QString>

#include <span>
#include <vector>

namespace brokerlab::ui {

struct JourneyRow {
  SimTime at = 0;
  QString what;
  bool trouble = false;  // a drop, an expiry, a rejection, a loss, a nack, a dead letter
};

std::vector<JourneyRow> describeJourney(const Model& model, std::span<const TraceRecord> records);

// "redelivered 2 times · dead-lettered" and the like, for the heading.
QString journeySummary(std::span<const TraceRecord> records);

}  // namespace brokerlab::ui
