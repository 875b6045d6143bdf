// What the canvas shows is what the engine holds: for every bundled scenario, run for a while,
// one item per component of the right kind, and each item's figures equal the engine's state
// (instance looks, queue depths, partition offsets, API slots, store jobs). And every item paints
// inside its bounds, at the end of each run and in lecture mode's larger type.

#include "CanvasFixtures.h"
#include "UiFixtures.h"
#include "canvas/Animator.h"
#include "canvas/BrokerArea.h"
#include "canvas/ComponentItem.h"
#include "canvas/ConsumerItem.h"
#include "canvas/LinkItem.h"
#include "canvas/MessageLayer.h"
#include "canvas/QueueItem.h"
#include "canvas/RequestReplyItems.h"
#include "canvas/StreamItem.h"
#include "canvas/Theme.h"
#include "canvas/TopicItem.h"
#include "canvas/TopologyScene.h"
#include "canvas/TopologyView.h"
#include "sim/Simulator.h"

#include <QImage>
#include <QLineF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <typeinfo>

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

namespace {

// What the message layer drew in one frame, and the missed copies pulsing then.
struct LectureFrame {
  std::vector<MessageLayer::Drawn> drawn;
  int misses = 0;
};

// Draws the view as its viewport shows it (pixels as items are mapped): the message layer then
// holds what it drew (drawnLastFrame).
void paintViewport(TopologyView& view) {
  QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
  QPainter painter(&image);
  view.render(&painter);
}

// `scenario` in lecture type at 1280 pixels, played to `from`, then six frames at 1x, 0.2 s apart,
// each drawn as the viewport shows it (its pixels are the viewport's, as items are mapped).
std::vector<LectureFrame> lectureFrames(SimulationController& c, TopologyView& view,
                                        const QString& scenario, SimTime from) {
  static const Theme lecture = Theme::lecture();
  view.resize(1280, 560);
  view.setTheme(lecture);
  c.load(loadBundled(scenario));
  playTo(c, from);
  std::vector<LectureFrame> frames;
  for (int k = 0; k < 6; ++k) {
    playTo(c, c.simulator().now() + kSecond / 5, 1);
    paintViewport(view);
    LectureFrame frame;
    frame.drawn = view.topology()->messageLayer().drawnLastFrame();
    for (const Burst& b : view.animator()->bursts()) frame.misses += b.kind == TraceKind::Miss;
    frames.push_back(std::move(frame));
  }
  return frames;
}

// Where `item` (called `name`) paints outside its bounding rect (a pixel more than one away from
// it), or an empty string. Qt repaints only bounding rects: ink outside one stays on the canvas as
// a smear, and text that spills out of its box is also what a projector shows cut off or over its
// neighbours.
QString inkOutsideBounds(QGraphicsItem& item, const QString& name) {
  const QRectF bounds = item.boundingRect();
  const double margin = 80;
  QImage image((bounds.size() + QSizeF(2 * margin, 2 * margin)).toSize(),
               QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  {
    QPainter p(&image);
    p.translate(margin - bounds.left(), margin - bounds.top());
    QStyleOptionGraphicsItem option;
    item.paint(&p, &option, nullptr);
  }
  const QRect inside = bounds.translated(margin - bounds.left(), margin - bounds.top())
                           .toAlignedRect()
                           .adjusted(-1, -1, 1, 1);
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if (!inside.contains(x, y) && qAlpha(image.pixel(x, y)) != 0)
        return QStringLiteral("%1 paints at (%2, %3), outside its bounds %4x%5")
            .arg(name)
            .arg(x - margin + bounds.left())
            .arg(y - margin + bounds.top())
            .arg(bounds.width())
            .arg(bounds.height());
  return {};
}

}  // namespace

class tst_Canvas : public QObject {
  Q_OBJECT

