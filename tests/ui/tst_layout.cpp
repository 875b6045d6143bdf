// Where components sit: the scenario's layout wins; without one, the automatic layout puts
// each kind in its column, never two components on top of each other, for every bundled scenario.

#include "UiFixtures.h"
#include "canvas/ComponentItem.h"
#include "canvas/LayoutBands.h"
#include "canvas/TopologyLayout.h"
#include "canvas/TopologyScene.h"
#include "model/ModelBuilder.h"

using namespace brokerlab;
using namespace brokerlab::ui;
using namespace brokerlab::ui::testing;

namespace {
std::unique_ptr<TopologyScene> sceneOf(const Scenario& s, const Theme& theme) {
  auto model = std::make_shared<const Model>(*buildModel(s).model);
  return std::make_unique<TopologyScene>(s, model, theme);
}
}  // namespace

class tst_Layout : public QObject {
  Q_OBJECT

 private slots:
  void automaticLayoutNeverOverlaps_data();
  void automaticLayoutNeverOverlaps();
  void columnsFollowRoles();
  void scenarioLayoutWins();
  void partialLayoutPlacesTheRestClear();
  void manyPipelinesSitSideBySide();
  void foldingNeverCutsWhatIsConnected();
  void aTallColumnFoldsWhenThatDrawsItLarger();
};

void tst_Layout::automaticLayoutNeverOverlaps_data() {
  addBundledScenarioRows();
}

void tst_Layout::automaticLayoutNeverOverlaps() {
  QFETCH(QString, scenario);
  Scenario s = loadBundled(scenario);
  s.layout.clear();
  const Theme theme;
  const auto scene = sceneOf(s, theme);
  const auto& items = scene->componentItems();
  for (std::size_t a = 0; a < items.size(); ++a)
    for (std::size_t b = a + 1; b < items.size(); ++b)
      QVERIFY2(!items[a]->sceneBoundingRect().intersects(items[b]->sceneBoundingRect()),
               qPrintable(items[a]->id() + QStringLiteral(" overlaps ") + items[b]->id()));
}

void tst_Layout::columnsFollowRoles() {
  Scenario s = loadBundled(QStringLiteral("async-request-reply"));
  s.layout.clear();
  const Theme theme;
  const auto scene = sceneOf(s, theme);
  const auto x = [&](const char* id) {
    for (const ComponentItem* item : scene->componentItems())
      if (item->id() == QLatin1String(id)) return item->pos().x();
    return -1e9;
  };
  QVERIFY(x("browser") < x("jobs-api"));
  QVERIFY(x("jobs-api") < x("jobs"));
  QVERIFY(x("jobs") < x("worker"));
  QCOMPARE(x("job-status"), x("jobs"));  // the store sits under the job queue
}

void tst_Layout::scenarioLayoutWins() {
  Scenario s = loadBundled(QStringLiteral("work-queue"));
  s.layout = {{"orders-api", {-500, 300}}, {"orders", {0, 0}}, {"workers", {450, -200}}};
  const Theme theme;
  const auto scene = sceneOf(s, theme);
  QCOMPARE(scene->componentItem(0)->pos(), QPointF(-500, 300));
  QCOMPARE(scene->componentItem(1)->pos(), QPointF(0, 0));
  QCOMPARE(scene->componentItem(2)->pos(), QPointF(450, -200));
}

void tst_Layout::partialLayoutPlacesTheRestClear() {
  Scenario s = loadBundled(QStringLiteral("traffic-spike"));
  s.layout.clear();
  const Theme theme;
  const auto automatic = sceneOf(s, theme);
  // Put the queue exactly where the automatic layout puts the first producer.
  const QPointF taken = automatic->componentItem(0)->pos();
  std::uint32_t queue = 0;
  for (std::uint32_t c = 0; c < s.components.size(); ++c)
    if (s.components[c].kind == ComponentKind::Queue) queue = c;
  s.layout[s.components[queue].id] = {taken.x(), taken.y()};
  const auto scene = sceneOf(s, theme);
  QCOMPARE(scene->componentItem(queue)->pos(), taken);
  const auto& items = scene->componentItems();
  for (std::size_t a = 0; a < items.size(); ++a)
    for (std::size_t b = a + 1; b < items.size(); ++b)
      QVERIFY2(!items[a]->sceneBoundingRect().intersects(items[b]->sceneBoundingRect()),
               qPrintable(items[a]->id() + QStringLiteral(" overlaps ") + items[b]->id()));
}

