// The future event set: (time, insertion sequence) order, ties FIFO, across both of its parts.

#include "base/Rng.h"
#include "sim/EventQueue.h"

#include <QtTest>

#include <algorithm>
#include <vector>

using namespace brokerlab;

class tst_EventQueue : public QObject {
  Q_OBJECT

 private slots:
  void popsInTimeOrder() {
    EventQueue q;
    for (SimTime t : {50, 10, 40, 20, 30})
      q.push(0, t, EventKind::ProducerEmit, std::uint32_t(t), 0);
    std::vector<SimTime> times;
    while (!q.empty()) times.push_back(q.pop().time);
    QCOMPARE(times, (std::vector<SimTime>{10, 20, 30, 40, 50}));
  }

  void tiesComeOutInInsertionOrder() {
    EventQueue q;
    for (std::uint32_t i = 0; i < 100; ++i) q.push(0, 7, EventKind::ServiceDone, i, 0);
    for (std::uint32_t i = 0; i < 100; ++i) QCOMPARE(q.pop().a, i);
  }

  void zeroDelayEventsFollowEarlierEventsAtTheSameTime() {
    // An event already pending for time 5 was scheduled before one scheduled "now" at 5.
    EventQueue q;
    q.push(0, 5, EventKind::ProducerEmit, 1, 0);
    q.push(0, 5, EventKind::ProducerEmit, 2, 0);
    const Event first = q.pop();  // the clock is now 5
    QCOMPARE(first.a, 1u);
    q.push(5, 5, EventKind::BrokerReceive, 3, 0);  // zero delay
    q.push(5, 6, EventKind::BrokerReceive, 4, 0);
    QCOMPARE(q.pop().a, 2u);
    QCOMPARE(q.pop().a, 3u);
    QCOMPARE(q.pop().a, 4u);
    QVERIFY(q.empty());
  }

  void kindAndPayloadSurvive() {
    EventQueue q;
    q.push(0, 3, EventKind::QueueExpiry, 0xfffffffe, 42);
    const Event e = q.pop();
    QCOMPARE(e.kind(), EventKind::QueueExpiry);
    QCOMPARE(e.a, 0xfffffffeu);
    QCOMPARE(e.b, 42u);
  }

  // Against a stable sort of the same random schedule: the exact order, not just sortedness.
  void matchesAStableSortOnRandomSchedules() {
    Rng rng = makeStream(7, "eventqueue");
    EventQueue q;
    struct Planned {
      SimTime time;
      std::uint32_t id;
    };
    std::vector<Planned> popped, expected;
    SimTime now = 0;
    std::uint32_t nextId = 0;
    std::vector<Planned> pending;
    for (int step = 0; step < 20000; ++step) {
      const int pushes = static_cast<int>(rng.next() % 3);
      for (int i = 0; i < pushes; ++i) {
        const SimTime t =
            now + static_cast<SimTime>(rng.next() % 4);  // many ties, many zero delays
        q.push(now, t, EventKind::ProducerEmit, nextId, 0);
        pending.push_back({t, nextId++});
      }
      if (q.empty()) continue;
      std::stable_sort(pending.begin(), pending.end(),
                       [](const Planned& a, const Planned& b) { return a.time < b.time; });
      expected.push_back(pending.front());
      pending.erase(pending.begin());
      const Event e = q.pop();
      now = e.time;
      popped.push_back({e.time, e.a});
    }
    QCOMPARE(popped.size(), expected.size());
    for (std::size_t i = 0; i < popped.size(); ++i) {
      QCOMPARE(popped[i].time, expected[i].time);
      QCOMPARE(popped[i].id, expected[i].id);
    }
  }

  void copiesAreIndependentCheckpoints() {
    EventQueue a;
    for (SimTime t = 0; t < 10; ++t) a.push(0, t, EventKind::ProducerEmit, 0, 0);
    EventQueue b = a;
    QVERIFY(a == b);
    a.pop();
    QCOMPARE(a.size() + 1, b.size());
    QCOMPARE(b.pop().time, SimTime{0});
  }
};

QTEST_APPLESS_MAIN(tst_EventQueue)
#include "tst_eventqueue.moc"