 private slots:
  void showsWhatTheEngineHolds_data();
  void showsWhatTheEngineHolds();
  void linksFollowTheModel();
  void crashedInstanceLooksCrashed();
  void fastForwardStillUpdatesFigures();
  void messagesInTransitMatchTheRecords();
  void itemsPaintInsideTheirBounds_data();
  void itemsPaintInsideTheirBounds();
  void linksKeepClearOfComponents_data();
  void linksKeepClearOfComponents();
  void theBrokersEdgeIsWholeBetweenItsParts();
  void labelsStayAboveTheMarks();
  void labelsLeaveTheComponentsReadable_data();
  void labelsLeaveTheComponentsReadable();
  void flightsPassBehindTheClientsTheyDoNotServe();
  void burstWordsLeaveTitlesReadable();
  void burstWordsStandClearOfTheRings();
  void aMissIsCountedByItsLaneNotWorded();
};

void tst_Canvas::showsWhatTheEngineHolds_data() {
  addBundledScenarioRows();
}

void tst_Canvas::showsWhatTheEngineHolds() {
  QFETCH(QString, scenario);
  SimulationController c;
  TopologyView view(c);
  c.load(loadBundled(scenario));
  QVERIFY(view.topology());
  QCOMPARE(view.topology()->componentItems().size(), c.model()->components.size());
  // Several moments: early, mid-run (faults in most scenarios happen by then), near the end.
  for (const double fraction : {0.1, 0.45, 0.9}) {
    playTo(c, static_cast<SimTime>(c.model()->duration * fraction), 200);
    compareWithEngine(*view.topology(), c.simulator());
    if (QTest::currentTestFailed()) {
      qWarning("at %g of the run", fraction);
      return;
    }
  }
}

void tst_Canvas::linksFollowTheModel() {
  SimulationController c;
  TopologyView view(c);
  c.load(loadBundled(QStringLiteral("poison-dead-letter")));
  const auto& links = view.topology()->linkItems();
  // checkout -> payments, payments -> payment-workers, payments -> payments.dlq (dead letters)
  QCOMPARE(links.size(), std::size_t{3});
  int deadLetters = 0;
  for (const LinkItem* l : links) deadLetters += l->style() == LinkItem::Style::DeadLetters;
  QCOMPARE(deadLetters, 1);
}

void tst_Canvas::crashedInstanceLooksCrashed() {
  SimulationController c;
  TopologyView view(c);
  c.load(loadBundled(QStringLiteral("consumer-crash-manual-ack")));
  const Model& m = *c.model();
  // Find the first crash fault and look just after it.
  QVERIFY(!m.faults.empty());
  const FaultDef& crash = m.faults.front();
  QCOMPARE(crash.kind, FaultKind::Crash);
  playTo(c, crash.at + kMillisecond, 100);
  const auto* item =
      dynamic_cast<const ConsumerItem*>(view.topology()->componentItem(crash.component));
  QVERIFY(item);
  const std::uint32_t first = m.consumers[crash.consumer].firstInstance;
  int crashed = 0;
  for (std::size_t i = 0; i < item->instances().size(); ++i) {
    const bool engineCrashed = c.simulator().instances()[first + i].crashed;
    QCOMPARE(item->instances()[i].look == InstanceLook::Crashed, engineCrashed);
    crashed += engineCrashed;
  }
  QVERIFY(crashed >= 1);
}

void tst_Canvas::fastForwardStillUpdatesFigures() {
  SimulationController c;
  TopologyView view(c);
  c.load(loadBundled(QStringLiteral("traffic-spike")));
  c.setFastForward(true);
  c.play();
  for (int i = 0; i < 5; ++i) {
    c.advanceFrame(1.0 / 60);
    compareWithEngine(*view.topology(), c.simulator());
    QCOMPARE(view.animator()->flightsDrawn(), std::size_t{0});  // no motion made up
  }
  QVERIFY(c.simulator().now() > 0);
}

// Every message the records put on a link and that has not arrived (in simulated time) is
// counted in transit: the same count as the engine's messages on their way.
void tst_Canvas::messagesInTransitMatchTheRecords() {
  SimulationController c;
  TopologyView view(c);
  c.load(loadBundled(QStringLiteral("work-queue")));
  playTo(c, 5 * kSecond, 2);
  std::uint64_t toBroker = 0;
  std::uint64_t toConsumer = 0;
  const MessagePool& pool = c.simulator().messages();
  for (std::uint32_t i = 0; i < pool.capacity(); ++i) {
    toBroker += pool[i].state == MessageState::ToBroker;
    toConsumer += pool[i].state == MessageState::ToConsumer;
  }
  std::uint64_t onLinks = 0;
  for (const LinkFlow& l : view.animator()->links())
    if (l.kind == FlightKind::Message) onLinks += l.inTransit();
  QCOMPARE(onLinks, toBroker + toConsumer);
}

void tst_Canvas::itemsPaintInsideTheirBounds_data() {
  addBundledScenarioRows();
}

// At the end of each bundled run, where counts are largest, in the window's theme and in lecture
// mode's larger type: every item of the scene (components, links, the broker's area, the layer of
// messages in flight).
void tst_Canvas::itemsPaintInsideTheirBounds() {
  QFETCH(QString, scenario);
  SimulationController c;
  TopologyView view(c);
  c.load(loadBundled(scenario));
  runTo(c, c.model()->duration);
  const Theme lecture = Theme::lecture();
  const Theme window;
  for (const Theme* theme : {&window, &lecture}) {
    view.setTheme(*theme);  // a new scene, as the window's lecture mode makes it
    for (QGraphicsItem* item : view.topology()->items()) {
      const auto* component = dynamic_cast<const ComponentItem*>(item);
      const QString where = inkOutsideBounds(
          *item, component ? component->id() : QString::fromLatin1(typeid(*item).name()));
      QVERIFY2(where.isEmpty(), qPrintable((theme == &lecture ? "lecture: " : "") + where));
    }
  }
}

void tst_Canvas::linksKeepClearOfComponents_data() {
  addBundledScenarioRows();
}

// No link, and so no message flying along it, runs through a component's title: a dead-letter
// link met its queue at the middle of the tube's top, and the dead letters flew through the
// dead-letter queue's name ("overf●owed"). Nor through a component it does not connect: a
// consumer in a far sub-column (queue-vs-topic-vs-stream's email and reporting, a fan-out's second
// column) is reached through the gaps between the nearer ones. In the window's theme and in
// lecture mode's. Not the HTTP links of a crowd of clients (poll-storm's twenty, folded into four
// staggered sub-columns): there a far client's link crosses the rows of the nearer ones.
void tst_Canvas::linksKeepClearOfComponents() {
  QFETCH(QString, scenario);
  SimulationController c;
  TopologyView view(c);
  c.load(loadBundled(scenario));
  const Theme lecture = Theme::lecture();
  const Theme window;
  for (const Theme* theme : {&window, &lecture}) {
    view.setTheme(*theme);
    const TopologyScene& scene = *view.topology();
    const QString where = theme == &lecture ? QStringLiteral("lecture: ") : QString();
    for (const LinkItem* link : scene.linkItems()) {
      if (link->style() == LinkItem::Style::Http) continue;
      const QString ends = scene.componentItem(link->fromEnd().component)->id() +
                           QStringLiteral(" to ") +
                           scene.componentItem(link->toEnd().component)->id();
      for (std::uint32_t k = 0; k < scene.componentItems().size(); ++k) {
        const ComponentItem* item = scene.componentItem(k);
        const bool end = k == link->fromEnd().component || k == link->toEnd().component;
        const QRectF title = item->titleRect();
        const QRectF box = item->sceneBoundingRect().adjusted(1, 1, -1, -1);
        for (int i = 0; i <= 200; ++i) {
          const QPointF at = link->curve().at(i / 200.0);
          const QString through =
              end || !box.contains(at) ? QString() : QStringLiteral("through %1").arg(item->id());
          const QString overTitle = !title.contains(at)
                                        ? QString()
                                        : QStringLiteral("through %1's title").arg(item->id());
          QVERIFY2(through.isEmpty() && overTitle.isEmpty(),
                   qPrintable(QStringLiteral("%1the link from %2 %3 at (%4, %5)")
                                  .arg(where, ends, through + overTitle)
                                  .arg(at.x())
                                  .arg(at.y())));
        }
      }
    }
  }
}

// Two queues stacked close: the broker's area around them has one straight edge from the first to
// the second, rounded only at its outer corners. United as rounded rectangles, the parts met in a
// notch where one's rounded corners overlapped the next's (broker-restart-durability showed it).
void tst_Canvas::theBrokersEdgeIsWholeBetweenItsParts() {
  BrokerArea area{Theme()};
  area.setParts({QRectF(0, 0, 100, 50), QRectF(0, 90, 100, 50)});  // padded: 16 units overlap
  const QPainterPath& outline = area.outline();
  QCOMPARE(outline.toSubpathPolygons().size(), 1);  // one area
  for (const qreal y : {70.0, 78.0, 86.0}) {
    QVERIFY2(outline.contains(QPointF(-27, y)), qPrintable(QString::number(y)));  // left edge
    QVERIFY2(outline.contains(QPointF(127, y)), qPrintable(QString::number(y)));  // right edge
  }
  QVERIFY(!outline.contains(QPointF(-27, -19)));  // the outer corners still rounded
  QVERIFY(!outline.contains(QPointF(127, 175)));
  // Apart, two areas.
  area.setParts({QRectF(0, 0, 100, 50), QRectF(0, 200, 100, 50)});
  QCOMPARE(area.outline().toSubpathPolygons().size(), 2);
}

// Poll-storm's crowd of store writes: where a label does not fit, its flight is drawn as a mark,
// and it was drawn after the labels that did fit, over their words ("writ■ Completed").
void tst_Canvas::labelsStayAboveTheMarks() {
  SimulationController c;
  TopologyView view(c);
  view.resize(1600, 760);
  c.load(loadBundled(QStringLiteral("poll-storm")));
  playTo(c, 29 * kSecond);
  playTo(c, 30 * kSecond, 1);  // flights one by one, as at 1x
  QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
  QPainter painter(&image);
  view.render(&painter);
  painter.end();
  const auto& drawn = view.topology()->messageLayer().drawnLastFrame();
  int labels = 0;
  int marksUnderLabels = 0;
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    if (drawn[i].kind != MessageLayer::Drawn::Label) continue;
    ++labels;
    for (std::size_t j = 0; j < drawn.size(); ++j) {
      if (drawn[j].kind != MessageLayer::Drawn::Mark || !drawn[j].rect.intersects(drawn[i].rect))
        continue;
      QVERIFY2(j < i, qPrintable(QStringLiteral("a mark drawn over the label at (%1, %2)")
                                     .arg(drawn[i].rect.x())
                                     .arg(drawn[i].rect.y())));
      ++marksUnderLabels;
    }
  }
  QVERIFY(labels >= 4);  // 5 before labels kept off the components; one of them covered a client
  QVERIFY(marksUnderLabels > 0);  // the crowd does put marks where the labels are
}