// Twenty pipelines that share nothing (a producer, its queue, its workers): one column of rows
// was a strip twice as tall as it was wide, drawn at a third of its size on a 1600x700 canvas. Set
// side by side in bands, the same picture is drawn larger, every pipeline whole in its band.
void tst_Layout::manyPipelinesSitSideBySide() {
  Scenario s = loadBundled(QStringLiteral("work-queue"));
  s.components.clear();
  s.annotations.clear();
  s.layout.clear();
  const Scenario one = loadBundled(QStringLiteral("work-queue"));
  for (int i = 0; i < 20; ++i) {
    for (ComponentSpec c : one.components) {
      const std::string suffix = "-" + std::to_string(i);
      c.id += suffix;
      if (c.target) *c.target += suffix;
      if (c.source) *c.source += suffix;
      s.components.push_back(c);
    }
  }
  const Theme theme;
  const auto scene = sceneOf(s, theme);
  const auto& items = scene->componentItems();
  QRectF all;
  for (const ComponentItem* item : items) all |= item->sceneBoundingRect();
  const QSizeF canvas(1600, 700);
  const double scale = std::min(canvas.width() / all.width(), canvas.height() / all.height());
  QVERIFY2(all.width() > all.height(),
           qPrintable(QStringLiteral("%1 x %2").arg(all.width()).arg(all.height())));
  for (std::size_t a = 0; a < items.size(); ++a)
    for (std::size_t b = a + 1; b < items.size(); ++b)
      QVERIFY2(!items[a]->sceneBoundingRect().intersects(items[b]->sceneBoundingRect()),
               qPrintable(items[a]->id() + QStringLiteral(" overlaps ") + items[b]->id()));
  // Each pipeline left to right in one band: the producer, then its queue, then its workers, near.
  for (int i = 0; i < 20; ++i) {
    const ComponentItem* producer = items[static_cast<std::size_t>(3 * i)];
    const ComponentItem* queue = items[static_cast<std::size_t>(3 * i + 1)];
    const ComponentItem* workers = items[static_cast<std::size_t>(3 * i + 2)];
    QVERIFY(producer->pos().x() < queue->pos().x());
    QVERIFY(queue->pos().x() < workers->pos().x());
    QVERIFY2(workers->pos().x() - producer->pos().x() < 1200, qPrintable(producer->id()));
    QVERIFY2(std::abs(producer->pos().y() - queue->pos().y()) < 100, qPrintable(producer->id()));
  }
  // Near twice the size of the strip one column made (1,150 x 3,248 units: 0.22).
  const double strip = std::min(canvas.width() / 1150, canvas.height() / 3248);
  QVERIFY2(scale > 1.8 * strip, qPrintable(QStringLiteral("%1 against %2").arg(scale).arg(strip)));
}

