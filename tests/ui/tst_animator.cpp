// The animator: records become flights between the right endpoints, drawn by simulated progress
// but never faster than the minimum visual time, frozen while the clock does not run; a busy
// link turns into a flow that keeps the true count in transit.

#include "UiFixtures.h"
#include "canvas/Animator.h"
#include "canvas/RecordMeaning.h"
#include "model/ModelBuilder.h"
#include "sim/Ledger.h"

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

namespace {
std::shared_ptr<const Model> modelOf(const QString& name) {
  return std::make_shared<const Model>(*buildModel(loadBundled(name)).model);
}
TraceRecord publish(std::uint64_t serial, SimTime t0, SimTime t1, std::uint32_t from,
                    std::uint32_t to) {
  return {t0, t1, serial, from, to, 0, 0, TraceKind::Publish, 0};
}
}  // namespace

class tst_Animator : public QObject {
  Q_OBJECT

 private slots:
  void publishBecomesAFlight();
  void progressFollowsSimulatedTimeButNotTooFast();
  void frozenWhileTheClockStops();
  void deliveryGoesToItsInstance();
  void manualAckFliesBack();
  void busyLinkBecomesAFlowWithTheTrueCount();
  void processingMarksTheInstance();
  void aPublishToAStreamEndsAtItsSide();
  void aDeadLetteredMessageIsNotCalledDropped();
};

void tst_Animator::publishBecomesAFlight() {
  Animator a(modelOf(QStringLiteral("work-queue")));  // 0 orders-api, 1 orders, 2 workers
  const TraceRecord r = publish(1, 0, 10 * kMillisecond, 0, 1);
  a.ingest({&r, 1}, 1);
  QCOMPARE(a.links().size(), std::size_t{1});
  const LinkFlow& l = a.links()[0];
  QCOMPARE(l.from, (Endpoint{0, 0, 0}));
  QCOMPARE(l.to, (Endpoint{1, 0, 0}));
  QCOMPARE(l.flights.size(), std::size_t{1});
  QCOMPARE(l.flights[0].colour, std::uint8_t{0});
  QCOMPARE(l.inTransit(), std::size_t{1});
}

void tst_Animator::progressFollowsSimulatedTimeButNotTooFast() {
  Animator a(modelOf(QStringLiteral("work-queue")));
  const TraceRecord slow = publish(1, 0, 10 * kSecond, 0, 1);  // 10 s latency
  const TraceRecord fast = publish(2, 0, kMillisecond, 0, 1);  // 1 ms latency
  const TraceRecord both[] = {slow, fast};
  a.ingest(both, 1);
  const Flight f0 = a.links()[0].flights[0];
  const Flight f1 = a.links()[0].flights[1];
  a.advance(5 * kSecond, 5.0);                 // 5 s of both clocks
  QCOMPARE(a.progress(f0, 5 * kSecond), 0.5);  // its simulated progress
  a.advance(5 * kSecond, 0);
  // The 1 ms hop arrived long ago in simulated time; on screen it took the minimum visual time.
  QVERIFY(a.links()[0].flights.size() == 1);
  Animator b(modelOf(QStringLiteral("work-queue")));
  b.ingest({&fast, 1}, 1);
  b.advance(kMillisecond, Animator::kMinVisualSeconds / 2);
  QCOMPARE(b.progress(b.links()[0].flights[0], kMillisecond), 0.5);
  QCOMPARE(b.links()[0].inTransit(), std::size_t{0});  // in simulated time it is there
  (void)f1;
}

void tst_Animator::frozenWhileTheClockStops() {
  Animator a(modelOf(QStringLiteral("work-queue")));
  const TraceRecord r = publish(1, 0, kMillisecond, 0, 1);
  a.ingest({&r, 1}, 1);
  a.advance(kSecond, 0.1);
  const double p = a.progress(a.links()[0].flights[0], kSecond);
  for (int i = 0; i < 10; ++i) a.advance(kSecond, 0);  // paused: no animation time passes
  QCOMPARE(a.progress(a.links()[0].flights[0], kSecond), p);
  QVERIFY(p > 0 && p < 1);
}

void tst_Animator::deliveryGoesToItsInstance() {
  Animator a(modelOf(QStringLiteral("work-queue")));
  const TraceRecord d{kSecond, kSecond + kMillisecond, 7, 1, 2, 0, 3, TraceKind::Deliver, 1};
  a.ingest({&d, 1}, 1);
  QCOMPARE(a.links()[0].from, (Endpoint{1, 0, 0}));
  QCOMPARE(a.links()[0].to, (Endpoint{2, 3, 0}));
  QVERIFY(a.links()[0].flights[0].redelivered);
}