// An HTTP flight's label was centred on its dot, so it covered the client it left or the API it
// reached ("POST /jobs" over the client's "waiting 2 · done 13"), and in poll-storm the nearer
// clients a far client's link passes. Near an end it now waits where it clears that component.
void tst_Canvas::labelsLeaveTheComponentsReadable_data() {
  QTest::addColumn<QString>("scenario");
  QTest::addColumn<bool>("lecture");
  QTest::newRow("poll-storm") << QStringLiteral("poll-storm") << false;
  QTest::newRow("polling-vs-webhook") << QStringLiteral("polling-vs-webhook") << false;
  QTest::newRow("async-request-reply lecture") << QStringLiteral("async-request-reply") << true;
}

void tst_Canvas::labelsLeaveTheComponentsReadable() {
  QFETCH(QString, scenario);
  QFETCH(bool, lecture);
  static const Theme lectureTheme = Theme::lecture();
  SimulationController c;
  TopologyView view(c);
  view.resize(lecture ? 1280 : 1600, lecture ? 560 : 760);
  if (lecture) view.setTheme(lectureTheme);
  c.load(loadBundled(scenario));
  playTo(c, 20 * kSecond);
  int labels = 0;
  for (int frame = 0; frame < 40; ++frame) {
    playTo(c, c.simulator().now() + kSecond / 20, 1);  // flights one by one, as at 1x
    paintViewport(view);
    const QTransform toView = view.viewportTransform();
    const auto& drawn = view.topology()->messageLayer().drawnLastFrame();
    for (std::size_t i = 0; i < drawn.size(); ++i) {
      if (drawn[i].kind != MessageLayer::Drawn::Label) continue;
      ++labels;
      for (const ComponentItem* item : view.topology()->componentItems()) {
        const QRectF box = toView.mapRect(item->sceneBoundingRect());
        QVERIFY2(
            !box.intersects(drawn[i].rect),
            qPrintable(QStringLiteral("frame %1: a label over %2").arg(frame).arg(item->id())));
      }
      // A click on a label is a click on its flight, even where the label waits apart from its
      // dot (the dot is more than a click's slack away).
      const QPointF centre = toView.inverted().map(drawn[i].rect.center());
      QVERIFY2(
          view.topology()->messageLayer().flightNear(centre, 0.5) != nullptr,
          qPrintable(QStringLiteral("frame %1: a label that does not answer a click").arg(frame)));
    }
  }
  QVERIFY2(labels >= 20, qPrintable(QString::number(labels)));
}