// A fan-out's four subscribers stacked in one column set the picture's height: in lecture type on
// a 1280x720 screen its text was about 9 pixels high. In two staggered sub-columns the picture is
// drawn larger on a wide canvas, and every link reaches its subscriber through the gaps
// (tst_canvas::linksKeepClearOfComponents).
void tst_Layout::aTallColumnFoldsWhenThatDrawsItLarger() {
  const Scenario s = loadBundled(QStringLiteral("fanout-notifications"));
  const auto model = std::make_shared<const Model>(*buildModel(s).model);
  const Theme lecture = Theme::lecture();
  const Theme window;
  for (const Theme* theme : {&window, &lecture}) {
    const TopologyScene scene(s, model, *theme);
    std::vector<QSizeF> sizes;
    for (const ComponentItem* item : scene.componentItems())
      sizes.push_back(item->boundingRect().size());
    bool folded = false;
    const std::vector<QPointF> twoColumns = layoutComponents(s, *model, sizes, true, &folded);
    QVERIFY(folded);
    const std::vector<QPointF> oneColumn = layoutComponents(s, *model, sizes, false);
    // How large each is drawn on a canvas of kCanvasAspect: the inverse of its extent.
    const auto extent = [&](const std::vector<QPointF>& centres) {
      QRectF all;
      for (std::size_t c = 0; c < centres.size(); ++c)
        all |= QRectF(centres[c] - QPointF(sizes[c].width() / 2, sizes[c].height() / 2), sizes[c]);
      return std::max(all.width() / kCanvasAspect, all.height());
    };
    QVERIFY2(
        extent(oneColumn) > 1.25 * extent(twoColumns),
        qPrintable(QStringLiteral("%1 against %2").arg(extent(oneColumn)).arg(extent(twoColumns))));
    // The scene shows the folded layout: the subscribers in two sub-columns.
    std::vector<double> columns;
    for (std::uint32_t c = 0; c < scene.componentItems().size(); ++c) {
      const ComponentItem* item = scene.componentItem(c);
      if (item->kind() != ComponentKind::Consumer) continue;
      QCOMPARE(item->pos(), twoColumns[c]);
      if (std::find(columns.begin(), columns.end(), item->pos().x()) == columns.end())
        columns.push_back(item->pos().x());
    }
    QCOMPARE(columns.size(), std::size_t{2});
  }
}

// The bands are cut only between components that are not drawn connected; where everything is
// connected, or the picture is already wide, nothing moves.
void tst_Layout::foldingNeverCutsWhatIsConnected() {
  std::vector<QPointF> rows;
  std::vector<QSizeF> sizes;
  for (int i = 0; i < 30; ++i)
    for (int x : {0, 300, 600}) {
      rows.emplace_back(x, i * 100);
      sizes.emplace_back(120, 60);
    }
  std::vector<std::vector<std::uint32_t>> apart(rows.size());
  for (std::uint32_t r = 0; r < 30; ++r)
    for (std::uint32_t k : {0u, 1u}) {
      apart[3 * r + k].push_back(3 * r + k + 1);
      apart[3 * r + k + 1].push_back(3 * r + k);
    }
  std::vector<QPointF> folded = rows;
  QVERIFY(foldIntoBands(folded, sizes, apart) > 1);
  for (std::size_t r = 0; r < 30; ++r) {  // each row moved whole
    const QPointF by = folded[3 * r] - rows[3 * r];
    QCOMPARE(folded[3 * r + 1] - rows[3 * r + 1], by);
    QCOMPARE(folded[3 * r + 2] - rows[3 * r + 2], by);
  }
  // One chain through every row: nothing to cut.
  std::vector<std::vector<std::uint32_t>> chained = apart;
  for (std::uint32_t r = 0; r + 1 < 30; ++r) {
    chained[3 * r + 2].push_back(3 * r + 3);
    chained[3 * r + 3].push_back(3 * r + 2);
  }
  std::vector<QPointF> same = rows;
  QCOMPARE(foldIntoBands(same, sizes, chained), 1);
  QCOMPARE(same, rows);
  // Three rows: wider than tall already.
  std::vector<QPointF> few(rows.begin(), rows.begin() + 9);
  const std::vector<QPointF> before = few;
  QCOMPARE(foldIntoBands(few, std::vector<QSizeF>(sizes.begin(), sizes.begin() + 9),
                         std::vector<std::vector<std::uint32_t>>(apart.begin(), apart.begin() + 9)),
           1);
  QCOMPARE(few, before);
}

QTEST_MAIN(tst_Layout)
#include "tst_layout.moc"
