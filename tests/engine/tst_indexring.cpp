// The FIFO of message indices behind queues, consumer buffers and the API's wait list: order at
// both ends, across growth and across wrap-around.

#include "base/IndexRing.h"
#include "base/Rng.h"

#include <QtTest>

#include <deque>
#include <vector>

using namespace brokerlab;

namespace {

std::vector<std::uint32_t> contents(const IndexRing& r) {
  std::vector<std::uint32_t> v;
  for (std::uint32_t i = 0; i < r.size(); ++i) v.push_back(r.at(i));
  return v;
}

}  // namespace

class tst_IndexRing : public QObject {
  Q_OBJECT

 private slots:
  void keepsFifoOrderAsItGrows() {
    IndexRing r;
    for (std::uint32_t v = 1; v <= 100; ++v) {
      r.pushBack(v);
      QCOMPARE(r.front(), 1u);
    }
    QCOMPARE(r.size(), 100u);
    for (std::uint32_t v = 1; v <= 100; ++v) QCOMPARE(r.popFront(), v);
    QVERIFY(r.empty());
  }

  void pushFrontGoesAheadOfEverything() {
    IndexRing r;
    r.pushBack(2);
    r.pushBack(3);
    r.pushFront(1);  // wraps below slot 0
    QCOMPARE(contents(r), (std::vector<std::uint32_t>{1, 2, 3}));
    for (std::uint32_t v = 4; v <= 9; ++v) r.pushBack(v);  // grows with the head wrapped
    r.pushFront(0);
    QCOMPARE(contents(r), (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  }

  // Random pushes at both ends and pops, against std::deque: sizes from empty to several growths,
  // the head anywhere in the ring.
  void matchesADequeUnderRandomOperations() {
    IndexRing r;
    std::deque<std::uint32_t> expected;
    Rng rng = makeStream(7, "index-ring");
    for (std::uint32_t step = 0; step < 20000; ++step) {
      const double u = rng.uniform01();
      if (u < 0.35 && !expected.empty()) {
        QCOMPARE(r.popFront(), expected.front());
        expected.pop_front();
      } else if (u < 0.5) {
        r.pushFront(step);
        expected.push_front(step);
      } else {
        r.pushBack(step);
        expected.push_back(step);
      }
      QCOMPARE(r.size(), static_cast<std::uint32_t>(expected.size()));
      if (!expected.empty()) QCOMPARE(r.front(), expected.front());
    }
    QCOMPARE(contents(r), std::vector<std::uint32_t>(expected.begin(), expected.end()));
  }

  // A checkpoint compares rings by what they hold, not by their capacity or where the head is.
  void equalityIsByContents() {
    IndexRing small, grown;
    for (std::uint32_t v = 1; v <= 3; ++v) small.pushBack(v);
    for (std::uint32_t v = 0; v <= 12; ++v) grown.pushBack(v > 9 ? v - 9 : 100 + v);
    for (int i = 0; i < 10; ++i) grown.popFront();
    QCOMPARE(contents(grown), contents(small));
    QVERIFY(small == grown);
    grown.pushBack(4);
    QVERIFY(!(small == grown));
  }

  void aCopyIsIndependent() {
    IndexRing ring;
    for (std::uint32_t v = 1; v <= 20; ++v) ring.pushBack(v);
    const IndexRing copy = ring;
    ring.popFront();
    ring.pushBack(99);
    QCOMPARE(copy.size(), 20u);
    QCOMPARE(copy.front(), 1u);
    QCOMPARE(copy.at(19), 20u);
  }
};

QTEST_APPLESS_MAIN(tst_IndexRing)
#include "tst_indexring.moc"