// Poll-storm's clients stand in four staggered columns, and a far client's link passes nearer
// clients on its way to the API. The links run behind those clients; the requests and responses
// on them were drawn over their boxes, every 50 ms a poll, over "waiting 3 · done 44".
void tst_Canvas::flightsPassBehindTheClientsTheyDoNotServe() {
  SimulationController c;
  TopologyView view(c);
  view.resize(1600, 760);
  c.load(loadBundled(QStringLiteral("poll-storm")));
  playTo(c, 20 * kSecond);
  int marks = 0;
  for (int frame = 0; frame < 30; ++frame) {
    playTo(c, c.simulator().now() + kSecond / 20, 1);
    paintViewport(view);
    const QTransform toView = view.viewportTransform();
    for (const MessageLayer::Drawn& d : view.topology()->messageLayer().drawnLastFrame()) {
      if (d.kind != MessageLayer::Drawn::Mark) continue;
      ++marks;
      for (const ComponentItem* item : view.topology()->componentItems()) {
        if (item->kind() != ComponentKind::Client) continue;
        // A client's own flights leave and reach it at its edge, never inside it.
        const QRectF inside = toView.mapRect(item->sceneBoundingRect()).adjusted(4, 4, -4, -4);
        QVERIFY2(!inside.contains(d.rect.center()),
                 qPrintable(QStringLiteral("frame %1: a dot over %2").arg(frame).arg(item->id())));
      }
    }
  }
  QVERIFY2(marks > 100, qPrintable(QString::number(marks)));
}

