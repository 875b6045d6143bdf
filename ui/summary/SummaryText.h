#pragma once

// The summary of a run as far as it has gone, as HTML for the summary dock: the ledger, each
// queue's measured figures beside Little's law and (where the model is a textbook system) the
// queueing-theory values, the consumers, producers and request-reply clients.

#include <QString>

namespace brokerlab {
class Simulator;
}

namespace brokerlab::ui {

QString summaryHtml(const Simulator& sim, bool atEnd);

}  // namespace brokerlab::ui