void tst_Animator::manualAckFliesBack() {
  Animator a(modelOf(QStringLiteral("work-queue")));
  const TraceRecord done{kSecond, kSecond + kMillisecond, 7, 2, 1, 0, 2, TraceKind::Complete, 0};
  a.ingest({&done, 1}, 1);
  QCOMPARE(a.links().size(), std::size_t{1});
  QCOMPARE(a.links()[0].kind, FlightKind::Ack);
  QCOMPARE(a.links()[0].from, (Endpoint{2, 2, 0}));
  QCOMPARE(a.links()[0].to, (Endpoint{1, 0, 0}));
}

void tst_Animator::busyLinkBecomesAFlowWithTheTrueCount() {
  Animator a(modelOf(QStringLiteral("work-queue")));
  std::vector<TraceRecord> records;
  // 1,000 messages a second for a second over a 500 ms link.
  for (int i = 0; i < 1000; ++i) {
    const SimTime t0 = i * kMillisecond;
    records.push_back(
        publish(static_cast<std::uint64_t>(i + 1), t0, t0 + 500 * kMillisecond, 0, 1));
  }
  a.ingest(records, 1);
  a.advance(kSecond - kMillisecond, 0.016);
  const LinkFlow& l = a.links()[0];
  QVERIFY(l.aggregated);
  QVERIFY(l.flights.size() <= Animator::kDrawnPerLink);
  // In transit at t = 0.999 s: those sent after 0.499 s, exactly.
  QCOMPARE(l.inTransit(), std::size_t{500});
  QVERIFY(l.ratePerSimSecond > 500 && l.ratePerSimSecond < 1100);
}

void tst_Animator::processingMarksTheInstance() {
  Animator a(modelOf(QStringLiteral("work-queue")));
  const std::uint32_t global = a.meaning().instanceIndex(2, 2);
  QVERIFY(global != kNone);
  const TraceRecord pub = publish(9, 0, kMillisecond, 0, 1);
  const TraceRecord start{kSecond, 2 * kSecond, 9, 2, kNone, 0, 2, TraceKind::Process, 0};
  const TraceRecord records[] = {pub, start};
  a.ingest(records, 1);
  QVERIFY(a.activity(global).active);
  QCOMPARE(a.activity(global).end, 2 * kSecond);
  QCOMPARE(a.activity(global).colour, std::uint8_t{0});
  const TraceRecord done{2 * kSecond, 2 * kSecond + kMillisecond, 9, 2, 1, 0,
                         2,           TraceKind::Complete,        0};
  a.ingest({&done, 1}, 1);
  QVERIFY(!a.activity(global).active);
}

QTEST_MAIN(tst_Animator)
#include "tst_animator.moc"

// The broker picks a record's partition when it appends it; published, a record flies to the
// stream's side where its link ends. Before, every publish flew to partition 0's row (its
// partition field is still 0 then), and in stream-consumer-crash the dots covered the "P0" label.
void tst_Animator::aPublishToAStreamEndsAtItsSide() {
  Animator a(modelOf(QStringLiteral("stream-consumer-crash")));  // 0 clicks, 1 clickstream
  const TraceRecord r = publish(1, 0, 10 * kMillisecond, 0, 1);
  a.ingest({&r, 1}, 1);
  QCOMPARE(a.links().size(), std::size_t{1});
  QCOMPARE(a.links()[0].to, (Endpoint{1, 0, 0}));
  // A delivery still leaves from its partition's row (lane = partition + 1).
  const TraceRecord d{kSecond, kSecond + kMillisecond, 1, 1, 2, 3, 1, TraceKind::Deliver, 0};
  a.ingest({&d, 1}, 1);
  QCOMPARE(a.links()[1].from, (Endpoint{1, 0, 4}));
}

// A queue drops a message at its delivery limit, and its dead-letter exchange takes it on: the
// word over the queue says where it went and why ("delivery limit → DLQ"), not "dropped" (the
// word of a message that ends there), which a learner reads as lost.
void tst_Animator::aDeadLetteredMessageIsNotCalledDropped() {
  Animator a(modelOf(QStringLiteral("poison-dead-letter")));  // 1 payments, 2 payments.dlq
  const SimTime at = 5 * kSecond;
  const auto reason = static_cast<SimTime>(DeadLetterReason::DeliveryLimit);
  const TraceRecord records[] = {{at, 0, 7, 1, kNoComponent, 0, 0xffff, TraceKind::Drop, 1},
                                 {at, reason, 7, 1, 2, 0, 0xffff, TraceKind::DeadLetter, 1}};
  a.ingest(records, 1);
  const std::vector<Burst>& bursts = a.bursts();
  QCOMPARE(bursts.size(), std::size_t{2});
  QCOMPARE(bursts[0].at.key(), bursts[1].at.key());  // one place: the newest word is shown
  QCOMPARE(burstWord(bursts[1]), QStringLiteral("delivery limit → DLQ"));
  QCOMPARE(burstWord(bursts[0]), QStringLiteral("dropped"));
  Burst expired = bursts[1];
  expired.reason = static_cast<std::uint8_t>(DeadLetterReason::Expired);
  QCOMPARE(burstWord(expired), QStringLiteral("expired → DLQ"));
}
