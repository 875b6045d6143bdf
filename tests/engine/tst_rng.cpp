// Specification of the engine's randomness: reference generators, and one stream per name.

#include "base/PortableMath.h"
#include "base/Rng.h"

#include <QTest>

#include <bit>
#include <cmath>
#include <set>
#include <string>
#include <vector>

using namespace brokerlab;

class tst_Rng : public QObject {
  Q_OBJECT

 private slots:
  void splitmix64MatchesReference_data();
  void splitmix64MatchesReference();
  void fnv1a64MatchesReference_data();
  void fnv1a64MatchesReference();
  void xoshiroMatchesReference();
  void makeStreamMatchesDocumentedMixing();
  void sameSeedAndNameGiveSameStream();
  void differentNamesGiveDifferentStreams();
  void differentSeedsGiveDifferentStreams();
  void addingAStreamChangesNoOtherStream();
  void defaultRngIsNotZero();
  void uniform01_data();
  void uniform01();
  void negLogOpen01IsMinusLogOfTheSameDraw();
  void negLogOpen01AtAZeroWord();
  void negLogOpen01WorksAheadOnTheOutputsToCome();
};

// Reference: Vigna's splitmix64.c; outputs from state 0 and from state 1234567.
void tst_Rng::splitmix64MatchesReference_data() {
  QTest::addColumn<std::uint64_t>("state");
  QTest::addColumn<std::vector<std::uint64_t>>("outputs");
  QTest::newRow("state 0") << std::uint64_t{0}
                           << std::vector<std::uint64_t>{0xe220a8397b1dcdafULL,
                                                         0x6e789e6aa1b965f4ULL,
                                                         0x06c45d188009454fULL};
  QTest::newRow("state 1234567") << std::uint64_t{1234567}
                                 << std::vector<std::uint64_t>{0x599ed017fb08fc85ULL,
                                                               0x2c73f08458540fa5ULL,
                                                               0x883ebce5a3f27c77ULL};
}

void tst_Rng::splitmix64MatchesReference() {
  QFETCH(std::uint64_t, state);
  QFETCH(std::vector<std::uint64_t>, outputs);
  for (const std::uint64_t expected : outputs) QCOMPARE(splitmix64(state), expected);
}

// Reference: the FNV-1a 64-bit test vectors (offset basis 0xcbf29ce484222325, prime 2^40+0x1b3).
void tst_Rng::fnv1a64MatchesReference_data() {
  QTest::addColumn<QByteArray>("bytes");
  QTest::addColumn<std::uint64_t>("hash");
  QTest::newRow("empty") << QByteArray("") << std::uint64_t{0xcbf29ce484222325ULL};
  QTest::newRow("a") << QByteArray("a") << std::uint64_t{0xaf63dc4c8601ec8cULL};
  QTest::newRow("foobar") << QByteArray("foobar") << std::uint64_t{0x85944171f73967e8ULL};
  QTest::newRow("consumer instance")
      << QByteArray("queue#1") << std::uint64_t{0xd8db6c0d8a875210ULL};
}

void tst_Rng::fnv1a64MatchesReference() {
  QFETCH(QByteArray, bytes);
  QFETCH(std::uint64_t, hash);
  QCOMPARE(fnv1a64(std::string_view(bytes.constData(), bytes.size())), hash);
}

// Reference: xoshiro256starstar.c from state {1, 2, 3, 4}.
void tst_Rng::xoshiroMatchesReference() {
  Rng rng{{1, 2, 3, 4}};
  QCOMPARE(rng.next(), std::uint64_t{11520});
  QCOMPARE(rng.next(), std::uint64_t{0});
  QCOMPARE(rng.next(), std::uint64_t{1509978240});
  QCOMPARE(rng.next(), std::uint64_t{1215971899390074240ULL});
}

// x = seed ^ rotl(fnv1a64(name), 32), then four splitmix64 outputs; computed independently.
// If this fails, every scenario's trajectory (and fingerprint) has changed.
void tst_Rng::makeStreamMatchesDocumentedMixing() {
  const Rng expected{
      {0x0dea43c66d28f323ULL, 0x32e9740b4bbc8abeULL, 0xf015d8238f7e622cULL, 0x72d3f0f6e3dac2daULL}};
  QVERIFY(makeStream(1, "producer") == expected);
}

void tst_Rng::sameSeedAndNameGiveSameStream() {
  Rng first = makeStream(7, "orders");
  Rng second = makeStream(7, "orders");
  QVERIFY(first == second);
  for (int i = 0; i < 1000; ++i) QCOMPARE(first.next(), second.next());
}

void tst_Rng::differentNamesGiveDifferentStreams() {
  std::set<std::uint64_t> firstDraws;
  const int instances = 1000;
  for (int k = 0; k < instances; ++k) {
    Rng rng = makeStream(1, "consumer#" + std::to_string(k));
    firstDraws.insert(rng.next());
  }
  firstDraws.insert(makeStream(1, "consumer").next());
  QCOMPARE(firstDraws.size(), std::size_t{instances + 1});
}

void tst_Rng::differentSeedsGiveDifferentStreams() {
  std::set<std::uint64_t> firstDraws;
  const int seeds = 1000;
  for (int seed = 0; seed < seeds; ++seed) firstDraws.insert(makeStream(seed, "producer").next());
  QCOMPARE(firstDraws.size(), std::size_t{seeds});
}