// What happened at a queue, in words over its ring ("overflow → DLQ", "rejected"): in lecture
// type, centred over the ring at the queue's tail, the word covered the queue's title.
void tst_Canvas::burstWordsLeaveTitlesReadable() {
  SimulationController c;
  TopologyView view(c);
  int words = 0;
  for (const LectureFrame& frame :
       lectureFrames(c, view, QStringLiteral("overflow-policies"), 39 * kSecond)) {
    for (const MessageLayer::Drawn& d : frame.drawn) {
      if (d.kind != MessageLayer::Drawn::Word) continue;
      ++words;
      for (const ComponentItem* item : view.topology()->componentItems()) {
        const QRectF title = view.viewportTransform().mapRect(item->titleRect());
        QVERIFY2(!title.intersects(d.rect), qPrintable(item->id()));
      }
    }
  }
  QVERIFY(words > 0);
}

// A full queue sheds a message at every publish, so its rings follow one another. The word was
// placed over the newest ring, the smallest, and the older, wider ones ran through it
// ("overflow → DLQ" at overflow-policies' latest-wins, orange on orange).
void tst_Canvas::burstWordsStandClearOfTheRings() {
  SimulationController c;
  TopologyView view(c);
  int words = 0;
  int rings = 0;
  for (const LectureFrame& frame :
       lectureFrames(c, view, QStringLiteral("overflow-policies"), 30 * kSecond)) {
    for (const MessageLayer::Drawn& word : frame.drawn) {
      if (word.kind != MessageLayer::Drawn::Word) continue;
      ++words;
      for (const MessageLayer::Drawn& ring : frame.drawn) {
        if (ring.kind != MessageLayer::Drawn::Ring) continue;
        ++rings;
        // The ring's outer edge against the word's box: the box's point nearest the centre.
        const QPointF centre = ring.rect.center();
        const QPointF nearest(std::clamp(centre.x(), word.rect.left(), word.rect.right()),
                              std::clamp(centre.y(), word.rect.top(), word.rect.bottom()));
        QVERIFY2(QLineF(centre, nearest).length() >= ring.rect.width() / 2 - 0.5,
                 qPrintable(QStringLiteral("a ring of radius %1 through the word at (%2, %3)")
                                .arg(ring.rect.width() / 2)
                                .arg(word.rect.x())
                                .arg(word.rect.y())));
      }
    }
  }
  QVERIFY(words > 0);
  QVERIFY(rings > words);  // rings one after another, as the test means
}

// A topic's copy missed by an offline subscription pulses at that subscription's lane. Its word,
// "missed", fell on the next lane up and beside the lane's own label, which counts the misses
// ("# · missed 50"), in lecture type (fanout-notifications before analytics joins at 20 s).
void tst_Canvas::aMissIsCountedByItsLaneNotWorded() {
  SimulationController c;
  TopologyView view(c);
  int misses = 0;
  for (const LectureFrame& frame :
       lectureFrames(c, view, QStringLiteral("fanout-notifications"), 9 * kSecond)) {
    misses += frame.misses;
    for (const MessageLayer::Drawn& d : frame.drawn) QVERIFY(d.kind != MessageLayer::Drawn::Word);
  }
  QVERIFY(misses > 0);  // the rings were there
}

QTEST_MAIN(tst_Canvas)
#include "tst_canvas.moc"
