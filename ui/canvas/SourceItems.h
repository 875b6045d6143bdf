#pragma once

// The components that start things: a producer (messages) and a request-reply client (jobs).

#include "canvas/ComponentItem.h"
#include "model/Model.h"

namespace brokerlab::ui {

class ProducerItem : public ComponentItem {
 public:
  ProducerItem(const Model& model, std::uint32_t producer, const Theme& theme, QColor colour);
  void refresh(const FrameView& frame) override;
  Anchor anchor(const Endpoint& end, bool incoming, QPointF towards) const override;
  QString summary() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

 private:
  std::uint32_t producer_;
  QColor colour_;
  QString rateText_;
  std::uint64_t sent_ = 0;
  double rateFactor_ = 1;
  bool linkHeld_ = false;
  double pulseAt_ = -1;  // animation clock of the last emission seen
  double clock_ = 0;
};

class ClientItem : public ComponentItem {
 public:
  ClientItem(const Model& model, std::uint32_t client, const Theme& theme, QColor colour);
  void refresh(const FrameView& frame) override;
  Anchor anchor(const Endpoint& end, bool incoming, QPointF towards) const override;
  QString summary() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

  const QString& heard() const { return heardText_; }  // the screen's first line
  std::uint64_t waiting() const { return waiting_; }
  std::uint64_t done() const { return done_; }
  std::uint64_t failed() const { return failed_; }

 private:
  std::uint32_t client_;
  QColor colour_;
  QString modeText_;    // "polls every 1 s": rebuilt when a poll fault changes the interval
  bool polls_ = false;  // notify: poll
  SimTime pollInterval_ = 0;
  std::uint64_t waiting_ = 0;
  std::uint64_t done_ = 0;
  std::uint64_t failed_ = 0;     // failed, timed out, refused, expired, cancelled
  std::uint32_t lastHeard_ = 0;  // ClientState::lastHeard
  QString heardText_ = QStringLiteral("—");
};

// What a client heard last (ClientState::lastHeard), as its screen's first line: a response's
// status and the job state it reported ("202 Pending", "303 See Other"), or for a push what
// carried it ("SSE: Completed", "WS: Completed", "webhook: Completed"); "—" before
// anything has reached it.
QString heardText(std::uint32_t lastHeard);

// A rate as people say it: "20/s Poisson", "every 50 ms".
QString arrivalsText(const Sampler& interarrival);

}  // namespace brokerlab::ui
