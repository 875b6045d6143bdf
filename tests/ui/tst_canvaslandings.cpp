// What the canvas shows after a landing (a run to a time, a seek on the timeline): the same as a
// run played to that moment, for what the records of the way there would have told: what reached
// each client last, how far each busy instance is with its message, and in what colour.

#include "CanvasFixtures.h"
#include "UiFixtures.h"
#include "canvas/TopologyView.h"

#include <cmath>
#include <utility>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

class tst_CanvasLandings : public QObject {
  Q_OBJECT

 private slots:
  void aClientShowsWhatReachedItLast();
  void aLandingKnowsHowFarEachInstanceIs();
};

// A client's screen says what reached it last, wherever the run landed: after a run without
// motion (no records kept) and after a seek back, as well as while it plays. It used to come from
// the animated flights, and said "—" after a landing (the webhook client's) or what an earlier
// moment had left; and a WebSocket push read "0 Completed".
void tst_CanvasLandings::aClientShowsWhatReachedItLast() {
  SimulationController c;
  TopologyView view(c);
  c.load(loadBundled(QStringLiteral("push-alternatives")));
  const auto heard = [&](const char* id) {
    const auto* k =
        dynamic_cast<const ClientItem*>(view.topology()->itemWithId(QString::fromLatin1(id)));
    return k ? k->heard() : QStringLiteral("(no client %1)").arg(id);
  };
  // The jobs of 4 s ended at 5.52 s: pushed, called back, or (polling) not known yet.
  runTo(c, 5526 * kMillisecond);
  QCOMPARE(heard("polling-client"), QStringLiteral("200 Running"));
  QCOMPARE(heard("sse-client"), QStringLiteral("SSE: Completed"));
  QCOMPARE(heard("websocket-client"), QStringLiteral("WS: Completed"));
  QCOMPARE(heard("webhook-client"), QStringLiteral("webhook: Completed"));
  compareWithEngine(*view.topology(), c.simulator());
  // Back to 2 s: nothing has reached three of them; the WebSocket client has its 101.
  c.seek(2 * kSecond);
  QCOMPARE(heard("polling-client"), QStringLiteral("—"));
  QCOMPARE(heard("webhook-client"), QStringLiteral("—"));
  QCOMPARE(heard("websocket-client"), QStringLiteral("101 Switching Protocols"));
  compareWithEngine(*view.topology(), c.simulator());
  // The API holds the WebSocket open (and, while a job runs, the SSE stream).
  const auto* api =
      dynamic_cast<const ApiItem*>(view.topology()->itemWithId(QStringLiteral("api")));
  QVERIFY(api && api->showsHeld());
  QCOMPARE(api->held(), std::uint64_t{1});
  playTo(c, 4500 * kMillisecond, 5);
  QCOMPARE(api->held(), std::uint64_t{2});
  QCOMPARE(heard("sse-client"), QStringLiteral("200 Running"));  // the stream's first answer
  compareWithEngine(*view.topology(), c.simulator());
}

// A run that lands mid-run (run to a time, a seek) draws each busy instance's progress as a run
// played there does: from the message's start and its pending service end, not "unknown" (a
// full circle) for every message started before the landing. The 3 s jobs of async-request-reply
// and the poll-storm workers, at moments where several have been busy for a while.
void tst_CanvasLandings::aLandingKnowsHowFarEachInstanceIs() {
  for (const auto& [name, at] : {std::pair{QStringLiteral("async-request-reply"), 20 * kSecond},
                                 std::pair{QStringLiteral("poll-storm"), 30 * kSecond}}) {
    SimulationController played, landed, sought;
    TopologyView playedView(played), landedView(landed), soughtView(sought);
    for (SimulationController* c : {&played, &landed, &sought}) c->load(loadBundled(name));
    playTo(played, at, 5);
    runTo(landed, played.simulator().now());
    playTo(sought, at + 10 * kSecond, 50);
    sought.seek(played.simulator().now());
    QCOMPARE(landed.simulator().now(), played.simulator().now());
    QCOMPARE(sought.simulator().now(), played.simulator().now());
    int busy = 0;
    for (std::uint32_t c = 0; c < played.model()->components.size(); ++c) {
      const auto* p = dynamic_cast<const ConsumerItem*>(playedView.topology()->componentItem(c));
      if (!p) continue;
      for (const TopologyView* v : {&landedView, &soughtView}) {
        const auto* l = dynamic_cast<const ConsumerItem*>(v->topology()->componentItem(c));
        QCOMPARE(l->instances().size(), p->instances().size());
        for (std::size_t i = 0; i < p->instances().size(); ++i) {
          const ConsumerItem::Instance& want = p->instances()[i];
          const ConsumerItem::Instance& got = l->instances()[i];
          QCOMPARE(got.look, want.look);
          if (want.look != InstanceLook::Busy) continue;
          ++busy;
          QVERIFY2(want.progress >= 0, qPrintable(name));  // played from the start: all known
          QVERIFY2(std::abs(got.progress - want.progress) < 1e-9,
                   qPrintable(QStringLiteral("%1 instance %2: %3 landed, %4 played")
                                  .arg(name)
                                  .arg(i)
                                  .arg(got.progress)
                                  .arg(want.progress)));
          QCOMPARE(got.colour, want.colour);
        }
      }
    }
    QVERIFY2(busy >= 4, qPrintable(name));
  }
}

QTEST_MAIN(tst_CanvasLandings)
#include "tst_canvaslandings.moc"