// A stream is a function of (seed, name) alone: building streams for more components, in any
// order, leaves the draws of the existing ones untouched.
void tst_Rng::addingAStreamChangesNoOtherStream() {
  const auto drawsOf = [](const std::vector<std::string>& names, const std::string& wanted) {
    std::vector<std::uint64_t> draws;
    for (const std::string& name : names) {
      Rng rng = makeStream(42, name);
      if (name != wanted) continue;
      for (int i = 0; i < 100; ++i) draws.push_back(rng.next());
    }
    return draws;
  };
  const auto before = drawsOf({"producer", "queue"}, "queue");
  const auto after = drawsOf({"audit", "producer", "queue", "consumer#0"}, "queue");
  QCOMPARE(after, before);
}

void tst_Rng::defaultRngIsNotZero() {
  Rng rng;
  QVERIFY(rng.s[0] != 0 || rng.s[1] != 0 || rng.s[2] != 0 || rng.s[3] != 0);
  QVERIFY(rng.next() != rng.next());
}

void tst_Rng::uniform01_data() {
  QTest::addColumn<bool>("open");
  QTest::newRow("[0,1)") << false;
  QTest::newRow("(0,1]") << true;
}

// One million draws stay in range and average 1/2 within 4 standard errors (sd 1/sqrt(12)).
void tst_Rng::uniform01() {
  QFETCH(bool, open);
  Rng rng = makeStream(3, "uniform");
  const int n = 1'000'000;
  double sum = 0;
  int outOfRange = 0;
  for (int i = 0; i < n; ++i) {
    const double u = open ? rng.uniformOpen01() : rng.uniform01();
    const bool inRange = open ? (u > 0.0 && u <= 1.0) : (u >= 0.0 && u < 1.0);
    outOfRange += inRange ? 0 : 1;
    sum += u;
  }
  QCOMPARE(outOfRange, 0);
  const double standardError = 1.0 / std::sqrt(12.0 * n);
  QVERIFY2(std::abs(sum / n - 0.5) < 4 * standardError, qPrintable(QString::number(sum / n)));
}

// negLogOpen01 works out the next draw's -log ahead. Whatever mix of draws follows, and across
// copies (a checkpoint), each must be -log(uniformOpen01()) of the same stream drawn plainly, to
// the bit, and the stream's outputs must be the same ones in the same order.
void tst_Rng::negLogOpen01IsMinusLogOfTheSameDraw() {
  Rng ahead = makeStream(11, "lookahead");
  Rng plain = ahead;
  Rng choose = makeStream(11, "which draw");
  std::vector<Rng> copies;
  int negLogs = 0;
  for (int i = 0; i < 200'000; ++i) {
    const std::uint64_t pick = choose.next() % 8;
    if (pick == 0) {
      QCOMPARE(ahead.next(), plain.next());
    } else if (pick == 1) {
      QCOMPARE(ahead.uniform01(), plain.uniform01());
    } else if (pick == 2) {
      QCOMPARE(ahead.uniformOpen01(), plain.uniformOpen01());
    } else {  // most draws exponential, often several in a row, as a sampler draws
      const double got = ahead.negLogOpen01();
      const double want = -pmath::log(plain.uniformOpen01());
      QCOMPARE(std::bit_cast<std::uint64_t>(got), std::bit_cast<std::uint64_t>(want));
      ++negLogs;
    }
    if (i % 20'000 == 0) copies.push_back(ahead);
  }
  QVERIFY(negLogs > 100'000);
  QCOMPARE(ahead.next(), plain.next());
  // A copy taken mid-stream continues exactly as a fresh run to that point would.
  for (Rng& copy : copies) {
    Rng again = copy;
    for (int i = 0; i < 50; ++i) {
      const double a = copy.negLogOpen01();
      const double b = -pmath::log(again.uniformOpen01());
      QCOMPARE(std::bit_cast<std::uint64_t>(a), std::bit_cast<std::uint64_t>(b));
    }
  }
}

// The lookahead is keyed by the state word an output comes from; a stream whose word is 0 (the
// key a fresh Rng starts with) must still draw right.
void tst_Rng::negLogOpen01AtAZeroWord() {
  Rng ahead;
  ahead.s[0] = 1;
  ahead.s[1] = 0;
  ahead.s[2] = 2;
  ahead.s[3] = 3;
  Rng plain = ahead;
  for (int i = 0; i < 4; ++i) {
    const double got = ahead.negLogOpen01();
    const double want = -pmath::log(plain.uniformOpen01());
    QCOMPARE(std::bit_cast<std::uint64_t>(got), std::bit_cast<std::uint64_t>(want));
  }
}

// What makes negLogOpen01 cheap, beyond what it returns (the tests above): after each draw it holds
// -log of the next output, and has started the log of the output after it, keyed by the words
// those outputs come from. Were either key wrong, every draw would work its log out whole on
// demand: right, and slow.
void tst_Rng::negLogOpen01WorksAheadOnTheOutputsToCome() {
  Rng rng = makeStream(5, "ahead");
  for (int i = 0; i < 1000; ++i) {
    rng.negLogOpen01();
    Rng plain = rng;
    QCOMPARE(rng.aheadFor, plain.s[1]);
    const double next = -pmath::log(plain.uniformOpen01());
    QCOMPARE(std::bit_cast<std::uint64_t>(rng.aheadNegLog), std::bit_cast<std::uint64_t>(next));
    QCOMPARE(rng.startedFor, plain.s[1]);
    const double afterNext = plain.uniformOpen01();
    QVERIFY(rng.started == pmath::logStart(afterNext));
  }
}

QTEST_APPLESS_MAIN(tst_Rng)
#include "tst_rng.moc"
